//! Every golden document proven request by request: the calls its role makes are allowed, their
//! neighbours denied, as an independent IAM policy simulator (`@cloud-copilot/iam-simulate`, a test
//! tool `make test` installs into node_modules) evaluates them. The requests are the catalog's
//! tables (`catalog::requests`); a mismatch names the role, the case and the request.

mod common;

use common::cases::{self, Case};
use common::simulation::{ours, simulate};
use terraform_provider_qbusiness::catalog::arguments as args;
use terraform_provider_qbusiness::catalog::examples::{ACCOUNT_ID, REGION};
use terraform_provider_qbusiness::catalog::placeholders::{ArgumentTexts, Placeholders, RoleRequest};
use terraform_provider_qbusiness::catalog::requests::Expectation;
use terraform_provider_qbusiness::catalog::Scope;
use terraform_provider_qbusiness::policy::evaluate::ContextValue;
use terraform_provider_qbusiness::policy::{DocumentKind, Partition};
use terraform_provider_qbusiness::provider::argument_texts;
use terraform_provider_qbusiness::provider::descriptor::descriptor;

/// The case's arguments as text, as the data sources read them for the rows' conditions and
/// placeholders.
fn arguments(case: &Case) -> ArgumentTexts {
    argument_texts(case.attributes.iter().map(|(name, value)| (*name, value)))
}

/// The service principal a trust of `kind` admits, as this test expects it independently of the
/// catalog (which the goldens come from).
fn service(kind: Option<&str>) -> &'static str {
    match kind {
        Some("oidc_secret" | "web_experience_identity_center" | "web_experience_anonymous") => "application.qbusiness.amazonaws.com",
        _ => "qbusiness.amazonaws.com",
    }
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

/// An ISV's data accessor role's own policy as AWS's ISV page (`isv-info-to-provide`) gives it:
/// the ISV's account must allow the call too, since the application is in another account.
fn isv_policy() -> serde_json::Value {
    serde_json::json!({"Version": "2012-10-17", "Statement": [{"Sid": "MultiServicePermissions", "Effect": "Allow",
        "Action": ["qbusiness:SearchRelevantContent", "sso-oauth:CreateTokenWithIAM", "kms:Decrypt", "sts:SetContext"], "Resource": "*"}]})
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
    let scope = Scope { partition: Partition::Aws, region: REGION.parse().unwrap(), account: ACCOUNT_ID.parse().unwrap() };
    let mut values = Placeholders::of(&arguments, kind, Some(&scope));
    values.set("service", service(kind));
    let document = golden(&case.name);
    let requests = family.requests(&arguments, kind, &values);
    let applicable = family.expectations.iter().filter(|e| e.when.holds(&|name| arguments.get(&name).cloned(), kind)).count();
    assert_eq!(requests.len(), applicable, "{}: a row's placeholder has no value", case.name);
    requests
        .into_iter()
        .map(|RoleRequest { expectation, request }| {
            // Multi-valued keys go as lists, as AWS sends them.
            let context: serde_json::Map<String, serde_json::Value> = request
                .context
                .iter()
                .map(|(key, value)| {
                    let value = match value {
                        ContextValue::Single(v) => serde_json::json!(v),
                        ContextValue::Multi(vs) => serde_json::json!(vs),
                    };
                    (key.to_owned(), value)
                })
                .collect();
            let principal = request.caller.map(|c| c.id).unwrap_or_default();
            // Who holds which policy: a permissions policy is the caller's (a KMS key adds its key
            // policy); a trust policy is the role's own resource policy; a bucket policy is the
            // bucket's, in its owner's account, with the connector role's policy on the caller; a key
            // policy is the key's, in the application's account, with no policy on the caller; a
            // data accessor's is the application's, with the ISV role's own policy on the caller.
            let (identity, resource_policy, account) = match case.kind() {
                DocumentKind::Permissions if expectation.action.starts_with("kms:") => (vec![document.clone()], key_policy(), ACCOUNT_ID),
                DocumentKind::Permissions => (vec![document.clone()], serde_json::Value::Null, ACCOUNT_ID),
                DocumentKind::Trust => (vec![], document.clone(), ACCOUNT_ID),
                DocumentKind::Resource => {
                    let caller = if Some(principal.as_str()) == values.get("connector_role") {
                        vec![golden("connector-s3-cross-account")]
                    } else if Some(principal.as_str()) == values.get(args::ISV_ROLE_ARN.as_str()) {
                        vec![isv_policy()]
                    } else {
                        vec![]
                    };
                    (caller, document.clone(), values.get("bucket_owner").unwrap())
                }
            };
            let request = serde_json::json!({
                "principal": principal,
                "action": expectation.action,
                "resource": request.resource,
                "accountId": account,
                "context": context,
                "identityPolicies": identity,
                "resourcePolicy": resource_policy,
            });
            Proof { case: case.name.clone(), expectation, request }
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
