//! What every document-producing data source shares: the user's extra statements (source and
//! override documents), the final checks (form, characters, size), and the `json`,
//! `minified_json` and `size` attributes.

use crate::plugin::{Attribute, Diagnostic, Type, Value};
use crate::policy::lint::problems;
use crate::policy::size::{first_disallowed_char, judge_size, non_whitespace_chars, SizeVerdict};
use crate::policy::size::{INLINE_ROLE_POLICIES_LIMIT, MANAGED_POLICY_LIMIT, TRUST_POLICY_DEFAULT_LIMIT, TRUST_POLICY_MAX_LIMIT};
use crate::policy::{merge, Additions, DocumentKind, PolicyDocument};

use super::inputs::Inputs;

/// The IAM quota a document is measured against, with words for the diagnostic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SizeLimit {
    pub characters: usize,
    pub quota: &'static str,
}

pub fn output_attributes() -> Vec<Attribute> {
    vec![
        Attribute::computed("json", Type::String, "The policy document, 2-space indented, in a stable order."),
        Attribute::computed("minified_json", Type::String, "The same document without whitespace."),
        Attribute::computed("size", Type::Number, "Non-whitespace characters, as IAM counts them against its quotas."),
    ]
}

pub fn addition_attributes() -> Vec<Attribute> {
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

pub fn permissions_limit_attribute() -> Attribute {
    Attribute::optional(
        "managed_policy",
        Type::Bool,
        "Measure the size against the customer managed policy quota (6,144 characters) instead of the inline role policy quota (10,240). Default false.",
    )
}

pub fn trust_limit_attribute() -> Attribute {
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
        statements: Vec::new(),
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
            let name = if additions.sources.is_empty() { "override_policy_documents" } else { "source_policy_documents" };
            inputs.error(name, "Conflicting statement ids", error.to_string());
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
