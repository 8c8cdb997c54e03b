//! Helpers shared by the integration tests: where things are, and how to run the real tools.
#![allow(dead_code)]

pub mod bad_cases;
pub mod cases;
pub mod hcl;
pub mod plugin_process;
pub mod simulation;
pub mod workspace;

use std::path::{Path, PathBuf};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The provider binary cargo built for this test run.
pub fn provider_binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_terraform-provider-qbusiness"))
}

/// `TERRAFORM`, else `terraform` on PATH, else the shim `make` installs in `.venv/bin`.
pub fn terraform() -> PathBuf {
    if let Some(path) = std::env::var_os("TERRAFORM") {
        return PathBuf::from(path);
    }
    if let Some(found) = std::env::var_os("PATH")
        .and_then(|paths| std::env::split_paths(&paths).map(|dir| dir.join("terraform")).find(|candidate| candidate.is_file()))
    {
        return found;
    }
    let shim = repo().join(".venv/bin/terraform");
    assert!(shim.is_file(), "no Terraform found: set TERRAFORM, put terraform on PATH, or run `make test`, which installs one");
    shim
}

pub fn write(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(path, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}

/// The Python with moto and boto3 (`make test` installs them into `.venv`; `EMULATOR_PYTHON` overrides).
pub fn emulator_python() -> PathBuf {
    let python = std::env::var_os("EMULATOR_PYTHON").map(PathBuf::from).unwrap_or_else(|| repo().join(".venv/bin/python"));
    assert!(python.is_file(), "no Python with moto at {}: run `make test`, which installs it", python.display());
    python
}

/// Where a filesystem mirror may hold hashicorp/aws: Terraform's implied local mirror directories,
/// then each directory directly under /opt (where machine images put add-on software).
fn aws_mirror_candidates() -> Vec<PathBuf> {
    let mut candidates = Vec::new();
    if let Some(home) = std::env::var_os("HOME").map(PathBuf::from) {
        candidates.push(home.join(".terraform.d/plugins"));
        let data = std::env::var_os("XDG_DATA_HOME").map(PathBuf::from).unwrap_or_else(|| home.join(".local/share"));
        candidates.push(data.join("terraform/plugins"));
    }
    candidates.push("/usr/local/share/terraform/plugins".into());
    candidates.push("/usr/share/terraform/plugins".into());
    if let Ok(entries) = std::fs::read_dir("/opt") {
        let mut under_opt: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.is_dir()).collect();
        under_opt.sort();
        candidates.extend(under_opt);
    }
    candidates
}

/// The filesystem mirror holding hashicorp/aws (`AWS_PROVIDER_MIRROR`, else the first candidate
/// that does), or why there is none.
pub fn aws_mirror() -> Result<PathBuf, String> {
    let holds_aws = |mirror: &Path| mirror.join("registry.terraform.io/hashicorp/aws").is_dir();
    if let Some(given) = std::env::var_os("AWS_PROVIDER_MIRROR").map(PathBuf::from) {
        // A mirror asked for by name that is not one is a mistake to report, not a reason to skip.
        assert!(holds_aws(&given), "AWS_PROVIDER_MIRROR={} holds no registry.terraform.io/hashicorp/aws", given.display());
        return Ok(given);
    }
    let candidates = aws_mirror_candidates();
    candidates.iter().find(|c| holds_aws(c)).cloned().ok_or_else(|| {
        let looked: Vec<String> = candidates.iter().map(|c| c.display().to_string()).collect();
        format!("no filesystem mirror with registry.terraform.io/hashicorp/aws in {}; set AWS_PROVIDER_MIRROR to one", looked.join(", "))
    })
}
