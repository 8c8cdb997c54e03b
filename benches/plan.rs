//! `make bench`: measured side by side in one run and written to BENCHMARKS.md.
//! - `terraform plan` with N S3 connector documents from the provider vs the same documents in pure
//!   HCL, vs a go-plugin peer (benches/go-peer) serving the same schema, and vs
//!   `aws_iam_policy_document` beside the AWS provider (where a mirror holds it);
//! - a schema study with the peer: Terraform's per-instance cost against the schema's shape;
//! - exec → handshake line, with and without AutoMTLS; Shutdown answered → exit;
//! - ReadDataSource round trips over the socket (a 40 ms delayed-ACK stall would show in the max);
//! - the provider's resident memory.

#[path = "../tests/common/mod.rs"]
mod common;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use terraform_provider_qbusiness::catalog::arguments as args;
use terraform_provider_qbusiness::provider::descriptor as descriptors;

use common::plugin_process::{Attached, PluginProcess};
use common::workspace::{Workspace, PROVIDER_BLOCK};
use prost::Message as _;
use tempfile::TempDir;
use terraform_provider_qbusiness::plugin::proto::plugin::grpc_controller_client::GrpcControllerClient;
use terraform_provider_qbusiness::plugin::proto::plugin::Empty;
use terraform_provider_qbusiness::plugin::proto::tfplugin6 as pb;
use terraform_provider_qbusiness::plugin::{Provider as _, Value};
use terraform_provider_qbusiness::provider::QBusinessProvider;

use terraform_provider_qbusiness::catalog::examples::{ACCOUNT_ID, APPLICATION_ID, INDEX_ID, REGION};

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
        Sid       = "AllowsAmazonQToPassCustomerRole"
        Effect    = "Allow"
        Action    = "iam:PassRole"
        Resource  = "arn:aws:iam::123456789012:role/QBusiness-DataSource-*"
        Condition = {{ StringEquals = {{ "iam:PassedToService" = "qbusiness.amazonaws.com" }} }}
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

/// A workspace of the shared test helpers, initialised, installing also `mirrors`.
fn workspace_with(main_tf: &str, mirrors: &[(&str, &Path)]) -> Workspace {
    let workspace = Workspace::with_mirrors(&[("main.tf", main_tf)], mirrors);
    workspace.init();
    workspace
}

fn workspace(main_tf: &str) -> Workspace {
    workspace_with(main_tf, &[])
}

/// Runs terraform in `workspace` with `env`, which must succeed, and says how long it took.
fn timed(workspace: &Workspace, args: &[&str], env: &[(&str, &str)]) -> Duration {
    let start = Instant::now();
    let run = workspace.run_with_env(args, env);
    let elapsed = start.elapsed();
    assert_eq!(run.code, 0, "terraform {args:?} failed:\n{}", run.stderr);
    elapsed
}

const PLAN: [&str; 4] = ["plan", "-input=false", "-no-color", "-refresh=false"];

/// A configuration to time: its workspace and the environment Terraform runs with.
struct Contender<'a> {
    workspace: &'a Workspace,
    env: Vec<(&'a str, &'a str)>,
}

impl<'a> Contender<'a> {
    fn new(workspace: &'a Workspace) -> Self {
        Contender { workspace, env: Vec::new() }
    }

    fn with_env(workspace: &'a Workspace, env: &[(&'a str, &'a str)]) -> Self {
        Contender { workspace, env: env.to_vec() }
    }
}

