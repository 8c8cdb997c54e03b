//! Bad configurations shared by the protocol-level and the Terraform-level bad-input tests: each
//! names the attribute that is wrong and what the diagnostic must say.
#![allow(dead_code)]

use terraform_provider_qbusiness::catalog::arguments::{self as args, Name};
use terraform_provider_qbusiness::plugin::Value;
use terraform_provider_qbusiness::provider::descriptor as descriptors;

use super::cases::{APPLICATION_ID, INDEX_ID, SECRET_ARN};

pub struct BadCase {
    /// What the row is about, printed when it fails.
    pub name: &'static str,
    pub data_source: &'static str,
    pub attributes: Vec<(Name, Value)>,
    /// The attribute path as Terraform would print it, e.g. `statement[0].condition[0].test`.
    pub path: &'static str,
    pub summary: &'static str,
    pub detail: &'static str,
}

pub fn s(text: &str) -> Value {
    Value::string(text)
}

pub fn list(items: &[&str]) -> Value {
    Value::List(items.iter().map(|i| s(i)).collect())
}

pub fn s3(extra: Vec<(Name, Value)>) -> Vec<(Name, Value)> {
    let mut attributes = vec![
        (args::CONNECTOR, s("s3")),
        (args::APPLICATION_ID, s(APPLICATION_ID)),
        (args::INDEX_ID, s(INDEX_ID)),
        (args::BUCKET, s("my-docs")),
    ];
    attributes.extend(extra);
    attributes
}

pub fn statement(attributes: Vec<(Name, Value)>) -> Value {
    Value::List(vec![Value::object(attributes)])
}

pub fn condition(test: &str, variable: &str, values: &[&str]) -> Value {
    Value::List(vec![Value::object([(args::TEST, s(test)), (args::VARIABLE, s(variable)), (args::VALUES, list(values))])])
}

pub const CONNECTOR: &str = descriptors::CONNECTOR_POLICY.type_name;
pub const TRUST: &str = descriptors::TRUST_POLICY.type_name;
pub const WEB: &str = descriptors::WEB_EXPERIENCE_POLICY.type_name;
pub const APPLICATION: &str = descriptors::APPLICATION_POLICY.type_name;
pub const ROLE: &str = descriptors::ROLE_POLICY.type_name;
pub const CONNECTORS: &str = descriptors::CONNECTORS.type_name;
pub const BUCKET: &str = descriptors::BUCKET_POLICY.type_name;

