//! The data-source connectors as a table, and the templates that turn a row plus options into a
//! permissions policy. Adding a connector that fits a template is one row.

use super::arguments::{self as args, Name};
use crate::policy::{AccountId, PolicyDocument, Statement};

use super::arns::{IamRoleArn, KmsKeyArn, SecretArn};
use super::blocks::{self, VpcPlacement};
use super::kinds::{check_arguments, optional, required, Argument, ArgumentProblem, Given, Kind, UnknownKind};
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
    /// A file system reached only inside your VPC: a server with the VPC statements required.
    FileSystem,
    /// The web crawler: credentials only for sites that need them, seed URLs or sitemaps optionally in S3.
    WebCrawler,
}

const VPC: [Argument; 3] = [optional(args::VPC), optional(args::SUBNET_IDS), optional(args::SECURITY_GROUP_IDS)];
const CERTIFICATE: [Argument; 3] =
    [optional(args::SSL_CERTIFICATE_BUCKET), optional(args::SSL_CERTIFICATE_KEY_PREFIX), optional(args::SSL_CERTIFICATE_KMS_KEY_ARN)];
const SECRET: [Argument; 2] = [required(args::SECRET_ARN), optional(args::KMS_KEY_ARN)];
const BUCKET: [Argument; 5] = [
    required(args::BUCKET),
    optional(args::KMS_KEY_ARN),
    optional(args::BUCKET_ACCOUNT_ID),
    optional(args::PASS_ROLE),
    optional(args::PASS_ROLE_ARNS),
];
const CRAWLER: [Argument; 4] =
    [optional(args::SECRET_ARN), optional(args::KMS_KEY_ARN), optional(args::SEED_URLS_BUCKET), optional(args::SEED_URLS_KEY_PREFIX)];

impl Kind for ConnectorTemplate {
    const ALL: &'static [ConnectorTemplate] = &[
        ConnectorTemplate::S3,
        ConnectorTemplate::Saas,
        ConnectorTemplate::Server,
        ConnectorTemplate::SaasNoVpc,
        ConnectorTemplate::FileSystem,
        ConnectorTemplate::WebCrawler,
    ];

    fn name(self) -> &'static str {
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
    fn arguments(self) -> Vec<Argument> {
        let parts: Vec<&[Argument]> = match self {
            ConnectorTemplate::S3 => vec![&BUCKET, &VPC],
            ConnectorTemplate::Saas => vec![&SECRET, &VPC],
            ConnectorTemplate::Server | ConnectorTemplate::FileSystem => vec![&SECRET, &CERTIFICATE, &VPC],
            ConnectorTemplate::SaasNoVpc => vec![&SECRET, &CERTIFICATE],
            ConnectorTemplate::WebCrawler => vec![&CRAWLER, &VPC],
        };
        parts.into_iter().flatten().copied().collect()
    }
}

impl ConnectorTemplate {
    /// The connector cannot work outside a VPC.
    pub fn requires_vpc(self) -> bool {
        self == ConnectorTemplate::FileSystem
    }
}

/// Whether a connector's configuration places it in a VPC: `Some(true)` with `vpc = true` or
/// subnets/security groups, `None` while that is unknown.
pub type VpcPlaced = Option<bool>;

/// One row of the connector table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Connector {
    /// The value of `connector` in Terraform.
    pub id: &'static str,
    /// The connector's name in AWS's documentation.
    pub display_name: &'static str,
    /// The values of `configuration.type` in CreateDataSource that make this connector, the
    /// recommended (newest) first, as each connector's `*-api` page gives them.
    pub data_source_types: &'static [&'static str],
    /// The policy shape the connector's role follows.
    pub template: ConnectorTemplate,
    /// Whether AWS still supports the connector.
    pub support: Support,
    /// The user guide page of the connector's role, read in full.
    pub source: Source,
}

