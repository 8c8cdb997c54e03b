//! Every golden document proven request by request: the calls its role makes are allowed, their
//! neighbours denied, as an independent IAM policy simulator (`@cloud-copilot/iam-simulate`, a test
//! tool `make test` installs into node_modules) evaluates them. The requests are the catalog's
//! tables (`catalog::requests`); a mismatch names the role, the case and the request.

mod common;

use std::collections::BTreeMap;
use terraform_provider_qbusiness::catalog::arguments::{self as args, Name};

use common::cases::{self, Case};
use common::simulation::{ours, simulate};
use terraform_provider_qbusiness::catalog::examples::{
    ACCOUNT_ID, APPLICATION_ID, BUCKET_OWNER_ID, KMS_KEY_ARN, OTHER_ACCOUNT_ID, OTHER_ID, REGION, SECRET_ARN, WEB_EXPERIENCE_ID,
};
use terraform_provider_qbusiness::catalog::requests::Expectation;
use terraform_provider_qbusiness::plugin::Value;
use terraform_provider_qbusiness::policy::DocumentKind;
use terraform_provider_qbusiness::provider::descriptor::descriptor;

/// The case's arguments as text (lists joined by commas), for the rows' conditions and placeholders.
fn arguments(case: &Case) -> BTreeMap<Name, String> {
    case.attributes
        .iter()
        .filter_map(|(name, value)| {
            let text = match value {
                Value::String(s) => s.clone(),
                Value::Bool(b) => b.to_string(),
                Value::List(items) => items.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(","),
                _ => return None,
            };
            Some((*name, text))
        })
        .collect()
}

/// The values of a case's placeholders: its own ids, else the defaults the golden cases use.
fn placeholders(arguments: &BTreeMap<Name, String>, kind: Option<&str>) -> BTreeMap<&'static str, String> {
    let get = |name: Name| arguments.get(&name).cloned();
    let first =
        |name: Name, default: &str| get(name).map_or(default.to_owned(), |list| list.split(',').next().unwrap_or(default).to_owned());
    let application = get(args::APPLICATION_ID).unwrap_or_else(|| APPLICATION_ID.to_owned());
    let key = get(args::KMS_KEY_ARN).unwrap_or_else(|| KMS_KEY_ARN.to_owned());
    let secret = get(args::SECRET_ARN).unwrap_or_else(|| SECRET_ARN.to_owned());
    let oidc = get(args::OIDC_PROVIDER_ARN).unwrap_or_default();
    let saml = get(args::SAML_PROVIDER_ARN).unwrap_or_default();
    let service = match kind {
        Some("oidc_secret" | "web_experience_identity_center" | "web_experience_anonymous") => "application.qbusiness.amazonaws.com",
        _ => "qbusiness.amazonaws.com",
    };
    let mut values: BTreeMap<&'static str, String> = BTreeMap::new();
    values.insert("partition", "aws".into());
    values.insert("region", REGION.into());
    values.insert("account", ACCOUNT_ID.into());
    values.insert("other_account", OTHER_ACCOUNT_ID.into());
    values.insert("other_id", OTHER_ID.into());
    values.insert("role", format!("arn:aws:iam::{ACCOUNT_ID}:role/qbusiness-role"));
    values.insert("source_arn", format!("arn:aws:qbusiness:{REGION}:{ACCOUNT_ID}:application/{application}"));
    values.insert("application", application);
    values.insert("index", get(args::INDEX_ID).unwrap_or_default());
    values.insert("web_experience", get(args::WEB_EXPERIENCE_ID).unwrap_or_else(|| WEB_EXPERIENCE_ID.to_owned()));
    values.insert("kendra_index", get(args::KENDRA_INDEX_ID).unwrap_or_default());
    values.insert("bucket", get(args::BUCKET).unwrap_or_default());
    let owner = get(args::BUCKET_ACCOUNT_ID).or_else(|| get(args::CONNECTOR_ROLE_ARN).map(|_| BUCKET_OWNER_ID.to_owned()));
    values.insert("bucket_owner", owner.unwrap_or_else(|| ACCOUNT_ID.to_owned()));
    values.insert("connector_role", get(args::CONNECTOR_ROLE_ARN).unwrap_or_default());
    values.insert("other_bucket", "someone-elses-bucket".into());
    values.insert("key_region", key.split(':').nth(3).unwrap_or(REGION).to_owned());
    values.insert(
        "other_key",
        key.rsplit_once('/').map(|(arn, _)| format!("{arn}/9999abcd-12ab-34cd-56ef-1234567890ab")).unwrap_or_default(),
    );
    values.insert("key", key);
    values.insert("other_secret", format!("arn:aws:secretsmanager:{REGION}:{ACCOUNT_ID}:secret:someone-else-ZyXwVu"));
    values.insert("secret", secret);
    values.insert("function", get(args::LAMBDA_FUNCTION_ARN).unwrap_or_default());
    values.insert("other_function", format!("arn:aws:lambda:{REGION}:{ACCOUNT_ID}:function:someone-else"));
    values.insert("certificate_bucket", get(args::SSL_CERTIFICATE_BUCKET).unwrap_or_default());
    values.insert("certificate_prefix", get(args::SSL_CERTIFICATE_KEY_PREFIX).unwrap_or_default());
    values.insert("seed_bucket", get(args::SEED_URLS_BUCKET).unwrap_or_default());
    values.insert("seed_prefix", get(args::SEED_URLS_KEY_PREFIX).unwrap_or_default());
    values.insert("subnet", first(args::SUBNET_IDS, "subnet-0123456789abcdef0"));
    values.insert("security_group", first(args::SECURITY_GROUP_IDS, "sg-0123456789abcdef0"));
    values.insert("service", service.into());
    values.insert("issuer", oidc.split_once("oidc-provider/").map(|(_, issuer)| issuer.to_owned()).unwrap_or_default());
    values.insert("client_id", first(args::CLIENT_IDS, ""));
    values.insert("web_experience_url", get(args::WEB_EXPERIENCE_URL).unwrap_or_default());
    values.insert("federated_provider", if saml.is_empty() { oidc.clone() } else { saml.clone() });
    values.insert("saml_provider", saml);
    values.insert("oidc_provider", oidc);
    // Any other argument stands for itself: `{identity_center_instance_arn}`.
    for (name, value) in arguments {
        values.entry(name.as_str()).or_insert_with(|| value.clone());
    }
    values
}

