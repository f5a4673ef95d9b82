// Payloads of the benchmark (issue #6). Each payload has a JS object and its JSON text.
//  - the two source documents' response examples as create requests (copies of the inputs of
//    ../tests/fixtures/call-flow/seed-example.json and message-flow/seed-example.json);
//  - an invalid call flow with exactly five distinct errors;
//  - a call flow with N nodes, 1.5 N edges, 20 webhooks and 10 variable collections,
//    for N = 100, 1,000 and 10,000 (the headline payload is N = 1,000).

export const seedCallFlow = () => ({
  folderId: null,
  isGlobal: false,
  isPreConfigured: false,
  preConfiguredWorkspaceId: null,
  name: 'Customer Support Flow',
  direction: 'bidirectional',
  description: 'Handles inbound support calls',
  agent: '676b8e123456789012345679',
  promptType: 'simple',
  welcomeMessage: 'user_initiated',
  customWelcomeMessage: '',
  flowData: {
    nodes: [{ id: 'node1', type: 'start', data: { prompt: 'Welcome to our support line. How can I help you?' } }],
    edges: [],
  },
  prompt: 'Keep the conversation short and friendly.',
  isActive: true,
  agentWebhookUrl: '',
  inboundWebhookUrl: '',
  dynamicVariableCollections: [],
  webhooks: [],
  settings: {
    welcomeMessage: 'user_initiated',
    customWelcomeMessage: '',
    enableHumanLikeVoiceAndTone: false,
    welcomeMessageDelay: 0,
    webhooks: { agent: '', inbound: '' },
    customerLocation: 'new york',
    transfers: [],
    knowledgeBases: [],
    utilizePriorCallsContext: false,
    callSettings: { trilletVoiceGuard: true, reminderMessages: [] },
    security: { hipaaCompliance: false, publicAccess: false },
  },
});

export const seedMessageFlow = () => ({
  name: 'Customer Engagement Campaign',
  direction: 'bidirectional',
  description: 'Manages interactions for promotional events via SMS',
  agent: '676b8e123456789012345679',
  settings: {
    responseSettings: {
      delay: 0,
      workingHours: { enabled: false, start: '09:00', end: '17:00', timezone: 'UTC', outOfHoursMessage: '' },
    },
    security: { hipaaCompliance: false },
    emailSettings: { subjectLine: 'Thank You for Joining Our Event', signature: 'Best Regards' },
  },
  prompt: 'You are a supportive assistant managing event inquiries.',
  initiationMessage: 'Welcome to our service! How can we assist you today?',
  isActive: true,
  autopilot: true,
  messageChannel: 'SMS',
});

/** The five errors of the invalid call flow, as [code, pointer]. */
export const INVALID_ERRORS = [
  ['empty', '/name'],
  ['invalid_enum', '/direction'],
  ['duplicate', '/flowData/nodes/2/id'],
  ['dangling_reference', '/flowData/edges/1/target'],
  ['invalid_url', '/webhooks/0/url'],
];

export const invalidCallFlow = () => {
  const f = seedCallFlow();
  f.name = '   '; // empty
  f.direction = 'inbound'; // invalid_enum: call flows cannot be created inbound
  f.flowData = {
    nodes: [
      { id: 'greet', type: 'start', data: { prompt: 'Hello, how can I help?' } },
      { id: 'billing', type: 'prompt', data: { prompt: 'Ask for the invoice number.' } },
      { id: 'greet', type: 'end', data: { prompt: 'Goodbye.' } }, // duplicate node id
    ],
    edges: [
      { id: 'e1', source: 'greet', target: 'billing' },
      { id: 'e2', source: 'billing', target: 'transfer' }, // dangling_reference
    ],
  };
  f.webhooks = [
    {
      name: 'upload_invoice',
      url: 'ftp://files.example.com/upload', // invalid_url
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: { invoice: '{{invoice_number}}' },
      description: 'Stores the invoice',
    },
  ];
  return f;
};

