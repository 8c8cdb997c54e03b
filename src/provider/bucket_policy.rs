//! Data source `qbusiness_bucket_policy`: the bucket owner's side of an S3 connector that reads a
//! bucket of another account, the statements of that bucket's policy.

use crate::catalog::arguments as args;
use crate::catalog::bucket_policy::BucketPolicy;
use crate::catalog::names::BucketName;
use crate::catalog::requests::{self, Family};
use crate::catalog::sources::{Source, SNAPSHOT_4E1D803};
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
        kinds: Vec::new,
        takes: |_, _| false,
        examples: requests::BUCKET_EXAMPLES,
        trusts: |_| &[],
        source: |_| Some(Source { page: "s3-v1-iam-role", snapshot: SNAPSHOT_4E1D803 }),
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

    /// The common case: the bucket already has a policy, and the connector's grant joins it
    /// (issue 22, defect 6).
    #[test]
    fn the_grant_merges_into_the_buckets_existing_policy() {
        use crate::plugin::Value;
        use crate::provider::testing::list;
        let existing = r#"{"Version":"2012-10-17","Statement":[{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::my-docs","arn:aws:s3:::my-docs/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}"#;
        let auditor = Value::List(vec![Value::object([
            (args::SID, s("AuditorLists")),
            (args::ACTIONS, list(&["s3:ListBucket"])),
            (args::RESOURCES, list(&["arn:aws:s3:::my-docs"])),
            (
                args::PRINCIPALS,
                Value::List(vec![Value::object([
                    (args::TYPE, s("AWS")),
                    (args::IDENTIFIERS, list(&["arn:aws:iam::123456789012:role/auditor"])),
                ])]),
            ),
        ])]);
        let outcome = read(
            TYPE,
            &[
                (args::BUCKET, s("my-docs")),
                (args::CONNECTOR_ROLE_ARN, s(ROLE)),
                (args::SOURCE_POLICY_DOCUMENTS, list(&[existing])),
                (args::STATEMENT, auditor),
            ],
        );
        assert_eq!(outcome.diagnostics, Vec::<String>::new());
        let document: serde_json::Value = serde_json::from_str(&outcome.json.unwrap()).unwrap();
        let sids: Vec<&str> = document["Statement"].as_array().unwrap().iter().map(|s| s["Sid"].as_str().unwrap()).collect();
        assert_eq!(
            sids,
            ["AllowsAmazonQConnectorRoleToGetObjects", "AllowsAmazonQConnectorRoleToListBucket", "DenyInsecureTransport", "AuditorLists"]
        );
        assert_eq!(document["Statement"][2]["Principal"], "*");
        assert_eq!(document["Statement"][3]["Principal"]["AWS"], "arn:aws:iam::123456789012:role/auditor");
    }

    #[test]
    fn a_bucket_statement_without_a_principal_is_an_error_at_its_block() {
        use crate::plugin::Value;
        use crate::provider::testing::list;
        let anyone = Value::List(vec![Value::object([
            (args::ACTIONS, list(&["s3:GetObject"])),
            (args::RESOURCES, list(&["arn:aws:s3:::my-docs/*"])),
        ])]);
        let outcome = read(TYPE, &[(args::BUCKET, s("my-docs")), (args::CONNECTOR_ROLE_ARN, s(ROLE)), (args::STATEMENT, anyone)]);
        assert_eq!(outcome.json, None);
        assert_eq!(outcome.diagnostics.len(), 1, "{:?}", outcome.diagnostics);
        assert_eq!(
            outcome.diagnostics[0],
            "error statement[0].principals | Invalid statement | a resource policy statement needs a Principal"
        );
    }
}
