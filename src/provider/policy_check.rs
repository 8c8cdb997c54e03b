//! Data source `qbusiness_policy_check` and its twin `check_policy`: a policy in place (a role's
//! trust or permissions policy as an estate has it) against the provider's document for the same
//! role — what breaks (`missing`), what is wider (`excess`), Access Analyzer's findings and the
//! errata it repeats.

use std::collections::BTreeSet;

use crate::catalog::arguments as args;
use crate::catalog::errata;
use crate::plugin::{Attribute, Type, Value};
use crate::policy::compare::{compare, Difference};
use crate::policy::evaluate::{Caller, Context, ContextValue, Request};
use crate::policy::findings::findings;
use crate::policy::{DocumentKind, PolicyDocument};

use super::descriptor::{Body, Descriptor, FunctionTwin};
use super::document::allows_type;
use super::inputs::Inputs;
use super::{Outcome, Phase};

/// The data source `qbusiness_policy_check`.
pub static DESCRIPTOR: Descriptor = Descriptor {
    type_name: "qbusiness_policy_check",
    description: "Checks a policy an estate already has against the provider's document for the same role, offline: the requests the provider's document allows and the policy denies (`missing`: what breaks at run time), the requests the policy allows and the provider's document denies (`excess`: what is wider than needed), Access Analyzer's findings on the policy, and the errata rows it repeats. Both are decided by the built-in IAM evaluator over a universe of requests made from the two documents: every action either names (wildcards expanded within the services they name, plus `iam:PassRole`, `iam:CreateRole`, `s3:DeleteBucket`, `kms:ScheduleKeyDeletion`, `qbusiness:DeleteApplication`, `sts:AssumeRole`), each resource with its neighbours (another account, region, application, index, bucket, key), each condition value and its neighbours, and each principal with a neighbour in another account — an equivalence over this universe, not a proof over every request. Differences are warnings at plan, never errors, so `check` blocks and `terraform test` assertions can read the outputs; only input that is not a policy is an error. See the [adoption guide](../guides/adopting-existing-roles.md).",
    function: FunctionTwin {
        name: "check_policy",
        selector: None,
        output: args::CHECK,
        summary: "Checks a policy in place against the provider's document: equivalent, missing, excess, findings, summary.",
    },
    requests: None,
    body: Body::Other { schema, read },
};

fn request_type() -> Type {
    Type::object([
        (String::from(args::ACTION), Type::String),
        (String::from(args::RESOURCE), Type::String),
        (String::from(args::PRINCIPAL), Type::String),
        (String::from(args::CONTEXT), Type::map(Type::String)),
        (String::from(args::STATEMENT), Type::String),
    ])
}

fn finding_type() -> Type {
    Type::object([
        (String::from(args::CODE), Type::String),
        (String::from(args::SEVERITY), Type::String),
        (String::from(args::STATEMENT), Type::String),
        (String::from(args::MESSAGE), Type::String),
    ])
}

fn check_type() -> Type {
    Type::object([
        (String::from(args::EQUIVALENT), Type::Bool),
        (String::from(args::MISSING), Type::list(request_type())),
        (String::from(args::EXCESS), Type::list(request_type())),
        (String::from(args::FINDINGS), Type::list(finding_type())),
        (String::from(args::SUMMARY), Type::String),
    ])
}

const REQUEST_FIELDS: &str = "`action`, `resource` (null for a trust policy), `principal` (null for a permissions policy), `context` (the condition keys, a multivalued key's values joined by commas) and `statement` (the Sid, or `Statement[i]`, of the policy's statement that allowed or explicitly denied it; null when none applies)";

