// Places in a JSON text: a line and column given by the library (1-based; the
// column counts UTF-16 units, as JavaScript strings do) to a string offset, a
// JSON pointer to the offsets of its key and value (or of its closest existing
// parent), and the token at an offset (what an issue's mark underlines).

/** The UTF-16 offset of (line, column) in `text`. */
export function offsetOf(text, line, column) {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return text.length;
    start = nl + 1;
  }
  const end = text.indexOf('\n', start);
  return Math.min(start + Math.max(column - 1, 0), end < 0 ? text.length : end);
}

/** The 1-based line and character column of an offset (for people). */
export function lineColumnOf(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = [...before.slice(before.lastIndexOf('\n') + 1)].length + 1;
  return { line, column };
}

/**
 * { start, end } of the value at `pointer` (for an object member, from its key),
 * or of the closest parent that exists; null if the text does not parse.
 */
export function locate(text, pointer) {
  const map = places(text);
  const at = map && closest(map, pointer);
  return at ? { start: at.keyStart ?? at.start, end: at.end } : null;
}

/**
 * Every value of a JSON text by pointer: { start, end } of the value and, for an
 * object member, { keyStart, keyEnd } of its key. null if the text does not parse.
 * One pass over the text; look places up with `closest`.
 */
export function places(text) {
  const map = new Map();
  try {
    scan(text, map);
  } catch {
    return null;
  }
  return map;
}

/** The place of `pointer` in `places(text)`, else of its closest existing parent. */
export function closest(map, pointer) {
  let p = pointer;
  for (;;) {
    if (map.has(p)) return map.get(p);
    if (p === '') return null;
    p = p.slice(0, p.lastIndexOf('/'));
  }
}

const NUMBER = /-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const WORD = /[A-Za-z_$][\w$]*/y;

/**
 * [from, to] of the token at `offset`: a whole string (a key or a value, to its
 * closing quote, at most to the end of the line), number or word; else the one
 * character there; [offset, offset] at the end of the text.
 */
export function tokenAt(text, offset) {
  const at = Math.max(0, Math.min(offset, text.length));
  if (at === text.length) return [at, at];
  const c = text[at];
  if (c === '"' || c === "'") {
    let i = at + 1;
    while (i < text.length && text[i] !== c && text[i] !== '\n') i += text[i] === '\\' && text[i + 1] !== '\n' ? 2 : 1;
    return [at, Math.min(text[i] === c ? i + 1 : i, text.length)];
  }
  for (const re of [NUMBER, WORD]) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (m && m[0].length) return [at, at + m[0].length];
  }
  const code = text.charCodeAt(at);
  return [at, at + (code >= 0xd800 && code < 0xdc00 && at + 1 < text.length ? 2 : 1)];
}

const LITERAL = /-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null/y;
const escapeSeg = (s) => String(s).replace(/~/g, '~0').replace(/\//g, '~1');

function scan(text, places) {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const fail = () => {
    throw new Error('bad json');
  };
  const string = (decode) => {
    if (text[i] !== '"') fail();
    const start = i++;
    let escaped = false;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') {
        escaped = true;
        i += 2;
      } else i++;
    }
    if (i >= text.length) fail();
    i++;
    if (!decode) return null;
    return escaped ? JSON.parse(text.slice(start, i)) : text.slice(start + 1, i - 1);
  };
  const value = (ptr, keyStart, keyEnd) => {
    ws();
    const start = i;
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') i++;
      else {
        for (;;) {
          ws();
          const keyStart = i;
          const key = string(true);
          const keyEnd = i;
          ws();
          if (text[i++] !== ':') fail();
          value(`${ptr}/${escapeSeg(key)}`, keyStart, keyEnd);
          ws();
          if (text[i] === ',') i++;
          else if (text[i] === '}') {
            i++;
            break;
          } else fail();
        }
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') i++;
      else {
        for (let n = 0; ; n++) {
          value(`${ptr}/${n}`);
          ws();
          if (text[i] === ',') i++;
          else if (text[i] === ']') {
            i++;
            break;
          } else fail();
        }
      }
    } else if (c === '"') string(false);
    else {
      LITERAL.lastIndex = i;
      const m = LITERAL.exec(text);
      if (!m) fail();
      i += m[0].length;
    }
    // a repeated key: its last value counts
    places.set(ptr, keyStart === undefined ? { start, end: i } : { start, end: i, keyStart, keyEnd });
  };
  value('');
  ws();
  if (i !== text.length) fail();
}
