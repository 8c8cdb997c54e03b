//! What every document-producing data source shares: the user's extra statements (source and
//! override documents), the final checks (form, characters, size), and the `json`,
//! `minified_json` and `size` attributes.

use crate::plugin::{Attribute, AttributePath, Block, Diagnostic, NestedBlock, Nesting, Type, Value};
use crate::policy::lint::problems;
use crate::policy::merge::{MergeError, Origin};
use crate::policy::size::{first_disallowed_char, judge_size, non_whitespace_chars, SizeVerdict};
use crate::policy::size::{INLINE_ROLE_POLICIES_LIMIT, MANAGED_POLICY_LIMIT, TRUST_POLICY_DEFAULT_LIMIT, TRUST_POLICY_MAX_LIMIT};
use crate::policy::statement::{Actions, Effect, Resources};
use crate::policy::{merge, Additions, Condition, ConditionKey, DocumentKind, Operator, PolicyDocument, Statement};

use super::inputs::Inputs;

/// The IAM quota a document is measured against, with words for the diagnostic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SizeLimit {
    pub characters: usize,
    pub quota: &'static str,
}

/// A document data source's schema: its own attributes, then the size-limit argument, the user's
/// additions (permissions policies), the scope arguments and the outputs. `scope_note` says which
/// roles the scope arguments apply to.
pub fn document_block(description: &str, own: Vec<Attribute>, scope_note: &str, kind: DocumentKind) -> Block {
    let mut attributes = own;
    match kind {
        DocumentKind::Permissions => {
            attributes.push(permissions_limit_attribute());
            attributes.extend(addition_attributes());
        }
        DocumentKind::Trust => attributes.push(trust_limit_attribute()),
    }
    attributes.extend(super::config::scope_attributes(scope_note));
    attributes.extend(output_attributes());
    let blocks = match kind {
        DocumentKind::Permissions => vec![statement_block()],
        DocumentKind::Trust => vec![],
    };
    Block { description: description.to_owned(), attributes, blocks }
}

pub fn output_attributes() -> Vec<Attribute> {
    vec![
        Attribute::computed("json", Type::String, "The policy document, 2-space indented, in a stable order."),
        Attribute::computed("minified_json", Type::String, "The same document without whitespace."),
        Attribute::computed("size", Type::Number, "Non-whitespace characters, as IAM counts them against its quotas."),
    ]
}

fn addition_attributes() -> Vec<Attribute> {
    vec![
        Attribute::optional(
            "source_policy_documents",
            Type::list(Type::String),
            "IAM policy documents (JSON) whose statements are appended. Their Sids must not repeat ones already present.",
        ),
        Attribute::optional(
            "override_policy_documents",
            Type::list(Type::String),
            "IAM policy documents (JSON) applied last: a statement replaces the one with the same Sid, others are appended.",
        ),
    ]
}

/// `statement` blocks, shaped like `aws_iam_policy_document`'s, for statements of the user's own.
fn statement_block() -> NestedBlock {
    let list = || Type::list(Type::String);
    let condition = Block {
        description: "A condition of the statement.".to_owned(),
        attributes: vec![
            Attribute::required("test", Type::String, "The condition operator, e.g. `StringEquals`, `ArnLike`, `ForAllValues:StringLike`."),
            Attribute::required("variable", Type::String, "The condition key, e.g. `aws:SourceVpc`."),
            Attribute::required("values", list(), "The values the key is compared with."),
        ],
        blocks: vec![],
    };
    NestedBlock {
        type_name: "statement".to_owned(),
        nesting: Nesting::List,
        block: Block {
            description: "A statement appended to the document (before override documents apply).".to_owned(),
            attributes: vec![
                Attribute::optional("sid", Type::String, "Statement id: letters and digits, unique in the document."),
                Attribute::optional("effect", Type::String, "`Allow` (default) or `Deny`."),
                Attribute::optional("actions", list(), "Actions, e.g. `s3:GetObject`; exactly one of `actions` and `not_actions`."),
                Attribute::optional("not_actions", list(), "Actions the statement does not apply to."),
                Attribute::optional("resources", list(), "Resource ARNs or `*`; exactly one of `resources` and `not_resources`."),
                Attribute::optional("not_resources", list(), "Resources the statement does not apply to."),
            ],
            blocks: vec![NestedBlock { type_name: "condition".to_owned(), nesting: Nesting::List, block: condition }],
        },
    }
}

