//! A Terraform working directory that installs this test run's provider binary from a private
//! filesystem mirror, offline, as a user's `terraform init` would.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use tempfile::TempDir;

use super::{provider_binary, terraform, write};

/// This provider's source address.
const OWN_PROVIDER: &str = "qbusiness-iam/qbusiness";

/// The provider's version, from Cargo.toml.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// One mirror per test process, holding a copy of the binary (init hashes the package).
fn mirror() -> &'static Path {
    static MIRROR: OnceLock<TempDir> = OnceLock::new();
    MIRROR
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let package = dir.path().join(format!("registry.terraform.io/qbusiness-iam/qbusiness/{VERSION}/linux_amd64"));
            std::fs::create_dir_all(&package).unwrap();
            std::fs::copy(provider_binary(), package.join(format!("terraform-provider-qbusiness_v{VERSION}"))).unwrap();
            dir
        })
        .path()
}

pub struct Workspace {
    dir: TempDir,
    cli_config: PathBuf,
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn from(output: Output) -> Run {
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// stdout and stderr together with Terraform's line wrapping undone, for message assertions.
    pub fn text(&self) -> String {
        let joined = format!("{}\n{}", self.stdout, self.stderr);
        joined.lines().map(|l| l.trim_start_matches(['│', ' ']).trim_end()).collect::<Vec<_>>().join(" ")
    }
}

pub const PROVIDER_BLOCK: &str = concat!(
    r#"terraform {
  required_providers {
    qbusiness = {
      source  = "qbusiness-iam/qbusiness"
      version = ""#,
    env!("CARGO_PKG_VERSION"),
    r#""
    }
  }
}
"#
);

/// [`PROVIDER_BLOCK`] and a provider block with the example region and account, as the
/// configurations that read data sources with the provider's defaults begin.
pub fn configured_provider() -> String {
    use terraform_provider_qbusiness::catalog::examples::{ACCOUNT_ID, REGION};
    format!("{PROVIDER_BLOCK}provider \"qbusiness\" {{\n  region     = \"{REGION}\"\n  account_id = \"{ACCOUNT_ID}\"\n}}\n")
}

impl Workspace {
    /// A directory with `files` (name, content) written into it.
    pub fn new(files: &[(&str, &str)]) -> Workspace {
        Workspace::with_mirrors(files, &[])
    }

    /// `new`, installing also each `(provider, mirror)`, e.g. `("hashicorp/aws", path)`, from that
    /// filesystem mirror.
    pub fn with_mirrors(files: &[(&str, &str)], mirrors: &[(&str, &Path)]) -> Workspace {
        let dir = tempfile::tempdir().unwrap();
        for (name, content) in files {
            write(&dir.path().join(name), content);
        }
        let mut blocks = vec![(OWN_PROVIDER, mirror())];
        blocks.extend(mirrors.iter().copied());
        let filesystem_mirrors: String = blocks
            .iter()
            .map(|(provider, path)| {
                format!("  filesystem_mirror {{\n    path    = {:?}\n    include = [{provider:?}]\n  }}\n", path.display().to_string())
            })
            .collect();
        let providers: Vec<String> = blocks.iter().map(|(provider, _)| format!("{provider:?}")).collect();
        let cli_config = dir.path().join(".terraformrc");
        write(
            &cli_config,
            &format!("provider_installation {{\n{filesystem_mirrors}  direct {{\n    exclude = [{}]\n  }}\n}}\n", providers.join(", ")),
        );
        Workspace { dir, cli_config }
    }

    /// A workspace whose CLI configuration is `cli_config` instead of the private mirror's.
    pub fn with_cli_config(files: &[(&str, &str)], cli_config: &str) -> Workspace {
        let workspace = Workspace::new(files);
        write(&workspace.cli_config, cli_config);
        workspace
    }

    /// A workspace holding a copy of the Terraform files (`*.tf`, `*.tftest.hcl`) of a directory of
    /// the repository (e.g. `examples/demo`); lock files and `.terraform` are left behind. A
    /// directory with no `required_providers` gets the examples' (`examples/provider/versions.tf`):
    /// like the registry's examples, a data source's example leaves out the `terraform` block.
    pub fn from_dir(source: &Path) -> Workspace {
        let mut files = Vec::new();
        for entry in std::fs::read_dir(source).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy();
            if path.is_file() && (name.ends_with(".tf") || name.ends_with(".tftest.hcl")) {
                files.push((path.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&path).unwrap()));
            }
        }
        if !files.iter().any(|(_, text)| text.contains("required_providers")) {
            let versions = crate::common::repo().join("examples/provider/versions.tf");
            files.push(("versions.tf".to_owned(), std::fs::read_to_string(versions).unwrap()));
        }
        let borrowed: Vec<(&str, &str)> = files.iter().map(|(n, c)| (n.as_str(), c.as_str())).collect();
        Workspace::new(&borrowed)
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with_env(args, &[])
    }

    /// `run` with extra environment variables, e.g. `TF_REATTACH_PROVIDERS`.
    pub fn run_with_env(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let output = self
            .command(args)
            .envs(env.iter().copied())
            .output()
            .unwrap_or_else(|e| panic!("cannot run terraform at {}: {e}", terraform().display()));
        Run::from(output)
    }

    /// Terraform with `args` in this workspace, to start and watch as a test needs.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(terraform());
        command
            .args(args)
            .current_dir(self.dir.path())
            .env("TF_CLI_CONFIG_FILE", &self.cli_config)
            .env("CHECKPOINT_DISABLE", "1")
            .env("TF_IN_AUTOMATION", "1")
            .env_remove("TF_LOG")
            .env_remove("TF_LOG_PROVIDER");
        command
    }

    /// `terraform init`, which must succeed.
    pub fn init(&self) -> &Workspace {
        let run = self.run(&["init", "-input=false", "-no-color"]);
        assert_eq!(run.code, 0, "terraform init failed:\n{}\n{}", run.stdout, run.stderr);
        self
    }

    /// The outputs after an apply, as JSON.
    pub fn outputs(&self) -> serde_json::Value {
        let run = self.run(&["output", "-json", "-no-color"]);
        assert_eq!(run.code, 0, "terraform output failed:\n{}", run.stderr);
        serde_json::from_str(&run.stdout).unwrap()
    }
}
