#!/usr/bin/env node
// Benchmark of trillet-flows against Zod 4, Valibot 1 and Ajv 8 (issues #6 and #15).
//
//   node bench/run.mjs            full run (about a minute); writes results/latest.{json,md}
//                                 and the results section of README.md
//   node bench/run.mjs --quick    smoke run of a few seconds; writes results/tmp/quick.{json,md}
//   options: --no-size (skip bundle sizes), --only=<text> (payload ids containing text),
//            --pkg=<dir> (time another build of the package); these write to results/tmp/ only
//
// Each case (payload x input kind x library) is warmed up, then timed in several samples
// (gc between samples); ops/s is the median sample. "object" input validates a JS object;
// "json" input validates JSON text: ours parses it itself (validate*Json), the peers run
// JSON.parse and then validate. "ours" is the package's Node entry (the speed build). In the
// same rows, and not counted as peers: the floors of each input (JSON text: JSON.parse alone;
// object: JSON.stringify + our own JSON text path) and ours with the size build (the browsers'
// wasm, inlined in the Node entry of a copy of the package).
import os from 'node:os';
import { spawnSync, execSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const file = (p) => fileURLToPath(new URL(p, import.meta.url));

// Re-run with --expose-gc so that samples start from a collected heap.
if (typeof globalThis.gc !== 'function' && !process.env.TRILLET_BENCH_CHILD) {
  const r = spawnSync(process.execPath, ['--expose-gc', ...process.execArgv, file(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, TRILLET_BENCH_CHILD: '1' },
  });
  process.exit(r.status ?? 1);
}

const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const SIZE = !args.includes('--no-size');
const ONLY = args.find((a) => a.startsWith('--only='))?.slice(7);
const PKG_ARG = args.find((a) => a.startsWith('--pkg='))?.slice(6); // another build of the package, to compare
const PKG_DIR = PKG_ARG ? path.resolve(PKG_ARG) : file('../pkg');
const TIMING = QUICK
  ? { warmupMs: 20, samples: 1, sampleMs: 40 }
  : { warmupMs: 250, samples: 7, sampleMs: 150 };
const COMMAND = ['node', path.relative(process.cwd(), file(import.meta.url)) || 'run.mjs', ...args].join(' ');

const { allPayloads, INVALID_ERRORS } = await import('./payloads.mjs');
const peers = {
  zod: await import('./peers/zod.mjs'),
  valibot: await import('./peers/valibot.mjs'),
  ajv: await import('./peers/ajv.mjs'),
};

// ---- libraries: validate[kind](value, options) and validateJson[kind](text, options) ----
const libs = [];
const OURS_PATH = path.join(PKG_DIR, 'node.mjs');
let oursNote = null;
if (existsSync(OURS_PATH)) {
  const tf = await import(pathToFileURL(OURS_PATH).href);
  const withOptions = (f) => (x, o) => (o === undefined ? f(x) : f(x, o));
  libs.push({
    name: 'ours',
    validate: { call: withOptions(tf.validateCallFlow), message: withOptions(tf.validateMessageFlow) },
    validateJson: { call: withOptions(tf.validateCallFlowJson), message: withOptions(tf.validateMessageFlowJson) },
  });
} else {
  oursNote = `${path.relative(process.cwd(), OURS_PATH)} not found: build it with \`node scripts/build-pkg.mjs\`; running the peers only.`;
  console.log(`note: ${oursNote}\n`);
}
for (const [name, m] of Object.entries(peers)) {
  libs.push({
    name,
    validate: { call: m.validateCallFlow, message: m.validateMessageFlow },
    validateJson: { call: (t) => m.validateCallFlow(JSON.parse(t)), message: (t) => m.validateMessageFlow(JSON.parse(t)) },
  });
}
// ---- in the same rows, not peers: each input's floor and ours with the size build ----
//   json:   JSON.parse alone (what the peers' text path starts with)
//   object: JSON.stringify + our own JSON text path (validate*Json)
//   both:   the size build (trillet_flows_bg.wasm, what browsers load) in a copy of the Node entry
const extras = { json: [], object: [] };
if (existsSync(OURS_PATH)) {
  const ours = libs[0];
  extras.json.push({ name: 'JSON.parse', fn: (p) => () => JSON.parse(p.text) });
  extras.object.push({ name: 'stringify+text', fn: (p) => { const f = ours.validateJson[p.kind]; return () => f(JSON.stringify(p.value), p.options); } });
  const wasm = path.join(PKG_DIR, 'trillet_flows_bg.wasm');
  if (existsSync(wasm)) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'trillet-bench-size-'));
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    cpSync(PKG_DIR, dir, { recursive: true });
    writeFileSync(path.join(dir, 'trillet_flows_wasm.cjs'), `module.exports = '${readFileSync(wasm).toString('base64')}';\n`);
    const sz = await import(pathToFileURL(path.join(dir, 'node.mjs')).href);
    const w = (f) => (x, o) => (o === undefined ? f(x) : f(x, o));
    const size = { call: w(sz.validateCallFlow), message: w(sz.validateMessageFlow) };
    const sizeJson = { call: w(sz.validateCallFlowJson), message: w(sz.validateMessageFlowJson) };
    extras.object.push({ name: 'size build', fn: (p) => { const f = size[p.kind]; return () => f(p.value, p.options); } });
    extras.json.push({ name: 'size build', fn: (p) => { const f = sizeJson[p.kind]; return () => f(p.text, p.options); } });
  }
}
const FLOOR = { json: 'JSON.parse', object: 'stringify+text' };
const FLOOR_LABEL = { json: '`JSON.parse` alone', object: '`JSON.stringify` + our text path' };

