// Shared helpers of the JS package tests (tests/js/*.test.mjs).
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const PKG = join(ROOT, 'pkg');
export const FIXTURES = join(ROOT, 'tests', 'fixtures');

/** Codes whose default severity is `warning` (everything else is `error`). */
export const WARNING_CODES = new Set([
  'insecure_url', 'unreachable_url', 'unusual_id', 'moved', 'unknown_key', 'read_only', 'ignored_for_channel', 'recommended',
]);
export const defaultSeverity = (code) => (WARNING_CODES.has(code) ? 'warning' : 'error');

/** Every `*.json` under `dir`, sorted, as absolute paths. */
export function jsonFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...jsonFiles(p));
    else if (name.endsWith('.json')) out.push(p);
  }
  return out;
}
export const rel = (p) => relative(ROOT, p);

/** (code, pointer, severity) triples, for comparing issue lists. */
export const brief = (issues) => issues.map((i) => [i.code, i.pointer, i.severity]);

/** RFC 6901 pointer of a path. */
export const pointerOf = (path) =>
  path.map((s) => '/' + String(s).replaceAll('~', '~0').replaceAll('/', '~1')).join('');

/** The way messages name a field (mirror of the core's display_path). */
export function displayPath(path) {
  if (path.length === 0) return 'the payload';
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (seg !== '' && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(seg)) out += (out ? '.' : '') + seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}
