//! The one path of every document data source and its function twin: read the role's own
//! arguments, resolve the scope, build the role's document, merge the user's additions, check it,
//! measure it and render it. A role supplies only what differs, through its [`DocumentSpec`].

use crate::catalog::arguments::{self as args, Name};
use crate::catalog::placeholders::Placeholders;
use crate::catalog::requests::Family;
use crate::catalog::Kind;
use crate::plugin::{Attribute, Block, Diagnostic, Type, Value};
use crate::policy::evaluate::{decide, Decision};
use crate::policy::lint::problems;
use crate::policy::merge::{MergeError, Origin};
use crate::policy::size::{judge_size, non_whitespace_chars, SizeVerdict};
use crate::policy::size::{
    BUCKET_POLICY_LIMIT, INLINE_ROLE_POLICIES_LIMIT, MANAGED_POLICY_LIMIT, TRUST_POLICY_DEFAULT_LIMIT, TRUST_POLICY_MAX_LIMIT,
};
use crate::policy::{merge, Additions, DocumentKind, PolicyDocument};

use super::additions::{addition_attributes, problem_summary, read_additions, statement_block};
use super::config::scope_attributes;
use super::descriptor::DocumentSpec;
use super::inputs::Inputs;
use super::{Outcome, Phase};

/// The kinds of `K` that take `argument`, quoted and joined, or `None` when every kind does.
fn kinds_taking<K: Kind>(argument: Name) -> Option<String> {
    let kinds: Vec<String> =
        K::ALL.iter().filter(|k| k.arguments().iter().any(|a| a.name == argument)).map(|k| format!("`{}`", k.name())).collect();
    (kinds.len() != K::ALL.len()).then(|| kinds.join(", "))
}

/// "in this policy (`kind` `a`, `b`)": the kinds of `K` whose documents use the scope arguments,
/// or just "in this policy" when every kind does.
pub(super) fn scope_note_of<K: Kind>(selector: Name) -> String {
    kinds_taking::<K>(args::REGION).map_or("in this policy".to_owned(), |kinds| format!("in this policy ({selector} {kinds})"))
}

/// "`a`, `b`: " for an argument that only some kinds of `K` take, before its description.
pub(super) fn taken_by<K: Kind>(argument: Name) -> String {
    kinds_taking::<K>(argument).map_or(String::new(), |kinds| format!("{kinds}: "))
}

/// The selector's description: `intro`, then each kind with its own summary.
pub(super) fn selector_description<K: Kind>(intro: &str, summary: impl Fn(K) -> &'static str) -> String {
    let kinds: Vec<String> = K::ALL.iter().map(|&k| format!("`{}` ({})", k.name(), summary(k))).collect();
    format!("{intro}: {}.", kinds.join(", "))
}

/// The schema of a document data source: the role's arguments, then the shared ones.
pub(super) fn schema(description: &str, spec: &DocumentSpec) -> Block {
    let mut attributes = (spec.arguments)();
    attributes.push(Attribute::optional(
        args::POLICY_ID,
        Type::String,
        "The document's `Id`, as `aws_iam_policy_document`'s `policy_id`; otherwise the `Id` of the last override or source document that has one.",
    ));
    attributes.extend(limit_attribute(spec.kind));
    // Every kind takes the user's statements: a bucket's grant merges into its existing policy.
    attributes.extend(addition_attributes());
    if let Some(note) = spec.scope_note {
        attributes.extend(scope_attributes(&note()));
    }
    attributes.extend(output_attributes());
    Block { description: description.to_owned(), attributes, blocks: vec![statement_block()] }
}

/// Reads a document data source: the user's additions, the `Id`, the quota, the role's document,
/// and, given the role's request table, what the document allows.
pub(super) fn read(spec: &DocumentSpec, requests: Option<&Family>, inputs: &mut Inputs<'_>, phase: Phase<'_>) -> Outcome {
    let mut additions = read_additions(inputs, spec.kind);
    // `policy_id` wins over any Id the documents carry: it goes in as the last override's.
    if let Some(id) = inputs.string(args::POLICY_ID) {
        additions.overrides.push(PolicyDocument { id: Some(id.to_owned()), statements: Vec::new() });
    }
    let limit = read_limit(inputs, spec.kind);
    let document = (spec.build)(inputs, phase);
    if inputs.has_errors() {
        return Outcome::Invalid;
    }
    if inputs.incomplete {
        return Outcome::Unknown;
    }
    if matches!(phase, Phase::Validate) {
        return Outcome::Checked;
    }
    match document {
        Some(document) => render(inputs, document, &additions, spec.kind, limit, requests).map_or(Outcome::Invalid, Outcome::State),
        // A builder gives no document only with an error or an unknown value, both seen above.
        None => Outcome::Invalid,
    }
}

