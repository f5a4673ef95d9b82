// esbuild browser bundle: `--loader:.wasm=file` copies the wasm into the
// output and gives its URL to init().
import init, * as t from 'trillet-flows';
import wasmUrl from 'trillet-flows/trillet_flows_bg.wasm';
import { check } from './check.js';

init(new URL(wasmUrl, import.meta.url)).then(
  () => {
    document.getElementById('result').textContent = JSON.stringify(check(t));
    document.getElementById('status').textContent = 'done';
  },
  (e) => {
    document.getElementById('status').textContent = `error: ${e && e.stack ? e.stack : e}`;
  },
);
