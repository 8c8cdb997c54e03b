//! The statement building blocks data-source roles are made of (reference §2), each with one
//! canonical Sid, whatever Sid the connector's own page used.

use crate::policy::{AccountId, Arn, ConditionKey, Operator, Statement};

use super::arns::{IamRoleArn, KmsKeyArn, SecretArn};
use super::names::{BucketName, KeyPrefix, SecurityGroupId, SubnetId};
use super::scope::{ResourceId, Scope};

/// The tag Q Business puts on the network interfaces it creates in a customer VPC.
const ENI_TAG: &str = "AMAZON_Q";

/// SEC: read the connector's credentials.
pub fn get_secret(secret: &SecretArn) -> Statement {
    Statement::allow("AllowsAmazonQToGetSecret").actions(["secretsmanager:GetSecretValue"]).resource(secret.arn())
}

/// KMS for the secret. The key decrypts only through Secrets Manager in the key's own region (a
/// secret's key must share its region), tighter than the docs' `secretsmanager.*` pattern.
pub fn decrypt_secret(key: &KmsKeyArn) -> Statement {
    decrypt_through("AllowsAmazonQToDecryptSecret", key, &["secretsmanager"])
}

/// KMS for SSE-KMS objects read through S3 (erratum 3: the S3 page wrote `secretsmanager.*`, which
/// never matches an S3 read). S3 requires the key in the bucket's region, so the key's region is used.
pub fn decrypt_s3_objects(key: &KmsKeyArn) -> Statement {
    decrypt_through("AllowsAmazonQToDecryptS3Objects", key, &["s3"])
}

/// KMS for a certificate kept in an SSE-KMS bucket: its own key, never the secret's.
pub fn decrypt_s3_file(key: &KmsKeyArn) -> Statement {
    decrypt_through("AllowsAmazonQToDecryptS3Certificate", key, &["s3"])
}

/// What Q Business needs of an application's customer managed key when an administrator of
/// `scope`'s account creates the application with it (`data-encryption`): describe the key and
/// make its grant, only through Q Business in the application's region. The caller adds the
/// resource (the key, in the administrator's policy) or the principals (in the key's policy).
pub fn qbusiness_key_grant(sid: &str, scope: &Scope) -> Statement {
    Statement::allow(sid)
        .actions(["kms:DescribeKey", "kms:CreateGrant"])
        .condition(
            Operator::STRING_EQUALS,
            ConditionKey::KMS_VIA_SERVICE,
            [scope.partition.service_endpoint("qbusiness", scope.region.as_str())],
        )
        .condition(Operator::STRING_EQUALS, ConditionKey::KMS_CALLER_ACCOUNT, [scope.account.as_str()])
}

/// `kms:Decrypt` on `key`, only through `services` (`StringEquals kms:ViaService`) in the key's
/// own region and partition: the one shape of every decrypt statement the roles have.
pub fn decrypt_through(sid: &str, key: &KmsKeyArn, services: &[&str]) -> Statement {
    let key = key.arn();
    Statement::allow(sid).actions(["kms:Decrypt"]).resource(key).condition(
        Operator::STRING_EQUALS,
        ConditionKey::KMS_VIA_SERVICE,
        services.iter().map(|service| key.partition.service_endpoint(service, &key.region)),
    )
}

/// Sets the signed-in user's identity context on the calling session itself, when `callers` (the
/// services' principals) call STS for it: the Identity Center web experience and the integrations.
pub fn set_identity_context(scope: &Scope, callers: Vec<String>) -> Statement {
    Statement::allow("QBusinessSetContextPermissions")
        .actions(["sts:SetContext"])
        .resource(&Arn::new(scope.partition, "sts", "", "*", "self"))
        .condition(Operator::STRING_LIKE, ConditionKey::CALLED_VIA_LAST, callers)
}

/// ING-b: BatchPut/BatchDelete require both the application and the index (erratum 8).
pub fn ingest_documents(scope: &Scope, application: &ResourceId, index: &ResourceId) -> Statement {
    Statement::allow("AllowsAmazonQToIngestDocuments")
        .actions(["qbusiness:BatchPutDocument", "qbusiness:BatchDeleteDocument"])
        .resources([&scope.application_arn(application), &scope.index_arn(application, index)])
}

/// PM: sync users and groups with the index's access control lists. The docs also list the
/// `data-source/*` ARN, but none of these actions takes a data-source resource (SAR: application and
/// index only), so it would grant nothing.
pub fn principal_mapping(scope: &Scope, application: &ResourceId, index: &ResourceId) -> Statement {
    Statement::allow("AllowsAmazonQToIngestPrincipalMapping")
        .actions(["qbusiness:PutGroup", "qbusiness:CreateUser", "qbusiness:DeleteGroup", "qbusiness:UpdateUser", "qbusiness:ListGroups"])
        .resources([&scope.application_arn(application), &scope.index_arn(application, index)])
}

/// The bucket must belong to the expected account (the role's, unless the bucket is another
/// account's), so a bucket name squatted elsewhere grants nothing.
fn in_account(statement: Statement, owner: &AccountId) -> Statement {
    statement.condition(Operator::STRING_EQUALS, ConditionKey::RESOURCE_ACCOUNT, [owner.as_str()])
}

fn objects_arn(scope: &Scope, bucket: &BucketName, prefix: Option<&KeyPrefix>) -> Arn {
    scope.global_arn("s3", &format!("{bucket}/{}*", prefix.map_or("", KeyPrefix::as_str)))
}

