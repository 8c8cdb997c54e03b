//! In-process test helpers: a data source or function read straight through the provider, with
//! no process and no Terraform, so `cargo test --lib` checks documents and diagnostics quickly.

use crate::catalog::arguments as args;
use crate::catalog::arguments::Name;
use crate::plugin::convert::convert;
use crate::plugin::{AttributePath, Block, Diagnostics, Provider as _, Value};

use super::config::ProviderDefaults;
use super::{Phase, QBusinessProvider};

pub(crate) use crate::catalog::examples::{ACCOUNT_ID, APPLICATION_ID, INDEX_ID, KMS_KEY_ARN as KEY_ARN, REGION, SECRET_ARN};

/// What one read gave: the document (pretty JSON) if any, and each diagnostic as
/// `severity path | summary | detail`.
#[derive(Debug)]
pub(crate) struct ReadResult {
    pub(crate) json: Option<String>,
    /// The whole state, for a data source whose result is more than one document.
    pub(crate) state: Option<Value>,
    pub(crate) diagnostics: Vec<String>,
}

fn lines(diagnostics: &Diagnostics) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| {
            let severity = if d.is_error() { "error" } else { "warning" };
            format!("{severity} {} | {} | {}", d.attribute.clone().unwrap_or_default(), d.summary, d.detail)
        })
        .collect()
}

/// Validates, then (as Terraform does when validation passes) reads `type_name` with the
/// provider block's defaults for the example region and account.
pub(crate) fn read(type_name: &str, attributes: &[(Name, Value)]) -> ReadResult {
    let provider = QBusinessProvider::new();
    let (block, config) = configuration(&provider, type_name, attributes);
    let registered = provider.registered(type_name).expect("a data source of this provider");
    let mut diagnostics = block.missing_required(&config, &AttributePath::root());
    if diagnostics.is_empty() {
        diagnostics = registered.compute(&config, Phase::Validate).1;
    }
    if diagnostics.has_errors() {
        return ReadResult { json: None, state: None, diagnostics: lines(&diagnostics) };
    }
    let defaults = ProviderDefaults {
        partition: None,
        region: Some(REGION.parse().expect("a region")),
        account: Some(ACCOUNT_ID.parse().expect("an account id")),
        skip_region_validation: None,
        unknown: Vec::new(),
    };
    // Validation's warnings come again when reading; the read's diagnostics are the ones shown.
    let (outcome, diagnostics) = registered.compute(&config, Phase::Read(&defaults));
    let state = outcome.state();
    let json = state.as_ref().and_then(|s| s.attribute(args::JSON).as_str().map(str::to_owned));
    ReadResult { json, state, diagnostics: lines(&diagnostics) }
}

/// Validates `type_name` as Terraform does before the provider is configured (values may be
/// unknown): the diagnostics, each as [`ReadResult::diagnostics`] has them.
pub(crate) fn validate(type_name: &str, attributes: &[(Name, Value)]) -> Vec<String> {
    let provider = QBusinessProvider::new();
    let (_, config) = configuration(&provider, type_name, attributes);
    let registered = provider.registered(type_name).expect("a data source of this provider");
    lines(&registered.compute(&config, Phase::Validate).1)
}

/// The data source's schema, and `attributes` as the full configuration object Terraform sends
/// (every attribute the test leaves out is null).
fn configuration<'p>(provider: &'p QBusinessProvider, type_name: &str, attributes: &[(Name, Value)]) -> (&'p Block, Value) {
    let block = &provider.schema().data_sources[type_name];
    let partial = Value::object(attributes.iter().cloned());
    let config = convert(&partial, &block.input_type(), &AttributePath::root()).expect("the test's configuration fits the schema");
    (block, config)
}

/// One row of a data source's `allows`, as the tests compare it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Judged {
    pub(crate) label: String,
    pub(crate) principal: String,
    pub(crate) resource: String,
    pub(crate) expected: bool,
    pub(crate) allowed: bool,
}

/// A data source's `allows` rows, in the table's order.
pub(crate) fn allows(type_name: &str, attributes: &[(Name, Value)]) -> Vec<Judged> {
    let outcome = read(type_name, attributes);
    let state = outcome.state.unwrap_or_else(|| panic!("no state: {:?}", outcome.diagnostics));
    let rows = state.attribute(args::ALLOWS).as_list().expect("a list").to_vec();
    rows.iter()
        .map(|row| {
            let text = |name| row.attribute(name).as_str().expect("text").to_owned();
            let flag = |name| row.attribute(name).as_bool().expect("a bool");
            Judged {
                label: text(args::LABEL),
                principal: text(args::PRINCIPAL),
                resource: text(args::RESOURCE),
                expected: flag(args::EXPECTED),
                allowed: flag(args::ALLOWED),
            }
        })
        .collect()
}

/// A golden document's text.
pub(crate) fn golden(name: &str) -> String {
    let path = format!("{}/tests/golden/{name}.json", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Shorthand for a string value.
pub(crate) fn s(text: &str) -> Value {
    Value::string(text)
}

/// Shorthand for a list of strings.
pub(crate) fn list(items: &[&str]) -> Value {
    Value::List(items.iter().map(|i| s(i)).collect())
}
