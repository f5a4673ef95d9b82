// The public API over the wasm-bindgen glue, shared by every entry (index.js
// for browsers and bundlers, node.cjs for Node; api.cjs is built from it).
//
// guard(glue, load): `load()` makes sure the WebAssembly module is
// instantiated (Node: synchronously, on the first call; browsers: throws a
// clear error before `await init()`). Every function then runs guarded: the
// exports never throw for bad input, so a throw out of the module is a bug
// (a trap: `unreachable`, out-of-bounds memory...). The call returns an
// `internal_error` issue instead, and the module is instantiated afresh from
// the compiled one (wasm-bindgen's reset function), so the next call works.

const INTERNAL = 'trillet-flows failed on this input (a bug: please report it); it was restarted, so other calls work.';

/** The result of a call whose module failed: `valid: false` or `ok: false` (flag), one issue. */
function failure(flag) {
  return { [flag]: false, issues: [{ path: [], pointer: '', code: 'internal_error', message: INTERNAL, severity: 'error' }] };
}

// Standard Schema v1 (https://standardschema.dev) over a normalize function:
// validate() is synchronous and returns { value } with the normalized
// payload, or { issues } with the errors (the library's issues: message and
// path, plus code, pointer, severity...).
function makeSchema(normalize, prepare) {
  return {
    '~standard': {
      version: 1,
      vendor: 'trillet-flows',
      validate(value) {
        const result = normalize(prepare ? prepare(value) : value);
        if (result.ok) return { value: result.value };
        return { issues: result.issues.filter((i) => i.severity === 'error') };
      },
    },
  };
}

const PLAIN_KEY = /^[^.[\]]+$/;

/**
 * Form values as form libraries hold them (nested objects and arrays whose
 * leaves are strings, booleans or numbers) as the flat fields of a form:
 * { settings: { isActive: 'true' } } -> { 'settings.isActive': 'true' }.
 * Booleans and numbers become their text (the form coercion reads them
 * back); null and undefined are absent; anything else (a File, a Date, a
 * cycle, nesting past 128 levels) is kept as it is, and reported at its field.
 * A FormData or URLSearchParams passes as it is.
 */
function formFields(values) {
  const out = Object.create(null);
  const seen = new Set();
  const walk = (v, name, depth) => {
    if (typeof v === 'string') out[name] = v;
    else if (typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) out[name] = String(v);
    else if (v != null) {
      const isArray = Array.isArray(v);
      const p = typeof v === 'object' && Object.getPrototypeOf(v);
      if (depth > 128 || seen.has(v) || !(isArray || p === Object.prototype || p === null)) out[name] = v;
      else {
        seen.add(v);
        for (const k of Object.keys(v)) {
          walk(v[k], name + (isArray ? `[${k}]` : name === '' ? k : PLAIN_KEY.test(k) ? `.${k}` : `[${k}]`), depth + 1);
        }
        seen.delete(v);
      }
    }
  };
  try {
    const p = values !== null && typeof values === 'object' && Object.getPrototypeOf(values);
    if (p !== Object.prototype && p !== null) return values;
    walk(values, '', 0);
    return out;
  } catch {
    return values; // a throwing getter or proxy: the form function reports it
  }
}

/**
 * guard(glue, load) returns wrap(op, flag): the function number `op` of
 * the module's exports (`call`, `callClone` in src/wasm.rs), run after
 * `load()`, with a failure of the module turned into a result whose `flag`
 * ("valid" or "ok") is false, and the module restarted.
 */
export function guard(glue, load) {
  let broken = false;
  const restart = () => {
    try {
      glue.__wbg_reset_state();
      broken = false;
    } catch {
      broken = true; // try again before the next call
    }
  };
  return (op, flag) => {
    // The functions of three arguments (clone, 12 to 15) have an export of
    // their own (src/wasm.rs, `call_clone`).
    const run = (f) => {
      load();
      if (broken) restart();
      try {
        return f();
      } catch {
        restart();
        return failure(flag);
      }
    };
    if (op < 12) return (input, options) => run(() => glue.call(op, input, options));
    // (response, overrides, options): the options were once dropped here.
    return (input, overrides, options) => run(() => glue.callClone(op, input, overrides, options));
  };
}

export { makeSchema, formFields };
