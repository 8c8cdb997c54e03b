//! `make bench`: measured side by side in one run and written to BENCHMARKS.md.
//! - `terraform plan` with N S3 connector documents from the provider vs the same documents in pure
//!   HCL, vs a go-plugin peer (benches/go-peer) serving the same schema, and vs
//!   `aws_iam_policy_document` beside the AWS provider (where a mirror holds it);
//! - a schema study with the peer: Terraform's per-instance cost against the schema's shape;
//! - provider functions, and one `qbusiness_application_roles` read of N documents;
//! - exec → handshake line, with and without AutoMTLS; Shutdown answered → exit;
//! - ReadDataSource round trips over the socket (a 40 ms delayed-ACK stall would show in the max);
//! - the provider's resident memory.
//!
//! The documents written without this provider (pure HCL, `aws_iam_policy_document`) are the
//! golden S3 connector document converted, so they follow the provider's policy by themselves.

#[path = "../../tests/common/mod.rs"]
mod common;

mod configs;
mod peer;
mod plans;
mod policy;
mod protocol;
mod report;
mod terraform;

use std::path::PathBuf;

use peer::GoPeer;
use report::Decomposition;

/// The command line: where to write the report besides stdout, and how many rounds per figure.
/// Terraform is found as the tests find it: `TERRAFORM`, else on PATH, else the `.venv` shim.
struct Options {
    out: Option<PathBuf>,
    rounds: usize,
}

/// Reads `--out FILE` and `--rounds N` (7 unless given); cargo's `--bench` is ignored.
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

/// Checks the policy converters, measures every section in order, and prints (and with `--out`
/// writes) the report.
fn main() {
    let options = options();
    let rounds = options.rounds;
    policy::check();
    let runtime = tokio::runtime::Runtime::new().unwrap();

    let schema = runtime.block_on(protocol::provider_schema());
    let peer = GoPeer::find(&schema);
    let aws = common::aws_mirror();
    if let Err(why) = &peer {
        eprintln!("go-plugin peer skipped: {why}");
    }
    if let Err(why) = &aws {
        eprintln!("aws_iam_policy_document peer skipped: {why}");
    }

    let (documents, figures) = plans::documents_section(&peer, rounds);
    let parallelism = plans::parallelism_section(&peer, rounds);
    let aws = plans::aws_section(&aws, rounds);
    let (schema_study, peer_per_document) = peer::schema_study_section(&peer, rounds);
    let functions = plans::functions_section(rounds);
    let bundle = plans::bundle_section(rounds);
    let process = protocol::process_section(&runtime, rounds);
    let round_trips = protocol::round_trips_and_memory_section(&runtime);

    let decomposition = Decomposition { n1: figures.n1, per_100: figures.per_100, peer_per_document };
    let sections = [documents, parallelism, aws, schema_study, functions, bundle, process, round_trips];
    let report = report::report(rounds, &sections, &decomposition);
    print!("{report}");
    if let Some(out) = options.out {
        std::fs::write(&out, &report).unwrap();
        eprintln!("written to {}", out.display());
    }
}