fn schema() -> Vec<Attribute> {
    vec![
        Attribute::required(
            args::POLICY,
            Type::String,
            "The policy in place, as JSON: `aws_iam_role.x.assume_role_policy`, an `aws_iam_policy` data source's `policy`, a `file()`.",
        ),
        Attribute::required(args::EXPECTED, Type::String, "The provider's document for the same role, from any qbusiness data source's `json` or function."),
        Attribute::optional(args::KIND, Type::String, "`permissions` (default), `trust` or `resource` (a bucket or key policy)."),
        Attribute::optional(
            args::REQUESTS,
            Type::list(allows_type()),
            "The role's own requests: the `allows` of the data source `expected` comes from (`requests = data.qbusiness_connector_policy.s3.allows`). They join the universe, so the check also covers every call that role makes and their neighbours as its request table names them.",
        ),
        Attribute::computed(args::EQUIVALENT, Type::Bool, "Whether the two allow the same requests of the universe: no `missing`, no `excess`."),
        Attribute::computed(args::MISSING, Type::list(request_type()), &format!("The requests `expected` allows and `policy` denies: what breaks at run time. One per action, resource and principal: {REQUEST_FIELDS}.")),
        Attribute::computed(args::EXCESS, Type::list(request_type()), &format!("The requests `policy` allows and `expected` denies: what is wider than needed. Same fields as `missing`.")),
        Attribute::computed(
            args::FINDINGS,
            Type::list(finding_type()),
            "Access Analyzer's findings on `policy` ([policy checks](../guides/policy-checks.md)) and the errata rows it repeats (code `QBUSINESS_ERRATA_<row>`, [errata](../guides/errata.md)): `code`, `severity` (`error`, `security warning`, `warning`, `suggestion`), `statement` (Sid or `Statement[i]`; null for the document) and `message`.",
        ),
        Attribute::computed(args::SUMMARY, Type::String, "One line: equivalent or not, the counts, and the first missing and excess request."),
        Attribute::computed(args::CHECK, check_type(), "All of the above in one object: what `provider::qbusiness::check_policy` returns."),
    ]
}

fn document_kind(inputs: &mut Inputs<'_>) -> Option<DocumentKind> {
    if inputs.raw(args::KIND).is_unknown() {
        return None;
    }
    let Some(name) = inputs.string(args::KIND) else { return Some(DocumentKind::Permissions) };
    let found = DocumentKind::ALL.into_iter().find(|k| k.name() == name);
    if found.is_none() {
        inputs.error(
            args::KIND,
            "Unknown kind",
            format!("{name:?} is not a kind of policy; valid are permissions, trust and resource, e.g. kind = \"trust\"."),
        );
    }
    found
}

fn parsed(inputs: &mut Inputs<'_>, name: args::Name) -> Option<PolicyDocument> {
    let text = inputs.string(name)?;
    match PolicyDocument::from_json(text) {
        Ok(document) => Some(document),
        Err(error) => {
            inputs.error(name, &format!("Invalid {name}"), format!("{name} is not an IAM policy document: {error}"));
            None
        }
    }
}

fn statement_name(policy: &PolicyDocument, index: Option<usize>) -> Value {
    index.map_or(Value::Null, |i| Value::string(policy.statements[i].sid.clone().unwrap_or_else(|| format!("Statement[{i}]"))))
}

/// One object per distinct action, resource and principal, with the first context seen.
fn requests(policy: &PolicyDocument, differences: &[Difference]) -> Vec<Value> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for difference in differences {
        let request = &difference.request;
        let principal = request.caller.as_ref().map(|c| c.id.clone());
        if !seen.insert((request.action.clone(), request.resource.clone(), principal.clone())) {
            continue;
        }
        let context = request.context.iter().map(|(key, value)| (key.to_owned(), Value::string(value.values().join(",")))).collect();
        out.push(Value::object([
            (args::ACTION, Value::string(&request.action)),
            (args::RESOURCE, request.resource.as_deref().map_or(Value::Null, Value::string)),
            (args::PRINCIPAL, principal.map_or(Value::Null, Value::string)),
            (args::CONTEXT, Value::Map(context)),
            (args::STATEMENT, statement_name(policy, difference.statement)),
        ]));
    }
    out
}

fn describe(request: &Value) -> String {
    let text = |name| request.attribute(name).as_str().map(str::to_owned);
    let mut out = text(args::ACTION).unwrap_or_default();
    if let Some(resource) = text(args::RESOURCE) {
        out.push_str(&format!(" on {resource}"));
    }
    if let Some(principal) = text(args::PRINCIPAL) {
        out.push_str(&format!(" by {principal}"));
    }
    out
}