/// The median `args` time of each contender, measured alternately (one of each per round) after
/// one warm-up run each, so that every ratio compares runs under the same machine load.
fn alternately(contenders: &[Contender<'_>], args: &[&str], rounds: usize) -> Vec<Duration> {
    for c in contenders {
        timed(c.workspace, args, &c.env);
    }
    let mut samples = vec![Vec::new(); contenders.len()];
    for _ in 0..rounds {
        for (c, s) in contenders.iter().zip(&mut samples) {
            s.push(timed(c.workspace, args, &c.env));
        }
    }
    samples.into_iter().map(median).collect()
}

/// The documents a configuration's `documents` output holds after an apply.
fn documents(contender: &Contender<'_>) -> Vec<serde_json::Value> {
    timed(contender.workspace, &["apply", "-auto-approve", "-input=false", "-no-color"], &contender.env);
    let texts: Vec<String> = serde_json::from_value(contender.workspace.outputs()["documents"]["value"].clone()).unwrap();
    texts.iter().map(|t| serde_json::from_str(t).unwrap()).collect()
}

/// `document` with every list of strings sorted, to compare documents whose lists are sets.
fn sorted_lists(document: serde_json::Value) -> serde_json::Value {
    use serde_json::Value as Json;
    match document {
        Json::Array(items) if items.iter().all(Json::is_string) => {
            let mut items = items;
            items.sort_by(|a, b| a.as_str().cmp(&b.as_str()));
            Json::Array(items)
        }
        Json::Array(items) => Json::Array(items.into_iter().map(sorted_lists).collect()),
        Json::Object(entries) => Json::Object(entries.into_iter().map(|(k, v)| (k, sorted_lists(v))).collect()),
        other => other,
    }
}

fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64()
}

/// The go-plugin peer (benches/go-peer), built by `make bench` into build/go-peer, in a mirror of
/// its own, with a directory per schema variant for its PEER_DIR.
struct GoPeer {
    mirror: TempDir,
    variants: TempDir,
}

const PEER_SOURCE: &str = "bench/gopeer";
const PEER_DATA_SOURCE: &str = "gopeer_connector_policy";

/// A schema the peer serves: the name of the variant, and which attributes and blocks it keeps.
struct SchemaVariant {
    name: &'static str,
    description: &'static str,
    keeps: fn(&str) -> bool,
    blocks: bool,
}

const SCHEMA_VARIANTS: [SchemaVariant; 4] = [
    SchemaVariant {
        name: "same",
        description: "the qbusiness_connector_policy schema (22 attributes, 3 levels of nested blocks)",
        keeps: |_| true,
        blocks: true,
    },
    SchemaVariant { name: "no-blocks", description: "the same attributes, no `statement` blocks", keeps: |_| true, blocks: false },
    SchemaVariant {
        name: "one-computed",
        description: "the same, with `json` the only computed attribute (no `minified_json`, `size`)",
        keeps: |name| args::MINIFIED_JSON != name && args::SIZE != name,
        blocks: true,
    },
    SchemaVariant {
        name: "narrow",
        description: "only the six arguments this configuration sets and `json`, no blocks",
        keeps: |name| {
            [args::CONNECTOR, args::APPLICATION_ID, args::INDEX_ID, args::BUCKET, args::REGION, args::ACCOUNT_ID, args::JSON]
                .iter()
                .any(|n| *n == name)
        },
        blocks: false,
    },
];

impl GoPeer {
    /// The peer, or why it is not there.
    fn find(schema: &pb::get_provider_schema::Response) -> Result<GoPeer, String> {
        let binary = common::repo().join("build/go-peer/terraform-provider-gopeer");
        if !binary.is_file() {
            return Err(format!("no {} (built by `make bench` from benches/go-peer)", binary.display()));
        }
        let mirror = tempfile::tempdir().unwrap();
        let package = mirror.path().join(format!("registry.terraform.io/{PEER_SOURCE}/0.0.1/linux_amd64"));
        std::fs::create_dir_all(&package).unwrap();
        std::fs::copy(&binary, package.join("terraform-provider-gopeer_v0.0.1")).unwrap();
        let variants = tempfile::tempdir().unwrap();
        let block = QBusinessProvider::new().schema().data_sources[descriptors::CONNECTOR_POLICY.type_name].clone();
        for variant in &SCHEMA_VARIANTS {
            let dir = variants.path().join(variant.name);
            std::fs::create_dir_all(&dir).unwrap();
            let mut narrowed = block.clone();
            narrowed.attributes.retain(|a| (variant.keeps)(&a.name));
            if !variant.blocks {
                narrowed.blocks.clear();
            }
            let mut response = schema.clone();
            let mut data_source = response.data_source_schemas.remove(descriptors::CONNECTOR_POLICY.type_name).unwrap();
            let inner = data_source.block.as_mut().unwrap();
            inner.attributes.retain(|a| (variant.keeps)(&a.name));
            if !variant.blocks {
                inner.block_types.clear();
            }
            response.data_source_schemas = [(PEER_DATA_SOURCE.to_owned(), data_source)].into_iter().collect();
            response.functions.clear();
            std::fs::write(dir.join("schema.pb"), response.encode_to_vec()).unwrap();
            std::fs::write(dir.join("type.json"), narrowed.value_type().to_json_bytes()).unwrap();
            std::fs::write(dir.join("document.json"), s3_document("peerbucket")).unwrap();
        }
        Ok(GoPeer { mirror, variants })
    }