fn fill(template: &str, values: &BTreeMap<&'static str, String>) -> String {
    let mut text = template.to_owned();
    for (name, value) in values {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    assert!(!text.contains('{'), "unfilled placeholder in {template:?}: {text}");
    text
}

/// Requests the simulator cannot judge: (case, row label, why).
const SIMULATOR_GAPS: &[(&str, &str, &str)] = &[(
    "trust-web-experience-oidc",
    "users of the web experience, through OIDC",
    "the simulator knows the condition keys of well-known OIDC issuers only and ignores `login.example.com/tenant:aud`; \
     trust-web-experience-oidc-google proves the same statement with an issuer it knows",
)];

/// A KMS key's policy as AWS creates it by default: the account's IAM policies decide.
fn key_policy() -> serde_json::Value {
    serde_json::json!({"Version": "2012-10-17", "Statement": [{"Sid": "EnableIAMPolicies", "Effect": "Allow",
        "Principal": {"AWS": format!("arn:aws:iam::{ACCOUNT_ID}:root")}, "Action": "kms:*", "Resource": "*"}]})
}

/// A golden document, parsed.
fn golden(name: &str) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(common::repo().join("tests/golden").join(format!("{name}.json"))).unwrap()).unwrap()
}

/// One simulation per applicable row, and what it must give.
struct Proof {
    case: String,
    expectation: Expectation,
    request: serde_json::Value,
}

