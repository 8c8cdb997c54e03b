//! `make bench`: measured side by side in one run and written to BENCHMARKS.md.
//! - `terraform plan` with N S3 connector documents from the provider vs the same documents in pure HCL;
//! - exec → handshake line, with and without AutoMTLS;
//! - ReadDataSource round trips over the socket (a 40 ms delayed-ACK stall would show in the max);
//! - the provider's resident memory.

#[path = "../tests/common/mod.rs"]
mod common;

use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use common::plugin_process::{Attached, PluginProcess};
use common::workspace::{Workspace, PROVIDER_BLOCK};
use terraform_provider_qbusiness::plugin::proto::tfplugin6 as pb;
use terraform_provider_qbusiness::plugin::{Provider as _, Value};
use terraform_provider_qbusiness::provider::QBusinessProvider;

use common::cases::{APPLICATION_ID, INDEX_ID};

/// Terraform is found as the tests find it: `TERRAFORM`, else on PATH, else the `.venv` shim.
struct Options {
    out: Option<PathBuf>,
    rounds: usize,
}

fn options() -> Options {
    let mut args = std::env::args().skip(1);
    let mut options = Options { out: None, rounds: 7 };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--out" => options.out = Some(args.next().expect("--out FILE").into()),
            "--rounds" => options.rounds = args.next().expect("--rounds N").parse().expect("a number"),
            "--bench" => {}
            other => panic!("unknown argument {other}"),
        }
    }
    options
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1000.0)
}

/// The same documents from the provider function, which Terraform evaluates without data-source nodes.
fn function_config(n: usize) -> String {
    format!(
        r#"{PROVIDER_BLOCK}
locals {{
  documents = [for i in range({n}) : provider::qbusiness::connector_policy("s3", {{
    application_id = "{APPLICATION_ID}"
    index_id       = "{INDEX_ID}"
    bucket         = "docs-${{i}}"
    region         = "us-east-1"
    account_id     = "123456789012"
  }})]
}}

output "documents" {{
  value = local.documents
}}
"#
    )
}

/// The same documents written by hand with `jsonencode`, as a module without this provider would.
fn hcl_config(n: usize) -> String {
    format!(
        r#"locals {{
  app_arn   = "arn:aws:qbusiness:us-east-1:123456789012:application/{APPLICATION_ID}"
  index_arn = "${{local.app_arn}}/index/{INDEX_ID}"
  documents = [for i in range({n}) : jsonencode({{
    Version = "2012-10-17"
    Statement = [
      {{
        Sid       = "AllowsAmazonQToGetObjectfromS3"
        Effect    = "Allow"
        Action    = "s3:GetObject"
        Resource  = "arn:aws:s3:::docs-${{i}}/*"
        Condition = {{ StringEquals = {{ "aws:ResourceAccount" = "123456789012" }} }}
      }},
      {{
        Sid       = "AllowsAmazonQToListS3Buckets"
        Effect    = "Allow"
        Action    = "s3:ListBucket"
        Resource  = "arn:aws:s3:::docs-${{i}}"
        Condition = {{ StringEquals = {{ "aws:ResourceAccount" = "123456789012" }} }}
      }},
      {{
        Sid      = "AllowsAmazonQToIngestDocuments"
        Effect   = "Allow"
        Action   = ["qbusiness:BatchDeleteDocument", "qbusiness:BatchPutDocument"]
        Resource = [local.app_arn, local.index_arn]
      }},
      {{
        Sid      = "AllowsAmazonQToIngestPrincipalMapping"
        Effect   = "Allow"
        Action   = ["qbusiness:CreateUser", "qbusiness:DeleteGroup", "qbusiness:ListGroups", "qbusiness:PutGroup", "qbusiness:UpdateUser"]
        Resource = [local.app_arn, local.index_arn]
      }},
    ]
  }})]
}}

output "documents" {{
  value = local.documents
}}
"#
    )
}

/// A workspace of the shared test helpers, initialised, with the bench's timing around it.
fn workspace(main_tf: &str) -> Workspace {
    let workspace = Workspace::new(&[("main.tf", main_tf)]);
    workspace.init();
    workspace
}

/// Runs terraform in `workspace` (attached to a running provider when `reattach` is given), which
/// must succeed, and says how long it took.
fn timed(workspace: &Workspace, args: &[&str], reattach: Option<&str>) -> Duration {
    let env: Vec<(&str, &str)> = reattach.map(|r| ("TF_REATTACH_PROVIDERS", r)).into_iter().collect();
    let start = Instant::now();
    let run = workspace.run_with_env(args, &env);
    let elapsed = start.elapsed();
    assert_eq!(run.code, 0, "terraform {args:?} failed:\n{}", run.stderr);
    elapsed
}

