// The form of each payload, field by field (RULES.md). A node is one of:
//   { kind: 'field', key, label, type, hint?, required?, options? }
//       type: text | textarea | id | url | number | time | timezone | select | bool
//   { kind: 'group', key?, title, hint?, open?, children }   a section that folds open
//       (key: the object it stands for; without key it only groups fields)
//   { kind: 'list', key, title, item, hint?, children }      add/remove items (objects)
//   { kind: 'strings', key, title, item, hint? }             add/remove items (strings)
//   { kind: 'headers', key, title, hint? }                   name/value pairs of an object
// `plain: true` on a group shows it as a fieldset that is always open.

const f = (key, label, type = 'text', extra = {}) => ({ kind: 'field', key, label, type, ...extra });
const bool = (key, label, dflt, extra = {}) => f(key, label, 'bool', { dflt, ...extra });

const responseSettings = {
  kind: 'group',
  key: 'responseSettings',
  title: 'Response settings',
  children: [
    f('delay', 'Response delay (seconds)', 'number', { hint: 'A number, at least 0.' }),
    {
      kind: 'group',
      key: 'workingHours',
      title: 'Working hours',
      hint: 'When enabled, start and end are required. A start after the end is an overnight window.',
      children: [
        bool('enabled', 'Enabled', 'false'),
        f('start', 'Start', 'time', { hint: '24-hour HH:MM, such as 09:00.' }),
        f('end', 'End', 'time', { hint: '24-hour HH:MM, such as 17:00.' }),
        f('timezone', 'Time zone', 'timezone', { hint: 'An IANA name such as Europe/Paris (default UTC).' }),
        f('outOfHoursMessage', 'Out-of-hours message', 'textarea'),
      ],
    },
  ],
};

