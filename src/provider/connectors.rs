//! Data source `qbusiness_connectors`: the connector catalog, for modules that iterate or validate.

use crate::catalog::arguments as args;
use crate::catalog::{ConnectorTemplate, Kind, CONNECTORS};
use crate::plugin::{Attribute, Type, Value};

use super::descriptor::{Body, Descriptor, FunctionTwin};
use super::inputs::Inputs;
use super::{Outcome, Phase};

/// The data source `qbusiness_connectors`.
pub static DESCRIPTOR: Descriptor = Descriptor {
    type_name: "qbusiness_connectors",
    description: "The connectors `qbusiness_connector_policy` knows: id, name, CreateDataSource `type`, template, arguments, and whether the published policy was verified.",
    function: FunctionTwin {
        name: "connectors",
        selector: None,
        output: args::CONNECTORS,
        summary: "The connector catalog: one object per connector (id, name, type, template, arguments, verified).",
    },
    requests: None,
    body: Body::Other { schema, read },
};

fn connector_type() -> Type {
    Type::object([
        (String::from(args::ID), Type::String),
        (String::from(args::DISPLAY_NAME), Type::String),
        (String::from(args::DATA_SOURCE_TYPE), Type::String),
        (String::from(args::TEMPLATE), Type::String),
        (String::from(args::REQUIRED_ARGUMENTS), Type::list(Type::String)),
        (String::from(args::OPTIONAL_ARGUMENTS), Type::list(Type::String)),
        (String::from(args::VERIFIED), Type::Bool),
    ])
}

fn schema() -> Vec<Attribute> {
    vec![
        Attribute::optional(args::TEMPLATE, Type::String, &format!("Only connectors of this template: {}.", ConnectorTemplate::names())),
        Attribute::computed(args::IDS, Type::list(Type::String), "The connector ids, in catalog order."),
        Attribute::computed(
            args::CONNECTORS,
            Type::list(connector_type()),
            "One object per connector: `id`, `display_name`, `data_source_type`, `template`, `required_arguments`, `optional_arguments`, `verified`.",
        ),
    ]
}

fn read(inputs: &mut Inputs<'_>, phase: Phase<'_>) -> Outcome {
    let template = inputs.string(args::TEMPLATE).and_then(|name| match ConnectorTemplate::parse(args::TEMPLATE, name) {
        Ok(template) => Some(template),
        Err(unknown) => {
            inputs.error(args::TEMPLATE, "Unknown template", unknown.to_string());
            None
        }
    });
    if inputs.has_errors() || (inputs.is_set(args::TEMPLATE) && template.is_none() && !inputs.incomplete) {
        return Outcome::Invalid;
    }
    if inputs.incomplete {
        return Outcome::Unknown;
    }
    if matches!(phase, Phase::Validate) {
        return Outcome::Checked;
    }
    let selected: Vec<_> = CONNECTORS.iter().filter(|c| template.is_none_or(|t| c.template == t)).collect();
    let arguments = |connector: &crate::catalog::Connector, required: bool| {
        Value::List(connector.template.arguments().iter().filter(|a| a.required == required).map(|a| Value::string(a.name)).collect())
    };
    let connectors = selected
        .iter()
        .map(|c| {
            Value::object([
                (args::ID, Value::string(c.id)),
                (args::DISPLAY_NAME, Value::string(c.display_name)),
                (args::DATA_SOURCE_TYPE, Value::string(c.data_source_type)),
                (args::TEMPLATE, Value::string(c.template.name())),
                (args::REQUIRED_ARGUMENTS, arguments(c, true)),
                (args::OPTIONAL_ARGUMENTS, arguments(c, false)),
                (args::VERIFIED, Value::Bool(c.verified)),
            ])
        })
        .collect();
    let mut state = inputs.config().as_map().cloned().unwrap_or_default();
    state.insert(args::IDS.into(), Value::List(selected.iter().map(|c| Value::string(c.id)).collect()));
    state.insert(args::CONNECTORS.into(), Value::List(connectors));
    Outcome::State(Value::Map(state))
}
