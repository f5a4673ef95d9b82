#!/usr/bin/env node
// Two builds of the package, timed interleaved in one process (issue #15's
// "cheap results" and "object input" work): microseconds per call of
// validate (object and JSON text) and normalize, for each build, their
// ratio, and the floor of object input (JSON.stringify + the JSON text path
// of the same build).
//
//   node bench/compare.mjs [--base=<pkg dir>] [--new=<pkg dir>] [--quick] [--only=<text>]
//
// --base defaults to target/pkg-base (copy a build there first), --new to pkg/.
// Time is the process's CPU time (user + system). Samples rotate between the cases of one row, so machine drift hits them
// alike; the median sample is reported.
import { performance } from 'node:perf_hooks';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const file = (p) => fileURLToPath(new URL(p, import.meta.url));
if (typeof globalThis.gc !== 'function' && !process.env.TRILLET_BENCH_CHILD) {
  const r = spawnSync(process.execPath, ['--expose-gc', file(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, TRILLET_BENCH_CHILD: '1' },
  });
  process.exit(r.status ?? 1);
}
const args = process.argv.slice(2);
const arg = (name, def) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? def;
const QUICK = args.includes('--quick');
const ONLY = arg('only');
const MODE = arg('mode', 'validate'); // validate | normalize
const T = QUICK ? { warmupMs: 30, samples: 3, sampleMs: 40 } : { warmupMs: 200, samples: 9, sampleMs: 120 };

const load = async (dir) => import(pathToFileURL(path.join(path.resolve(dir), 'node.mjs')).href);
const base = await load(arg('base', file('../target/pkg-base')));
const next = await load(arg('new', file('../pkg')));
const { allPayloads } = await import('./payloads.mjs');

let sink = 0;
function measure(fns) {
  const batches = fns.map((fn) => {
    let n = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < T.warmupMs || n < 2) {
      sink ^= fn() ? 1 : 0;
      n++;
    }
    return Math.max(1, Math.round(2 / ((performance.now() - t0) / n)));
  });
  const us = fns.map(() => []);
  for (let s = 0; s < T.samples; s++) {
    for (let k = 0; k < fns.length; k++) {
      const j = (k + s) % fns.length;
      globalThis.gc();
      let ops = 0;
      const start = performance.now();
      const cpu0 = process.cpuUsage();
      do {
        for (let i = 0; i < batches[j]; i++) sink ^= fns[j]() ? 1 : 0;
        ops += batches[j];
      } while (performance.now() - start < T.sampleMs);
      // CPU time, not wall time: the machine is shared, and a process
      // that waits for a core is not slower.
      const cpu = process.cpuUsage(cpu0);
      us[j].push((cpu.user + cpu.system) / ops);
    }
  }
  return us.map((u) => u.sort((a, b) => a - b)[u.length >> 1]);
}

const fnOf = (lib, kind, json) => {
  const name = `${MODE}${kind === 'call' ? 'CallFlow' : 'MessageFlow'}${json ? 'Json' : ''}`;
  return lib[name];
};
const fmt = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
console.log(`${MODE}: µs per call (median of ${T.samples}); ratio = new ÷ base (below 1 is faster)`);
console.log(['payload'.padEnd(14), 'input'.padEnd(6), 'base'.padStart(8), 'new'.padStart(8), 'ratio'.padStart(6), 'floor*'.padStart(8), 'new/floor'.padStart(9)].join(' '));
let payloads = allPayloads({ sizes: [1000] });
if (ONLY) payloads = payloads.filter((p) => p.id.includes(ONLY));
for (const p of payloads) {
  const o = p.options;
  const call = (f, x) => (o === undefined ? () => f(x) : () => f(x, o));
  const bObj = call(fnOf(base, p.kind, false), p.value);
  const nObj = call(fnOf(next, p.kind, false), p.value);
  const nText = fnOf(next, p.kind, true);
  const floor = o === undefined ? () => nText(JSON.stringify(p.value)) : () => nText(JSON.stringify(p.value), o);
  const [b, n, f] = measure([bObj, nObj, floor]);
  console.log([p.id.padEnd(14), 'object'.padEnd(6), fmt(b).padStart(8), fmt(n).padStart(8), (n / b).toFixed(2).padStart(6), fmt(f).padStart(8), (n / f).toFixed(2).padStart(9)].join(' '));
  const [bt, nt] = measure([call(fnOf(base, p.kind, true), p.text), call(nText, p.text)]);
  console.log([p.id.padEnd(14), 'text'.padEnd(6), fmt(bt).padStart(8), fmt(nt).padStart(8), (nt / bt).toFixed(2).padStart(6)].join(' '));
}
console.log('* floor: JSON.stringify(object) + the new build\'s JSON text call');
if (sink === 42) console.log('');