const LIB_NAMES = libs.map((l) => l.name);
const PEERS = LIB_NAMES.filter((n) => n !== 'ours');
const hasOurs = LIB_NAMES.includes('ours');

let payloads = allPayloads();
if (ONLY) payloads = payloads.filter((p) => p.id.includes(ONLY));
// Ajv validates in place and fills defaults into the object: give it its own copy.
for (const p of payloads) p.ajvValue = structuredClone(p.value);

const INPUTS = ['object', 'json'];
function caseFn(lib, p, input) {
  const opts = lib.name === 'ours' ? p.options : undefined;
  if (input === 'json') {
    const f = lib.validateJson[p.kind];
    return () => f(p.text, opts);
  }
  const f = lib.validate[p.kind];
  const value = lib.name === 'ajv' ? p.ajvValue : p.value;
  return () => f(value, opts);
}

// ---- correctness: every library accepts the valid payloads and rejects the invalid one ----
const errorsOf = (lib, r) => (lib === 'ours' ? r.issues.filter((i) => i.severity === 'error') : r.issues);
const correctness = [];
for (const p of payloads) {
  for (const input of INPUTS) {
    for (const lib of libs) {
      let r;
      let problem = null;
      try {
        r = caseFn(lib, p, input)();
      } catch (e) {
        problem = `threw ${e.message}`;
      }
      const errors = r ? errorsOf(lib.name, r) : [];
      if (!problem && r.valid !== p.valid) {
        problem = p.valid ? `rejects a valid payload: ${JSON.stringify(errors.slice(0, 3)).slice(0, 300)}` : 'accepts the invalid payload';
      }
      if (!problem && lib.name === 'ours' && !p.valid) {
        const got = errors.map((i) => `${i.code} ${i.pointer}`).sort().join(', ');
        const want = INVALID_ERRORS.map(([c, ptr]) => `${c} ${ptr}`).sort().join(', ');
        if (got !== want) problem = `reports ${got}; expected ${want}`;
      }
      correctness.push({ payload: p.id, input, lib: lib.name, valid: r?.valid ?? null, errors: errors.length, ok: !problem, problem });
      if (problem) console.log(`WARNING  ${p.id} / ${input} / ${lib.name}: ${problem}`);
    }
  }
}
// The extras give our result: the size build exactly, our text path the same
// issues (code, pointer, severity; its line and column are those of the stringified text).
const brief = (r, exact) => JSON.stringify(exact ? r : [r.valid, r.issues.map((i) => [i.code, i.pointer, i.severity])]);
for (const p of payloads) {
  for (const input of INPUTS) {
    const ours = caseFn(libs[0], p, input)();
    for (const x of extras[input].filter((e) => e.name !== 'JSON.parse')) {
      let problem = null;
      try {
        const exact = x.name === 'size build';
        const got = brief(x.fn(p)(), exact);
        if (got !== brief(ours, exact)) problem = `differs from ours: ${got.slice(0, 300)}`;
      } catch (e) {
        problem = `threw ${e.message}`;
      }
      correctness.push({ payload: p.id, input, lib: x.name, valid: p.valid, errors: null, ok: !problem, problem });
      if (problem) console.log(`WARNING  ${p.id} / ${input} / ${x.name}: ${problem}`);
    }
  }
}
const invalid = payloads.find((p) => !p.valid);
if (invalid) {
  const counts = libs.map((l) => `${l.name} ${correctness.find((c) => c.payload === invalid.id && c.lib === l.name && c.input === 'object').errors}`);
  console.log(`errors reported for "${invalid.label}" (5 planted): ${counts.join(', ')}\n`);
}