/// One of a pair of mutually exclusive list arguments (`actions`/`not_actions`), as a set.
fn one_of(inputs: &mut Inputs<'_>, positive: &str, negative: &str) -> Option<(bool, std::collections::BTreeSet<String>)> {
    let (has_positive, has_negative) = (inputs.is_set(positive), inputs.is_set(negative));
    match (has_positive, has_negative) {
        (true, false) => inputs.parsed_list::<String>(positive).map(|v| (true, v.into_iter().collect())),
        (false, true) => inputs.parsed_list::<String>(negative).map(|v| (false, v.into_iter().collect())),
        (true, true) => {
            inputs.error(negative, "Conflicting arguments", format!("Set {positive} or {negative}, not both."));
            None
        }
        (false, false) => {
            inputs.error(positive, "Missing required argument", format!("A statement needs {positive} or {negative}."));
            None
        }
    }
}

fn read_condition(item: &Value, path: AttributePath, parent: &mut Inputs<'_>) -> Option<Condition> {
    let mut inputs = Inputs::nested(item, path);
    let operator = inputs.parsed_with("test", Operator::parse);
    let key = inputs.parsed_with("variable", |text| ConditionKey::named(text.to_owned()));
    let values = inputs.parsed_list::<String>("values");
    parent.absorb(inputs);
    let mut condition = Condition::default();
    condition.add(operator?, key?, values?);
    Some(condition)
}

fn read_statement(item: &Value, path: AttributePath, parent: &mut Inputs<'_>) -> Option<Statement> {
    let mut inputs = Inputs::nested(item, path.clone());
    let sid = inputs.string("sid").map(str::to_owned);
    let effect = match inputs.string("effect") {
        None | Some("Allow") => Some(Effect::Allow),
        Some("Deny") => Some(Effect::Deny),
        Some(other) => {
            inputs.error("effect", "Invalid effect", format!("{other:?} is not an effect; valid are \"Allow\" and \"Deny\"."));
            None
        }
    };
    let actions = one_of(&mut inputs, "actions", "not_actions");
    let resources = one_of(&mut inputs, "resources", "not_resources");
    let mut condition = Condition::default();
    let conditions = inputs.raw("condition").as_list().unwrap_or_default();
    for (i, item) in conditions.iter().enumerate() {
        if let Some(found) = read_condition(item, path.then_attribute("condition").then_index(i), &mut inputs) {
            for (operator, keys) in found.0 {
                for (key, values) in keys {
                    condition.add(operator.clone(), key, values);
                }
            }
        }
    }
    if inputs.raw("condition").is_unknown() {
        inputs.incomplete = true;
    }
    let statement = match (effect, actions, resources) {
        (Some(effect), Some((positive_actions, names)), Some((positive_resources, arns))) => Some(Statement {
            sid,
            effect,
            principal: None,
            actions: if positive_actions { Actions::Action(names) } else { Actions::NotAction(names) },
            resources: Some(if positive_resources { Resources::Resource(arns) } else { Resources::NotResource(arns) }),
            condition,
        }),
        _ => None,
    };
    // Form rules (Sid characters, action and ARN shapes), reported at the argument they concern.
    if let Some(statement) = &statement {
        // IAM's character set, checked per argument so the error points at the one that breaks it.
        let texts: [(&str, Vec<&str>); 4] = [
            ("sid", statement.sid.iter().map(String::as_str).collect()),
            ("actions", statement.actions.names().iter().map(String::as_str).collect()),
            ("resources", statement.resources.iter().flat_map(|r| r.entries()).map(String::as_str).collect()),
            (
                "condition",
                statement
                    .condition
                    .0
                    .values()
                    .flat_map(|keys| keys.iter())
                    .flat_map(|(k, v)| std::iter::once(k.as_str()).chain(v.iter().map(String::as_str)))
                    .collect(),
            ),
        ];
        for (argument, values) in texts {
            if let Some(c) = values.iter().find_map(|v| first_disallowed_char(v)) {
                let detail = format!(
                    "{c:?} (U+{:04X}) is not allowed; IAM accepts only tab, newline, carriage return and U+0020 to U+00FF.",
                    c as u32
                );
                inputs.error(argument, "Character not allowed in IAM policies", detail);
            }
        }
        for problem in problems(&PolicyDocument::new(vec![statement.clone()]), DocumentKind::Permissions) {
            let argument = match problem.field {
                "Sid" => "sid",
                "Action" => "actions",
                _ => "resources",
            };
            inputs.error(argument, "Invalid statement", problem.message);
        }
    }
    // Hand the findings over before anything can return early, or they would be lost.
    parent.absorb(inputs);
    statement
}

