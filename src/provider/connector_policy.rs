//! Data source `qbusiness_connector_policy`: the permissions policy of a data-source connector role.

use crate::catalog::arguments::{self as args, Name};
use crate::catalog::arns::IamRoleArn;
use crate::catalog::blocks::VpcPlacement;
use crate::catalog::connectors::{connector_ids, S3Location, Support, LEGACY_SUPPORT_ENDED};
use crate::catalog::kinds::{is_scope, Given};
use crate::catalog::names::{BucketName, KeyPrefix, SecurityGroupId, SubnetId};
use crate::catalog::requests::{self, Family};
use crate::catalog::{connector, ConnectorOptions, ConnectorRole, ConnectorTemplate, Kind as _, ResourceId, TrustKind};
use crate::plugin::{Attribute, Type, Value};
use crate::policy::{DocumentKind, PolicyDocument};

use super::config::{check_place, resolve_scope};
use super::descriptor::{Body, Descriptor, DocumentSpec, FunctionTwin};
use super::inputs::Inputs;
use super::Phase;

/// A bucket and optional key prefix given as a pair of arguments; the prefix alone is an error.
fn read_s3_file(inputs: &mut Inputs<'_>, bucket: Name, prefix: Name) -> Option<S3Location> {
    if inputs.is_set(prefix) && !inputs.is_set(bucket) {
        inputs.error(prefix, "Key prefix without bucket", format!("{prefix} needs {bucket}, the bucket it is in."));
    }
    let bucket = inputs.parsed::<BucketName>(bucket)?;
    Some(S3Location { bucket, key_prefix: inputs.parsed::<KeyPrefix>(prefix) })
}

/// The VPC placement, if the connector is placed in a VPC (`vpc = true`, or subnets or security groups).
fn read_vpc(inputs: &mut Inputs<'_>) -> Option<VpcPlacement> {
    let enabled = inputs.bool(args::VPC);
    let subnets = inputs.parsed_list::<SubnetId>(args::SUBNET_IDS);
    let security_groups = inputs.parsed_list::<SecurityGroupId>(args::SECURITY_GROUP_IDS);
    let placed = inputs.is_set(args::SUBNET_IDS) || inputs.is_set(args::SECURITY_GROUP_IDS);
    if enabled == Some(false) && placed {
        let name = if inputs.is_set(args::SUBNET_IDS) { args::SUBNET_IDS } else { args::SECURITY_GROUP_IDS };
        inputs.error(
            name,
            "VPC placement without vpc",
            format!("{name} places the connector in a VPC, but vpc = false; set vpc = true or remove {name}."),
        );
        return None;
    }
    if enabled == Some(true) && !placed {
        inputs.warning(
            args::VPC,
            "Any subnet and security group",
            "vpc = true without subnet_ids or security_group_ids lets the connector create network interfaces in any subnet and \
             security group of the account in this region; set subnet_ids and security_group_ids to narrow it.",
        );
    }
    (enabled == Some(true) || placed)
        .then(|| VpcPlacement { subnets: subnets.unwrap_or_default(), security_groups: security_groups.unwrap_or_default() })
}

/// The data source `qbusiness_connector_policy`.
pub static DESCRIPTOR: Descriptor = Descriptor {
    type_name: "qbusiness_connector_policy",
    description: "The permissions policy of an Amazon Q Business data-source connector role.",
    function: FunctionTwin {
        name: "connector_policy",
        selector: Some(args::CONNECTOR),
        output: args::JSON,
        summary: "The permissions policy of a data-source connector role, as JSON.",
    },
    requests: Some(Family {
        expectations: requests::CONNECTOR,
        selector: None,
        default_kind: None,
        kinds: Vec::new,
        // Every connector takes the application, its index and the scope.
        takes: |_, name| name == args::APPLICATION_ID || name == args::INDEX_ID || is_scope(name),
        // Every connector's goldens come from its template's option sets (tests/common/cases.rs).
        examples: &[],
        trusts: |_| &[TrustKind::Connector],
        source: |_| None,
    }),
    body: Body::Document(DocumentSpec { kind: DocumentKind::Permissions, arguments, scope_note: Some(scope_note), build }),
};

