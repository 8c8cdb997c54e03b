//! A data accessor's permission (user guide page `data-accessors-granting-permissions`, read at
//! mirror snapshot 01c8f01): the statement of the application's resource-based policy that
//! `CreateDataAccessor` and `AssociatePermission` add, letting an ISV's role search the
//! application's index with `SearchRelevantContent`. The page prints no policy JSON: the statement
//! is made from the API's parameters (principal, actions, conditions), so an estate can check the
//! policy `GetPolicy` returns against it.

use super::arguments as args;
use super::arns::IamRoleArn;
use super::examples::ExampleValue::Text;
use super::examples::{Example, EXTERNAL_ID, ISV_ROLE_ARN};
use super::names::ExternalId;
use super::requests::{Expectation, When};
use super::scope::{ResourceId, Scope};
use crate::policy::{ConditionKey, Operator, PolicyDocument, Principal, Statement};

/// The session tag an ISV's role carries its tenant id in (the ISV pages' `AssumeRole --tags`).
pub const TENANT_TAG: &str = "qbusiness-dataaccessor:ExternalId";

/// What the permission names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataAccessorPermission {
    /// The application's account and region.
    pub scope: Scope,
    /// The application whose index the ISV searches.
    pub application: ResourceId,
    /// The ISV's role, in the ISV's account.
    pub isv_role: IamRoleArn,
    /// The tenant id the ISV's session must be tagged with, when the permission requires one.
    pub external_id: Option<ExternalId>,
}

impl DataAccessorPermission {
    /// The statement: the ISV's role may call `SearchRelevantContent`, the only action a data
    /// accessor takes, on the application.
    pub fn document(&self) -> PolicyDocument {
        let mut statement = Statement::allow("QBusinessDataAccessorSearch")
            .principal(Principal::aws(self.isv_role.arn()))
            .actions(["qbusiness:SearchRelevantContent"])
            .resource(&self.scope.application_arn(&self.application));
        if let Some(external_id) = &self.external_id {
            statement = statement.condition(Operator::STRING_EQUALS, ConditionKey::principal_tag(TENANT_TAG), [external_id.as_str()]);
        }
        PolicyDocument::new(vec![statement])
    }
}

const APPLICATION: &str = "arn:{partition}:qbusiness:{region}:{account}:application/{application}";
/// The tenant tag as a request's context key, written here as the request tables write their
/// expectations: apart from the builder's [`TENANT_TAG`].
const TENANT_KEY: &str = "aws:PrincipalTag/qbusiness-dataaccessor:ExternalId";
const TAGGED: &[(&str, &str)] = &[(TENANT_KEY, "{external_id}")];

const fn isv(label: &'static str, action: &'static str, resource: &'static str, allowed: bool) -> Expectation {
    Expectation { label, principal: "{isv_role_arn}", action, resource, context: TAGGED, allowed, when: When::Always }
}

/// `qbusiness_data_accessor_policy`: the application's side, evaluated alone. The ISV's session
/// carries its tenant tag, as the ISV pages have it assume the role.
pub const REQUESTS: &[Expectation] = &[
    isv("the ISV's role searches the application", "qbusiness:SearchRelevantContent", APPLICATION, true),
    isv(
        "the ISV's role searches another application",
        "qbusiness:SearchRelevantContent",
        "arn:{partition}:qbusiness:{region}:{account}:application/{other_id}",
        false,
    ),
    isv("the ISV's role chats with the application", "qbusiness:Chat", APPLICATION, false),
    isv("the ISV's role lists the application's indices", "qbusiness:ListIndices", APPLICATION, false),
    Expectation {
        context: &[(TENANT_KEY, "another-tenant")],
        when: When::Set(args::EXTERNAL_ID),
        ..isv("the ISV's role, for another tenant", "qbusiness:SearchRelevantContent", APPLICATION, false)
    },
    Expectation {
        context: &[],
        when: When::Set(args::EXTERNAL_ID),
        ..isv("the ISV's role, without its tenant tag", "qbusiness:SearchRelevantContent", APPLICATION, false)
    },
    Expectation {
        principal: "arn:{partition}:iam::{other_account}:role/someone-else",
        ..isv("another role searches the application", "qbusiness:SearchRelevantContent", APPLICATION, false)
    },
];

/// `qbusiness_data_accessor_policy`'s golden configurations.
pub const EXAMPLES: &[Example] = &[
    Example {
        name: "data-accessor",
        arguments: &[(args::APPLICATION_ID, Text(super::examples::APPLICATION_ID)), (args::ISV_ROLE_ARN, Text(ISV_ROLE_ARN))],
    },
    Example {
        name: "data-accessor-tenant",
        arguments: &[
            (args::APPLICATION_ID, Text(super::examples::APPLICATION_ID)),
            (args::ISV_ROLE_ARN, Text(ISV_ROLE_ARN)),
            (args::EXTERNAL_ID, Text(EXTERNAL_ID)),
        ],
    },
];