/// The `statement` blocks, each read and checked on its own so errors point into it.
fn read_statement_blocks(inputs: &mut Inputs<'_>) -> Vec<Statement> {
    let blocks = inputs.raw("statement");
    if blocks.is_unknown() {
        inputs.incomplete = true;
        return Vec::new();
    }
    let items = blocks.as_list().unwrap_or_default();
    items.iter().enumerate().filter_map(|(i, item)| read_statement(item, inputs.path_of("statement").then_index(i), inputs)).collect()
}

fn permissions_limit_attribute() -> Attribute {
    Attribute::optional(
        "managed_policy",
        Type::Bool,
        "Measure the size against the customer managed policy quota (6,144 characters) instead of the inline role policy quota (10,240). Default false.",
    )
}

fn trust_limit_attribute() -> Attribute {
    Attribute::optional(
        "size_quota",
        Type::Number,
        "The account's trust policy size quota (AssumeRolePolicySizeQuota): 2,048 characters unless raised, at most 4,096.",
    )
}

pub fn permissions_limit(inputs: &mut Inputs<'_>) -> SizeLimit {
    if inputs.bool("managed_policy") == Some(true) {
        SizeLimit { characters: MANAGED_POLICY_LIMIT, quota: "the customer managed policy quota" }
    } else {
        SizeLimit { characters: INLINE_ROLE_POLICIES_LIMIT, quota: "the quota for all inline policies of one role together" }
    }
}

pub fn trust_limit(inputs: &mut Inputs<'_>) -> SizeLimit {
    let quota = "the trust policy size quota (AssumeRolePolicySizeQuota)";
    match inputs.number("size_quota") {
        None => SizeLimit { characters: TRUST_POLICY_DEFAULT_LIMIT, quota },
        Some(n) if n.fract() == 0.0 && (TRUST_POLICY_DEFAULT_LIMIT as f64..=TRUST_POLICY_MAX_LIMIT as f64).contains(&n) => {
            SizeLimit { characters: n as usize, quota }
        }
        Some(n) => {
            inputs.error(
                "size_quota",
                "Invalid size_quota",
                format!("size_quota is {n}; IAM's trust policy quota is a whole number from {TRUST_POLICY_DEFAULT_LIMIT} (the default) to {TRUST_POLICY_MAX_LIMIT}."),
            );
            SizeLimit { characters: TRUST_POLICY_DEFAULT_LIMIT, quota }
        }
    }
}

