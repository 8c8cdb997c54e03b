//! Data source `qbusiness_connectors`: the connector catalog, for modules that iterate or validate.

use crate::catalog::{ConnectorTemplate, Kind, CONNECTORS};
use crate::plugin::{Attribute, Type, Value};

use super::descriptor::{Body, Descriptor, FunctionTwin};
use super::inputs::Inputs;
use super::{Outcome, Phase};

pub(super) static DESCRIPTOR: Descriptor = Descriptor {
    type_name: "qbusiness_connectors",
    description: "The connectors `qbusiness_connector_policy` knows: id, name, CreateDataSource `type`, template, arguments, and whether the published policy was verified.",
    function: FunctionTwin {
        name: "connectors",
        selector: None,
        output: "connectors",
        summary: "The connector catalog: one object per connector (id, name, type, template, arguments, verified).",
    },
    requests: None,
    body: Body::Other { schema, read },
};

fn connector_type() -> Type {
    Type::object([
        ("id".to_owned(), Type::String),
        ("display_name".to_owned(), Type::String),
        ("data_source_type".to_owned(), Type::String),
        ("template".to_owned(), Type::String),
        ("required_arguments".to_owned(), Type::list(Type::String)),
        ("optional_arguments".to_owned(), Type::list(Type::String)),
        ("verified".to_owned(), Type::Bool),
    ])
}

fn schema() -> Vec<Attribute> {
    vec![
        Attribute::optional("template", Type::String, &format!("Only connectors of this template: {}.", ConnectorTemplate::names())),
        Attribute::computed("ids", Type::list(Type::String), "The connector ids, in catalog order."),
        Attribute::computed(
            "connectors",
            Type::list(connector_type()),
            "One object per connector: `id`, `display_name`, `data_source_type`, `template`, `required_arguments`, `optional_arguments`, `verified`.",
        ),
    ]
}

fn read(inputs: &mut Inputs<'_>, _phase: Phase<'_>) -> Outcome {
    let template = inputs.string("template").and_then(|name| match ConnectorTemplate::parse("template", name) {
        Ok(template) => Some(template),
        Err(unknown) => {
            inputs.error("template", "Unknown template", unknown.to_string());
            None
        }
    });
    if inputs.has_errors() || (inputs.is_set("template") && template.is_none() && !inputs.incomplete) {
        return Outcome::Invalid;
    }
    if inputs.incomplete {
        return Outcome::Unknown;
    }
    let selected: Vec<_> = CONNECTORS.iter().filter(|c| template.is_none_or(|t| c.template == t)).collect();
    let arguments = |connector: &crate::catalog::Connector, required: bool| {
        Value::List(connector.template.arguments().iter().filter(|a| a.required == required).map(|a| Value::string(a.name)).collect())
    };
    let connectors = selected
        .iter()
        .map(|c| {
            Value::object([
                ("id", Value::string(c.id)),
                ("display_name", Value::string(c.display_name)),
                ("data_source_type", Value::string(c.data_source_type)),
                ("template", Value::string(c.template.name())),
                ("required_arguments", arguments(c, true)),
                ("optional_arguments", arguments(c, false)),
                ("verified", Value::Bool(c.verified)),
            ])
        })
        .collect();
    let mut state = inputs.config().as_map().cloned().unwrap_or_default();
    state.insert("ids".into(), Value::List(selected.iter().map(|c| Value::string(c.id)).collect()));
    state.insert("connectors".into(), Value::List(connectors));
    Outcome::State(Value::Map(state))
}
