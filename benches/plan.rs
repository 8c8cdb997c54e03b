//! `make bench`: measured side by side in one run and written to BENCHMARKS.md.
//! - `terraform plan` with N S3 connector documents from the provider vs the same documents in pure HCL;
//! - exec → handshake line, with and without AutoMTLS;
//! - ReadDataSource round trips over the socket (a 40 ms delayed-ACK stall would show in the max);
//! - the provider's resident memory.

use std::fmt::Write as _;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use base64::Engine;
use hyper_util::rt::TokioIo;
use rustls::pki_types::{CertificateDer, ServerName};
use terraform_provider_qbusiness::plugin::handshake::{MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE};
use terraform_provider_qbusiness::plugin::proto::tfplugin6 as pb;
use terraform_provider_qbusiness::plugin::tls::{self, Identity};
use terraform_provider_qbusiness::plugin::{Provider as _, Value};
use terraform_provider_qbusiness::provider::QBusinessProvider;
use tokio_rustls::TlsConnector;
use tonic::transport::{Endpoint, Uri};

const APPLICATION_ID: &str = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111";
const INDEX_ID: &str = "b1b2c3d4-5678-90ab-cdef-EXAMPLE22222";

struct Options {
    terraform: PathBuf,
    out: Option<PathBuf>,
    rounds: usize,
}

fn options() -> Options {
    let mut args = std::env::args().skip(1);
    let mut options = Options { terraform: PathBuf::from("terraform"), out: None, rounds: 7 };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--terraform" => options.terraform = args.next().expect("--terraform PATH").into(),
            "--out" => options.out = Some(args.next().expect("--out FILE").into()),
            "--rounds" => options.rounds = args.next().expect("--rounds N").parse().expect("a number"),
            "--bench" => {}
            other => panic!("unknown argument {other}"),
        }
    }
    options
}

fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/release/terraform-provider-qbusiness")
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1000.0)
}

const HEADER: &str = r#"terraform {
  required_providers {
    qbusiness = {
      source  = "qbusiness-iam/qbusiness"
      version = "0.1.0"
    }
  }
}
"#;

fn provider_config(n: usize) -> String {
    format!(
        r#"{HEADER}
provider "qbusiness" {{
  region     = "us-east-1"
  account_id = "123456789012"
}}

data "qbusiness_connector_policy" "s3" {{
  count          = {n}
  connector      = "s3"
  application_id = "{APPLICATION_ID}"
  index_id       = "{INDEX_ID}"
  bucket         = "docs-${{count.index}}"
}}

output "documents" {{
  value = data.qbusiness_connector_policy.s3[*].minified_json
}}
"#
    )
}

/// The same documents from the provider function, which Terraform evaluates without data-source nodes.
fn function_config(n: usize) -> String {
    format!(
        r#"{HEADER}
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

struct Workspace {
    dir: tempfile::TempDir,
    terraform: PathBuf,
    cli_config: PathBuf,
}

impl Workspace {
    fn new(terraform: &Path, mirror: &Path, main_tf: &str) -> Workspace {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("main.tf"), main_tf).unwrap();
        let cli_config = dir.path().join(".terraformrc");
        std::fs::write(
            &cli_config,
            format!("provider_installation {{\n  filesystem_mirror {{\n    path    = \"{}\"\n    include = [\"qbusiness-iam/qbusiness\"]\n  }}\n  direct {{\n    exclude = [\"qbusiness-iam/qbusiness\"]\n  }}\n}}\n", mirror.display()),
        )
        .unwrap();
        let workspace = Workspace { dir, terraform: terraform.to_owned(), cli_config };
        workspace.run(&["init", "-input=false", "-no-color"]);
        workspace
    }

    fn run(&self, args: &[&str]) -> (Duration, String) {
        self.run_with(args, None)
    }

    /// Runs terraform, attached to an already running provider when `reattach` is given.
    fn run_with(&self, args: &[&str], reattach: Option<&str>) -> (Duration, String) {
        let start = Instant::now();
        let mut command = Command::new(&self.terraform);
        if let Some(reattach) = reattach {
            command.env("TF_REATTACH_PROVIDERS", reattach);
        }
        let output = command
            .args(args)
            .current_dir(self.dir.path())
            .env("TF_CLI_CONFIG_FILE", &self.cli_config)
            .env("CHECKPOINT_DISABLE", "1")
            .env_remove("TF_LOG")
            .output()
            .unwrap();
        let elapsed = start.elapsed();
        assert!(output.status.success(), "terraform {args:?} failed:\n{}", String::from_utf8_lossy(&output.stderr));
        (elapsed, String::from_utf8_lossy(&output.stdout).into_owned())
    }

    fn documents(&self) -> Vec<serde_json::Value> {
        self.run(&["apply", "-auto-approve", "-input=false", "-no-color"]);
        let (_, out) = self.run(&["output", "-json", "documents"]);
        let texts: Vec<String> = serde_json::from_str(&out).unwrap();
        texts.iter().map(|t| serde_json::from_str(t).unwrap()).collect()
    }
}

fn mirror() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let package = dir.path().join("registry.terraform.io/qbusiness-iam/qbusiness/0.1.0/linux_amd64");
    std::fs::create_dir_all(&package).unwrap();
    std::fs::copy(binary(), package.join("terraform-provider-qbusiness_v0.1.0")).unwrap();
    dir
}

