//! The other roles Q Business features need (reference §6): Kendra retriever, plugins, custom
//! document enrichment, the Amazon Quick plugin, and the policy of a caller of an anonymous
//! application.

use super::arguments as args;
use crate::policy::{Arn, ConditionKey, Operator, PolicyDocument, Statement};

use super::arns::{KmsKeyArn, LambdaFunctionArn, SecretArn};
use super::blocks;
use super::kinds::{optional, required, Argument, Kind, SCOPE};
use super::names::BucketName;
use super::scope::{ResourceId, Scope};
use super::sources::{at_3a3ccd3, at_60275b0, Source, Sourced};
use super::trust::{TrustKind, Trusted};

/// The roles `qbusiness_role_policy` builds: the value of `role`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ServiceRoleKind {
    /// Reads an Amazon Kendra index.
    KendraRetriever,
    /// A built-in or custom plugin.
    Plugin,
    /// A pre- or post-extraction Lambda hook.
    DocumentEnrichment,
    /// A caller of an anonymous application.
    AnonymousApplication,
    /// The Amazon Quick (QuickSight) plugin.
    QuicksightPlugin,
}

impl Kind for ServiceRoleKind {
    const ALL: &'static [ServiceRoleKind] = &[
        ServiceRoleKind::KendraRetriever,
        ServiceRoleKind::Plugin,
        ServiceRoleKind::DocumentEnrichment,
        ServiceRoleKind::AnonymousApplication,
        ServiceRoleKind::QuicksightPlugin,
    ];

    fn name(self) -> &'static str {
        match self {
            ServiceRoleKind::KendraRetriever => "kendra_retriever",
            ServiceRoleKind::Plugin => "plugin",
            ServiceRoleKind::DocumentEnrichment => "document_enrichment",
            ServiceRoleKind::AnonymousApplication => "anonymous_application",
            ServiceRoleKind::QuicksightPlugin => "quicksight_plugin",
        }
    }

    fn arguments(self) -> Vec<Argument> {
        let with_scope = |own: &[Argument]| own.iter().copied().chain(SCOPE).collect();
        match self {
            ServiceRoleKind::KendraRetriever => with_scope(&[required(args::KENDRA_INDEX_ID)]),
            ServiceRoleKind::Plugin => vec![required(args::SECRET_ARN), optional(args::KMS_KEY_ARN)],
            ServiceRoleKind::DocumentEnrichment => {
                with_scope(&[required(args::LAMBDA_FUNCTION_ARN), required(args::BUCKET), optional(args::KMS_KEY_ARN)])
            }
            ServiceRoleKind::AnonymousApplication => with_scope(&[required(args::APPLICATION_ID)]),
            ServiceRoleKind::QuicksightPlugin => with_scope(&[]),
        }
    }
}

impl Trusted for ServiceRoleKind {
    fn trusts(self) -> &'static [TrustKind] {
        match self {
            ServiceRoleKind::KendraRetriever => &[TrustKind::KendraRetriever],
            ServiceRoleKind::Plugin => &[TrustKind::Plugin],
            ServiceRoleKind::DocumentEnrichment => &[TrustKind::DocumentEnrichment],
            // The page names no trust: whoever calls the anonymous application's APIs.
            ServiceRoleKind::AnonymousApplication => &[],
            ServiceRoleKind::QuicksightPlugin => &[TrustKind::QuicksightPlugin],
        }
    }
}

impl Sourced for ServiceRoleKind {
    fn source(self) -> Source {
        match self {
            ServiceRoleKind::KendraRetriever => at_3a3ccd3("kendra-retriever-iam-role"),
            ServiceRoleKind::Plugin => at_3a3ccd3("plugin-iam-role"),
            ServiceRoleKind::DocumentEnrichment => at_60275b0("cde-iam-roles"),
            ServiceRoleKind::AnonymousApplication => at_60275b0("anonymous-application-iam-policies"),
            ServiceRoleKind::QuicksightPlugin => at_3a3ccd3("quicksight-plugin"),
        }
    }
}