fn read_documents(inputs: &mut Inputs<'_>, name: &str, kind: DocumentKind) -> Vec<PolicyDocument> {
    let Some(texts) = inputs.parsed_list::<String>(name) else {
        return Vec::new();
    };
    let mut documents = Vec::new();
    for (i, text) in texts.iter().enumerate() {
        let path = inputs.path_of(name).then_index(i);
        let invalid = |detail: String| Diagnostic::error(format!("Invalid document in {name}"), detail).at(path.clone());
        if let Some(c) = first_disallowed_char(text) {
            inputs.diagnostics.push(invalid(format!("character {c:?} (U+{:04X}) is not allowed in IAM policies, which accept only tab, newline, carriage return and U+0020 to U+00FF", c as u32)));
            continue;
        }
        match PolicyDocument::from_json(text) {
            Ok(document) => {
                let found = problems(&document, kind);
                for problem in &found {
                    let location = problem.statement.map_or(String::new(), |s| format!("Statement[{s}].{}: ", problem.field));
                    inputs.diagnostics.push(invalid(format!("{location}{}", problem.message)));
                }
                if found.is_empty() {
                    documents.push(document);
                }
            }
            Err(error) => inputs.diagnostics.push(invalid(error.to_string())),
        }
    }
    documents
}

/// The user's additions, each document parsed and checked on its own so errors point at it.
pub fn read_additions(inputs: &mut Inputs<'_>, kind: DocumentKind) -> Additions {
    Additions {
        sources: read_documents(inputs, "source_policy_documents", kind),
        statements: match kind {
            DocumentKind::Permissions => read_statement_blocks(inputs),
            DocumentKind::Trust => Vec::new(),
        },
        overrides: read_documents(inputs, "override_policy_documents", kind),
    }
}

/// Merges, checks and renders `document`, returning the data source's state: its configuration
/// with `json`, `minified_json` and `size` filled in. `None` when a check failed.
pub fn finish(
    config: &Value,
    inputs: &mut Inputs<'_>,
    document: PolicyDocument,
    additions: &Additions,
    kind: DocumentKind,
    limit: SizeLimit,
) -> Option<Value> {
    if inputs.has_errors() {
        return None;
    }
    let document = match merge(document, additions) {
        Ok(document) => document,
        Err(error) => {
            let MergeError::DuplicateSid { origin, .. } = &error;
            let path = match origin {
                Origin::Source(i) => inputs.path_of("source_policy_documents").then_index(*i),
                Origin::Statement(i) => inputs.path_of("statement").then_index(*i).then_attribute("sid"),
            };
            inputs.diagnostics.push(Diagnostic::error("Conflicting statement ids", error.to_string()).at(path));
            return None;
        }
    };
    let found = problems(&document, kind);
    if let Some(problem) = found.first() {
        inputs.diagnostics.push(Diagnostic::error(
            format!("Invalid {kind}"),
            format!("statement {}: {}", problem.statement.map_or("-".into(), |s| s.to_string()), problem.message),
        ));
        return None;
    }
    let json = document.to_pretty_json();
    let minified = document.to_minified_json();
    if let Some(c) = first_disallowed_char(&minified) {
        inputs.diagnostics.push(Diagnostic::error(
            "Character not allowed in IAM policies",
            format!("The {kind} contains {c:?} (U+{:04X}); IAM accepts only tab, newline, carriage return and U+0020 to U+00FF.", c as u32),
        ));
        return None;
    }
    let size = non_whitespace_chars(&minified);
    match judge_size(size, limit.characters) {
        SizeVerdict::Fits => {}
        SizeVerdict::NearLimit { size, limit: max } => inputs.diagnostics.push(Diagnostic::warning(
            format!("{kind} close to its size limit"),
            format!("The {kind} has {size} non-whitespace characters, {}% of {} ({max}).", size * 100 / max, limit.quota),
        )),
        SizeVerdict::TooLarge { size, limit: max } => {
            inputs.diagnostics.push(Diagnostic::error(
                format!("{kind} too large"),
                format!("The {kind} has {size} non-whitespace characters; IAM allows at most {max} under {}. Remove statements or split them over several policies.", limit.quota),
            ));
            return None;
        }
    }
    let mut state = config.as_map().cloned().unwrap_or_default();
    state.insert("json".into(), Value::String(json));
    state.insert("minified_json".into(), Value::String(minified));
    state.insert("size".into(), Value::Number(size as f64));
    Some(Value::Map(state))
}
