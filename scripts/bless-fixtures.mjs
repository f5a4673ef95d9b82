#!/usr/bin/env node
// Writes into shared fixtures (tests/fixtures/**/*.json) the `message` the
// library reports today for each expected issue, and changes nothing else.
//
//   node scripts/bless-fixtures.mjs [--check] [FILE...]   (default: every fixture)
//
// It runs the built package (pkg/: `node scripts/build-pkg.mjs` first) the
// way tests/js/fixtures.test.mjs does. A file is written only when its
// reported issues agree with its expected ones in count, codes, pointers and
// severities (in order): then only the messages are set, each right after
// `pointer`/`severity`. A disagreement is printed and the file left as it is:
// fix the fixture (or the library) first. The files keep their layout
// (JSON.stringify with two spaces); a file in any other layout is refused.
// With --check nothing is written; the exit code says whether a message
// would change. Review the diff: every changed message is a wording change.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as api from '../pkg/node.mjs';
import { FIXTURES, jsonFiles, rel, defaultSeverity } from '../tests/js/helpers.mjs';

const args = process.argv.slice(2);
const check = args.includes('--check');
const named = args.filter((a) => a !== '--check');
const files = named.length > 0 ? named.map((f) => resolve(f)) : jsonFiles(FIXTURES);

const K = {
  callFlow: {
    validate: api.validateCallFlow, validateJson: api.validateCallFlowJson,
    fromForm: api.callFlowFromForm, build: api.buildCallFlowRequest,
    fromResponse: api.callFlowFromResponse, fromResponseJson: api.callFlowFromResponseJson,
  },
  messageFlow: {
    validate: api.validateMessageFlow, validateJson: api.validateMessageFlowJson,
    fromForm: api.messageFlowFromForm, build: api.buildMessageFlowRequest,
    fromResponse: api.messageFlowFromResponse, fromResponseJson: api.messageFlowFromResponseJson,
  },
};

/** The issues the library reports for a fixture (the calls of the JS runner). */
function reported(f) {
  const k = K[f.kind];
  if (!k) throw new Error(`unknown kind ${JSON.stringify(f.kind)}`);
  if ('build' in f) {
    const input = 'input' in f ? f.input : JSON.parse(f.inputJson);
    return k.build(input, { ...f.build, ...(f.options ?? {}) }).issues;
  }
  if ('form' in f) return k.fromForm(new URLSearchParams(f.form), f.options).issues;
  if ('response' in f) return k.fromResponse(f.response, f.overrides, f.options).issues;
  if ('responseJson' in f) return k.fromResponseJson(f.responseJson, f.overrides, f.options).issues;
  if ('input' in f) return k.validate(f.input, f.options).issues;
  if ('inputJson' in f) return k.validateJson(f.inputJson, f.options).issues;
  throw new Error('no input, inputJson, form, response or responseJson');
}

/** The issue with `message` set: code, pointer, severity?, message, then the rest. */
function withMessage(issue, message) {
  const out = {};
  for (const k of ['code', 'pointer', 'severity']) if (k in issue) out[k] = issue[k];
  out.message = message;
  for (const [k, v] of Object.entries(issue)) if (!(k in out)) out[k] = v;
  return out;
}

let changed = 0;
let messages = 0;
let refused = 0;
for (const file of files) {
  const name = rel(file);
  const text = readFileSync(file, 'utf8');
  const f = JSON.parse(text);
  const eol = text.endsWith('\n') ? '\n' : '';
  if (JSON.stringify(f, null, 2) + eol !== text) {
    console.error(`${name}: not in the JSON.stringify(_, null, 2) layout; left as it is`);
    refused++;
    continue;
  }
  const got = reported(f);
  const want = f.issues;
  const key = (i, sev) => `${i.code} at ${JSON.stringify(i.pointer)} (${sev})`;
  const agree = got.length === want.length &&
    got.every((g, n) => key(g, g.severity) === key(want[n], want[n].severity ?? defaultSeverity(want[n].code)));
  if (!agree) {
    console.error(`${name}: the reported issues differ from the expected ones; left as it is`);
    for (const g of got) console.error(`   got: ${key(g, g.severity)}`);
    for (const w of want) console.error(`  want: ${key(w, w.severity ?? defaultSeverity(w.code))}`);
    refused++;
    continue;
  }
  f.issues = want.map((w, n) => {
    if (w.message !== got[n].message) messages++;
    return withMessage(w, got[n].message);
  });
  const next = JSON.stringify(f, null, 2) + eol;
  if (next === text) continue;
  changed++;
  if (check) console.error(`${name}: a message would change`);
  else writeFileSync(file, next);
}
console.log(`${files.length} fixtures: ${changed} ${check ? 'would change' : 'written'} (${messages} messages), ${refused} refused`);
process.exitCode = refused > 0 || (check && changed > 0) ? 1 : 0;
