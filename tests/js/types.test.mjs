// The strict TypeScript consumer (tests/js/types/consumer.ts) compiles against pkg/index.d.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.mjs';

test('tsc -p tests/js/types --noEmit (strict consumer of the package types) passes', () => {
  const tsc = join(ROOT, 'node_modules', '.bin', 'tsc');
  assert.ok(existsSync(tsc), 'typescript is not installed (npm ci at the root)');
  const r = spawnSync(tsc, ['-p', join(ROOT, 'tests', 'js', 'types'), '--noEmit'], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  assert.equal(r.error, undefined, String(r.error));
  assert.equal(r.status, 0, `tsc failed:\n${r.stdout}${r.stderr}`);
});