    fn peer_dir(&self, variant: &str) -> String {
        self.variants.path().join(variant).display().to_string()
    }

    fn mirrors(&self) -> [(&str, &Path); 1] {
        [(PEER_SOURCE, self.mirror.path())]
    }
}

/// The JSON document of the S3 connector for `bucket`, as the provider renders it.
fn s3_document(bucket: &str) -> String {
    let provider = QBusinessProvider::new();
    let config = Value::object([
        (args::CONNECTOR, Value::string("s3")),
        (args::APPLICATION_ID, Value::string(APPLICATION_ID)),
        (args::INDEX_ID, Value::string(INDEX_ID)),
        (args::BUCKET, Value::string(bucket)),
        (args::REGION, Value::string(REGION)),
        (args::ACCOUNT_ID, Value::string(ACCOUNT_ID)),
    ]);
    let state = provider.data_source(descriptors::CONNECTOR_POLICY.type_name).unwrap().read(&config).0.unwrap();
    state.attribute(args::JSON).as_str().unwrap().to_owned()
}

/// N S3 connector documents from data source `type_name`, region and account set on each, its
/// `output` attribute in the output `documents`.
fn s3_data_sources(type_name: &str, n: usize, output: &str) -> String {
    format!(
        r#"data "{type_name}" "s3" {{
  count          = {n}
  connector      = "s3"
  application_id = "{APPLICATION_ID}"
  index_id       = "{INDEX_ID}"
  bucket         = "docs-${{count.index}}"
  region         = "{REGION}"
  account_id     = "{ACCOUNT_ID}"
}}

output "documents" {{
  value = data.{type_name}.s3[*].{output}
}}
"#
    )
}

/// N S3 connector documents from the go-plugin peer, its `output` attribute in `documents`.
fn peer_config(n: usize, output: &str) -> String {
    format!(
        r#"terraform {{
  required_providers {{
    gopeer = {{
      source  = "{PEER_SOURCE}"
      version = "0.0.1"
    }}
  }}
}}

{}"#,
        s3_data_sources(PEER_DATA_SOURCE, n, output)
    )
}

/// The AWS provider as a configuration that already uses it has it: configured, offline.
const AWS_PROVIDER: &str = r#"provider "aws" {
  region                      = "us-east-1"
  access_key                  = "bench"
  secret_key                  = "bench"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}
"#;

fn aws_required_providers(ours: bool) -> String {
    let qbusiness = if ours {
        format!(
            "    qbusiness = {{\n      source  = \"qbusiness-iam/qbusiness\"\n      version = \"{}\"\n    }}\n",
            common::workspace::VERSION
        )
    } else {
        String::new()
    };
    format!("terraform {{\n  required_providers {{\n    aws = {{\n      source = \"hashicorp/aws\"\n    }}\n{qbusiness}  }}\n}}\n")
}

