//! Typed models of the two request bodies and their responses.
//!
//! Each payload has an input type (what a caller may send: defaults
//! optional, documented alternative shapes accepted) and an output type
//! (what [`crate::normalize`] returns: defaults filled, alternatives moved to
//! their canonical place). The doc comments become the TypeScript docs.
//! Fields that pass through untouched (flow nodes and edges, transfers,
//! knowledge bases) are `Value`.
//!
//! The rules themselves run on [`Value`], so that a malformed input is
//! reported at its field instead of failing to deserialize; these types are
//! for writing and reading payloads in Rust, and for the TypeScript types.

#![allow(missing_docs)]

use crate::value::Value;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[cfg(target_arch = "wasm32")]
use tsify::Tsify;

/// The model structs: serde (camelCase keys) and, on wasm32, tsify. An
/// optional field is written `pub name?: Option<T>`: left out when `None`
/// in JSON and optional in TypeScript; `pub name?: Option<T> as "ts type"`
/// also gives its TypeScript type (`"string | null"`...). Other fields, and
/// every attribute and doc comment, are kept as written.
macro_rules! model {
    ($($(#[$m:meta])* pub struct $name:ident { $($body:tt)* })*) => {
        $( model!(@fields [$(#[$m])* pub struct $name] [] $($body)*); )*
    };
    (@fields [$($head:tt)*] [$($done:tt)*]) => {
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[cfg_attr(target_arch = "wasm32", derive(Tsify))]
        #[serde(rename_all = "camelCase")]
        $($head)* { $($done)* }
    };
    (@fields $head:tt [$($done:tt)*]
        $(#[$f:meta])* pub $field:ident ?: $t:ty $(as $ts:literal)? $(, $($rest:tt)*)?) => {
        model!(@fields $head [$($done)*
            $(#[$f])*
            #[serde(default, skip_serializing_if = "Option::is_none")]
            #[cfg_attr(target_arch = "wasm32", tsify(optional $(, type = $ts)?))]
            pub $field: $t,
        ] $($($rest)*)?);
    };
    (@fields $head:tt [$($done:tt)*]
        $(#[$f:meta])* pub $field:ident : $t:ty $(, $($rest:tt)*)?) => {
        model!(@fields $head [$($done)* $(#[$f])* pub $field: $t,] $($($rest)*)?);
    };
}

macro_rules! string_enum {
    ($($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $text:literal),* $(,)? })*) => {
        $(
            $(#[$doc])*
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
            #[cfg_attr(target_arch = "wasm32", derive(Tsify))]
            pub enum $name {
                $( $(#[$vdoc])* #[serde(rename = $text)] $variant, )*
            }
            impl $name {
                /// The value as the API spells it.
                pub fn as_str(self) -> &'static str {
                    match self { $( $name::$variant => $text, )* }
                }
            }
        )*
    };
}

string_enum! {
    /// Direction of a call flow on create. `inbound` cannot be created.
    CallFlowDirection {
        Outbound = "outbound",
        /// Places and answers calls.
        Bidirectional = "bidirectional",
    }
    /// Direction of a message flow.
    MessageFlowDirection {
        Inbound = "inbound",
        Outbound = "outbound",
        Bidirectional = "bidirectional",
    }
    /// Direction as a response reports it (call flows may be inbound there).
    AnyDirection {
        Inbound = "inbound",
        Outbound = "outbound",
        Bidirectional = "bidirectional",
    }
    /// Prompt configuration type; only `simple` is allowed now.
    PromptType {
        Simple = "simple",
    }
    /// How a call starts.
    WelcomeMessage {
        /// The caller speaks first (default).
        UserInitiated = "user_initiated",
        /// The agent opens with a generated greeting.
        AiDynamic = "ai_dynamic",
        /// The agent opens with `customWelcomeMessage`.
        AiCustom = "ai_custom",
    }
    /// Channel of a message flow (exact spelling).
    MessageChannel {
        Sms = "SMS",
        Email = "Email",
    }
    /// HTTP method of a webhook.
    HttpMethod {
        Get = "GET",
        Post = "POST",
        Put = "PUT",
        Patch = "PATCH",
        Delete = "DELETE",
    }
}

model! {
    /// The body of *Create Call Flow* as a caller may send it.
    #[derive(Default)]
    pub struct CallFlowInput {
        /// A friendly name, e.g. "Customer Support Flow". Required, not empty.
        pub name?: Option<String>,
        /// `outbound` or `bidirectional`. Required.
        pub direction?: Option<CallFlowDirection>,
        /// What the flow handles.
        pub description?: Option<String>,
        /// Id of the agent to associate (24 hex digits).
        pub agent?: Option<String>,
        /// Only `simple` now. Default `simple`.
        pub prompt_type?: Option<PromptType>,
        /// Folder to organize the flow in; null means none.
        pub folder_id?: Option<String> as "string | null",
        /// A global flow (only some workspaces may create one).
        pub is_global?: Option<bool>,
        /// Default false.
        pub is_pre_configured?: Option<bool>,
        /// Workspace of a pre-configured flow; only with `isPreConfigured: true`.
        pub pre_configured_workspace_id?: Option<String> as "string | null",
        /// How a call starts. Default `user_initiated`.
        pub welcome_message?: Option<WelcomeMessage>,
        /// The opening line; required with `ai_custom`, and only used then.
        pub custom_welcome_message?: Option<String>,
        /// Nodes and edges for complex call routing.
        pub flow_data?: Option<FlowDataInput>,
        /// System prompt; creates the first prompt version.
        pub prompt?: Option<String>,
        /// Default true.
        pub is_active?: Option<bool>,
        /// Webhook for agent events: empty, or an absolute http(s) URL.
        pub agent_webhook_url?: Option<String>,
        /// Webhook for inbound call events: empty, or an absolute http(s) URL.
        pub inbound_webhook_url?: Option<String>,
        /// Named sets of variables; at most one is the default.
        pub dynamic_variable_collections?: Option<Vec<DynamicVariableCollectionInput>>,
        /// Tools the agent can call during a call.
        pub webhooks?: Option<Vec<WebhookInput>>,
        /// The main configuration object.
        pub settings?: Option<CallFlowSettingsInput>,
    }

    /// A normalized *Create Call Flow* body: defaults filled, mirrors consistent.
    pub struct CallFlow {
        pub name: String,
        pub direction: CallFlowDirection,
        pub description?: Option<String>,
        pub agent?: Option<String>,
        pub prompt_type: PromptType,
        pub folder_id?: Option<String>,
        pub is_global?: Option<bool>,
        pub is_pre_configured: bool,
        /// Present only when `isPreConfigured` is true.
        pub pre_configured_workspace_id?: Option<String>,
        pub welcome_message: WelcomeMessage,
        /// Present only with `ai_custom`.
        pub custom_welcome_message?: Option<String>,
        pub flow_data?: Option<FlowData>,
        pub prompt?: Option<String>,
        pub is_active: bool,
        pub agent_webhook_url?: Option<String>,
        pub inbound_webhook_url?: Option<String>,
        pub dynamic_variable_collections?: Option<Vec<DynamicVariableCollection>>,
        pub webhooks?: Option<Vec<Webhook>>,
        /// Always present: it mirrors `welcomeMessage`.
        pub settings: CallFlowSettings,
    }

    /// Nodes and edges as sent.
    #[derive(Default)]
    pub struct FlowDataInput {
        /// Each node needs a unique `id`; other properties pass through.
        pub nodes?: Option<Vec<FlowNode>>,
        /// `source` and `target` name node ids; other properties pass through.
        pub edges?: Option<Vec<FlowEdge>>,
    }

    /// Nodes and edges, both always present.
    pub struct FlowData {
        pub nodes: Vec<FlowNode>,
        pub edges: Vec<FlowEdge>,
    }

    /// A flow node: a unique `id`, anything else passes through.
    pub struct FlowNode {
        pub id: String,
        #[serde(flatten)]
        #[cfg_attr(target_arch = "wasm32", tsify(type = "Record<string, unknown>"))]
        pub rest: BTreeMap<String, Value>,
    }

    /// A flow edge between two node ids; anything else passes through.
    pub struct FlowEdge {
        /// Unique among the edges, when given.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub id: Option<String>,
        pub source: String,
        pub target: String,
        #[serde(flatten)]
        #[cfg_attr(target_arch = "wasm32", tsify(type = "Record<string, unknown>"))]
        pub rest: BTreeMap<String, Value>,
    }

    /// A dynamic variable collection as sent.
    #[derive(Default)]
    pub struct DynamicVariableCollectionInput {
        /// Unique among the collections.
        pub id?: Option<String>,
        /// Required.
        pub name?: Option<String>,
        pub variables?: Option<Vec<DynamicVariable>>,
        /// At most one collection may be the default. Default false.
        pub is_default?: Option<bool>,
    }

    /// A normalized dynamic variable collection.
    pub struct DynamicVariableCollection {
        pub id?: Option<String>,
        pub name: String,
        pub variables?: Option<Vec<DynamicVariable>>,
        pub is_default: bool,
    }

    /// A variable: `key` unique within its collection.
    pub struct DynamicVariable {
        pub key: String,
        pub value?: Option<String>,
    }

    /// A webhook as sent.
    #[derive(Default)]
    pub struct WebhookInput {
        /// Required; a name another webhook already has is a `duplicate` warning.
        pub name?: Option<String>,
        /// Required; an absolute http(s) URL.
        pub url?: Option<String>,
        pub method?: Option<HttpMethod>,
        /// Header names to values; an array of `{ name, value }` (an older shape) is moved into this form.
        pub headers?: Option<Value> as "Record<string, string> | { name: string; value: string }[]",
        /// A body template: text or JSON.
        pub body?: Option<Value> as "string | Record<string, unknown> | unknown[]",
        pub description?: Option<String>,
        /// Variables the agent fills in when it calls the webhook.
        #[serde(rename = "variablesforcallflow")]
        pub variablesforcallflow?: Option<Vec<WebhookVariable>>,
        /// The update page's name for `variablesforcallflow`; moved there.
        pub variables?: Option<Vec<WebhookVariable>>,
        /// Values read from the webhook's response.
        pub response_variables?: Option<Vec<ResponseVariable>>,
        pub is_testing?: Option<bool>,
        /// What the agent says while the webhook runs.
        pub text_to_speak?: Option<String>,
        /// A captured test response; passes through.
        pub test_response?: Option<Value> as "unknown",
    }

    /// A normalized webhook.
    pub struct Webhook {
        pub name: String,
        pub url: String,
        pub method?: Option<HttpMethod>,
        pub headers?: Option<BTreeMap<String, String>> as "Record<string, string>",
        pub body?: Option<Value> as "string | Record<string, unknown> | unknown[]",
        pub description?: Option<String>,
        #[serde(rename = "variablesforcallflow")]
        pub variablesforcallflow?: Option<Vec<WebhookVariable>>,
        pub response_variables?: Option<Vec<ResponseVariable>>,
        pub is_testing?: Option<bool>,
        pub text_to_speak?: Option<String>,
        pub test_response?: Option<Value> as "unknown",
    }

    /// A variable the agent fills in for a webhook; `name` unique within it.
    pub struct WebhookVariable {
        pub name: String,
        pub description?: Option<String>,
    }

    /// A value read from a webhook's response at `path`.
    pub struct ResponseVariable {
        pub name: String,
        pub path?: Option<String>,
        pub description?: Option<String>,
    }

    /// Call flow settings as sent.
    #[derive(Default)]
    pub struct CallFlowSettingsInput {
        /// Mirrors the top-level `welcomeMessage`.
        pub welcome_message?: Option<WelcomeMessage>,
        /// Mirrors the top-level `customWelcomeMessage`.
        pub custom_welcome_message?: Option<String>,
        /// Mirrors `agentWebhookUrl` and `inboundWebhookUrl`.
        pub webhooks?: Option<WebhookUrls>,
        pub enable_human_like_voice_and_tone?: Option<bool>,
        /// Seconds before the welcome message; at least 0.
        pub welcome_message_delay?: Option<f64>,
        pub customer_location?: Option<String>,
        pub transfers?: Option<Vec<Value>> as "unknown[]",
        pub knowledge_bases?: Option<Vec<Value>> as "unknown[]",
        pub utilize_prior_calls_context?: Option<bool>,
        pub call_settings?: Option<CallSettings>,
        /// Another page's spelling of `callSettings`; moved there.
        pub call_setting?: Option<CallSettings>,
        pub security?: Option<CallFlowSecurity>,
        pub response_settings?: Option<ResponseSettingsInput>,
    }

    /// Normalized call flow settings.
    pub struct CallFlowSettings {
        pub welcome_message: WelcomeMessage,
        pub custom_welcome_message?: Option<String>,
        pub webhooks?: Option<WebhookUrls>,
        pub enable_human_like_voice_and_tone?: Option<bool>,
        pub welcome_message_delay?: Option<f64>,
        pub customer_location?: Option<String>,
        pub transfers?: Option<Vec<Value>> as "unknown[]",
        pub knowledge_bases?: Option<Vec<Value>> as "unknown[]",
        pub utilize_prior_calls_context?: Option<bool>,
        pub call_settings?: Option<CallSettings>,
        pub security?: Option<CallFlowSecurity>,
        pub response_settings?: Option<ResponseSettings>,
    }

    /// The two webhook URLs, mirrored under settings.
    #[derive(Default)]
    pub struct WebhookUrls {
        pub agent?: Option<String>,
        pub inbound?: Option<String>,
    }

    /// Call behaviour.
    #[derive(Default)]
    pub struct CallSettings {
        pub trillet_voice_guard?: Option<bool>,
        pub reminder_messages?: Option<Vec<Value>> as "unknown[]",
        /// Greater than 0.
        pub max_call_duration?: Option<f64>,
        /// At least 0.
        pub end_call_on_silence?: Option<f64>,
    }

    /// Call flow security flags.
    #[derive(Default)]
    pub struct CallFlowSecurity {
        pub hipaa_compliance?: Option<bool>,
        pub public_access?: Option<bool>,
    }

    /// Message flow security flags.
    #[derive(Default)]
    pub struct MessageFlowSecurity {
        pub hipaa_compliance?: Option<bool>,
    }

    /// Response timing and working hours as sent.
    #[derive(Default)]
    pub struct ResponseSettingsInput {
        /// Seconds before replying; at least 0.
        pub delay?: Option<f64>,
        pub working_hours?: Option<WorkingHoursInput>,
        /// The docs' request sample puts the working-hours fields here; moved into `workingHours`.
        pub enabled?: Option<bool>,
        pub start?: Option<String>,
        pub end?: Option<String>,
        pub timezone?: Option<String>,
        pub out_of_hours_message?: Option<String>,
    }

    /// Normalized response settings.
    pub struct ResponseSettings {
        pub delay?: Option<f64>,
        pub working_hours?: Option<WorkingHours>,
    }

    /// Working hours as sent.
    #[derive(Default)]
    pub struct WorkingHoursInput {
        /// Default false.
        pub enabled?: Option<bool>,
        /// `HH:MM`, 24-hour; required when enabled.
        pub start?: Option<String>,
        /// `HH:MM`, 24-hour; required when enabled; before `start` means overnight.
        pub end?: Option<String>,
        /// IANA time zone name. Default `UTC`.
        pub timezone?: Option<String>,
        /// The reply outside working hours; recommended when enabled.
        pub out_of_hours_message?: Option<String>,
    }

    /// Normalized working hours.
    pub struct WorkingHours {
        pub enabled: bool,
        pub start?: Option<String>,
        pub end?: Option<String>,
        pub timezone: String,
        pub out_of_hours_message?: Option<String>,
    }

    /// Email settings of a message flow.
    #[derive(Default)]
    pub struct EmailSettings {
        /// Recommended for Email flows.
        pub subject_line?: Option<String>,
        pub signature?: Option<String>,
    }

    /// The body of *Create Message Flow* as a caller may send it.
    #[derive(Default)]
    pub struct MessageFlowInput {
        /// Required, not empty.
        pub name?: Option<String>,
        /// Required.
        pub direction?: Option<MessageFlowDirection>,
        pub description?: Option<String>,
        /// Required: id of the messaging agent (24 hex digits).
        pub agent?: Option<String>,
        /// Required: the first message, which starts the conversation.
        pub initiation_message?: Option<String>,
        /// Required: instructions for the AI agent.
        pub prompt?: Option<String>,
        /// Default false.
        pub is_active?: Option<bool>,
        /// Default false.
        pub autopilot?: Option<bool>,
        /// Required: exactly `SMS` or `Email`.
        pub message_channel?: Option<MessageChannel>,
        pub settings?: Option<MessageFlowSettingsInput>,
    }

    /// Message flow settings as sent. The seed document lists the top-level
    /// fields here too; found here, they are moved to the top.
    #[derive(Default)]
    pub struct MessageFlowSettingsInput {
        pub response_settings?: Option<ResponseSettingsInput>,
        pub security?: Option<MessageFlowSecurity>,
        /// Used by Email flows only.
        pub email_settings?: Option<EmailSettings>,
        pub initiation_message?: Option<String>,
        pub prompt?: Option<String>,
        pub is_active?: Option<bool>,
        pub autopilot?: Option<bool>,
        pub message_channel?: Option<MessageChannel>,
    }

    /// A normalized *Create Message Flow* body.
    pub struct MessageFlow {
        pub name: String,
        pub direction: MessageFlowDirection,
        pub description?: Option<String>,
        pub agent: String,
        pub initiation_message: String,
        pub prompt: String,
        pub is_active: bool,
        pub autopilot: bool,
        pub message_channel: MessageChannel,
        pub settings?: Option<MessageFlowSettings>,
    }

    /// Normalized message flow settings.
    pub struct MessageFlowSettings {
        pub response_settings?: Option<ResponseSettings>,
        pub security?: Option<MessageFlowSecurity>,
        pub email_settings?: Option<EmailSettings>,
    }

    /// A call flow as the API returns it (lenient: every field optional,
    /// unknown fields ignored, any of the three directions).
    #[derive(Default)]
    pub struct CallFlowResponse {
        #[serde(rename = "_id")]
        pub id?: Option<String>,
        pub workspace_id?: Option<String>,
        pub folder_id?: Option<String> as "string | null",
        pub is_global?: Option<bool>,
        pub is_pre_configured?: Option<bool>,
        pub pre_configured_workspace_id?: Option<String> as "string | null",
        pub name?: Option<String>,
        pub direction?: Option<AnyDirection>,
        pub description?: Option<String>,
        pub agent?: Option<String>,
        pub prompt_type?: Option<String>,
        pub welcome_message?: Option<String>,
        pub custom_welcome_message?: Option<String>,
        pub flow_data?: Option<Value> as "unknown",
        pub prompt?: Option<String>,
        pub current_prompt_id?: Option<String>,
        pub prompt_versions?: Option<Vec<PromptVersion>>,
        #[serde(rename = "gemini_prompt")]
        pub gemini_prompt?: Option<String>,
        pub start_node_id?: Option<String> as "string | null",
        pub is_active?: Option<bool>,
        pub agent_webhook_url?: Option<String>,
        pub inbound_webhook_url?: Option<String>,
        pub dynamic_variable_collections?: Option<Vec<Value>> as "unknown[]",
        pub locations?: Option<Vec<Value>> as "unknown[]",
        pub webhooks?: Option<Vec<Value>> as "unknown[]",
        pub settings?: Option<Value> as "Record<string, unknown>",
        pub created_at?: Option<String>,
        pub updated_at?: Option<String>,
        /// The document version some pages show.
        #[serde(rename = "__v")]
        pub version?: Option<f64>,
    }

    /// A prompt version in a call flow response.
    #[derive(Default)]
    pub struct PromptVersion {
        #[serde(rename = "_id")]
        pub id?: Option<String>,
        pub name?: Option<String>,
        pub prompt?: Option<String>,
        pub metadata?: Option<Value> as "Record<string, unknown>",
        pub created_at?: Option<String>,
        pub updated_at?: Option<String>,
    }

    /// A message flow as the API returns it (lenient).
    #[derive(Default)]
    pub struct MessageFlowResponse {
        #[serde(rename = "_id")]
        pub id?: Option<String>,
        pub workspace_id?: Option<String>,
        pub name?: Option<String>,
        pub direction?: Option<AnyDirection>,
        pub description?: Option<String>,
        pub agent?: Option<String>,
        pub settings?: Option<Value> as "Record<string, unknown>",
        pub prompt?: Option<String>,
        pub initiation_message?: Option<String>,
        pub is_active?: Option<bool>,
        pub autopilot?: Option<bool>,
        pub message_channel?: Option<String>,
        pub created_at?: Option<String>,
        pub updated_at?: Option<String>,
        /// The document version some pages show.
        #[serde(rename = "__v")]
        pub version?: Option<f64>,
    }
}

impl Value {
    /// Any serializable Rust value (the input models, say) as a [`Value`].
    pub fn from_serialize<T: Serialize>(v: &T) -> Result<Value, serde_json::Error> {
        serde_json::to_value(v).map(Value::from)
    }
}
