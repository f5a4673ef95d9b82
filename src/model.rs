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

macro_rules! model {
    ($($item:item)*) => {
        $(
            #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
            #[cfg_attr(target_arch = "wasm32", derive(Tsify))]
            #[serde(rename_all = "camelCase")]
            $item
        )*
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
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub name: Option<String>,
        /// `outbound` or `bidirectional`. Required.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub direction: Option<CallFlowDirection>,
        /// What the flow handles.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub description: Option<String>,
        /// Id of the agent to associate (24 hex digits).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub agent: Option<String>,
        /// Only `simple` now. Default `simple`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub prompt_type: Option<PromptType>,
        /// Folder to organize the flow in; null means none.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "string | null"))]
        pub folder_id: Option<String>,
        /// A global flow (only some workspaces may create one).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub is_global: Option<bool>,
        /// Default false.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub is_pre_configured: Option<bool>,
        /// Workspace of a pre-configured flow; only with `isPreConfigured: true`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "string | null"))]
        pub pre_configured_workspace_id: Option<String>,
        /// How a call starts. Default `user_initiated`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub welcome_message: Option<WelcomeMessage>,
        /// The opening line; required with `ai_custom`, and only used then.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub custom_welcome_message: Option<String>,
        /// Nodes and edges for complex call routing.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub flow_data: Option<FlowDataInput>,
        /// System prompt; creates the first prompt version.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub prompt: Option<String>,
        /// Default true.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub is_active: Option<bool>,
        /// Webhook for agent events: empty, or an absolute http(s) URL.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub agent_webhook_url: Option<String>,
        /// Webhook for inbound call events: empty, or an absolute http(s) URL.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub inbound_webhook_url: Option<String>,
        /// Named sets of variables; at most one is the default.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub dynamic_variable_collections: Option<Vec<DynamicVariableCollectionInput>>,
        /// Tools the agent can call during a call.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub webhooks: Option<Vec<WebhookInput>>,
        /// The main configuration object.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub settings: Option<CallFlowSettingsInput>,
    }

    /// A normalized *Create Call Flow* body: defaults filled, mirrors consistent.
    pub struct CallFlow {
        pub name: String,
        pub direction: CallFlowDirection,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub description: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub agent: Option<String>,
        pub prompt_type: PromptType,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub folder_id: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub is_global: Option<bool>,
        pub is_pre_configured: bool,
        /// Present only when `isPreConfigured` is true.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub pre_configured_workspace_id: Option<String>,
        pub welcome_message: WelcomeMessage,
        /// Present only with `ai_custom`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub custom_welcome_message: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub flow_data: Option<FlowData>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub prompt: Option<String>,
        pub is_active: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub agent_webhook_url: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub inbound_webhook_url: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub dynamic_variable_collections: Option<Vec<DynamicVariableCollection>>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub webhooks: Option<Vec<Webhook>>,
        /// Always present: it mirrors `welcomeMessage`.
        pub settings: CallFlowSettings,
    }

    /// Nodes and edges as sent.
    #[derive(Default)]
    pub struct FlowDataInput {
        /// Each node needs a unique `id`; other properties pass through.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub nodes: Option<Vec<FlowNode>>,
        /// `source` and `target` name node ids; other properties pass through.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub edges: Option<Vec<FlowEdge>>,
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
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub id: Option<String>,
        /// Required.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub name: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub variables: Option<Vec<DynamicVariable>>,
        /// At most one collection may be the default. Default false.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub is_default: Option<bool>,
    }

    /// A normalized dynamic variable collection.
    pub struct DynamicVariableCollection {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub id: Option<String>,
        pub name: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub variables: Option<Vec<DynamicVariable>>,
        pub is_default: bool,
    }

    /// A variable: `key` unique within its collection.
    pub struct DynamicVariable {
        pub key: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub value: Option<String>,
    }

    /// A webhook as sent.
    #[derive(Default)]
    pub struct WebhookInput {
        /// Required; a name another webhook already has is a `duplicate` warning.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub name: Option<String>,
        /// Required; an absolute http(s) URL.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub url: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub method: Option<HttpMethod>,
        /// Header names to values; an array of `{ name, value }` (an older shape) is moved into this form.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "Record<string, string> | { name: string; value: string }[]"))]
        pub headers: Option<Value>,
        /// A body template: text or JSON.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "string | Record<string, unknown> | unknown[]"))]
        pub body: Option<Value>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub description: Option<String>,
        /// Variables the agent fills in when it calls the webhook.
        #[serde(default, rename = "variablesforcallflow", skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub variablesforcallflow: Option<Vec<WebhookVariable>>,
        /// The update page's name for `variablesforcallflow`; moved there.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub variables: Option<Vec<WebhookVariable>>,
        /// Values read from the webhook's response.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub response_variables: Option<Vec<ResponseVariable>>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub is_testing: Option<bool>,
        /// What the agent says while the webhook runs.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub text_to_speak: Option<String>,
        /// A captured test response; passes through.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "unknown"))]
        pub test_response: Option<Value>,
    }

    /// A normalized webhook.
    pub struct Webhook {
        pub name: String,
        pub url: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub method: Option<HttpMethod>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "Record<string, string>"))]
        pub headers: Option<BTreeMap<String, String>>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "string | Record<string, unknown> | unknown[]"))]
        pub body: Option<Value>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub description: Option<String>,
        #[serde(default, rename = "variablesforcallflow", skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub variablesforcallflow: Option<Vec<WebhookVariable>>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub response_variables: Option<Vec<ResponseVariable>>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub is_testing: Option<bool>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub text_to_speak: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "unknown"))]
        pub test_response: Option<Value>,
    }

    /// A variable the agent fills in for a webhook; `name` unique within it.
    pub struct WebhookVariable {
        pub name: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub description: Option<String>,
    }

    /// A value read from a webhook's response at `path`.
    pub struct ResponseVariable {
        pub name: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub path: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub description: Option<String>,
    }

    /// Call flow settings as sent.
    #[derive(Default)]
    pub struct CallFlowSettingsInput {
        /// Mirrors the top-level `welcomeMessage`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub welcome_message: Option<WelcomeMessage>,
        /// Mirrors the top-level `customWelcomeMessage`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub custom_welcome_message: Option<String>,
        /// Mirrors `agentWebhookUrl` and `inboundWebhookUrl`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub webhooks: Option<WebhookUrls>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub enable_human_like_voice_and_tone: Option<bool>,
        /// Seconds before the welcome message; at least 0.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub welcome_message_delay: Option<f64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub customer_location: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "unknown[]"))]
        pub transfers: Option<Vec<Value>>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "unknown[]"))]
        pub knowledge_bases: Option<Vec<Value>>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub utilize_prior_calls_context: Option<bool>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub call_settings: Option<CallSettings>,
        /// Another page's spelling of `callSettings`; moved there.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub call_setting: Option<CallSettings>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub security: Option<CallFlowSecurity>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub response_settings: Option<ResponseSettingsInput>,
    }

    /// Normalized call flow settings.
    pub struct CallFlowSettings {
        pub welcome_message: WelcomeMessage,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub custom_welcome_message: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub webhooks: Option<WebhookUrls>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub enable_human_like_voice_and_tone: Option<bool>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub welcome_message_delay: Option<f64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub customer_location: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "unknown[]"))]
        pub transfers: Option<Vec<Value>>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "unknown[]"))]
        pub knowledge_bases: Option<Vec<Value>>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub utilize_prior_calls_context: Option<bool>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub call_settings: Option<CallSettings>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub security: Option<CallFlowSecurity>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub response_settings: Option<ResponseSettings>,
    }

    /// The two webhook URLs, mirrored under settings.
    #[derive(Default)]
    pub struct WebhookUrls {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub agent: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub inbound: Option<String>,
    }

    /// Call behaviour.
    #[derive(Default)]
    pub struct CallSettings {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub trillet_voice_guard: Option<bool>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "unknown[]"))]
        pub reminder_messages: Option<Vec<Value>>,
        /// Greater than 0.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub max_call_duration: Option<f64>,
        /// At least 0.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub end_call_on_silence: Option<f64>,
    }

    /// Call flow security flags.
    #[derive(Default)]
    pub struct CallFlowSecurity {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub hipaa_compliance: Option<bool>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub public_access: Option<bool>,
    }

    /// Message flow security flags.
    #[derive(Default)]
    pub struct MessageFlowSecurity {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub hipaa_compliance: Option<bool>,
    }

    /// Response timing and working hours as sent.
    #[derive(Default)]
    pub struct ResponseSettingsInput {
        /// Seconds before replying; at least 0.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub delay: Option<f64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub working_hours: Option<WorkingHoursInput>,
        /// The docs' request sample puts the working-hours fields here; moved into `workingHours`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub enabled: Option<bool>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub start: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub end: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub timezone: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub out_of_hours_message: Option<String>,
    }

    /// Normalized response settings.
    pub struct ResponseSettings {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub delay: Option<f64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub working_hours: Option<WorkingHours>,
    }

    /// Working hours as sent.
    #[derive(Default)]
    pub struct WorkingHoursInput {
        /// Default false.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub enabled: Option<bool>,
        /// `HH:MM`, 24-hour; required when enabled.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub start: Option<String>,
        /// `HH:MM`, 24-hour; required when enabled; before `start` means overnight.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub end: Option<String>,
        /// IANA time zone name. Default `UTC`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub timezone: Option<String>,
        /// The reply outside working hours; recommended when enabled.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub out_of_hours_message: Option<String>,
    }

    /// Normalized working hours.
    pub struct WorkingHours {
        pub enabled: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub start: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub end: Option<String>,
        pub timezone: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub out_of_hours_message: Option<String>,
    }

    /// Email settings of a message flow.
    #[derive(Default)]
    pub struct EmailSettings {
        /// Recommended for Email flows.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub subject_line: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub signature: Option<String>,
    }

    /// The body of *Create Message Flow* as a caller may send it.
    #[derive(Default)]
    pub struct MessageFlowInput {
        /// Required, not empty.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub name: Option<String>,
        /// Required.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub direction: Option<MessageFlowDirection>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub description: Option<String>,
        /// Required: id of the messaging agent (24 hex digits).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub agent: Option<String>,
        /// Required: the first message, which starts the conversation.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub initiation_message: Option<String>,
        /// Required: instructions for the AI agent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub prompt: Option<String>,
        /// Default false.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub is_active: Option<bool>,
        /// Default false.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub autopilot: Option<bool>,
        /// Required: exactly `SMS` or `Email`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub message_channel: Option<MessageChannel>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub settings: Option<MessageFlowSettingsInput>,
    }

    /// Message flow settings as sent. The seed document lists the top-level
    /// fields here too; found here, they are moved to the top.
    #[derive(Default)]
    pub struct MessageFlowSettingsInput {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub response_settings: Option<ResponseSettingsInput>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub security: Option<MessageFlowSecurity>,
        /// Used by Email flows only.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub email_settings: Option<EmailSettings>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub initiation_message: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub prompt: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub is_active: Option<bool>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub autopilot: Option<bool>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub message_channel: Option<MessageChannel>,
    }

    /// A normalized *Create Message Flow* body.
    pub struct MessageFlow {
        pub name: String,
        pub direction: MessageFlowDirection,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub description: Option<String>,
        pub agent: String,
        pub initiation_message: String,
        pub prompt: String,
        pub is_active: bool,
        pub autopilot: bool,
        pub message_channel: MessageChannel,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub settings: Option<MessageFlowSettings>,
    }

    /// Normalized message flow settings.
    pub struct MessageFlowSettings {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub response_settings: Option<ResponseSettings>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub security: Option<MessageFlowSecurity>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub email_settings: Option<EmailSettings>,
    }

    /// A call flow as the API returns it (lenient: every field optional,
    /// unknown fields ignored, any of the three directions).
    #[derive(Default)]
    pub struct CallFlowResponse {
        #[serde(default, rename = "_id", skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub id: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub workspace_id: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "string | null"))]
        pub folder_id: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub is_global: Option<bool>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub is_pre_configured: Option<bool>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "string | null"))]
        pub pre_configured_workspace_id: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub name: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub direction: Option<AnyDirection>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub description: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub agent: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub prompt_type: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub welcome_message: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub custom_welcome_message: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "unknown"))]
        pub flow_data: Option<Value>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub prompt: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub current_prompt_id: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub prompt_versions: Option<Vec<PromptVersion>>,
        #[serde(default, rename = "gemini_prompt", skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub gemini_prompt: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "string | null"))]
        pub start_node_id: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub is_active: Option<bool>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub agent_webhook_url: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub inbound_webhook_url: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "unknown[]"))]
        pub dynamic_variable_collections: Option<Vec<Value>>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "unknown[]"))]
        pub locations: Option<Vec<Value>>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "unknown[]"))]
        pub webhooks: Option<Vec<Value>>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "Record<string, unknown>"))]
        pub settings: Option<Value>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub created_at: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub updated_at: Option<String>,
        /// The document version some pages show.
        #[serde(default, rename = "__v", skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub version: Option<f64>,
    }

    /// A prompt version in a call flow response.
    #[derive(Default)]
    pub struct PromptVersion {
        #[serde(default, rename = "_id", skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub id: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub name: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub prompt: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "Record<string, unknown>"))]
        pub metadata: Option<Value>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub created_at: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub updated_at: Option<String>,
    }

    /// A message flow as the API returns it (lenient).
    #[derive(Default)]
    pub struct MessageFlowResponse {
        #[serde(default, rename = "_id", skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub id: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub workspace_id: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub name: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub direction: Option<AnyDirection>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub description: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub agent: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "Record<string, unknown>"))]
        pub settings: Option<Value>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub prompt: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub initiation_message: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub is_active: Option<bool>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub autopilot: Option<bool>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub message_channel: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub created_at: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub updated_at: Option<String>,
        /// The document version some pages show.
        #[serde(default, rename = "__v", skip_serializing_if = "Option::is_none")]
        #[cfg_attr(target_arch = "wasm32", tsify(optional))]
        pub version: Option<f64>,
    }
}

impl Value {
    /// Any serializable Rust value (the input models, say) as a [`Value`].
    pub fn from_serialize<T: Serialize>(v: &T) -> Result<Value, serde_json::Error> {
        serde_json::to_value(v).map(Value::from)
    }
}
