//! The schema: every field of both request bodies, defined once.
//!
//! Each object of a payload is a [`Shape`]: a table of [`Def`]s, one per
//! key, in the order normalize writes them. A `Def` says the field's JSON
//! type ([`Ty`], which also names its format: id, URL, time, time zone,
//! header map), whether it is required or has a default ([`Need`]), whether
//! it is a documented alternative place of another field or a mirror of one
//! ([`Role`]), and its label, help and doc text ([`Text`]).
//!
//! Everything else is derived from these tables: the known keys of each
//! object and unknown-key detection, default filling, the checks of plain
//! fields (`auto`), form coercion types, the places the JSON parser may skip,
//! the field catalogue and the JSON Schemas. Cross-field rules (mirrors,
//! `only_with`, working hours windows, the flow graph, default collections,
//! channel rules) are hand-written in `rules/`, and name fields through
//! [`Key`] handles made here from their key, checked at compile time.
//!
//! The texts ([`Text`], enum meanings) exist only in native builds: the wasm
//! build carries none of them (they would cost the browser kilobytes), and
//! the catalogue and JSON Schemas are generated natively into `schema/`.

/// Labels, help and doc text of a field (empty in the wasm build).
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    /// A short label for a form ("Maximum call duration").
    pub label: &'static str,
    /// One line of help under a form field; may be empty.
    pub help: &'static str,
    /// The doc comment: what the field means, from the API docs.
    pub doc: &'static str,
    /// How a form presents the field (nothing that validation reads).
    pub ui: Ui,
}

/// Presentational hints for forms (native only, like the texts): read by
/// the field catalogue, never by validation.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ui {
    /// The control of a string field (`Auto`: a one-line text input).
    pub control: Control,
    /// A titled group of neighbouring fields in the same object.
    pub section: Option<&'static Section>,
    /// What one item of a list is called ("Webhook").
    pub item: &'static str,
    /// An object whose fields a form shows in place, without a section.
    pub inline: bool,
    /// Pass-through properties of an open item that a form may offer.
    pub extras: &'static [Extra],
    /// Values a form may offer though the field refuses them, each with
    /// why (`inbound` for a call flow's direction).
    pub refused: &'static [(&'static str, &'static str)],
}

/// The control of a string field.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control {
    /// Decided by the type (a one-line input for strings).
    Auto,
    /// Several lines of prose.
    Textarea,
    /// Several lines of code or JSON, in a monospace font.
    Code,
    /// A message sent to people as it is written (an SMS meter applies).
    Message,
}

/// A titled group of fields that is not an object of its own.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, PartialEq, Eq)]
pub struct Section {
    pub title: &'static str,
    pub help: &'static str,
    /// Shown after the other fields of its object (else where its first
    /// field stands).
    pub last: bool,
}

/// A pass-through property of an open item (a flow node's `type`), at a
/// path inside the item.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, PartialEq, Eq)]
pub struct Extra {
    pub path: &'static [&'static str],
    pub label: &'static str,
    pub control: Control,
}

#[cfg(not(target_arch = "wasm32"))]
impl Ui {
    /// No hints.
    pub const NONE: Ui = Ui {
        control: Control::Auto,
        section: None,
        item: "",
        inline: false,
        extras: &[],
        refused: &[],
    };
    const fn in_section(self, section: &'static Section) -> Ui {
        Ui {
            section: Some(section),
            ..self
        }
    }
    const fn control(self, control: Control) -> Ui {
        Ui { control, ..self }
    }
    const fn textarea(self) -> Ui {
        self.control(Control::Textarea)
    }
    const fn item(self, item: &'static str) -> Ui {
        Ui { item, ..self }
    }
    const fn inline(self) -> Ui {
        Ui {
            inline: true,
            ..self
        }
    }
    const fn extras(self, extras: &'static [Extra]) -> Ui {
        Ui { extras, ..self }
    }
    const fn refused(self, refused: &'static [(&'static str, &'static str)]) -> Ui {
        Ui { refused, ..self }
    }
}

/// The sections of the forms.
#[cfg(not(target_arch = "wasm32"))]
mod sections {
    use super::Section;
    pub static CALL_FLOW: Section = Section {
        title: "Call flow",
        help: "",
        last: false,
    };
    pub static WELCOME: Section = Section {
        title: "Welcome",
        help: "",
        last: false,
    };
    pub static WEBHOOK_URLS: Section = Section {
        title: "Webhook URLs",
        help: "",
        last: false,
    };
    pub static PASS_LISTS: Section = Section {
        title: "Transfers and knowledge bases",
        help: "Items pass through unchanged (the form sends text; give objects in the JSON view).",
        last: false,
    };
    pub static MIRRORS: Section = Section {
        title: "Mirrors of top-level fields",
        help: "Normalize fills these from the top-level fields; leave them empty unless you copy a response. A different value is a conflict.",
        last: true,
    };
    pub static MESSAGE_FLOW: Section = Section {
        title: "Message flow",
        help: "",
        last: false,
    };
}

/// Labels, help and doc text of a field (empty in the wasm build).
#[cfg(target_arch = "wasm32")]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text;

#[cfg(target_arch = "wasm32")]
impl Text {
    /// No texts.
    pub const NONE: Text = Text;
}

#[cfg(not(target_arch = "wasm32"))]
impl Text {
    /// No texts (a field's entry gives its own with `.text(text!(...))`).
    pub const NONE: Text = Text {
        label: "",
        help: "",
        doc: "",
        ui: Ui::NONE,
    };
}

/// `text!(label, help, doc)` or `text!(label, help, doc, ui)`: the field's
/// texts and form hints ([`Ui`]), dropped in the wasm build.
macro_rules! text {
    ($label:expr, $help:expr, $doc:expr $(,)?) => {
        text!($label, $help, $doc, Ui::NONE)
    };
    ($label:expr, $help:expr, $doc:expr, $ui:expr $(,)?) => {{
        #[cfg(not(target_arch = "wasm32"))]
        {
            Text {
                label: $label,
                help: $help,
                doc: $doc,
                ui: $ui,
            }
        }
        #[cfg(target_arch = "wasm32")]
        {
            Text
        }
    }};
}

/// The allowed values of an enum field, each with a one-line meaning.
#[derive(Debug)]
pub struct Enum {
    pub values: &'static [&'static str],
    /// One meaning per value, in the same order (empty in the wasm build).
    #[cfg(not(target_arch = "wasm32"))]
    pub meanings: &'static [&'static str],
}

