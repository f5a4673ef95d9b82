// Bridge between JavaScript values and the Rust core (bundled by wasm-bindgen).
//
// encodeInput turns any JavaScript value into JSON text for the core,
// without ever throwing and without calling anything but getters:
// - plain JSON data (the usual case) is checked by one walk, then handed to
//   JSON.stringify (a lone surrogate, which the walk does not look for, is
//   found in the text, where JSON.stringify escapes it);
// - anything else is cloned into plain data, each value JSON cannot carry
//   replaced by null and listed with its path and what it was ("bigint",
//   "Date", "cyclic reference", "throwing getter"...), so the core can report
//   it at its place. Properties whose value is undefined count as missing.
// Keys are data: clones are null-prototype objects, so "__proto__" is an
// ordinary key and no prototype is ever touched.
//
// result builds each call's result object from the core's compact form:
// no JSON text for the result or its issues, and nothing to parse when there
// are no issues (see `result` below).

const OBJECT_PROTO = Object.prototype;
const encoder = new TextEncoder();

/**
 * Writes text as UTF-8 into the module's memory at [ptr, ptr + cap) and
 * returns the number of bytes written: one native copy, where handing a
 * string to wasm-bindgen is a per-character loop in JavaScript, and
 * TextEncoder.encode plus a copy is two. cap is 3 bytes per UTF-16 unit,
 * which always suffices (a lone surrogate becomes U+FFFD, 3 bytes).
 */
export function writeUtf8(text, memory, ptr, cap) {
  return encoder.encodeInto(text, new Uint8Array(memory.buffer, ptr, cap)).written;
}
const hasOwn = Object.prototype.hasOwnProperty;

// ----- results -----

/** A result with no value and no issues: a fresh object each call. */
export function empty(shape, ok) {
  return shape === 0 ? { valid: ok, issues: [] } : { ok, issues: [] };
}

/**
 * A call's result, a fresh plain object: `{ valid, issues }` (shape 0),
 * `{ ok, value, issues }` (1) or `{ ok, request, issues }` (2); when `ok`
 * is false, `{ ok, issues }`. value: JSON text (JSON.parse keeps
 * `__proto__` an own key); nums (a Float64Array) and text: the issues, as
 * readIssues reads them.
 */
export function result(shape, ok, nums, text, value) {
  const issues = readIssues(nums, text);
  if (shape === 0) return { valid: ok, issues };
  if (!ok) return { ok, issues };
  value = JSON.parse(value);
  return shape === 1 ? { ok, value, issues } : { ok, request: value, issues };
}

/**
 * Issues from their numbers and their strings, one after the other in s.
 * Each issue: the lengths of its code, severity (0 error, 1 warning), which
 * of expected, received, line and column it has (bits 1, 2, 4, 8), the
 * path's length and its segments (an index, or -1 - the length of a key),
 * the lengths of pointer, message, expected and received, then line and
 * column. Lengths are in UTF-16 units; keys in the order of the core's.
 */
function readIssues(nums, s) {
  const out = [];
  let at = 0;
  let k = 0;
  const str = (len) => s.slice(at, (at += len));
  while (k < nums.length) {
    const code = str(nums[k++]);
    const severity = nums[k++] === 0 ? 'error' : 'warning';
    const has = nums[k++];
    const path = [];
    for (let n = nums[k++]; n > 0; n--) {
      const seg = nums[k++];
      path.push(seg < 0 ? str(-1 - seg) : seg);
    }
    const pointer = str(nums[k++]);
    const issue = { path, pointer, code, message: str(nums[k++]), severity };
    if (has & 1) issue.expected = str(nums[k++]);
    if (has & 2) issue.received = str(nums[k++]);
    if (has & 4) issue.line = nums[k++];
    if (has & 8) issue.column = nums[k++];
    out.push(issue);
  }
  return out;
}

