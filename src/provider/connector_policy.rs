//! Data source `qbusiness_connector_policy`: the permissions policy of a data-source connector role.

use crate::catalog::blocks::VpcPlacement;
use crate::catalog::connectors::{connector_ids, S3Location};
use crate::catalog::names::{BucketName, KeyPrefix, SecurityGroupId, SubnetId};
use crate::catalog::requests::{self, Family};
use crate::catalog::{connector, ConnectorOptions, ConnectorRole, ResourceId};
use crate::plugin::{Attribute, Type};
use crate::policy::{DocumentKind, PolicyDocument};

use super::config::{check_place, resolve_scope};
use super::descriptor::{Body, Descriptor, DocumentSpec, FunctionTwin};
use super::inputs::Inputs;
use super::Phase;

/// A bucket and optional key prefix given as a pair of arguments; the prefix alone is an error.
fn read_s3_file(inputs: &mut Inputs<'_>, bucket: &str, prefix: &str) -> Option<S3Location> {
    if inputs.is_set(prefix) && !inputs.is_set(bucket) {
        inputs.error(prefix, "Key prefix without bucket", format!("{prefix} needs {bucket}, the bucket it is in."));
    }
    let bucket = inputs.parsed::<BucketName>(bucket)?;
    Some(S3Location { bucket, key_prefix: inputs.parsed::<KeyPrefix>(prefix) })
}

/// The VPC placement, if the connector is placed in a VPC (`vpc = true`, or subnets or security groups).
fn read_vpc(inputs: &mut Inputs<'_>) -> Option<VpcPlacement> {
    let enabled = inputs.bool("vpc");
    let subnets = inputs.parsed_list::<SubnetId>("subnet_ids");
    let security_groups = inputs.parsed_list::<SecurityGroupId>("security_group_ids");
    let placed = inputs.is_set("subnet_ids") || inputs.is_set("security_group_ids");
    if enabled == Some(false) && placed {
        let name = if inputs.is_set("subnet_ids") { "subnet_ids" } else { "security_group_ids" };
        inputs.error(
            name,
            "VPC placement without vpc",
            format!("{name} places the connector in a VPC, but vpc = false; set vpc = true or remove {name}."),
        );
        return None;
    }
    if enabled == Some(true) && !placed {
        inputs.warning(
            "vpc",
            "Any subnet and security group",
            "vpc = true without subnet_ids or security_group_ids lets the connector create network interfaces in any subnet and \
             security group of the account in this region; set subnet_ids and security_group_ids to narrow it.",
        );
    }
    (enabled == Some(true) || placed)
        .then(|| VpcPlacement { subnets: subnets.unwrap_or_default(), security_groups: security_groups.unwrap_or_default() })
}

pub(super) static DESCRIPTOR: Descriptor = Descriptor {
    type_name: "qbusiness_connector_policy",
    description: "The permissions policy of an Amazon Q Business data-source connector role.",
    function: FunctionTwin {
        name: "connector_policy",
        selector: Some("connector"),
        output: "json",
        summary: "The permissions policy of a data-source connector role, as JSON.",
    },
    requests: Some(Family { expectations: requests::CONNECTOR, selector: None, default_kind: None }),
    body: Body::Document(DocumentSpec { kind: DocumentKind::Permissions, arguments, scope_note: Some(scope_note), build }),
};

