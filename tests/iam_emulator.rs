//! Acceptance by an IAM API emulator: moto's IAM (started on 127.0.0.1, random port, by the
//! script, and stopped by it) accepts every golden document as a role's trust or inline policy and
//! returns it unchanged. `make test` installs moto into `.venv`; `EMULATOR_PYTHON` overrides.

mod common;

use std::process::Command;

fn run(golden: &std::path::Path) -> (i32, String) {
    let script = common::repo().join("tests/emulator/iam_acceptance.py");
    let output = Command::new(common::emulator_python()).arg(script).arg(golden).output().unwrap();
    (output.status.code().unwrap_or(-1), format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr)))
}

#[test]
fn every_golden_document_is_accepted_and_read_back_unchanged() {
    let golden = common::repo().join("tests/golden");
    let count = std::fs::read_dir(&golden).unwrap().count();
    let (code, report) = run(&golden);
    assert_eq!(code, 0, "{report}");
    assert!(report.lines().any(|l| l == format!("{count} passed, 0 failed")), "{report}");
}

#[test]
fn a_malformed_document_is_rejected_by_the_emulator() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(common::repo().join("tests/golden/trust-connector.json"), dir.path().join("trust-connector.json")).unwrap();
    common::write(
        &dir.path().join("connector-broken.json"),
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject"}]}"#,
    );
    let (code, report) = run(dir.path());
    assert_eq!(code, 1, "{report}");
    assert!(report.contains("connector-broken: MalformedPolicyDocument: Policy statement must contain resources."), "{report}");
    assert!(report.lines().any(|l| l == "1 passed, 1 failed"), "{report}");
}