macro_rules! enum_values {
    ($($value:literal => $meaning:literal),+ $(,)?) => {
        Enum {
            values: &[$($value),+],
            #[cfg(not(target_arch = "wasm32"))]
            meanings: &[$($meaning),+],
        }
    };
}

/// A field's JSON type, and the format a string must have.
#[derive(Debug, Clone, Copy)]
pub enum Ty {
    /// Any string.
    Str,
    /// A string that says something: blank is `empty`.
    Text,
    Bool,
    /// A number at least 0 (greater than 0 when `exclusive`).
    Num {
        exclusive: bool,
    },
    /// One of the values, matched exactly.
    Enum(&'static Enum),
    /// An id: text, and an `unusual_id` warning unless 24 hex digits.
    Id,
    /// An absolute http(s) URL; `""` allowed when `empty`.
    Url {
        empty: bool,
    },
    /// A 24-hour time, `HH:MM`.
    Time,
    /// An IANA time zone name.
    Timezone,
    /// Header names (HTTP tokens, unique ignoring case) to string values.
    Headers,
    /// A string, object or array, passed through untouched.
    Body,
    /// Any JSON value, passed through untouched.
    Any,
    /// An array whose items pass through untouched.
    PassList,
    Object(&'static Shape),
    /// An array of objects.
    List(&'static Shape),
}

/// A literal default value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lit {
    Bool(bool),
    Str(&'static str),
    /// An empty array.
    EmptyList,
    /// An object with its own defaults filled in (always written).
    Object,
}

/// Whether a field must be given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// May be left out; `null` counts as left out.
    Optional,
    /// Must be given and not null; the text says how (the message's hint).
    Required(&'static str),
    /// Filled with this value by normalize when left out or null.
    Default(Lit),
}

/// What a key is, beyond a field of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Field,
    /// A documented other place of a field (`moved`): the canonical place,
    /// relative to the object holding this key (`..` goes up one object).
    Moved(&'static [&'static str]),
    /// The same value as another field (`conflict` when they differ),
    /// written at both places: the other place, relative as for `Moved`.
    Mirror(&'static [&'static str]),
}

/// One key of an object.
#[derive(Debug)]
pub struct Def {
    pub key: &'static str,
    pub ty: Ty,
    pub need: Need,
    pub role: Role,
    /// `null` is documented as meaning "none" (typed `T | null`).
    pub nullable: bool,
    /// Checked by the rule engine from this entry alone (type, format,
    /// required, default). False: a hand-written rule of `rules/` reads it.
    pub auto: bool,
    pub text: Text,
}

/// An object of a payload.
#[derive(Debug)]
pub struct Shape {
    /// Its index in [`SHAPES`].
    pub id: u16,
    /// The type's name (`CallSettings`; native builds only).
    #[cfg(not(target_arch = "wasm32"))]
    pub name: &'static str,
    pub fields: &'static [Def],
    /// Keys not listed pass through untouched (flow nodes and edges),
    /// instead of being unknown.
    pub open: bool,
}

/// A field of a shape, named by its key: made at compile time, so a key
/// that is not in the shape does not build.
#[derive(Clone, Copy, Debug)]
pub struct Key {
    pub shape: &'static Shape,
    pub index: u16,
}

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

impl Shape {
    /// The handle of field `key` (a compile error in a const if missing).
    pub const fn key(&'static self, key: &str) -> Key {
        let mut i = 0;
        while i < self.fields.len() {
            if same(self.fields[i].key, key) {
                return Key {
                    shape: self,
                    index: i as u16,
                };
            }
            i += 1;
        }
        panic!("no such field in this shape");
    }

    /// The field named `key`, if the shape has one.
    pub fn def(&self, key: &str) -> Option<&'static Def> {
        let fields: &'static [Def] = self.fields;
        self.position(key).map(|i| &fields[i])
    }

    /// The index of field `key`: one slot of the shape's key table, and
    /// one comparison (every key of every object read goes through here).
    #[inline]
    pub fn position(&self, key: &str) -> Option<usize> {
        let table = &KEY_TABLES[self.id as usize];
        let slot = table.slots[key_hash(key.as_bytes(), table.seed)];
        let i = usize::from(slot).checked_sub(1)?;
        let d = self.fields.get(i)?;
        crate::text::same(d.key, key).then_some(i)
    }

    /// The sibling key that is a documented other place of field `i`
    /// (`callSetting` for `callSettings`).
    pub fn alias_of(&self, i: usize) -> Option<usize> {
        // A table made at compile time, not a scan of the fields per field
        // read (the call flow's shape has one, and reads about 25 fields).
        let a = *SIBLING_ALIASES[self.id as usize].get(i)?;
        (a != 0).then(|| usize::from(a) - 1)
    }
}

impl Key {
    pub fn def(self) -> &'static Def {
        &self.shape.fields[self.index as usize]
    }
    pub fn key(self) -> &'static str {
        self.def().key
    }
}

// ----- the table -----

const fn field(key: &'static str, ty: Ty) -> Def {
    Def {
        key,
        ty,
        need: Need::Optional,
        role: Role::Field,
        nullable: false,
        auto: true,
        text: Text::NONE,
    }
}

impl Def {
    /// Its label, help and doc (`text!`).
    const fn text(self, text: Text) -> Def {
        Def { text, ..self }
    }
    const fn required(self, hint: &'static str) -> Def {
        Def {
            need: Need::Required(hint),
            ..self
        }
    }
    const fn default(self, lit: Lit) -> Def {
        Def {
            need: Need::Default(lit),
            ..self
        }
    }
    /// Read by a hand-written rule.
    const fn custom(self) -> Def {
        Def {
            auto: false,
            ..self
        }
    }
    const fn nullable(self) -> Def {
        Def {
            nullable: true,
            ..self
        }
    }
    const fn moved(self, to: &'static [&'static str]) -> Def {
        Def {
            role: Role::Moved(to),
            auto: false,
            ..self
        }
    }
    const fn mirror(self, of: &'static [&'static str]) -> Def {
        Def {
            role: Role::Mirror(of),
            auto: false,
            ..self
        }
    }
}

const NUM: Ty = Ty::Num { exclusive: false };
const URL: Ty = Ty::Url { empty: true };