/// The `dbType` of each database connector's CreateDataSource configuration
/// (`connectionConfiguration.repositoryEndpointMetadata.dbType`): every database connector is
/// `type = "JDBC"` with one enum of five values, the same on each connector's `*-api` page (read at
/// mirror snapshots 3a3ccd3 and 60275b0), so Aurora, RDS and a self-managed server of one engine
/// share it.
const JDBC_DATABASE_TYPES: &[(&str, &str)] = &[
    ("aurora_mysql", "mysql"),
    ("aurora_postgresql", "postgresql"),
    ("rds_mysql", "mysql"),
    ("rds_postgresql", "postgresql"),
    ("rds_oracle", "oracle"),
    ("rds_sql_server", "sqlserver"),
    ("mysql", "mysql"),
    ("postgresql", "postgresql"),
    ("oracle", "oracle"),
    ("sql_server", "sqlserver"),
    ("ibm_db2", "db2"),
];

/// Every `dbType` value, in the pages' order.
pub const DATABASE_TYPES: [&str; 5] = ["mysql", "db2", "postgresql", "oracle", "sqlserver"];

impl Connector {
    /// The `dbType` of a database (JDBC) connector's configuration; none for the others.
    pub fn database_type(&self) -> Option<&'static str> {
        JDBC_DATABASE_TYPES.iter().find(|(id, _)| *id == self.id).map(|(_, db)| *db)
    }
}

/// Whether AWS still supports a connector (`legacy-connectors`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Support {
    /// Offered and supported.
    Current,
    /// On AWS's legacy list: no new onboarding, and support for existing use ended on
    /// [`LEGACY_SUPPORT_ENDED`].
    Legacy,
}

/// The day support for the legacy connectors ended, as the `legacy-connectors` page gives it.
pub const LEGACY_SUPPORT_ENDED: &str = "2026-05-31";

impl Support {
    /// `current` or `legacy`, for the catalog's listing.
    pub fn name(self) -> &'static str {
        match self {
            Support::Current => "current",
            Support::Legacy => "legacy",
        }
    }
}

const fn row(
    id: &'static str,
    display_name: &'static str,
    data_source_types: &'static [&'static str],
    template: ConnectorTemplate,
    support: Support,
    source: Source,
) -> Connector {
    Connector { id, display_name, data_source_types, template, support, source }
}

use super::sources::{Source, SNAPSHOT_3A3CCD3, SNAPSHOT_4E1D803};
use ConnectorTemplate::{FileSystem, Saas, SaasNoVpc, Server, WebCrawler, S3};
use Support::{Current, Legacy};

