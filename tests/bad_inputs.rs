//! The bad-input table (tests/common/bad_cases.rs) in process and through the plugin protocol: each
//! row gets exactly one error diagnostic, at the attribute that is wrong, with the row's summary and
//! detail whole, and the process keeps serving. tests/terraform_bad_inputs.rs runs the same table
//! through Terraform and the function twins.

mod common;

use common::bad_cases::{cases, list, s, s3, CONNECTOR};
use common::plugin_process::PluginProcess;
use terraform_provider_qbusiness::catalog::arguments::{self as args, Name};
use terraform_provider_qbusiness::catalog::examples::{ACCOUNT_ID, REGION};
use terraform_provider_qbusiness::plugin::proto::tfplugin6 as pb;
use terraform_provider_qbusiness::plugin::{Provider as _, Value};
use terraform_provider_qbusiness::provider::QBusinessProvider;

fn path_text(diagnostic: &pb::Diagnostic) -> String {
    use pb::attribute_path::step::Selector;
    let mut text = String::new();
    for step in diagnostic.attribute.iter().flat_map(|p| p.steps.iter()) {
        match step.selector.as_ref().unwrap() {
            Selector::AttributeName(name) if text.is_empty() => text.push_str(name),
            Selector::AttributeName(name) => text.push_str(&format!(".{name}")),
            Selector::ElementKeyString(key) => text.push_str(&format!("[{key:?}]")),
            Selector::ElementKeyInt(index) => text.push_str(&format!("[{index}]")),
        }
    }
    text
}

/// One diagnostic as the rows write it: `path | summary | detail`.
fn line(path: String, summary: &str, detail: &str) -> String {
    format!("{path} | {summary} | {detail}")
}

/// The whole table in process, as Terraform would call the provider: the schema's required
/// arguments, validation, then (when validation passes) a read with the provider block's defaults.
#[test]
fn every_bad_input_is_an_error_at_its_attribute_in_process() {
    use terraform_provider_qbusiness::plugin::AttributePath;
    let provider = QBusinessProvider::new();
    provider.configure_provider(&Value::object([(args::REGION, s(REGION)), (args::ACCOUNT_ID, s(ACCOUNT_ID))]));
    let mut failures = Vec::new();
    let all = cases();
    for case in &all {
        let config = Value::object(case.attributes.iter().cloned());
        let block = &provider.schema().data_sources[case.data_source];
        let data_source = provider.data_source(case.data_source).unwrap();
        let mut diagnostics = block.missing_required(&config, &AttributePath::root());
        if diagnostics.is_empty() {
            diagnostics = data_source.validate(&config);
        }
        if !diagnostics.has_errors() {
            let (state, read) = data_source.read(&config);
            if state.is_some() {
                failures.push(format!("{:?}: produced a document", case.name));
                continue;
            }
            diagnostics = read;
        }
        let found: Vec<String> = diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| line(d.attribute.clone().unwrap_or_default().to_string(), &d.summary, &d.detail))
            .collect();
        let expected = [line(case.path.to_string(), case.summary, case.detail)];
        if found != expected {
            failures.push(format!(
                "{:?}:
    expected {expected:?}
    found    {found:?}",
                case.name
            ));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), all.len(), failures.join("\n"));
}

#[tokio::test]
async fn every_bad_input_is_an_error_at_its_attribute() {
    let plugin = PluginProcess::start();
    let mut client = plugin.configured_provider().await;
    let schema = QBusinessProvider::new();

    let mut failures = Vec::new();
    let all = cases();
    for case in &all {
        let ty = schema.schema().data_sources[case.data_source].value_type();
        let config =
            Some(pb::DynamicValue { msgpack: Value::object(case.attributes.iter().cloned()).to_msgpack(&ty).unwrap(), json: vec![] });
        // Terraform validates first, then reads; the error must come from one of the two, with no state.
        let validated = client
            .validate_data_resource_config(pb::validate_data_resource_config::Request {
                type_name: case.data_source.into(),
                config: config.clone(),
            })
            .await
            .unwrap()
            .into_inner()
            .diagnostics;
        let diagnostics = if validated.is_empty() {
            let read = client
                .read_data_source(pb::read_data_source::Request { type_name: case.data_source.into(), config, ..Default::default() })
                .await
                .unwrap()
                .into_inner();
            if read.state.is_some() {
                failures.push(format!("{:?}: produced a document", case.name));
                continue;
            }
            read.diagnostics
        } else {
            validated
        };
        let errors: Vec<_> = diagnostics.iter().filter(|d| d.severity == pb::diagnostic::Severity::Error as i32).collect();
        let found: Vec<String> = errors.iter().map(|d| line(path_text(d), &d.summary, &d.detail)).collect();
        let expected = [line(case.path.to_string(), case.summary, case.detail)];
        if found != expected {
            failures.push(format!("{:?}:\n    expected {expected:?}\n    found    {found:?}", case.name));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), all.len(), failures.join("\n"));
    assert!(client.get_metadata(pb::get_metadata::Request {}).await.is_ok(), "still serving");
}

