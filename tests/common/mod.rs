//! Helpers shared by the integration tests: where things are, and how to run the real tools.
#![allow(dead_code)]

pub mod bad_cases;
pub mod cases;
pub mod hcl;
pub mod plugin_process;
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