/// The IAM quota a document is measured against, with words for the diagnostic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct SizeLimit {
    characters: usize,
    quota: &'static str,
}

fn limit_attribute(kind: DocumentKind) -> Option<Attribute> {
    Some(match kind {
        DocumentKind::Permissions => Attribute::optional(
            args::MANAGED_POLICY,
            Type::Bool,
            "Measure the size against the customer managed policy quota (6,144 characters) instead of the inline role policy quota (10,240). Default false.",
        ),
        DocumentKind::Trust => Attribute::optional(
            args::SIZE_QUOTA,
            Type::Number,
            "The account's trust policy size quota (AssumeRolePolicySizeQuota): 2,048 characters unless raised, at most 4,096.",
        ),
        // S3's bucket policy limit is fixed.
        DocumentKind::Resource => return None,
    })
}

fn read_limit(inputs: &mut Inputs<'_>, kind: DocumentKind) -> SizeLimit {
    match kind {
        DocumentKind::Permissions if inputs.bool(args::MANAGED_POLICY) == Some(true) => {
            SizeLimit { characters: MANAGED_POLICY_LIMIT, quota: "the customer managed policy quota" }
        }
        DocumentKind::Permissions => {
            SizeLimit { characters: INLINE_ROLE_POLICIES_LIMIT, quota: "the quota for all inline policies of one role together" }
        }
        DocumentKind::Resource => SizeLimit { characters: BUCKET_POLICY_LIMIT, quota: "S3's bucket policy limit (20 KB)" },
        DocumentKind::Trust => {
            let quota = "the trust policy size quota (AssumeRolePolicySizeQuota)";
            match inputs.number(args::SIZE_QUOTA) {
                None => SizeLimit { characters: TRUST_POLICY_DEFAULT_LIMIT, quota },
                Some(n) if n.fract() == 0.0 && (TRUST_POLICY_DEFAULT_LIMIT as f64..=TRUST_POLICY_MAX_LIMIT as f64).contains(&n) => {
                    SizeLimit { characters: n as usize, quota }
                }
                Some(n) => {
                    inputs.error(
                        args::SIZE_QUOTA,
                        "Invalid size_quota",
                        format!("size_quota is {n}; IAM's trust policy quota is a whole number from {TRUST_POLICY_DEFAULT_LIMIT} (the default) to {TRUST_POLICY_MAX_LIMIT}."),
                    );
                    SizeLimit { characters: TRUST_POLICY_DEFAULT_LIMIT, quota }
                }
            }
        }
    }
}

/// The computed attributes of every document data source.
pub(super) fn output_attributes() -> Vec<Attribute> {
    vec![
        Attribute::computed(args::JSON, Type::String, "The policy document, 2-space indented, in a stable order."),
        Attribute::computed(args::MINIFIED_JSON, Type::String, "The same document without whitespace."),
        Attribute::computed(args::SIZE, Type::Number, "Non-whitespace characters, as IAM counts them against its quotas."),
        Attribute::computed(
            args::ALLOWS,
            Type::list(allows_type()),
            "What the document allows: the role's requests (see \"What this role allows\" below) for this configuration, each evaluated on `json`, additions included, by the provider's built-in IAM evaluator, with no AWS call. \
             Each is `label`, `principal`, `action`, `resource`, `context` (the condition keys, a multivalued key's values joined by commas), \
             `expected` (whether the role needs it allowed: false for a neighbour, such as another application's index) and `allowed` (whether this document allows it). \
             Assert on effect in `terraform test` or a policy engine: `alltrue([for r in data.x.allows : r.allowed == r.expected])`. \
             The document alone decides: a KMS key's policy, a bucket's policy or the caller's own permissions are not consulted, and a trust, bucket or key policy that names only the caller's account (its root) leaves the decision to that account's IAM policies, so alone it does not allow. \
             The rows make an instance's state several times the document's size, and Terraform's work per instance grows with it: with hundreds of documents, \
             `qbusiness_application_roles`, which leaves `allows` out, plans several times faster (BENCHMARKS.md).",
        ),
    ]
}

