// node16 CommonJS consumer (.cts: compiled to require()): resolves
// trillet-flows through its `require` condition (index.d.cts), no TS1471/TS1479.
import { normalizeMessageFlow, validateMessageFlow, messageFlowSchema, type MessageFlowInput, type InferInput } from 'trillet-flows';
import tf = require('trillet-flows');

const input: MessageFlowInput = {
  name: 'SMS', direction: 'inbound', agent: '0123456789abcdef01234567', initiationMessage: 'Hi', prompt: 'Help', messageChannel: 'SMS',
};
const r = normalizeMessageFlow(input);
if (r.ok) {
  const autopilot: boolean = r.value.autopilot;
  void autopilot;
}
// @ts-expect-error a literal needs `name`
validateMessageFlow({ direction: 'inbound' });
// @ts-expect-error a misspelled key in a literal
tf.validateCallFlow({ name: 'S', direction: 'outbound', isActve: true });
void tf.init();
const i: InferInput<typeof messageFlowSchema> = input;
void i;
