//! The other roles Q Business features need (reference §6): Kendra retriever, plugins, custom
//! document enrichment, and the policy of a caller of an anonymous application.

use crate::policy::{Arn, ConditionKey, Operator, PolicyDocument, Statement};

use super::blocks;
use super::names::BucketName;
use super::scope::{ResourceId, Scope};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ServiceRole {
    /// Reads an Amazon Kendra index for a Kendra retriever.
    KendraRetriever { scope: Scope, kendra_index: ResourceId },
    /// A built-in or custom plugin reading its credentials.
    Plugin { secret: Arn, kms_key: Option<Arn> },
    /// Runs a pre- or post-extraction Lambda hook and reads/writes its S3 bucket.
    DocumentEnrichment { scope: Scope, function: Arn, bucket: BucketName, kms_key: Option<Arn> },
    /// Not a service role: what a principal needs to chat with an anonymous application.
    AnonymousApplication { scope: Scope, application: ResourceId },
}

impl ServiceRole {
    pub fn permissions(&self) -> PolicyDocument {
        let statements = match self {
            ServiceRole::KendraRetriever { scope, kendra_index } => vec![Statement::allow("KendraRetrieveAccess")
                .actions(["kendra:Retrieve", "kendra:DescribeIndex"])
                .resource(&scope.arn("kendra", &format!("index/{}", kendra_index.as_str())))],
            ServiceRole::Plugin { secret, kms_key } => {
                let mut statements =
                    vec![Statement::allow("AllowQBusinessToGetSecretValue").actions(["secretsmanager:GetSecretValue"]).resource(secret)];
                statements.extend(kms_key.as_ref().map(blocks::decrypt_secret));
                statements
            }
            ServiceRole::DocumentEnrichment { scope, function, bucket, kms_key } => {
                let objects = scope.global_arn("s3", &format!("{bucket}/*"));
                let mut statements = vec![
                    Statement::allow("AllowsAmazonQToInvokeEnrichmentFunction").actions(["lambda:InvokeFunction"]).resource(function),
                    Statement::allow("AllowsAmazonQToReadWriteEnrichmentObjects")
                        .actions(["s3:GetObject", "s3:PutObject"])
                        .resource(&objects)
                        .condition(Operator::STRING_EQUALS, ConditionKey::RESOURCE_ACCOUNT, [scope.account.as_str()]),
                ];
                // Objects written to an SSE-KMS bucket need a data key as well as decryption.
                statements.extend(kms_key.as_ref().map(|key| {
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
        };
        PolicyDocument::new(statements)
    }
}