fn arguments() -> Vec<Attribute> {
    vec![
        Attribute::required(
            args::CONNECTOR,
            Type::String,
            &format!("Which data-source connector the role is for: {}.", connector_ids().join(", ")),
        ),
        Attribute::required(args::APPLICATION_ID, Type::String, "Id of the Amazon Q Business application (36 characters)."),
        Attribute::required(args::INDEX_ID, Type::String, "Id of the index the data source syncs into."),
        Attribute::optional(args::BUCKET, Type::String, "S3 connector: name of the bucket holding the documents."),
        Attribute::optional(
            args::BUCKET_ACCOUNT_ID,
            Type::String,
            "S3 connector: the account that owns the bucket, when it is another account's (same region as the index); the bucket's policy must then grant this role `s3:GetObject` and `s3:ListBucket`. Default: the role's account.",
        ),
        Attribute::optional(
            args::PASS_ROLE,
            Type::Bool,
            "S3 connector: let the role pass roles named `QBusiness-DataSource-*` to Amazon Q Business (`iam:PassRole`), as AWS's current S3 page grants. Default true; false leaves the statement out.",
        ),
        Attribute::optional(
            args::PASS_ROLE_ARNS,
            Type::list(Type::String),
            "S3 connector: the ARNs of the roles it may pass (the data source's own role), instead of every role named `QBusiness-DataSource-*` of the account.",
        ),
        Attribute::optional(
            args::SECRET_ARN,
            Type::String,
            "ARN of the Secrets Manager secret with the connector's credentials (web crawler: only for sites that need them).",
        ),
        Attribute::optional(
            args::KMS_KEY_ARN,
            Type::String,
            "ARN of the KMS key that encrypts the secret (or, for S3, the bucket's SSE-KMS objects).",
        ),
        Attribute::optional(
            args::SSL_CERTIFICATE_BUCKET,
            Type::String,
            "Database and server connectors: bucket holding the SSL certificate (for SharePoint Online, the Azure app-only certificate).",
        ),
        Attribute::optional(args::SSL_CERTIFICATE_KEY_PREFIX, Type::String, "Key prefix of the certificate in its bucket."),
        Attribute::optional(
            args::SSL_CERTIFICATE_KMS_KEY_ARN,
            Type::String,
            "ARN of the KMS key of the certificate bucket's SSE-KMS objects, decrypted through S3 (`kms_key_arn` is the secret's key).",
        ),
        Attribute::optional(args::SEED_URLS_BUCKET, Type::String, "Web crawler: bucket holding the seed URL or sitemap lists."),
        Attribute::optional(args::SEED_URLS_KEY_PREFIX, Type::String, "Web crawler: key prefix of those lists in their bucket."),
        Attribute::optional(args::VPC, Type::Bool, "Whether the connector runs in your VPC (adds the network interface statements)."),
        Attribute::optional(args::SUBNET_IDS, Type::list(Type::String), "Subnets the connector may use; any subnet of the account when omitted."),
        Attribute::optional(
            args::SECURITY_GROUP_IDS,
            Type::list(Type::String),
            "Security groups the connector may use; any of the account when omitted.",
        ),
    ]
}

fn scope_note() -> String {
    "in this policy".to_owned()
}

