//! Simulations as `tests/simulate.mjs` takes them (principal, action, resource, accountId, context,
//! identityPolicies, resourcePolicy), decided by the independent simulator and by the built-in
//! evaluator, for the proofs and the differential test.

use serde_json::Value as Json;
use terraform_provider_qbusiness::policy::evaluate::{decide, Caller, Context, ContextValue, Request};
use terraform_provider_qbusiness::policy::statement::PrincipalKind;
use terraform_provider_qbusiness::policy::PolicyDocument;

/// The simulator's decisions for `simulations`, in order: `Allowed`, `ImplicitlyDenied`,
/// `ExplicitlyDenied`, or `Error: …`.
pub fn simulate<T: serde::Serialize>(simulations: &[T]) -> Vec<String> {
    let input = tempfile::NamedTempFile::new().expect("a temporary file");
    std::fs::write(input.path(), serde_json::to_vec(simulations).expect("JSON")).expect("written");
    let output = std::process::Command::new("node")
        .arg(super::repo().join("tests/simulate.mjs"))
        .arg(input.path())
        .current_dir(super::repo())
        .output()
        .expect("node runs (make test installs the simulator)");
    assert!(output.status.success(), "the simulator failed: {}", String::from_utf8_lossy(&output.stderr));
    let results: Vec<String> = serde_json::from_slice(&output.stdout).expect("the simulator prints a JSON list");
    assert_eq!(results.len(), simulations.len());
    results
}

/// The caller a simulation's principal names: a federated provider, an AWS principal or a service.
fn caller_of(principal: &str) -> Caller {
    let kind = if principal.contains(":saml-provider/")
        || principal.contains(":oidc-provider/")
        || !principal.contains('.') && !principal.starts_with("arn:")
    {
        PrincipalKind::Federated
    } else if principal.starts_with("arn:") || principal.bytes().all(|b| b.is_ascii_digit()) {
        PrincipalKind::Aws
    } else {
        PrincipalKind::Service
    };
    Caller { kind, id: principal.to_owned() }
}

/// What the built-in evaluator (`policy::evaluate`) decides for a simulation, or its error (or the
/// parser's) as the simulator writes one.
pub fn ours(simulation: &Json) -> String {
    let parse = |v: &Json| PolicyDocument::from_json(&v.to_string()).map_err(|e| format!("Error: {e}"));
    let documents = || -> Result<(Vec<PolicyDocument>, Option<PolicyDocument>), String> {
        let identity = simulation["identityPolicies"].as_array().expect("a list").iter().map(parse).collect::<Result<_, _>>()?;
        let resource = simulation.get("resourcePolicy").filter(|p| !p.is_null()).map(parse).transpose()?;
        Ok((identity, resource))
    };
    let (identity, resource_policy) = match documents() {
        Ok(documents) => documents,
        Err(error) => return error,
    };
    let mut context = Context::default();
    for (key, value) in simulation["context"].as_object().expect("a context") {
        let value = match value {
            Json::Array(items) => ContextValue::Multi(items.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect()),
            v => ContextValue::Single(v.as_str().expect("text").to_owned()),
        };
        context.insert(key, value);
    }
    let request = Request {
        caller: Some(caller_of(simulation["principal"].as_str().expect("a principal"))),
        action: simulation["action"].as_str().expect("an action").to_owned(),
        resource: simulation["resource"].as_str().map(str::to_owned),
        context,
    };
    let identity: Vec<&PolicyDocument> = identity.iter().collect();
    match decide(&identity, resource_policy.as_ref(), simulation["accountId"].as_str(), &request) {
        Ok(decision) => decision.as_str().to_owned(),
        Err(error) => format!("Error: {error}"),
    }
}