/// Every connector the provider knows, in the order documentation lists them. Each row's page was
/// read in full at the snapshot it names; where a page and the template differ, the errata say so.
pub const CONNECTORS: &[Connector] = &[
    row("s3", "Amazon S3", &["S3"], S3, Current, Source { page: "s3-v2-iam-role", snapshot: SNAPSHOT_4E1D803 }),
    row(
        "aem_cloud",
        "Adobe Experience Manager (Cloud)",
        &["AEM"],
        Saas,
        Legacy,
        Source { page: "aem-cloud-iam-role", snapshot: SNAPSHOT_3A3CCD3 },
    ),
    row(
        "aem_server",
        "Adobe Experience Manager (Server)",
        &["AEM"],
        Saas,
        Legacy,
        Source { page: "aem-server-iam-role", snapshot: SNAPSHOT_3A3CCD3 },
    ),
    row(
        "alfresco_cloud",
        "Alfresco (Cloud)",
        &["ALFRESCO"],
        Saas,
        Legacy,
        Source { page: "alfresco-cloud-iam-role", snapshot: SNAPSHOT_3A3CCD3 },
    ),
    row(
        "alfresco_server",
        "Alfresco (Server)",
        &["ALFRESCO"],
        Server,
        Legacy,
        Source { page: "alfresco-server-iam-role", snapshot: SNAPSHOT_4E1D803 },
    ),
    row(
        "aurora_mysql",
        "Amazon Aurora (MySQL)",
        &["JDBC"],
        Server,
        Legacy,
        Source { page: "aurora-mysql-iam-role", snapshot: SNAPSHOT_3A3CCD3 },
    ),
    row(
        "aurora_postgresql",
        "Amazon Aurora (PostgreSQL)",
        &["JDBC"],
        Server,
        Legacy,
        Source { page: "aurora-postgresql-iam-role", snapshot: SNAPSHOT_3A3CCD3 },
    ),
    row("rds_mysql", "Amazon RDS (MySQL)", &["JDBC"], Server, Legacy, Source { page: "rds-my-sql-iam-role", snapshot: SNAPSHOT_3A3CCD3 }),
    row(
        "rds_postgresql",
        "Amazon RDS (PostgreSQL)",
        &["JDBC"],
        Server,
        Legacy,
        Source { page: "rds-postgresql-iam-role", snapshot: SNAPSHOT_3A3CCD3 },
    ),
    row("rds_oracle", "Amazon RDS (Oracle)", &["JDBC"], Server, Legacy, Source { page: "rds-oracle-iam-role", snapshot: SNAPSHOT_3A3CCD3 }),
    row(
        "rds_sql_server",
        "Amazon RDS (Microsoft SQL Server)",
        &["JDBC"],
        Server,
        Legacy,
        Source { page: "rds-ms-sql-server-iam-role", snapshot: SNAPSHOT_3A3CCD3 },
    ),
    row("mysql", "MySQL", &["JDBC"], Server, Legacy, Source { page: "my-sql-iam-role", snapshot: SNAPSHOT_3A3CCD3 }),
    row("postgresql", "PostgreSQL", &["JDBC"], Server, Legacy, Source { page: "postgresql-iam-role", snapshot: SNAPSHOT_3A3CCD3 }),
    row("oracle", "Oracle Database", &["JDBC"], Server, Legacy, Source { page: "oracle-database-iam-role", snapshot: SNAPSHOT_3A3CCD3 }),
    row(
        "sql_server",
        "Microsoft SQL Server",
        &["JDBC"],
        Server,
        Legacy,
        Source { page: "ms-sql-server-iam-role", snapshot: SNAPSHOT_3A3CCD3 },
    ),
    row("ibm_db2", "IBM Db2", &["JDBC"], Server, Legacy, Source { page: "ibm-db2-iam-role", snapshot: SNAPSHOT_3A3CCD3 }),
    row(
        "fsx_windows",
        "Amazon FSx (Windows File Server)",
        &["FSX"],
        FileSystem,
        Current,
        Source { page: "fsx-windows-iam-role", snapshot: SNAPSHOT_3A3CCD3 },
    ),
    row("asana", "Asana", &["ASANA"], Saas, Current, Source { page: "Asana-iam-role", snapshot: SNAPSHOT_4E1D803 }),
    row("box", "Box", &["BOX"], Saas, Current, Source { page: "box-iam-role", snapshot: SNAPSHOT_3A3CCD3 }),
    row(
        "confluence_cloud",
        "Confluence (Cloud)",
        &["CONFLUENCEV2", "CONFLUENCE"],
        Saas,
        Current,
        Source { page: "confluence-cloud-iam-role", snapshot: SNAPSHOT_4E1D803 },
    ),
    row(
        "confluence_server",
        "Confluence (Server/Data Center)",
        &["CONFLUENCEV2", "CONFLUENCE"],
        Server,
        Current,
        Source { page: "confluence-server-iam-role", snapshot: SNAPSHOT_3A3CCD3 },
    ),
    row("dropbox", "Dropbox", &["DROPBOX"], Saas, Current, Source { page: "dropbox-iam-role", snapshot: SNAPSHOT_3A3CCD3 }),
    row("drupal", "Drupal", &["DRUPAL"], Server, Legacy, Source { page: "drupal-iam-role", snapshot: SNAPSHOT_3A3CCD3 }),
    row("github_cloud", "GitHub (Cloud)", &["GITHUB"], Saas, Current, Source { page: "github-cloud-iam-role", snapshot: SNAPSHOT_3A3CCD3 }),
    row(
        "github_server",
        "GitHub (Server)",
        &["GITHUB"],
        Server,
        Current,
        Source { page: "github-server-iam-role", snapshot: SNAPSHOT_3A3CCD3 },
    ),
    row("gmail", "Gmail", &["GMAILV2", "GMAIL"], Saas, Current, Source { page: "gmail-iam-role", snapshot: SNAPSHOT_4E1D803 }),
    row(
        "google_calendar",
        "Google Calendar",
        &["GOOGLECALENDAR"],
        Saas,
        Current,
        Source { page: "gcal-iam-role", snapshot: SNAPSHOT_4E1D803 },
    ),
    row(
        "google_drive",
        "Google Drive",
        &["GOOGLEDRIVEV3", "GOOGLEDRIVEV2", "GOOGLEDRIVE"],
        Saas,
        Current,
        Source { page: "googledrive-v2-iam-role", snapshot: SNAPSHOT_3A3CCD3 },
    ),
    row("jira", "Jira", &["JIRA"], Saas, Current, Source { page: "jira-iam-role", snapshot: SNAPSHOT_4E1D803 }),
    row("exchange", "Microsoft Exchange", &["MSEXCHANGE"], Saas, Current, Source { page: "exchange-iam-role", snapshot: SNAPSHOT_3A3CCD3 }),
    row(
        "onedrive",
        "Microsoft OneDrive",
        &["ONEDRIVEV3", "ONEDRIVE"],
        Saas,
        Current,
        Source { page: "onedrive-new-iam-role", snapshot: SNAPSHOT_4E1D803 },
    ),
    row(
        "sharepoint_online",
        "Microsoft SharePoint (Online)",
        &["SHAREPOINTV2", "SHAREPOINT"],
        Server,
        Current,
        Source { page: "sharepoint-cloud-iam-role", snapshot: SNAPSHOT_3A3CCD3 },
    ),
    row(
        "sharepoint_server",
        "Microsoft SharePoint (Server)",
        &["SHAREPOINTV2", "SHAREPOINT"],
        Server,
        Current,
        Source { page: "sharepoint-server-subscription-iam-role", snapshot: SNAPSHOT_4E1D803 },
    ),
    row(
        "teams",
        "Microsoft Teams",
        &["MSTEAMSV2", "MSTEAMS"],
        Saas,
        Current,
        Source { page: "teams-iam-role", snapshot: SNAPSHOT_3A3CCD3 },
    ),
    row("yammer", "Microsoft Yammer", &["YAMMER"], Saas, Legacy, Source { page: "yammer-iam-role", snapshot: SNAPSHOT_3A3CCD3 }),
    row("quip", "Quip", &["QUIP"], Saas, Legacy, Source { page: "quip-iam-role", snapshot: SNAPSHOT_4E1D803 }),
    row(
        "salesforce",
        "Salesforce Online",
        &["SALESFORCEV2", "SALESFORCE"],
        Saas,
        Current,
        Source { page: "salesforce-iam-role", snapshot: SNAPSHOT_3A3CCD3 },
    ),
    row(
        "servicenow",
        "ServiceNow Online",
        &["SERVICENOWV2", "SERVICENOW"],
        Saas,
        Current,
        Source { page: "servicenow-iam-role", snapshot: SNAPSHOT_4E1D803 },
    ),
    row("slack", "Slack", &["SLACK"], Saas, Current, Source { page: "slack-iam-role", snapshot: SNAPSHOT_3A3CCD3 }),
    row(
        "smartsheet",
        "Smartsheet",
        &["SMARTSHEET"],
        SaasNoVpc,
        Current,
        Source { page: "smartsheet-iam-role", snapshot: SNAPSHOT_3A3CCD3 },
    ),
    row(
        "web_crawler",
        "Web Crawler",
        &["WEBCRAWLERV2", "WEBCRAWLER"],
        WebCrawler,
        Current,
        Source { page: "webcrawler-iam-role", snapshot: SNAPSHOT_4E1D803 },
    ),
    row("zendesk", "Zendesk", &["ZENDESK"], Saas, Current, Source { page: "zendesk-iam-role", snapshot: SNAPSHOT_3A3CCD3 }),
];