pub static CALL_DIRECTIONS: Enum = enum_values! {
    "outbound" => "Places calls.",
    "bidirectional" => "Places calls and answers incoming ones.",
};
pub static MESSAGE_DIRECTIONS: Enum = enum_values! {
    "inbound" => "Answers messages people send.",
    "outbound" => "Sends the first message.",
    "bidirectional" => "Sends and answers messages.",
};
pub static PROMPT_TYPES: Enum = enum_values! {
    "simple" => "A single prompt (the only type the API accepts now).",
};
pub static WELCOME: Enum = enum_values! {
    "user_initiated" => "The caller speaks first.",
    "ai_dynamic" => "The agent opens with a greeting of its own.",
    "ai_custom" => "The agent opens with `customWelcomeMessage`.",
};
pub static CHANNELS: Enum = enum_values! {
    "SMS" => "Text messages.",
    "Email" => "Emails (a subject line is recommended).",
};
pub static METHODS: Enum = enum_values! {
    "GET" => "Reads data.",
    "POST" => "Sends data (the usual choice for a tool).",
    "PUT" => "Replaces data.",
    "PATCH" => "Changes part of the data.",
    "DELETE" => "Deletes data.",
};

/// Every shape, by its `id`.
pub static SHAPES: [&Shape; 20] = [
    &CALL_FLOW,
    &FLOW_DATA,
    &FLOW_NODE,
    &FLOW_EDGE,
    &COLLECTION,
    &VARIABLE,
    &WEBHOOK,
    &HEADER_PAIR,
    &WEBHOOK_VARIABLE,
    &RESPONSE_VARIABLE,
    &CALL_SETTINGS,
    &WEBHOOK_URLS,
    &CALL_SETTINGS_INNER,
    &CALL_SECURITY,
    &RESPONSE_SETTINGS,
    &WORKING_HOURS,
    &MESSAGE_FLOW,
    &MESSAGE_SETTINGS,
    &MESSAGE_SECURITY,
    &EMAIL_SETTINGS,
];

/// The body of *Create Call Flow*.
#[rustfmt::skip]
pub static CALL_FLOW: Shape = Shape {
    id: 0,
    #[cfg(not(target_arch = "wasm32"))]
    name: "CallFlowInput",
    open: false,
    fields: &[
        field("name", Ty::Text).required("give the call flow a name, such as \"Customer Support Flow\"").text(text!("Name", "", "A friendly name for the call flow, such as \"Customer Support Flow\".", Ui::NONE.in_section(&sections::CALL_FLOW))),
        field("direction", Ty::Enum(&CALL_DIRECTIONS)).required("use `outbound` or `bidirectional`").custom().text(text!("Direction", "Call flows are created outbound or bidirectional; a bidirectional flow also answers calls.", "The direction of the calls: `outbound` or `bidirectional` (`inbound` cannot be created).", Ui::NONE.in_section(&sections::CALL_FLOW).refused(&[("inbound", "Call flows cannot be created inbound; a bidirectional flow also answers calls.")]))),
        field("description", Ty::Str).text(text!("Description", "", "What the flow handles.", Ui::NONE.in_section(&sections::CALL_FLOW).textarea())),
        field("agent", Ty::Id).text(text!("Agent id", "The 24-hex-digit id of the voice agent.", "The id of the agent to associate with the flow.", Ui::NONE.in_section(&sections::CALL_FLOW))),
        field("promptType", Ty::Enum(&PROMPT_TYPES)).default(Lit::Str("simple")).text(text!("Prompt type", "", "The prompt configuration type; only `simple` is allowed now.", Ui::NONE.in_section(&sections::CALL_FLOW))),
        field("folderId", Ty::Id).nullable().text(text!("Folder id", "", "The folder to organize the flow in; null means none.", Ui::NONE.in_section(&sections::CALL_FLOW))),
        field("isGlobal", Ty::Bool).text(text!("Global", "", "A global flow (only some workspaces may create one).", Ui::NONE.in_section(&sections::CALL_FLOW))),
        field("isPreConfigured", Ty::Bool).default(Lit::Bool(false)).text(text!("Pre-configured", "", "Whether the flow is pre-configured.", Ui::NONE.in_section(&sections::CALL_FLOW))),
        field("preConfiguredWorkspaceId", Ty::Id).nullable().text(text!("Pre-configured workspace id", "Only with Pre-configured set to true.", "The workspace of a pre-configured flow; only with `isPreConfigured: true`.", Ui::NONE.in_section(&sections::CALL_FLOW))),
        field("welcomeMessage", Ty::Enum(&WELCOME)).default(Lit::Str("user_initiated")).custom().text(text!("Welcome message type", "", "How a call starts.", Ui::NONE.in_section(&sections::WELCOME))),
        field("customWelcomeMessage", Ty::Str).custom().text(text!("Custom welcome message", "Required with ai_custom; leave it empty for the other types.", "The line the agent opens with; required with `ai_custom`, and only used then.", Ui::NONE.in_section(&sections::WELCOME).textarea())),
        field("flowData", Ty::Object(&FLOW_DATA)).custom().text(text!("Flow data (nodes and edges)", "Node ids must be unique; each edge connects two node ids.", "Nodes and edges for complex call routing.")),
        field("prompt", Ty::Str).text(text!("Prompt", "Creates the first prompt version.", "The system prompt; creates the flow's first prompt version.", Ui::NONE.in_section(&sections::CALL_FLOW).textarea())),
        field("isActive", Ty::Bool).default(Lit::Bool(true)).text(text!("Active", "", "Whether the flow is active.", Ui::NONE.in_section(&sections::CALL_FLOW))),
        field("agentWebhookUrl", URL).custom().text(text!("Agent webhook URL", "Empty, or an absolute https: URL.", "The webhook for agent events: empty, or an absolute http(s) URL.", Ui::NONE.in_section(&sections::WEBHOOK_URLS))),
        field("inboundWebhookUrl", URL).custom().text(text!("Inbound webhook URL", "Empty, or an absolute https: URL.", "The webhook for inbound call events: empty, or an absolute http(s) URL.", Ui::NONE.in_section(&sections::WEBHOOK_URLS))),
        field("dynamicVariableCollections", Ty::List(&COLLECTION)).custom().text(text!("Dynamic variable collections", "At most one collection is the default; keys are unique within a collection.", "Named sets of variables; at most one is the default.", Ui::NONE.item("Collection"))),
        field("webhooks", Ty::List(&WEBHOOK)).custom().text(text!("Webhooks", "Tools the agent can call during the call, by name.", "Tools the agent can call during a call.", Ui::NONE.item("Webhook"))),
        field("settings", Ty::Object(&CALL_SETTINGS)).default(Lit::Object).custom().text(text!("Settings", "", "The main configuration object.")),
    ],
};

