//! The module `modules/qbusiness-roles` with the real hashicorp/aws provider: its `terraform test`
//! files (AWS mocked), and its complete example applied against moto's IAM and STS on 127.0.0.1,
//! the roles read back with boto3 and compared with the golden documents, then a second plan that
//! must show no changes. hashicorp/aws comes from a filesystem mirror, never from the network: the
//! tests say in their output that they were skipped, and why, when none is found.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use common::workspace::Workspace;
use terraform_provider_qbusiness::catalog::examples::{ACCOUNT_ID, APPLICATION_ID, INDEX_ID, SECRET_ARN};

const AWS: &str = "hashicorp/aws";

/// Says on the test's output, past the harness's capture, that the test did not run and why.
fn skipped(test: &str, why: &str) {
    let _ = writeln!(std::io::stderr(), "SKIPPED {test}: {why}");
}

/// The module's Terraform files, by their path inside it.
fn module_files() -> Vec<(String, String)> {
    fn walk(dir: &Path, root: &Path, files: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if path.is_dir() && !name.starts_with('.') {
                walk(&path, root, files);
            } else if name.ends_with(".tf") || name.ends_with(".tftest.hcl") {
                files.push((path.strip_prefix(root).unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    let root = common::repo().join("modules/qbusiness-roles");
    let mut files = Vec::new();
    walk(&root, &root, &mut files);
    files.sort();
    files
}

fn workspace(extra: &[(&str, &str)], mirror: &Path) -> Workspace {
    let files = module_files();
    let mut borrowed: Vec<(&str, &str)> = files.iter().map(|(n, c)| (n.as_str(), c.as_str())).collect();
    borrowed.extend_from_slice(extra);
    Workspace::with_mirrors(&borrowed, &[(AWS, mirror)])
}

#[test]
fn the_module_passes_its_terraform_tests() {
    let mirror = match common::aws_mirror() {
        Ok(mirror) => mirror,
        Err(why) => return skipped("the_module_passes_its_terraform_tests", &why),
    };
    let module = workspace(&[], &mirror);
    module.init();
    let test = module.run(&["test", "-no-color"]);
    assert_eq!(test.code, 0, "{}\n{}", test.stdout, test.stderr);
    assert!(test.stdout.contains("Success! 7 passed, 0 failed."), "{}", test.stdout);
}

/// moto's IAM and STS, stopped when dropped (its standard input closes).
struct Emulator {
    child: std::process::Child,
    url: String,
}

impl Emulator {
    fn start() -> Emulator {
        let mut child = Command::new(common::emulator_python())
            .arg(common::repo().join("tests/emulator/iam_server.py"))
            .arg("serve")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut url = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut url).unwrap();
        assert!(url.starts_with("http://127.0.0.1:"), "the emulator did not start: {url:?}");
        Emulator { child, url: url.trim().to_owned() }
    }

    /// Every role, with its trust policy and inline policies, as boto3 reads them back.
    fn roles(&self) -> serde_json::Value {
        let output = Command::new(common::emulator_python())
            .arg(common::repo().join("tests/emulator/iam_server.py"))
            .args(["roles", &self.url])
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        serde_json::from_slice(&output.stdout).unwrap()
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        drop(self.child.stdin.take());
        let _ = self.child.wait();
    }
}

fn golden(name: &str) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(common::repo().join(format!("tests/golden/{name}.json"))).unwrap()).unwrap()
}

#[test]
fn the_complete_example_applies_to_the_iam_emulator_and_plans_no_changes_after() {
    let mirror = match common::aws_mirror() {
        Ok(mirror) => mirror,
        Err(why) => return skipped("the_complete_example_applies_to_the_iam_emulator_and_plans_no_changes_after", &why),
    };
    let emulator = Emulator::start();
    // An override file points the example's AWS provider at the emulator; the example is unchanged.
    let provider = format!(
        "provider \"aws\" {{\n  access_key                  = \"testing\"\n  secret_key                  = \"testing\"\n  skip_credentials_validation = true\n  skip_metadata_api_check     = true\n  endpoints {{\n    iam = \"{url}\"\n    sts = \"{url}\"\n  }}\n}}\n",
        url = emulator.url
    );
    let variables = format!(
        "application_id        = \"{APPLICATION_ID}\"\nindex_id              = \"{INDEX_ID}\"\ndocuments_bucket      = \"my-docs\"\njira_secret_arn        = \"{SECRET_ARN}\"\nconfluence_secret_arn = \"{SECRET_ARN}\"\nsaml_provider_arn     = \"arn:aws:iam::{ACCOUNT_ID}:saml-provider/corporate-idp\"\nweb_experience_url    = \"https://abcd1234.chat.qbusiness.us-east-1.on.aws\"\n"
    );
    let example =
        workspace(&[("examples/complete/emulator_override.tf", &provider), ("examples/complete/terraform.tfvars", &variables)], &mirror);
    let chdir = "-chdir=examples/complete";
    let init = example.run(&[chdir, "init", "-input=false", "-no-color"]);
    assert_eq!(init.code, 0, "{}\n{}", init.stdout, init.stderr);
    let apply = example.run(&[chdir, "apply", "-input=false", "-no-color", "-auto-approve"]);
    assert_eq!(apply.code, 0, "{}\n{}", apply.stdout, apply.stderr);
    assert!(apply.stdout.contains("Apply complete! Resources: 10 added, 0 changed, 0 destroyed."), "{}", apply.stdout);

    // Each role as IAM holds it: the golden trust and permissions documents, nothing else.
    let expected = [
        ("qbusiness-application", "trust-application-scoped", "application-default"),
        ("qbusiness-web-experience", "trust-web-experience-saml", "web-experience-default"),
        ("qbusiness-connector-documents", "trust-connector", "connector-s3-minimal"),
        ("qbusiness-connector-jira", "trust-connector", "connector-jira-minimal"),
        ("qbusiness-connector-wiki", "trust-connector", "connector-confluence_cloud-minimal"),
    ];
    let roles = emulator.roles();
    assert_eq!(roles.as_object().unwrap().len(), expected.len(), "{roles:#}");
    for (role, trust, policy) in expected {
        let held = &roles[role];
        assert_eq!(held["trust"], golden(trust), "{role}: trust policy");
        assert_eq!(held["policies"], serde_json::json!({ role: golden(policy) }), "{role}: inline policy");
    }
    let outputs = example.run(&[chdir, "output", "-json", "roles"]);
    let arns: serde_json::Value = serde_json::from_str(&outputs.stdout).unwrap();
    assert_eq!(arns["connector-wiki"], roles["qbusiness-connector-wiki"]["arn"], "{arns}");
    assert_eq!(arns["application"], format!("arn:aws:iam::{ACCOUNT_ID}:role/qbusiness-application"), "{arns}");

    // Read back from IAM, every document equals what the provider computes again: no drift.
    let again = example.run(&[chdir, "plan", "-input=false", "-no-color", "-detailed-exitcode"]);
    assert_eq!(again.code, 0, "a second plan shows changes:\n{}\n{}", again.stdout, again.stderr);
    assert!(again.stdout.contains("No changes."), "{}", again.stdout);

    // The application and its roles in one configuration (the module's README): it plans with no
    // cycle against the emulator. moto has no Q Business, so the application is planned, not made.
    let same = workspace(
        &[(
            "tests/same_configuration/emulator.tf",
            &provider.replace("provider \"aws\" {\n", "provider \"aws\" {\n  region = \"us-east-1\"\n"),
        )],
        &mirror,
    );
    let chdir = "-chdir=tests/same_configuration";
    let init = same.run(&[chdir, "init", "-input=false", "-no-color"]);
    assert_eq!(init.code, 0, "{}\n{}", init.stdout, init.stderr);
    let plan = same.run(&[chdir, "plan", "-input=false", "-no-color"]);
    assert_eq!(plan.code, 0, "{}\n{}", plan.stdout, plan.stderr);
    assert!(plan.stdout.contains("# aws_qbusiness_application.main will be created"), "{}", plan.stdout);
    assert!(plan.stdout.contains("# module.roles.aws_iam_role.application[0] will be created"), "{}", plan.stdout);
}
