//! The Terraform surface: the provider block, one file per data source, plugged into the protocol
//! server through [`crate::plugin::Provider`].

#![warn(missing_docs)]

mod additions;
mod administrator_policy;
mod application_policy;
mod application_roles;
mod bucket_policy;
mod config;
mod connector_policy;
mod connectors;
mod data_accessor_policy;
pub mod descriptor;
pub mod docs;
mod document;
pub mod functions;
mod identity_center_application_policy;
mod inputs;
pub use inputs::argument_texts;
mod integration_policy;
mod key_policy;
pub mod pins;
mod policy_check;
mod role_policy;
mod trust_policy;
mod web_experience_policy;

#[cfg(test)]
pub(crate) mod testing;

use std::collections::BTreeMap;
use std::sync::{Arc, RwLock};

use crate::plugin::{self, Block, Diagnostic, Diagnostics, FunctionError, ProviderSchema, Value};

use config::{provider_schema, read_scope_arguments, ProviderDefaults};
use descriptor::Descriptor;
use inputs::Inputs;

/// Every data source of the provider, in the order the docs list them.
pub static DESCRIPTORS: &[&Descriptor] = &[
    &administrator_policy::DESCRIPTOR,
    &application_policy::DESCRIPTOR,
    &application_roles::DESCRIPTOR,
    &bucket_policy::DESCRIPTOR,
    &connector_policy::DESCRIPTOR,
    &connectors::DESCRIPTOR,
    &data_accessor_policy::DESCRIPTOR,
    &identity_center_application_policy::DESCRIPTOR,
    &integration_policy::DESCRIPTOR,
    &key_policy::DESCRIPTOR,
    &policy_check::DESCRIPTOR,
    &role_policy::DESCRIPTOR,
    &trust_policy::DESCRIPTOR,
    &web_experience_policy::DESCRIPTOR,
];

/// Terraform's registry address of this provider.
pub const SOURCE_ADDRESS: &str = "registry.terraform.io/qbusiness-iam/qbusiness";

/// When a data source is read: validated before the provider is configured, or read with the
/// provider block's defaults (a function reads with none).
#[derive(Clone, Copy, Debug)]
pub enum Phase<'a> {
    /// Validation, before the provider is configured.
    Validate,
    /// A read, with the provider block's defaults.
    Read(&'a ProviderDefaults),
    /// A function call: read with no defaults, since functions never see the provider block.
    Function,
}

/// What reading a data source gave: its state, or why there is none (the diagnostics say more).
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// The state: the configuration with the computed attributes.
    State(Value),
    /// Validation found nothing wrong; no state is given before the provider is configured.
    Checked,
    /// A value is unknown until apply, so the result must wait.
    Unknown,
    /// An argument is wrong: the diagnostics hold the error.
    Invalid,
}

impl Outcome {
    /// The state, if there is one.
    pub fn state(self) -> Option<Value> {
        match self {
            Outcome::State(state) => Some(state),
            Outcome::Checked | Outcome::Unknown | Outcome::Invalid => None,
        }
    }
}

/// A data source with its schema built once, and the provider block's defaults it reads with.
pub struct Registered {
    descriptor: &'static Descriptor,
    block: Block,
    defaults: Arc<RwLock<ProviderDefaults>>,
}

impl Registered {
    /// Reads `config` in `phase`: the outcome and the diagnostics.
    pub fn compute(&self, config: &Value, phase: Phase<'_>) -> (Outcome, Diagnostics) {
        let mut inputs = Inputs::new(config, &self.block);
        let outcome = self.descriptor.read(&mut inputs, phase);
        (outcome, inputs.into_diagnostics())
    }
}

impl plugin::DataSource for Registered {
    fn validate(&self, config: &Value) -> Diagnostics {
        // Warnings come once, from the read plan makes: Terraform shows validation's diagnostics
        // and the read's together, so a warning given by both would show twice.
        let mut diagnostics = self.compute(config, Phase::Validate).1;
        diagnostics.0.retain(Diagnostic::is_error);
        diagnostics
    }

    fn read(&self, config: &Value) -> (Option<Value>, Diagnostics) {
        let defaults = self.defaults.read().unwrap_or_else(|poisoned| poisoned.into_inner()).clone();
        let (outcome, mut diagnostics) = self.compute(config, Phase::Read(&defaults));
        // No state must come with an error, or Terraform reports a null object instead of our message.
        if !matches!(outcome, Outcome::State(_)) && !diagnostics.has_errors() {
            diagnostics.push(Diagnostic::error(
                "No document computed",
                "The configuration still holds values unknown until apply, so no document could be computed.",
            ));
        }
        (outcome.state(), diagnostics)
    }
}

/// The provider: its schema, its data sources and their function twins, each resolved once.
pub struct QBusinessProvider {
    schema: ProviderSchema,
    data_sources: BTreeMap<&'static str, Arc<Registered>>,
    /// Each function's data source, by function name.
    functions: BTreeMap<&'static str, Arc<Registered>>,
    defaults: Arc<RwLock<ProviderDefaults>>,
}

impl Default for QBusinessProvider {
    fn default() -> Self {
        Self::new()
    }
}

impl QBusinessProvider {
    /// The provider with every data source of [`DESCRIPTORS`] and its function twin.
    pub fn new() -> QBusinessProvider {
        let defaults = Arc::new(RwLock::new(ProviderDefaults::default()));
        let registered: Vec<Arc<Registered>> = DESCRIPTORS
            .iter()
            .map(|&descriptor| Arc::new(Registered { descriptor, block: descriptor.schema(), defaults: defaults.clone() }))
            .collect();
        let data_sources = registered.iter().map(|r| (r.descriptor.type_name, r.clone())).collect();
        let functions: BTreeMap<&'static str, Arc<Registered>> =
            registered.iter().map(|r| (r.descriptor.function.name, r.clone())).collect();
        let schema = ProviderSchema {
            provider: provider_schema(),
            data_sources: registered.iter().map(|r| (r.descriptor.type_name.to_owned(), r.block.clone())).collect(),
            functions: functions.iter().map(|(name, r)| ((*name).to_owned(), functions::definition(r.descriptor, &r.block))).collect(),
        };
        QBusinessProvider { schema, data_sources, functions, defaults }
    }

    /// The data source of this type, for the in-process tests that read it in a chosen phase.
    #[cfg(test)]
    pub(crate) fn registered(&self, type_name: &str) -> Option<&Registered> {
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
        inputs.into_diagnostics()
    }

    fn configure_provider(&self, config: &Value) -> Diagnostics {
        let mut inputs = Inputs::new(config, &self.schema.provider);
        let defaults = read_scope_arguments(&mut inputs, true);
        if !inputs.has_errors() {
            *self.defaults.write().unwrap_or_else(|poisoned| poisoned.into_inner()) = defaults;
        }
        inputs.into_diagnostics()
    }

    fn data_source(&self, type_name: &str) -> Option<Arc<dyn plugin::DataSource>> {
        self.data_sources.get(type_name).map(|d| d.clone() as Arc<dyn plugin::DataSource>)
    }

    fn call_function(&self, name: &str, arguments: &[Value]) -> Result<Value, FunctionError> {
        let registered = self
            .functions
            .get(name)
            .ok_or_else(|| FunctionError { text: format!("this provider has no function {name:?}"), argument: None })?;
        // Terraform calls functions on an unconfigured provider, so the provider block's defaults
        // are never theirs: the same call must give the same document in any process.
        functions::call(&registered.descriptor.function, arguments, &registered.block, |config| registered.compute(config, Phase::Function))
    }
}