#[rustfmt::skip]
pub static FLOW_DATA: Shape = Shape {
    id: 1,
    #[cfg(not(target_arch = "wasm32"))]
    name: "FlowDataInput",
    open: false,
    fields: &[
        field("nodes", Ty::List(&FLOW_NODE)).default(Lit::EmptyList).custom().text(text!("Nodes", "", "The flow's nodes; each needs a unique `id`, other properties pass through.", Ui::NONE.item("Node").extras(&[Extra { path: &["type"], label: "Type", control: Control::Auto }, Extra { path: &["data", "prompt"], label: "Prompt (data.prompt)", control: Control::Textarea }]))),
        field("edges", Ty::List(&FLOW_EDGE)).default(Lit::EmptyList).custom().text(text!("Edges", "", "The flow's edges; `source` and `target` name node ids, other properties pass through.", Ui::NONE.item("Edge"))),
    ],
};

#[rustfmt::skip]
pub static FLOW_NODE: Shape = Shape {
    id: 2,
    #[cfg(not(target_arch = "wasm32"))]
    name: "FlowNode",
    open: true,
    fields: &[
        field("id", Ty::Text).required("give every node a unique id").custom().text(text!("Id", "", "The node's id, unique among the nodes.")),
    ],
};

#[rustfmt::skip]
pub static FLOW_EDGE: Shape = Shape {
    id: 3,
    #[cfg(not(target_arch = "wasm32"))]
    name: "FlowEdge",
    open: true,
    fields: &[
        field("id", Ty::Text).custom().text(text!("Id", "", "The edge's id, unique among the edges.")),
        field("source", Ty::Text).required("name the id of the node this edge connects").custom().text(text!("Source node id", "", "The id of the node the edge starts at.")),
        field("target", Ty::Text).required("name the id of the node this edge connects").custom().text(text!("Target node id", "", "The id of the node the edge ends at.")),
    ],
};

#[rustfmt::skip]
pub static COLLECTION: Shape = Shape {
    id: 4,
    #[cfg(not(target_arch = "wasm32"))]
    name: "DynamicVariableCollectionInput",
    open: false,
    fields: &[
        field("id", Ty::Text).custom().text(text!("Id", "", "Unique among the collections.")),
        field("name", Ty::Text).required("give the collection a name").text(text!("Name", "", "The collection's name.")),
        field("variables", Ty::List(&VARIABLE)).custom().text(text!("Variables", "", "The collection's variables; keys are unique within it.", Ui::NONE.item("Variable"))),
        field("isDefault", Ty::Bool).default(Lit::Bool(false)).custom().text(text!("Default collection", "", "At most one collection may be the default.")),
    ],
};

#[rustfmt::skip]
pub static VARIABLE: Shape = Shape {
    id: 5,
    #[cfg(not(target_arch = "wasm32"))]
    name: "DynamicVariable",
    open: false,
    fields: &[
        field("key", Ty::Text).required("give the variable a key").custom().text(text!("Key", "", "The variable's key, unique within its collection.")),
        field("value", Ty::Str).text(text!("Value", "", "The variable's value.")),
    ],
};

#[rustfmt::skip]
pub static WEBHOOK: Shape = Shape {
    id: 6,
    #[cfg(not(target_arch = "wasm32"))]
    name: "WebhookInput",
    open: false,
    fields: &[
        field("name", Ty::Text).required("give the webhook a name the agent can call it by").text(text!("Name", "", "The name the agent calls the webhook by; a name another webhook already has is a `duplicate` warning.")),
        field("url", Ty::Url { empty: false }).required("give the absolute https:// URL to call").text(text!("URL", "", "The absolute http(s) URL to call.")),
        field("method", Ty::Enum(&METHODS)).text(text!("Method", "", "The HTTP method.")),
        field("headers", Ty::Headers).text(text!("Headers", "", "Header names to values; an array of `{ name, value }` (an older shape) is moved into this form.", Ui::NONE.item("Header"))),
        field("body", Ty::Body).text(text!("Body", "Sent as text from the form; give an object body in the JSON view.", "A body template: text or JSON.", Ui::NONE.control(Control::Code))),
        field("description", Ty::Str).text(text!("Description", "", "What the webhook does.", Ui::NONE.textarea())),
        field("variablesforcallflow", Ty::List(&WEBHOOK_VARIABLE)).custom().text(text!("Variables for the call flow", "", "Variables the agent fills in when it calls the webhook.", Ui::NONE.item("Variable"))),
        field("responseVariables", Ty::List(&RESPONSE_VARIABLE)).custom().text(text!("Response variables", "", "Values read from the webhook's response.", Ui::NONE.item("Response variable"))),
        field("isTesting", Ty::Bool).text(text!("Testing", "", "Whether the webhook is in testing.")),
        field("textToSpeak", Ty::Str).text(text!("Text to speak", "", "What the agent says while the webhook runs.", Ui::NONE.textarea())),
        field("testResponse", Ty::Any).text(text!("Test response", "", "A captured test response; passes through.", Ui::NONE.control(Control::Code))),
        field("variables", Ty::List(&WEBHOOK_VARIABLE)).moved(&["variablesforcallflow"]).text(text!("Variables", "", "The update page's name for `variablesforcallflow`; moved there.", Ui::NONE.item("Variable"))),
    ],
};

/// An item of the older array shape of `headers` (not a field of its own:
/// `headers` is a map).
#[rustfmt::skip]
pub static HEADER_PAIR: Shape = Shape {
    id: 7,
    #[cfg(not(target_arch = "wasm32"))]
    name: "HeaderPair",
    open: false,
    fields: &[
        field("name", Ty::Str).required("give the header's name").custom().text(text!("Name", "", "The header's name.")),
        field("value", Ty::Str).required("give the header's value").custom().text(text!("Value", "", "The header's value.")),
    ],
};

#[rustfmt::skip]
pub static WEBHOOK_VARIABLE: Shape = Shape {
    id: 8,
    #[cfg(not(target_arch = "wasm32"))]
    name: "WebhookVariable",
    open: false,
    fields: &[
        field("name", Ty::Text).required("give the variable a name").custom().text(text!("Name", "", "The variable's name, unique within the webhook.")),
        field("description", Ty::Str).text(text!("Description", "", "What the variable holds.")),
    ],
};

#[rustfmt::skip]
pub static RESPONSE_VARIABLE: Shape = Shape {
    id: 9,
    #[cfg(not(target_arch = "wasm32"))]
    name: "ResponseVariable",
    open: false,
    fields: &[
        field("name", Ty::Text).required("give the response variable a name").custom().text(text!("Name", "", "The variable's name, unique within the webhook.")),
        field("path", Ty::Str).text(text!("Path", "", "Where in the response the value is.")),
        field("description", Ty::Str).text(text!("Description", "", "What the value holds.")),
    ],
};