/// The documents a configuration's `documents` output holds after an apply.
fn documents(workspace: &Workspace) -> Vec<serde_json::Value> {
    timed(workspace, &["apply", "-auto-approve", "-input=false", "-no-color"], None);
    let texts: Vec<String> = serde_json::from_value(workspace.outputs()["documents"]["value"].clone()).unwrap();
    texts.iter().map(|t| serde_json::from_str(t).unwrap()).collect()
}

async fn rpc_latencies(plugin: &PluginProcess, calls: usize) -> Vec<Duration> {
    let mut provider = plugin.configured_provider().await;
    let ty = QBusinessProvider::new().schema().data_sources["qbusiness_connector_policy"].value_type();
    let config = Value::object([
        ("connector", Value::string("s3")),
        ("application_id", Value::string(APPLICATION_ID)),
        ("index_id", Value::string(INDEX_ID)),
        ("bucket", Value::string("docs")),
    ]);
    let msgpack = config.to_msgpack(&ty).unwrap();
    let mut samples = Vec::with_capacity(calls);
    for _ in 0..calls {
        let begin = Instant::now();
        let response = provider
            .read_data_source(pb::read_data_source::Request {
                type_name: "qbusiness_connector_policy".into(),
                config: Some(pb::DynamicValue { msgpack: msgpack.clone(), json: vec![] }),
                ..Default::default()
            })
            .await
            .unwrap()
            .into_inner();
        assert!(response.state.is_some());
        samples.push(begin.elapsed());
    }
    samples
}

/// Decode, compute and encode one S3 connector read without any RPC, averaged over many.
fn in_process_read() -> Duration {
    let provider = QBusinessProvider::new();
    provider.configure_provider(&Value::object([("region", Value::string("us-east-1")), ("account_id", Value::string("123456789012"))]));
    let ty = provider.schema().data_sources["qbusiness_connector_policy"].value_type();
    let config = Value::object([
        ("connector", Value::string("s3")),
        ("application_id", Value::string(APPLICATION_ID)),
        ("index_id", Value::string(INDEX_ID)),
        ("bucket", Value::string("docs")),
    ]);
    let bytes = config.to_msgpack(&ty).unwrap();
    let rounds = 10_000;
    let start = Instant::now();
    for _ in 0..rounds {
        let decoded = Value::from_msgpack(&bytes, &ty).unwrap();
        let state = provider.data_source("qbusiness_connector_policy").unwrap().read(&decoded).0.unwrap();
        std::hint::black_box(state.to_msgpack(&ty).unwrap());
    }
    start.elapsed() / rounds
}

