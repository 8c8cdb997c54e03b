//! Data source `qbusiness_connectors`: the connector catalog, for modules that iterate or validate.

use crate::catalog::arguments as args;
use crate::catalog::connectors::{Support, DATABASE_TYPES, LEGACY_SUPPORT_ENDED};
use crate::catalog::{ConnectorTemplate, Kind, CONNECTORS};
use crate::plugin::{Attribute, Type, Value};

use super::descriptor::{Body, Descriptor, FunctionTwin};
use super::inputs::Inputs;
use super::{Outcome, Phase};

/// The data source `qbusiness_connectors`.
pub static DESCRIPTOR: Descriptor = Descriptor {
    type_name: "qbusiness_connectors",
    description: "The connectors `qbusiness_connector_policy` knows: id, name, the CreateDataSource `type` values that make each one (look a connector up by the type a configuration already holds), template, arguments, whether AWS still supports it, and the user guide page its row was read from.",
    function: FunctionTwin {
        name: "connectors",
        selector: None,
        output: args::CONNECTORS,
        summary: "The connector catalog: one object per connector (id, name, types, template, arguments, support, source).",
    },
    requests: None,
    body: Body::Other { schema, read },
};

fn connector_type() -> Type {
    Type::object([
        (String::from(args::ID), Type::String),
        (String::from(args::DISPLAY_NAME), Type::String),
        (String::from(args::DATA_SOURCE_TYPE), Type::String),
        (String::from(args::DATA_SOURCE_TYPES), Type::list(Type::String)),
        (String::from(args::DATABASE_TYPE), Type::String),
        (String::from(args::TEMPLATE), Type::String),
        (String::from(args::REQUIRED_ARGUMENTS), Type::list(Type::String)),
        (String::from(args::OPTIONAL_ARGUMENTS), Type::list(Type::String)),
        (String::from(args::VERIFIED), Type::Bool),
        (String::from(args::SUPPORT), Type::String),
        (String::from(args::SUPPORT_ENDED), Type::String),
        (String::from(args::SOURCE_PAGE), Type::String),
        (String::from(args::SOURCE_SNAPSHOT), Type::String),
    ])
}

