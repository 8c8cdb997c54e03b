//! The key policy of an application's customer managed key (user guide page `data-encryption`,
//! read at mirror snapshot 60275b03): the statement that lets the administrators make Q Business's
//! grant, the roles that decrypt through Q Business, and the account's delegation to IAM. For a
//! key whose policy already delegates to IAM (AWS's default), `qbusiness_administrator_policy`
//! gives the administrators' side instead and the roles' own statements suffice.

use super::arguments as args;
use super::arns::IamRoleArn;
use super::blocks;
use super::examples::Example;
use super::examples::ExampleValue::{Flag, List};
use super::requests::{allow, deny, Expectation, When};
use super::scope::Scope;
use crate::policy::{Arn, ConditionKey, Operator, PolicyDocument, Principal, Statement};

/// What the key policy names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyPolicy {
    /// The key's account and region, which are the application's.
    pub scope: Scope,
    /// The roles that create or update the application with the key.
    pub administrators: Vec<IamRoleArn>,
    /// The roles that decrypt with the key through Q Business (web experience, integration, API
    /// caller roles).
    pub decrypters: Vec<IamRoleArn>,
    /// Whether the account's IAM policies may grant the key too (AWS's default key policy).
    pub account_root: bool,
}

impl KeyPolicy {
    /// The statements of the key's policy. A key policy's `Resource` is always `"*"`: the key itself.
    pub fn document(&self) -> PolicyDocument {
        let scope = &self.scope;
        let through_qbusiness = scope.partition.service_endpoint("qbusiness", scope.region.as_str());
        let principals = |roles: &[IamRoleArn]| Principal::aws_each(roles.iter().map(IamRoleArn::arn));
        let mut statements = Vec::new();
        if self.account_root {
            let root = Arn::new(scope.partition, "iam", "", scope.account.as_str(), "root");
            statements
                .push(Statement::allow("EnableIAMUserPermissions").principal(Principal::aws(&root)).actions(["kms:*"]).any_resource());
        }
        if let Some(administrators) = principals(&self.administrators) {
            statements.push(
                blocks::qbusiness_key_grant("AllowAccessToPrincipalsAuthorizedToUseAmazonQ", scope)
                    .principal(administrators)
                    .any_resource(),
            );
        }
        if let Some(decrypters) = principals(&self.decrypters) {
            statements.push(
                Statement::allow("AllowQBusinessRolesToDecrypt").principal(decrypters).actions(["kms:Decrypt"]).any_resource().condition(
                    Operator::STRING_EQUALS,
                    ConditionKey::KMS_VIA_SERVICE,
                    [through_qbusiness],
                ),
            );
        }
        PolicyDocument::new(statements)
    }
}

// The configuration's own roles (their first), so that `allows` judges the roles a user names.
const ADMINISTRATOR: &str = "{administrator_role}";
const DECRYPTER: &str = "{decrypt_role}";
const THROUGH_QBUSINESS: &[(&str, &str)] =
    &[("kms:ViaService", "qbusiness.{key_region}.amazonaws.com"), ("kms:CallerAccount", "{account}")];

/// `qbusiness_key_policy`: the key's side, evaluated alone (no identity policy on the caller).
pub const REQUESTS: &[Expectation] = &[
    Expectation {
        principal: ADMINISTRATOR,
        ..allow(
            "an administrator makes Q Business's grant",
            "kms:CreateGrant",
            "{key}",
            THROUGH_QBUSINESS,
            When::Set(args::ADMINISTRATOR_ROLE_ARNS),
        )
    },
    Expectation {
        principal: ADMINISTRATOR,
        ..allow(
            "an administrator describes the key",
            "kms:DescribeKey",
            "{key}",
            THROUGH_QBUSINESS,
            When::Set(args::ADMINISTRATOR_ROLE_ARNS),
        )
    },
    Expectation {
        principal: ADMINISTRATOR,
        ..deny(
            "an administrator makes a grant directly",
            "kms:CreateGrant",
            "{key}",
            &[("kms:CallerAccount", "{account}")],
            When::Set(args::ADMINISTRATOR_ROLE_ARNS),
        )
    },
    Expectation {
        principal: ADMINISTRATOR,
        ..deny("an administrator decrypts", "kms:Decrypt", "{key}", THROUGH_QBUSINESS, When::Set(args::ADMINISTRATOR_ROLE_ARNS))
    },
    Expectation {
        principal: DECRYPTER,
        ..allow(
            "a web experience role decrypts through Q Business",
            "kms:Decrypt",
            "{key}",
            &[("kms:ViaService", "qbusiness.{key_region}.amazonaws.com")],
            When::Set(args::DECRYPT_ROLE_ARNS),
        )
    },
    Expectation {
        principal: DECRYPTER,
        ..deny(
            "a web experience role decrypts through S3",
            "kms:Decrypt",
            "{key}",
            &[("kms:ViaService", "s3.{key_region}.amazonaws.com")],
            When::Set(args::DECRYPT_ROLE_ARNS),
        )
    },
    Expectation {
        principal: DECRYPTER,
        ..deny(
            "a web experience role schedules the key's deletion",
            "kms:ScheduleKeyDeletion",
            "{key}",
            &[],
            When::Set(args::DECRYPT_ROLE_ARNS),
        )
    },
    Expectation {
        principal: "arn:{partition}:iam::{account}:role/someone-else",
        ..deny("another role of the account makes a grant", "kms:CreateGrant", "{key}", THROUGH_QBUSINESS, When::Always)
    },
    Expectation {
        principal: "arn:{partition}:iam::{other_account}:root",
        ..deny("another account", "kms:Decrypt", "{key}", &[], When::Always)
    },
];

/// `qbusiness_key_policy`'s golden configurations.
pub const EXAMPLES: &[Example] = &[
    Example {
        name: "key-policy",
        arguments: &[
            (args::ADMINISTRATOR_ROLE_ARNS, List(&["arn:aws:iam::123456789012:role/qbusiness-admin"])),
            (args::DECRYPT_ROLE_ARNS, List(&["arn:aws:iam::123456789012:role/qbusiness-web-experience"])),
        ],
    },
    Example {
        name: "key-policy-without-root",
        arguments: &[
            (args::ADMINISTRATOR_ROLE_ARNS, List(&["arn:aws:iam::123456789012:role/qbusiness-admin"])),
            (args::ACCOUNT_ROOT, Flag(false)),
        ],
    },
];