#[rustfmt::skip]
pub static CALL_SETTINGS: Shape = Shape {
    id: 10,
    #[cfg(not(target_arch = "wasm32"))]
    name: "CallFlowSettingsInput",
    open: false,
    fields: &[
        field("welcomeMessage", Ty::Enum(&WELCOME)).mirror(&["..", "welcomeMessage"]).text(text!("settings.welcomeMessage", "", "Mirrors the top-level `welcomeMessage`.", Ui::NONE.in_section(&sections::MIRRORS))),
        field("customWelcomeMessage", Ty::Str).mirror(&["..", "customWelcomeMessage"]).text(text!("settings.customWelcomeMessage", "", "Mirrors the top-level `customWelcomeMessage`.", Ui::NONE.in_section(&sections::MIRRORS).textarea())),
        field("webhooks", Ty::Object(&WEBHOOK_URLS)).custom().text(text!("Webhook URLs", "", "Mirrors `agentWebhookUrl` and `inboundWebhookUrl`.", Ui::NONE.in_section(&sections::MIRRORS).inline())),
        field("enableHumanLikeVoiceAndTone", Ty::Bool).text(text!("Human-like voice and tone", "", "Makes the agent's voice and tone more human.")),
        field("welcomeMessageDelay", NUM).text(text!("Welcome message delay", "A number, at least 0.", "Seconds before the welcome message; at least 0.")),
        field("customerLocation", Ty::Str).text(text!("Customer location", "", "Where the customers are.")),
        field("transfers", Ty::PassList).text(text!("Transfers", "Items pass through unchanged.", "Call transfer targets; pass through.", Ui::NONE.in_section(&sections::PASS_LISTS).item("Transfer"))),
        field("knowledgeBases", Ty::PassList).text(text!("Knowledge bases", "Items pass through unchanged.", "Knowledge bases the agent may use; pass through.", Ui::NONE.in_section(&sections::PASS_LISTS).item("Knowledge base"))),
        field("utilizePriorCallsContext", Ty::Bool).text(text!("Use the context of prior calls", "", "Lets the agent use what earlier calls said.")),
        // The one edit that adds a field (docs/ARCHITECTURE.md); built
        // only by tests/extra_field.rs, with `--features example-field`.
        #[cfg(feature = "example-field")]
        field("exampleFlag", Ty::Bool).text(text!("Example flag", "A field for the schema's test.", "Not an API field.")),
        field("callSettings", Ty::Object(&CALL_SETTINGS_INNER)).text(text!("Call settings", "", "Call behaviour.")),
        field("security", Ty::Object(&CALL_SECURITY)).text(text!("Security", "", "Security flags.")),
        field("responseSettings", Ty::Object(&RESPONSE_SETTINGS)).custom().text(text!("Response settings", "", "Response delay and working hours.")),
        field("callSetting", Ty::Object(&CALL_SETTINGS_INNER)).moved(&["callSettings"]).text(text!("Call settings", "", "Another page's spelling of `callSettings`; moved there.")),
    ],
};

#[rustfmt::skip]
pub static WEBHOOK_URLS: Shape = Shape {
    id: 11,
    #[cfg(not(target_arch = "wasm32"))]
    name: "WebhookUrls",
    open: false,
    fields: &[
        field("agent", URL).mirror(&["..", "..", "agentWebhookUrl"]).text(text!("settings.webhooks.agent", "", "Mirrors `agentWebhookUrl`.")),
        field("inbound", URL).mirror(&["..", "..", "inboundWebhookUrl"]).text(text!("settings.webhooks.inbound", "", "Mirrors `inboundWebhookUrl`.")),
    ],
};

#[rustfmt::skip]
pub static CALL_SETTINGS_INNER: Shape = Shape {
    id: 12,
    #[cfg(not(target_arch = "wasm32"))]
    name: "CallSettings",
    open: false,
    fields: &[
        field("trilletVoiceGuard", Ty::Bool).text(text!("Trillet voice guard", "", "Turns on Trillet's voice guard.")),
        field("reminderMessages", Ty::PassList).text(text!("Reminder messages", "", "Messages the agent says when the caller is silent; pass through.", Ui::NONE.item("Reminder message"))),
        field("maxCallDuration", Ty::Num { exclusive: true }).text(text!("Maximum call duration", "A number above 0.", "The longest a call may last; greater than 0.")),
        field("endCallOnSilence", NUM).text(text!("End call on silence", "A number, at least 0.", "How long a silence ends the call; at least 0.")),
    ],
};

#[rustfmt::skip]
pub static CALL_SECURITY: Shape = Shape {
    id: 13,
    #[cfg(not(target_arch = "wasm32"))]
    name: "CallFlowSecurity",
    open: false,
    fields: &[
        field("hipaaCompliance", Ty::Bool).text(text!("HIPAA compliance", "", "Handles calls in a HIPAA-compliant way.")),
        field("publicAccess", Ty::Bool).text(text!("Public access", "", "Lets anyone reach the flow.")),
    ],
};

#[rustfmt::skip]
pub static RESPONSE_SETTINGS: Shape = Shape {
    id: 14,
    #[cfg(not(target_arch = "wasm32"))]
    name: "ResponseSettingsInput",
    open: false,
    fields: &[
        field("delay", NUM).text(text!("Response delay (seconds)", "A number, at least 0.", "Seconds before replying; at least 0.")),
        field("workingHours", Ty::Object(&WORKING_HOURS)).custom().text(text!("Working hours", "When enabled, start and end are required. A start after the end is an overnight window.", "When the agent answers.")),
        field("enabled", Ty::Bool).moved(&["workingHours", "enabled"]).text(text!("Enabled", "", "The docs' request sample puts the working-hours fields here; moved into `workingHours`.")),
        field("start", Ty::Time).moved(&["workingHours", "start"]).text(text!("Start", "", "The docs' request sample puts the working-hours fields here; moved into `workingHours`.")),
        field("end", Ty::Time).moved(&["workingHours", "end"]).text(text!("End", "", "The docs' request sample puts the working-hours fields here; moved into `workingHours`.")),
        field("timezone", Ty::Timezone).moved(&["workingHours", "timezone"]).text(text!("Time zone", "", "The docs' request sample puts the working-hours fields here; moved into `workingHours`.")),
        field("outOfHoursMessage", Ty::Str).moved(&["workingHours", "outOfHoursMessage"]).text(text!("Out-of-hours message", "", "The docs' request sample puts the working-hours fields here; moved into `workingHours`.")),
    ],
};

