//! Acceptance by an IAM API emulator: moto's IAM (started on 127.0.0.1, random port, by the
//! script, and stopped by it) accepts every golden document as a role's trust or inline policy and
//! returns it unchanged. `make test` installs moto into `.venv`; `EMULATOR_PYTHON` overrides.

mod common;

use std::process::Command;

use serde_json::json;
use terraform_provider_qbusiness::catalog::Kind as _;
use terraform_provider_qbusiness::policy::DocumentKind;
use terraform_provider_qbusiness::provider::descriptor as descriptors;

/// The resource policies no emulated service holds, by data source, with why: the proofs judge them.
const NOT_HELD: &[(&str, &str)] = &[
    (descriptors::DATA_ACCESSOR_POLICY.type_name, "moto has no Amazon Q Business"),
    (descriptors::IDENTITY_CENTER_APPLICATION_POLICY.type_name, "moto's Identity Center has no application authentication methods"),
];

/// How the script stores each golden document, from its family: a trust policy as a role's trust,
/// a bucket policy on a bucket, a permissions policy inline in a role trusted as its family says
/// (through the first golden trust of its usual trust kind); a resource policy of [`NOT_HELD`] is
/// left out.
fn pairs() -> serde_json::Value {
    let cases = common::cases::all();
    let mut pairs = serde_json::Map::new();
    for case in &cases {
        let pairing = match case.kind() {
            DocumentKind::Trust => json!({"as": "trust"}),
            DocumentKind::Resource if NOT_HELD.iter().any(|(data_source, _)| *data_source == case.data_source) => {
                json!({"as": "none"})
            }
            // A resource policy is a bucket's or a key's, as its actions say.
            DocumentKind::Resource => {
                let text = std::fs::read_to_string(common::repo().join(format!("tests/golden/{}.json", case.name))).unwrap();
                if text.contains("\"kms:") {
                    json!({"as": "key"})
                } else {
                    json!({"as": "bucket"})
                }
            }
            DocumentKind::Permissions => {
                // A role no service assumes (the anonymous application's caller) is trusted by
                // whoever the account chooses: any golden trust serves to store it.
                let wanted = case.trusts().first().map(|kind| kind.name());
                let trust = cases
                    .iter()
                    .find(|t| t.is_trust() && (wanted.is_none() || t.selected_kind() == wanted))
                    .unwrap_or_else(|| panic!("{}: no golden trust of kind {wanted:?}", case.name));
                json!({"as": "inline", "trust": trust.name})
            }
        };
        pairs.insert(case.name.clone(), pairing);
    }
    serde_json::Value::Object(pairs)
}

fn run(golden: &std::path::Path, pairs: &serde_json::Value) -> (i32, String) {
    let script = common::repo().join("tests/emulator/iam_acceptance.py");
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), pairs.to_string()).unwrap();
    let output = Command::new(common::emulator_python()).arg(script).arg(golden).arg(file.path()).output().unwrap();
    (output.status.code().unwrap_or(-1), format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr)))
}

#[test]
fn every_golden_document_is_accepted_and_read_back_unchanged() {
    let golden = common::repo().join("tests/golden");
    let count = std::fs::read_dir(&golden).unwrap().count();
    let pairs = pairs();
    let not_held = pairs.as_object().unwrap().values().filter(|p| p["as"] == "none").count();
    // Exactly the golden configurations of the data sources no emulated service holds.
    let examples_not_held: usize = NOT_HELD
        .iter()
        .map(|(data_source, _)| descriptors::descriptor(data_source).and_then(|d| d.requests.as_ref()).map_or(0, |f| f.examples.len()))
        .sum();
    assert_eq!(not_held, examples_not_held, "golden documents not held");
    let (code, report) = run(&golden, &pairs);
    assert_eq!(code, 0, "{report}");
    assert!(report.lines().any(|l| l == format!("{} passed, {not_held} not held, 0 failed", count - not_held)), "{report}");
}

#[test]
fn a_malformed_document_is_rejected_by_the_emulator() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(common::repo().join("tests/golden/trust-connector.json"), dir.path().join("trust-connector.json")).unwrap();
    common::write(
        &dir.path().join("connector-broken.json"),
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject"}]}"#,
    );
    let pairs = json!({"trust-connector": {"as": "trust"}, "connector-broken": {"as": "inline", "trust": "trust-connector"}});
    let (code, report) = run(dir.path(), &pairs);
    assert_eq!(code, 1, "{report}");
    assert!(report.contains("connector-broken: MalformedPolicyDocument: Policy statement must contain resources."), "{report}");
    assert!(report.lines().any(|l| l == "1 passed, 0 not held, 1 failed"), "{report}");
}