/// The requests of an `allows` list, as the evaluator takes them; a multivalued key's values
/// were joined by commas. A permissions policy's requests go without their caller, as the
/// universe's do, so that one call is one row of `missing` or `excess`.
fn role_requests(rows: &Value, kind: DocumentKind) -> Vec<Request> {
    let rows = rows.as_list().unwrap_or_default();
    rows.iter()
        .filter_map(|row| {
            let text = |name| row.attribute(name).as_str().map(str::to_owned);
            let context: Context = row
                .attribute(args::CONTEXT)
                .as_map()
                .into_iter()
                .flatten()
                .filter_map(|(key, value)| {
                    let value = value.as_str()?;
                    let value = match ContextValue::one(key, value) {
                        ContextValue::Multi(_) => ContextValue::Multi(value.split(',').map(str::to_owned).collect()),
                        single => single,
                    };
                    Some((key.as_str(), value))
                })
                .collect();
            Some(Request {
                caller: text(args::PRINCIPAL).filter(|_| kind != DocumentKind::Permissions).map(|p| Caller::named(&p)),
                action: text(args::ACTION)?,
                // A trust policy names no resource: its requests are the universe's, without one.
                resource: text(args::RESOURCE).filter(|_| kind != DocumentKind::Trust),
                context,
            })
        })
        .collect()
}

fn read(inputs: &mut Inputs<'_>, phase: Phase<'_>) -> Outcome {
    let kind = document_kind(inputs);
    let policy = parsed(inputs, args::POLICY);
    let expected = parsed(inputs, args::EXPECTED);
    if inputs.has_errors() {
        return Outcome::Invalid;
    }
    let unknown = [args::POLICY, args::EXPECTED, args::KIND, args::REQUESTS].iter().any(|n| inputs.raw(*n).is_unknown());
    if unknown {
        return Outcome::Unknown;
    }
    let (Some(kind), Some(policy), Some(expected)) = (kind, policy, expected) else { return Outcome::Invalid };
    if matches!(phase, Phase::Validate) {
        return Outcome::Checked;
    }
    let comparison = match compare(&policy, &expected, kind, &role_requests(inputs.raw(args::REQUESTS), kind)) {
        Ok(comparison) => comparison,
        Err(error) => {
            inputs.error(args::POLICY, "Invalid policy", format!("policy cannot be evaluated: {error}"));
            return Outcome::Invalid;
        }
    };
    let missing = requests(&policy, &comparison.missing);
    let excess = requests(&policy, &comparison.excess);
    let mut found: Vec<Value> = findings(&policy, kind)
        .into_iter()
        .map(|f| {
            Value::object([
                (args::CODE, Value::string(f.check.code)),
                (args::SEVERITY, Value::string(f.check.finding_type.as_str())),
                (args::STATEMENT, statement_name(&policy, f.statement)),
                (args::MESSAGE, Value::string(f.message)),
            ])
        })
        .collect();
    found.extend(errata::matches(&policy, &comparison.missing).into_iter().map(|e| {
        Value::object([
            (args::CODE, Value::string(format!("QBUSINESS_ERRATA_{}", e.row))),
            (args::SEVERITY, Value::string("warning")),
            (args::STATEMENT, statement_name(&policy, e.statement)),
            (args::MESSAGE, Value::string(format!("errata {}: {}", e.row, e.message))),
        ])
    }));
    let equivalent = comparison.equivalent();
    let first = |list: &[Value]| list.first().map(describe).unwrap_or_default();
    let summary = if equivalent {
        format!("equivalent over {} requests; {} findings", comparison.requests, found.len())
    } else {
        let mut parts = Vec::new();
        if !missing.is_empty() {
            parts.push(format!("{} missing (first: {})", missing.len(), first(&missing)));
        }
        if !excess.is_empty() {
            parts.push(format!("{} excess (first: {})", excess.len(), first(&excess)));
        }
        format!("not equivalent over {} requests: {}; {} findings", comparison.requests, parts.join(", "), found.len())
    };
    if !missing.is_empty() {
        inputs.warning(
            args::POLICY,
            "The policy denies what the role needs",
            format!(
                "{} requests the provider's document allows are denied by the policy, first {}; they fail at run time. See `missing`.",
                missing.len(),
                first(&missing)
            ),
        );
    }
    if !excess.is_empty() {
        inputs.warning(
            args::POLICY,
            "The policy allows more than the role needs",
            format!(
                "{} requests the provider's document denies are allowed by the policy, first {}. See `excess`.",
                excess.len(),
                first(&excess)
            ),
        );
    }
    let check = Value::object([
        (args::EQUIVALENT, Value::Bool(equivalent)),
        (args::MISSING, Value::List(missing.clone())),
        (args::EXCESS, Value::List(excess.clone())),
        (args::FINDINGS, Value::List(found.clone())),
        (args::SUMMARY, Value::string(&summary)),
    ]);
    let mut state = inputs.config().as_map().cloned().unwrap_or_default();
    if state.get(args::KIND.as_str()).is_none_or(Value::is_null) {
        state.insert(args::KIND.into(), Value::string(kind.name()));
    }
    state.insert(args::EQUIVALENT.into(), Value::Bool(equivalent));
    state.insert(args::MISSING.into(), Value::List(missing));
    state.insert(args::EXCESS.into(), Value::List(excess));
    state.insert(args::FINDINGS.into(), Value::List(found));
    state.insert(args::SUMMARY.into(), Value::string(summary));
    state.insert(args::CHECK.into(), check);
    Outcome::State(Value::Map(state))
}