/// A role of `qbusiness_role_policy` with what its policy names.
#[allow(missing_docs)] // the variants' fields are named for what they hold
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ServiceRole {
    /// Reads an Amazon Kendra index for a Kendra retriever.
    KendraRetriever { scope: Scope, kendra_index: ResourceId },
    /// A built-in or custom plugin reading its credentials.
    Plugin { secret: SecretArn, kms_key: Option<KmsKeyArn> },
    /// Runs a pre- or post-extraction Lambda hook and reads/writes its S3 bucket.
    DocumentEnrichment { scope: Scope, function: LambdaFunctionArn, bucket: BucketName, kms_key: Option<KmsKeyArn> },
    /// Not a service role: what a principal needs to chat with an anonymous application.
    AnonymousApplication { scope: Scope, application: ResourceId },
    /// Asks the account's Amazon Quick topics and dashboards (`quicksight-plugin`).
    QuicksightPlugin { scope: Scope },
}

impl ServiceRole {
    /// The role's permissions policy.
    pub fn permissions(&self) -> PolicyDocument {
        let statements = match self {
            ServiceRole::KendraRetriever { scope, kendra_index } => vec![Statement::allow("KendraRetrieveAccess")
                .actions(["kendra:Retrieve", "kendra:DescribeIndex"])
                .resource(&scope.arn("kendra", &format!("index/{}", kendra_index.as_str())))],
            ServiceRole::Plugin { secret, kms_key } => {
                let mut statements = vec![Statement::allow("AllowQBusinessToGetSecretValue")
                    .actions(["secretsmanager:GetSecretValue"])
                    .resource(secret.arn())];
                statements.extend(kms_key.as_ref().map(blocks::decrypt_secret));
                statements
            }
            ServiceRole::DocumentEnrichment { scope, function, bucket, kms_key } => {
                let objects = scope.global_arn("s3", &format!("{bucket}/*"));
                let mut statements = vec![
                    Statement::allow("AllowsAmazonQToInvokeEnrichmentFunction").actions(["lambda:InvokeFunction"]).resource(function.arn()),
                    Statement::allow("AllowsAmazonQToReadWriteEnrichmentObjects")
                        .actions(["s3:GetObject", "s3:PutObject"])
                        .resource(&objects)
                        .condition(Operator::STRING_EQUALS, ConditionKey::RESOURCE_ACCOUNT, [scope.account.as_str()]),
                    Statement::allow("AllowsAmazonQToListEnrichmentBucket")
                        .actions(["s3:ListBucket"])
                        .resource(&scope.global_arn("s3", &bucket.to_string()))
                        .condition(Operator::STRING_EQUALS, ConditionKey::RESOURCE_ACCOUNT, [scope.account.as_str()]),
                ];
                // Objects written to an SSE-KMS bucket need a data key as well as decryption.
                statements.extend(kms_key.as_ref().map(|key| {
                    let key = key.arn();
                    Statement::allow("AllowsAmazonQToEncryptEnrichmentObjects")
                        .actions(["kms:Decrypt", "kms:GenerateDataKey"])
                        .resource(key)
                        .condition(
                            Operator::STRING_EQUALS,
                            ConditionKey::KMS_VIA_SERVICE,
                            [key.partition.service_endpoint("s3", &key.region)],
                        )
                }));
                statements
            }
            ServiceRole::AnonymousApplication { scope, application } => {
                vec![Statement::allow("QBusinessAnonymousConversationAPIPermissions")
                    .actions(["qbusiness:Chat", "qbusiness:ChatSync", "qbusiness:PutFeedback"])
                    .resource(&scope.application_arn(application))]
            }
            // AWS's managed policy QBusinessQuicksightPluginPolicy, narrowed from any account to
            // the role's own: Quick runs in any region, so the region stays open.
            ServiceRole::QuicksightPlugin { scope } => vec![Statement::allow("QBusinessToQuickSightPredictQAResultsInvocation")
                .actions(["quicksight:PredictQAResults"])
                .resources([
                    &Arn::new(scope.partition, "quicksight", "*", scope.account.as_str(), "topic/*"),
                    &Arn::new(scope.partition, "quicksight", "*", scope.account.as_str(), "dashboard/*"),
                ])],
        };
        PolicyDocument::new(statements)
    }
}