/// One request of `allows`: also what a policy check takes as its `requests`.
pub(super) fn allows_type() -> Type {
    Type::object([
        (String::from(args::LABEL), Type::String),
        (String::from(args::PRINCIPAL), Type::String),
        (String::from(args::ACTION), Type::String),
        (String::from(args::RESOURCE), Type::String),
        (String::from(args::CONTEXT), Type::map(Type::String)),
        (String::from(args::EXPECTED), Type::Bool),
        (String::from(args::ALLOWED), Type::Bool),
    ])
}

/// The role's requests for this configuration, each with what `document` decides: an error
/// diagnostic, never a silent row, when the evaluator cannot read the document.
fn allows(inputs: &mut Inputs<'_>, family: &Family, kind: DocumentKind, document: &PolicyDocument) -> Option<Value> {
    let arguments = inputs.texts();
    let role = family.kind_of(&|name| arguments.get(&name).map(String::as_str));
    let values = Placeholders::of(&arguments, role, inputs.scope.as_ref());
    let mut rows = Vec::new();
    for role_request in family.requests(&arguments, role, &values) {
        let request = &role_request.request;
        // A resource policy (trust, bucket, key) that names only the caller's account defers to
        // that account's IAM policies, which are not here: alone, it does not allow.
        let decided = match kind {
            DocumentKind::Permissions => decide(&[document], None, None, request),
            DocumentKind::Trust | DocumentKind::Resource => decide(&[], Some(document), None, request),
        };
        let decision = match decided {
            Ok(decision) => decision,
            Err(error) => {
                inputs
                    .diagnostics
                    .push(Diagnostic::error("Document the evaluator cannot read", format!("{error}; `allows` cannot be computed.")));
                return None;
            }
        };
        let context = request.context.iter().map(|(key, value)| (key.to_owned(), Value::string(value.values().join(",")))).collect();
        rows.push(Value::object([
            (args::LABEL, Value::string(role_request.expectation.label)),
            (args::PRINCIPAL, request.caller.as_ref().map_or(Value::Null, |c| Value::string(&c.id))),
            (args::ACTION, Value::string(&request.action)),
            (args::RESOURCE, request.resource.as_deref().map_or(Value::Null, Value::string)),
            (args::CONTEXT, Value::Map(context)),
            (args::EXPECTED, Value::Bool(role_request.expectation.allowed)),
            (args::ALLOWED, Value::Bool(decision == Decision::Allowed)),
        ]));
    }
    Some(Value::List(rows))
}

/// Checks the role's document, merges the additions (each already checked where it was read),
/// measures and renders; the state is the configuration with `json`, `minified_json`, `size` and
/// `allows` (empty when no request table is asked for).
fn render(
    inputs: &mut Inputs<'_>,
    document: PolicyDocument,
    additions: &Additions,
    kind: DocumentKind,
    limit: SizeLimit,
    requests: Option<&Family>,
) -> Option<Value> {
    // The role's document holds user values too (client ids, names), so it is checked like the rest.
    let found = problems(&document, kind);
    if let Some(problem) = found.first() {
        let summary = problem_summary(problem, &format!("Invalid {kind}"));
        let detail = format!("statement {}: {}", problem.statement.map_or("-".into(), |s| s.to_string()), problem.message);
        inputs.diagnostics.push(Diagnostic::error(summary, detail));
        return None;
    }
    let document = match merge(document, additions) {
        Ok(document) => document,
        Err(error) => {
            let MergeError::DuplicateSid { origin, .. } = &error;
            let path = match origin {
                Origin::Source(i) => inputs.path_of(args::SOURCE_POLICY_DOCUMENTS).then_index(*i),
                Origin::Statement(i) => inputs.path_of(args::STATEMENT).then_index(*i).then_attribute(args::SID),
            };
            inputs.diagnostics.push(Diagnostic::error("Conflicting statement ids", error.to_string()).at(path));
            return None;
        }
    };
    let json = document.to_pretty_json();
    let minified = document.to_minified_json();
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
    let allows = match requests {
        Some(family) => allows(inputs, family, kind, &document)?,
        None => Value::List(Vec::new()),
    };
    let mut state = inputs.config().as_map().cloned().unwrap_or_default();
    state.insert(args::ALLOWS.into(), allows);
    state.insert(args::JSON.into(), Value::String(json));
    state.insert(args::MINIFIED_JSON.into(), Value::String(minified));
    state.insert(args::SIZE.into(), Value::Number(size as f64));
    Some(Value::Map(state))
}