// ---- timing ----
// The libraries of one row (payload x input) are timed in turn, one sample of
// each per round, in a rotating order: machine state (heap size, GC debt,
// frequency) drifts during a run, and this way it drifts for all of them alike,
// which keeps the ratios honest even when absolute rates move between runs.
let sink = 0;
function measureRow(fns) {
  const { warmupMs, samples, sampleMs } = TIMING;
  const batches = fns.map((fn) => {
    let n = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < warmupMs || n < 2) {
      sink ^= fn().valid ? 1 : 0;
      n++;
    }
    const perOpMs = (performance.now() - t0) / n;
    return Math.max(1, Math.round(2 / perOpMs)); // batches of about 2 ms between clock reads
  });
  const rates = fns.map(() => []);
  for (let s = 0; s < samples; s++) {
    for (let k = 0; k < fns.length; k++) {
      const j = (k + s) % fns.length;
      const fn = fns[j];
      const batch = batches[j];
      globalThis.gc?.();
      let ops = 0;
      const start = performance.now();
      let elapsed;
      do {
        for (let i = 0; i < batch; i++) sink ^= fn().valid ? 1 : 0;
        ops += batch;
        elapsed = performance.now() - start;
      } while (elapsed < sampleMs);
      rates[j].push((ops * 1000) / elapsed);
    }
  }
  return rates.map((r) => {
    r.sort((a, b) => a - b);
    return { opsPerSec: r[r.length >> 1], min: r[0], max: r[r.length - 1], samples: r.length };
  });
}

const fmtOps = (x) => (x == null ? '-' : x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toPrecision(3));
const fmtRatio = (x) => (x == null ? '-' : `${x >= 10 ? x.toFixed(1) : x.toFixed(2)}×`);
const pad = (s, n) => String(s).padStart(n);

const results = [];
const loadBefore = os.loadavg()[0];
const started = performance.now();
const header = ['payload'.padEnd(30), 'input'.padEnd(6), ...LIB_NAMES.map((n) => pad(n, 10)), ...(hasOurs ? PEERS.map((n) => pad(`ours/${n}`, 13)) : [])].join(' ');
console.log(header);
for (const p of payloads) {
  for (const input of INPUTS) {
    const row = {};
    const xs = extras[input];
    const ms = measureRow([...libs.map((lib) => caseFn(lib, p, input)), ...xs.map((x) => x.fn(p))]);
    libs.forEach((lib, j) => {
      row[lib.name] = ms[j].opsPerSec;
      results.push({ payload: p.id, input, lib: lib.name, ...ms[j] });
    });
    xs.forEach((x, j) => {
      row[x.name] = ms[libs.length + j].opsPerSec;
      results.push({ payload: p.id, input, lib: x.name, extra: true, ...ms[libs.length + j] });
    });
    const cells = LIB_NAMES.map((n) => pad(fmtOps(row[n]), 10));
    const ratios = hasOurs ? PEERS.map((n) => pad(fmtRatio(row.ours / row[n]), 13)) : [];
    const more = xs.map((x) => `${x.name} ${fmtOps(row[x.name])}`).join(', ');
    console.log([p.label.padEnd(30), input.padEnd(6), ...cells, ...ratios, more ? ` (${more})` : ''].join(' '));
  }
}
const seconds = (performance.now() - started) / 1000;
if (sink === 42) console.log(''); // keep results observable

// ---- derived: ratios, scaling, targets ----
const ops = (payload, input, lib) => results.find((r) => r.payload === payload && r.input === input && r.lib === lib)?.opsPerSec;
const ratios = [];
if (hasOurs)
  for (const p of payloads)
    for (const input of INPUTS)
      for (const peer of PEERS) ratios.push({ payload: p.id, input, peer, ours: ops(p.id, input, 'ours'), ratio: ops(p.id, input, 'ours') / ops(p.id, input, peer) });

