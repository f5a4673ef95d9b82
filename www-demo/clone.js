// "Start from a response": a flow as the API returns it, cloned by the package's
// callFlowFromResponseJson / messageFlowFromResponseJson into a create payload that
// fills the editor. When the clone fails (a call flow response's `direction: "inbound"`,
// say), its issues are listed here with their fixes and the editor is left as it was.
import { CALL_FLOW_RESPONSE_EXAMPLE, MESSAGE_FLOW_RESPONSE_EXAMPLE } from './examples.js';

const $ = (id) => document.getElementById(id);

/** The flow kind a response is of, as the CLI detects it: a message flow has a channel or an initiation message. */
export function kindOf(value) {
  const has = (k) => value !== null && typeof value === 'object' && Object.hasOwn(value, k);
  return has('messageChannel') || has('initiationMessage') ? 'message' : 'call';
}

function issueItem(issue) {
  const li = document.createElement('li');
  li.className = `issue ${issue.severity}`;
  li.dataset.code = issue.code;
  li.dataset.pointer = issue.pointer;
  const where = issue.pointer === '' ? '(root)' : issue.pointer;
  li.textContent = `${issue.severity === 'error' ? 'Error' : 'Warning'} at ${where}: ${issue.message}`;
  return li;
}

/**
 * Wires the panel. `fromResponse.call/message` are the package's JSON-text clone
 * functions; `onCloned(flow, payload)` fills the editor; `flow()` is the selected kind,
 * used when the text is not JSON.
 */
export function setupClone({ fromResponse, ready, flow, onCloned }) {
  const text = $('response-text');
  const overrides = $('overrides-text');
  const list = $('clone-issues');
  const kind = $('clone-kind');
  const example = (value, over) => {
    text.value = JSON.stringify(value, null, 2);
    overrides.value = over;
    list.replaceChildren();
    kind.textContent = '';
  };
  $('response-example-call').addEventListener('click', () => example(CALL_FLOW_RESPONSE_EXAMPLE, ''));
  $('response-example-message').addEventListener('click', () => example(MESSAGE_FLOW_RESPONSE_EXAMPLE, ''));
  $('clone-run').addEventListener('click', () => {
    if (!ready()) return;
    let k = flow();
    try {
      k = kindOf(JSON.parse(text.value));
    } catch {
      /* not JSON: the clone function reports where */
    }
    let over;
    if (overrides.value.trim() !== '') {
      try {
        over = JSON.parse(overrides.value);
      } catch (e) {
        list.replaceChildren(issueItem({ severity: 'error', code: 'invalid_json', pointer: '/overrides', message: `The overrides are not JSON (${e.message}); write an object such as {"name": "Copy"}.` }));
        return;
      }
    }
    const res = fromResponse[k](text.value, over);
    const errors = res.issues.filter((i) => i.severity === 'error').length;
    kind.textContent = res.ok
      ? `Cloned as a ${k} flow${res.issues.length ? `, with ${res.issues.length} warning${res.issues.length === 1 ? '' : 's'}` : ''}.`
      : `Not cloned: ${errors} error${errors === 1 ? '' : 's'} in the ${k} flow response (fix the response or give an override).`;
    list.replaceChildren(...res.issues.map(issueItem));
    if (res.ok) onCloned(k, res.value);
  });
}
