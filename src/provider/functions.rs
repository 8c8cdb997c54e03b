//! The provider functions (`provider::qbusiness::connector_policy(…)` and friends): each is its data
//! source's twin, same engine, same document, without Terraform's data-source graph round trips.
//! They are one table because they differ only in which data source they read and whether a
//! leading argument (`connector`, `kind`) selects the role.

use crate::plugin::convert::convert;
use crate::plugin::{AttributePath, Block, Function, FunctionError, Parameter, Type, Value};

use super::application_policy::ApplicationPolicy;
use super::bucket_policy::BucketPolicyDataSource;
use super::connector_policy::ConnectorPolicy;
use super::connectors;
use super::document::DocumentRole;
use super::role_policy::RolePolicy;
use super::trust_policy::TrustPolicyDataSource;
use super::web_experience_policy::WebExperiencePolicy;

pub struct FunctionSpec {
    pub name: &'static str,
    pub data_source: &'static str,
    /// The data-source argument passed as the function's first parameter, if any.
    pub selector: Option<&'static str>,
    /// The data-source attribute the function returns.
    pub output: &'static str,
    pub summary: &'static str,
}

pub const FUNCTIONS: [FunctionSpec; 7] = [
    FunctionSpec {
        name: "application_policy",
        data_source: ApplicationPolicy::TYPE_NAME,
        selector: None,
        output: "json",
        summary: "The permissions policy of the application's service role, as JSON.",
    },
    FunctionSpec {
        name: "bucket_policy",
        data_source: BucketPolicyDataSource::TYPE_NAME,
        selector: None,
        output: "json",
        summary: "The bucket policy that lets an S3 connector role of another account read the bucket, as JSON.",
    },
    FunctionSpec {
        name: "connector_policy",
        data_source: ConnectorPolicy::TYPE_NAME,
        selector: Some("connector"),
        output: "json",
        summary: "The permissions policy of a data-source connector role, as JSON.",
    },
    FunctionSpec {
        name: "connectors",
        data_source: connectors::TYPE_NAME,
        selector: None,
        output: "connectors",
        summary: "The connector catalog: one object per connector (id, name, type, template, arguments, verified).",
    },
    FunctionSpec {
        name: "role_policy",
        data_source: RolePolicy::TYPE_NAME,
        selector: Some("role"),
        output: "json",
        summary: "The permissions policy of a Kendra retriever, plugin or document enrichment role, or of an anonymous application's caller, as JSON.",
    },
    FunctionSpec {
        name: "trust_policy",
        data_source: TrustPolicyDataSource::TYPE_NAME,
        selector: Some("kind"),
        output: "json",
        summary: "The trust policy of an Amazon Q Business role, as JSON.",
    },
    FunctionSpec {
        name: "web_experience_policy",
        data_source: WebExperiencePolicy::TYPE_NAME,
        selector: None,
        output: "json",
        summary: "The permissions policy of a web experience role, as JSON.",
    },
];

pub fn spec(name: &str) -> Option<&'static FunctionSpec> {
    FUNCTIONS.iter().find(|f| f.name == name)
}

impl FunctionSpec {
    /// `block` is the data source's schema, whose `output` attribute gives the return type.
    pub fn definition(&self, block: &Block) -> Function {
        let mut parameters = Vec::new();
        if let Some(selector) = self.selector {
            parameters.push(Parameter::new(selector, Type::String, &format!("The `{selector}` argument of `{}`.", self.data_source)));
        }
        parameters.push(Parameter::new(
            "config",
            Type::Dynamic,
            &format!(
                "An object with the arguments of the `{}` data source (`statement` as a list of objects); `{{}}` for none.",
                self.data_source
            ),
        ));
        Function {
            summary: self.summary.to_owned(),
            description: format!(
                "Returns the `{}` attribute of the `{}` data source given the same arguments, identical to it.",
                self.output, self.data_source
            ),
            parameters,
            return_type: block.attribute(self.output).map_or(Type::Dynamic, |a| a.ty.clone()),
        }
    }

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
        let root = AttributePath::attribute("config");
        let mut converted =
            convert(config, &block.input_type(), &root).map_err(|e| fail(format!("{}: {}", e.path, e.message), config_index))?;
        if let (Some(selector), Value::Map(entries), Some(first)) = (self.selector, &mut converted, arguments.first()) {
            if !entries.get(selector).is_none_or(Value::is_null) {
                return Err(fail(format!("config.{selector}: give {selector} as the first argument, not in config"), config_index));
            }
            entries.insert(selector.to_owned(), first.clone());
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
            (Some(selector), Some(crate::plugin::PathStep::Attribute(name))) if name == selector => (0, selector.to_owned()),
            _ if path.is_root() => (config_index, "config".to_owned()),
            _ => (config_index, format!("config.{path}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::plugin::{FunctionError, Provider as _, Value};
    use crate::provider::QBusinessProvider;

    #[test]
    fn a_required_argument_left_out_of_config_names_it() {
        let config = Value::object([
            ("index_id", Value::string("b1b2c3d4-5678-90ab-cdef-EXAMPLE22222")),
            ("bucket", Value::string("my-docs")),
            ("region", Value::string("us-east-1")),
            ("account_id", Value::string("123456789012")),
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
            ("application_id", Value::string("a1b2c3d4-5678-90ab-cdef-EXAMPLE11111")),
            ("index_id", Value::string("b1b2c3d4-5678-90ab-cdef-EXAMPLE22222")),
            ("bucket", Value::string("my-docs")),
        ]);
        assert_eq!(
            error("connector_policy", &[Value::string("s3"), config]),
            "config.region: Set region in the config object (functions never see the provider block); valid regions are ap-southeast-2, eu-west-1, us-east-1, us-west-2"
        );
    }

    #[test]
    fn an_unknown_connector_is_reported_before_missing_arguments() {
        let text = error("connector_policy", &[Value::string("sharepoint_2003"), Value::object([("region", Value::string("us-east-1"))])]);
        assert!(text.starts_with("connector: \"sharepoint_2003\" is not a valid connector; valid values are s3,"), "{text}");
    }
}
