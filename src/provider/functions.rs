//! The provider functions (`provider::qbusiness::connector_policy(…)` and friends): each is its data
//! source's twin, same engine, same document, without Terraform's data-source graph round trips.
//! Each is declared in its data source's descriptor ([`FunctionTwin`]); they differ only in which
//! data source they read and whether a leading argument (`connector`, `kind`) selects the role.

use crate::plugin::convert::convert;
use crate::plugin::{AttributePath, Block, Diagnostic, Diagnostics, Function, FunctionError, Parameter, Presence, Type, Value};

use super::descriptor::{Descriptor, FunctionTwin};
use super::Outcome;

/// The name of every function's last parameter: the data source's arguments as an object.
const CONFIG: &str = "config";

/// The function's definition; `block` is the data source's schema, whose output attribute gives
/// the return type.
pub(super) fn definition(descriptor: &Descriptor, block: &Block) -> Function {
    let twin = &descriptor.function;
    let mut parameters = Vec::new();
    if let Some(selector) = twin.selector {
        parameters.push(Parameter::new(
            selector.as_str(),
            Type::String,
            &format!("The `{selector}` argument of `{}`.", descriptor.type_name),
        ));
    }
    // What `config` accepts is what the data source takes, less the selector: listed from its
    // schema, so the page never offers an argument the function refuses.
    let mut accepted: Vec<String> = block
        .attributes
        .iter()
        .filter(|a| !matches!(a.presence, Presence::Computed) && Some(a.name.as_str()) != twin.selector.map(|s| s.as_str()))
        .map(|a| format!("`{}`", a.name))
        .collect();
    accepted.extend(block.blocks.iter().map(|b| format!("`{}` (a list of objects)", b.type_name)));
    let accepted = if accepted.is_empty() { "none".to_owned() } else { accepted.join(", ") };
    parameters.push(Parameter::new(
        CONFIG,
        Type::Dynamic,
        &format!("An object with the arguments of the `{}` data source: {accepted}; `{{}}` for none.", descriptor.type_name),
    ));
    Function {
        summary: twin.summary.to_owned(),
        description: format!(
            "Returns the `{}` attribute of the `{}` data source given the same arguments, identical to it.",
            twin.output, descriptor.type_name
        ),
        parameters,
        return_type: block.attribute(twin.output).map_or(Type::Dynamic, |a| a.ty.clone()),
    }
}

/// Calls the function: turns its arguments into the data source's configuration, reads it with
/// `compute`, and returns the output attribute, or the first error naming its argument.
pub(super) fn call(
    twin: &FunctionTwin,
    arguments: &[Value],
    block: &Block,
    compute: impl FnOnce(&Value) -> (Outcome, Diagnostics),
) -> Result<Value, FunctionError> {
    let (config, missing) = twin.configuration(arguments, block)?;
    let (outcome, diagnostics) = compute(&config);
    // Functions cannot return warnings; errors go back naming the argument, as `config.bucket: …`.
    // An error in the selector (an unknown connector) comes first: it decides what is missing.
    let errors: Vec<_> = diagnostics.iter().filter(|d| d.is_error()).collect();
    let located = |error: &Diagnostic| {
        let path = error.attribute.clone().unwrap_or_default();
        let (argument, location) = twin.argument_of(&path, arguments.len());
        // Terraform ends the message with its own period.
        FunctionError { text: format!("{location}: {}", error.detail.trim_end_matches('.')), argument: Some(argument) }
    };
    if let Some(selector_error) = errors.iter().map(|e| located(e)).find(|e| e.argument == Some(0) && twin.selector.is_some()) {
        return Err(selector_error);
    }
    if let Some(missing) = missing {
        return Err(missing);
    }
    if let Some(error) = errors.first() {
        return Err(located(error));
    }
    match outcome.state().map(|s| s.attribute(twin.output).clone()) {
        Some(value) if !value.is_null() => Ok(value),
        _ => Err(FunctionError { text: "no document could be computed".into(), argument: None }),
    }
}

