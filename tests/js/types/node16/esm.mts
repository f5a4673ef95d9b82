// node16 ESM consumer: resolves trillet-flows through its `import` condition (index.d.ts).
import init, { normalizeCallFlow, validateCallFlow, callFlowSchema, type CallFlowInput, type InferOutput } from 'trillet-flows';

await init();
const input: CallFlowInput = { name: 'Support', direction: 'outbound' };
const r = normalizeCallFlow(input);
if (r.ok) {
  const active: boolean = r.value.isActive;
  void active;
}
// @ts-expect-error a literal needs `name`
validateCallFlow({ direction: 'outbound' });
// @ts-expect-error a misspelled key in a literal
validateCallFlow({ name: 'S', direction: 'outbound', descripton: 'x' });
validateCallFlow(JSON.parse('{}') as unknown);
const out: InferOutput<typeof callFlowSchema> | undefined = undefined;
void out;