// Deterministic pseudo-random numbers (mulberry32), so every run benchmarks the same payload.
function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NODE_TYPES = ['prompt', 'condition', 'webhook', 'transfer', 'collect', 'end'];
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** A valid call flow with n nodes, 1.5 n edges, 20 webhooks and 10 variable collections. */
export function bigCallFlow(n) {
  const rand = rng(n);
  const pick = (k) => Math.floor(rand() * k);
  const nodes = [];
  for (let i = 0; i < n; i++) {
    nodes.push({
      id: `node-${i}`,
      type: i === 0 ? 'start' : NODE_TYPES[pick(NODE_TYPES.length)],
      position: { x: (i % 40) * 220, y: Math.floor(i / 40) * 140 },
      data: {
        label: `Step ${i}`,
        prompt: `Step ${i}: ask the caller about item ${pick(1000)} and confirm the answer.`,
        variables: i % 5 === 0 ? ['customer_name', 'order_id'] : [],
      },
    });
  }
  const edges = [];
  const edgeCount = Math.round(n * 1.5);
  // A spanning tree (n - 1 edges) keeps every node reachable; the rest are random links.
  for (let i = 1; i < n && edges.length < edgeCount; i++) {
    edges.push({ id: `edge-${edges.length}`, source: `node-${pick(i)}`, target: `node-${i}`, type: 'smoothstep' });
  }
  while (edges.length < edgeCount) {
    const e = { id: `edge-${edges.length}`, source: `node-${pick(n)}`, target: `node-${pick(n)}`, type: 'smoothstep' };
    if (edges.length % 3 === 0) e.label = rand() < 0.5 ? 'yes' : 'no';
    edges.push(e);
  }
  const webhooks = [];
  for (let i = 0; i < 20; i++) {
    webhooks.push({
      name: `lookup_${i}`,
      url: `https://api.example.com/v2/hooks/${i}?source=trillet`,
      method: METHODS[i % METHODS.length],
      headers: {
        Authorization: `Bearer token-${i}-abcdef0123456789`,
        'Content-Type': 'application/json',
        'X-Request-Source': 'call-flow',
      },
      body: { orderId: '{{order_id}}', customer: '{{customer_name}}', attempt: i },
      description: `Looks up record ${i} for the caller.`,
      variablesforcallflow: [
        { name: 'order_id', description: 'The order number the caller gives' },
        { name: 'customer_name', description: 'The caller name' },
        { name: `extra_${i}`, description: 'Something else to collect' },
      ],
      responseVariables: [
        { name: 'status', path: 'data.status', description: 'Order status' },
        { name: 'eta', path: 'data.delivery.eta', description: 'Delivery estimate' },
      ],
      isTesting: false,
      textToSpeak: 'One moment while I look that up.',
    });
  }
  const dynamicVariableCollections = [];
  for (let c = 0; c < 10; c++) {
    const variables = [];
    for (let v = 0; v < 8; v++) variables.push({ key: `var_${c}_${v}`, value: `value ${c}.${v}` });
    dynamicVariableCollections.push({ id: `collection-${c}`, name: `Collection ${c}`, variables, isDefault: c === 0 });
  }
  return {
    name: `Large routing flow (${n} nodes)`,
    direction: 'outbound',
    description: 'A generated flow for benchmarks',
    agent: '676b8e123456789012345679',
    promptType: 'simple',
    isPreConfigured: false,
    welcomeMessage: 'ai_custom',
    customWelcomeMessage: 'Hi, this is the Acme assistant. How can I help?',
    flowData: { nodes, edges },
    prompt: 'Route the caller through the flow and keep answers short.',
    isActive: true,
    agentWebhookUrl: 'https://hooks.example.com/agent',
    inboundWebhookUrl: 'https://hooks.example.com/inbound',
    dynamicVariableCollections,
    webhooks,
    settings: {
      welcomeMessage: 'ai_custom',
      customWelcomeMessage: 'Hi, this is the Acme assistant. How can I help?',
      webhooks: { agent: 'https://hooks.example.com/agent', inbound: 'https://hooks.example.com/inbound' },
      enableHumanLikeVoiceAndTone: true,
      welcomeMessageDelay: 1.5,
      customerLocation: 'new york',
      transfers: [{ name: 'Sales', number: '+15550100' }],
      knowledgeBases: ['kb-1'],
      utilizePriorCallsContext: true,
      callSettings: { trilletVoiceGuard: true, reminderMessages: ['Are you still there?'], maxCallDuration: 1800, endCallOnSilence: 30 },
      security: { hipaaCompliance: false, publicAccess: false },
    },
  };
}

// The 10,000-node flow has 15,000 edges and about 2.5 MB of JSON: past our default limits
// (10,000 items in one array, 1 MiB of JSON), which the contract lets an option raise.
export const BIG_OPTIONS = { maxItems: 100_000, maxBytes: 64 * 1024 * 1024 };

/**
 * All payloads. kind: 'call' | 'message'; valid: what every library should say;
 * options: the options passed to ours (the peers have no such limits).
 */
export function allPayloads({ sizes = [100, 1000, 10000] } = {}) {
  const list = [
    { id: 'seed-call', label: 'call flow, seed example', kind: 'call', valid: true, value: seedCallFlow() },
    { id: 'seed-message', label: 'message flow, seed example', kind: 'message', valid: true, value: seedMessageFlow() },
    { id: 'invalid-call', label: 'invalid call flow (5 errors)', kind: 'call', valid: false, value: invalidCallFlow() },
    ...sizes.map((n) => ({
      id: `big-${n}`,
      label: `call flow, ${n.toLocaleString('en-US')} nodes`,
      kind: 'call',
      valid: true,
      nodes: n,
      value: bigCallFlow(n),
      options: BIG_OPTIONS,
    })),
  ];
  for (const p of list) {
    p.text = JSON.stringify(p.value);
    p.bytes = Buffer.byteLength(p.text);
  }
  return list;
}