/// The connector with this id.
pub fn connector(id: &str) -> Result<&'static Connector, UnknownKind> {
    CONNECTORS.iter().find(|c| c.id == id).ok_or_else(|| UnknownKind {
        selector: args::CONNECTOR,
        value: id.to_owned(),
        valid: connector_ids().join(", "),
    })
}

impl Connector {
    /// The one check of a connector's arguments: which it takes and requires (its template's
    /// arguments), and the template's own rules. `given` tells how each argument is given;
    /// `placed` whether the configuration places the connector in a VPC.
    pub fn check_arguments(&self, given: &dyn Fn(Name) -> Given, placed: VpcPlaced) -> Vec<ArgumentProblem> {
        let who = format!("connector {:?} ({})", self.id, self.display_name);
        let mut problems = check_arguments(&who, &self.template.arguments(), &ConnectorTemplate::all_arguments(), given);
        let is_set = |name: Name| given(name) != Given::Absent;
        if self.template.requires_vpc() && placed == Some(false) {
            problems.push(ArgumentProblem::Rule {
                summary: "Missing required argument",
                argument: args::VPC,
                detail: format!("{who} reaches its source only inside your VPC: set vpc = true or subnet_ids."),
            });
        }
        if self.template == ConnectorTemplate::WebCrawler && is_set(args::KMS_KEY_ARN) && !is_set(args::SECRET_ARN) {
            problems.push(ArgumentProblem::Rule {
                summary: "Key without secret",
                argument: args::KMS_KEY_ARN,
                detail: "kms_key_arn decrypts the crawler's credentials secret; set secret_arn too, or leave both out.".to_owned(),
            });
        }
        problems
    }
}

