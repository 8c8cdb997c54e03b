//! Running Terraform: initialised workspaces, timed runs, contenders measured alternately, and the
//! documents a configuration produces.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::common::workspace::Workspace;
use crate::report::median;

/// A plan as the bench times it: no input, no colour, no refresh.
pub const PLAN: [&str; 4] = ["plan", "-input=false", "-no-color", "-refresh=false"];

/// A workspace of the shared test helpers, initialised, installing also `mirrors`.
pub fn workspace_with(main_tf: &str, mirrors: &[(&str, &Path)]) -> Workspace {
    let workspace = Workspace::with_mirrors(&[("main.tf", main_tf)], mirrors);
    workspace.init();
    workspace
}

/// A workspace of the shared test helpers, initialised, installing only this provider.
pub fn workspace(main_tf: &str) -> Workspace {
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

/// A configuration to time: its workspace and the environment Terraform runs with.
pub struct Contender<'a> {
    workspace: &'a Workspace,
    env: Vec<(&'a str, &'a str)>,
}

impl<'a> Contender<'a> {
    /// `workspace` run with the environment as it is.
    pub fn new(workspace: &'a Workspace) -> Self {
        Contender { workspace, env: Vec::new() }
    }

    /// `workspace` run with `env` added to the environment.
    pub fn with_env(workspace: &'a Workspace, env: &[(&'a str, &'a str)]) -> Self {
        Contender { workspace, env: env.to_vec() }
    }
}

/// The median `args` time of each contender, measured alternately (one of each per round) after
/// one warm-up run each, so that every ratio compares runs under the same machine load.
pub fn alternately(contenders: &[Contender<'_>], args: &[&str], rounds: usize) -> Vec<Duration> {
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
pub fn documents(contender: &Contender<'_>) -> Vec<serde_json::Value> {
    timed(contender.workspace, &["apply", "-auto-approve", "-input=false", "-no-color"], &contender.env);
    let texts: Vec<String> = serde_json::from_value(contender.workspace.outputs()["documents"]["value"].clone()).unwrap();
    texts.iter().map(|t| serde_json::from_str(t).unwrap()).collect()
}

/// `document` with every list of strings sorted, to compare documents whose lists are sets.
pub fn sorted_lists(document: serde_json::Value) -> serde_json::Value {
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
