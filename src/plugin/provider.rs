//! The trait through which a provider's data sources and functions plug into the protocol server.

use super::diagnostic::Diagnostics;
use super::schema::ProviderSchema;
use super::value::Value;

/// An error from a provider function, optionally naming the argument (0-based) that caused it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FunctionError {
    pub text: String,
    pub argument: Option<usize>,
}

/// What a provider implements. Values arrive decoded against the schema it declared; unknown values
/// appear as `Value::Unknown` in validation (Terraform reads data sources only once fully known).
pub trait Provider: Send + Sync + 'static {
    fn schema(&self) -> &ProviderSchema;

    fn validate_provider_config(&self, config: &Value) -> Diagnostics;

    fn configure_provider(&self, config: &Value) -> Diagnostics;

    fn validate_data_source(&self, type_name: &str, config: &Value) -> Diagnostics;

    /// Returns the data source's full state (config plus computed attributes), or `None` on error.
    fn read_data_source(&self, type_name: &str, config: &Value, diagnostics: &mut Diagnostics) -> Option<Value>;

    fn call_function(&self, name: &str, arguments: &[Value]) -> Result<Value, FunctionError>;
}