// A lone UTF-16 surrogate cannot travel as UTF-8: it becomes U+FFFD, as
// TextEncoder does.
const toWellFormed = typeof String.prototype.toWellFormed === 'function'
  ? (s) => s.toWellFormed()
  : (s) => s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/**
 * Most values one call reads out of a JavaScript object (each appearance of
 * a shared object counts again): bounds the cost of a DAG such as 30 objects
 * each referring to the next twice, which would otherwise take 2^30 visits.
 * 1 MiB of JSON text holds at most about 350,000 values, so no input that
 * could be sent as JSON comes near it.
 */
export const MAX_VALUES = 1_000_000;

// Thrown (by identity, never inspected) when a limit is crossed; ctx.stop
// says where and which. Comparing with === cannot run any trap.
const STOP = Object.freeze({});

const isLeaf = (x) => typeof x === 'string' || typeof x === 'boolean' || (typeof x === 'number' && Number.isFinite(x));

// Whether v, an object (not null), is plain JSON data that JSON.stringify
// writes as it is. Leaves are checked in the loops (a call per object and
// array only); strings are not checked for lone surrogates here (encodeInput
// finds them in the text). ctx.visited counts each value read, as the
// careful path does; past MAX_VALUES, throws STOP.
function isPlain(v, depth, ctx) {
  if (depth >= ctx.maxDepth) return false;
  if (Array.isArray(v)) {
    if (typeof v.toJSON === 'function') return false; // JSON.stringify would call it: the careful path never does
    const n = v.length;
    if (n > ctx.maxItems) return false;
    for (let i = 0; i < n; i++) {
      if (!(i in v)) return false;
      const x = v[i];
      if (++ctx.visited > MAX_VALUES) throw STOP;
      if (typeof x === 'object' ? x !== null && !isPlain(x, depth + 1, ctx) : !isLeaf(x)) return false;
    }
    return true;
  }
  const proto = Object.getPrototypeOf(v);
  if (proto !== OBJECT_PROTO && proto !== null) return false;
  if (typeof v.toJSON === 'function') return false;
  for (const k in v) {
    if (!hasOwn.call(v, k)) return false; // inherited enumerable: not plain
    const x = v[k];
    if (x === undefined) continue;
    if (++ctx.visited > MAX_VALUES) throw STOP;
    if (typeof x === 'object' ? x !== null && !isPlain(x, depth + 1, ctx) : !isLeaf(x)) return false;
  }
  return true;
}

function kindOf(v) {
  let name = '';
  try {
    const proto = Object.getPrototypeOf(v);
    const ctor = proto && hasOwn.call(proto, 'constructor') ? proto.constructor : undefined;
    name = typeof ctor === 'function' && typeof ctor.name === 'string' ? ctor.name : '';
  } catch {
    name = '';
  }
  return name && name !== 'Object' ? name : 'object with a custom prototype';
}

/**
 * A clone of v as plain data. Whatever reading v throws (a Proxy trap, a
 * getter, a revoked Proxy) makes v itself an "unreadable object" at its
 * path: the issue lands where the value is, and the rest is still read.
 */
function cloneValue(v, path, depth, ctx) {
  if (++ctx.visited > MAX_VALUES) {
    ctx.stop = [path.slice(), 'values'];
    throw STOP;
  }
  const depthBefore = path.length;
  try {
    return cloneInner(v, path, depth, ctx);
  } catch (e) {
    if (e === STOP) throw e;
    path.length = depthBefore;
    ctx.aliens.push([path.slice(), 'unreadable object']);
    return null;
  }
}

