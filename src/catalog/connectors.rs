//! The data-source connectors as a table, and the templates that turn a row plus options into a
//! permissions policy. Adding a connector that fits a template is one row.

use crate::policy::{Arn, PolicyDocument, Statement};

use super::blocks::{self, VpcPlacement};
use super::names::{BucketName, KeyPrefix};
use super::scope::{ResourceId, Scope};

/// The shapes connector roles come in (reference §3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConnectorTemplate {
    /// Documents from an S3 bucket: read and list it, optional KMS for SSE-KMS objects.
    S3,
    /// A SaaS source reached with credentials in Secrets Manager.
    Saas,
    /// A database or self-hosted server: SaaS plus an SSL certificate read from S3.
    Database,
}

/// A connector argument and whether the template requires it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TemplateArgument {
    pub name: &'static str,
    pub required: bool,
}

const fn required(name: &'static str) -> TemplateArgument {
    TemplateArgument { name, required: true }
}

const fn optional(name: &'static str) -> TemplateArgument {
    TemplateArgument { name, required: false }
}

const VPC_ARGUMENTS: [TemplateArgument; 3] = [optional("vpc"), optional("subnet_ids"), optional("security_group_ids")];

impl ConnectorTemplate {
    pub fn name(self) -> &'static str {
        match self {
            ConnectorTemplate::S3 => "s3",
            ConnectorTemplate::Saas => "saas",
            ConnectorTemplate::Database => "database",
        }
    }

    /// The connector-specific arguments the template takes (beyond application, index, data source and scope).
    pub fn arguments(self) -> Vec<TemplateArgument> {
        let own: &[TemplateArgument] = match self {
            ConnectorTemplate::S3 => &[required("bucket"), optional("kms_key_arn")],
            ConnectorTemplate::Saas => &[required("secret_arn"), optional("kms_key_arn")],
            ConnectorTemplate::Database => &[
                required("secret_arn"),
                optional("kms_key_arn"),
                optional("ssl_certificate_bucket"),
                optional("ssl_certificate_key_prefix"),
            ],
        };
        own.iter().chain(&VPC_ARGUMENTS).copied().collect()
    }

    pub fn accepts(self, argument: &str) -> bool {
        self.arguments().iter().any(|a| a.name == argument)
    }
}

/// One row of the connector table (reference §5).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Connector {
    /// The value of `connector` in Terraform.
    pub id: &'static str,
    pub display_name: &'static str,
    /// `configuration.type` in CreateDataSource.
    pub data_source_type: &'static str,
    pub template: ConnectorTemplate,
    /// Whether the reference saw the full policy text of this connector's page.
    pub verified: bool,
}

const fn row(id: &'static str, display_name: &'static str, data_source_type: &'static str, template: ConnectorTemplate, verified: bool) -> Connector {
    Connector { id, display_name, data_source_type, template, verified }
}

use ConnectorTemplate::{Database, Saas, S3};

pub const CONNECTORS: &[Connector] = &[
    row("s3", "Amazon S3", "S3", S3, true),
    row("aem_cloud", "Adobe Experience Manager (Cloud)", "AEM", Saas, true),
    row("rds_mysql", "Amazon RDS (MySQL)", "JDBC", Database, true),
];

pub fn connector(id: &str) -> Option<&'static Connector> {
    CONNECTORS.iter().find(|c| c.id == id)
}

pub fn connector_ids() -> Vec<&'static str> {
    CONNECTORS.iter().map(|c| c.id).collect()
}

/// A certificate (or other file) location in S3.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct S3Location {
    pub bucket: BucketName,
    pub key_prefix: Option<KeyPrefix>,
}

/// Validated options; which ones may be set is the template's `arguments`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConnectorOptions {
    pub bucket: Option<BucketName>,
    pub secret: Option<Arn>,
    pub kms_key: Option<Arn>,
    pub ssl_certificate: Option<S3Location>,
    pub vpc: Option<VpcPlacement>,
}

/// Everything a connector role's permissions policy depends on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConnectorRole {
    pub connector: &'static Connector,
    pub scope: Scope,
    pub application: ResourceId,
    pub index: ResourceId,
    pub options: ConnectorOptions,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("connector {connector:?} needs {argument}")]
pub struct MissingArgument {
    pub connector: &'static str,
    pub argument: &'static str,
}

impl ConnectorRole {
    /// Statements in template order; options add theirs where the reference places them.
    pub fn permissions(&self) -> Result<PolicyDocument, MissingArgument> {
        let missing = |argument| MissingArgument { connector: self.connector.id, argument };
        let (scope, app, index) = (&self.scope, &self.application, &self.index);
        let options = &self.options;
        let mut statements: Vec<Statement> = Vec::new();
        match self.connector.template {
            ConnectorTemplate::S3 => {
                let bucket = options.bucket.as_ref().ok_or_else(|| missing("bucket"))?;
                statements.push(blocks::get_s3_objects(scope, bucket));
                statements.push(blocks::list_s3_bucket(scope, bucket));
                statements.extend(options.kms_key.as_ref().map(blocks::decrypt_s3_objects));
            }
            ConnectorTemplate::Saas | ConnectorTemplate::Database => {
                if let Some(certificate) = &options.ssl_certificate {
                    statements.push(blocks::get_s3_file(scope, &certificate.bucket, certificate.key_prefix.as_ref()));
                }
                let secret = options.secret.as_ref().ok_or_else(|| missing("secret_arn"))?;
                statements.push(blocks::get_secret(secret));
                statements.extend(options.kms_key.as_ref().map(blocks::decrypt_secret));
            }
        }
        statements.push(blocks::ingest_documents(scope, app, index));
        statements.push(blocks::principal_mapping(scope, app, index));
        if let Some(placement) = &options.vpc {
            statements.extend(blocks::vpc_access(scope, app, placement));
        }
        Ok(PolicyDocument::new(statements))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_snake_case() {
        let ids = connector_ids();
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), ids.len());
        assert!(ids.iter().all(|id| id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')));
    }

    #[test]
    fn template_arguments() {
        assert!(ConnectorTemplate::S3.accepts("bucket"));
        assert!(!ConnectorTemplate::S3.accepts("secret_arn"));
        assert!(ConnectorTemplate::Database.accepts("ssl_certificate_bucket"));
        assert!(!ConnectorTemplate::Saas.accepts("ssl_certificate_bucket"));
        assert!(ConnectorTemplate::Saas.accepts("vpc"));
    }
}
