//! The traits through which a provider's data sources and functions plug into the protocol server.

use std::sync::Arc;

use super::diagnostic::Diagnostics;
use super::schema::ProviderSchema;
use super::value::Value;

/// An error from a provider function, optionally naming the argument (0-based) that caused it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FunctionError {
    /// What went wrong, for the user.
    pub text: String,
    /// The argument (0-based) it concerns, if one.
    pub argument: Option<usize>,
}

/// One data source. Its configuration arrives decoded against the schema the provider declared,
/// with required arguments already known to be set; unknown values appear as `Value::Unknown`.
pub trait DataSource: Send + Sync {
    /// Validates a configuration before the provider is configured.
    fn validate(&self, config: &Value) -> Diagnostics;

    /// The data source's full state (config plus computed attributes), or `None` on error.
    fn read(&self, config: &Value) -> (Option<Value>, Diagnostics);
}

/// What a provider implements.
pub trait Provider: Send + Sync + 'static {
    /// The registry address, `registry.terraform.io/NAMESPACE/NAME`: it names the provider in
    /// messages, logs, the socket directory and `-debug`'s reattach settings.
    fn address(&self) -> &'static str;

    /// The provider's schema: provider block, data sources, functions.
    fn schema(&self) -> &ProviderSchema;

    /// Validates the provider block.
    fn validate_provider_config(&self, config: &Value) -> Diagnostics;

    /// Configures the provider with its block's values.
    fn configure_provider(&self, config: &Value) -> Diagnostics;

    /// The data source of each type in `schema().data_sources`; the server asks once per type when
    /// it starts, so each request resolves its type in one place.
    fn data_source(&self, type_name: &str) -> Option<Arc<dyn DataSource>>;

    /// Calls the function `name`.
    fn call_function(&self, name: &str, arguments: &[Value]) -> Result<Value, FunctionError>;
}

/// `NAME` of `HOST/NAMESPACE/NAME`.
pub(super) fn short_name(address: &str) -> &str {
    address.rsplit('/').next().unwrap_or(address)
}

/// `NAMESPACE/NAME` of `HOST/NAMESPACE/NAME`, as users write it in `required_providers`.
pub(super) fn source(address: &str) -> &str {
    address.split_once('/').map_or(address, |(_, rest)| rest)
}