fn schema() -> Vec<Attribute> {
    vec![
        Attribute::optional(args::TEMPLATE, Type::String, &format!("Only connectors of this template: {}.", ConnectorTemplate::names())),
        Attribute::optional(
            args::DATA_SOURCE_TYPE,
            Type::String,
            "Only connectors made by this CreateDataSource `type` (as `aws_qbusiness_data_source` or a CreateDataSource call holds it), e.g. `\"SHAREPOINTV2\"`; several rows share `JDBC` and `SHAREPOINTV2`.",
        ),
        Attribute::optional(
            args::DATABASE_TYPE,
            Type::String,
            "Only database connectors of this `dbType` (`connectionConfiguration.repositoryEndpointMetadata.dbType` of a JDBC data source): `mysql`, `postgresql`, `oracle`, `sqlserver` or `db2`. Aurora, RDS and a self-managed server of one engine share it, so a lookup by `JDBC` and `mysql` gives three rows of one template.",
        ),
        Attribute::computed(args::IDS, Type::list(Type::String), "The connector ids, in catalog order."),
        Attribute::computed(
            args::CONNECTORS,
            Type::list(connector_type()),
            "One object per connector: `id`, `display_name`, `data_source_type` (the recommended type), `data_source_types` (every type that makes it), `database_type` (a JDBC connector's `dbType`; else null), `template`, `required_arguments`, `optional_arguments`, `verified` (the page was read in full), `support` (`current` or `legacy`), `support_ended` (the day AWS's support ended, for a legacy connector; else null), `source_page` and `source_snapshot` (the user guide page the row was read from and the documentation mirror's commit).",
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
    let database_type = inputs.string(args::DATABASE_TYPE);
    if let Some(database_type) = database_type {
        if !DATABASE_TYPES.contains(&database_type) {
            let detail =
                format!("{database_type:?} is not a dbType of a JDBC data source; valid values are {}.", DATABASE_TYPES.join(", "));
            inputs.error(args::DATABASE_TYPE, "Unknown database type", detail);
        }
    }
    if inputs.has_errors() || (inputs.is_set(args::TEMPLATE) && template.is_none() && !inputs.incomplete) {
        return Outcome::Invalid;
    }
    if inputs.incomplete {
        return Outcome::Unknown;
    }
    if matches!(phase, Phase::Validate) {
        return Outcome::Checked;
    }
    let data_source_type = inputs.string(args::DATA_SOURCE_TYPE).map(str::to_owned);
    let selected: Vec<_> = CONNECTORS
        .iter()
        .filter(|c| template.is_none_or(|t| c.template == t))
        .filter(|c| data_source_type.as_deref().is_none_or(|ty| c.data_source_types.contains(&ty)))
        .filter(|c| database_type.is_none() || c.database_type() == database_type)
        .collect();
    let arguments = |connector: &crate::catalog::Connector, required: bool| {
        Value::List(connector.template.arguments().iter().filter(|a| a.required == required).map(|a| Value::string(a.name)).collect())
    };
    let connectors = selected
        .iter()
        .map(|c| {
            Value::object([
                (args::ID, Value::string(c.id)),
                (args::DISPLAY_NAME, Value::string(c.display_name)),
                (args::DATA_SOURCE_TYPE, Value::string(c.data_source_types[0])),
                (args::DATA_SOURCE_TYPES, Value::List(c.data_source_types.iter().map(|t| Value::string(*t)).collect())),
                (args::DATABASE_TYPE, c.database_type().map_or(Value::Null, Value::string)),
                (args::TEMPLATE, Value::string(c.template.name())),
                (args::REQUIRED_ARGUMENTS, arguments(c, true)),
                (args::OPTIONAL_ARGUMENTS, arguments(c, false)),
                (args::VERIFIED, Value::Bool(true)),
                (args::SUPPORT, Value::string(c.support.name())),
                (
                    args::SUPPORT_ENDED,
                    match c.support {
                        Support::Current => Value::Null,
                        Support::Legacy => Value::string(LEGACY_SUPPORT_ENDED),
                    },
                ),
                (args::SOURCE_PAGE, Value::string(c.source.page)),
                (args::SOURCE_SNAPSHOT, Value::string(c.source.snapshot)),
            ])
        })
        .collect();
    let mut state = inputs.config().as_map().cloned().unwrap_or_default();
    state.insert(args::IDS.into(), Value::List(selected.iter().map(|c| Value::string(c.id)).collect()));
    state.insert(args::CONNECTORS.into(), Value::List(connectors));
    Outcome::State(Value::Map(state))
}

#[cfg(test)]
mod tests {
    use crate::catalog::arguments as args;
    use crate::plugin::Value;
    use crate::provider::testing::{read, s};

    const TYPE: &str = super::DESCRIPTOR.type_name;

    #[test]
    fn a_jdbc_data_source_is_looked_up_by_its_database_type() {
        let outcome = read(TYPE, &[(args::DATA_SOURCE_TYPE, s("JDBC")), (args::DATABASE_TYPE, s("mysql"))]);
        assert_eq!(outcome.diagnostics, Vec::<String>::new());
        let state = outcome.state.unwrap();
        assert_eq!(state.attribute(args::IDS), &Value::List(vec![s("aurora_mysql"), s("rds_mysql"), s("mysql")]));
        let db2 = read(TYPE, &[(args::DATABASE_TYPE, s("db2"))]).state.unwrap();
        assert_eq!(db2.attribute(args::CONNECTORS).as_list().unwrap()[0].attribute(args::DATABASE_TYPE), &s("db2"));
        let s3 = read(TYPE, &[(args::TEMPLATE, s("s3"))]).state.unwrap();
        assert_eq!(s3.attribute(args::CONNECTORS).as_list().unwrap()[0].attribute(args::DATABASE_TYPE), &Value::Null);
    }

    #[test]
    fn an_unknown_database_type_is_an_error_that_lists_the_valid_ones() {
        let outcome = read(TYPE, &[(args::DATABASE_TYPE, s("MySQL"))]);
        assert_eq!(
            outcome.diagnostics,
            ["error database_type | Unknown database type | \"MySQL\" is not a dbType of a JDBC data source; valid values are mysql, db2, postgresql, oracle, sqlserver."]
        );
    }
}