/// Every connector id, in catalog order.
pub fn connector_ids() -> Vec<&'static str> {
    CONNECTORS.iter().map(|c| c.id).collect()
}

/// A certificate (or other file) location in S3.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct S3Location {
    /// The bucket.
    pub bucket: BucketName,
    /// The key prefix, if the file is under one.
    pub key_prefix: Option<KeyPrefix>,
}

/// Validated options; which ones may be set is the template's `arguments`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConnectorOptions {
    /// The S3 connector's bucket.
    pub bucket: Option<BucketName>,
    /// The account owning the S3 connector's bucket, when it is not the role's.
    pub bucket_account: Option<AccountId>,
    /// Whether the S3 connector's role may pass roles to Q Business.
    pub pass_role: bool,
    /// The roles it may pass; empty for the page's `QBusiness-DataSource-*` of the account.
    pub pass_roles: Vec<IamRoleArn>,
    /// The secret with the connector's credentials.
    pub secret: Option<SecretArn>,
    /// The KMS key of the secret, or of the S3 connector's objects.
    pub kms_key: Option<KmsKeyArn>,
    /// A file the connector reads from S3: an SSL certificate, or the web crawler's seed URLs.
    pub s3_file: Option<S3Location>,
    /// The KMS key of the certificate bucket's SSE-KMS objects.
    pub s3_file_key: Option<KmsKeyArn>,
    /// Where the connector's network interfaces go, when it runs in a VPC.
    pub vpc: Option<VpcPlacement>,
}

/// Everything a connector role's permissions policy depends on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConnectorRole {
    /// The connector's catalog row.
    pub connector: &'static Connector,
    /// The account and region.
    pub scope: Scope,
    /// The application the data source belongs to.
    pub application: ResourceId,
    /// The index the data source syncs into.
    pub index: ResourceId,
    /// The connector's own options.
    pub options: ConnectorOptions,
}