/// A provider started by hand with `-debug`, for Terraform to attach to without starting processes.
struct Attached {
    child: std::process::Child,
    reattach: String,
}

impl Attached {
    fn start(socket_parent: &Path) -> Attached {
        let mut child = Command::new(binary())
            .arg("-debug")
            .env("PLUGIN_UNIX_SOCKET_DIR", socket_parent)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut reader = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        while reader.read_line(&mut line).unwrap() > 0 {
            if let Some(value) = line.trim().strip_prefix("export TF_REATTACH_PROVIDERS='") {
                let reattach = value.trim_end_matches('\'').to_owned();
                return Attached { child, reattach };
            }
            line.clear();
        }
        panic!("the provider printed no TF_REATTACH_PROVIDERS line");
    }
}

impl Drop for Attached {
    fn drop(&mut self) {
        let _ = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status();
        let _ = self.child.wait();
    }
}

struct Started {
    child: std::process::Child,
    socket: PathBuf,
    certificate: Option<CertificateDer<'static>>,
    elapsed: Duration,
}

fn start(client: Option<&Identity>, socket_parent: &Path) -> Started {
    let start = Instant::now();
    let mut command = Command::new(binary());
    command
        .env(MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE)
        .env("PLUGIN_UNIX_SOCKET_DIR", socket_parent)
        .env("PLUGIN_PROTOCOL_VERSIONS", "6")
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    if let Some(client) = client {
        command.env("PLUGIN_CLIENT_CERT", client.certificate_pem());
    }
    let mut child = command.spawn().unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let elapsed = start.elapsed();
    let fields: Vec<&str> = line.trim_end().split('|').collect();
    let certificate =
        (!fields[5].is_empty()).then(|| CertificateDer::from(base64::engine::general_purpose::STANDARD_NO_PAD.decode(fields[5]).unwrap()));
    Started { child, socket: fields[3].into(), certificate, elapsed }
}

fn rss_kib(pid: u32) -> (u64, u64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status.lines().find(|l| l.starts_with(name)).and_then(|l| l.split_whitespace().nth(1)).and_then(|v| v.parse().ok()).unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

async fn rpc_latencies(started: &Started, client: &Identity, calls: usize) -> Vec<Duration> {
    let config = Arc::new(tls::client_config(client, started.certificate.clone().unwrap()).unwrap());
    let socket = started.socket.clone();
    let channel = Endpoint::from_static("http://localhost")
        .connect_with_connector(tower::service_fn(move |_: Uri| {
            let (config, socket) = (config.clone(), socket.clone());
            async move {
                let stream = tokio::net::UnixStream::connect(socket).await?;
                let tls = TlsConnector::from(config).connect(ServerName::try_from("localhost").unwrap(), stream).await?;
                Ok::<_, std::io::Error>(TokioIo::new(tls))
            }
        }))
        .await
        .unwrap();
    let mut provider = pb::provider_client::ProviderClient::new(channel);
    let schema = QBusinessProvider::new();
    let provider_type = schema.schema().provider.value_type();
    let ty = schema.schema().data_sources["qbusiness_connector_policy"].value_type();
    let defaults = Value::object([("region", Value::string("us-east-1")), ("account_id", Value::string("123456789012"))]);
    provider
        .configure_provider(pb::configure_provider::Request {
            config: Some(pb::DynamicValue { msgpack: defaults.to_msgpack(&provider_type).unwrap(), json: vec![] }),
            ..Default::default()
        })
        .await
        .unwrap();
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
        let mut diagnostics = terraform_provider_qbusiness::plugin::Diagnostics::default();
        let state = provider.read_data_source("qbusiness_connector_policy", &decoded, &mut diagnostics).unwrap();
        std::hint::black_box(state.to_msgpack(&ty).unwrap());
    }
    start.elapsed() / rounds
}

