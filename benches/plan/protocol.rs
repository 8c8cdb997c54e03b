//! The provider process over the plugin protocol: exec → handshake, Shutdown → exit, ReadDataSource
//! round trips, the in-process cost of a read, and the provider's memory.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use terraform_provider_qbusiness::catalog::arguments as args;
use terraform_provider_qbusiness::catalog::examples::{APPLICATION_ID, INDEX_ID};
use terraform_provider_qbusiness::plugin::proto::plugin::grpc_controller_client::GrpcControllerClient;
use terraform_provider_qbusiness::plugin::proto::plugin::Empty;
use terraform_provider_qbusiness::plugin::proto::tfplugin6 as pb;
use terraform_provider_qbusiness::plugin::{Provider as _, Value};
use terraform_provider_qbusiness::provider::descriptor as descriptors;
use terraform_provider_qbusiness::provider::QBusinessProvider;
use tokio::runtime::Runtime;

use crate::common;
use crate::common::plugin_process::PluginProcess;
use crate::report::{median, ms, Section};

/// `calls` sequential ReadDataSource round trips, and the plugin's peak RSS (KiB) after the first 100.
async fn rpc_latencies(plugin: &PluginProcess, calls: usize) -> (Vec<Duration>, u64) {
    let mut provider = plugin.configured_provider().await;
    let ty = QBusinessProvider::new().schema().data_sources[descriptors::CONNECTOR_POLICY.type_name].value_type();
    let config = Value::object([
        (args::CONNECTOR, Value::string("s3")),
        (args::APPLICATION_ID, Value::string(APPLICATION_ID)),
        (args::INDEX_ID, Value::string(INDEX_ID)),
        (args::BUCKET, Value::string("docs")),
    ]);
    let msgpack = config.to_msgpack(&ty).unwrap();
    let mut samples = Vec::with_capacity(calls);
    let mut peak_at_100 = 0;
    for call in 0..calls {
        let begin = Instant::now();
        let response = provider
            .read_data_source(pb::read_data_source::Request {
                type_name: descriptors::CONNECTOR_POLICY.type_name.into(),
                config: Some(pb::DynamicValue { msgpack: msgpack.clone(), json: vec![] }),
                ..Default::default()
            })
            .await
            .unwrap()
            .into_inner();
        assert!(response.state.is_some());
        samples.push(begin.elapsed());
        if call == 99 {
            peak_at_100 = plugin.memory_kib().1;
        }
    }
    (samples, peak_at_100)
}

/// From the Shutdown answer to the process's exit, as Terraform waits for it.
async fn shutdown_to_exit() -> Duration {
    let mut plugin = PluginProcess::start();
    let mut controller = GrpcControllerClient::new(plugin.channel().await);
    controller.shutdown(Empty {}).await.unwrap();
    let answered = Instant::now();
    loop {
        if plugin.child.try_wait().unwrap().is_some() {
            return answered.elapsed();
        }
        tokio::time::sleep(Duration::from_micros(50)).await;
    }
}

/// Our schema as Terraform receives it.
pub async fn provider_schema() -> pb::get_provider_schema::Response {
    let plugin = PluginProcess::start();
    let mut client = plugin.provider().await;
    client.get_provider_schema(pb::get_provider_schema::Request::default()).await.unwrap().into_inner()
}

/// Decode, compute and encode one S3 connector read without any RPC, averaged over many.
fn in_process_read() -> Duration {
    let provider = QBusinessProvider::new();
    provider.configure_provider(&Value::object([
        (args::REGION, Value::string("us-east-1")),
        (args::ACCOUNT_ID, Value::string("123456789012")),
    ]));
    let ty = provider.schema().data_sources[descriptors::CONNECTOR_POLICY.type_name].value_type();
    let config = Value::object([
        (args::CONNECTOR, Value::string("s3")),
        (args::APPLICATION_ID, Value::string(APPLICATION_ID)),
        (args::INDEX_ID, Value::string(INDEX_ID)),
        (args::BUCKET, Value::string("docs")),
    ]);
    let bytes = config.to_msgpack(&ty).unwrap();
    let rounds = 10_000;
    let start = Instant::now();
    for _ in 0..rounds {
        let decoded = Value::from_msgpack(&bytes, &ty).unwrap();
        let state = provider.data_source(descriptors::CONNECTOR_POLICY.type_name).unwrap().read(&decoded).0.unwrap();
        std::hint::black_box(state.to_msgpack(&ty).unwrap());
    }
    start.elapsed() / rounds
}