/// S3GET: read the documents of the S3 connector's bucket, owned by `owner`.
pub fn get_s3_objects(scope: &Scope, bucket: &BucketName, owner: &AccountId) -> Statement {
    let statement =
        Statement::allow("AllowsAmazonQToGetObjectfromS3").actions(["s3:GetObject"]).resource(&objects_arn(scope, bucket, None));
    in_account(statement, owner)
}

/// S3LIST: list the S3 connector's bucket, owned by `owner`.
pub fn list_s3_bucket(scope: &Scope, bucket: &BucketName, owner: &AccountId) -> Statement {
    let statement =
        Statement::allow("AllowsAmazonQToListS3Buckets").actions(["s3:ListBucket"]).resource(&scope.global_arn("s3", &bucket.to_string()));
    in_account(statement, owner)
}

/// S3PASS: pass the data source's role to Q Business, as AWS's current S3 page grants: the roles
/// given, else those named `QBusiness-DataSource-*` of the account; only to Q Business.
pub fn pass_data_source_role(scope: &Scope, roles: &[IamRoleArn]) -> Statement {
    let statement = Statement::allow("AllowsAmazonQToPassCustomerRole").actions(["iam:PassRole"]);
    let statement = if roles.is_empty() {
        statement.resource(&Arn::new(scope.partition, "iam", "", scope.account.as_str(), "role/QBusiness-DataSource-*"))
    } else {
        statement.resources(roles.iter().map(IamRoleArn::arn))
    };
    statement.condition(Operator::STRING_EQUALS, ConditionKey::IAM_PASSED_TO_SERVICE, [scope.service_principal("qbusiness")])
}

/// CERT: read an object (an SSL certificate, a seed-URL list) from a bucket, optionally under a prefix.
pub fn get_s3_file(scope: &Scope, bucket: &BucketName, prefix: Option<&KeyPrefix>) -> Statement {
    let statement = Statement::allow("AllowsAmazonQToGetS3Objects").actions(["s3:GetObject"]).resource(&objects_arn(scope, bucket, prefix));
    in_account(statement, &scope.account)
}

/// Where the connector's network interfaces go; empty lists mean any subnet or security group of
/// the account and region.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VpcPlacement {
    /// The subnets; empty for any subnet of the account and region.
    pub subnets: Vec<SubnetId>,
    /// The security groups; empty for any of the account and region.
    pub security_groups: Vec<SecurityGroupId>,
}

/// VPC1–VPC5, corrected: the docs' VPC1 granted `DeleteNetworkInterface` on subnets and security
/// groups (it acts only on network interfaces) and VPC2 scoped the delete by a request tag that
/// deletes never carry. Creation needs the subnet and security group; deletion is scoped by the tag
/// Q Business put on the interface it created.
pub fn vpc_access(scope: &Scope, application: &ResourceId, placement: &VpcPlacement) -> Vec<Statement> {
    let subnets: Vec<Arn> = if placement.subnets.is_empty() {
        vec![scope.arn("ec2", "subnet/*")]
    } else {
        placement.subnets.iter().map(|s| scope.arn("ec2", &format!("subnet/{}", s.as_str()))).collect()
    };
    let groups: Vec<Arn> = if placement.security_groups.is_empty() {
        vec![scope.arn("ec2", "security-group/*")]
    } else {
        placement.security_groups.iter().map(|g| scope.arn("ec2", &format!("security-group/{}", g.as_str()))).collect()
    };
    let interfaces = scope.arn("ec2", "network-interface/*");
    let tag_value = format!("qbusiness_{}_{}_*", scope.account.as_str(), application.as_str());
    vec![
        Statement::allow("AllowsAmazonQToCreateNIInSubnetsAndSecurityGroups")
            .actions(["ec2:CreateNetworkInterface"])
            .resources(subnets.iter().chain(&groups)),
        Statement::allow("AllowsAmazonQToCreateNIForSpecificTag")
            .actions(["ec2:CreateNetworkInterface"])
            .resource(&interfaces)
            .condition(Operator::STRING_LIKE, ConditionKey::request_tag(ENI_TAG), [tag_value.as_str()])
            .condition(Operator::FOR_ALL_VALUES_STRING_EQUALS, ConditionKey::TAG_KEYS, [ENI_TAG]),
        Statement::allow("AllowsAmazonQToDeleteNIForSpecificTag").actions(["ec2:DeleteNetworkInterface"]).resource(&interfaces).condition(
            Operator::STRING_LIKE,
            ConditionKey::resource_tag(ENI_TAG),
            [tag_value.as_str()],
        ),
        Statement::allow("AllowsAmazonQToCreateTags").actions(["ec2:CreateTags"]).resource(&interfaces).condition(
            Operator::STRING_EQUALS,
            ConditionKey::EC2_CREATE_ACTION,
            ["CreateNetworkInterface"],
        ),
        Statement::allow("AllowsAmazonQToCreateNetworkInterfacePermission")
            .actions(["ec2:CreateNetworkInterfacePermission"])
            .resource(&interfaces)
            .condition(Operator::STRING_LIKE, ConditionKey::resource_tag(ENI_TAG), [tag_value.as_str()]),
        Statement::allow("AllowsAmazonQToDescribeResourcesForVPC")
            .actions([
                "ec2:DescribeNetworkInterfaces",
                "ec2:DescribeAvailabilityZones",
                "ec2:DescribeNetworkInterfaceAttribute",
                "ec2:DescribeVpcs",
                "ec2:DescribeRegions",
                "ec2:DescribeNetworkInterfacePermissions",
                "ec2:DescribeSubnets",
            ])
            .any_resource(),
    ]
}
