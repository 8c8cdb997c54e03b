//! The go-plugin peer (benches/go-peer) serving our schema and its narrower variants, and the
//! schema study made with it.

use std::fmt::Write as _;
use std::path::Path;
use std::time::Duration;

use prost::Message as _;
use tempfile::TempDir;
use terraform_provider_qbusiness::catalog::arguments as args;
use terraform_provider_qbusiness::plugin::proto::tfplugin6 as pb;
use terraform_provider_qbusiness::plugin::Provider as _;
use terraform_provider_qbusiness::provider::descriptor as descriptors;
use terraform_provider_qbusiness::provider::QBusinessProvider;

use crate::common;
use crate::common::workspace::Workspace;
use crate::configs::peer_config;
use crate::policy::{s3_allows, s3_document};
use crate::report::{ms, per_document, Section};
use crate::terraform::{alternately, workspace_with, Contender, PLAN};

/// The go-plugin peer (benches/go-peer), built by `make bench` into build/go-peer, in a mirror of
/// its own, with a directory per schema variant for its PEER_DIR.
pub struct GoPeer {
    mirror: TempDir,
    variants: TempDir,
}

/// The peer's source address.
pub const PEER_SOURCE: &str = "bench/gopeer";
/// The peer's data source, serving our connector policy's schema.
pub const PEER_DATA_SOURCE: &str = "gopeer_connector_policy";

/// A schema the peer serves: the name of the variant, and which attributes and blocks it keeps.
struct SchemaVariant {
    name: &'static str,
    description: &'static str,
    keeps: fn(&str) -> bool,
    blocks: bool,
}

/// The schema variants of the study, from ours to the narrowest.
const SCHEMA_VARIANTS: [SchemaVariant; 4] = [
    SchemaVariant {
        name: "same",
        description: "the qbusiness_connector_policy schema (its attributes, `allows` filled as ours fills it, 3 levels of nested blocks)",
        keeps: |_| true,
        blocks: true,
    },
    SchemaVariant { name: "no-blocks", description: "the same attributes, no `statement` blocks", keeps: |_| true, blocks: false },
    SchemaVariant {
        name: "one-computed",
        description: "the same, with `json` the only computed attribute (no `minified_json`, `size`, `allows`)",
        keeps: |name| ![args::MINIFIED_JSON, args::SIZE, args::ALLOWS].iter().any(|n| *n == name),
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
    pub fn find(schema: &pb::get_provider_schema::Response) -> Result<GoPeer, String> {
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
            std::fs::write(dir.join("allows.json"), s3_allows("peerbucket")).unwrap();
        }
        Ok(GoPeer { mirror, variants })
    }

    /// The PEER_DIR of schema variant `variant`.
    pub fn peer_dir(&self, variant: &str) -> String {
        self.variants.path().join(variant).display().to_string()
    }

    /// The mirror holding the peer, as `Workspace::with_mirrors` takes it.
    pub fn mirrors(&self) -> [(&str, &Path); 1] {
        [(PEER_SOURCE, self.mirror.path())]
    }
}

/// The schema study: the peer serving each schema variant at N=1 and N=100, measured alternately;
/// and each variant's cost per document.
pub fn schema_study_section(peer: &Result<GoPeer, String>, rounds: usize) -> (Section, Vec<(&'static str, Duration)>) {
    let mut section = Section::default();
    let report = &mut section.markdown;
    let mut peer_per_document = Vec::new();
    writeln!(report, "\n## Schema study: what Terraform's per-instance cost depends on\n").unwrap();
    match peer {
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
    (section, peer_per_document)
}
