//! Many requests at once: through the real socket with AutoMTLS, and through Terraform's parallelism.

mod common;

use common::cases::{APPLICATION_ID, INDEX_ID, SECRET_ARN};
use common::plugin_process::PluginProcess;
use common::workspace::{Workspace, PROVIDER_BLOCK};
use terraform_provider_qbusiness::plugin::proto::tfplugin6 as pb;
use terraform_provider_qbusiness::plugin::{Provider as _, Value};
use terraform_provider_qbusiness::provider::QBusinessProvider;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_reads_in_flight_give_the_serial_answers() {
    let plugin = PluginProcess::start();
    let client = plugin.configured_provider().await;
    let ty = QBusinessProvider::new().schema().data_sources["qbusiness_connector_policy"].value_type();
    // Ten different documents, each asked for a hundred times.
    let connectors = ["s3", "aem_cloud", "rds_mysql", "jira", "slack", "box", "gmail", "quip", "zendesk", "smartsheet"];
    let request = |i: usize| {
        let connector = connectors[i % connectors.len()];
        let mut attributes = vec![
            ("connector", Value::string(connector)),
            ("application_id", Value::string(APPLICATION_ID)),
            ("index_id", Value::string(INDEX_ID)),
        ];
        attributes.push(if connector == "s3" { ("bucket", Value::string("my-docs")) } else { ("secret_arn", Value::string(SECRET_ARN)) });
        pb::read_data_source::Request {
            type_name: "qbusiness_connector_policy".into(),
            config: Some(pb::DynamicValue { msgpack: Value::object(attributes).to_msgpack(&ty).unwrap(), json: vec![] }),
            ..Default::default()
        }
    };
    let mut serial = Vec::new();
    for i in 0..connectors.len() {
        let state = client.clone().read_data_source(request(i)).await.unwrap().into_inner().state.unwrap();
        serial.push(state.msgpack);
    }
    let rss_before = plugin.memory_kib().0;
    let tasks: Vec<_> = (0..1000)
        .map(|i| {
            let mut client = client.clone();
            let request = request(i);
            tokio::spawn(async move { (i, client.read_data_source(request).await.map(|r| r.into_inner())) })
        })
        .collect();
    for task in tasks {
        let (i, response) = task.await.unwrap();
        let response = response.unwrap_or_else(|status| panic!("request {i} failed: {status}"));
        assert!(response.diagnostics.is_empty(), "{:?}", response.diagnostics);
        assert_eq!(response.state.unwrap().msgpack, serial[i % connectors.len()], "request {i} differs from the serial answer");
    }
    let rss_after = plugin.memory_kib().0;
    assert!(rss_after < 64 * 1024, "RSS grew to {rss_after} KiB (before: {rss_before} KiB)");
}

#[test]
fn plan_parallelism_does_not_change_the_documents() {
    let config = format!(
        r#"{PROVIDER_BLOCK}
provider "qbusiness" {{
  region     = "us-east-1"
  account_id = "123456789012"
}}

data "qbusiness_connector_policy" "each" {{
  count          = 200
  connector      = "s3"
  application_id = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
  index_id       = "b1b2c3d4-5678-90ab-cdef-EXAMPLE22222"
  bucket         = "docs-${{count.index}}"
}}

output "documents" {{
  value = data.qbusiness_connector_policy.each[*].minified_json
}}
"#
    );
    let mut results = Vec::new();
    for parallelism in ["-parallelism=50", "-parallelism=1"] {
        let workspace = Workspace::new(&[("main.tf", &config)]);
        workspace.init();
        let apply = workspace.run(&["apply", "-input=false", "-no-color", "-auto-approve", parallelism]);
        assert_eq!(apply.code, 0, "{parallelism}: {}\n{}", apply.stdout, apply.stderr);
        results.push(workspace.outputs()["documents"]["value"].clone());
    }
    let documents = results[0].as_array().unwrap();
    assert_eq!(documents.len(), 200);
    assert!(documents[123].as_str().unwrap().contains("arn:aws:s3:::docs-123/*"));
    assert_eq!(results[0], results[1]);
}
