//! The Terraform surface: the provider block, one file per data source, plugged into the protocol
//! server through [`crate::plugin::Provider`].

mod additions;
mod application_policy;
mod bucket_policy;
mod config;
mod connector_policy;
mod connectors;
pub mod docs;
mod document;
pub mod functions;
mod inputs;
pub mod pins;
mod role_policy;
mod trust_policy;
mod web_experience_policy;

#[cfg(test)]
pub(crate) mod testing;

use std::collections::BTreeMap;
use std::sync::{Arc, RwLock};

use crate::plugin::{self, Block, Diagnostic, Diagnostics, FunctionError, ProviderSchema, Value};

use config::{provider_schema, read_scope_arguments, ProviderDefaults};
use document::Document;
use inputs::Inputs;

/// Terraform's registry address of this provider.
pub const SOURCE_ADDRESS: &str = "registry.terraform.io/qbusiness-iam/qbusiness";

/// When a data source is read: validated before the provider is configured, or read with the
/// provider block's defaults (a function reads with none).
#[derive(Clone, Copy, Debug)]
pub enum Phase<'a> {
    Validate,
    Read(&'a ProviderDefaults),
    /// A function call: read with no defaults, since functions never see the provider block.
    Function,
}

/// One data source: its schema, and one computation used both to validate and to read.
pub trait DataSource: Send + Sync {
    fn type_name(&self) -> &'static str;
    fn schema(&self) -> Block;

    /// Reads the configuration through `inputs` (which collects the diagnostics) and returns the
    /// state, or `None` when there is an error, an unknown value, or only validation.
    fn read(&self, inputs: &mut Inputs<'_>, phase: Phase<'_>) -> Option<Value>;
}

/// Every data source of the provider, in no particular order (the schema sorts them).
fn all_data_sources() -> Vec<Box<dyn DataSource>> {
    vec![
        Box::new(Document::<application_policy::ApplicationPolicy>::new()),
        Box::new(Document::<bucket_policy::BucketPolicyDataSource>::new()),
        Box::new(Document::<connector_policy::ConnectorPolicy>::new()),
        Box::new(connectors::Connectors),
        Box::new(Document::<role_policy::RolePolicy>::new()),
        Box::new(Document::<trust_policy::TrustPolicyDataSource>::new()),
        Box::new(Document::<web_experience_policy::WebExperiencePolicy>::new()),
    ]
}

/// A data source with its schema built once, and the provider block's defaults it reads with.
pub struct Registered {
    source: Box<dyn DataSource>,
    block: Block,
    defaults: Arc<RwLock<ProviderDefaults>>,
}

impl Registered {
    /// Reads `config` in `phase`: the state (or `None`) and the diagnostics.
    pub fn compute(&self, config: &Value, phase: Phase<'_>) -> (Option<Value>, Diagnostics) {
        let mut inputs = Inputs::new(config, &self.block);
        let state = self.source.read(&mut inputs, phase);
        (state, inputs.diagnostics)
    }
}

impl plugin::DataSource for Registered {
    fn validate(&self, config: &Value) -> Diagnostics {
        self.compute(config, Phase::Validate).1
    }

    fn read(&self, config: &Value) -> (Option<Value>, Diagnostics) {
        let defaults = self.defaults.read().unwrap_or_else(|poisoned| poisoned.into_inner()).clone();
        let (state, mut diagnostics) = self.compute(config, Phase::Read(&defaults));
        if state.is_none() && !diagnostics.has_errors() {
            diagnostics.push(Diagnostic::error(
                "No document computed",
                "The configuration still holds values unknown until apply, so no document could be computed.",
            ));
        }
        (state, diagnostics)
    }
}

pub struct QBusinessProvider {
    schema: ProviderSchema,
    data_sources: BTreeMap<&'static str, Arc<Registered>>,
    defaults: Arc<RwLock<ProviderDefaults>>,
}

impl Default for QBusinessProvider {
    fn default() -> Self {
        Self::new()
    }
}

