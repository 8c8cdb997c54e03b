//! What the administrator who sets an application up needs beyond creating it: delivering its
//! conversation logs (user guide page `cw-logs-permissions`) and creating it with a customer
//! managed key (page `data-encryption`, whose key policy statement for the administrator is given
//! here as the administrator's own permissions on the key), both read at mirror snapshot 60275b03.
//! No service assumes these roles: they are the administrator's.

use super::arguments as args;
use super::arns::KmsKeyArn;
use super::blocks;
use super::examples::ExampleValue::Text;
use super::examples::{Example, APPLICATION_ID, KMS_KEY_ARN};
use super::kinds::{required, Argument, Kind, SCOPE};
use super::requests::{allow, deny, Expectation, When};
use super::scope::{ResourceId, Scope};
use super::sources::{at_60275b0, Source, Sourced};
use super::trust::{TrustKind, Trusted};
use crate::policy::{PolicyDocument, Statement};

/// The value of `role`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AdministratorRoleKind {
    /// Sets up the delivery of the application's conversation logs.
    LogDelivery,
    /// Creates the application with a customer managed key: Q Business makes its grant for it.
    CustomerManagedKey,
}

impl Kind for AdministratorRoleKind {
    const ALL: &'static [AdministratorRoleKind] = &[AdministratorRoleKind::LogDelivery, AdministratorRoleKind::CustomerManagedKey];

    fn name(self) -> &'static str {
        match self {
            AdministratorRoleKind::LogDelivery => "log_delivery",
            AdministratorRoleKind::CustomerManagedKey => "customer_managed_key",
        }
    }

    fn arguments(self) -> Vec<Argument> {
        match self {
            AdministratorRoleKind::LogDelivery => [required(args::APPLICATION_ID)].into_iter().chain(SCOPE).collect(),
            AdministratorRoleKind::CustomerManagedKey => [required(args::KMS_KEY_ARN)].into_iter().chain(SCOPE).collect(),
        }
    }
}

impl Trusted for AdministratorRoleKind {
    fn trusts(self) -> &'static [TrustKind] {
        // An administrator's role or user, trusted as the account chooses; no service assumes it.
        &[]
    }
}

impl Sourced for AdministratorRoleKind {
    fn source(self) -> Source {
        match self {
            AdministratorRoleKind::LogDelivery => at_60275b0("cw-logs-permissions"),
            AdministratorRoleKind::CustomerManagedKey => at_60275b0("data-encryption"),
        }
    }
}

/// An administrator's permissions with what they name.
#[allow(missing_docs)] // the variants' fields are named for what they hold
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AdministratorRole {
    /// Creates the deliveries of the application's logs.
    LogDelivery { scope: Scope, application: ResourceId },
    /// Lets Q Business, called by the administrator, describe the key and make its grant.
    CustomerManagedKey { scope: Scope, key: KmsKeyArn },
}

impl AdministratorRole {
    /// The permissions policy.
    pub fn permissions(&self) -> PolicyDocument {
        let statements = match self {
            AdministratorRole::LogDelivery { scope, application } => vec![
                Statement::allow("CloudWatchLogsDeliveryPermissions").actions(["logs:CreateDelivery"]).resources(&[
                    scope.arn("logs", "delivery-source:*"),
                    scope.arn("logs", "delivery:*"),
                    scope.arn("logs", "delivery-destination:*"),
                ]),
                Statement::allow("QBusinessLogDeliveryPermissions")
                    .actions(["qbusiness:AllowVendedLogDeliveryForResource"])
                    .resource(&scope.application_arn(application)),
            ],
            AdministratorRole::CustomerManagedKey { scope, key } => {
                // The page's key policy statement grants this on "*" to the administrator; as the
                // administrator's own policy it names the key, and the account's key policy
                // (the default one) lets IAM policies decide.
                vec![blocks::qbusiness_key_grant("QBusinessCustomerManagedKeyPermissions", scope).resource(key.arn())]
            }
        };
        PolicyDocument::new(statements)
    }
}

const APP: &str = "arn:{partition}:qbusiness:{region}:{account}:application/{application}";
const LOG_DELIVERY: When = When::Kind(&["log_delivery"]);
const KEY: When = When::Kind(&["customer_managed_key"]);
const THROUGH_QBUSINESS: &[(&str, &str)] =
    &[("kms:ViaService", "qbusiness.{key_region}.amazonaws.com"), ("kms:CallerAccount", "{account}")];

/// `qbusiness_administrator_policy`, by `role`.
pub const REQUESTS: &[Expectation] = &[
    allow(
        "create a delivery",
        "logs:CreateDelivery",
        "arn:{partition}:logs:{region}:{account}:delivery:abcdefghijklmnop",
        &[],
        LOG_DELIVERY,
    ),
    allow(
        "create a delivery from a delivery source",
        "logs:CreateDelivery",
        "arn:{partition}:logs:{region}:{account}:delivery-source:qbusiness-events",
        &[],
        LOG_DELIVERY,
    ),
    deny(
        "create a delivery in another account",
        "logs:CreateDelivery",
        "arn:{partition}:logs:{region}:{other_account}:delivery:abcdefghijklmnop",
        &[],
        LOG_DELIVERY,
    ),
    allow("deliver the application's logs", "qbusiness:AllowVendedLogDeliveryForResource", APP, &[], LOG_DELIVERY),
    deny(
        "deliver another application's logs",
        "qbusiness:AllowVendedLogDeliveryForResource",
        "arn:{partition}:qbusiness:{region}:{account}:application/{other_id}",
        &[],
        LOG_DELIVERY,
    ),
    deny("delete the application", "qbusiness:DeleteApplication", APP, &[], LOG_DELIVERY),
    allow("Q Business makes its grant on the key", "kms:CreateGrant", "{key}", THROUGH_QBUSINESS, KEY),
    allow("Q Business describes the key", "kms:DescribeKey", "{key}", THROUGH_QBUSINESS, KEY),
    deny(
        "make a grant through another service",
        "kms:CreateGrant",
        "{key}",
        &[("kms:ViaService", "s3.{key_region}.amazonaws.com"), ("kms:CallerAccount", "{account}")],
        KEY,
    ),
    deny("make a grant directly", "kms:CreateGrant", "{key}", &[], KEY),
    deny("make a grant on another key", "kms:CreateGrant", "{other_key}", THROUGH_QBUSINESS, KEY),
    deny("decrypt with the key", "kms:Decrypt", "{key}", THROUGH_QBUSINESS, KEY),
];

/// `qbusiness_administrator_policy`'s golden configurations.
pub const EXAMPLES: &[Example] = &[
    Example {
        name: "administrator-log-delivery",
        arguments: &[(args::ROLE, Text("log_delivery")), (args::APPLICATION_ID, Text(APPLICATION_ID))],
    },
    Example {
        name: "administrator-customer-managed-key",
        arguments: &[(args::ROLE, Text("customer_managed_key")), (args::KMS_KEY_ARN, Text(KMS_KEY_ARN))],
    },
];