#[cfg(test)]
mod tests {
    use crate::catalog::arguments as args;
    use crate::plugin::Value;
    use crate::provider::descriptor::{CONNECTOR_POLICY, TRUST_POLICY};
    use crate::provider::testing::{read, s, APPLICATION_ID, INDEX_ID, KEY_ARN};

    const TYPE: &str = super::DESCRIPTOR.type_name;
    const APP: &str = "arn:aws:qbusiness:us-east-1:123456789012:application/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111";

    /// The policy in place with one statement of the golden document changed by `edit`.
    fn edited(golden: &str, edit: impl FnOnce(&mut serde_json::Value)) -> String {
        let mut document: serde_json::Value = serde_json::from_str(golden).unwrap();
        edit(&mut document);
        document.to_string()
    }

    fn check(policy: &str, expected: &str, kind: &str) -> Value {
        let outcome = read(TYPE, &[(args::POLICY, s(policy)), (args::EXPECTED, s(expected)), (args::KIND, s(kind))]);
        outcome.state.unwrap_or_else(|| panic!("no state: {:?}", outcome.diagnostics))
    }

    fn codes(state: &Value) -> Vec<String> {
        state.attribute(args::FINDINGS).as_list().unwrap().iter().map(|f| f.attribute(args::CODE).as_str().unwrap().to_owned()).collect()
    }

    fn requests(state: &Value, name: args::Name) -> Vec<String> {
        let list = state.attribute(name).as_list().unwrap();
        list.iter()
            .map(|r| format!("{} {}", r.attribute(args::ACTION).as_str().unwrap(), r.attribute(args::RESOURCE).as_str().unwrap_or("-")))
            .collect()
    }

    #[test]
    fn a_golden_document_checked_against_itself_is_equivalent_with_no_finding() {
        for (golden, kind) in [
            (include_str!("../../tests/golden/connector-s3-all.json"), "permissions"),
            (include_str!("../../tests/golden/web-experience-default.json"), "permissions"),
            (include_str!("../../tests/golden/application-default.json"), "permissions"),
            (include_str!("../../tests/golden/trust-connector.json"), "trust"),
        ] {
            let state = check(golden, golden, kind);
            assert_eq!(state.attribute(args::EQUIVALENT), &Value::Bool(true), "{}", state.attribute(args::SUMMARY).as_str().unwrap());
            assert_eq!(codes(&state), Vec::<String>::new());
        }
    }

    #[test]
    fn a_trust_without_its_source_arn_is_wider_and_a_security_warning() {
        let golden = include_str!("../../tests/golden/trust-connector.json");
        let loose = edited(golden, |d| d["Statement"][0].as_object_mut().unwrap().remove("Condition").map(|_| ()).unwrap());
        let state = check(&loose, golden, "trust");
        assert_eq!(state.attribute(args::MISSING), &Value::List(vec![]));
        assert!(!state.attribute(args::EXCESS).as_list().unwrap().is_empty());
        assert_eq!(codes(&state), ["RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL"]);
        let statement = state.attribute(args::EXCESS).as_list().unwrap()[0].attribute(args::STATEMENT).clone();
        assert_eq!(statement, s("AllowsAmazonQToAssumeRoleForServicePrincipal"));
    }

