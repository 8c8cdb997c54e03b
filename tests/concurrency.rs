//! Many requests at once: through the real socket with AutoMTLS, and through Terraform's parallelism.

mod common;

use common::plugin_process::PluginProcess;
use common::workspace::Workspace;
use terraform_provider_qbusiness::catalog::arguments as args;
use terraform_provider_qbusiness::catalog::examples::{APPLICATION_ID, INDEX_ID, SECRET_ARN};
use terraform_provider_qbusiness::plugin::proto::tfplugin6 as pb;
use terraform_provider_qbusiness::plugin::{Provider as _, Value};
use terraform_provider_qbusiness::provider::descriptor as descriptors;
use terraform_provider_qbusiness::provider::QBusinessProvider;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_reads_in_flight_give_the_serial_answers() {
    let plugin = PluginProcess::start();
    let client = plugin.configured_provider().await;
    let ty = QBusinessProvider::new().schema().data_sources[descriptors::CONNECTOR_POLICY.type_name].value_type();
    // Ten different documents, each asked for a hundred times.
    let connectors = ["s3", "confluence_cloud", "github_server", "jira", "slack", "box", "gmail", "dropbox", "zendesk", "smartsheet"];
    let request = |i: usize| {
        let connector = connectors[i % connectors.len()];
        let mut attributes = vec![
            (args::CONNECTOR, Value::string(connector)),
            (args::APPLICATION_ID, Value::string(APPLICATION_ID)),
            (args::INDEX_ID, Value::string(INDEX_ID)),
        ];
        attributes.push(if connector == "s3" {
            (args::BUCKET, Value::string("my-docs"))
        } else {
            (args::SECRET_ARN, Value::string(SECRET_ARN))
        });
        pb::read_data_source::Request {
            type_name: descriptors::CONNECTOR_POLICY.type_name.into(),
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
    let config = common::hcl::s3_documents(200);
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

/// Ctrl-C during a plan reaches Terraform and every plugin (one process group): Terraform stops
/// its plugins itself, so the plan ends cleanly, with none of them gone before it asked.
#[test]
fn ctrl_c_during_a_plan_of_many_data_sources_stops_cleanly() {
    use std::io::{BufRead, BufReader};
    use std::os::unix::process::CommandExt;
    use std::process::Stdio;
    use std::time::{Duration, Instant};
    let config = common::hcl::s3_documents(1000);
    let workspace = Workspace::new(&[("main.tf", &config)]);
    workspace.init();
    let mut plan = workspace
        .command(&["plan", "-input=false", "-no-color"])
        .process_group(0)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let group = plan.id();
    let mut stdout = BufReader::new(plan.stdout.take().unwrap());
    // Interrupt once the data sources are being read, as a user's Ctrl-C would: to the whole group.
    let mut seen = String::new();
    let mut line = String::new();
    while stdout.read_line(&mut line).unwrap() > 0 {
        seen.push_str(&line);
        if line.contains("Reading...") {
            break;
        }
        line.clear();
    }
    assert!(seen.contains("Reading..."), "the plan read nothing:\n{seen}");
    assert!(std::process::Command::new("kill").args(["-INT", "--", &format!("-{group}")]).status().unwrap().success());
    // Keep both pipes drained, or Terraform blocks on a full one instead of stopping.
    let rest = std::thread::spawn(move || {
        let mut rest = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut rest).unwrap();
        rest
    });
    let mut stderr_pipe = plan.stderr.take().unwrap();
    let stderr = std::thread::spawn(move || {
        let mut stderr = String::new();
        std::io::Read::read_to_string(&mut stderr_pipe, &mut stderr).unwrap();
        stderr
    });
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = plan.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "terraform did not stop within 60 s of Ctrl-C");
        std::thread::sleep(Duration::from_millis(50));
    };
    let text = format!("{seen}{}\n{}", rest.join().unwrap(), stderr.join().unwrap());
    assert!(text.contains("Interrupt received"), "the interrupt did not reach Terraform mid-plan ({status}):\n{text}");
    for broken in ["did not respond", "plugin crashed", "connection refused", "Plugin did not respond", "panic"] {
        assert!(!text.contains(broken), "{broken:?} after Ctrl-C:\n{text}");
    }
}