pub fn cases() -> Vec<BadCase> {
    let case = |name, data_source, attributes, path, summary, detail| BadCase { name, data_source, attributes, path, summary, detail };
    vec![
        case("account id of 11 digits", CONNECTOR, s3(vec![(args::ACCOUNT_ID, s("12345678901"))]), "account_id", "Invalid account_id", "it must be exactly 12 digits"),
        case("account id of 13 digits", CONNECTOR, s3(vec![(args::ACCOUNT_ID, s("1234567890123"))]), "account_id", "Invalid account_id", "it must be exactly 12 digits"),
        case("account id with a letter", CONNECTOR, s3(vec![(args::ACCOUNT_ID, s("12345678901a"))]), "account_id", "Invalid account_id", "it must be exactly 12 digits"),
        case("region without Q Business", CONNECTOR, s3(vec![(args::REGION, s("eu-central-1"))]), "region", "Region without Amazon Q Business", "valid regions are ap-southeast-2, eu-west-1, us-east-1, us-west-2"),
        case("unknown partition", CONNECTOR, s3(vec![(args::PARTITION, s("aws-eu"))]), "partition", "Invalid partition", "valid partitions are aws, aws-cn and aws-us-gov"),
        case("partition aws-cn", CONNECTOR, s3(vec![(args::PARTITION, s("aws-cn"))]), "partition", "Partition without Amazon Q Business", "it runs only in partition aws"),
        case("China region in aws", CONNECTOR, s3(vec![(args::REGION, s("cn-north-1"))]), "region", "Region without Amazon Q Business", "is in partition aws-cn, not aws"),
        case("unknown connector", CONNECTOR, s3(vec![(args::CONNECTOR, s("sharepoint_2003"))]), "connector", "Unknown connector", "valid values are s3, aem_cloud, aem_server,"),
        case("empty application id", CONNECTOR, s3(vec![(args::APPLICATION_ID, s(""))]), "application_id", "Empty application_id", "must not be empty"),
        case("short index id", CONNECTOR, s3(vec![(args::INDEX_ID, s("idx-1"))]), "index_id", "Invalid index_id", "ids are 36 characters"),
        case("bucket given as an ARN", CONNECTOR, s3(vec![(args::BUCKET, s("arn:aws:s3:::my-docs"))]), "bucket", "Invalid bucket", "give the name, not an ARN or URL"),
        case("KMS key ARN without resource", CONNECTOR, s3(vec![(args::KMS_KEY_ARN, s("arn:aws:kms:us-east-1:123456789012"))]), "kms_key_arn", "Invalid kms_key_arn", "is not an ARN"),
        case("secret ARN as KMS key", CONNECTOR, s3(vec![(args::KMS_KEY_ARN, s(SECRET_ARN))]), "kms_key_arn", "Invalid kms_key_arn", "is a secretsmanager ARN, expected a kms ARN"),
        case("KMS alias instead of key", CONNECTOR, s3(vec![(args::KMS_KEY_ARN, s("arn:aws:kms:us-east-1:123456789012:alias/docs"))]), "kms_key_arn", "Invalid kms_key_arn", "names no resource \"key/\""),
        case("KMS key in another partition", CONNECTOR, s3(vec![(args::KMS_KEY_ARN, s("arn:aws-cn:kms:cn-north-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"))]), "kms_key_arn", "ARN in another partition", "is in partition aws-cn, but this policy is for partition aws"),
        case("secret for the S3 connector", CONNECTOR, s3(vec![(args::SECRET_ARN, s(SECRET_ARN))]), "secret_arn", "Argument not accepted here", "connector \"s3\" (Amazon S3) does not take secret_arn; it takes bucket, kms_key_arn, bucket_account_id, pass_role, vpc, subnet_ids, security_group_ids."),
        case("SaaS connector without secret", CONNECTOR, vec![(args::CONNECTOR, s("aem_cloud")), (args::APPLICATION_ID, s(APPLICATION_ID)), (args::INDEX_ID, s(INDEX_ID))], "secret_arn", "Missing required argument", "connector \"aem_cloud\" (Adobe Experience Manager (Cloud)) needs secret_arn."),
        case("malformed subnet id", CONNECTOR, s3(vec![(args::SUBNET_IDS, list(&["subnet-0123456789abcdef0", "subnet-12"]))]), "subnet_ids[1]", "Invalid subnet_ids", "expected subnet- followed by 8 or 17 hex digits"),
        case("empty subnet list", CONNECTOR, s3(vec![(args::SUBNET_IDS, Value::List(vec![]))]), "subnet_ids", "Empty subnet_ids", "must list at least one value"),
        case("security groups with vpc false", CONNECTOR, s3(vec![(args::VPC, Value::Bool(false)), (args::SECURITY_GROUP_IDS, list(&["sg-0123456789abcdef0"]))]), "security_group_ids", "VPC placement without vpc", "set vpc = true"),
        case("source document not JSON", CONNECTOR, s3(vec![(args::SOURCE_POLICY_DOCUMENTS, list(&["{\"Version\":\"2012-10-17\",\"Statement\":["]))]), "source_policy_documents[0]", "Invalid document in source_policy_documents", "not valid JSON"),
        case("principal in a source document", CONNECTOR, s3(vec![(args::SOURCE_POLICY_DOCUMENTS, list(&["{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\",\"Principal\":\"*\"}]}"]))]), "source_policy_documents[0]", "Invalid document in source_policy_documents", "Statement[0].Principal: a permissions policy must not name a Principal"),
        case("non-Latin-1 Sid in an override document", CONNECTOR, s3(vec![(args::OVERRIDE_POLICY_DOCUMENTS, list(&["{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Caf\u{e9}\u{2013}\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}"]))]), "override_policy_documents[0]", "Invalid document in override_policy_documents", "is not allowed in IAM policies"),
        case("source Sid clashing with a built-in one", CONNECTOR, s3(vec![(args::SOURCE_POLICY_DOCUMENTS, list(&["{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"AllowsAmazonQToListS3Buckets\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}"]))]), "source_policy_documents[0]", "Conflicting statement ids", "Sid \"AllowsAmazonQToListS3Buckets\" is already used by another statement"),
        case("unknown condition operator", CONNECTOR, s3(vec![(args::STATEMENT, statement(vec![(args::ACTIONS, list(&["s3:GetObject"])), (args::RESOURCES, list(&["*"])), (args::CONDITION, condition("StringEqual", "aws:SourceVpc", &["vpc-1"]))]))]), "statement[0].condition[0].test", "Invalid test", "\"StringEqual\" is not an IAM condition operator"),
        case("condition key without prefix", CONNECTOR, s3(vec![(args::STATEMENT, statement(vec![(args::ACTIONS, list(&["s3:GetObject"])), (args::RESOURCES, list(&["*"])), (args::CONDITION, condition("StringEquals", "SourceVpc", &["vpc-1"]))]))]), "statement[0].condition[0].variable", "Invalid variable", "is not a condition key"),
        case("action with a space", CONNECTOR, s3(vec![(args::STATEMENT, statement(vec![(args::ACTIONS, list(&["s3 GetObject"])), (args::RESOURCES, list(&["*"]))]))]), "statement[0].actions", "Invalid statement", "\"s3 GetObject\" is not an action"),
        case("resource that is not an ARN", CONNECTOR, s3(vec![(args::STATEMENT, statement(vec![(args::ACTIONS, list(&["s3:GetObject"])), (args::RESOURCES, list(&["my-bucket"]))]))]), "statement[0].resources", "Invalid statement", "is not \"*\" or an ARN"),
        case("statement without resources", CONNECTOR, s3(vec![(args::STATEMENT, statement(vec![(args::ACTIONS, list(&["s3:GetObject"]))]))]), "statement[0].resources", "Missing required argument", "A statement needs resources or not_resources."),
        case("effect in lower case", CONNECTOR, s3(vec![(args::STATEMENT, statement(vec![(args::EFFECT, s("allow")), (args::ACTIONS, list(&["s3:GetObject"])), (args::RESOURCES, list(&["*"]))]))]), "statement[0].effect", "Invalid effect", "valid are \"Allow\" and \"Deny\""),
        case("statement Sid clashing with a built-in one", CONNECTOR, s3(vec![(args::STATEMENT, statement(vec![(args::SID, s("AllowsAmazonQToIngestDocuments")), (args::ACTIONS, list(&["s3:GetObject"])), (args::RESOURCES, list(&["*"]))]))]), "statement[0].sid", "Conflicting statement ids", "Sid \"AllowsAmazonQToIngestDocuments\" is already used"),
        case("Sid with a hyphen", CONNECTOR, s3(vec![(args::STATEMENT, statement(vec![(args::SID, s("my-sid")), (args::ACTIONS, list(&["s3:GetObject"])), (args::RESOURCES, list(&["*"]))]))]), "statement[0].sid", "Invalid statement", "may contain only letters and digits"),
        case("unknown trust kind", TRUST, vec![(args::KIND, s("lambda"))], "kind", "Unknown kind", "valid values are connector, application, oidc_secret, web_experience_identity_center, kendra_retriever, plugin, document_enrichment, web_experience_saml, web_experience_oidc"),
        case("SAML provider for the application trust", TRUST, vec![(args::KIND, s("application")), (args::SAML_PROVIDER_ARN, s("arn:aws:iam::123456789012:saml-provider/idp"))], "saml_provider_arn", "Argument not accepted here", "kind \"application\" does not take saml_provider_arn; it takes application_id, partition, region, account_id."),
        case("connector trust without application id", TRUST, vec![(args::KIND, s("connector"))], "application_id", "Missing required argument", "kind \"connector\" needs application_id."),
        case("OIDC provider as SAML provider", TRUST, vec![(args::KIND, s("web_experience_saml")), (args::SAML_PROVIDER_ARN, s("arn:aws:iam::123456789012:oidc-provider/x")), (args::WEB_EXPERIENCE_URL, s("https://a.on.aws"))], "saml_provider_arn", "Invalid saml_provider_arn", "names no resource \"saml-provider/\""),
        case("web experience URL without https", TRUST, vec![(args::KIND, s("web_experience_saml")), (args::SAML_PROVIDER_ARN, s("arn:aws:iam::123456789012:saml-provider/x")), (args::WEB_EXPERIENCE_URL, s("abcd.on.aws"))], "web_experience_url", "Invalid web_experience_url", "expected https://HOST with no path"),
        case("OIDC trust without client ids", TRUST, vec![(args::KIND, s("web_experience_oidc")), (args::OIDC_PROVIDER_ARN, s("arn:aws:iam::123456789012:oidc-provider/x"))], "client_ids", "Missing required argument", "kind \"web_experience_oidc\" needs client_ids."),
        case("trust size quota above 4096", TRUST, vec![(args::KIND, s("application")), (args::SIZE_QUOTA, Value::Number(5000.0))], "size_quota", "Invalid size_quota", "a whole number from 2048 (the default) to 4096"),
        case("Q Apps for the OIDC secret role", WEB, vec![(args::KIND, s("oidc_client_secret")), (args::SECRET_ARN, s(SECRET_ARN)), (args::Q_APPS, Value::Bool(true))], "q_apps", "Argument not accepted here", "kind \"oidc_client_secret\" does not take q_apps"),
        case("web experience key in another region", WEB, vec![(args::APPLICATION_ID, s(APPLICATION_ID)), (args::KMS_KEY_ARN, s("arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"))], "kms_key_arn", "ARN in another region", "is in region eu-west-1, but the application is in us-east-1"),
        case("unknown web experience kind", WEB, vec![(args::KIND, s("idc"))], "kind", "Unknown kind", "valid values are iam_federation, identity_center, oidc_client_secret"),
        case("FSx without VPC", CONNECTOR, vec![(args::CONNECTOR, s("fsx_windows")), (args::APPLICATION_ID, s(APPLICATION_ID)), (args::INDEX_ID, s(INDEX_ID)), (args::SECRET_ARN, s(SECRET_ARN))], "vpc", "Missing required argument", "reaches its source only inside your VPC: set vpc = true or subnet_ids."),
        case("crawler key without secret", CONNECTOR, vec![(args::CONNECTOR, s("web_crawler")), (args::APPLICATION_ID, s(APPLICATION_ID)), (args::INDEX_ID, s(INDEX_ID)), (args::KMS_KEY_ARN, s("arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"))], "kms_key_arn", "Key without secret", "set secret_arn too"),
        case("VPC for Smartsheet", CONNECTOR, vec![(args::CONNECTOR, s("smartsheet")), (args::APPLICATION_ID, s(APPLICATION_ID)), (args::INDEX_ID, s(INDEX_ID)), (args::SECRET_ARN, s(SECRET_ARN)), (args::VPC, Value::Bool(true))], "vpc", "Argument not accepted here", "connector \"smartsheet\" (Smartsheet) does not take vpc"),
        case("seed prefix without bucket", CONNECTOR, vec![(args::CONNECTOR, s("web_crawler")), (args::APPLICATION_ID, s(APPLICATION_ID)), (args::INDEX_ID, s(INDEX_ID)), (args::SEED_URLS_KEY_PREFIX, s("seeds/"))], "seed_urls_key_prefix", "Key prefix without bucket", "seed_urls_key_prefix needs seed_urls_bucket"),
        case("enrichment without Lambda function", ROLE, vec![(args::ROLE, s("document_enrichment")), (args::BUCKET, s("my-enrichment"))], "lambda_function_arn", "Missing required argument", "role \"document_enrichment\" needs lambda_function_arn."),
        case("Lambda layer instead of function", ROLE, vec![(args::ROLE, s("document_enrichment")), (args::BUCKET, s("my-enrichment")), (args::LAMBDA_FUNCTION_ARN, s("arn:aws:lambda:us-east-1:123456789012:layer:x"))], "lambda_function_arn", "Invalid lambda_function_arn", "names no resource \"function:\""),
        case("region for the plugin role", ROLE, vec![(args::ROLE, s("plugin")), (args::SECRET_ARN, s(SECRET_ARN)), (args::REGION, s("us-east-1"))], "region", "Argument not accepted here", "role \"plugin\" does not take region; it takes secret_arn, kms_key_arn."),
        case("unknown connector template", CONNECTORS, vec![(args::TEMPLATE, s("database"))], "template", "Unknown template", "valid values are s3, saas, server, saas_no_vpc, file_system, web_crawler."),
        case("connector trust with bad account id", TRUST, vec![(args::KIND, s("connector")), (args::APPLICATION_ID, s(APPLICATION_ID)), (args::ACCOUNT_ID, s("1234567890123"))], "account_id", "Invalid account_id", "it must be exactly 12 digits"),
        case("GovCloud region for the application", APPLICATION, vec![(args::REGION, s("us-gov-west-1"))], "region", "Region without Amazon Q Business", "is in partition aws-us-gov, not aws"),
        case("GovCloud partition for the web experience", WEB, vec![(args::APPLICATION_ID, s(APPLICATION_ID)), (args::PARTITION, s("aws-us-gov")), (args::REGION, s("us-gov-west-1"))], "partition", "Partition without Amazon Q Business", "it runs only in partition aws"),
        case("KMS key as secret ARN", CONNECTOR, vec![(args::CONNECTOR, s("aem_cloud")), (args::APPLICATION_ID, s(APPLICATION_ID)), (args::INDEX_ID, s(INDEX_ID)), (args::SECRET_ARN, s("arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"))], "secret_arn", "Invalid secret_arn", "is a kms ARN, expected a secretsmanager ARN"),
        case("empty bucket", CONNECTOR, s3(vec![(args::BUCKET, s(""))]), "bucket", "Empty bucket", "bucket must not be empty"),
        case("upper-case security group id", CONNECTOR, s3(vec![(args::SECURITY_GROUP_IDS, list(&["sg-XYZ"]))]), "security_group_ids[0]", "Invalid security_group_ids", "expected sg- followed by 8 or 17 hex digits"),
        case("duplicate Sid in one override document", CONNECTOR, s3(vec![(args::OVERRIDE_POLICY_DOCUMENTS, list(&["{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"},{\"Sid\":\"A\",\"Effect\":\"Deny\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}"]))]), "override_policy_documents[0]", "Invalid document in override_policy_documents", "Statement[1].Sid: Sid \"A\" is used by more than one statement"),
        case("source document over the inline quota", CONNECTOR, s3(vec![(args::SOURCE_POLICY_DOCUMENTS, list(&[&oversized_document()]))]), "", "permissions policy too large", "IAM allows at most 10240"),
        case("short Kendra index id", ROLE, vec![(args::ROLE, s("kendra_retriever")), (args::KENDRA_INDEX_ID, s("index-1"))], "kendra_index_id", "Invalid kendra_index_id", "ids are 36 characters"),
        case("SAML web experience URL with a path", TRUST, vec![(args::KIND, s("web_experience_saml")), (args::SAML_PROVIDER_ARN, s("arn:aws:iam::123456789012:saml-provider/x")), (args::WEB_EXPERIENCE_URL, s("https://x.on.aws/saml"))], "web_experience_url", "Invalid web_experience_url", "with no path"),
        case("empty condition values", CONNECTOR, s3(vec![(args::STATEMENT, statement(vec![(args::ACTIONS, list(&["s3:GetObject"])), (args::RESOURCES, list(&["*"])), (args::CONDITION, condition("StringEquals", "aws:SourceVpc", &[]))]))]), "statement[0].condition[0].values", "Empty values", "must list at least one value"),
        case("curly quote in a resource", CONNECTOR, s3(vec![(args::STATEMENT, statement(vec![(args::ACTIONS, list(&["s3:GetObject"])), (args::RESOURCES, list(&["arn:aws:s3:::caf\u{e9}\u{2019}s/*"]))]))]), "statement[0].resources[0]", "Character not allowed in IAM policies", "U+2019"),
        case("short web experience id", WEB, vec![(args::APPLICATION_ID, s(APPLICATION_ID)), (args::WEB_EXPERIENCE_ID, s("wex-1"))], "web_experience_id", "Invalid web_experience_id", "ids are 36 characters"),
        case("empty template", CONNECTORS, vec![(args::TEMPLATE, s(""))], "template", "Empty template", "template must not be empty"),
        case("null connector", CONNECTOR, s3(vec![(args::CONNECTOR, Value::Null)]), "connector", "Missing required argument", "The argument \"connector\" is required, but it is null."),
        case("null condition test", CONNECTOR, s3(vec![(args::STATEMENT, statement(vec![(args::ACTIONS, list(&["s3:GetObject"])), (args::RESOURCES, list(&["*"])), (args::CONDITION, Value::List(vec![Value::object([(args::TEST, Value::Null), (args::VARIABLE, s("aws:SourceVpc")), (args::VALUES, list(&["vpc-1"]))])]))]))]), "statement[0].condition[0].test", "Missing required argument", "The argument \"test\" is required, but it is null."),
        case("malformed application id for the application role", APPLICATION, vec![(args::APPLICATION_ID, s("not-an-id"))], "application_id", "Invalid application_id", "ids are 36 characters"),
        case("empty account id", APPLICATION, vec![(args::ACCOUNT_ID, s(""))], "account_id", "Empty account_id", "must not be empty"),
        // No input may widen a document: every value pasted into an ARN names one resource.
        case("wildcard secret ARN", CONNECTOR, vec![(args::CONNECTOR, s("aem_cloud")), (args::APPLICATION_ID, s(APPLICATION_ID)), (args::INDEX_ID, s(INDEX_ID)), (args::SECRET_ARN, s("arn:aws:secretsmanager:us-east-1:123456789012:secret:*"))], "secret_arn", "Invalid secret_arn", "must name one resource: wildcards (* and ?) and policy variables"),
        case("wildcard KMS key for the web experience", WEB, vec![(args::APPLICATION_ID, s(APPLICATION_ID)), (args::KMS_KEY_ARN, s("arn:aws:kms:us-east-1:123456789012:key/*"))], "kms_key_arn", "Invalid kms_key_arn", "must name one resource"),
        case("wildcard Lambda function", ROLE, vec![(args::ROLE, s("document_enrichment")), (args::BUCKET, s("my-enrichment")), (args::LAMBDA_FUNCTION_ARN, s("arn:aws:lambda:us-east-1:123456789012:function:*"))], "lambda_function_arn", "Invalid lambda_function_arn", "must name one resource"),
        case("policy variable in a secret ARN", ROLE, vec![(args::ROLE, s("plugin")), (args::SECRET_ARN, s("arn:aws:secretsmanager:us-east-1:123456789012:secret:${aws:username}"))], "secret_arn", "Invalid secret_arn", "must name one resource"),
        case("question mark in a key ARN", CONNECTOR, s3(vec![(args::KMS_KEY_ARN, s("arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890a?"))]), "kms_key_arn", "Invalid kms_key_arn", "must name one resource"),
        case("key ARN without region", CONNECTOR, s3(vec![(args::KMS_KEY_ARN, s("arn:aws:kms::123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"))]), "kms_key_arn", "Invalid kms_key_arn", "has no region"),
        case("secret ARN without account", CONNECTOR, vec![(args::CONNECTOR, s("aem_cloud")), (args::APPLICATION_ID, s(APPLICATION_ID)), (args::INDEX_ID, s(INDEX_ID)), (args::SECRET_ARN, s("arn:aws:secretsmanager:us-east-1::secret:x-AbCdEf"))], "secret_arn", "Invalid secret_arn", "has no account id"),
        case("wildcard SAML provider", TRUST, vec![(args::KIND, s("web_experience_saml")), (args::SAML_PROVIDER_ARN, s("arn:aws:iam::123456789012:saml-provider/*")), (args::WEB_EXPERIENCE_URL, s("https://a.on.aws"))], "saml_provider_arn", "Invalid saml_provider_arn", "must name one resource"),
        case("wildcard OIDC provider", TRUST, vec![(args::KIND, s("web_experience_oidc")), (args::OIDC_PROVIDER_ARN, s("arn:aws:iam::123456789012:oidc-provider/*")), (args::CLIENT_IDS, list(&["web"]))], "oidc_provider_arn", "Invalid oidc_provider_arn", "must name one resource"),
        case("OIDC provider without host", TRUST, vec![(args::KIND, s("web_experience_oidc")), (args::OIDC_PROVIDER_ARN, s("arn:aws:iam::123456789012:oidc-provider/:x")), (args::CLIENT_IDS, list(&["web"]))], "oidc_provider_arn", "Invalid oidc_provider_arn", "where the issuer's host and optional path belong"),
        case("IAM provider ARN with a region", TRUST, vec![(args::KIND, s("web_experience_saml")), (args::SAML_PROVIDER_ARN, s("arn:aws:iam:us-east-1:123456789012:saml-provider/idp")), (args::WEB_EXPERIENCE_URL, s("https://a.on.aws"))], "saml_provider_arn", "Invalid saml_provider_arn", "but iam ARNs have none"),
        case("plugin key in another partition", ROLE, vec![(args::ROLE, s("plugin")), (args::SECRET_ARN, s(SECRET_ARN)), (args::KMS_KEY_ARN, s("arn:aws-cn:kms:cn-north-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"))], "kms_key_arn", "ARN in another partition", "is in partition aws-cn, but this policy is for partition aws"),
        case("enrichment function in another partition", ROLE, vec![(args::ROLE, s("document_enrichment")), (args::BUCKET, s("my-enrichment")), (args::LAMBDA_FUNCTION_ARN, s("arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:hook"))], "lambda_function_arn", "ARN in another partition", "is in partition aws-us-gov"),
        case("S3 key in another region than the index", CONNECTOR, s3(vec![(args::KMS_KEY_ARN, s("arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"))]), "kms_key_arn", "ARN in another region", "is in region eu-west-1, but the index is in us-east-1"),
        case("client secret key in another region than the secret", WEB, vec![(args::KIND, s("oidc_client_secret")), (args::SECRET_ARN, s(SECRET_ARN)), (args::KMS_KEY_ARN, s("arn:aws:kms:us-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"))], "kms_key_arn", "ARN in another region", "but the secret is in us-east-1"),
        case("KMS alias instead of a key", WEB, vec![(args::APPLICATION_ID, s(APPLICATION_ID)), (args::KMS_KEY_ARN, s("arn:aws:kms:us-east-1:123456789012:alias/qbusiness"))], "kms_key_arn", "Invalid kms_key_arn", "names no resource \"key/\""),
        case("bucket named like an IP address", CONNECTOR, s3(vec![(args::BUCKET, s("192.168.5.4"))]), "bucket", "Invalid bucket", "names formatted as an IP address are not allowed"),
        case("bucket with a reserved prefix", CONNECTOR, s3(vec![(args::BUCKET, s("xn--docs"))]), "bucket", "Invalid bucket", "the prefixes xn--, sthree- and amzn-s3-demo- are reserved"),
        case("bucket with a reserved suffix", ROLE, vec![(args::ROLE, s("document_enrichment")), (args::BUCKET, s("docs--ol-s3")), (args::LAMBDA_FUNCTION_ARN, s("arn:aws:lambda:us-east-1:123456789012:function:hook"))], "bucket", "Invalid bucket", "are reserved"),
        case("duplicate Effect key in a source document", CONNECTOR, s3(vec![(args::SOURCE_POLICY_DOCUMENTS, list(&["{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}"]))]), "source_policy_documents[0]", "Invalid document in source_policy_documents", "the key \"Effect\" appears twice in one object"),
        case("escaped NUL in an override document", CONNECTOR, s3(vec![(args::OVERRIDE_POLICY_DOCUMENTS, list(&["{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::a\\u0000b\"}]}"]))]), "override_policy_documents[0]", "Invalid document in override_policy_documents", "(U+0000) is not allowed in IAM policies"),
        case("Bool condition that is neither true nor false", CONNECTOR, s3(vec![(args::STATEMENT, statement(vec![(args::ACTIONS, list(&["s3:GetObject"])), (args::RESOURCES, list(&["*"])), (args::CONDITION, condition("Bool", "aws:SecureTransport", &["yes"]))]))]), "statement[0].condition[0].values", "Invalid values", "Bool compares with true or false only"),
        case("typo in a statement's action", CONNECTOR, s3(vec![(args::STATEMENT, statement(vec![(args::ACTIONS, list(&["s3:GetObject", "s3:GetObjekt"])), (args::RESOURCES, list(&["*"]))]))]), "statement[0].actions[1]", "Invalid statement", "\"s3:GetObjekt\" is not an action of s3"),
        case("resource no action of the statement acts on", CONNECTOR, s3(vec![(args::STATEMENT, statement(vec![(args::ACTIONS, list(&["s3:GetObject"])), (args::RESOURCES, list(&["arn:aws:s3:::my-docs/*", "arn:aws:sqs:us-east-1:123456789012:queue"]))]))]), "statement[0].resources[1]", "Invalid statement", "is no resource any action of the statement acts on"),
        case("typo in a source document's action", CONNECTOR, s3(vec![(args::SOURCE_POLICY_DOCUMENTS, list(&["{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObjekt\",\"Resource\":\"*\"}]}"]))]), "source_policy_documents[0]", "Invalid document in source_policy_documents", "Statement[0].Action: \"s3:GetObjekt\" is not an action of s3"),
        case("empty resources in a statement", CONNECTOR, s3(vec![(args::STATEMENT, statement(vec![(args::ACTIONS, list(&["s3:GetObject"])), (args::RESOURCES, Value::List(vec![]))]))]), "statement[0].resources", "Empty resources", "resources must list at least one value, e.g. resources = [\"arn:aws:s3:::my-bucket/*\"]."),
        case("trust statement with an s3 action", TRUST, vec![(args::KIND, s("connector")), (args::APPLICATION_ID, s(APPLICATION_ID)), (args::STATEMENT, Value::List(vec![Value::object([(args::ACTIONS, list(&["s3:GetObject"])), (args::PRINCIPALS, Value::List(vec![Value::object([(args::TYPE, s("AWS")), (args::IDENTIFIERS, list(&["arn:aws:iam::210987654321:root"]))])]))])]))], "statement[0].actions", "Invalid statement", "\"s3:GetObject\" is not an sts action"),
        case("policy variable in a key prefix", CONNECTOR, vec![(args::CONNECTOR, s("aem_server")), (args::APPLICATION_ID, s(APPLICATION_ID)), (args::INDEX_ID, s(INDEX_ID)), (args::SECRET_ARN, s(SECRET_ARN)), (args::SSL_CERTIFICATE_BUCKET, s("certs")), (args::SSL_CERTIFICATE_KEY_PREFIX, s("${aws:username}/"))], "ssl_certificate_key_prefix", "Invalid ssl_certificate_key_prefix", "policy variables"),
        // Round 3: no region, client id or principal widens a document, whatever flag is set.
        case("wildcard region with skip_region_validation", CONNECTOR, s3(vec![(args::REGION, s("*")), (args::SKIP_REGION_VALIDATION, Value::Bool(true))]), "region", "Invalid region", "\"*\" is not an AWS region name: lowercase letters in hyphenated parts ending in a number, e.g. \"us-east-1\""),
        case("region pattern with skip_region_validation", APPLICATION, vec![(args::REGION, s("us-*-1")), (args::SKIP_REGION_VALIDATION, Value::Bool(true))], "region", "Invalid region", "\"us-*-1\" is not an AWS region name"),
        case("question-mark region for a trust", TRUST, vec![(args::KIND, s("connector")), (args::APPLICATION_ID, s(APPLICATION_ID)), (args::REGION, s("?")), (args::SKIP_REGION_VALIDATION, Value::Bool(true))], "region", "Invalid region", "\"?\" is not an AWS region name"),
        case("policy-variable region for the web experience", WEB, vec![(args::APPLICATION_ID, s(APPLICATION_ID)), (args::REGION, s("${aws:RequestedRegion}")), (args::SKIP_REGION_VALIDATION, Value::Bool(true))], "region", "Invalid region", "\"${aws:RequestedRegion}\" is not an AWS region name"),
        case("region that names another account", ROLE, vec![(args::ROLE, s("kendra_retriever")), (args::KENDRA_INDEX_ID, s(INDEX_ID)), (args::REGION, s("us-east-1:210987654321")), (args::SKIP_REGION_VALIDATION, Value::Bool(true))], "region", "Invalid region", "\"us-east-1:210987654321\" is not an AWS region name"),
        case("China region with skip_region_validation", CONNECTOR, s3(vec![(args::REGION, s("cn-north-1")), (args::SKIP_REGION_VALIDATION, Value::Bool(true))]), "region", "Region without Amazon Q Business", "region \"cn-north-1\" is in partition aws-cn, not aws; in aws Amazon Q Business runs in"),
        case("isolated region with skip_region_validation", TRUST, vec![(args::KIND, s("connector")), (args::APPLICATION_ID, s(APPLICATION_ID)), (args::REGION, s("us-iso-east-1")), (args::SKIP_REGION_VALIDATION, Value::Bool(true))], "region", "Region without Amazon Q Business", "region \"us-iso-east-1\" is in an isolated partition, not aws"),
        case("trust kind of 100,000 characters", TRUST, vec![(args::KIND, Value::String("k".repeat(100_000)))], "kind", "Unknown kind", "… (100000 characters)\" is not a valid kind; valid values are connector,"),
        case("region with a trailing space", CONNECTOR, s3(vec![(args::REGION, s("us-east-1 "))]), "region", "Invalid region", "\"us-east-1 \" is not an AWS region name"),
        case("client id that is the issuer's own audience variable", TRUST, vec![(args::KIND, s("web_experience_oidc")), (args::OIDC_PROVIDER_ARN, s("arn:aws:iam::123456789012:oidc-provider/login.example.com")), (args::CLIENT_IDS, list(&["${login.example.com:aud}"]))], "client_ids[0]", "Invalid client_ids", "\"${login.example.com:aud}\" is not an OIDC client id: it is compared with StringEquals, and wildcards (* and ?) and policy variables"),
        case("client id that is a username variable", TRUST, vec![(args::KIND, s("web_experience_oidc")), (args::OIDC_PROVIDER_ARN, s("arn:aws:iam::123456789012:oidc-provider/login.example.com")), (args::CLIENT_IDS, list(&["web", "${aws:username}"]))], "client_ids[1]", "Invalid client_ids", "is compared with StringEquals"),
        case("client id with a wildcard", TRUST, vec![(args::KIND, s("web_experience_oidc")), (args::OIDC_PROVIDER_ARN, s("arn:aws:iam::123456789012:oidc-provider/login.example.com")), (args::CLIENT_IDS, list(&["qbusiness-*"]))], "client_ids[0]", "Invalid client_ids", "is compared with StringEquals"),
        case("client id with a newline", TRUST, vec![(args::KIND, s("web_experience_oidc")), (args::OIDC_PROVIDER_ARN, s("arn:aws:iam::123456789012:oidc-provider/login.example.com")), (args::CLIENT_IDS, list(&["web\nmobile"]))], "client_ids[0]", "Invalid client_ids", "no control characters such as newlines"),
        case("client id with an en dash", TRUST, vec![(args::KIND, s("web_experience_oidc")), (args::OIDC_PROVIDER_ARN, s("arn:aws:iam::123456789012:oidc-provider/login.example.com")), (args::CLIENT_IDS, list(&["web\u{2013}app"]))], "client_ids[0]", "Character not allowed in IAM policies", "'–' (U+2013) is not allowed in IAM policies"),
        case("account wildcard in a trust principal", TRUST, vec![(args::KIND, s("connector")), (args::APPLICATION_ID, s(APPLICATION_ID)), (args::STATEMENT, statement(vec![(args::ACTIONS, list(&["sts:AssumeRole"])), (args::PRINCIPALS, Value::List(vec![Value::object([(args::TYPE, s("AWS")), (args::IDENTIFIERS, list(&["arn:aws:iam::*:root"]))])]))]))], "statement[0].principals[0].identifiers[0]", "Invalid statement", "\"arn:aws:iam::*:root\" is not a principal IAM accepts"),
        case("role-name wildcard in a trust principal", TRUST, vec![(args::KIND, s("connector")), (args::APPLICATION_ID, s(APPLICATION_ID)), (args::STATEMENT, statement(vec![(args::ACTIONS, list(&["sts:AssumeRole"])), (args::PRINCIPALS, Value::List(vec![Value::object([(args::TYPE, s("AWS")), (args::IDENTIFIERS, list(&["arn:aws:iam::123456789012:root", "arn:aws:iam::123456789012:role/team-*"]))])]))]))], "statement[0].principals[0].identifiers[1]", "Invalid statement", "\"arn:aws:iam::123456789012:role/team-*\" is not a principal IAM accepts"),
        case("wildcard principal in a source trust document", TRUST, vec![(args::KIND, s("connector")), (args::APPLICATION_ID, s(APPLICATION_ID)), (args::SOURCE_POLICY_DOCUMENTS, list(&["{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::*:root\"},\"Action\":\"sts:AssumeRole\"}]}"]))], "source_policy_documents[0]", "Invalid document in source_policy_documents", "Statement[0].Principal: \"arn:aws:iam::*:root\" is not a principal IAM accepts"),
        case("key prefix with a euro sign", CONNECTOR, vec![(args::CONNECTOR, s("aem_server")), (args::APPLICATION_ID, s(APPLICATION_ID)), (args::INDEX_ID, s(INDEX_ID)), (args::SECRET_ARN, s(SECRET_ARN)), (args::SSL_CERTIFICATE_BUCKET, s("certs")), (args::SSL_CERTIFICATE_KEY_PREFIX, s("certs\u{20ac}/"))], "ssl_certificate_key_prefix", "Character not allowed in IAM policies", "'€' (U+20AC) is not allowed in IAM policies"),
        case("key prefix with a zero-width space", CONNECTOR, vec![(args::CONNECTOR, s("aem_server")), (args::APPLICATION_ID, s(APPLICATION_ID)), (args::INDEX_ID, s(INDEX_ID)), (args::SECRET_ARN, s(SECRET_ARN)), (args::SSL_CERTIFICATE_BUCKET, s("certs")), (args::SSL_CERTIFICATE_KEY_PREFIX, s("certs\u{200b}/"))], "ssl_certificate_key_prefix", "Character not allowed in IAM policies", "(U+200B) is not allowed in IAM policies"),
        case("secret ARN of a megabyte", CONNECTOR, vec![(args::CONNECTOR, s("aem_cloud")), (args::APPLICATION_ID, s(APPLICATION_ID)), (args::INDEX_ID, s(INDEX_ID)), (args::SECRET_ARN, Value::String(format!("arn:aws:secretsmanager:us-east-1:123456789012:secret:{}", "n".repeat(1 << 20))))], "secret_arn", "Invalid secret_arn", "… (1048576 characters)\" where a secret name belongs"),
        case("plugin secret in aws-cn", ROLE, vec![(args::ROLE, s("plugin")), (args::SECRET_ARN, s("arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:plugin-AbCdEf"))], "secret_arn", "ARN in another partition", "is in partition aws-cn, but this policy is for partition aws"),
        case("client secret in aws-us-gov", WEB, vec![(args::KIND, s("oidc_client_secret")), (args::SECRET_ARN, s("arn:aws-us-gov:secretsmanager:us-gov-west-1:123456789012:secret:client-AbCdEf"))], "secret_arn", "ARN in another partition", "is in partition aws-us-gov, but this policy is for partition aws"),
        case("connector secret in aws-cn", CONNECTOR, vec![(args::CONNECTOR, s("aem_cloud")), (args::APPLICATION_ID, s(APPLICATION_ID)), (args::INDEX_ID, s(INDEX_ID)), (args::SECRET_ARN, s("arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:c-AbCdEf"))], "secret_arn", "ARN in another partition", "is in partition aws-cn, but this policy is for partition aws"),
        case("SAML provider in aws-cn", TRUST, vec![(args::KIND, s("web_experience_saml")), (args::SAML_PROVIDER_ARN, s("arn:aws-cn:iam::123456789012:saml-provider/idp")), (args::WEB_EXPERIENCE_URL, s("https://a.chat.qbusiness.us-east-1.on.aws"))], "saml_provider_arn", "ARN in another partition", "is in partition aws-cn, but this policy is for partition aws"),
        case("connector role in aws-us-gov for the bucket policy", BUCKET, vec![(args::BUCKET, s("my-docs")), (args::CONNECTOR_ROLE_ARN, s("arn:aws-us-gov:iam::123456789012:role/qbusiness-s3"))], "connector_role_arn", "ARN in another partition", "is in partition aws-us-gov"),
        case("secret ARN with a China region in aws", ROLE, vec![(args::ROLE, s("plugin")), (args::SECRET_ARN, s("arn:aws:secretsmanager:cn-north-1:123456789012:secret:plugin-AbCdEf"))], "secret_arn", "Invalid secret_arn", "has a region of another partition: region \"cn-north-1\" is in partition aws-cn, not aws"),
        case("web experience URL of a lone dot", TRUST, vec![(args::KIND, s("web_experience_saml")), (args::SAML_PROVIDER_ARN, s("arn:aws:iam::123456789012:saml-provider/idp")), (args::WEB_EXPERIENCE_URL, s("https://."))], "web_experience_url", "Invalid web_experience_url", "expected https://HOST with no path"),
    ]
}

/// A source document too large for any inline quota.
pub fn oversized_document() -> String {
    let statements: Vec<String> = (0..120)
        .map(|i| format!(r#"{{"Sid":"Pad{i:03}","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::a-long-padding-bucket-name-{i:03}/*"}}"#))
        .collect();
    format!(r#"{{"Version":"2012-10-17","Statement":[{}]}}"#, statements.join(","))
}