impl QBusinessProvider {
    pub fn new() -> QBusinessProvider {
        let defaults = Arc::new(RwLock::new(ProviderDefaults::default()));
        let data_sources: BTreeMap<&'static str, Arc<Registered>> = all_data_sources()
            .into_iter()
            .map(|source| {
                let block = source.schema();
                (source.type_name(), Arc::new(Registered { source, block, defaults: defaults.clone() }))
            })
            .collect();
        let blocks: BTreeMap<String, Block> = data_sources.iter().map(|(name, d)| ((*name).to_owned(), d.block.clone())).collect();
        let functions =
            functions::FUNCTIONS.iter().filter_map(|f| Some((f.name.to_owned(), f.definition(blocks.get(f.data_source)?)))).collect();
        let schema = ProviderSchema { provider: provider_schema(), data_sources: blocks, functions };
        QBusinessProvider { schema, data_sources, defaults }
    }

    /// The data source of this type, as the server and the functions use it.
    pub fn registered(&self, type_name: &str) -> Option<&Registered> {
        self.data_sources.get(type_name).map(AsRef::as_ref)
    }
}

impl plugin::Provider for QBusinessProvider {
    fn address(&self) -> &'static str {
        SOURCE_ADDRESS
    }

    fn schema(&self) -> &ProviderSchema {
        &self.schema
    }

    fn validate_provider_config(&self, config: &Value) -> Diagnostics {
        let mut inputs = Inputs::new(config, &self.schema.provider);
        read_scope_arguments(&mut inputs, true);
        inputs.diagnostics
    }

    fn configure_provider(&self, config: &Value) -> Diagnostics {
        let mut inputs = Inputs::new(config, &self.schema.provider);
        let defaults = read_scope_arguments(&mut inputs, true);
        if !inputs.has_errors() {
            *self.defaults.write().unwrap_or_else(|poisoned| poisoned.into_inner()) = defaults;
        }
        inputs.diagnostics
    }

    fn data_source(&self, type_name: &str) -> Option<Arc<dyn plugin::DataSource>> {
        self.data_sources.get(type_name).map(|d| d.clone() as Arc<dyn plugin::DataSource>)
    }

    fn call_function(&self, name: &str, arguments: &[Value]) -> Result<Value, FunctionError> {
        let spec = functions::spec(name)
            .ok_or_else(|| FunctionError { text: format!("this provider has no function {name:?}"), argument: None })?;
        let data_source = self
            .registered(spec.data_source)
            .ok_or_else(|| FunctionError { text: format!("function {name:?} has no data source"), argument: None })?;
        let (config, missing) = spec.configuration(arguments, &data_source.block)?;
        // Terraform calls functions on an unconfigured provider, so the provider block's defaults are
        // never theirs: the same call must give the same document in any process.
        let (state, diagnostics) = data_source.compute(&config, Phase::Function);
        // Functions cannot return warnings; errors go back naming the argument, as `config.bucket: …`.
        // An error in the selector (an unknown connector) comes first: it decides what is missing.
        let errors: Vec<_> = diagnostics.iter().filter(|d| d.is_error()).collect();
        let located = |error: &Diagnostic| {
            let path = error.attribute.clone().unwrap_or_default();
            let (argument, location) = spec.argument_of(&path, arguments.len());
            // Terraform ends the message with its own period.
            FunctionError { text: format!("{location}: {}", error.detail.trim_end_matches('.')), argument: Some(argument) }
        };
        if let Some(selector_error) = errors.iter().map(|e| located(e)).find(|e| e.argument == Some(0) && spec.selector.is_some()) {
            return Err(selector_error);
        }
        if let Some(missing) = missing {
            return Err(missing);
        }
        if let Some(error) = errors.first() {
            return Err(located(error));
        }
        match state.as_ref().map(|s| s.attribute(spec.output)) {
            Some(value) if !value.is_null() => Ok(value.clone()),
            _ => Err(FunctionError { text: "no document could be computed".into(), argument: None }),
        }
    }
}
