#!/usr/bin/env node
// `npx trillet-flows`: the package's own API (the wasm build) behind the same
// command line as the Rust binary (cli/ in the repository). `--format json`
// prints exactly what the Rust binary prints.
import { readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as api from './node.mjs';

const USAGE = `Usage: trillet-flows check [--kind call|message] [--unknown-keys strip|keep|reject] [--format human|json|github|sarif] [--deny-warnings] FILES_OR_GLOBS...
       trillet-flows normalize [--kind call|message] [--unknown-keys strip|keep|reject] [--write] FILE
       trillet-flows clone [--kind call|message] [--unknown-keys strip|keep|reject] [--set KEY=VALUE]... [-o OUT] RESPONSE`;

const out = (s) => process.stdout.write(s + '\n');
const err = (s) => process.stderr.write(s + '\n');
function usage(message) {
  err(`error: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function parse(argv) {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h') {
    out(USAGE);
    process.exit(0);
  }
  if (command !== 'check' && command !== 'normalize' && command !== 'clone') usage(`unknown command ${command ?? '(none)'}`);
  const o = { command, kind: null, unknownKeys: 'strip', format: 'human', denyWarnings: false, write: false, set: [], out: null, files: [] };
  const choice = (name, value, allowed) => {
    if (!allowed.includes(value)) usage(`invalid value '${value}' for '--${name}' (one of ${allowed.join(', ')})`);
    return value;
  };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? rest[++i] ?? usage(`${flag} needs a value`);
    if (flag === '--kind') o.kind = choice('kind', value(), ['call', 'message']);
    else if (flag === '--unknown-keys') o.unknownKeys = choice('unknown-keys', value(), ['strip', 'keep', 'reject']);
    else if (flag === '--format' && command === 'check') o.format = choice('format', value(), ['human', 'json', 'github', 'sarif']);
    else if (flag === '--deny-warnings' && command === 'check') o.denyWarnings = true;
    else if (flag === '--write' && command === 'normalize') o.write = true;
    else if (flag === '--set' && command === 'clone') o.set.push(value());
    else if ((flag === '-o' || flag === '--out') && command === 'clone') o.out = value();
    else if (a.startsWith('--') || (a.startsWith('-') && a !== '-')) usage(`unexpected argument '${a}' found`);
    else o.files.push(a);
  }
  if (o.files.length === 0) usage('the following required arguments were not provided: <FILES_OR_GLOBS>...');
  if (command !== 'check' && o.files.length > 1) usage(`${command} takes one FILE`);
  return o;
}

/** A glob segment (`*`, `?`, `[...]`) as a regular expression. */
function segmentRegExp(seg) {
  let re = '';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = seg.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        let body = seg.slice(i + 1, end);
        if (body[0] === '!') body = '^' + body.slice(1);
        re += `[${body.replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function glob(pattern) {
  const segs = pattern.split('/');
  const found = [];
  const isDir = (p) => {
    try {
      return statSync(p).isDirectory();
    } catch {
      return false;
    }
  };
  const list = (dir) => {
    try {
      return readdirSync(dir || '.').sort();
    } catch {
      return [];
    }
  };
  const walk = (base, i) => {
    const path = (name) => (base === '' ? name : base === '/' ? `/${name}` : `${base}/${name}`);
    if (i === segs.length) {
      try {
        if (statSync(base).isFile()) found.push(base);
      } catch {
        // gone
      }
      return;
    }
    const seg = segs[i];
    if (seg === '' && i === 0) return walk('/', 1);
    if (seg === '**') {
      walk(base, i + 1);
      for (const name of list(base)) if (!name.startsWith('.') && isDir(path(name))) walk(path(name), i);
      return;
    }
    if (!/[*?[]/.test(seg)) return walk(path(seg), i + 1);
    const re = segmentRegExp(seg);
    for (const name of list(base)) if (re.test(name) && (seg.startsWith('.') || !name.startsWith('.'))) walk(path(name), i + 1);
  };
  walk('', 0);
  return [...new Set(found)].sort();
}

function expand(args) {
  const paths = [];
  const bad = [];
  for (const a of args) {
    if (a === '-' || !/[*?[]/.test(a)) {
      paths.push(a);
      continue;
    }
    const list = glob(a);
    if (list.length === 0) bad.push(`${a}: no file matches this pattern`);
    paths.push(...list);
  }
  return { paths, bad };
}

function read(path) {
  try {
    return { text: readFileSync(path === '-' ? 0 : path, 'utf8') };
  } catch (e) {
    const why = e.code === 'ENOENT' ? 'no such file' : e.code === 'EACCES' ? 'permission denied' : e.code === 'EISDIR' ? 'Is a directory (os error 21)' : e.message;
    return { error: `${path === '-' ? '<stdin>' : path}: cannot read: ${why}` };
  }
}

function kindOf(arg, text) {
  if (arg) return { kind: arg === 'message' ? 'messageFlow' : 'callFlow', detected: false };
  let v;
  try {
    v = JSON.parse(text);
  } catch {
    v = null;
  }
  const message = v !== null && typeof v === 'object' && !Array.isArray(v) && ('messageChannel' in v || 'initiationMessage' in v);
  return { kind: message ? 'messageFlow' : 'callFlow', detected: true };
}

const fns = (kind) =>
  kind === 'messageFlow'
    ? { validate: api.validateMessageFlowJson, normalize: api.normalizeMessageFlowJson }
    : { validate: api.validateCallFlowJson, normalize: api.normalizeCallFlowJson };

const shownPointer = (i) => (i.pointer === '' ? '/' : i.pointer);
const plural = (n, one) => `${n} ${one}${n === 1 ? '' : 's'}`;
const data = (s) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const prop = (s) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

function human(files) {
  let errors = 0;
  let warnings = 0;
  for (const f of files) {
    const lines = f.text.split('\n');
    for (const i of f.issues) {
      const place = i.line ? `${f.path}:${i.line}:${i.column}` : f.path;
      out(`${place}: ${i.severity}[${i.code}] ${shownPointer(i)}: ${i.message}`);
      const line = i.line ? lines[i.line - 1] : undefined;
      if (line !== undefined) {
        const text = line.endsWith('\r') ? line.slice(0, -1) : line;
        let pad = '';
        let units = 0;
        for (const ch of text) {
          if (units + 1 >= i.column) break;
          units += ch.length;
          pad += ch === '\t' ? '\t' : ' ';
        }
        const n = String(i.line);
        out(`${n} | ${text}`);
        out(`${' '.repeat(n.length)} | ${pad}^`);
      }
      if (i.severity === 'error') errors++;
      else warnings++;
    }
    const e = f.issues.filter((i) => i.severity === 'error').length;
    const w = f.issues.length - e;
    const verdict = e + w === 0 ? 'ok' : `${plural(e, 'error')}, ${plural(w, 'warning')}`;
    const words = f.kind === 'messageFlow' ? 'message flow' : 'call flow';
    out(`${f.path}: ${words}${f.detected ? ' (detected)' : ''}: ${verdict}`);
  }
  out(`${plural(files.length, 'file')}, ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
}

function check(o) {
  const { paths, bad } = expand(o.files);
  const files = [];
  for (const p of paths) {
    const r = read(p);
    if (r.error) {
      bad.push(r.error);
      continue;
    }
    const { kind, detected } = kindOf(o.kind, r.text);
    const res = fns(kind).validate(r.text, { unknownKeys: o.unknownKeys });
    files.push({ path: p === '-' ? '<stdin>' : p, text: r.text, kind, detected, valid: res.valid, issues: res.issues });
  }
  for (const e of bad) err(`trillet-flows: ${e}`);
  if (o.format === 'json') {
    for (const f of files) out(JSON.stringify({ path: f.path, kind: f.kind, valid: f.valid, issues: f.issues }));
  } else if (o.format === 'github') {
    for (const f of files)
      for (const i of f.issues) {
        let props = `file=${prop(f.path)}`;
        if (i.line) props += `,line=${i.line},col=${i.column}`;
        props += `,title=${prop(i.code)}`;
        out(`::${i.severity} ${props}::${data(`${shownPointer(i)}: ${i.message}`)}`);
      }
  } else if (o.format === 'sarif') {
    const codes = [...new Set(files.flatMap((f) => f.issues.map((i) => i.code)))].sort();
    const results = files.flatMap((f) =>
      f.issues.map((i) => {
        const physicalLocation = { artifactLocation: { uri: f.path.replace(/\\/g, '/').replace(/%/g, '%25').replace(/ /g, '%20').replace(/#/g, '%23').replace(/\?/g, '%3F') } };
        if (i.line) physicalLocation.region = { startLine: i.line, startColumn: i.column };
        return {
          ruleId: i.code,
          ruleIndex: codes.indexOf(i.code),
          level: i.severity,
          message: { text: `${shownPointer(i)}: ${i.message}` },
          locations: [{ physicalLocation }],
          properties: { pointer: i.pointer },
        };
      }),
    );
    const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
    const doc = {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'trillet-flows', version: pkg.version, rules: codes.map((c) => ({ id: c, name: c, shortDescription: { text: `trillet-flows ${c}` } })) } },
          columnKind: 'utf16CodeUnits',
          results,
        },
      ],
    };
    out(JSON.stringify(doc, null, 2));
  } else human(files);
  const failing = files.some((f) => f.issues.some((i) => i.severity === 'error' || (o.denyWarnings && i.severity === 'warning')));
  return bad.length ? 2 : failing ? 1 : 0;
}

function normalize(o) {
  const path = o.files[0];
  const r = read(path);
  if (r.error) {
    err(`trillet-flows: ${r.error}`);
    return 2;
  }
  const { kind } = kindOf(o.kind, r.text);
  const n = fns(kind).normalize(r.text, { unknownKeys: o.unknownKeys });
  return emit(path, r.text, n, o.write && path !== '-' ? path : null);
}

/** Issues on standard error; the payload (indented as the input is) on standard output or into `target`. */
function emit(path, input, n, target) {
  const shown = path === '-' ? '<stdin>' : path;
  for (const i of n.issues) err(`${i.line ? `${shown}:${i.line}:${i.column}` : shown}: ${i.severity}[${i.code}] ${shownPointer(i)}: ${i.message}`);
  if (!n.ok) return 1;
  const indent = input.split('\n').slice(1).map((l) => /^[ \t]*/.exec(l)[0]).find((w) => w !== '') ?? '  ';
  const text = JSON.stringify(n.value, null, indent) + '\n';
  if (target) writeFileSync(target, text);
  else process.stdout.write(text);
  return 0;
}

/** `--set key=value` (or `settings.key=value`) as overrides; the value is JSON (`null` removes) or else text. */
function overrides(set) {
  const top = {};
  for (const s of set) {
    const eq = s.indexOf('=');
    if (eq < 0) return { error: `--set ${s}: give key=value, such as --set name="Copy of Support"` };
    const key = s.slice(0, eq);
    const raw = s.slice(eq + 1);
    let value;
    try {
      value = JSON.parse(raw);
    } catch {
      value = raw;
    }
    const parts = key.split('.');
    if (parts.length === 2 && parts[0] === 'settings' && parts[1] !== '') {
      if (top.settings === undefined) top.settings = {};
      if (top.settings === null || typeof top.settings !== 'object' || Array.isArray(top.settings)) {
        return { error: `--set ${s}: \`settings\` is already set to a value that is not an object` };
      }
      top.settings[parts[1]] = value;
    } else if (parts.length === 1 && key !== '') top[key] = value;
    else return { error: `--set ${s}: overrides replace top-level keys and keys inside \`settings\` (settings.key=value)` };
  }
  return { value: top };
}

function clone(o) {
  const over = overrides(o.set);
  if (over.error) {
    err(`trillet-flows: ${over.error}`);
    return 2;
  }
  const path = o.files[0];
  const r = read(path);
  if (r.error) {
    err(`trillet-flows: ${r.error}`);
    return 2;
  }
  const { kind } = kindOf(o.kind, r.text);
  const f = kind === 'messageFlow' ? api.messageFlowFromResponseJson : api.callFlowFromResponseJson;
  const n = f(r.text, o.set.length ? over.value : undefined, { unknownKeys: o.unknownKeys });
  return emit(path, r.text, n, o.out);
}

const o = parse(process.argv.slice(2));
process.exitCode = o.command === 'check' ? check(o) : o.command === 'clone' ? clone(o) : normalize(o);