impl ConnectorRole {
    /// Statements in one canonical order for every template: the files read from S3, the secret and
    /// its key, ingestion, principal mapping, the VPC. The options are those
    /// [`Connector::check_arguments`] accepted: an option the template needs is present.
    pub fn permissions(&self) -> PolicyDocument {
        let (scope, app, index) = (&self.scope, &self.application, &self.index);
        let options = &self.options;
        let mut statements: Vec<Statement> = Vec::new();
        if let Some(bucket) = &options.bucket {
            let owner = options.bucket_account.as_ref().unwrap_or(&scope.account);
            statements.push(blocks::get_s3_objects(scope, bucket, owner));
            statements.push(blocks::list_s3_bucket(scope, bucket, owner));
            statements.extend(options.kms_key.as_ref().map(blocks::decrypt_s3_objects));
            if options.pass_role {
                statements.push(blocks::pass_data_source_role(scope, &options.pass_roles));
            }
        }
        if let Some(file) = &options.s3_file {
            statements.push(blocks::get_s3_file(scope, &file.bucket, file.key_prefix.as_ref()));
            statements.extend(options.s3_file_key.as_ref().map(blocks::decrypt_s3_file));
        }
        if let Some(secret) = &options.secret {
            statements.push(blocks::get_secret(secret));
            statements.extend(options.kms_key.as_ref().map(blocks::decrypt_secret));
        }
        statements.push(blocks::ingest_documents(scope, app, index));
        statements.push(blocks::principal_mapping(scope, app, index));
        if let Some(placement) = &options.vpc {
            statements.extend(blocks::vpc_access(scope, app, placement));
        }
        PolicyDocument::new(statements)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::arguments as args;

    #[test]
    fn every_template_has_a_connector() {
        for &template in ConnectorTemplate::ALL {
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
        let accepts = |template: ConnectorTemplate, name: Name| template.arguments().iter().any(|a| a.name == name);
        assert!(accepts(ConnectorTemplate::S3, args::BUCKET));
        assert!(!accepts(ConnectorTemplate::S3, args::SECRET_ARN));
        assert!(accepts(ConnectorTemplate::Server, args::SSL_CERTIFICATE_BUCKET));
        assert!(!accepts(ConnectorTemplate::Saas, args::SSL_CERTIFICATE_BUCKET));
        assert!(accepts(ConnectorTemplate::Saas, args::VPC));
        assert!(!accepts(ConnectorTemplate::SaasNoVpc, args::VPC));
        assert!(accepts(ConnectorTemplate::WebCrawler, args::SEED_URLS_BUCKET));
        assert!(ConnectorTemplate::WebCrawler.arguments().iter().all(|a| !a.required));
    }

    #[test]
    fn one_check_names_each_problem() {
        let set = |names: &'static [Name]| move |name: Name| if names.contains(&name) { Given::Value } else { Given::Absent };
        let problems = |id: &str, names: &'static [Name], placed: VpcPlaced| -> Vec<(Name, String)> {
            connector(id).unwrap().check_arguments(&set(names), placed).iter().map(|p| (p.argument(), p.to_string())).collect()
        };
        assert_eq!(
            problems("s3", &[args::BUCKET, args::SECRET_ARN], Some(false)),
            [(
                args::SECRET_ARN,
                "connector \"s3\" (Amazon S3) does not take secret_arn; it takes bucket, kms_key_arn, bucket_account_id, pass_role, pass_role_arns, vpc, subnet_ids, security_group_ids. Leave secret_arn out or set it to null (false or an empty list are accepted too)."
                    .to_owned()
            )]
        );
        assert_eq!(
            problems("fsx_windows", &[args::SECRET_ARN], Some(false)),
            [(
                args::VPC,
                "connector \"fsx_windows\" (Amazon FSx (Windows File Server)) reaches its source only inside your VPC: set vpc = true or subnet_ids."
                    .to_owned()
            )]
        );
        assert!(problems("fsx_windows", &[args::SECRET_ARN], None).is_empty());
        assert_eq!(problems("web_crawler", &[args::KMS_KEY_ARN], Some(false))[0].0, args::KMS_KEY_ARN);
        assert_eq!(connector("nope").unwrap_err().to_string().split(';').next(), Some("\"nope\" is not a valid connector"));
    }
}