fn proofs_of(case: &Case) -> Vec<Proof> {
    let family = descriptor(case.data_source)
        .and_then(|d| d.requests)
        .unwrap_or_else(|| panic!("{}: no request table for {}", case.name, case.data_source));
    let arguments = arguments(case);
    let kind = family.kind_of(&|name| arguments.get(&name).map(String::as_str));
    let values = placeholders(&arguments, kind);
    let document = golden(&case.name);
    let value = |name: Name| arguments.get(&name).cloned();
    family
        .expectations
        .iter()
        .filter(|e| e.when.holds(&value, kind))
        .map(|expectation| {
            let context: serde_json::Map<String, serde_json::Value> = expectation
                .context
                .iter()
                .map(|(k, v)| {
                    let value = fill(v, &values);
                    // Multi-valued keys go as lists, as AWS sends them.
                    let value = if *k == "aws:TagKeys" { serde_json::json!([value]) } else { serde_json::json!(value) };
                    (fill(k, &values), value)
                })
                .collect();
            let principal = fill(expectation.principal, &values);
            // Who holds which policy: a permissions policy is the caller's (a KMS key adds its key
            // policy); a trust policy is the role's own resource policy; a bucket policy is the
            // bucket's, in its owner's account, with the connector role's policy on the caller; a key
            // policy is the key's, in the application's account, with no policy on the caller.
            let (identity, resource_policy, account) = match case.kind() {
                DocumentKind::Permissions if expectation.action.starts_with("kms:") => (vec![document.clone()], key_policy(), ACCOUNT_ID),
                DocumentKind::Permissions => (vec![document.clone()], serde_json::Value::Null, ACCOUNT_ID),
                DocumentKind::Trust => (vec![], document.clone(), ACCOUNT_ID),
                DocumentKind::Resource => {
                    let caller = if principal == values["connector_role"] { vec![golden("connector-s3-cross-account")] } else { vec![] };
                    (caller, document.clone(), values["bucket_owner"].as_str())
                }
            };
            let request = serde_json::json!({
                "principal": principal,
                "action": expectation.action,
                "resource": fill(expectation.resource, &values),
                "accountId": account,
                "context": context,
                "identityPolicies": identity,
                "resourcePolicy": resource_policy,
            });
            Proof { case: case.name.clone(), expectation: *expectation, request }
        })
        .collect()
}

#[test]
fn every_golden_document_allows_its_calls_and_denies_their_neighbours() {
    let simulator = common::repo().join("node_modules/@cloud-copilot/iam-simulate");
    assert!(simulator.is_dir(), "the IAM simulator is not installed: run `make test`, which installs it into node_modules");
    // The user's own statements widen a document on purpose; the roles' documents are proven.
    let all: Vec<Case> = cases::all().into_iter().filter(|c| !c.attributes.iter().any(|(k, _)| *k == args::STATEMENT)).collect();
    let proofs: Vec<Proof> = all.iter().flat_map(proofs_of).collect();
    for case in &all {
        let count = proofs.iter().filter(|p| p.case == case.name).count();
        assert!(count >= 3, "{}: only {count} requests prove it", case.name);
    }
    let results = simulate(&proofs.iter().map(|p| &p.request).collect::<Vec<_>>());
    let disagrees = |p: &Proof, result: &str| (result == "Allowed") != p.expectation.allowed || result.starts_with("Error");
    // Where the simulator cannot judge, each named with its reason; it must still disagree there,
    // so that a simulator which learns shows up here and the gap is removed.
    for (case, label, _why) in SIMULATOR_GAPS {
        let found = proofs.iter().zip(&results).find(|(p, _)| p.case == *case && p.expectation.label == *label);
        let (proof, result) = found.unwrap_or_else(|| panic!("no request {label:?} for {case}"));
        assert!(disagrees(proof, result), "the simulator now judges {case}: {label:?}; remove it from SIMULATOR_GAPS");
    }
    let failures: Vec<String> = proofs
        .iter()
        .zip(&results)
        .filter(|(p, _)| !SIMULATOR_GAPS.iter().any(|(case, label, _)| p.case == *case && p.expectation.label == *label))
        .filter(|(p, result)| disagrees(p, result))
        .map(|(p, result)| {
            format!(
                "{}: {:?} ({} {} {}) expected {}, simulator says {result}",
                p.case,
                p.expectation.label,
                p.request["principal"],
                p.expectation.action,
                p.request["resource"],
                if p.expectation.allowed { "Allowed" } else { "denied" }
            )
        })
        .collect();
    assert!(failures.is_empty(), "{} of {} requests disagree:\n{}", failures.len(), proofs.len(), failures.join("\n"));
    // The built-in evaluator judges every request, the simulator's gaps included.
    let ours_wrong: Vec<String> = proofs
        .iter()
        .map(|p| (p, ours(&p.request)))
        .filter(|(p, result)| disagrees(p, result))
        .map(|(p, result)| {
            format!(
                "{}: {:?} expected allowed={}, the built-in evaluator says {result}",
                p.case, p.expectation.label, p.expectation.allowed
            )
        })
        .collect();
    assert!(ours_wrong.is_empty(), "{} of {} requests disagree:\n{}", ours_wrong.len(), proofs.len(), ours_wrong.join("\n"));
    eprintln!("{} requests over {} documents proven by both evaluators", proofs.len(), all.len());
}
