// The package's TypeScript types, as consumers compile them (tsc --strict):
// - tests/js/types/consumer.ts against pkg/ (tsconfig.json, paths mapping);
// - the same file and node16 ESM (.mts) and CommonJS (.cts) consumers in a
//   project where trillet-flows is the packed tarball, resolved through its
//   exports (bundler and node16 resolution);
// - completion: the language service offers CallFlowInput's keys inside an
//   object literal argument (TypeScript 5's API, pinned through
//   @arethetypeswrong/core; TypeScript 7 has no JS language service API).
// Every `@ts-expect-error` in the consumers pins a place where the types must
// be strict: if they were too loose, the directive would be unused and tsc fail.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PKG, ROOT } from './helpers.mjs';

const tsc = join(ROOT, 'node_modules', '.bin', 'tsc');
let work;
let project;

before(() => {
  work = mkdtempSync(join(tmpdir(), 'trillet-types-'));
  execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: PKG, stdio: 'pipe' });
  const tarball = join(work, readdirSync(work).find((f) => f.endsWith('.tgz')));
  project = join(work, 'project');
  const dest = join(project, 'node_modules', 'trillet-flows');
  mkdirSync(dest, { recursive: true });
  execFileSync('tar', ['xzf', tarball, '-C', dest, '--strip-components=1']);
  cpSync(join(ROOT, 'tests', 'js', 'types'), project, { recursive: true });
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'types-consumer', private: true, type: 'module' }));
});
after(() => work && rmSync(work, { recursive: true, force: true }));

function compile(cwd, config) {
  assert.ok(existsSync(tsc), 'typescript is not installed (npm ci at the root)');
  const r = spawnSync(tsc, ['-p', join(cwd, config), '--noEmit'], { cwd, encoding: 'utf8', timeout: 300_000 });
  assert.equal(r.error, undefined, String(r.error));
  assert.equal(r.status, 0, `tsc -p ${config} failed:\n${r.stdout}${r.stderr}`);
}

test('tsc -p tests/js/types (strict consumer of pkg/, bundler resolution) passes', () => {
  compile(join(ROOT, 'tests', 'js', 'types'), 'tsconfig.json');
});

test('from the tarball: bundler resolution through the exports passes', () => compile(project, 'tsconfig.bundler.json'));

test('from the tarball: node16 ESM (.mts) and CommonJS (.cts) consumers pass', () => compile(project, 'tsconfig.node16.json'));

test('from the tarball: a broken consumer fails (the checks can fail)', () => {
  writeFileSync(join(project, 'broken.cts'), "import { validateCallFlow } from 'trillet-flows';\nvalidateCallFlow({ nmae: 'x' });\n");
  writeFileSync(join(project, 'tsconfig.broken.json'), JSON.stringify({ extends: './tsconfig.node16.json', files: ['broken.cts'] }));
  const r = spawnSync(tsc, ['-p', join(project, 'tsconfig.broken.json'), '--noEmit'], { cwd: project, encoding: 'utf8' });
  assert.notEqual(r.status, 0);
  assert.match(r.stdout, /nmae/);
  assert.doesNotMatch(r.stdout, /TS1471|TS1479/);
});

test('completion inside an object literal argument lists the payload keys', () => {
  const core = dirname(createRequire(join(ROOT, 'package.json')).resolve('@arethetypeswrong/core/package.json'));
  const ts = createRequire(join(core, 'package.json'))('typescript');
  const file = join(project, 'completion.ts');
  const src = "import { normalizeCallFlow, buildMessageFlowRequest } from 'trillet-flows';\nnormalizeCallFlow({ na });\nbuildMessageFlowRequest({ settings: { em } }, { apiKey: 'k', workspaceId: 'w' });\n";
  writeFileSync(file, src);
  const host = {
    getScriptFileNames: () => [file],
    getScriptVersion: () => '1',
    getScriptSnapshot: (f) => (existsSync(f) ? ts.ScriptSnapshot.fromString(readFileSync(f, 'utf8')) : undefined),
    getCurrentDirectory: () => project,
    getCompilationSettings: () => ({ strict: true, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'] }),
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: ts.sys.fileExists, readFile: ts.sys.readFile, readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists, getDirectories: ts.sys.getDirectories,
  };
  const ls = ts.createLanguageService(host);
  const names = (at) => ls.getCompletionsAtPosition(file, at, {})?.entries.filter((e) => e.kind === 'property').map((e) => e.name).sort() ?? [];
  const top = names(src.indexOf('na }') + 2);
  for (const k of ['name', 'direction', 'settings', 'webhooks', 'isActive']) assert.ok(top.includes(k), `${k} offered: ${top}`);
  assert.ok(!top.includes('messageChannel'), 'only call flow keys');
  assert.deepStrictEqual(names(src.indexOf('em }') + 2).filter((k) => k.startsWith('e')), ['emailSettings']);
});