    /// A trust's `allows` rows name the role as their resource; checked as a trust, they lose it as
    /// the universe's own trust requests have none, and the two do not show twice.
    #[test]
    fn a_trusts_own_requests_have_no_resource_and_join_the_universes() {
        let trust = read(TRUST_POLICY.type_name, &[(args::KIND, s("connector")), (args::APPLICATION_ID, s(APPLICATION_ID))]);
        let state = trust.state.expect("a trust policy");
        let (golden, allows) = (state.attribute(args::JSON).as_str().unwrap().to_owned(), state.attribute(args::ALLOWS).clone());
        let loose = edited(&golden, |d| d["Statement"][0].as_object_mut().unwrap().remove("Condition").map(|_| ()).unwrap());
        let checked = |requests: &Value| {
            let attributes =
                [(args::POLICY, s(&loose)), (args::EXPECTED, s(&golden)), (args::KIND, s("trust")), (args::REQUESTS, requests.clone())];
            let outcome = read(TYPE, &attributes);
            outcome.state.unwrap_or_else(|| panic!("no state: {:?}", outcome.diagnostics))
        };
        let with = checked(&allows);
        let excess = with.attribute(args::EXCESS).as_list().unwrap().to_vec();
        assert!(!excess.is_empty());
        assert_eq!(excess.iter().filter(|r| !r.attribute(args::RESOURCE).is_null()).count(), 0, "{excess:?}");
        let mut seen: Vec<String> =
            excess.iter().map(|r| format!("{:?} {:?}", r.attribute(args::PRINCIPAL), r.attribute(args::CONTEXT))).collect();
        let rows = seen.len();
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), rows, "a request shown twice: {excess:?}");
    }

    #[test]
    fn get_web_experience_on_the_application_only_is_missing_and_errata_w2() {
        let golden = include_str!("../../tests/golden/web-experience-default.json");
        let narrow = edited(golden, |d| d["Statement"][0]["Resource"] = serde_json::json!(APP));
        let state = check(&narrow, golden, "permissions");
        let missing = requests(&state, args::MISSING);
        assert!(missing.contains(&format!("qbusiness:GetWebExperience {APP}/web-experience/example")), "{missing:?}");
        assert!(codes(&state).contains(&"QBUSINESS_ERRATA_W2".to_owned()), "{:?}", codes(&state));
    }

    #[test]
    fn the_dead_data_source_arn_and_ingest_on_the_index_only_are_errata() {
        let golden = include_str!("../../tests/golden/connector-s3-all.json");
        let index = format!("{APP}/index/b1b2c3d4-5678-90ab-cdef-EXAMPLE22222");
        let hand_written = edited(golden, |d| {
            for statement in d["Statement"].as_array_mut().unwrap() {
                match statement["Sid"].as_str().unwrap() {
                    "AllowsAmazonQToIngestDocuments" => statement["Resource"] = serde_json::json!(index),
                    "AllowsAmazonQToIngestPrincipalMapping" => {
                        statement["Resource"].as_array_mut().unwrap().push(serde_json::json!(format!("{index}/data-source/*")))
                    }
                    _ => {}
                }
            }
        });
        let state = check(&hand_written, golden, "permissions");
        assert!(requests(&state, args::MISSING).contains(&format!("qbusiness:BatchPutDocument {APP}")));
        assert_eq!(codes(&state), ["QBUSINESS_ERRATA_C3", "QBUSINESS_ERRATA_C2"]);
    }

    #[test]
    fn decrypt_without_via_service_or_with_a_foreign_key() {
        let golden = include_str!("../../tests/golden/connector-s3-all.json");
        let key = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        let decrypting = |d: &mut serde_json::Value, edit: &dyn Fn(&mut serde_json::Value)| {
            for statement in d["Statement"].as_array_mut().unwrap() {
                if statement["Action"] == "kms:Decrypt" {
                    edit(statement);
                }
            }
        };
        let without_via = edited(golden, |d| decrypting(d, &|st| drop(st.as_object_mut().unwrap().remove("Condition"))));
        let state = check(&without_via, golden, "permissions");
        assert_eq!(state.attribute(args::MISSING), &Value::List(vec![]));
        let excess = state.attribute(args::EXCESS).as_list().unwrap();
        assert!(
            excess.iter().any(|r| r.attribute(args::ACTION) == &s("kms:Decrypt") && r.attribute(args::RESOURCE) == &s(key)),
            "{excess:?}"
        );
        let foreign = edited(golden, |d| {
            decrypting(d, &|st| st["Resource"] = serde_json::json!("arn:aws:kms:us-east-1:111122223333:key/placeholder"))
        });
        let state = check(&foreign, golden, "permissions");
        assert!(requests(&state, args::MISSING).contains(&format!("kms:Decrypt {key}")));
    }

    #[test]
    fn q_apps_statements_that_grant_nothing_are_errata_w3() {
        let golden = include_str!("../../tests/golden/web-experience-default.json");
        let old = edited(golden, |d| {
            let statements = d["Statement"].as_array_mut().unwrap();
            statements.push(serde_json::json!({"Sid": "QAppsOld", "Effect": "Allow", "Action": "qapps:ImportDocumentToQApp", "Resource": format!("arn:aws:qapps:us-east-1:123456789012:application/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111/qapp/*")}));
        });
        let state = check(&old, golden, "permissions");
        assert!(codes(&state).contains(&"QBUSINESS_ERRATA_W3".to_owned()), "{:?}", codes(&state));
    }

    #[test]
    fn input_that_is_not_a_policy_is_the_only_error() {
        let golden = include_str!("../../tests/golden/trust-connector.json");
        let outcome = read(TYPE, &[(args::POLICY, s("{\"Version\":\"2012-10-17\"}")), (args::EXPECTED, s(golden))]);
        assert_eq!(outcome.diagnostics, ["error policy | Invalid policy | policy is not an IAM policy document: Statement: must be a statement object or a list of them"]);
        let outcome = read(TYPE, &[(args::POLICY, s(golden)), (args::EXPECTED, s(golden)), (args::KIND, s("role"))]);
        assert_eq!(outcome.diagnostics, ["error kind | Unknown kind | \"role\" is not a kind of policy; valid are permissions, trust and resource, e.g. kind = \"trust\"."]);
    }

    /// The role's own requests (a data source's `allows`) join the universe: a key usable through
    /// any service shows as excess with the table's own neighbour, decryption through Secrets
    /// Manager, which no document names.
    #[test]
    fn the_roles_requests_join_the_universe() {
        let connector = read(
            CONNECTOR_POLICY.type_name,
            &[
                (args::CONNECTOR, s("s3")),
                (args::APPLICATION_ID, s(APPLICATION_ID)),
                (args::INDEX_ID, s(INDEX_ID)),
                (args::BUCKET, s("my-docs")),
                (args::KMS_KEY_ARN, s(KEY_ARN)),
            ],
        );
        let state = connector.state.expect("a connector policy");
        let (expected, allows) = (state.attribute(args::JSON).as_str().unwrap().to_owned(), state.attribute(args::ALLOWS).clone());
        let any_service = edited(&expected, |d| {
            for statement in d["Statement"].as_array_mut().unwrap() {
                if statement["Action"] == "kms:Decrypt" {
                    statement["Condition"] = serde_json::json!({"StringLike": {"kms:ViaService": "*"}});
                }
            }
        });
        let checked = |requests: &Value| {
            let attributes = [(args::POLICY, s(&any_service)), (args::EXPECTED, s(&expected)), (args::REQUESTS, requests.clone())];
            let outcome = read(TYPE, &attributes);
            outcome.state.unwrap_or_else(|| panic!("no state: {:?}", outcome.diagnostics))
        };
        let via = |state: &Value| -> Vec<String> {
            let excess = state.attribute(args::EXCESS).as_list().unwrap();
            excess.iter().filter_map(|r| r.attribute(args::CONTEXT).attribute("kms:ViaService").as_str().map(str::to_owned)).collect()
        };
        assert_eq!(via(&checked(&allows)), ["secretsmanager.us-east-1.amazonaws.com"]);
        assert!(!via(&checked(&Value::Null)).contains(&"secretsmanager.us-east-1.amazonaws.com".to_owned()));
    }
}