fn build(inputs: &mut Inputs<'_>, phase: Phase<'_>) -> Option<PolicyDocument> {
    let chosen = inputs.string(args::CONNECTOR).and_then(|id| match connector(id) {
        Ok(found) => Some(found),
        Err(unknown) => {
            inputs.error(args::CONNECTOR, "Unknown connector", unknown.to_string());
            None
        }
    });
    if let Some(chosen) = chosen {
        // Checked before reading, so that what the connector does not take reads as absent.
        let (takes, candidates) = (chosen.template.arguments(), ConnectorTemplate::all_arguments());
        let placement = [args::VPC, args::SUBNET_IDS, args::SECURITY_GROUP_IDS].map(|name| inputs.given(name));
        let placed = if placement.contains(&Given::Unknown) {
            None
        } else {
            Some(inputs.raw(args::VPC) == &Value::Bool(true) || placement[1..].contains(&Given::Value))
        };
        inputs.check_kind(&takes, &candidates, |given| chosen.check_arguments(given, placed));
    }
    let application = inputs.parsed::<ResourceId>(args::APPLICATION_ID);
    let index = inputs.parsed::<ResourceId>(args::INDEX_ID);
    let options = ConnectorOptions {
        bucket: inputs.parsed::<BucketName>(args::BUCKET),
        bucket_account: inputs.parsed(args::BUCKET_ACCOUNT_ID),
        pass_role: inputs.bool(args::PASS_ROLE).unwrap_or(true),
        pass_roles: inputs.parsed_list::<IamRoleArn>(args::PASS_ROLE_ARNS).unwrap_or_default(),
        secret: inputs.arn(args::SECRET_ARN),
        kms_key: inputs.arn(args::KMS_KEY_ARN),
        s3_file: read_s3_file(inputs, args::SSL_CERTIFICATE_BUCKET, args::SSL_CERTIFICATE_KEY_PREFIX)
            .or_else(|| read_s3_file(inputs, args::SEED_URLS_BUCKET, args::SEED_URLS_KEY_PREFIX)),
        s3_file_key: inputs.arn(args::SSL_CERTIFICATE_KMS_KEY_ARN),
        vpc: read_vpc(inputs),
    };
    if let Some(chosen) = chosen.filter(|c| c.support == Support::Legacy) {
        inputs.warning(
            args::CONNECTOR,
            "Legacy connector",
            format!(
                "{} is on AWS's legacy list (user guide page `legacy-connectors`): no new onboarding, and AWS's support for existing use ended on {LEGACY_SUPPORT_ENDED}. The role is still made for estates that run it; plan a move to a current connector.",
                chosen.display_name
            ),
        );
    }
    if inputs.is_set(args::SSL_CERTIFICATE_KMS_KEY_ARN) && !inputs.is_set(args::SSL_CERTIFICATE_BUCKET) {
        inputs.error(
            args::SSL_CERTIFICATE_KMS_KEY_ARN,
            "Certificate key without bucket",
            "ssl_certificate_kms_key_arn decrypts the certificate's bucket, so it needs ssl_certificate_bucket.",
        );
    }
    if inputs.is_set(args::PASS_ROLE_ARNS) && inputs.bool(args::PASS_ROLE) == Some(false) {
        inputs.error(
            args::PASS_ROLE_ARNS,
            "Roles to pass without pass_role",
            "pass_role_arns names the roles the connector may pass, but pass_role = false leaves the statement out; remove one of them.",
        );
    }
    let scope = resolve_scope(inputs, phase)?;
    if let Some(secret) = &options.secret {
        check_place(inputs, args::SECRET_ARN, secret.arn(), scope.partition, None);
    }
    if let Some(key) = &options.kms_key {
        // A secret's key shares the secret's region; S3 reads SSE-KMS objects with a key of
        // the bucket's region, which for the S3 connector is the index's.
        let region = match &options.secret {
            Some(secret) => (secret.arn().region.as_str(), "the secret"),
            None => (scope.region.as_str(), "the index"),
        };
        check_place(inputs, args::KMS_KEY_ARN, key.arn(), scope.partition, Some(region));
    }
    if let Some(key) = &options.s3_file_key {
        check_place(inputs, args::SSL_CERTIFICATE_KMS_KEY_ARN, key.arn(), scope.partition, None);
    }
    for role in &options.pass_roles {
        check_place(inputs, args::PASS_ROLE_ARNS, role.arn(), scope.partition, None);
    }
    let role = ConnectorRole { connector: chosen?, scope, application: application?, index: index?, options };
    Some(role.permissions())
}

#[cfg(test)]
mod tests {
    use crate::catalog::arguments::{self as args, Name};
    use crate::plugin::Value;
    use crate::provider::testing::{golden, list, read, s, validate, APPLICATION_ID, INDEX_ID, KEY_ARN, SECRET_ARN};

    const TYPE: &str = super::DESCRIPTOR.type_name;

    fn s3(extra: &[(Name, Value)]) -> Vec<(Name, Value)> {
        let mut attributes = vec![
            (args::CONNECTOR, s("s3")),
            (args::APPLICATION_ID, s(APPLICATION_ID)),
            (args::INDEX_ID, s(INDEX_ID)),
            (args::BUCKET, s("my-docs")),
        ];
        attributes.extend(extra.iter().cloned());
        attributes
    }

    #[test]
    fn s3_with_kms_is_its_golden_document() {
        let outcome = read(TYPE, &s3(&[(args::KMS_KEY_ARN, s(KEY_ARN))]));
        assert_eq!(outcome.diagnostics, Vec::<String>::new());
        assert_eq!(outcome.json.unwrap() + "\n", include_str!("../../tests/golden/connector-s3-kms.json"));
    }

    #[test]
    fn a_secret_connector_in_a_vpc_is_its_golden_document() {
        let attributes = [
            (args::CONNECTOR, s("aem_cloud")),
            (args::APPLICATION_ID, s(APPLICATION_ID)),
            (args::INDEX_ID, s(INDEX_ID)),
            (args::SECRET_ARN, s(SECRET_ARN)),
            (args::VPC, Value::Bool(true)),
        ];
        let outcome = read(TYPE, &attributes);
        assert_eq!(outcome.json.unwrap() + "\n", include_str!("../../tests/golden/connector-aem_cloud-vpc.json"));
    }