fn arguments() -> Vec<Attribute> {
    vec![
        Attribute::required(
            "connector",
            Type::String,
            &format!("Which data-source connector the role is for: {}.", connector_ids().join(", ")),
        ),
        Attribute::required("application_id", Type::String, "Id of the Amazon Q Business application (36 characters)."),
        Attribute::required("index_id", Type::String, "Id of the index the data source syncs into."),
        Attribute::optional("bucket", Type::String, "S3 connector: name of the bucket holding the documents."),
        Attribute::optional(
            "bucket_account_id",
            Type::String,
            "S3 connector: the account that owns the bucket, when it is another account's (same region as the index); the bucket's policy must then grant this role `s3:GetObject` and `s3:ListBucket`. Default: the role's account.",
        ),
        Attribute::optional(
            "pass_role",
            Type::Bool,
            "S3 connector: let the role pass roles named `QBusiness-DataSource-*` to Amazon Q Business (`iam:PassRole`), as AWS's current S3 page grants. Default true; false leaves the statement out.",
        ),
        Attribute::optional(
            "secret_arn",
            Type::String,
            "ARN of the Secrets Manager secret with the connector's credentials (web crawler: only for sites that need them).",
        ),
        Attribute::optional(
            "kms_key_arn",
            Type::String,
            "ARN of the KMS key that encrypts the secret (or, for S3, the bucket's SSE-KMS objects).",
        ),
        Attribute::optional(
            "ssl_certificate_bucket",
            Type::String,
            "Database and server connectors: bucket holding the SSL certificate (for SharePoint Online, the Azure app-only certificate).",
        ),
        Attribute::optional("ssl_certificate_key_prefix", Type::String, "Key prefix of the certificate in its bucket."),
        Attribute::optional("seed_urls_bucket", Type::String, "Web crawler: bucket holding the seed URL or sitemap lists."),
        Attribute::optional("seed_urls_key_prefix", Type::String, "Web crawler: key prefix of those lists in their bucket."),
        Attribute::optional("vpc", Type::Bool, "Whether the connector runs in your VPC (adds the network interface statements)."),
        Attribute::optional("subnet_ids", Type::list(Type::String), "Subnets the connector may use; any subnet of the account when omitted."),
        Attribute::optional(
            "security_group_ids",
            Type::list(Type::String),
            "Security groups the connector may use; any of the account when omitted.",
        ),
    ]
}

fn scope_note() -> String {
    "in this policy".to_owned()
}

fn build(inputs: &mut Inputs<'_>, phase: Phase<'_>) -> Option<PolicyDocument> {
    let chosen = inputs.string("connector").and_then(|id| match connector(id) {
        Ok(found) => Some(found),
        Err(unknown) => {
            inputs.error("connector", "Unknown connector", unknown.to_string());
            None
        }
    });
    let application = inputs.parsed::<ResourceId>("application_id");
    let index = inputs.parsed::<ResourceId>("index_id");
    let options = ConnectorOptions {
        bucket: inputs.parsed::<BucketName>("bucket"),
        bucket_account: inputs.parsed("bucket_account_id"),
        pass_role: inputs.bool("pass_role").unwrap_or(true),
        secret: inputs.arn("secret_arn"),
        kms_key: inputs.arn("kms_key_arn"),
        s3_file: read_s3_file(inputs, "ssl_certificate_bucket", "ssl_certificate_key_prefix")
            .or_else(|| read_s3_file(inputs, "seed_urls_bucket", "seed_urls_key_prefix")),
        vpc: read_vpc(inputs),
    };
    if let Some(chosen) = chosen {
        let placed = if inputs.raw("vpc").is_unknown() || inputs.incomplete { None } else { Some(options.vpc.is_some()) };
        let problems = chosen.check_arguments(&|name| inputs.is_set(name), placed);
        inputs.report(problems);
    }
    let scope = resolve_scope(inputs, phase)?;
    if let Some(secret) = &options.secret {
        check_place(inputs, "secret_arn", secret.arn(), scope.partition, None);
    }
    if let Some(key) = &options.kms_key {
        // A secret's key shares the secret's region; S3 reads SSE-KMS objects with a key of
        // the bucket's region, which for the S3 connector is the index's.
        let region = match &options.secret {
            Some(secret) => (secret.arn().region.as_str(), "the secret"),
            None => (scope.region.as_str(), "the index"),
        };
        check_place(inputs, "kms_key_arn", key.arn(), scope.partition, Some(region));
    }
    let role = ConnectorRole { connector: chosen?, scope, application: application?, index: index?, options };
    Some(role.permissions())
}

#[cfg(test)]
mod tests {
    use crate::plugin::Value;
    use crate::provider::testing::{expect_errors, list, read, s, APPLICATION_ID, INDEX_ID, KEY_ARN, SECRET_ARN};

    const TYPE: &str = "qbusiness_connector_policy";