function cloneInner(v, path, depth, ctx) {
  switch (typeof v) {
    case 'string':
      return toWellFormed(v);
    case 'boolean':
      return v;
    case 'number':
      if (Number.isFinite(v)) return v;
      ctx.aliens.push([path.slice(), Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity']);
      return null;
    case 'undefined':
    case 'bigint':
    case 'symbol':
    case 'function':
      ctx.aliens.push([path.slice(), typeof v]);
      return null;
  }
  if (v === null) return null;
  if (ctx.ancestors.has(v)) {
    ctx.aliens.push([path.slice(), 'cyclic reference']);
    return null;
  }
  if (depth >= ctx.maxDepth) {
    ctx.stop = [path.slice(), 'depth'];
    throw STOP;
  }
  let isArray;
  try {
    isArray = Array.isArray(v);
  } catch {
    ctx.aliens.push([path.slice(), 'revoked proxy']);
    return null;
  }
  ctx.ancestors.add(v);
  try {
    if (isArray) {
      let n;
      try {
        n = v.length;
      } catch {
        ctx.aliens.push([path.slice(), 'throwing getter']);
        return null;
      }
      if (typeof n !== 'number' || n > ctx.maxItems) {
        ctx.stop = [path.slice(), 'items'];
        throw STOP;
      }
      const out = new Array(n);
      for (let i = 0; i < n; i++) {
        path.push(i);
        try {
          if (!(i in v)) {
            ctx.aliens.push([path.slice(), 'undefined']);
            out[i] = null;
          } else {
            let x;
            try {
              x = v[i];
            } catch {
              ctx.aliens.push([path.slice(), 'throwing getter']);
              out[i] = null;
              continue;
            }
            out[i] = cloneValue(x, path, depth + 1, ctx);
          }
        } finally {
          path.pop();
        }
      }
      return out;
    }
    let proto;
    try {
      proto = Object.getPrototypeOf(v);
    } catch {
      ctx.aliens.push([path.slice(), 'unreadable object']);
      return null;
    }
    if (proto !== OBJECT_PROTO && proto !== null) {
      ctx.aliens.push([path.slice(), kindOf(v)]);
      return null;
    }
    let keys;
    try {
      keys = Object.keys(v);
    } catch {
      ctx.aliens.push([path.slice(), 'unreadable object']);
      return null;
    }
    const out = Object.create(null);
    for (const rawKey of keys) {
      const k = toWellFormed(rawKey);
      let x;
      path.push(k);
      try {
        try {
          x = v[rawKey];
        } catch {
          ctx.aliens.push([path.slice(), 'throwing getter']);
          out[k] = null;
          continue;
        }
        if (x === undefined) continue; // missing, as in JSON.stringify
        out[k] = cloneValue(x, path, depth + 1, ctx);
      } finally {
        path.pop();
      }
    }
    return out;
  } finally {
    ctx.ancestors.delete(v);
  }
}

/**
 * Returns the JSON text of plain data (the usual case), else
 * [jsonText, aliensJson | null, tooLargeJson | null]: aliensJson, JSON of
 * [[path, kind], ...]; tooLargeJson, JSON of
 * [path, "depth" | "items" | "values"]. Never throws.
 */
export function encodeInput(input, maxDepth, maxItems) {
  let plain = false;
  try {
    // visited: 1, the input itself.
    plain = typeof input === 'object' ? input === null || isPlain(input, 0, { maxDepth, maxItems, visited: 1 }) : isLeaf(input);
  } catch {
    plain = false; // a trap threw, or too many values: the careful path says where
  }
  if (plain) {
    try {
      const text = JSON.stringify(input);
      // JSON.stringify escapes a lone surrogate as \udXXX (lowercase); the
      // same six characters after an escaped backslash only cost the careful
      // path, which replaces lone surrogates with U+FFFD.
      if (typeof text === 'string' && !text.includes('\\ud')) return text;
    } catch {
      // a getter changed its mind: take the careful path
    }
  }
  const ctx = { aliens: [], ancestors: new Set(), maxDepth, maxItems, visited: 0, stop: null };
  try {
    const clone = cloneValue(input, [], 0, ctx);
    return [JSON.stringify(clone), ctx.aliens.length ? JSON.stringify(ctx.aliens) : null, null];
  } catch (e) {
    if (e === STOP) return ['null', null, JSON.stringify(ctx.stop)];
    return ['null', JSON.stringify([[[], 'unreadable object']]), null];
  }
}

/** The largest limit an option takes (maxBytes, maxDepth, maxItems). */
const MAX_COUNT = 1e15;
// Stands for an option whose getter threw (encodeOptions): describe names it.
const THREW = Object.freeze(Object.create(null));

/**
 * Options as JSON text for the core, which reads each option from it:
 * getters and Proxy traps run here, in try/catch, never in the core.
 * Returns undefined when they are left out (undefined or null), "null" when
 * they are no object (an array, a number, a function, a revoked Proxy...),
 * else the JSON of [values, unknown]: values, an object with the value of
 * each of `names` (comma-separated; own or inherited) that is not undefined,
 * where a value that is no string, boolean, null or whole number from 0 to
 * MAX_COUNT (the only numbers an option takes) becomes {"$": what it is}
 * ("number", "Date", "bigint", "throwing getter"...); unknown, the own
 * string keys that are none of `names`, whose value is not undefined.
 * Never throws.
 */
export function encodeOptions(options, names) {
  if (options === undefined || options === null) return undefined;
  try {
    if (typeof options !== 'object' || Array.isArray(options)) return 'null';
  } catch {
    return 'null'; // a revoked Proxy
  }
  const known = names.split(',');
  const read = (k) => {
    try {
      return options[k];
    } catch {
      return THREW;
    }
  };
  const values = {};
  for (const k of known) {
    const v = read(k);
    if (v === undefined) continue;
    const plain = v === null || typeof v === 'boolean' || (Number.isInteger(v) && v >= 0 && v <= MAX_COUNT);
    values[k] = typeof v === 'string' ? toWellFormed(v) : plain ? v : { $: describe(v) };
  }
  let own = [];
  try {
    own = Reflect.ownKeys(options);
  } catch {
    // a Proxy's ownKeys trap threw: no own keys to check
  }
  const unknown = [];
  for (const k of own) {
    if (typeof k === 'string' && !known.includes(k) && read(k) !== undefined) unknown.push(toWellFormed(k));
  }
  return JSON.stringify([values, unknown]);
}

/** What a value is, for messages; never throws. */
export function describe(v) {
  try {
    if (v === THREW) return 'throwing getter';
    if (v === null) return 'null';
    if (Array.isArray(v)) return 'array';
    if (typeof v === 'object') return kindOf(v) === 'object with a custom prototype' ? 'object' : kindOf(v);
    return typeof v;
  } catch {
    return 'unreadable object';
  }
}

function isPlainObject(v) {
  const proto = Object.getPrototypeOf(v);
  return proto === OBJECT_PROTO || proto === null;
}

/**
 * Form input (FormData, URLSearchParams, or a plain object of strings) as
 * [entriesJson, badJson | null]: entries [[name, value], ...]; bad
 * [[name, kind], ...] for values that are not text (a File, a number...);
 * a bad name "" means the form itself is not one. At most maxItems + 1
 * fields are read (a form past maxItems is too_large in the core), so a form
 * whose entries() never ends cannot hang the call.
 */
export function encodeForm(form, maxItems) {
  const entries = [];
  const bad = [];
  const limit = maxItems + 1;
  let seen = 0;
  const take = (name, value) => {
    seen++;
    if (typeof name !== 'string') return;
    if (typeof value === 'string') entries.push([toWellFormed(name), toWellFormed(value)]);
    else if (value === undefined || value === null) return;
    else bad.push([toWellFormed(name), describe(value)]);
  };
  try {
    if (form === null || typeof form !== 'object') {
      bad.push(['', describe(form)]);
    } else if (typeof form.append === 'function' && typeof form.getAll === 'function' && typeof form.entries === 'function') {
      for (const pair of form.entries()) {
        take(pair[0], pair[1]);
        if (seen >= limit) break;
      }
    } else if (isPlainObject(form)) {
      for (const k of Object.keys(form)) {
        if (seen >= limit) break;
        let v;
        try {
          v = form[k];
        } catch {
          seen++;
          bad.push([toWellFormed(k), 'throwing getter']);
          continue;
        }
        take(k, v);
      }
    } else {
      bad.push(['', describe(form)]);
    }
  } catch {
    bad.push(['', 'unreadable form']);
  }
  return [JSON.stringify(entries), bad.length ? JSON.stringify(bad) : null];
}
