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
    /// A database or self-hosted server (or a source authenticated with a certificate, as SharePoint
    /// Online's Azure app-only auth): SaaS plus an optional certificate read from S3.
    Server,
    /// SaaS with an optional certificate but no VPC (Smartsheet's page).
    SaasNoVpc,
    /// A file system reached only inside your VPC: SaaS with the VPC statements required.
    FileSystem,
    /// The web crawler: credentials only for sites that need them, seed URLs or sitemaps optionally in S3.
    WebCrawler,
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

const VPC: [TemplateArgument; 3] = [optional("vpc"), optional("subnet_ids"), optional("security_group_ids")];
const CERTIFICATE: [TemplateArgument; 2] = [optional("ssl_certificate_bucket"), optional("ssl_certificate_key_prefix")];
const SECRET: [TemplateArgument; 2] = [required("secret_arn"), optional("kms_key_arn")];
const BUCKET: [TemplateArgument; 2] = [required("bucket"), optional("kms_key_arn")];
const CRAWLER: [TemplateArgument; 4] =
    [optional("secret_arn"), optional("kms_key_arn"), optional("seed_urls_bucket"), optional("seed_urls_key_prefix")];

impl ConnectorTemplate {
    pub const ALL: [ConnectorTemplate; 6] = [
        ConnectorTemplate::S3,
        ConnectorTemplate::Saas,
        ConnectorTemplate::Server,
        ConnectorTemplate::SaasNoVpc,
        ConnectorTemplate::FileSystem,
        ConnectorTemplate::WebCrawler,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ConnectorTemplate::S3 => "s3",
            ConnectorTemplate::Saas => "saas",
            ConnectorTemplate::Server => "server",
            ConnectorTemplate::SaasNoVpc => "saas_no_vpc",
            ConnectorTemplate::FileSystem => "file_system",
            ConnectorTemplate::WebCrawler => "web_crawler",
        }
    }

    /// The connector-specific arguments the template takes (beyond application, index and scope).
    pub fn arguments(self) -> Vec<TemplateArgument> {
        let parts: Vec<&[TemplateArgument]> = match self {
            ConnectorTemplate::S3 => vec![&BUCKET, &VPC],
            ConnectorTemplate::Saas | ConnectorTemplate::FileSystem => vec![&SECRET, &VPC],
            ConnectorTemplate::Server => vec![&SECRET, &CERTIFICATE, &VPC],
            ConnectorTemplate::SaasNoVpc => vec![&SECRET, &CERTIFICATE],
            ConnectorTemplate::WebCrawler => vec![&CRAWLER, &VPC],
        };
        parts.into_iter().flatten().copied().collect()
    }

    pub fn accepts(self, argument: &str) -> bool {
        self.arguments().iter().any(|a| a.name == argument)
    }

    /// The connector cannot work outside a VPC.
    pub fn requires_vpc(self) -> bool {
        self == ConnectorTemplate::FileSystem
    }
}

/// One row of the connector table (reference §5).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Connector {
    /// The value of `connector` in Terraform.
    pub id: &'static str,
    pub display_name: &'static str,
    /// `configuration.type` in CreateDataSource (unverified except SHAREPOINTV2, see the reference).
    pub data_source_type: &'static str,
    pub template: ConnectorTemplate,
    /// Whether the reference saw the full policy text of this connector's page.
    pub verified: bool,
}

const fn row(
    id: &'static str,
    display_name: &'static str,
    data_source_type: &'static str,
    template: ConnectorTemplate,
    verified: bool,
) -> Connector {
    Connector { id, display_name, data_source_type, template, verified }
}

use ConnectorTemplate::{FileSystem, Saas, SaasNoVpc, Server, WebCrawler, S3};

