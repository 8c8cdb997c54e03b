//! The application policy (`ActorPolicy`) of the IAM Identity Center application an
//! identity-aware custom application exchanges its users' tokens at (user guide page
//! `making-sigv4-authenticated-api-calls`, read at mirror snapshot 3a3ccd3; Identity Center's
//! rules for the document from its user guide's resource-based policy example): the roles named
//! may call `CreateTokenWithIAM`, and no one else.

use super::arguments as args;
use super::arns::IamRoleArn;
use super::examples::Example;
use super::examples::ExampleValue::List;
use super::requests::{Expectation, When};
use crate::policy::{PolicyDocument, Principal, Statement};

/// What the application policy names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenExchangePolicy {
    /// The roles that call `CreateTokenWithIAM` (the custom application's own roles).
    pub callers: Vec<IamRoleArn>,
}

impl TokenExchangePolicy {
    /// The statement. Identity Center reads `Resource: "*"` as "this application", the only
    /// resource an application policy can name; `IntrospectTokenWithIAM` and `RevokeTokenWithIAM`
    /// serve AWS managed applications only, so neither is granted. `None` without a caller: the
    /// policy must name a principal.
    pub fn document(&self) -> Option<PolicyDocument> {
        let callers = Principal::aws_each(self.callers.iter().map(IamRoleArn::arn))?;
        Some(PolicyDocument::new(vec![Statement::allow("AllowRolesToCreateTokens")
            .principal(callers)
            .actions(["sso-oauth:CreateTokenWithIAM"])
            .any_resource()]))
    }
}

const APPLICATION: &str = "arn:{partition}:sso::{account}:application/ssoins-1234567890abcdef/apl-1234567890abcdef";

const fn caller(label: &'static str, principal: &'static str, action: &'static str, allowed: bool) -> Expectation {
    Expectation { label, principal, action, resource: APPLICATION, context: &[], allowed, when: When::Always }
}

/// `qbusiness_identity_center_application_policy`: the Identity Center application's side,
/// evaluated alone.
pub const REQUESTS: &[Expectation] = &[
    caller("a caller role exchanges a user's token", "{caller_role}", "sso-oauth:CreateTokenWithIAM", true),
    caller("a caller role introspects a token", "{caller_role}", "sso-oauth:IntrospectTokenWithIAM", false),
    caller("a caller role revokes a token", "{caller_role}", "sso-oauth:RevokeTokenWithIAM", false),
    caller(
        "another role of the account exchanges a token",
        "arn:{partition}:iam::{account}:role/someone-else",
        "sso-oauth:CreateTokenWithIAM",
        false,
    ),
    caller("Q Business exchanges a token", "{service}", "sso-oauth:CreateTokenWithIAM", false),
    caller("another account exchanges a token", "arn:{partition}:iam::{other_account}:root", "sso-oauth:CreateTokenWithIAM", false),
];

/// `qbusiness_identity_center_application_policy`'s golden configurations.
pub const EXAMPLES: &[Example] = &[
    Example {
        name: "identity-center-application-policy",
        arguments: &[(args::CALLER_ROLE_ARNS, List(&["arn:aws:iam::123456789012:role/qbusiness-custom-app"]))],
    },
    Example {
        name: "identity-center-application-policy-two-callers",
        arguments: &[(
            args::CALLER_ROLE_ARNS,
            List(&["arn:aws:iam::123456789012:role/qbusiness-custom-app", "arn:aws:iam::123456789012:role/qbusiness-custom-app-batch"]),
        )],
    },
];