#[rustfmt::skip]
pub static WORKING_HOURS: Shape = Shape {
    id: 15,
    #[cfg(not(target_arch = "wasm32"))]
    name: "WorkingHoursInput",
    open: false,
    fields: &[
        field("enabled", Ty::Bool).default(Lit::Bool(false)).custom().text(text!("Enabled", "", "Whether working hours apply.")),
        field("start", Ty::Time).custom().text(text!("Start", "24-hour HH:MM, such as 09:00.", "When working hours start, `HH:MM`; required when enabled.")),
        field("end", Ty::Time).custom().text(text!("End", "24-hour HH:MM, such as 17:00.", "When working hours end, `HH:MM`; required when enabled. An end before the start is an overnight window.")),
        field("timezone", Ty::Timezone).default(Lit::Str("UTC")).custom().text(text!("Time zone", "An IANA name such as Europe/Paris (default UTC).", "The IANA time zone of the times.")),
        field("outOfHoursMessage", Ty::Str).custom().text(text!("Out-of-hours message", "", "The reply people get outside working hours; recommended when enabled.", Ui::NONE.textarea())),
    ],
};

/// The body of *Create Message Flow*.
#[rustfmt::skip]
pub static MESSAGE_FLOW: Shape = Shape {
    id: 16,
    #[cfg(not(target_arch = "wasm32"))]
    name: "MessageFlowInput",
    open: false,
    fields: &[
        field("name", Ty::Text).required("give the message flow a name, such as \"New Years Sale\"").text(text!("Name", "", "A friendly name for the message flow, such as \"New Years Sale\".", Ui::NONE.in_section(&sections::MESSAGE_FLOW))),
        field("direction", Ty::Enum(&MESSAGE_DIRECTIONS)).required("use `inbound`, `outbound` or `bidirectional`").text(text!("Direction", "", "The direction of the conversation.", Ui::NONE.in_section(&sections::MESSAGE_FLOW))),
        field("description", Ty::Str).text(text!("Description", "", "What the flow handles.", Ui::NONE.in_section(&sections::MESSAGE_FLOW).textarea())),
        field("agent", Ty::Id).required("give the id of the messaging agent that runs this flow").text(text!("Agent id", "The 24-hex-digit id of the messaging agent.", "The id of the messaging agent that runs this flow.", Ui::NONE.in_section(&sections::MESSAGE_FLOW))),
        field("initiationMessage", Ty::Text).required("write the first message that starts the conversation").custom().text(text!("Initiation message", "The first message that starts the conversation.", "The first message that starts the conversation.", Ui::NONE.in_section(&sections::MESSAGE_FLOW).control(Control::Message))),
        field("prompt", Ty::Text).required("write the instructions for the AI agent").custom().text(text!("Prompt", "The instructions for the AI agent.", "The instructions for the AI agent.", Ui::NONE.in_section(&sections::MESSAGE_FLOW).textarea())),
        field("isActive", Ty::Bool).default(Lit::Bool(false)).custom().text(text!("Active", "", "Whether the flow is active.", Ui::NONE.in_section(&sections::MESSAGE_FLOW))),
        field("autopilot", Ty::Bool).default(Lit::Bool(false)).custom().text(text!("Autopilot", "", "Whether the agent replies on its own.", Ui::NONE.in_section(&sections::MESSAGE_FLOW))),
        field("messageChannel", Ty::Enum(&CHANNELS)).required("use `SMS` or `Email`").custom().text(text!("Channel", "", "The channel the flow messages on (exact spelling).", Ui::NONE.in_section(&sections::MESSAGE_FLOW))),
        field("settings", Ty::Object(&MESSAGE_SETTINGS)).custom().text(text!("Settings", "", "Response, security and email settings.")),
    ],
};

#[rustfmt::skip]
pub static MESSAGE_SETTINGS: Shape = Shape {
    id: 17,
    #[cfg(not(target_arch = "wasm32"))]
    name: "MessageFlowSettingsInput",
    open: false,
    fields: &[
        field("responseSettings", Ty::Object(&RESPONSE_SETTINGS)).custom().text(text!("Response settings", "", "Response delay and working hours.")),
        field("security", Ty::Object(&MESSAGE_SECURITY)).text(text!("Security", "", "Security flags.")),
        field("emailSettings", Ty::Object(&EMAIL_SETTINGS)).custom().text(text!("Email settings", "Used by Email flows only; with Email a subject line is recommended.", "Email flows only: subject line and signature.")),
        field("initiationMessage", Ty::Text).moved(&["..", "initiationMessage"]).text(text!("Initiation message", "", "The seed document lists it under settings; moved to the top level.")),
        field("prompt", Ty::Text).moved(&["..", "prompt"]).text(text!("Prompt", "", "The seed document lists it under settings; moved to the top level.")),
        field("isActive", Ty::Bool).moved(&["..", "isActive"]).text(text!("Active", "", "The seed document lists it under settings; moved to the top level.")),
        field("autopilot", Ty::Bool).moved(&["..", "autopilot"]).text(text!("Autopilot", "", "The seed document lists it under settings; moved to the top level.")),
        field("messageChannel", Ty::Enum(&CHANNELS)).moved(&["..", "messageChannel"]).text(text!("Channel", "", "The seed document lists it under settings; moved to the top level.")),
    ],
};

#[rustfmt::skip]
pub static MESSAGE_SECURITY: Shape = Shape {
    id: 18,
    #[cfg(not(target_arch = "wasm32"))]
    name: "MessageFlowSecurity",
    open: false,
    fields: &[
        field("hipaaCompliance", Ty::Bool).text(text!("HIPAA compliance", "", "Handles messages in a HIPAA-compliant way.")),
    ],
};

#[rustfmt::skip]
pub static EMAIL_SETTINGS: Shape = Shape {
    id: 19,
    #[cfg(not(target_arch = "wasm32"))]
    name: "EmailSettings",
    open: false,
    fields: &[
        field("subjectLine", Ty::Str).text(text!("Subject line", "", "The subject of the emails; recommended for Email flows.")),
        field("signature", Ty::Str).text(text!("Signature", "", "The signature under the emails.", Ui::NONE.textarea())),
    ],
};

/// Keys the server generates; a create request should not send them. The
/// first four are generated for nested documents too, and are read-only at
/// any depth; the others only at the top level.
pub const READ_ONLY: &[&str] = &[
    "_id",
    "createdAt",
    "updatedAt",
    "__v",
    "workspaceId",
    "currentPromptId",
    "promptVersions",
    "gemini_prompt",
    "locations",
    "startNodeId",
];

