//! Data source `qbusiness_application_policy`: the permissions policy of the application's service role.

use crate::catalog::{ApplicationRole, ResourceId};
use crate::plugin::{Attribute, Block, Type, Value};
use crate::policy::DocumentKind;

use super::config::{resolve_scope, ProviderDefaults};
use super::document_output::{document_block, finish, permissions_limit, read_additions};
use super::inputs::Inputs;
use super::DataSource;

pub const TYPE_NAME: &str = "qbusiness_application_policy";

pub struct ApplicationPolicy;

impl DataSource for ApplicationPolicy {
    fn type_name(&self) -> &'static str {
        TYPE_NAME
    }

    fn schema(&self) -> Block {
        let attributes = vec![
            Attribute::optional(
                "application_id",
                Type::String,
                "Id of the application, to scope the subscription statements to it; any application of the account when omitted (the role usually exists before the application).",
            ),
            Attribute::optional(
                "user_subscriptions",
                Type::Bool,
                "Add the statements that let Amazon Q Business create and manage user subscriptions (default false).",
            ),
        ];
        document_block(
            "The permissions policy of an Amazon Q Business application's service role: CloudWatch metrics in `AWS/QBusiness`, its log groups, and optionally user subscriptions.",
            attributes,
            "in this policy",
            DocumentKind::Permissions,
        )
    }

    fn build(&self, config: &Value, inputs: &mut Inputs<'_>, defaults: Option<&ProviderDefaults>) -> Option<Value> {
        let application = inputs.parsed::<ResourceId>("application_id");
        let user_subscriptions = inputs.bool("user_subscriptions").unwrap_or(false);
        if application.is_some() && !user_subscriptions {
            inputs.warning(
                "application_id",
                "application_id has no effect",
                "Only the user subscription statements name the application; set user_subscriptions = true or leave application_id out.",
            );
        }
        let additions = read_additions(inputs, DocumentKind::Permissions);
        let limit = permissions_limit(inputs);
        let scope = resolve_scope(inputs, defaults)?;
        if inputs.has_errors() || inputs.incomplete {
            return None;
        }
        let role = ApplicationRole { scope, application, user_subscriptions };
        finish(config, inputs, role.permissions(), &additions, DocumentKind::Permissions, limit)
    }
}
