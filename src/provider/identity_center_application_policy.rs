//! Data source `qbusiness_identity_center_application_policy`: the application policy
//! (`ActorPolicy`) of the Identity Center application an identity-aware custom application
//! exchanges tokens at.

use crate::catalog::arguments as args;
use crate::catalog::arns::IamRoleArn;
use crate::catalog::requests::Family;
use crate::catalog::sources::at_3a3ccd3;
use crate::catalog::token_exchange::{self, TokenExchangePolicy};
use crate::plugin::{Attribute, Type};
use crate::policy::{DocumentKind, PolicyDocument};

use super::descriptor::{Body, Descriptor, DocumentSpec, FunctionTwin};
use super::inputs::Inputs;
use super::Phase;

/// The data source `qbusiness_identity_center_application_policy`.
pub static DESCRIPTOR: Descriptor = Descriptor {
    type_name: "qbusiness_identity_center_application_policy",
    description: "The application policy (`ActorPolicy`) of the IAM Identity Center customer managed application that an identity-aware custom application exchanges its users' tokens at (AWS's page \"Making authenticated Amazon Q Business API calls using IAM Identity Center\"): the roles named may call `sso-oauth:CreateTokenWithIAM`, and no one else. Set it with `aws sso-admin put-application-authentication-method` (`AuthenticationMethodType = IAM`); hashicorp/aws has no resource for it. The roles then assume the API caller role (`qbusiness_role_policy`, `role = \"api_caller\"`).",
    function: FunctionTwin {
        name: "identity_center_application_policy",
        selector: None,
        output: args::JSON,
        summary: "The application policy (ActorPolicy) of the Identity Center application that exchanges tokens, as JSON.",
    },
    requests: Some(Family {
        expectations: token_exchange::REQUESTS,
        selector: None,
        default_kind: None,
        kinds: Vec::new,
        takes: |_, _| false,
        examples: token_exchange::EXAMPLES,
        trusts: |_| &[],
        source: |_| Some(at_3a3ccd3("making-sigv4-authenticated-api-calls")),
    }),
    // No scope arguments: the roles' ARNs carry the partition, and the policy names no resource.
    body: Body::Document(DocumentSpec { kind: DocumentKind::Resource, arguments, scope_note: None, build }),
};

fn arguments() -> Vec<Attribute> {
    vec![Attribute::required(
        args::CALLER_ROLE_ARNS,
        Type::list(Type::String),
        "ARNs of the roles that call `CreateTokenWithIAM` (the custom application's own roles), e.g. `[\"arn:aws:iam::123456789012:role/qbusiness-custom-app\"]`. Identity Center needs at least one.",
    )]
}

fn build(inputs: &mut Inputs<'_>, _phase: Phase<'_>) -> Option<PolicyDocument> {
    // Required (Identity Center's application policy needs a principal), so "leave it out", the
    // general empty-list advice, would be wrong here.
    if inputs.refuse_empty_list(args::CALLER_ROLE_ARNS, "[\"arn:aws:iam::123456789012:role/qbusiness-custom-app\"]") {
        return None;
    }
    let callers = inputs.parsed_list::<IamRoleArn>(args::CALLER_ROLE_ARNS)?;
    TokenExchangePolicy { callers }.document()
}

#[cfg(test)]
mod tests {
    use crate::catalog::arguments as args;
    use crate::provider::testing::{allows, golden, list, read};

    const TYPE: &str = super::DESCRIPTOR.type_name;

    #[test]
    fn the_policy_is_its_golden_document() {
        let outcome = read(TYPE, &[(args::CALLER_ROLE_ARNS, list(&["arn:aws:iam::123456789012:role/qbusiness-custom-app"]))]);
        assert_eq!(outcome.diagnostics, Vec::<String>::new());
        assert_eq!(outcome.json.unwrap() + "\n", golden("identity-center-application-policy"));
    }

    #[test]
    fn allows_names_the_users_first_caller() {
        let caller = "arn:aws:iam::111122223333:role/chat-frontend";
        let rows = allows(TYPE, &[(args::CALLER_ROLE_ARNS, list(&[caller, "arn:aws:iam::111122223333:role/batch"]))]);
        let judged: Vec<(&str, &str, bool)> = rows.iter().map(|r| (r.label.as_str(), r.principal.as_str(), r.allowed)).collect();
        assert_eq!(
            judged,
            [
                ("a caller role exchanges a user's token", caller, true),
                ("a caller role introspects a token", caller, false),
                ("a caller role revokes a token", caller, false),
                ("another role of the account exchanges a token", "arn:aws:iam::111122223333:role/someone-else", false),
                ("Q Business exchanges a token", "qbusiness.amazonaws.com", false),
                ("another account exchanges a token", "arn:aws:iam::999999999999:root", false),
            ]
        );
        assert!(rows.iter().all(|r| r.expected == r.allowed));
    }
}