fn main() {
    let options = options();
    let mut report = String::new();
    let version = std::process::Command::new(common::terraform()).arg("version").output().unwrap();
    let version = String::from_utf8_lossy(&version.stdout).lines().next().unwrap_or("").to_owned();
    writeln!(report, "# Benchmarks\n").unwrap();
    writeln!(
        report,
        "Measured by `make bench` ({} rounds per figure, medians; {}; {} cores). Each ratio compares two \
         measurements taken alternately in the same run.\n",
        options.rounds,
        version,
        std::thread::available_parallelism().map_or(0, |n| n.get())
    )
    .unwrap();

    writeln!(report, "## `terraform plan`: provider data sources vs the same documents in pure HCL\n").unwrap();
    writeln!(
        report,
        "*attached*: the same plan with Terraform attached (`TF_REATTACH_PROVIDERS`) to a provider already running, \
         so no provider process is started: it separates Terraform's process management from the provider's work.\n"
    )
    .unwrap();
    writeln!(report, "| N documents | provider (ms) | pure HCL `jsonencode` (ms) | ratio | provider, attached (ms) | ratio attached |")
        .unwrap();
    writeln!(report, "|---:|---:|---:|---:|---:|---:|").unwrap();
    let attached = Attached::start();
    for n in [1, 10, 100] {
        let ours = workspace(&common::hcl::s3_documents(n));
        let hcl = workspace(&hcl_config(n));
        assert_eq!(documents(&ours), documents(&hcl), "N={n}: the two configurations must produce the same documents");
        let plan = ["plan", "-input=false", "-no-color", "-refresh=false"];
        let (mut a, mut b, mut c) = (Vec::new(), Vec::new(), Vec::new());
        timed(&ours, &plan, None);
        timed(&hcl, &plan, None);
        timed(&ours, &plan, Some(&attached.reattach));
        for _ in 0..options.rounds {
            a.push(timed(&ours, &plan, None));
            b.push(timed(&hcl, &plan, None));
            c.push(timed(&ours, &plan, Some(&attached.reattach)));
        }
        let (a, b, c) = (median(a), median(b), median(c));
        let ratio = a.as_secs_f64() / b.as_secs_f64();
        let ratio_attached = c.as_secs_f64() / b.as_secs_f64();
        writeln!(report, "| {n} | {} | {} | {ratio:.2} | {} | {ratio_attached:.2} |", ms(a), ms(b), ms(c)).unwrap();
        eprintln!(
            "plan N={n}: provider {} ms, HCL {} ms, ratio {ratio:.2}; attached {} ms, ratio {ratio_attached:.2}",
            ms(a),
            ms(b),
            ms(c)
        );
    }

    drop(attached);
    writeln!(
        report,
        "\nTerraform starts the provider three times per plan (schema, validation, plan), each time with \
         go-plugin's AutoMTLS handshake; the *attached* column shows the plan without that. The provider's own \
         share of a start is the exec → handshake time below; the rest of each start is Terraform's side \
         (client certificate, TLS handshake, connection, waiting for the exit).\n"
    )
    .unwrap();
    writeln!(report, "In-process cost of one S3 connector read (msgpack in, document, msgpack out): {} µs.", in_process_read().as_micros())
        .unwrap();

    writeln!(report, "\n## `terraform plan`: provider functions vs pure HCL and vs data sources\n").unwrap();
    writeln!(report, "| N documents | functions (ms) | pure HCL (ms) | ratio to HCL | data sources (ms) | ratio to data sources |")
        .unwrap();
    writeln!(report, "|---:|---:|---:|---:|---:|---:|").unwrap();
    for n in [1, 100] {
        let functions = workspace(&function_config(n));
        let hcl = workspace(&hcl_config(n));
        let data_sources = workspace(&common::hcl::s3_documents(n));
        assert_eq!(documents(&functions), documents(&hcl), "N={n}: functions and HCL must produce the same documents");
        let plan = ["plan", "-input=false", "-no-color", "-refresh=false"];
        let (mut f, mut h, mut d) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..options.rounds {
            f.push(timed(&functions, &plan, None));
            h.push(timed(&hcl, &plan, None));
            d.push(timed(&data_sources, &plan, None));
        }
        let (f, h, d) = (median(f), median(h), median(d));
        let (to_hcl, to_data) = (f.as_secs_f64() / h.as_secs_f64(), f.as_secs_f64() / d.as_secs_f64());
        writeln!(report, "| {n} | {} | {} | {to_hcl:.2} | {} | {to_data:.2} |", ms(f), ms(h), ms(d)).unwrap();
        eprintln!("functions N={n}: {} ms, HCL {} ms ({to_hcl:.2}), data sources {} ms ({to_data:.2})", ms(f), ms(h), ms(d));
    }

    writeln!(report, "\n## Provider start-up: exec → handshake line\n").unwrap();
    writeln!(report, "| mode | median (ms) | max (ms) |").unwrap();
    writeln!(report, "|---|---:|---:|").unwrap();
    for (mode, mtls) in [("AutoMTLS (PLUGIN_CLIENT_CERT set)", true), ("plaintext", false)] {
        let samples: Vec<Duration> = (0..(options.rounds * 5)).map(|_| PluginProcess::start_with(mtls).started_in).collect();
        let max = *samples.iter().max().unwrap();
        writeln!(report, "| {mode} | {} | {} |", ms(median(samples)), ms(max)).unwrap();
    }

    let runtime = tokio::runtime::Runtime::new().unwrap();
    let plugin = PluginProcess::start();
    let (idle_rss, _) = plugin.memory_kib();
    let calls = 1000;
    let samples = runtime.block_on(rpc_latencies(&plugin, calls));
    let (rss, peak) = plugin.memory_kib();
    drop(plugin);
    let max = *samples.iter().max().unwrap();
    let mut sorted = samples.clone();
    sorted.sort();
    let p99 = sorted[sorted.len() * 99 / 100];
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
    writeln!(report, "\n## Provider memory\n").unwrap();
    writeln!(report, "| after start (KiB RSS) | after {calls} reads (KiB RSS) | peak (KiB VmHWM) |").unwrap();
    writeln!(report, "|---:|---:|---:|").unwrap();
    writeln!(report, "| {idle_rss} | {rss} | {peak} |").unwrap();

    print!("{report}");
    if let Some(out) = options.out {
        std::fs::write(&out, &report).unwrap();
        eprintln!("written to {}", out.display());
    }
}
