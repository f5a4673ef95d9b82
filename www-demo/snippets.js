// Request previews: fetch and curl snippets in which the api key and the workspace
// id are always masked.

/** "tk_l••••••••": the first 4 characters of a long secret, nothing of a short one. */
export function mask(secret) {
  if (!secret) return '';
  return (secret.length >= 12 ? secret.slice(0, 4) : '') + '••••••••';
}

/** Replaces every occurrence of the secrets in `text` by their masks. */
export function scrub(text, secrets) {
  let out = text;
  for (const s of secrets) if (s && s.length >= 6) out = out.split(s).join(mask(s));
  return out;
}

const SECRET_HEADERS = new Set(['x-api-key', 'x-workspace-id']);

/**
 * The headers to show: the library's request headers with the secrets replaced by
 * `shown` ({ 'x-api-key': '...', 'x-workspace-id': '...' }).
 */
export function shownHeaders(request, shown) {
  return Object.entries(request.headers).map(([k, v]) => [k, SECRET_HEADERS.has(k.toLowerCase()) ? shown[k.toLowerCase()] : v]);
}

function prettyBody(body) {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

export function fetchSnippet(request, headers) {
  const body = prettyBody(request.body).replace(/\n/g, '\n  ');
  const lines = headers.map(([k, v]) => {
    const note = k === 'x-api-key' ? ' // on your server: process.env.TRILLET_API_KEY' : '';
    return `    ${JSON.stringify(k)}: ${JSON.stringify(v)},${note}`;
  });
  return [
    '// Send this from your server: an api key must never reach the browser.',
    `const response = await fetch(${JSON.stringify(request.url)}, {`,
    `  method: ${JSON.stringify(request.method)},`,
    '  headers: {',
    ...lines,
    '  },',
    `  body: JSON.stringify(${body}),`,
    '});',
    'if (!response.ok) throw new Error(`Trillet API: ${response.status}`);',
    'const created = await response.json();',
  ].join('\n');
}

const shq = (s) => `'${s.replace(/'/g, `'\\''`)}'`;

export function curlSnippet(request, headers) {
  return [
    `curl -X ${request.method} ${shq(request.url)}`,
    ...headers.map(([k, v]) => `  -H ${shq(`${k}: ${v}`)}`),
    `  --data-raw ${shq(prettyBody(request.body))}`,
  ].join(' \\\n');
}
