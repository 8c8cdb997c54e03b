//! Data source `qbusiness_application_policy`: the permissions policy of the application's service role.

use crate::catalog::arguments as args;
use crate::catalog::kinds::is_scope;
use crate::catalog::requests::{self, Family};
use crate::catalog::sources::at_60275b0;
use crate::catalog::{ApplicationRole, ResourceId, TrustKind};
use crate::plugin::{Attribute, Type};
use crate::policy::{DocumentKind, PolicyDocument};

use super::config::resolve_scope;
use super::descriptor::{Body, Descriptor, DocumentSpec, FunctionTwin};
use super::inputs::Inputs;
use super::Phase;

/// The data source `qbusiness_application_policy`.
pub static DESCRIPTOR: Descriptor = Descriptor {
    type_name: "qbusiness_application_policy",
    description: "The permissions policy of an Amazon Q Business application's service role: CloudWatch metrics in `AWS/QBusiness`, its log groups, and optionally user subscriptions.",
    function: FunctionTwin {
        name: "application_policy",
        selector: None,
        output: args::JSON,
        summary: "The permissions policy of the application's service role, as JSON.",
    },
    requests: Some(Family {
        expectations: requests::APPLICATION,
        selector: None,
        default_kind: None,
        kinds: Vec::new,
        takes: |_, name| name == args::APPLICATION_ID || is_scope(name),
        examples: requests::APPLICATION_EXAMPLES,
        trusts: |_| &[TrustKind::Application],
        source: |_| Some(at_60275b0("create-application-iam-role")),
    }),
    body: Body::Document(DocumentSpec { kind: DocumentKind::Permissions, arguments, scope_note: Some(scope_note), build }),
};

fn arguments() -> Vec<Attribute> {
    vec![
        Attribute::optional(
            args::APPLICATION_ID,
            Type::String,
            "Id of the application, to scope the subscription statements to it; any application of the account when omitted (the role usually exists before the application).",
        ),
        Attribute::optional(
            args::USER_SUBSCRIPTIONS,
            Type::Bool,
            "Add the statements that let Amazon Q Business create and manage user subscriptions (default false).",
        ),
    ]
}

fn scope_note() -> String {
    "in this policy".to_owned()
}

fn build(inputs: &mut Inputs<'_>, phase: Phase<'_>) -> Option<PolicyDocument> {
    let application = inputs.parsed::<ResourceId>(args::APPLICATION_ID);
    let user_subscriptions = inputs.bool(args::USER_SUBSCRIPTIONS).unwrap_or(false);
    if application.is_some() && !user_subscriptions {
        inputs.warning(
            args::APPLICATION_ID,
            "application_id has no effect",
            "Only the user subscription statements name the application; set user_subscriptions = true or leave application_id out.",
        );
    }
    let scope = resolve_scope(inputs, phase)?;
    Some(ApplicationRole { scope, application, user_subscriptions }.permissions())
}

#[cfg(test)]
mod tests {
    use crate::catalog::arguments as args;
    use crate::plugin::Value;
    use crate::provider::testing::{read, s, APPLICATION_ID};

    const TYPE: &str = super::DESCRIPTOR.type_name;

    #[test]
    fn scoped_subscriptions_are_their_golden_document() {
        let outcome = read(TYPE, &[(args::USER_SUBSCRIPTIONS, Value::Bool(true)), (args::APPLICATION_ID, s(APPLICATION_ID))]);
        assert_eq!(outcome.json.unwrap() + "\n", include_str!("../../tests/golden/application-user-subscriptions-scoped.json"));
    }

    #[test]
    fn an_application_id_without_subscriptions_is_a_warning() {
        let outcome = read(TYPE, &[(args::APPLICATION_ID, s(APPLICATION_ID))]);
        assert_eq!(outcome.json.unwrap() + "\n", include_str!("../../tests/golden/application-default.json"));
        assert_eq!(outcome.diagnostics, ["warning application_id | application_id has no effect | Only the user subscription statements name the application; set user_subscriptions = true or leave application_id out."]);
    }

    #[test]
    fn skip_region_validation_turns_an_unknown_region_into_a_warning() {
        let refused = read(TYPE, &[(args::REGION, s("eu-central-1"))]);
        assert_eq!(refused.json, None);
        assert!(
            refused.diagnostics[0].ends_with("If it is a new region, set skip_region_validation = true to go on with a warning"),
            "{:?}",
            refused.diagnostics
        );
        let accepted = read(TYPE, &[(args::REGION, s("eu-central-1")), (args::SKIP_REGION_VALIDATION, Value::Bool(true))]);
        assert!(accepted.json.unwrap().contains("arn:aws:logs:eu-central-1:123456789012:log-group:/aws/qbusiness/*"));
        assert_eq!(
            accepted.diagnostics,
            ["warning region | Region without Amazon Q Business | Amazon Q Business is not available in region \"eu-central-1\"; valid regions are ap-southeast-2, eu-west-1, us-east-1, us-west-2; skip_region_validation is set, so the document is built for it anyway"]
        );
    }
}
