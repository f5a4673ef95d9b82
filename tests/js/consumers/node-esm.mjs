import { buildCallFlowRequest, callFlowFormSchema, normalizeCallFlow, validateCallFlow } from 'trillet-flows';
import { check } from './check.js';

console.log(JSON.stringify(check({ buildCallFlowRequest, callFlowFormSchema, normalizeCallFlow, validateCallFlow })));