const big = payloads.filter((p) => p.nodes).sort((a, b) => a.nodes - b.nodes);
const scaling = [];
for (const lib of LIB_NAMES)
  for (const input of INPUTS) {
    const points = big.map((p) => ({ nodes: p.nodes, bytes: p.bytes, usPerOp: 1e6 / ops(p.id, input, lib) }));
    const growth = points.slice(1).map((pt, i) => ({ from: points[i].nodes, to: pt.nodes, factor: pt.usPerOp / points[i].usPerOp }));
    scaling.push({ lib, input, points, growth });
  }

// Targets of issue #15 (ratios in this run).
const targets = [];
const floors = [];
if (hasOurs) {
  const check = (name, rows, ok, worstOf = (a, b) => (b.ratio < a.ratio ? b : a)) => {
    const worst = rows.reduce(worstOf);
    return { target: name, met: rows.every((r) => ok(r.ratio)), worst, rows };
  };
  const vs = (input, peer, list = payloads) => list.map((p) => ({ payload: p.id, ratio: ops(p.id, input, 'ours') / ops(p.id, input, peer) }));
  targets.push(check('JSON text at least 1.0× `JSON.parse` + Ajv on every payload', vs('json', 'ajv'), (r) => r >= 1));
  const large = payloads.filter((p) => p.nodes >= 1000);
  if (large.length) targets.push(check('JSON text at least 1.5× `JSON.parse` + Ajv on 1,000 and 10,000 nodes', vs('json', 'ajv', large), (r) => r >= 1.5));
  targets.push(check('object input at least 0.6× Zod on every payload', vs('object', 'zod'), (r) => r >= 0.6));
  // Time ratio: our object call's time ÷ the time of JSON.stringify + our text path (higher is worse).
  const overFloor = payloads.map((p) => ({ payload: p.id, ratio: ops(p.id, 'object', 'stringify+text') / ops(p.id, 'object', 'ours') }));
  if (overFloor.every((r) => Number.isFinite(r.ratio))) {
    targets.push(check('object input at most 1.3× the time of `JSON.stringify` + our text path on every payload (time ratio)',
      overFloor, (r) => r <= 1.3, (a, b) => (b.ratio > a.ratio ? b : a)));
  }
  // Linear: per-node time does not grow with size (10x nodes costs at most 10x time, with 25% slack for noise).
  const lin = scaling.filter((s) => s.lib === 'ours');
  if (big.length >= 2)
    targets.push({
      target: `time grows linearly with payload size (${big.map((p) => p.nodes.toLocaleString('en-US')).join(', ')} nodes)`,
      met: lin.every((s) => s.growth.every((g) => g.factor <= ((g.to / g.from) * 1.25))),
      rows: lin.map((s) => ({ input: s.input, growth: s.growth.map((g) => `${g.from}→${g.to}: ×${g.factor.toFixed(2)}`).join(', ') })),
    });
  for (const p of payloads)
    for (const input of INPUTS) {
      const o = ops(p.id, input, 'ours');
      const f = ops(p.id, input, FLOOR[input]);
      const z = ops(p.id, input, 'size build');
      floors.push({ payload: p.id, input, floor: FLOOR[input], ours: o, floorOps: f, timeOverFloor: f / o, sizeBuild: z, speedOverSize: o / z });
    }
}

// ---- bundle sizes ----
let sizes = [];
if (SIZE) {
  const { measureSizes } = await import('./size.mjs');
  sizes = await measureSizes(PKG_DIR);
}

