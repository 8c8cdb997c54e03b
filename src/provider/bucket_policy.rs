//! Data source `qbusiness_bucket_policy`: the bucket owner's side of an S3 connector that reads a
//! bucket of another account, the statements of that bucket's policy.

use crate::catalog::arguments as args;
use crate::catalog::bucket_policy::BucketPolicy;
use crate::catalog::names::BucketName;
use crate::catalog::requests::{self, Family};
use crate::plugin::{Attribute, Type};
use crate::policy::{DocumentKind, PolicyDocument};

use super::descriptor::{Body, Descriptor, DocumentSpec, FunctionTwin};
use super::inputs::Inputs;
use super::Phase;

/// The data source `qbusiness_bucket_policy`.
pub static DESCRIPTOR: Descriptor = Descriptor {
    type_name: "qbusiness_bucket_policy",
    description: "The bucket policy that lets an S3 connector role of another account read the bucket (AWS's S3 connector page: cross-account buckets, in the index's region). Use it in the bucket owner's account; the connector policy names the owner with `bucket_account_id`.",
    function: FunctionTwin {
        name: "bucket_policy",
        selector: None,
        output: args::JSON,
        summary: "The bucket policy that lets an S3 connector role of another account read the bucket, as JSON.",
    },
    requests: Some(Family {
        expectations: requests::BUCKET,
        selector: None,
        default_kind: None,
        takes_scope: |_| false,
        examples: requests::BUCKET_EXAMPLES,
        trusts: |_| &[],
    }),
    // No scope arguments: the partition is the role's; the bucket has no region or account in its ARN.
    body: Body::Document(DocumentSpec { kind: DocumentKind::Resource, arguments, scope_note: None, build }),
};

fn arguments() -> Vec<Attribute> {
    vec![
        Attribute::required(args::BUCKET, Type::String, "Name of the bucket, in the owner's account."),
        Attribute::required(
            args::CONNECTOR_ROLE_ARN,
            Type::String,
            "ARN of the S3 connector's role, in the application's account (`arn:aws:iam::ACCOUNT:role/NAME`).",
        ),
    ]
}

fn build(inputs: &mut Inputs<'_>, _phase: Phase<'_>) -> Option<PolicyDocument> {
    let bucket = inputs.parsed::<BucketName>(args::BUCKET);
    let connector_role = inputs.arn(args::CONNECTOR_ROLE_ARN);
    Some(BucketPolicy { bucket: bucket?, connector_role: connector_role? }.document())
}

#[cfg(test)]
mod tests {
    use crate::catalog::arguments as args;
    use crate::provider::testing::{read, s};

    const TYPE: &str = super::DESCRIPTOR.type_name;
    const ROLE: &str = "arn:aws:iam::123456789012:role/qbusiness-s3-connector";

    #[test]
    fn the_bucket_policy_is_its_golden_document() {
        let outcome = read(TYPE, &[(args::BUCKET, s("my-docs")), (args::CONNECTOR_ROLE_ARN, s(ROLE))]);
        assert_eq!(outcome.diagnostics, Vec::<String>::new());
        assert_eq!(outcome.json.unwrap() + "\n", include_str!("../../tests/golden/bucket-policy-cross-account.json"));
    }
}