fn main() {
    let options = options();
    assert!(binary().is_file(), "build first: cargo build --release");
    let mirror = mirror();
    let mut report = String::new();
    let version = Command::new(&options.terraform).arg("version").output().unwrap();
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

    let sockets = tempfile::tempdir().unwrap();
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
    let attached = Attached::start(sockets.path());
    for n in [1, 10, 100] {
        let ours = Workspace::new(&options.terraform, mirror.path(), &provider_config(n));
        let hcl = Workspace::new(&options.terraform, mirror.path(), &hcl_config(n));
        assert_eq!(ours.documents(), hcl.documents(), "N={n}: the two configurations must produce the same documents");
        let plan = ["plan", "-input=false", "-no-color", "-refresh=false"];
        let (mut a, mut b, mut c) = (Vec::new(), Vec::new(), Vec::new());
        ours.run(&plan);
        hcl.run(&plan);
        ours.run_with(&plan, Some(&attached.reattach));
        for _ in 0..options.rounds {
            a.push(ours.run(&plan).0);
            b.push(hcl.run(&plan).0);
            c.push(ours.run_with(&plan, Some(&attached.reattach)).0);
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
        let functions = Workspace::new(&options.terraform, mirror.path(), &function_config(n));
        let hcl = Workspace::new(&options.terraform, mirror.path(), &hcl_config(n));
        let data_sources = Workspace::new(&options.terraform, mirror.path(), &provider_config(n));
        assert_eq!(functions.documents(), hcl.documents(), "N={n}: functions and HCL must produce the same documents");
        let plan = ["plan", "-input=false", "-no-color", "-refresh=false"];
        let (mut f, mut h, mut d) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..options.rounds {
            f.push(functions.run(&plan).0);
            h.push(hcl.run(&plan).0);
            d.push(data_sources.run(&plan).0);
        }
        let (f, h, d) = (median(f), median(h), median(d));
        let (to_hcl, to_data) = (f.as_secs_f64() / h.as_secs_f64(), f.as_secs_f64() / d.as_secs_f64());
        writeln!(report, "| {n} | {} | {} | {to_hcl:.2} | {} | {to_data:.2} |", ms(f), ms(h), ms(d)).unwrap();
        eprintln!("functions N={n}: {} ms, HCL {} ms ({to_hcl:.2}), data sources {} ms ({to_data:.2})", ms(f), ms(h), ms(d));
    }

    writeln!(report, "\n## Provider start-up: exec → handshake line\n").unwrap();
    writeln!(report, "| mode | median (ms) | max (ms) |").unwrap();
    writeln!(report, "|---|---:|---:|").unwrap();
    let client = Identity::generate().unwrap();
    for (mode, identity) in [("AutoMTLS (PLUGIN_CLIENT_CERT set)", Some(&client)), ("plaintext", None)] {
        let mut samples = Vec::new();
        for _ in 0..(options.rounds * 5) {
            let mut started = start(identity, sockets.path());
            samples.push(started.elapsed);
            let _ = started.child.kill();
            let _ = started.child.wait();
        }
        let max = *samples.iter().max().unwrap();
        writeln!(report, "| {mode} | {} | {} |", ms(median(samples)), ms(max)).unwrap();
    }

    let runtime = tokio::runtime::Runtime::new().unwrap();
    let mut started = start(Some(&client), sockets.path());
    let (idle_rss, _) = rss_kib(started.child.id());
    let calls = 1000;
    let samples = runtime.block_on(rpc_latencies(&started, &client, calls));
    let (rss, peak) = rss_kib(started.child.id());
    let _ = started.child.kill();
    let _ = started.child.wait();
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
