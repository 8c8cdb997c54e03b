//! Data source `qbusiness_connector_policy`: the permissions policy of a data-source connector role.

use crate::catalog::blocks::VpcPlacement;
use crate::catalog::connectors::{connector_ids, S3Location};
use crate::catalog::names::{BucketName, KeyPrefix, SecurityGroupId, SubnetId};
use crate::catalog::{connector, ConnectorOptions, ConnectorRole, ConnectorTemplate, ResourceId};
use crate::plugin::{Attribute, Block, Type, Value};
use crate::policy::{Arn, DocumentKind};

use super::config::{resolve_scope, ProviderDefaults};
use super::document_output::{document_block, finish, permissions_limit, read_additions};
use super::inputs::Inputs;
use super::DataSource;

pub const TYPE_NAME: &str = "qbusiness_connector_policy";

/// Arguments that only some connector templates take.
const TEMPLATE_ARGUMENTS: [&str; 10] = [
    "bucket",
    "secret_arn",
    "kms_key_arn",
    "ssl_certificate_bucket",
    "ssl_certificate_key_prefix",
    "seed_urls_bucket",
    "seed_urls_key_prefix",
    "vpc",
    "subnet_ids",
    "security_group_ids",
];

pub struct ConnectorPolicy;

pub fn parse_secret_arn(text: &str) -> Result<Arn, crate::policy::ArnError> {
    Arn::parse_expecting(text, "secretsmanager", "secret:", "arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME")
}

pub fn parse_kms_key_arn(text: &str) -> Result<Arn, crate::policy::ArnError> {
    Arn::parse_expecting(text, "kms", "key/", "arn:aws:kms:REGION:ACCOUNT:key/KEY_ID")
}

/// A bucket and optional key prefix given as a pair of arguments; the prefix alone is an error.
fn read_s3_file(inputs: &mut Inputs<'_>, bucket: &str, prefix: &str) -> Option<S3Location> {
    if inputs.is_set(prefix) && !inputs.is_set(bucket) {
        inputs.error(prefix, "Key prefix without bucket", format!("{prefix} needs {bucket}, the bucket it is in."));
    }
    let bucket = inputs.parsed::<BucketName>(bucket)?;
    Some(S3Location { bucket, key_prefix: inputs.parsed::<KeyPrefix>(prefix) })
}

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
    (enabled == Some(true) || placed)
        .then(|| VpcPlacement { subnets: subnets.unwrap_or_default(), security_groups: security_groups.unwrap_or_default() })
}

impl DataSource for ConnectorPolicy {
    fn type_name(&self) -> &'static str {
        TYPE_NAME
    }

    fn schema(&self) -> Block {
        let attributes = vec![
            Attribute::required(
                "connector",
                Type::String,
                &format!("Which data-source connector the role is for: {}.", connector_ids().join(", ")),
            ),
            Attribute::required("application_id", Type::String, "Id of the Amazon Q Business application (36 characters)."),
            Attribute::required("index_id", Type::String, "Id of the index the data source syncs into."),
            Attribute::optional("bucket", Type::String, "S3 connector: name of the bucket holding the documents."),
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
        ];
        document_block(
            "The permissions policy of an Amazon Q Business data-source connector role.",
            attributes,
            "in this policy",
            DocumentKind::Permissions,
        )
    }

    fn build(&self, config: &Value, inputs: &mut Inputs<'_>, defaults: Option<&ProviderDefaults>) -> Option<Value> {
        let chosen = inputs.string("connector").and_then(|id| {
            let found = connector(id);
            if found.is_none() {
                inputs.error(
                    "connector",
                    "Unknown connector",
                    format!("{id:?} is not a connector; valid connectors are {}.", connector_ids().join(", ")),
                );
            }
            found
        });
        let application = inputs.parsed::<ResourceId>("application_id");
        let index = inputs.parsed::<ResourceId>("index_id");

        if let Some(chosen) = chosen {
            let accepted: Vec<&str> = chosen.template.arguments().iter().map(|a| a.name).collect();
            inputs.reject_unless_allowed(
                &TEMPLATE_ARGUMENTS,
                |name| chosen.template.accepts(name),
                |name| {
                    format!(
                        "connector {:?} ({}) does not take {name}; its own arguments are {}.",
                        chosen.id,
                        chosen.display_name,
                        accepted.join(", ")
                    )
                },
            );
            for argument in chosen.template.arguments().iter().filter(|a| a.required) {
                if !inputs.is_set(argument.name) {
                    inputs.error(
                        argument.name,
                        "Missing required argument",
                        format!("connector {:?} ({}) needs {}.", chosen.id, chosen.display_name, argument.name),
                    );
                }
            }
        }

        let options = ConnectorOptions {
            bucket: inputs.parsed::<BucketName>("bucket"),
            secret: inputs.parsed_with("secret_arn", parse_secret_arn),
            kms_key: inputs.parsed_with("kms_key_arn", parse_kms_key_arn),
            s3_file: read_s3_file(inputs, "ssl_certificate_bucket", "ssl_certificate_key_prefix")
                .or_else(|| read_s3_file(inputs, "seed_urls_bucket", "seed_urls_key_prefix")),
            vpc: read_vpc(inputs),
        };
        if let Some(chosen) = chosen {
            let placed = options.vpc.is_some() || inputs.raw("vpc").is_unknown();
            if chosen.template.requires_vpc() && !placed && !inputs.incomplete {
                inputs.error(
                    "vpc",
                    "Missing required argument",
                    format!(
                        "connector {:?} ({}) reaches its source only inside your VPC: set vpc = true or subnet_ids.",
                        chosen.id, chosen.display_name
                    ),
                );
            }
            if chosen.template == ConnectorTemplate::WebCrawler && inputs.is_set("kms_key_arn") && !inputs.is_set("secret_arn") {
                inputs.error(
                    "kms_key_arn",
                    "Key without secret",
                    "kms_key_arn decrypts the crawler's credentials secret; set secret_arn too, or leave both out.",
                );
            }
        }
        let additions = read_additions(inputs, DocumentKind::Permissions);
        let limit = permissions_limit(inputs);
        let scope = resolve_scope(inputs, defaults)?;

        for (name, arn) in [("secret_arn", &options.secret), ("kms_key_arn", &options.kms_key)] {
            if let Some(arn) = arn {
                if arn.partition != scope.partition {
                    inputs.error(
                        name,
                        "ARN in another partition",
                        format!("{arn} is in partition {}, but this policy is for partition {}.", arn.partition, scope.partition),
                    );
                }
            }
        }
        let (Some(connector), Some(application), Some(index)) = (chosen, application, index) else {
            return None;
        };
        if inputs.has_errors() || inputs.incomplete {
            return None;
        }
        let role = ConnectorRole { connector, scope, application, index, options };
        let document = match role.permissions() {
            Ok(document) => document,
            Err(missing) => {
                inputs.error(missing.argument, "Missing required argument", missing.to_string());
                return None;
            }
        };
        finish(config, inputs, document, &additions, DocumentKind::Permissions, limit)
    }
}