pub const CONNECTORS: &[Connector] = &[
    row("s3", "Amazon S3", "S3", S3, true),
    row("aem_cloud", "Adobe Experience Manager (Cloud)", "AEM", Saas, true),
    row("aem_server", "Adobe Experience Manager (Server)", "AEM", Server, false),
    row("alfresco_cloud", "Alfresco (Cloud)", "ALFRESCO", Saas, false),
    row("alfresco_server", "Alfresco (Server)", "ALFRESCO", Server, false),
    row("aurora_mysql", "Amazon Aurora (MySQL)", "JDBC", Server, false),
    row("aurora_postgresql", "Amazon Aurora (PostgreSQL)", "JDBC", Server, false),
    row("rds_mysql", "Amazon RDS (MySQL)", "JDBC", Server, true),
    row("rds_postgresql", "Amazon RDS (PostgreSQL)", "JDBC", Server, false),
    row("rds_oracle", "Amazon RDS (Oracle)", "JDBC", Server, false),
    row("rds_sql_server", "Amazon RDS (Microsoft SQL Server)", "JDBC", Server, false),
    row("mysql", "MySQL", "JDBC", Server, false),
    row("postgresql", "PostgreSQL", "JDBC", Server, false),
    row("oracle", "Oracle Database", "JDBC", Server, false),
    row("sql_server", "Microsoft SQL Server", "JDBC", Server, false),
    row("ibm_db2", "IBM Db2", "JDBC", Server, false),
    row("fsx_windows", "Amazon FSx (Windows File Server)", "FSX", FileSystem, false),
    row("asana", "Asana", "ASANA", Saas, false),
    row("box", "Box", "BOX", Saas, false),
    row("confluence_cloud", "Confluence (Cloud)", "CONFLUENCEV2", Saas, false),
    row("confluence_server", "Confluence (Server/Data Center)", "CONFLUENCEV2", Server, true),
    row("dropbox", "Dropbox", "DROPBOX", Saas, false),
    row("drupal", "Drupal", "DRUPAL", Saas, false),
    row("github_cloud", "GitHub (Cloud)", "GITHUB", Saas, false),
    row("github_server", "GitHub (Server)", "GITHUB", Server, false),
    row("gmail", "Gmail", "GMAIL", Saas, false),
    row("google_calendar", "Google Calendar", "GOOGLECALENDAR", Saas, false),
    row("google_drive", "Google Drive", "GOOGLEDRIVEV2", Saas, false),
    row("jira", "Jira", "JIRA", Saas, false),
    row("exchange", "Microsoft Exchange", "MSEXCHANGE", Saas, false),
    row("onedrive", "Microsoft OneDrive", "ONEDRIVEV2", Saas, false),
    row("sharepoint_online", "Microsoft SharePoint (Online)", "SHAREPOINTV2", Server, false),
    row("sharepoint_server", "Microsoft SharePoint (Server)", "SHAREPOINTV2", Server, false),
    row("teams", "Microsoft Teams", "MSTEAMS", Saas, false),
    row("yammer", "Microsoft Yammer", "YAMMER", Saas, false),
    row("quip", "Quip", "QUIP", Saas, false),
    row("salesforce", "Salesforce Online", "SALESFORCEV2", Saas, false),
    row("servicenow", "ServiceNow Online", "SERVICENOWV2", Saas, false),
    row("slack", "Slack", "SLACK", Saas, false),
    row("smartsheet", "Smartsheet", "SMARTSHEET", SaasNoVpc, true),
    row("web_crawler", "Web Crawler", "WEBCRAWLERV2", WebCrawler, true),
    row("zendesk", "Zendesk", "ZENDESK", Saas, false),
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
    /// A file the connector reads from S3: an SSL certificate, or the web crawler's seed URLs.
    pub s3_file: Option<S3Location>,
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
    /// Statements in one canonical order for every template: the files read from S3, the secret and
    /// its key, ingestion, principal mapping, the VPC.
    pub fn permissions(&self) -> Result<PolicyDocument, MissingArgument> {
        let missing = |argument| MissingArgument { connector: self.connector.id, argument };
        let (scope, app, index) = (&self.scope, &self.application, &self.index);
        let options = &self.options;
        let mut statements: Vec<Statement> = Vec::new();
        if self.connector.template == ConnectorTemplate::S3 {
            let bucket = options.bucket.as_ref().ok_or_else(|| missing("bucket"))?;
            statements.push(blocks::get_s3_objects(scope, bucket));
            statements.push(blocks::list_s3_bucket(scope, bucket));
            statements.extend(options.kms_key.as_ref().map(blocks::decrypt_s3_objects));
        } else {
            if let Some(file) = &options.s3_file {
                statements.push(blocks::get_s3_file(scope, &file.bucket, file.key_prefix.as_ref()));
            }
            match (&options.secret, self.connector.template) {
                (Some(secret), _) => {
                    statements.push(blocks::get_secret(secret));
                    statements.extend(options.kms_key.as_ref().map(blocks::decrypt_secret));
                }
                (None, ConnectorTemplate::WebCrawler) if options.kms_key.is_some() => return Err(missing("secret_arn")),
                (None, ConnectorTemplate::WebCrawler) => {}
                (None, _) => return Err(missing("secret_arn")),
            }
        }
        statements.push(blocks::ingest_documents(scope, app, index));
        statements.push(blocks::principal_mapping(scope, app, index));
        match &options.vpc {
            Some(placement) => statements.extend(blocks::vpc_access(scope, app, placement)),
            None if self.connector.template.requires_vpc() => return Err(missing("vpc")),
            None => {}
        }
        Ok(PolicyDocument::new(statements))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_has_a_connector() {
        for template in ConnectorTemplate::ALL {
            assert!(CONNECTORS.iter().any(|c| c.template == template), "{}", template.name());
        }
    }

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
        assert!(ConnectorTemplate::Server.accepts("ssl_certificate_bucket"));
        assert!(!ConnectorTemplate::Saas.accepts("ssl_certificate_bucket"));
        assert!(ConnectorTemplate::Saas.accepts("vpc"));
        assert!(!ConnectorTemplate::SaasNoVpc.accepts("vpc"));
        assert!(ConnectorTemplate::WebCrawler.accepts("seed_urls_bucket"));
        assert!(ConnectorTemplate::WebCrawler.arguments().iter().all(|a| !a.required));
    }
}
