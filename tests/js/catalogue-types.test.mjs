// The package's input types (pkg/index.d.ts: tsify's types with the
// REQUIRED patch, and the hand-written parts) against the field catalogue,
// read with the TypeScript compiler API (TypeScript 5, pinned through
// @arethetypeswrong/core; TypeScript 7 has no JS compiler API): for every
// object of both payloads, the type's keys are the catalogue's fields there
// and their documented other places; required fields are required and the
// others optional; enums are unions of exactly the catalogue's values;
// `null` is allowed exactly where the catalogue says a field is nullable;
// open objects (flow nodes and edges) have an index signature, no other does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PKG, ROOT } from './helpers.mjs';

const core = dirname(createRequire(join(ROOT, 'package.json')).resolve('@arethetypeswrong/core/package.json'));
const ts = createRequire(join(core, 'package.json'))('typescript');
const readJson = (p) => JSON.parse(readFileSync(p, 'utf8'));

/**
 * What the catalogue says each input type holds: type name -> key -> { required,
 * nullable, enum (values or null) }, and which types are open.
 */
function expected() {
  const types = new Map();
  const open = new Set();
  const add = (type, key, spec) => {
    if (!types.has(type)) types.set(type, new Map());
    types.get(type).set(key, spec);
  };
  for (const [stem, root] of [['call-flow', 'CallFlowInput'], ['message-flow', 'MessageFlowInput']]) {
    const fields = readJson(join(PKG, 'schema', `${stem}.fields.json`));
    const typeAt = new Map([['', root]]);
    const all = [];
    const walk = (list) => {
      for (const f of list) {
        all.push(f);
        if (f.shape) {
          typeAt.set(f.path.join('.') + (f.items ? '.[]' : ''), f.shape);
          if (f.open) open.add(f.shape);
        }
        if (f.items) walk(f.items);
      }
    };
    walk(fields);
    for (const f of all) {
      const holder = typeAt.get(f.path.slice(0, -1).join('.'));
      const values = f.enum ? f.enum.map((e) => e.value).sort() : null;
      add(holder, f.key, { required: f.required, nullable: f.nullable, enum: values });
      // Its other places: optional keys of the types that hold them.
      for (const alt of f.alternatives) {
        const path = alt.replaceAll('[]', '.[]').split('.');
        const at = typeAt.get(path.slice(0, -1).join('.'));
        // An alternative inside a moved object (settings.callSetting.maxCallDuration)
        // belongs to the type of that object, which is the canonical one's.
        if (at) add(at, path.at(-1), { required: false, nullable: f.nullable, enum: values });
      }
    }
  }
  return { types, open };
}

/** The differences between the types of a .d.ts file and the catalogue. */
function differences(file) {
  const program = ts.createProgram([file], { strict: true, noEmit: true, skipLibCheck: true, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'] });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const exports = new Map(checker.getExportsOfModule(checker.getSymbolAtLocation(source)).map((s) => [s.name, s]));
  const out = [];
  const { types, open } = expected();
  for (const [name, keys] of types) {
    const symbol = exports.get(name);
    if (!symbol) {
      out.push(`${name}: no such exported type`);
      continue;
    }
    const type = checker.getDeclaredTypeOfSymbol(symbol);
    const props = new Map(checker.getPropertiesOfType(type).map((p) => [p.name, p]));
    const got = [...props.keys()].sort();
    const want = [...keys.keys()].sort();
    if (got.join() !== want.join()) out.push(`${name}: keys ${got.join(', ')}; the catalogue has ${want.join(', ')}`);
    const indexed = checker.getIndexInfosOfType(type).length > 0;
    if (indexed !== open.has(name)) out.push(`${name}: ${indexed ? 'has' : 'lacks'} an index signature`);
    for (const [key, spec] of keys) {
      const p = props.get(key);
      if (!p) continue;
      const optional = (p.flags & ts.SymbolFlags.Optional) !== 0;
      if (optional === spec.required) out.push(`${name}.${key}: ${optional ? 'optional' : 'required'}, the catalogue says ${spec.required ? 'required' : 'optional'}`);
      const t = checker.getTypeOfSymbol(p);
      const parts = t.isUnion() ? t.types : [t];
      const hasNull = parts.some((x) => x.flags & ts.TypeFlags.Null);
      if (hasNull !== spec.nullable) out.push(`${name}.${key}: ${hasNull ? 'takes' : 'does not take'} null, the catalogue says ${spec.nullable ? 'nullable' : 'not nullable'}`);
      const defined = parts.filter((x) => !(x.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
      const literals = defined.every((x) => x.flags & ts.TypeFlags.StringLiteral) ? defined.map((x) => x.value).sort() : null;
      if (spec.enum && (literals === null || literals.join() !== spec.enum.join())) {
        out.push(`${name}.${key}: ${checker.typeToString(t)}, the catalogue's values are ${spec.enum.join(' | ')}`);
      }
      if (!spec.enum && literals !== null) out.push(`${name}.${key}: a union of literals, but no enum in the catalogue`);
    }
  }
  return out;
}

test('the input types have the catalogue\'s keys, required fields, nullability and enum values', () => {
  assert.equal(readFileSync(join(PKG, 'index.d.cts'), 'utf8'), readFileSync(join(PKG, 'index.d.ts'), 'utf8'));
  const { types } = expected();
  assert.equal(types.size, 19, 'every object of both payloads (HeaderPair is no type of its own)');
  assert.deepStrictEqual(differences(join(PKG, 'index.d.ts')), []);
});

test('the check fails for a type that drifts from the catalogue', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'trillet-drift-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  let dts = readFileSync(join(PKG, 'index.d.ts'), 'utf8');
  const edit = (from, to) => {
    assert.ok(dts.includes(from), from);
    dts = dts.replace(from, to);
  };
  edit('export type PromptType = "simple";', 'export type PromptType = "simple" | "flow";');
  edit(/export interface MessageFlowInput \{[\s\S]*?\n    agent: string;/.exec(dts)[0],
    /export interface MessageFlowInput \{[\s\S]*?\n    agent: string;/.exec(dts)[0].replace('agent: string;', 'agent?: string;'));
  edit('    trilletVoiceGuard?: boolean;', '    trilletVoiceGuard?: boolean;\n    trilletVoiceGuardLevel?: number;');
  const file = join(dir, 'index.d.ts');
  writeFileSync(file, dts);
  assert.deepStrictEqual(differences(file), [
    'CallFlowInput.promptType: PromptType | undefined, the catalogue\'s values are simple',
    'CallSettings: keys endCallOnSilence, maxCallDuration, reminderMessages, trilletVoiceGuard, trilletVoiceGuardLevel; the catalogue has endCallOnSilence, maxCallDuration, reminderMessages, trilletVoiceGuard',
    'MessageFlowInput.agent: optional, the catalogue says required',
  ]);
});