    #[test]
    fn policy_variables_written_for_hcl_reach_iam_as_its_own() {
        let statement = Value::List(vec![Value::object([
            (args::SID, s("Home")),
            (args::ACTIONS, list(&["s3:GetObject"])),
            (args::RESOURCES, list(&["arn:aws:s3:::my-docs/home/&{aws:username}/*"])),
        ])]);
        let source = r#"{"Version":"2012-10-17","Statement":{"Sid":"Mine","Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::my-docs","Condition":{"StringLike":{"s3:prefix":"home/&{aws:username}/"}}}}"#;
        let outcome = read(TYPE, &s3(&[(args::STATEMENT, statement), (args::SOURCE_POLICY_DOCUMENTS, list(&[source]))]));
        let json = outcome.json.unwrap();
        assert!(json.contains(r#""Resource": "arn:aws:s3:::my-docs/home/${aws:username}/*""#), "{json}");
        assert!(json.contains(r#""s3:prefix": "home/${aws:username}/""#), "{json}");
        assert!(!json.contains("&{"), "{json}");
    }

    fn connector(id: &str, extra: &[(Name, Value)]) -> Vec<(Name, Value)> {
        let mut attributes = vec![
            (args::CONNECTOR, s(id)),
            (args::APPLICATION_ID, s(APPLICATION_ID)),
            (args::INDEX_ID, s(INDEX_ID)),
            (args::SECRET_ARN, s(SECRET_ARN)),
        ];
        attributes.extend(extra.iter().cloned());
        attributes
    }

    /// A module passes its variables to every connector: a value that changes nothing is accepted
    /// where the connector does not take the argument, and gives the connector's own document.
    #[test]
    fn values_that_change_nothing_are_accepted_where_the_connector_does_not_take_them() {
        let rows = [
            ("vpc = false on Smartsheet", "smartsheet", (args::VPC, Value::Bool(false)), "connector-smartsheet-minimal"),
            ("subnet_ids = [] on Smartsheet", "smartsheet", (args::SUBNET_IDS, Value::List(vec![])), "connector-smartsheet-minimal"),
            (
                "pass_role = false on Confluence",
                "confluence_cloud",
                (args::PASS_ROLE, Value::Bool(false)),
                "connector-confluence_cloud-minimal",
            ),
            (
                "pass_role = true, its default, on Confluence",
                "confluence_cloud",
                (args::PASS_ROLE, Value::Bool(true)),
                "connector-confluence_cloud-minimal",
            ),
            ("bucket = null on Confluence", "confluence_cloud", (args::BUCKET, Value::Null), "connector-confluence_cloud-minimal"),
        ];
        for (name, id, extra, expected) in rows {
            let outcome = read(TYPE, &connector(id, &[extra]));
            assert_eq!(outcome.diagnostics, Vec::<String>::new(), "{name}");
            assert_eq!(outcome.json.map(|j| j + "\n"), Some(golden(expected)), "{name}");
        }
    }

    #[test]
    fn a_value_that_would_change_the_document_is_refused_and_says_to_use_null() {
        let outcome = read(TYPE, &connector("smartsheet", &[(args::VPC, Value::Bool(true))]));
        assert_eq!(
            outcome.diagnostics,
            ["error vpc | Argument not accepted here | connector \"smartsheet\" (Smartsheet) does not take vpc; it takes secret_arn, kms_key_arn, ssl_certificate_bucket, ssl_certificate_key_prefix, ssl_certificate_kms_key_arn. Leave vpc out or set it to null (false or an empty list are accepted too)."]
        );
    }

    /// `cond ? x : null`: unknown while validating, null when read.
    #[test]
    fn an_argument_not_taken_may_be_unknown_at_validation() {
        assert_eq!(validate(TYPE, &s3(&[(args::SECRET_ARN, Value::Unknown)])), Vec::<String>::new());
        let read_null = read(TYPE, &s3(&[(args::SECRET_ARN, Value::Null)]));
        assert_eq!((read_null.diagnostics, read_null.json.map(|j| j + "\n")), (vec![], Some(golden("connector-s3-minimal"))));
        // Known at read, a value is the error it always was.
        let read_value = read(TYPE, &s3(&[(args::SECRET_ARN, s(SECRET_ARN))]));
        assert_eq!(read_value.diagnostics.len(), 1, "{:?}", read_value.diagnostics);
        assert!(read_value.diagnostics[0].starts_with("error secret_arn | Argument not accepted here |"), "{:?}", read_value.diagnostics);
    }
}
