//! The bucket owner's side of an S3 connector that reads a bucket of another account: the bucket
//! policy statements that let the connector role (in the application's account) read it.

use crate::policy::{PolicyDocument, Principal, Statement};

use super::arns::IamRoleArn;
use super::names::BucketName;

/// What the bucket policy names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BucketPolicy {
    /// The bucket, in the owner's account.
    pub bucket: BucketName,
    /// The connector role that reads it.
    pub connector_role: IamRoleArn,
}

impl BucketPolicy {
    /// The statements to put in the bucket's policy, as AWS's S3 connector page describes them:
    /// the connector role may read the objects and list the bucket, and nothing else.
    pub fn document(&self) -> PolicyDocument {
        let role = self.connector_role.arn();
        let bucket = crate::policy::Arn::new(role.partition, "s3", "", "", &self.bucket.to_string());
        let objects = crate::policy::Arn::new(role.partition, "s3", "", "", &format!("{}/*", self.bucket));
        PolicyDocument::new(vec![
            Statement::allow("AllowsAmazonQConnectorRoleToGetObjects")
                .principal(Principal::aws(role))
                .actions(["s3:GetObject"])
                .resource(&objects),
            Statement::allow("AllowsAmazonQConnectorRoleToListBucket")
                .principal(Principal::aws(role))
                .actions(["s3:ListBucket"])
                .resource(&bucket),
        ])
    }
}