    fn s3(extra: &[(&'static str, Value)]) -> Vec<(&'static str, Value)> {
        let mut attributes =
            vec![("connector", s("s3")), ("application_id", s(APPLICATION_ID)), ("index_id", s(INDEX_ID)), ("bucket", s("my-docs"))];
        attributes.extend(extra.iter().cloned());
        attributes
    }

    #[test]
    fn s3_with_kms_is_its_golden_document() {
        let outcome = read(TYPE, &s3(&[("kms_key_arn", s(KEY_ARN))]));
        assert_eq!(outcome.diagnostics, Vec::<String>::new());
        assert_eq!(outcome.json.unwrap() + "\n", include_str!("../../tests/golden/connector-s3-kms.json"));
    }

    #[test]
    fn a_secret_connector_in_a_vpc_is_its_golden_document() {
        let attributes = [
            ("connector", s("aem_cloud")),
            ("application_id", s(APPLICATION_ID)),
            ("index_id", s(INDEX_ID)),
            ("secret_arn", s(SECRET_ARN)),
            ("vpc", Value::Bool(true)),
        ];
        let outcome = read(TYPE, &attributes);
        assert_eq!(outcome.json.unwrap() + "\n", include_str!("../../tests/golden/connector-aem_cloud-vpc.json"));
    }

    #[test]
    fn policy_variables_written_for_hcl_reach_iam_as_its_own() {
        let statement = Value::List(vec![Value::object([
            ("sid", s("Home")),
            ("actions", list(&["s3:GetObject"])),
            ("resources", list(&["arn:aws:s3:::my-docs/home/&{aws:username}/*"])),
        ])]);
        let source = r#"{"Version":"2012-10-17","Statement":{"Sid":"Mine","Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::my-docs","Condition":{"StringLike":{"s3:prefix":"home/&{aws:username}/"}}}}"#;
        let outcome = read(TYPE, &s3(&[("statement", statement), ("source_policy_documents", list(&[source]))]));
        let json = outcome.json.unwrap();
        assert!(json.contains(r#""Resource": "arn:aws:s3:::my-docs/home/${aws:username}/*""#), "{json}");
        assert!(json.contains(r#""s3:prefix": "home/${aws:username}/""#), "{json}");
        assert!(!json.contains("&{"), "{json}");
    }

    #[test]
    fn bad_arguments_are_errors_at_their_attribute() {
        let crawler = |extra: &[(&'static str, Value)]| {
            let mut attributes = vec![("connector", s("web_crawler")), ("application_id", s(APPLICATION_ID)), ("index_id", s(INDEX_ID))];
            attributes.extend(extra.iter().cloned());
            attributes
        };
        expect_errors(
            TYPE,
            &[
                ("unknown connector", s3(&[("connector", s("sharepoint_2003"))]), "connector", "Unknown connector", "\"sharepoint_2003\" is not a valid connector; valid values are s3, aem_cloud"),
                ("secret for the S3 connector", s3(&[("secret_arn", s(SECRET_ARN))]), "secret_arn", "Argument not accepted here", "connector \"s3\" (Amazon S3) does not take secret_arn; it takes bucket, kms_key_arn, bucket_account_id, pass_role, vpc, subnet_ids, security_group_ids."),
                ("S3 without bucket", vec![("connector", s("s3")), ("application_id", s(APPLICATION_ID)), ("index_id", s(INDEX_ID))], "bucket", "Missing required argument", "connector \"s3\" (Amazon S3) needs bucket."),
                ("crawler key without secret", crawler(&[("kms_key_arn", s(KEY_ARN))]), "kms_key_arn", "Key without secret", "set secret_arn too"),
                ("seed prefix without bucket", crawler(&[("seed_urls_key_prefix", s("seeds/"))]), "seed_urls_key_prefix", "Key prefix without bucket", "seed_urls_key_prefix needs seed_urls_bucket"),
                ("FSx without VPC", vec![("connector", s("fsx_windows")), ("application_id", s(APPLICATION_ID)), ("index_id", s(INDEX_ID)), ("secret_arn", s(SECRET_ARN))], "vpc", "Missing required argument", "reaches its source only inside your VPC"),
                ("subnets with vpc false", s3(&[("vpc", Value::Bool(false)), ("subnet_ids", list(&["subnet-0123456789abcdef0"]))]), "subnet_ids", "VPC placement without vpc", "set vpc = true or remove subnet_ids"),
                ("key in another partition", s3(&[("kms_key_arn", s("arn:aws-cn:kms:cn-north-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"))]), "kms_key_arn", "ARN in another partition", "is in partition aws-cn, but this policy is for partition aws"),
            ],
        );
    }
}