impl FunctionTwin {
    /// The data source configuration the arguments stand for, converted to `block`'s user-settable
    /// type, and the error for a required argument left out (or null), as for the data source; the
    /// caller reports it after any error in the selector.
    pub fn configuration(&self, arguments: &[Value], block: &Block) -> Result<(Value, Option<FunctionError>), FunctionError> {
        let config_index = arguments.len().saturating_sub(1);
        let fail = |text: String, argument: usize| FunctionError { text, argument: Some(argument) };
        let config = arguments.get(config_index).ok_or_else(|| fail("missing config".into(), 0))?;
        if !matches!(config, Value::Map(_)) {
            return Err(fail("config must be an object of data source arguments, e.g. { application_id = \"…\" }".into(), config_index));
        }
        let root = AttributePath::attribute(CONFIG);
        let mut converted =
            convert(config, &block.input_type(), &root).map_err(|e| fail(format!("{}: {}", e.path, e.message), config_index))?;
        if let (Some(selector), Value::Map(entries), Some(first)) = (self.selector, &mut converted, arguments.first()) {
            if !entries.get(selector.as_str()).is_none_or(Value::is_null) {
                return Err(fail(format!("config.{selector}: give {selector} as the first argument, not in config"), config_index));
            }
            entries.insert(selector.into(), first.clone());
        }
        let missing = block.missing_required(&converted, &root).iter().next().map(|missing| {
            let path = missing.attribute.clone().unwrap_or_default();
            fail(format!("{path}: {}", missing.detail.trim_end_matches('.')), config_index)
        });
        Ok((converted, missing))
    }

    /// Which argument a diagnostic at `path` concerns: the selector's, or config's.
    pub fn argument_of(&self, path: &AttributePath, argument_count: usize) -> (usize, String) {
        let config_index = argument_count.saturating_sub(1);
        match (self.selector, path.0.first()) {
            (Some(selector), Some(crate::plugin::PathStep::Attribute(name))) if selector == name.as_str() => (0, selector.into()),
            _ if path.is_root() => (config_index, CONFIG.to_owned()),
            _ => (config_index, format!("config.{path}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::catalog::arguments as args;
    use crate::plugin::{FunctionError, Provider as _, Value};
    use crate::provider::testing::{ACCOUNT_ID, APPLICATION_ID, INDEX_ID, REGION};
    use crate::provider::QBusinessProvider;

    #[test]
    fn a_required_argument_left_out_of_config_names_it() {
        let config = Value::object([
            (args::INDEX_ID, Value::string(INDEX_ID)),
            (args::BUCKET, Value::string("my-docs")),
            (args::REGION, Value::string(REGION)),
            (args::ACCOUNT_ID, Value::string(ACCOUNT_ID)),
        ]);
        let error = QBusinessProvider::new().call_function("connector_policy", &[Value::string("s3"), config]).unwrap_err();
        assert_eq!(
            error,
            FunctionError {
                text: "config.application_id: The argument \"application_id\" is required, but it is null".into(),
                argument: Some(1)
            }
        );
    }

    fn error(name: &str, arguments: &[Value]) -> String {
        QBusinessProvider::new().call_function(name, arguments).unwrap_err().text
    }

    #[test]
    fn errors_speak_of_the_config_object_and_end_without_a_doubled_period() {
        let config = Value::object([
            (args::APPLICATION_ID, Value::string(APPLICATION_ID)),
            (args::INDEX_ID, Value::string(INDEX_ID)),
            (args::BUCKET, Value::string("my-docs")),
        ]);
        assert_eq!(
            error("connector_policy", &[Value::string("s3"), config]),
            "config.region: Set region in the config object (functions never see the provider block); valid regions are ap-southeast-2, eu-west-1, us-east-1, us-west-2"
        );
    }

    #[test]
    fn an_unknown_connector_is_reported_before_missing_arguments() {
        let text =
            error("connector_policy", &[Value::string("sharepoint_2003"), Value::object([(args::REGION, Value::string("us-east-1"))])]);
        assert!(text.starts_with("connector: \"sharepoint_2003\" is not a valid connector; valid values are s3,"), "{text}");
    }
}