// ---- environment ----
const version = (pkgJson) => {
  try {
    return JSON.parse(readFileSync(pkgJson, 'utf8')).version;
  } catch {
    return null;
  }
};
let gitCommit = null;
try {
  gitCommit = execSync('git describe --always --dirty', { cwd: file('.'), stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
} catch {}
const cpus = os.cpus();
let cpuModel = cpus[0]?.model?.trim() ?? 'unknown';
try {
  cpuModel = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1].trim() ?? cpuModel;
} catch {}
const env = {
  date: new Date().toISOString(),
  command: COMMAND,
  quick: QUICK,
  node: process.version,
  v8: process.versions.v8,
  os: `${os.type()} ${os.release()} ${os.arch()}`,
  cpu: cpuModel,
  cores: cpus.length,
  nproc: os.availableParallelism?.() ?? cpus.length,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  timing: TIMING,
  seconds: Math.round(seconds),
  // 1-minute load average before and after the timing: other work on the machine.
  load: [loadBefore, os.loadavg()[0]].map((x) => Math.round(x * 100) / 100),
};
const versions = {
  ours: hasOurs ? `${version(path.join(PKG_DIR, 'package.json'))}${gitCommit ? ` (${gitCommit})` : ''}${PKG_ARG ? ` from ${PKG_ARG}` : ''}` : null,
  zod: version(file('./node_modules/zod/package.json')),
  valibot: version(file('./node_modules/valibot/package.json')),
  ajv: version(file('./node_modules/ajv/package.json')),
  esbuild: version(file('./node_modules/esbuild/package.json')),
};
const report = {
  env,
  versions,
  note: oursNote,
  payloads: payloads.map(({ id, label, kind, valid, nodes, bytes, options }) => ({ id, label, kind, valid, nodes, bytes, oursOptions: options })),
  results,
  ratios,
  scaling,
  targets,
  floors,
  sizes,
  correctness,
};

// ---- markdown ----
function markdown(r) {
  const L = [];
  const date = r.env.date.slice(0, 10);
  L.push(`Run on ${date}: ${r.env.cpu} (/proc/cpuinfo), nproc ${r.env.nproc ?? r.env.cores}, ${r.env.memoryGiB} GiB, ${r.env.os}; Node ${r.env.node}.`);
  L.push(`Command: \`${r.env.command}\` (${r.env.timing.samples} samples of ${r.env.timing.sampleMs} ms after ${r.env.timing.warmupMs} ms warm-up, median; ${r.env.seconds} s of timing${r.env.load ? `; load average ${r.env.load[0]} before, ${r.env.load[1]} after` : ''}).`);
  L.push(`Versions: ${Object.entries(r.versions).filter(([, v]) => v).map(([k, v]) => `${k} ${v}`).join(', ')}.`);
  if (r.note) L.push('', `**Note:** ${r.note}`);
  L.push('', 'Operations per second (higher is better); ratio = ours ÷ peer (above 1× means ours is faster). Ours is the Node entry (the speed build).', '');
  const names = LIB_NAMES;
  const ratioCols = hasOurs ? PEERS.map((n) => `ours/${n}`) : [];
  L.push(`| payload | input | ${[...names, ...ratioCols].join(' | ')} |`);
  L.push(`| --- | --- | ${[...names, ...ratioCols].map(() => '---:').join(' | ')} |`);
  for (const p of r.payloads)
    for (const input of INPUTS) {
      const o = (lib) => r.results.find((x) => x.payload === p.id && x.input === input && x.lib === lib)?.opsPerSec;
      const cells = names.map((n) => fmtOps(o(n)));
      const rc = hasOurs ? PEERS.map((n) => fmtRatio(o('ours') / o(n))) : [];
      L.push(`| ${p.label} (${(p.bytes / 1024).toFixed(p.bytes < 10240 ? 1 : 0)} kB) | ${input === 'json' ? 'JSON text' : 'object'} | ${[...cells, ...rc].join(' | ')} |`);
    }
  if (r.scaling.length && r.scaling[0].points.length > 1) {
    const pts = r.scaling[0].points;
    L.push('', 'Scaling: microseconds per validation of the generated call flow (N nodes, 1.5 N edges, 20 webhooks, 10 collections), and the growth factor per 10× nodes.', '');
    L.push(`| library | input | ${pts.map((p) => `${p.nodes.toLocaleString('en-US')} nodes`).join(' | ')} | ${r.scaling[0].growth.map((g) => `×${g.from}→${g.to}`).join(' | ')} |`);
    L.push(`| --- | --- | ${[...pts, ...r.scaling[0].growth].map(() => '---:').join(' | ')} |`);
    for (const s of r.scaling)
      L.push(`| ${s.lib} | ${s.input === 'json' ? 'JSON text' : 'object'} | ${s.points.map((p) => Math.round(p.usPerOp).toLocaleString('en-US')).join(' | ')} | ${s.growth.map((g) => g.factor.toFixed(2)).join(' | ')} |`);
  }
  if (r.floors?.length) {
    L.push('', 'Floors and the size build, in the same rows: each input\'s floor (JSON text: `JSON.parse` alone; object: `JSON.stringify` + our own JSON text path, `validate*Json(JSON.stringify(x))`), our time as a multiple of the floor\'s (lower is better), and ours with the size build (the browsers\' wasm, in the Node entry):', '');
    L.push('| payload | input | ours | floor | floor ops/s | our time ÷ floor\'s | size build | speed build ÷ size build |');
    L.push('| --- | --- | ---: | --- | ---: | ---: | ---: | ---: |');
    for (const f of r.floors) {
      const p = r.payloads.find((x) => x.id === f.payload);
      L.push(`| ${p.label} | ${f.input === 'json' ? 'JSON text' : 'object'} | ${fmtOps(f.ours)} | ${FLOOR_LABEL[f.input]} | ${fmtOps(f.floorOps)} | ${fmtRatio(f.timeOverFloor)} | ${fmtOps(f.sizeBuild)} | ${fmtRatio(f.speedOverSize)} |`);
    }
  }
  if (r.targets.length) {
    L.push('', 'Targets (issue #15):', '');
    for (const t of r.targets) {
      const detail = t.worst ? `worst: ${t.worst.payload} at ${fmtRatio(t.worst.ratio)}; ${t.rows.map((x) => `${x.payload} ${fmtRatio(x.ratio)}`).join(', ')}` : t.rows.map((x) => `${x.input}: ${x.growth}`).join('; ');
      L.push(`- ${t.met ? '✅ met' : '❌ not met'}: ${t.target} (${detail})`);
    }
  }
  if (r.sizes.length) {
    L.push('', 'Bundle size for the same job (validate a call flow and a message flow), esbuild `--bundle --minify --format=esm`, gzip -9:', '');
    L.push('| library | minified | gzipped | what |', '| --- | ---: | ---: | --- |');
    for (const s of r.sizes) {
      const kb = (n) => (n == null ? '-' : `${(n / 1024).toFixed(1)} kB`);
      const split = s.wasmGzipBytes ? ` (JS ${kb(s.jsGzipBytes)} + wasm ${kb(s.wasmGzipBytes)})` : '';
      L.push(`| ${s.lib} | ${kb(s.minBytes)} | ${kb(s.gzipBytes)}${split} | ${s.what} |`);
    }
  }
  const bad = r.correctness.filter((c) => !c.ok);
  const inv = r.payloads.find((p) => !p.valid);
  L.push('', `Correctness: ${bad.length ? `⚠️ ${bad.length} case(s) wrong: ${bad.map((c) => `${c.lib} ${c.payload} ${c.input}: ${c.problem}`).join('; ')}` : 'every library accepts the valid payloads and rejects the invalid one'}.`);
  if (inv)
    L.push(`Errors reported for the invalid call flow (5 planted): ${names.map((n) => `${n} ${r.correctness.find((c) => c.payload === inv.id && c.lib === n && c.input === 'object')?.errors}`).join(', ')}.`);
  return L.join('\n') + '\n';
}

const md = markdown(report);
const partial = QUICK || ONLY || PKG_ARG;
const outDir = partial ? file('./results/tmp') : file('./results');
const base = QUICK ? 'quick' : partial ? 'partial' : 'latest';
mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(outDir, `${base}.json`), JSON.stringify(report, null, 2) + '\n');
writeFileSync(path.join(outDir, `${base}.md`), `# Benchmark results\n\n${md}`);
console.log(`\nwrote ${path.relative(process.cwd(), path.join(outDir, `${base}.json`))} and ${base}.md`);
if (!partial) {
  const readmePath = file('./README.md');
  if (existsSync(readmePath)) {
    const readme = readFileSync(readmePath, 'utf8');
    const re = /(<!-- results:start -->\n)[\s\S]*?(<!-- results:end -->)/;
    if (re.test(readme)) {
      writeFileSync(readmePath, readme.replace(re, (_, a, b) => `${a}${md}${b}`));
      console.log('updated the results section of README.md');
    }
  }
}
console.log('');
for (const t of targets) console.log(`${t.met ? 'met    ' : 'NOT MET'}  ${t.target}`);
if (sizes.length) for (const s of sizes) console.log(`size  ${s.lib.padEnd(18)} ${s.gzipBytes == null ? '-' : `${(s.gzipBytes / 1024).toFixed(1)} kB gzip`}`);
if (correctness.some((c) => !c.ok)) process.exitCode = 1;
