// Places in a JSON text: a line and column given by the library (1-based; the
// column counts UTF-16 units, as JavaScript strings do) to a string offset, and
// a JSON pointer to the offset of its member (or of its closest existing parent).

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
  const places = new Map();
  try {
    scan(text, places);
  } catch {
    return null;
  }
  let p = pointer;
  for (;;) {
    if (places.has(p)) return places.get(p);
    if (p === '') return null;
    p = p.slice(0, p.lastIndexOf('/'));
  }
}

const escapeSeg = (s) => String(s).replace(/~/g, '~0').replace(/\//g, '~1');

function scan(text, places) {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const fail = () => {
    throw new Error('bad json');
  };
  const string = () => {
    if (text[i] !== '"') fail();
    const start = i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) fail();
    i++;
    return JSON.parse(text.slice(start, i));
  };
  const value = (ptr, from) => {
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
          const key = string();
          ws();
          if (text[i++] !== ':') fail();
          value(`${ptr}/${escapeSeg(key)}`, keyStart);
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
    } else if (c === '"') string();
    else {
      const m = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
      if (!m) fail();
      i += m[0].length;
    }
    places.set(ptr, { start: from ?? start, end: i }); // a repeated key: its last value counts
  };
  value('');
  ws();
  if (i !== text.length) fail();
}