/// N documents with `aws_iam_policy_document`, in a configuration using the AWS provider.
fn aws_policy_document_config(n: usize) -> String {
    let resource_account = r#"condition {
      test     = "StringEquals"
      variable = "aws:ResourceAccount"
      values   = ["123456789012"]
    }"#;
    format!(
        r#"{required}
{AWS_PROVIDER}
locals {{
  app_arn   = "arn:aws:qbusiness:us-east-1:123456789012:application/{APPLICATION_ID}"
  index_arn = "${{local.app_arn}}/index/{INDEX_ID}"
}}

data "aws_iam_policy_document" "s3" {{
  count = {n}
  statement {{
    sid       = "AllowsAmazonQToGetObjectfromS3"
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::docs-${{count.index}}/*"]
    {resource_account}
  }}
  statement {{
    sid       = "AllowsAmazonQToListS3Buckets"
    actions   = ["s3:ListBucket"]
    resources = ["arn:aws:s3:::docs-${{count.index}}"]
    {resource_account}
  }}
  statement {{
    sid       = "AllowsAmazonQToPassCustomerRole"
    actions   = ["iam:PassRole"]
    resources = ["arn:aws:iam::123456789012:role/QBusiness-DataSource-*"]
    condition {{
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["qbusiness.amazonaws.com"]
    }}
  }}
  statement {{
    sid       = "AllowsAmazonQToIngestDocuments"
    actions   = ["qbusiness:BatchDeleteDocument", "qbusiness:BatchPutDocument"]
    resources = [local.app_arn, local.index_arn]
  }}
  statement {{
    sid       = "AllowsAmazonQToIngestPrincipalMapping"
    actions   = ["qbusiness:CreateUser", "qbusiness:DeleteGroup", "qbusiness:ListGroups", "qbusiness:PutGroup", "qbusiness:UpdateUser"]
    resources = [local.app_arn, local.index_arn]
  }}
}}

output "documents" {{
  value = data.aws_iam_policy_document.s3[*].minified_json
}}
"#,
        required = aws_required_providers(false)
    )
}

/// Our N documents in the same configuration with the AWS provider.
fn ours_with_aws_config(n: usize) -> String {
    format!(
        "{}\n{AWS_PROVIDER}\n{}",
        aws_required_providers(true),
        s3_data_sources(descriptors::CONNECTOR_POLICY.type_name, n, "minified_json")
    )
}

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
async fn provider_schema() -> pb::get_provider_schema::Response {
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

/// One figure of the targets table: what is measured, its value, the target, and whether it is met.
struct Target {
    metric: &'static str,
    value: String,
    target: &'static str,
    met: bool,
}

fn main() {
    let options = options();
    let rounds = options.rounds;
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let mut report = String::new();
    let mut targets: Vec<Target> = Vec::new();
    let mut target = |metric, value: String, target, met| targets.push(Target { metric, value, target, met });

    let schema = runtime.block_on(provider_schema());
    let peer = GoPeer::find(&schema);
    let aws = common::aws_mirror();
    if let Err(why) = &peer {
        eprintln!("go-plugin peer skipped: {why}");
    }
    if let Err(why) = &aws {
        eprintln!("aws_iam_policy_document peer skipped: {why}");
    }

    writeln!(report, "## `terraform plan`: N S3 connector documents\n").unwrap();
    writeln!(
        report,
        "*HCL*: the same documents written with `jsonencode` (no provider). *attached*: ours with Terraform attached \
         (`TF_REATTACH_PROVIDERS`) to a provider already running, so no provider process is started. *go-plugin peer*: \
         benches/go-peer, a provider built with hashicorp/go-plugin, grpc-go and go-cty, serving the same schema and \
         document. Ratios are ours divided by the other.\n"
    )
    .unwrap();
    writeln!(report, "| N | ours (ms) | HCL (ms) | ours / HCL | attached (ms) | attached / HCL | go-plugin peer (ms) | ours / peer |")
        .unwrap();
    writeln!(report, "|---:|---:|---:|---:|---:|---:|---:|---:|").unwrap();
    let attached = Attached::start();
    let reattach = [("TF_REATTACH_PROVIDERS", attached.reattach.as_str())];
    let peer_same = peer.as_ref().ok().map(|p| p.peer_dir("same"));
    let mut ours_by_n = Vec::new();
    // For the decomposition under the targets: N=1 ours, HCL and attached; the peer's per-document
    // cost for each schema variant.
    let mut n1 = (Duration::ZERO, Duration::ZERO, Duration::ZERO);
    let mut peer_per_document: Vec<(&str, Duration)> = Vec::new();
    for n in [1, 10, 100, 1000] {
        let ours_ws = workspace(&common::hcl::s3_documents(n));
        let hcl_ws = workspace(&hcl_config(n));
        let peer_ws = peer.as_ref().ok().map(|p| workspace_with(&peer_config(n, "minified_json"), &p.mirrors()));
        let peer_env: Vec<(&str, &str)> = peer_same.iter().map(|dir| ("PEER_DIR", dir.as_str())).collect();
        let mut contenders = vec![Contender::new(&ours_ws), Contender::new(&hcl_ws), Contender::with_env(&ours_ws, &reattach)];
        if let Some(peer_ws) = &peer_ws {
            contenders.push(Contender::with_env(peer_ws, &peer_env));
        }
        let expected = documents(&contenders[0]);
        for other in contenders.iter().skip(1) {
            assert_eq!(documents(other), expected, "N={n}: every configuration must produce the same documents");
        }
        let times = alternately(&contenders, &PLAN, rounds);
        let (ours, hcl, attached_time) = (times[0], times[1], times[2]);
        if n == 1 {
            n1 = (ours, hcl, attached_time);
        }
        let peer_cells = times.get(3).map_or_else(|| ("-".to_owned(), "-".to_owned()), |p| (ms(*p), format!("{:.2}", ratio(ours, *p))));
        writeln!(
            report,
            "| {n} | {} | {} | {:.2} | {} | {:.2} | {} | {} |",
            ms(ours),
            ms(hcl),
            ratio(ours, hcl),
            ms(attached_time),
            ratio(attached_time, hcl),
            peer_cells.0,
            peer_cells.1
        )
        .unwrap();
        eprintln!("plan N={n}: ours {} ms, HCL {} ms, attached {} ms, peer {}", ms(ours), ms(hcl), ms(attached_time), peer_cells.0);
        match n {
            1 => {
                target("plan N=1, ours / pure HCL", format!("{:.2}×", ratio(ours, hcl)), "≤ 1.95×", ratio(ours, hcl) <= 1.95);
                if let Some(p) = times.get(3) {
                    target("plan N=1, ours / go-plugin peer", format!("{:.2}", ratio(ours, *p)), "≤ 0.55", ratio(ours, *p) <= 0.55);
                }
            }
            100 => {
                if let Some(p) = times.get(3) {
                    target(
                        "plan N=100, ours / go-plugin peer (same schema)",
                        format!("{:.2}", ratio(ours, *p)),
                        "≤ 0.70",
                        ratio(ours, *p) <= 0.70,
                    );
                }
            }
            _ => {}
        }
        ours_by_n.push((n, ours));
    }
    drop(attached);
    let per_document = |from: (usize, Duration), to: (usize, Duration)| (to.1.saturating_sub(from.1)) / (to.0 - from.0) as u32;
    let per_100 = per_document(ours_by_n[0], ours_by_n[2]);
    writeln!(
        report,
        "\nPer data source (N=1 → 100): {} ms; (N=100 → 1,000): {} ms. Terraform starts a provider three times \
         per plan (schema, validation, plan), each with go-plugin's AutoMTLS (it generates a P-521 client certificate \
         each time); *attached* shows the plan without those starts.\n",
        ms(per_100),
        ms(per_document(ours_by_n[2], ours_by_n[3]))
    )
    .unwrap();
    target("per data source at N=100", format!("{} ms", ms(per_100)), "≤ 1.0 ms", per_100 <= Duration::from_millis(1));

    writeln!(report, "## `terraform plan -parallelism=50` of 1,000 data sources\n").unwrap();
    writeln!(report, "| ours (ms) | HCL (ms) | go-plugin peer (ms) |").unwrap();
    writeln!(report, "|---:|---:|---:|").unwrap();
    {
        let ours_ws = workspace(&common::hcl::s3_documents(1000));
        let hcl_ws = workspace(&hcl_config(1000));
        let peer_ws = peer.as_ref().ok().map(|p| workspace_with(&peer_config(1000, "minified_json"), &p.mirrors()));
        let peer_env: Vec<(&str, &str)> = peer_same.iter().map(|dir| ("PEER_DIR", dir.as_str())).collect();
        let mut contenders = vec![Contender::new(&ours_ws), Contender::new(&hcl_ws)];
        if let Some(peer_ws) = &peer_ws {
            contenders.push(Contender::with_env(peer_ws, &peer_env));
        }
        let plan: Vec<&str> = PLAN.iter().copied().chain(["-parallelism=50"]).collect();
        let times = alternately(&contenders, &plan, rounds.min(3));
        let peer_cell = times.get(2).map_or("-".to_owned(), |p| ms(*p));
        writeln!(report, "| {} | {} | {peer_cell} |\n", ms(times[0]), ms(times[1])).unwrap();
        target(
            "plan of 1,000 data sources, parallelism 50",
            format!("{:.2} s", times[0].as_secs_f64()),
            "≤ 2.0 s",
            times[0] <= Duration::from_secs(2),
        );
    }

    writeln!(report, "## `terraform plan`: ours vs `aws_iam_policy_document`, both beside the AWS provider\n").unwrap();
    match &aws {
        Ok(mirror) => {
            writeln!(
                report,
                "The real choice of a module that already uses hashicorp/aws: the same N documents from \
                 `qbusiness_connector_policy` or written with `aws_iam_policy_document`, in a configuration with the \
                 AWS provider configured (offline).\n"
            )
            .unwrap();
            writeln!(report, "| N | ours + AWS provider (ms) | `aws_iam_policy_document` (ms) | ratio |").unwrap();
            writeln!(report, "|---:|---:|---:|---:|").unwrap();
            let mirrors = [("hashicorp/aws", mirror.as_path())];
            for n in [1, 10, 100, 1000] {
                let ours_ws = workspace_with(&ours_with_aws_config(n), &mirrors);
                let aws_ws = workspace_with(&aws_policy_document_config(n), &mirrors);
                let contenders = [Contender::new(&ours_ws), Contender::new(&aws_ws)];
                // aws_iam_policy_document keeps actions and resources as sets, in an order of its own.
                let same = |documents: Vec<serde_json::Value>| documents.into_iter().map(sorted_lists).collect::<Vec<_>>();
                assert_eq!(
                    same(documents(&contenders[0])),
                    same(documents(&contenders[1])),
                    "N={n}: aws_iam_policy_document must give our document"
                );
                let times = alternately(&contenders, &PLAN, rounds);
                writeln!(report, "| {n} | {} | {} | {:.2} |", ms(times[0]), ms(times[1]), ratio(times[0], times[1])).unwrap();
                eprintln!("aws N={n}: ours {} ms, aws_iam_policy_document {} ms", ms(times[0]), ms(times[1]));
            }
        }
        Err(why) => writeln!(report, "Not measured: {why}.").unwrap(),
    }

    writeln!(report, "\n## Schema study: what Terraform's per-instance cost depends on\n").unwrap();
    match &peer {
        Ok(peer) => {
            writeln!(
                report,
                "The go-plugin peer serving narrower variants of our schema, N=1 and N=100 measured alternately; \
                 *per document* is (N=100 − N=1) / 99. The peer's own work is the same in every variant, so the \
                 differences are Terraform's.\n"
            )
            .unwrap();
            writeln!(report, "| schema | N=1 (ms) | N=100 (ms) | per document (ms) |").unwrap();
            writeln!(report, "|---|---:|---:|---:|").unwrap();
            let dirs: Vec<String> = SCHEMA_VARIANTS.iter().map(|v| peer.peer_dir(v.name)).collect();
            let workspaces: Vec<(Workspace, Workspace)> = SCHEMA_VARIANTS
                .iter()
                .map(|v| {
                    let output = if (v.keeps)(args::MINIFIED_JSON.as_str()) { args::MINIFIED_JSON } else { args::JSON }.as_str();
                    (workspace_with(&peer_config(1, output), &peer.mirrors()), workspace_with(&peer_config(100, output), &peer.mirrors()))
                })
                .collect();
            let envs: Vec<[(&str, &str); 1]> = dirs.iter().map(|d| [("PEER_DIR", d.as_str())]).collect();
            let contenders: Vec<Contender<'_>> = workspaces
                .iter()
                .zip(&envs)
                .flat_map(|((one, hundred), env)| [Contender::with_env(one, env), Contender::with_env(hundred, env)])
                .collect();
            let times = alternately(&contenders, &PLAN, rounds);
            for (i, variant) in SCHEMA_VARIANTS.iter().enumerate() {
                let (one, hundred) = (times[2 * i], times[2 * i + 1]);
                let per = per_document((1, one), (100, hundred));
                peer_per_document.push((variant.name, per));
                writeln!(report, "| {} | {} | {} | {} |", variant.description, ms(one), ms(hundred), ms(per)).unwrap();
                eprintln!("schema {}: N=1 {} ms, N=100 {} ms, per document {} ms", variant.name, ms(one), ms(hundred), ms(per));
            }
        }
        Err(why) => writeln!(report, "Not measured: {why}.").unwrap(),
    }

    writeln!(report, "\n## `terraform plan`: provider functions vs pure HCL and vs data sources\n").unwrap();
    writeln!(report, "| N documents | functions (ms) | pure HCL (ms) | ratio to HCL | data sources (ms) | ratio to data sources |")
        .unwrap();
    writeln!(report, "|---:|---:|---:|---:|---:|---:|").unwrap();
    for n in [1, 100] {
        let functions = workspace(&function_config(n));
        let hcl = workspace(&hcl_config(n));
        let data_sources = workspace(&common::hcl::s3_documents(n));
        let contenders = [Contender::new(&functions), Contender::new(&hcl), Contender::new(&data_sources)];
        assert_eq!(documents(&contenders[0]), documents(&contenders[1]), "N={n}: functions and HCL must produce the same documents");
        let times = alternately(&contenders, &PLAN, rounds);
        let (f, h, d) = (times[0], times[1], times[2]);
        writeln!(report, "| {n} | {} | {} | {:.2} | {} | {:.2} |", ms(f), ms(h), ratio(f, h), ms(d), ratio(f, d)).unwrap();
    }

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
    target("peak RSS at N=100", format!("{:.1} MiB", peak_at_100 as f64 / 1024.0), "≤ 8 MiB", peak_at_100 <= 8 * 1024);
    let binary_bytes = std::fs::metadata(common::provider_binary()).unwrap().len();
    target("release binary", format!("{:.1} MB", binary_bytes as f64 / 1e6), "≤ 4.5 MB", binary_bytes <= 4_500_000);

    let version = std::process::Command::new(common::terraform()).arg("version").output().unwrap();
    let version = String::from_utf8_lossy(&version.stdout).lines().next().unwrap_or("").to_owned();
    let mut head = String::new();
    writeln!(head, "# Benchmarks\n").unwrap();
    writeln!(
        head,
        "Measured by `make bench` ({rounds} rounds per figure, medians; {version}; {} cores). Each ratio compares \
         measurements taken alternately in the same run.\n",
        std::thread::available_parallelism().map_or(0, |n| n.get())
    )
    .unwrap();
    writeln!(head, "## Targets\n").unwrap();
    writeln!(head, "| metric | measured | target | met |").unwrap();
    writeln!(head, "|---|---:|---:|:---:|").unwrap();
    for t in &targets {
        writeln!(head, "| {} | {} | {} | {} |", t.metric, t.value, t.target, if t.met { "yes" } else { "no" }).unwrap();
    }
    writeln!(head).unwrap();
    let (ours1, hcl1, attached1) = n1;
    writeln!(
        head,
        "Where the N=1 ratio goes: ours − HCL = {} ms, of which {} ms are the three provider processes Terraform \
         starts per plan (the *attached* plan, which starts none, is {:.2}× HCL); a process start is {} ms of \
         Terraform's work (its P-521 certificate, TLS, connection, waiting for the exit) besides our exec → handshake \
         below, so no process-based provider gets near 1.95×.",
        ms(ours1.saturating_sub(hcl1)),
        ms(ours1.saturating_sub(attached1)),
        ratio(attached1, hcl1),
        ms(ours1.saturating_sub(attached1) / 3),
    )
    .unwrap();
    if let Some((_, same)) = peer_per_document.iter().find(|(name, _)| *name == "same") {
        let listed: Vec<String> = peer_per_document.iter().map(|(name, per)| format!("{name} {} ms", ms(*per))).collect();
        let verdict = if *same > Duration::from_millis(1) {
            "so with this schema Terraform's own per-instance work is above 1.0 ms for a Go provider too, and only a \
             narrower schema, which would drop arguments users write, lowers it"
        } else {
            "so Terraform's own per-instance work for this schema is within 1.0 ms; the rest is ours"
        };
        writeln!(
            head,
            "\nWhere the per-document cost goes: ours {} ms; the go-plugin peer, whose own work per read is the same in \
             every variant, {} (schema study below), {verdict}.",
            ms(per_100),
            listed.join(", ")
        )
        .unwrap();
    }
    writeln!(head).unwrap();
    let report = head + &report;
    print!("{report}");
    if let Some(out) = options.out {
        std::fs::write(&out, &report).unwrap();
        eprintln!("written to {}", out.display());
    }
}
