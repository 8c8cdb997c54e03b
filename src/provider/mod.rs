//! The Terraform surface: the provider block, one file per data source, plugged into the protocol
//! server through [`crate::plugin::Provider`].

pub mod application_policy;
pub mod config;
pub mod connector_policy;
pub mod connectors;
pub mod docs;
pub mod document_output;
pub mod functions;
pub mod inputs;
pub mod role_policy;
pub mod trust_policy;
pub mod web_experience_policy;

use std::collections::BTreeMap;
use std::sync::RwLock;

use crate::plugin::{self, Block, Diagnostic, Diagnostics, FunctionError, ProviderSchema, Value};

use config::{provider_schema, read_scope_arguments, ProviderDefaults};
use inputs::Inputs;

/// Terraform's registry address of this provider.
pub const SOURCE_ADDRESS: &str = "registry.terraform.io/qbusiness-iam/qbusiness";

/// One data source: its schema, and one computation used both to validate (no provider defaults
/// yet) and to read.
pub trait DataSource: Send + Sync {
    fn type_name(&self) -> &'static str;
    fn schema(&self) -> Block;

    /// Reads the configuration through `inputs` (which collects the diagnostics) and returns the
    /// state, or `None` when there is an error, an unknown value, or only validation (`defaults` None).
    fn build(&self, config: &Value, inputs: &mut Inputs<'_>, defaults: Option<&ProviderDefaults>) -> Option<Value>;

    fn compute(&self, config: &Value, defaults: Option<&ProviderDefaults>) -> (Option<Value>, Diagnostics) {
        let mut inputs = Inputs::new(config);
        let state = self.build(config, &mut inputs, defaults);
        (state, inputs.diagnostics)
    }
}

pub struct QBusinessProvider {
    schema: ProviderSchema,
    data_sources: BTreeMap<&'static str, Box<dyn DataSource>>,
    defaults: RwLock<ProviderDefaults>,
}

impl Default for QBusinessProvider {
    fn default() -> Self {
        Self::new()
    }
}

impl QBusinessProvider {
    pub fn new() -> QBusinessProvider {
        let data_sources: Vec<Box<dyn DataSource>> = vec![
            Box::new(application_policy::ApplicationPolicy),
            Box::new(connector_policy::ConnectorPolicy),
            Box::new(connectors::Connectors),
            Box::new(role_policy::RolePolicy),
            Box::new(trust_policy::TrustPolicyDataSource),
            Box::new(web_experience_policy::WebExperiencePolicy),
        ];
        let data_sources: BTreeMap<_, _> = data_sources.into_iter().map(|d| (d.type_name(), d)).collect();
        let blocks: BTreeMap<String, Block> = data_sources.iter().map(|(name, d)| ((*name).to_owned(), d.schema())).collect();
        let functions = functions::FUNCTIONS.iter().map(|f| (f.name.to_owned(), f.definition(&blocks[f.data_source]))).collect();
        let schema = ProviderSchema { provider: provider_schema(), data_sources: blocks, functions };
        QBusinessProvider { schema, data_sources, defaults: RwLock::new(ProviderDefaults::default()) }
    }

    fn data_source(&self, type_name: &str) -> Result<&dyn DataSource, Diagnostic> {
        self.data_sources
            .get(type_name)
            .map(AsRef::as_ref)
            .ok_or_else(|| Diagnostic::error("Unknown data source", format!("This provider has no data source {type_name:?}.")))
    }

    fn defaults(&self) -> ProviderDefaults {
        self.defaults.read().unwrap_or_else(|poisoned| poisoned.into_inner()).clone()
    }
}

impl plugin::Provider for QBusinessProvider {
    fn schema(&self) -> &ProviderSchema {
        &self.schema
    }

    fn validate_provider_config(&self, config: &Value) -> Diagnostics {
        let mut inputs = Inputs::new(config);
        read_scope_arguments(&mut inputs);
        inputs.diagnostics
    }

    fn configure_provider(&self, config: &Value) -> Diagnostics {
        let mut inputs = Inputs::new(config);
        let defaults = read_scope_arguments(&mut inputs);
        if !inputs.has_errors() {
            *self.defaults.write().unwrap_or_else(|poisoned| poisoned.into_inner()) = defaults;
        }
        inputs.diagnostics
    }

    fn validate_data_source(&self, type_name: &str, config: &Value) -> Diagnostics {
        match self.data_source(type_name) {
            Ok(data_source) => data_source.compute(config, None).1,
            Err(diagnostic) => diagnostic.into(),
        }
    }

    fn read_data_source(&self, type_name: &str, config: &Value, diagnostics: &mut Diagnostics) -> Option<Value> {
        let data_source = match self.data_source(type_name) {
            Ok(data_source) => data_source,
            Err(diagnostic) => {
                diagnostics.push(diagnostic);
                return None;
            }
        };
        let (state, found) = data_source.compute(config, Some(&self.defaults()));
        diagnostics.extend(found);
        if state.is_none() && !diagnostics.has_errors() {
            diagnostics.push(Diagnostic::error(
                "No document computed",
                "The configuration still holds values unknown until apply, so no document could be computed.",
            ));
        }
        state
    }

    fn call_function(&self, name: &str, arguments: &[Value]) -> Result<Value, FunctionError> {
        let spec = functions::spec(name)
            .ok_or_else(|| FunctionError { text: format!("this provider has no function {name:?}"), argument: None })?;
        let data_source = self.data_source(spec.data_source).map_err(|d| FunctionError { text: d.detail, argument: None })?;
        let config = spec.configuration(arguments, &self.schema.data_sources[spec.data_source])?;
        // Terraform calls functions on an unconfigured provider, so the provider block's defaults are
        // never theirs: the same call must give the same document in any process.
        let (state, diagnostics) = data_source.compute(&config, Some(&ProviderDefaults::default()));
        // Functions cannot return warnings; errors go back naming the argument, as `config.bucket: …`.
        if let Some(error) = diagnostics.iter().find(|d| d.is_error()) {
            let path = error.attribute.clone().unwrap_or_default();
            let (argument, location) = spec.argument_of(&path, arguments.len());
            return Err(FunctionError { text: format!("{location}: {}", error.detail), argument: Some(argument) });
        }
        match state.as_ref().map(|s| s.attribute(spec.output)) {
            Some(value) if !value.is_null() => Ok(value.clone()),
            _ => Err(FunctionError { text: "no document could be computed".into(), argument: None }),
        }
    }
}
