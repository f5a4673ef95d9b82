// Imports the package by name, as an app would, and writes what it found into the DOM.
import init, { validateCallFlow, normalizeCallFlow, callFlowFromForm, messageFlowSchema, callFlowSchema } from 'trillet-flows';

const status = document.getElementById('status');
const result = document.getElementById('result');

async function main() {
  await init();
  await init(); // safe twice
  const payload = { name: 'Support Line', direction: 'outbound', settings: { welcomeMessageDelay: 2 } };
  const form = new FormData();
  form.append('name', 'Support Line');
  form.append('direction', 'bidirectional');
  form.append('isActive', 'off');
  form.append('prompt', new File(['x'], 'prompt.txt'));
  const out = {
    valid: validateCallFlow(payload),
    invalid: validateCallFlow({ name: '', direction: 'inbound' }),
    normalized: normalizeCallFlow(payload),
    form: callFlowFromForm(form),
    schema: callFlowSchema['~standard'].validate(payload),
    messageSchema: messageFlowSchema['~standard'].validate({}),
    plain: Object.getPrototypeOf(normalizeCallFlow(payload).value) === Object.prototype,
  };
  result.textContent = JSON.stringify(out);
  status.textContent = 'done';
}

main().catch((e) => {
  status.textContent = `error: ${e && e.stack ? e.stack : e}`;
  console.error(e);
});