#[cfg(test)]
mod tests {
    use crate::catalog::arguments::{self as args, Name};
    use crate::plugin::Value;
    use crate::provider::testing::{self, list, read, s, ACCOUNT_ID, APPLICATION_ID};

    const TYPE: &str = super::super::application_policy::DESCRIPTOR.type_name;

    fn id_of(attributes: &[(Name, Value)]) -> Option<String> {
        let json: serde_json::Value = serde_json::from_str(&read(TYPE, attributes).json?).ok()?;
        json.get("Id").and_then(|id| id.as_str()).map(str::to_owned)
    }

    #[test]
    fn the_id_comes_from_policy_id_else_the_last_document_that_has_one() {
        let source = |id: &str| {
            format!(
                r#"{{"Version":"2012-10-17","Id":"{id}","Statement":[{{"Sid":"S{id}","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}]}}"#
            )
        };
        assert_eq!(id_of(&[]), None);
        assert_eq!(id_of(&[(args::SOURCE_POLICY_DOCUMENTS, list(&[&source("a"), &source("b")]))]), Some("b".into()));
        assert_eq!(
            id_of(&[(args::SOURCE_POLICY_DOCUMENTS, list(&[&source("a")])), (args::OVERRIDE_POLICY_DOCUMENTS, list(&[&source("c")]))]),
            Some("c".into())
        );
        assert_eq!(id_of(&[(args::SOURCE_POLICY_DOCUMENTS, list(&[&source("a")])), (args::POLICY_ID, s("mine"))]), Some("mine".into()));
    }

    #[test]
    fn a_policy_id_outside_latin1_is_an_error() {
        let outcome = read(TYPE, &[(args::POLICY_ID, s("caf\u{e9}\u{2013}"))]);
        assert_eq!(outcome.json, None);
        assert_eq!(
            outcome.diagnostics,
            ["error policy_id | Character not allowed in IAM policies | '–' (U+2013) is not allowed in IAM policies, which accept only tab, newline, carriage return and U+0020 to U+00FF"]
        );
    }

    /// `allows` as (label, resource, expected, allowed), in the table's order.
    fn allows(attributes: &[(Name, Value)]) -> Vec<(String, String, bool, bool)> {
        testing::allows(TYPE, attributes).into_iter().map(|r| (r.label, r.resource, r.expected, r.allowed)).collect()
    }

    #[test]
    fn allows_evaluates_the_roles_requests_on_the_document_the_users_statements_included() {
        let app = format!("arn:aws:logs:us-east-1:{ACCOUNT_ID}:log-group:/aws/qbusiness/{APPLICATION_ID}");
        let row = |label: &str, resource: &str, expected: bool, allowed: bool| (label.to_owned(), resource.to_owned(), expected, allowed);
        let as_needed = vec![
            row("put metrics in AWS/QBusiness", "*", true, true),
            row("put metrics in another namespace", "*", false, false),
            row("create its log group", &app, true, true),
            row("write its logs", &format!("{app}:log-stream:chat"), true, true),
            row(
                "create another service's log group",
                &format!("arn:aws:logs:us-east-1:{ACCOUNT_ID}:log-group:/aws/lambda/fn"),
                false,
                false,
            ),
            row(
                "write logs in another account",
                &format!("arn:aws:logs:us-east-1:999999999999:log-group:/aws/qbusiness/{APPLICATION_ID}:log-stream:chat"),
                false,
                false,
            ),
            row("delete its log group", &app, false, false),
            row(
                "manage subscriptions without user_subscriptions",
                &format!("arn:aws:qbusiness:us-east-1:{ACCOUNT_ID}:application/{APPLICATION_ID}/subscription/s1"),
                false,
                false,
            ),
        ];
        let base = [(args::APPLICATION_ID, s(APPLICATION_ID))];
        assert_eq!(allows(&base), as_needed);
        // A user's statement that widens the document shows in `allowed`, not in `expected`.
        let widened = Value::List(vec![Value::object([
            (args::SID, s("AllLogs")),
            (args::ACTIONS, list(&["logs:*"])),
            (args::RESOURCES, list(&["*"])),
        ])]);
        let wider: Vec<_> = as_needed
            .iter()
            .cloned()
            .map(|(label, resource, expected, allowed)| {
                let logs = label.contains("log");
                (label, resource, expected, allowed || logs)
            })
            .collect();
        assert_eq!(allows(&[base[0].clone(), (args::STATEMENT, widened)]), wider);
    }
}