/// `$f` of every shape, in a table by id, worked out at compile time.
macro_rules! per_shape {
    ($f:ident, $zero:expr) => {{
        let mut out = [$zero; SHAPES.len()];
        let mut i = 0;
        while i < SHAPES.len() {
            out[i] = $f(SHAPES[i]);
            i += 1;
        }
        out
    }};
}

// ----- the parser's skip rule -----
//
// A place of the JSON parser (`json::Place`) as the schema sees it: state 0
// builds everything, 1 is an array whose items pass through, and
// `2 + 2 * id` / `3 + 2 * id` stand at an object of shape `id` / at a list
// of such objects.

const PASS_ITEMS: u32 = 1;

/// The state of an object of `shape` (or a list of them): 0, build all,
/// when nothing below it is ever skipped, so the parser stops asking.
const fn state(shape: &Shape, items: bool) -> u32 {
    if !has_skips(shape) {
        return 0;
    }
    2 + 2 * shape.id as u32 + items as u32
}

/// Whether anything below a shape passes through (and may be skipped).
const fn has_skips(shape: &Shape) -> bool {
    if shape.open {
        return true;
    }
    let mut i = 0;
    while i < shape.fields.len() {
        let below = match shape.fields[i].ty {
            Ty::Any | Ty::PassList => true,
            Ty::Object(s) | Ty::List(s) => has_skips(s),
            _ => false,
        };
        if below {
            return true;
        }
        i += 1;
    }
    false
}

/// [`has_skips`] of every shape, by id.
static SKIPS: [bool; SHAPES.len()] = per_shape!(has_skips, false);

/// For each field of a shape, 1 + the index of the sibling field that is
/// its documented other key (`callSetting` for `callSettings`), or 0.
const fn sibling_aliases(shape: &Shape) -> [u8; KEY_SLOTS / 2] {
    let mut out = [0u8; KEY_SLOTS / 2];
    let mut i = 0;
    while i < shape.fields.len() {
        let mut j = 0;
        while j < shape.fields.len() {
            if let Role::Moved(to) = shape.fields[j].role {
                if to.len() == 1 && same(to[0], shape.fields[i].key) && out[i] == 0 {
                    out[i] = (j + 1) as u8;
                }
            }
            j += 1;
        }
        i += 1;
    }
    out
}

// ----- the key tables -----

/// Slots of a shape's key table (more than twice the fields of any shape).
const KEY_SLOTS: usize = 64;

/// A perfect hash of a shape's keys: the slot of each key holds its field's
/// index + 1 (0: no field hashes there), for the seed found at compile time
/// that puts no two keys in one slot.
#[derive(Clone, Copy)]
struct KeyTable {
    seed: u32,
    slots: [u8; KEY_SLOTS],
}

/// A key's slot: its length and three of its bytes (first, middle, last),
/// multiplied by `seed`, top six bits. A key outside the shape lands
/// anywhere: `position` compares it with the one field there.
#[inline]
const fn key_hash(k: &[u8], seed: u32) -> usize {
    let n = k.len();
    let x = if n == 0 {
        0
    } else {
        (n as u32 & 0xFF) | (k[0] as u32) << 8 | (k[n / 2] as u32) << 16 | (k[n - 1] as u32) << 24
    };
    (x.wrapping_mul(seed) >> 26) as usize
}

/// A shape's key table: the first odd seed (from a fixed start) with no
/// collision; a schema edit that finds none fails the build.
const fn key_table(shape: &Shape) -> KeyTable {
    assert!(
        shape.fields.len() < KEY_SLOTS / 2,
        "a shape with this many fields needs a bigger key table"
    );
    let mut seed: u32 = 0x9E37_79B1;
    let mut tries = 0;
    while tries < 10_000 {
        let mut slots = [0u8; KEY_SLOTS];
        let mut ok = true;
        let mut i = 0;
        while i < shape.fields.len() {
            let h = key_hash(shape.fields[i].key.as_bytes(), seed);
            if slots[h] != 0 {
                ok = false;
                break;
            }
            slots[h] = (i + 1) as u8;
            i += 1;
        }
        if ok {
            return KeyTable { seed, slots };
        }
        seed = seed.wrapping_add(0x6A09_E668); // even: the seed stays odd
        tries += 1;
    }
    panic!("no collision-free seed for a shape's key table");
}

/// [`key_table`] of every shape, by id.
static KEY_TABLES: [KeyTable; SHAPES.len()] = per_shape!(
    key_table,
    KeyTable {
        seed: 0,
        slots: [0; KEY_SLOTS]
    }
);

/// For each shape, by id, and each of its fields: 1 + the index of the
/// sibling field that is its documented other key (`Moved` to it), or 0.
static SIBLING_ALIASES: [[u8; KEY_SLOTS / 2]; SHAPES.len()] =
    per_shape!(sibling_aliases, [0; KEY_SLOTS / 2]);

/// Where validate's parser starts for a payload of shape `root`.
pub fn skip_place(root: &'static Shape) -> crate::json::Place {
    // [`state`] without its walk of the shapes (read from [`SKIPS`]).
    let state = if SKIPS[root.id as usize] {
        2 + 2 * u32::from(root.id)
    } else {
        0
    };
    crate::json::Place {
        state,
        table: &SKIP_TABLE,
    }
}

/// The state under field `d` of an object, given at the object's state
/// (`json::SKIP`: skipped; 0: build everything).
const fn state_under(d: &Def) -> u32 {
    match d.ty {
        Ty::Object(s) => state(s, false),
        Ty::List(s) => state(s, true),
        Ty::PassList => PASS_ITEMS,
        Ty::Any => crate::json::SKIP,
        _ => 0,
    }
}

/// Whether field `d` of `shape` is listed in its state: it leads elsewhere
/// than state 0, or the shape is open (its other keys are skipped).
const fn listed(shape: &Shape, d: &Def) -> bool {
    shape.open || state_under(d) != 0
}

/// How many keys the skip table lists (over all shapes).
const fn listed_keys() -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < SHAPES.len() {
        let shape = SHAPES[i];
        let mut j = 0;
        while j < shape.fields.len() {
            if listed(shape, &shape.fields[j]) {
                n += 1;
            }
            j += 1;
        }
        i += 1;
    }
    n
}

const SKIP_KEYS: usize = listed_keys();

/// The skip table's keys, shape after shape in [`SHAPES`]'s order.
static SKIP_TABLE_KEYS: [(&str, u32); SKIP_KEYS] = {
    let mut out = [("", 0u32); SKIP_KEYS];
    let mut n = 0;
    let mut i = 0;
    while i < SHAPES.len() {
        let shape = SHAPES[i];
        let mut j = 0;
        while j < shape.fields.len() {
            let d = &shape.fields[j];
            if listed(shape, d) {
                out[n] = (d.key, state_under(d));
                n += 1;
            }
            j += 1;
        }
        i += 1;
    }
    out
};