/// A source document of `statements` statements of one action each, to grow a policy to a size.
fn padding_document(statements: usize) -> String {
    let body: Vec<String> = (0..statements)
        .map(|i| format!(r#"{{"Sid":"Pad{i:04}","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::pad-bucket-{i:04}/*"}}"#))
        .collect();
    format!(r#"{{"Version":"2012-10-17","Statement":[{}]}}"#, body.join(","))
}

fn read_size(extra: Vec<(Name, Value)>) -> (Option<f64>, Vec<(terraform_provider_qbusiness::plugin::Severity, String, String)>) {
    let provider = QBusinessProvider::new();
    provider.configure_provider(&Value::object([(args::REGION, s(REGION)), (args::ACCOUNT_ID, s(ACCOUNT_ID))]));
    let (state, diagnostics) = provider.data_source(CONNECTOR).unwrap().read(&Value::object(s3(extra)));
    let size = state.map(|state| match state.attribute(args::SIZE) {
        Value::Number(n) => *n,
        other => panic!("size is {other:?}"),
    });
    (size, diagnostics.iter().map(|d| (d.severity, d.summary.clone(), d.detail.clone())).collect())
}

#[test]
fn size_limits_warn_at_90_percent_and_fail_above_the_quota() {
    use terraform_provider_qbusiness::plugin::Severity;
    let (base, none) = read_size(vec![]);
    assert!(none.is_empty());
    let base = base.unwrap() as usize;
    let one = padding_document(1).len() - padding_document(0).len();
    // Just under 90 % of the inline quota: no diagnostic; a little more: a warning; over it: an error.
    let fits = (9_216 - base) / one - 1;
    let (size, diagnostics) = read_size(vec![(args::SOURCE_POLICY_DOCUMENTS, list(&[&padding_document(fits)]))]);
    assert!(size.unwrap() < 9_216.0 && diagnostics.is_empty(), "{size:?} {diagnostics:?}");
    let (size, diagnostics) = read_size(vec![(args::SOURCE_POLICY_DOCUMENTS, list(&[&padding_document(fits + 2)]))]);
    let size = size.expect("a warning still gives the document") as usize;
    assert_eq!(
        diagnostics,
        [(Severity::Warning, "permissions policy close to its size limit".to_owned(), format!("The permissions policy has {size} non-whitespace characters, {}% of the quota for all inline policies of one role together (10240).", size * 100 / 10_240))]
    );
    let too_many = (10_240 - base) / one + 1;
    let (size, diagnostics) = read_size(vec![(args::SOURCE_POLICY_DOCUMENTS, list(&[&padding_document(too_many)]))]);
    assert_eq!(size, None);
    assert_eq!(diagnostics.len(), 1);
    assert_eq!((diagnostics[0].0, diagnostics[0].1.as_str()), (Severity::Error, "permissions policy too large"));
    assert!(
        diagnostics[0].2.contains("IAM allows at most 10240 under the quota for all inline policies of one role together"),
        "{}",
        diagnostics[0].2
    );
    // The managed-policy quota is smaller: the document that fit inline is too large for it.
    let (size, diagnostics) =
        read_size(vec![(args::SOURCE_POLICY_DOCUMENTS, list(&[&padding_document(fits)])), (args::MANAGED_POLICY, Value::Bool(true))]);
    assert_eq!(size, None);
    assert!(diagnostics[0].2.contains("IAM allows at most 6144 under the customer managed policy quota"), "{:?}", diagnostics);
}