/// exec → handshake line, with and without AutoMTLS, and Shutdown answered → exit, `rounds` × 5 each.
pub fn process_section(runtime: &Runtime, rounds: usize) -> Section {
    let mut section = Section::default();
    let report = &mut section.markdown;
    writeln!(report, "\n## Provider process: exec → handshake line, Shutdown answered → exit\n").unwrap();
    writeln!(report, "| step | median (ms) | max (ms) |").unwrap();
    writeln!(report, "|---|---:|---:|").unwrap();
    for (mode, mtls) in [("exec → handshake, AutoMTLS (PLUGIN_CLIENT_CERT set)", true), ("exec → handshake, plaintext", false)] {
        let samples: Vec<Duration> = (0..(rounds * 5)).map(|_| PluginProcess::start_with(mtls).started_in).collect();
        let max = *samples.iter().max().unwrap();
        writeln!(report, "| {mode} | {} | {} |", ms(median(samples)), ms(max)).unwrap();
    }
    let exits: Vec<Duration> = (0..(rounds * 5)).map(|_| runtime.block_on(shutdown_to_exit())).collect();
    let max = *exits.iter().max().unwrap();
    writeln!(report, "| Shutdown answered → exit | {} | {} |", ms(median(exits)), ms(max)).unwrap();
    section
}

/// ReadDataSource round trips over the socket, the in-process cost of a read, and the provider's
/// memory before, during and after them (two sections of the report); the release binary's size.
pub fn round_trips_and_memory_section(runtime: &Runtime) -> Section {
    let plugin = PluginProcess::start();
    let (idle_rss, _) = plugin.memory_kib();
    let calls = 1000;
    let (samples, peak_at_100) = runtime.block_on(rpc_latencies(&plugin, calls));
    let (rss, peak) = plugin.memory_kib();
    drop(plugin);
    let max = *samples.iter().max().unwrap();
    let mut sorted = samples.clone();
    sorted.sort();
    let p99 = sorted[sorted.len() * 99 / 100];
    let mut section = Section::default();
    let report = &mut section.markdown;
    writeln!(report, "\n## ReadDataSource round trips over the socket (AutoMTLS, {calls} sequential calls)\n").unwrap();
    writeln!(report, "| median (µs) | p99 (µs) | max (µs) | calls over 40 ms |").unwrap();
    writeln!(report, "|---:|---:|---:|---:|").unwrap();
    writeln!(
        report,
        "| {} | {} | {} | {} |",
        median(samples.clone()).as_micros(),
        p99.as_micros(),
        max.as_micros(),
        samples.iter().filter(|d| **d >= Duration::from_millis(40)).count()
    )
    .unwrap();
    writeln!(
        report,
        "\nIn-process cost of one S3 connector read (msgpack in, document, msgpack out): {} µs.",
        in_process_read().as_micros()
    )
    .unwrap();
    writeln!(report, "\n## Provider memory\n").unwrap();
    writeln!(report, "| after start (KiB RSS) | peak after 100 reads (KiB VmHWM) | after {calls} reads (KiB RSS) | peak (KiB VmHWM) |")
        .unwrap();
    writeln!(report, "|---:|---:|---:|---:|").unwrap();
    writeln!(report, "| {idle_rss} | {peak_at_100} | {rss} | {peak} |").unwrap();
    section.target("peak RSS at N=100", format!("{:.1} MiB", peak_at_100 as f64 / 1024.0), "≤ 8 MiB", peak_at_100 <= 8 * 1024);
    let binary_bytes = std::fs::metadata(common::provider_binary()).unwrap().len();
    section.target("release binary", format!("{:.1} MB", binary_bytes as f64 / 1e6), "≤ 4.5 MB", binary_bytes <= 4_500_000);
    section
}