/// The parser's states (see above): 0 (build everything, never looked
/// up), 1 ([`PASS_ITEMS`]: items skipped, keys built), then an object and
/// a list of objects of each shape.
static SKIP_STATES: [crate::json::SkipState; 2 + 2 * SHAPES.len()] = {
    use crate::json::{SkipState, SKIP};
    let none = SkipState {
        items: 0,
        open: false,
        fields: 0,
        lengths: 0,
        first: 0,
        len: 0,
    };
    let mut out = [none; 2 + 2 * SHAPES.len()];
    out[PASS_ITEMS as usize] = SkipState {
        items: SKIP,
        ..none
    };
    let mut first = 0;
    let mut i = 0;
    while i < SHAPES.len() {
        let shape = SHAPES[i];
        let mut len = 0;
        let mut lengths = 0u16;
        let mut j = 0;
        while j < shape.fields.len() {
            if listed(shape, &shape.fields[j]) {
                len += 1;
                lengths |= 1 << (shape.fields[j].key.len() % 16);
            }
            j += 1;
        }
        assert!(shape.id as usize == i, "SHAPES is by id");
        // An object of the shape: its keys; an array there is built.
        out[2 + 2 * i] = SkipState {
            items: 0,
            open: shape.open,
            // (At least Vec's own first capacity: an open shape's
            // objects also keep the keys it does not list.)
            fields: if shape.fields.len() > 4 {
                shape.fields.len() as u8
            } else {
                4
            },
            lengths,
            first: first as u16,
            len: len as u16,
        };
        // A list of them: each item an object of the shape; keys are built.
        out[3 + 2 * i] = SkipState {
            items: state(shape, false),
            ..none
        };
        first += len;
        i += 1;
    }
    out
};

/// The parser's skip table ([`skip_place`]).
static SKIP_TABLE: crate::json::SkipTable = crate::json::SkipTable {
    states: &SKIP_STATES,
    keys: &SKIP_TABLE_KEYS,
};

/// Keys accepted at the top of a payload and dropped without an issue:
/// `$schema`, so that editors can point a payload file at its JSON Schema.
pub const IGNORED_AT_ROOT: &[&str] = &["$schema"];

/// The definition at a path of keys below `root` (list items stepped
/// through with `None`); a documented other place resolves to its
/// canonical field.
pub fn lookup(root: &'static Shape, path: &[Option<&str>]) -> Option<&'static Def> {
    let mut stack: Vec<&'static Shape> = vec![root];
    let mut def: Option<&'static Def> = None;
    let mut in_list = false;
    for seg in path {
        match (seg, def) {
            (None, Some(d)) if !in_list => match d.ty {
                Ty::List(s) => {
                    stack.push(s);
                    in_list = true;
                    def = None;
                }
                _ => return None,
            },
            (Some(k), _) => {
                if let Some(d) = def {
                    match d.ty {
                        Ty::Object(s) => stack.push(s),
                        _ => return None,
                    }
                }
                let shape = *stack.last()?;
                let d = shape.def(k)?;
                def = Some(match d.role {
                    Role::Moved(to) => resolve(&mut stack, to)?,
                    _ => d,
                });
                in_list = false;
            }
            _ => return None,
        }
    }
    def
}

/// Follows a relative place (`..` up) from the top of `stack`.
fn resolve(stack: &mut Vec<&'static Shape>, to: &[&str]) -> Option<&'static Def> {
    let (last, dirs) = to.split_last()?;
    for step in dirs {
        if *step == ".." {
            stack.pop();
            if stack.is_empty() {
                return None;
            }
        } else {
            match stack.last()?.def(step)?.ty {
                Ty::Object(s) => stack.push(s),
                _ => return None,
            }
        }
    }
    stack.last()?.def(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_tables_find_every_field_and_nothing_else() {
        for shape in SHAPES {
            for (i, d) in shape.fields.iter().enumerate() {
                assert_eq!(shape.position(d.key), Some(i), "{}", d.key);
                // The same length and the same bytes where the hash looks
                // (0, n/2, n-1), one other byte changed: the same slot.
                let mut other = d.key.as_bytes().to_vec();
                if other.len() >= 4 {
                    other[1] ^= 0x20;
                    let other = String::from_utf8(other).unwrap();
                    let want = shape.fields.iter().position(|f| f.key == other);
                    assert_eq!(shape.position(&other), want, "{other}");
                }
                let longer = format!("{}x", d.key);
                let want = shape.fields.iter().position(|f| f.key == longer);
                assert_eq!(shape.position(&longer), want, "{longer}");
            }
            for k in ["", "x", "__proto__", "constructor", "nodes ", "NAME"] {
                let want = shape.fields.iter().position(|f| f.key == k);
                assert_eq!(shape.position(k), want, "{k:?}");
            }
        }
    }

    #[test]
    fn ids_are_indexes() {
        for (i, s) in SHAPES.iter().enumerate() {
            assert_eq!(s.id as usize, i, "shape {}", s.id);
        }
    }

    #[test]
    fn keys_are_unique_and_aliases_resolve() {
        for s in SHAPES {
            for (i, d) in s.fields.iter().enumerate() {
                assert!(
                    s.fields[..i].iter().all(|o| o.key != d.key),
                    "{}.{} twice",
                    s.id,
                    d.key
                );
                if let Role::Moved(to) | Role::Mirror(to) = d.role {
                    assert!(!to.is_empty());
                }
            }
        }
        let d = lookup(
            &CALL_FLOW,
            &[
                Some("settings"),
                Some("callSetting"),
                Some("maxCallDuration"),
            ],
        )
        .unwrap();
        assert_eq!(d.key, "maxCallDuration");
        let d = lookup(&MESSAGE_FLOW, &[Some("settings"), Some("prompt")]).unwrap();
        assert!(matches!(d.need, Need::Required(_)));
        let d = lookup(
            &CALL_FLOW,
            &[
                Some("webhooks"),
                None,
                Some("variables"),
                None,
                Some("name"),
            ],
        )
        .unwrap();
        assert_eq!(d.key, "name");
        let d = lookup(
            &CALL_FLOW,
            &[Some("settings"), Some("responseSettings"), Some("start")],
        )
        .unwrap();
        assert!(matches!(d.ty, Ty::Time));
        assert!(lookup(&CALL_FLOW, &[Some("nope")]).is_none());
    }
}