export const CALL_FLOW = [
  {
    kind: 'group',
    plain: true,
    title: 'Call flow',
    children: [
      f('name', 'Name', 'text', { required: true }),
      f('direction', 'Direction', 'select', {
        required: true,
        options: [
          ['', 'Choose…'],
          ['outbound', 'outbound'],
          ['bidirectional', 'bidirectional'],
          ['inbound', 'inbound'],
        ],
        hint: 'Call flows are created outbound or bidirectional; a bidirectional flow also answers calls.',
      }),
      f('description', 'Description', 'textarea'),
      f('agent', 'Agent id', 'id', { hint: 'The 24-hex-digit id of the voice agent.' }),
      f('promptType', 'Prompt type', 'select', { options: [['', 'Not set (default: simple)'], ['simple', 'simple']] }),
      f('prompt', 'Prompt', 'textarea', { hint: 'Creates the first prompt version.' }),
      f('folderId', 'Folder id', 'id'),
      bool('isActive', 'Active', 'true'),
      bool('isGlobal', 'Global'),
      bool('isPreConfigured', 'Pre-configured', 'false'),
      f('preConfiguredWorkspaceId', 'Pre-configured workspace id', 'id', {
        hint: 'Only with Pre-configured set to true.',
      }),
    ],
  },
  {
    kind: 'group',
    plain: true,
    title: 'Welcome',
    children: [
      f('welcomeMessage', 'Welcome message type', 'select', {
        options: [
          ['', 'Not set (default: user_initiated)'],
          ['user_initiated', 'user_initiated: the caller speaks first'],
          ['ai_dynamic', 'ai_dynamic: the agent opens with its own words'],
          ['ai_custom', 'ai_custom: the agent opens with the message below'],
        ],
      }),
      f('customWelcomeMessage', 'Custom welcome message', 'textarea', {
        hint: 'Required with ai_custom; leave it empty for the other types.',
      }),
    ],
  },
  {
    kind: 'group',
    plain: true,
    title: 'Webhook URLs',
    children: [
      f('agentWebhookUrl', 'Agent webhook URL', 'url', { hint: 'Empty, or an absolute https: URL.' }),
      f('inboundWebhookUrl', 'Inbound webhook URL', 'url', { hint: 'Empty, or an absolute https: URL.' }),
    ],
  },
  {
    kind: 'group',
    key: 'flowData',
    title: 'Flow data (nodes and edges)',
    hint: 'Node ids must be unique; each edge connects two node ids. The form sets id, type and data.prompt; other node properties can be given in the JSON view.',
    children: [
      {
        kind: 'list',
        key: 'nodes',
        title: 'Nodes',
        item: 'Node',
        children: [f('id', 'Id', 'text', { required: true }), f('type', 'Type'), { kind: 'group', key: 'data', inline: true, children: [f('prompt', 'Prompt (data.prompt)', 'textarea')] }],
      },
      {
        kind: 'list',
        key: 'edges',
        title: 'Edges',
        item: 'Edge',
        children: [f('id', 'Id'), f('source', 'Source node id', 'text', { required: true }), f('target', 'Target node id', 'text', { required: true })],
      },
    ],
  },
  {
    kind: 'list',
    key: 'webhooks',
    title: 'Webhooks',
    item: 'Webhook',
    hint: 'Tools the agent can call during the call, by name.',
    children: [
      f('name', 'Name', 'text', { required: true }),
      f('url', 'URL', 'url', { required: true }),
      f('method', 'Method', 'select', {
        options: [['', 'Not set'], ['GET', 'GET'], ['POST', 'POST'], ['PUT', 'PUT'], ['PATCH', 'PATCH'], ['DELETE', 'DELETE']],
      }),
      f('description', 'Description', 'textarea'),
      { kind: 'headers', key: 'headers', title: 'Headers', item: 'Header' },
      f('body', 'Body', 'textarea', { mono: true, hint: 'Sent as text from the form; give an object body in the JSON view.' }),
      {
        kind: 'list',
        key: 'variablesforcallflow',
        title: 'Variables for the call flow',
        item: 'Variable',
        children: [f('name', 'Name', 'text', { required: true }), f('description', 'Description')],
      },
      {
        kind: 'list',
        key: 'responseVariables',
        title: 'Response variables',
        item: 'Response variable',
        children: [f('name', 'Name', 'text', { required: true }), f('path', 'Path'), f('description', 'Description')],
      },
      bool('isTesting', 'Testing'),
      f('textToSpeak', 'Text to speak', 'textarea'),
      f('testResponse', 'Test response', 'textarea', { mono: true }),
    ],
  },
  {
    kind: 'list',
    key: 'dynamicVariableCollections',
    title: 'Dynamic variable collections',
    item: 'Collection',
    hint: 'At most one collection is the default; keys are unique within a collection.',
    children: [
      f('id', 'Id'),
      f('name', 'Name', 'text', { required: true }),
      bool('isDefault', 'Default collection', 'false'),
      {
        kind: 'list',
        key: 'variables',
        title: 'Variables',
        item: 'Variable',
        children: [f('key', 'Key', 'text', { required: true }), f('value', 'Value')],
      },
    ],
  },
  {
    kind: 'group',
    key: 'settings',
    title: 'Settings',
    children: [
      bool('enableHumanLikeVoiceAndTone', 'Human-like voice and tone'),
      bool('utilizePriorCallsContext', 'Use the context of prior calls'),
      f('welcomeMessageDelay', 'Welcome message delay', 'number', { hint: 'A number, at least 0.' }),
      f('customerLocation', 'Customer location'),
      {
        kind: 'group',
        key: 'callSettings',
        title: 'Call settings',
        children: [
          bool('trilletVoiceGuard', 'Trillet voice guard'),
          f('maxCallDuration', 'Maximum call duration', 'number', { hint: 'A number above 0.' }),
          f('endCallOnSilence', 'End call on silence', 'number', { hint: 'A number, at least 0.' }),
          { kind: 'strings', key: 'reminderMessages', title: 'Reminder messages', item: 'Reminder message' },
        ],
      },
      {
        kind: 'group',
        key: 'security',
        title: 'Security',
        children: [bool('hipaaCompliance', 'HIPAA compliance'), bool('publicAccess', 'Public access')],
      },
      responseSettings,
      {
        kind: 'group',
        title: 'Transfers and knowledge bases',
        hint: 'Items pass through unchanged (the form sends text; give objects in the JSON view).',
        children: [
          { kind: 'strings', key: 'transfers', title: 'Transfers', item: 'Transfer' },
          { kind: 'strings', key: 'knowledgeBases', title: 'Knowledge bases', item: 'Knowledge base' },
        ],
      },
      {
        kind: 'group',
        title: 'Mirrors of top-level fields',
        hint: 'Normalize fills these from the top-level fields; leave them empty unless you copy a response. A different value is a conflict.',
        children: [
          f('welcomeMessage', 'settings.welcomeMessage', 'select', {
            options: [['', 'Not set'], ['user_initiated', 'user_initiated'], ['ai_dynamic', 'ai_dynamic'], ['ai_custom', 'ai_custom']],
          }),
          f('customWelcomeMessage', 'settings.customWelcomeMessage', 'textarea'),
          {
            kind: 'group',
            key: 'webhooks',
            inline: true,
            children: [f('agent', 'settings.webhooks.agent', 'url'), f('inbound', 'settings.webhooks.inbound', 'url')],
          },
        ],
      },
    ],
  },
];

export const MESSAGE_FLOW = [
  {
    kind: 'group',
    plain: true,
    title: 'Message flow',
    children: [
      f('name', 'Name', 'text', { required: true }),
      f('direction', 'Direction', 'select', {
        required: true,
        options: [
          ['', 'Choose…'],
          ['inbound', 'inbound'],
          ['outbound', 'outbound'],
          ['bidirectional', 'bidirectional'],
        ],
      }),
      f('messageChannel', 'Channel', 'select', { required: true, options: [['', 'Choose…'], ['SMS', 'SMS'], ['Email', 'Email']] }),
      f('description', 'Description', 'textarea'),
      f('agent', 'Agent id', 'id', { required: true, hint: 'The 24-hex-digit id of the messaging agent.' }),
      f('initiationMessage', 'Initiation message', 'textarea', {
        required: true,
        sms: true,
        hint: 'The first message that starts the conversation.',
      }),
      f('prompt', 'Prompt', 'textarea', { required: true, hint: 'The instructions for the AI agent.' }),
      bool('isActive', 'Active', 'false'),
      bool('autopilot', 'Autopilot', 'false'),
    ],
  },
  {
    kind: 'group',
    key: 'settings',
    title: 'Settings',
    children: [
      responseSettings,
      { kind: 'group', key: 'security', title: 'Security', children: [bool('hipaaCompliance', 'HIPAA compliance')] },
      {
        kind: 'group',
        key: 'emailSettings',
        title: 'Email settings',
        hint: 'Used by Email flows only; with Email a subject line is recommended.',
        children: [f('subjectLine', 'Subject line'), f('signature', 'Signature', 'textarea')],
      },
    ],
  },
];
