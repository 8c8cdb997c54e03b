//! The provider's logs as a user reads them: `TF_LOG_PROVIDER` through real Terraform, one
//! structured line per RPC with the keys Terraform's SDKs use, and no argument value or
//! certificate at any level.

mod common;

use common::workspace::Workspace;
use terraform_provider_qbusiness::catalog::examples::{ACCOUNT_ID, APPLICATION_ID, INDEX_ID, SECRET_ARN};

/// A bucket name that is invalid, so it appears in a diagnostic's detail (never in a log).
const BAD_BUCKET: &str = "Logged_Bucket_Value";

fn configuration() -> String {
    format!(
        r#"{provider}

data "qbusiness_connector_policy" "bad" {{
  connector      = "s3"
  application_id = "{APPLICATION_ID}"
  index_id       = "{INDEX_ID}"
  bucket         = "{BAD_BUCKET}"
}}

data "qbusiness_connector_policy" "good" {{
  connector      = "confluence_cloud"
  application_id = "{APPLICATION_ID}"
  index_id       = "{INDEX_ID}"
  secret_arn     = "{SECRET_ARN}"
}}

output "trust" {{
  value = provider::qbusiness::trust_policy("connector", {{
    region         = "us-east-1"
    account_id     = "{ACCOUNT_ID}"
    application_id = "{APPLICATION_ID}"
  }})
}}
"#,
        provider = common::workspace::configured_provider()
    )
}

/// The provider's log lines of a `terraform plan` at `level`, written to a file by Terraform.
fn provider_log(level: &str) -> String {
    let workspace = Workspace::new(&[("main.tf", &configuration())]);
    workspace.init();
    let log = workspace.path().join("provider.log");
    let plan = workspace
        .run_with_env(&["plan", "-input=false", "-no-color"], &[("TF_LOG_PROVIDER", level), ("TF_LOG_PATH", log.to_str().unwrap())]);
    assert_eq!(plan.code, 1, "the bad bucket fails the plan:\n{}\n{}", plan.stdout, plan.stderr);
    assert!(plan.text().contains(BAD_BUCKET), "the diagnostic quotes the value: {}", plan.text());
    std::fs::read_to_string(&log).unwrap()
}

fn served<'a>(log: &'a str, fields: &[&str]) -> Vec<&'a str> {
    log.lines().filter(|l| l.contains("Served request:") && fields.iter().all(|f| l.contains(f))).collect()
}

fn assert_nothing_secret(log: &str) {
    for value in [BAD_BUCKET, APPLICATION_ID, INDEX_ID, SECRET_ARN, ACCOUNT_ID] {
        assert!(!log.contains(value), "{value} is in the log:\n{log}");
    }
    assert!(!log.contains("CERTIFICATE"), "{log}");
    // go-plugin's handshake line carries the server certificate as base64 DER (it starts "MII").
    let long_base64 = log.split(|c: char| !(c.is_ascii_alphanumeric() || c == '+' || c == '/')).any(|run| run.len() >= 64);
    assert!(!long_base64, "a certificate-like run in the log:\n{log}");
}

#[test]
fn debug_logs_each_rpc_with_its_data_source_or_function_duration_and_diagnostics() {
    let log = provider_log("debug");
    let bad =
        served(&log, &["tf_rpc=ValidateDataResourceConfig", "tf_data_source_type=qbusiness_connector_policy", "diagnostic_error_count=1"]);
    assert_eq!(bad.len(), 1, "{log}");
    assert!(bad[0].contains(r#"diagnostic_summaries=["Invalid bucket"]"#), "{}", bad[0]);
    assert!(bad[0].contains("tf_req_duration_ms="), "{}", bad[0]);
    assert!(bad[0].contains("@module=qbusiness"), "{}", bad[0]);
    assert_eq!(served(&log, &["tf_rpc=ValidateDataResourceConfig", "diagnostic_error_count=0"]).len(), 1, "{log}");
    assert_eq!(served(&log, &["tf_rpc=CallFunction", "tf_function_name=trust_policy", "diagnostic_error_count=0"]).len(), 1, "{log}");
    assert!(!served(&log, &["tf_rpc=GetProviderSchema"]).is_empty(), "{log}");
    assert!(!log.contains("tf_req_size_bytes"), "sizes are for trace:\n{log}");
    assert_nothing_secret(&log);
}

#[test]
fn trace_adds_request_sizes_and_still_no_values() {
    let log = provider_log("trace");
    let function = served(&log, &["tf_rpc=CallFunction", "tf_function_name=trust_policy"]);
    assert_eq!(function.len(), 1, "{log}");
    assert!(function[0].contains("tf_req_size_bytes=") && function[0].contains("tf_resp_size_bytes="), "{}", function[0]);
    assert_nothing_secret(&log);
}
