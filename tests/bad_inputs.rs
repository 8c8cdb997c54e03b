//! Bad configurations through the plugin protocol: each gets an error diagnostic at the attribute
//! that is wrong, saying what would be valid, and the process keeps serving.

mod common;

use common::cases::{ACCOUNT_ID, APPLICATION_ID, INDEX_ID, REGION, SECRET_ARN};
use common::plugin_process::PluginProcess;
use terraform_provider_qbusiness::plugin::proto::tfplugin6 as pb;
use terraform_provider_qbusiness::plugin::{Provider as _, Value};
use terraform_provider_qbusiness::provider::QBusinessProvider;

struct BadCase {
    data_source: &'static str,
    attributes: Vec<(&'static str, Value)>,
    /// The attribute path as Terraform would print it, e.g. `statement[0].condition[0].test`.
    path: &'static str,
    summary: &'static str,
    detail: &'static str,
}

fn s(text: &str) -> Value {
    Value::string(text)
}

fn list(items: &[&str]) -> Value {
    Value::List(items.iter().map(|i| s(i)).collect())
}

fn s3(extra: Vec<(&'static str, Value)>) -> Vec<(&'static str, Value)> {
    let mut attributes =
        vec![("connector", s("s3")), ("application_id", s(APPLICATION_ID)), ("index_id", s(INDEX_ID)), ("bucket", s("my-docs"))];
    attributes.extend(extra);
    attributes
}

fn statement(attributes: Vec<(&'static str, Value)>) -> Value {
    Value::List(vec![Value::object(attributes)])
}

fn condition(test: &str, variable: &str, values: &[&str]) -> Value {
    Value::List(vec![Value::object([("test", s(test)), ("variable", s(variable)), ("values", list(values))])])
}

const CONNECTOR: &str = "qbusiness_connector_policy";
const TRUST: &str = "qbusiness_trust_policy";
const WEB: &str = "qbusiness_web_experience_policy";
const APPLICATION: &str = "qbusiness_application_policy";
const ROLE: &str = "qbusiness_role_policy";
const CONNECTORS: &str = "qbusiness_connectors";

fn cases() -> Vec<BadCase> {
    let case = |data_source, attributes, path, summary, detail| BadCase { data_source, attributes, path, summary, detail };
    vec![
        case(CONNECTOR, s3(vec![("account_id", s("12345678901"))]), "account_id", "Invalid account_id", "it must be exactly 12 digits"),
        case(CONNECTOR, s3(vec![("account_id", s("1234567890123"))]), "account_id", "Invalid account_id", "it must be exactly 12 digits"),
        case(CONNECTOR, s3(vec![("account_id", s("12345678901a"))]), "account_id", "Invalid account_id", "it must be exactly 12 digits"),
        case(CONNECTOR, s3(vec![("region", s("eu-central-1"))]), "region", "Region without Amazon Q Business", "valid regions are ap-southeast-2, eu-west-1, us-east-1, us-west-2"),
        case(CONNECTOR, s3(vec![("partition", s("aws-eu"))]), "partition", "Invalid partition", "valid partitions are aws, aws-cn and aws-us-gov"),
        case(CONNECTOR, s3(vec![("partition", s("aws-cn"))]), "partition", "Partition without Amazon Q Business", "it runs only in partition aws"),
        case(CONNECTOR, s3(vec![("region", s("cn-north-1"))]), "region", "Region without Amazon Q Business", "is in partition aws-cn, not aws"),
        case(CONNECTOR, s3(vec![("connector", s("sharepoint_2003"))]), "connector", "Unknown connector", "valid connectors are s3, aem_cloud, aem_server,"),
        case(CONNECTOR, s3(vec![("application_id", s(""))]), "application_id", "Empty application_id", "must not be empty"),
        case(CONNECTOR, s3(vec![("index_id", s("idx-1"))]), "index_id", "Invalid index_id", "ids are 36 characters"),
        case(CONNECTOR, s3(vec![("bucket", s("arn:aws:s3:::my-docs"))]), "bucket", "Invalid bucket", "give the name, not an ARN or URL"),
        case(CONNECTOR, s3(vec![("kms_key_arn", s("arn:aws:kms:us-east-1:123456789012"))]), "kms_key_arn", "Invalid kms_key_arn", "is not an ARN"),
        case(CONNECTOR, s3(vec![("kms_key_arn", s(SECRET_ARN))]), "kms_key_arn", "Invalid kms_key_arn", "is a secretsmanager ARN, expected a kms ARN"),
        case(CONNECTOR, s3(vec![("kms_key_arn", s("arn:aws:kms:us-east-1:123456789012:alias/docs"))]), "kms_key_arn", "Invalid kms_key_arn", "names no resource \"key/\""),
        case(CONNECTOR, s3(vec![("kms_key_arn", s("arn:aws-cn:kms:cn-north-1:123456789012:key/x"))]), "kms_key_arn", "ARN in another partition", "is in partition aws-cn, but this policy is for partition aws"),
        case(CONNECTOR, s3(vec![("secret_arn", s(SECRET_ARN))]), "secret_arn", "Argument not accepted here", "connector \"s3\" (Amazon S3) does not take secret_arn; its own arguments are bucket, kms_key_arn, vpc, subnet_ids, security_group_ids."),
        case(CONNECTOR, vec![("connector", s("aem_cloud")), ("application_id", s(APPLICATION_ID)), ("index_id", s(INDEX_ID))], "secret_arn", "Missing required argument", "connector \"aem_cloud\" (Adobe Experience Manager (Cloud)) needs secret_arn."),
        case(CONNECTOR, s3(vec![("subnet_ids", list(&["subnet-0123456789abcdef0", "subnet-12"]))]), "subnet_ids[1]", "Invalid subnet_ids", "expected subnet- followed by 8 or 17 hex digits"),
        case(CONNECTOR, s3(vec![("subnet_ids", Value::List(vec![]))]), "subnet_ids", "Empty subnet_ids", "must list at least one value"),
        case(CONNECTOR, s3(vec![("vpc", Value::Bool(false)), ("security_group_ids", list(&["sg-0123456789abcdef0"]))]), "security_group_ids", "VPC placement without vpc", "set vpc = true"),
        case(CONNECTOR, s3(vec![("source_policy_documents", list(&["{\"Version\":\"2012-10-17\",\"Statement\":["]))]), "source_policy_documents[0]", "Invalid document in source_policy_documents", "not valid JSON"),
        case(CONNECTOR, s3(vec![("source_policy_documents", list(&["{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\",\"Principal\":\"*\"}]}"]))]), "source_policy_documents[0]", "Invalid document in source_policy_documents", "Statement[0].Principal: a permissions policy must not name a Principal"),
        case(CONNECTOR, s3(vec![("override_policy_documents", list(&["{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Caf\u{e9}\u{2013}\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}"]))]), "override_policy_documents[0]", "Invalid document in override_policy_documents", "is not allowed in IAM policies"),
        case(CONNECTOR, s3(vec![("source_policy_documents", list(&["{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"AllowsAmazonQToListS3Buckets\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}"]))]), "source_policy_documents[0]", "Conflicting statement ids", "Sid \"AllowsAmazonQToListS3Buckets\" is already used by another statement"),
        case(CONNECTOR, s3(vec![("statement", statement(vec![("actions", list(&["s3:GetObject"])), ("resources", list(&["*"])), ("condition", condition("StringEqual", "aws:SourceVpc", &["vpc-1"]))]))]), "statement[0].condition[0].test", "Invalid test", "\"StringEqual\" is not an IAM condition operator"),
        case(CONNECTOR, s3(vec![("statement", statement(vec![("actions", list(&["s3:GetObject"])), ("resources", list(&["*"])), ("condition", condition("StringEquals", "SourceVpc", &["vpc-1"]))]))]), "statement[0].condition[0].variable", "Invalid variable", "is not a condition key"),
        case(CONNECTOR, s3(vec![("statement", statement(vec![("actions", list(&["s3 GetObject"])), ("resources", list(&["*"]))]))]), "statement[0].actions", "Invalid statement", "\"s3 GetObject\" is not an action"),
        case(CONNECTOR, s3(vec![("statement", statement(vec![("actions", list(&["s3:GetObject"])), ("resources", list(&["my-bucket"]))]))]), "statement[0].resources", "Invalid statement", "is not \"*\" or an ARN"),
        case(CONNECTOR, s3(vec![("statement", statement(vec![("actions", list(&["s3:GetObject"]))]))]), "statement[0].resources", "Missing required argument", "A statement needs resources or not_resources."),
        case(CONNECTOR, s3(vec![("statement", statement(vec![("effect", s("allow")), ("actions", list(&["s3:GetObject"])), ("resources", list(&["*"]))]))]), "statement[0].effect", "Invalid effect", "valid are \"Allow\" and \"Deny\""),
        case(CONNECTOR, s3(vec![("statement", statement(vec![("sid", s("AllowsAmazonQToIngestDocuments")), ("actions", list(&["s3:GetObject"])), ("resources", list(&["*"]))]))]), "statement[0].sid", "Conflicting statement ids", "Sid \"AllowsAmazonQToIngestDocuments\" is already used"),
        case(CONNECTOR, s3(vec![("statement", statement(vec![("sid", s("my-sid")), ("actions", list(&["s3:GetObject"])), ("resources", list(&["*"]))]))]), "statement[0].sid", "Invalid statement", "may contain only letters and digits"),
        case(TRUST, vec![("kind", s("lambda"))], "kind", "Unknown kind", "valid values are connector, application, oidc_secret, web_experience_identity_center, kendra_retriever, plugin, document_enrichment, web_experience_saml, web_experience_oidc"),
        case(TRUST, vec![("kind", s("application")), ("application_id", s(APPLICATION_ID))], "application_id", "Argument not accepted here", "kind \"application\" does not take application_id; it takes partition, region, account_id."),
        case(TRUST, vec![("kind", s("connector"))], "application_id", "Missing required argument", "kind \"connector\" needs application_id."),
        case(TRUST, vec![("kind", s("web_experience_saml")), ("saml_provider_arn", s("arn:aws:iam::123456789012:oidc-provider/x")), ("web_experience_url", s("https://a.on.aws"))], "saml_provider_arn", "Invalid saml_provider_arn", "names no resource \"saml-provider/\""),
        case(TRUST, vec![("kind", s("web_experience_saml")), ("saml_provider_arn", s("arn:aws:iam::123456789012:saml-provider/x")), ("web_experience_url", s("abcd.on.aws"))], "web_experience_url", "Invalid web_experience_url", "expected https://HOST with no path"),
        case(TRUST, vec![("kind", s("web_experience_oidc")), ("oidc_provider_arn", s("arn:aws:iam::123456789012:oidc-provider/x"))], "client_ids", "Missing required argument", "kind \"web_experience_oidc\" needs client_ids."),
        case(TRUST, vec![("kind", s("application")), ("size_quota", Value::Number(5000.0))], "size_quota", "Invalid size_quota", "a whole number from 2048 (the default) to 4096"),
        case(WEB, vec![("kind", s("oidc_client_secret")), ("secret_arn", s(SECRET_ARN)), ("q_apps", Value::Bool(true))], "q_apps", "Argument not accepted here", "kind \"oidc_client_secret\" does not take q_apps"),
        case(WEB, vec![("application_id", s(APPLICATION_ID)), ("kms_key_arn", s("arn:aws:kms:eu-west-1:123456789012:key/x"))], "kms_key_arn", "Key outside the application's region", "is in region eu-west-1, but the application is in us-east-1"),
        case(WEB, vec![("kind", s("idc"))], "kind", "Unknown kind", "valid values are iam_federation, identity_center, oidc_client_secret"),
        case(CONNECTOR, vec![("connector", s("fsx_windows")), ("application_id", s(APPLICATION_ID)), ("index_id", s(INDEX_ID)), ("secret_arn", s(SECRET_ARN))], "vpc", "Missing required argument", "reaches its source only inside your VPC: set vpc = true or subnet_ids."),
        case(CONNECTOR, vec![("connector", s("web_crawler")), ("application_id", s(APPLICATION_ID)), ("index_id", s(INDEX_ID)), ("kms_key_arn", s("arn:aws:kms:us-east-1:123456789012:key/k"))], "kms_key_arn", "Key without secret", "set secret_arn too"),
        case(CONNECTOR, vec![("connector", s("smartsheet")), ("application_id", s(APPLICATION_ID)), ("index_id", s(INDEX_ID)), ("secret_arn", s(SECRET_ARN)), ("vpc", Value::Bool(true))], "vpc", "Argument not accepted here", "connector \"smartsheet\" (Smartsheet) does not take vpc"),
        case(CONNECTOR, vec![("connector", s("web_crawler")), ("application_id", s(APPLICATION_ID)), ("index_id", s(INDEX_ID)), ("seed_urls_key_prefix", s("seeds/"))], "seed_urls_key_prefix", "Key prefix without bucket", "seed_urls_key_prefix needs seed_urls_bucket"),
        case(ROLE, vec![("role", s("document_enrichment")), ("bucket", s("my-enrichment"))], "lambda_function_arn", "Missing required argument", "role \"document_enrichment\" needs lambda_function_arn."),
        case(ROLE, vec![("role", s("document_enrichment")), ("bucket", s("my-enrichment")), ("lambda_function_arn", s("arn:aws:lambda:us-east-1:123456789012:layer:x"))], "lambda_function_arn", "Invalid lambda_function_arn", "names no resource \"function:\""),
        case(ROLE, vec![("role", s("plugin")), ("secret_arn", s(SECRET_ARN)), ("region", s("us-east-1"))], "region", "Argument not accepted here", "role \"plugin\" does not take region; it takes secret_arn, kms_key_arn."),
        case(CONNECTORS, vec![("template", s("database"))], "template", "Unknown template", "valid templates are s3, saas, server, saas_no_vpc, file_system, web_crawler."),
        case(APPLICATION, vec![("application_id", s("not-an-id"))], "application_id", "Invalid application_id", "ids are 36 characters"),
        case(APPLICATION, vec![("account_id", s(""))], "account_id", "Empty account_id", "must not be empty"),
    ]
}

fn path_text(diagnostic: &pb::Diagnostic) -> String {
    use pb::attribute_path::step::Selector;
    let mut text = String::new();
    for step in diagnostic.attribute.iter().flat_map(|p| p.steps.iter()) {
        match step.selector.as_ref().unwrap() {
            Selector::AttributeName(name) if text.is_empty() => text.push_str(name),
            Selector::AttributeName(name) => text.push_str(&format!(".{name}")),
            Selector::ElementKeyString(key) => text.push_str(&format!("[{key:?}]")),
            Selector::ElementKeyInt(index) => text.push_str(&format!("[{index}]")),
        }
    }
    text
}

#[tokio::test]
async fn every_bad_input_is_an_error_at_its_attribute() {
    let plugin = PluginProcess::start();
    let mut client = plugin.provider().await;
    let schema = QBusinessProvider::new();
    let provider_type = schema.schema().provider.value_type();
    let defaults = Value::object([("region", s(REGION)), ("account_id", s(ACCOUNT_ID))]);
    let configured = client
        .configure_provider(pb::configure_provider::Request {
            config: Some(pb::DynamicValue { msgpack: defaults.to_msgpack(&provider_type).unwrap(), json: vec![] }),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert!(configured.diagnostics.is_empty());

    let mut failures = Vec::new();
    let all = cases();
    for (i, case) in all.iter().enumerate() {
        let ty = schema.schema().data_sources[case.data_source].value_type();
        let config = Some(pb::DynamicValue { msgpack: Value::object(case.attributes.iter().cloned()).to_msgpack(&ty).unwrap(), json: vec![] });
        // Terraform validates first, then reads; the error must come from one of the two, with no state.
        let validated = client
            .validate_data_resource_config(pb::validate_data_resource_config::Request { type_name: case.data_source.into(), config: config.clone() })
            .await
            .unwrap()
            .into_inner()
            .diagnostics;
        let diagnostics = if validated.is_empty() {
            let read = client
                .read_data_source(pb::read_data_source::Request { type_name: case.data_source.into(), config, ..Default::default() })
                .await
                .unwrap()
                .into_inner();
            if read.state.is_some() {
                failures.push(format!("case {i} ({}): produced a document", case.path));
                continue;
            }
            read.diagnostics
        } else {
            validated
        };
        let errors: Vec<_> = diagnostics.iter().filter(|d| d.severity == pb::diagnostic::Severity::Error as i32).collect();
        let matched = errors.len() == 1
            && path_text(errors[0]) == case.path
            && errors[0].summary == case.summary
            && errors[0].detail.contains(case.detail);
        if !matched {
            let found: Vec<_> = errors.iter().map(|d| format!("{} | {} | {}", path_text(d), d.summary, d.detail)).collect();
            failures.push(format!("case {i}: expected {} | {} | …{}…\n    found {found:#?}", case.path, case.summary, case.detail));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), all.len(), failures.join("\n"));
    assert!(client.get_metadata(pb::get_metadata::Request {}).await.is_ok(), "still serving");
}

/// A source document of `statements` statements of one action each, to grow a policy to a size.
fn padding_document(statements: usize) -> String {
    let body: Vec<String> = (0..statements)
        .map(|i| format!(r#"{{"Sid":"Pad{i:04}","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::pad-bucket-{i:04}/*"}}"#))
        .collect();
    format!(r#"{{"Version":"2012-10-17","Statement":[{}]}}"#, body.join(","))
}

fn read_size(extra: Vec<(&'static str, Value)>) -> (Option<f64>, Vec<(terraform_provider_qbusiness::plugin::Severity, String, String)>) {
    use terraform_provider_qbusiness::plugin::Diagnostics;
    let provider = QBusinessProvider::new();
    provider.configure_provider(&Value::object([("region", s(REGION)), ("account_id", s(ACCOUNT_ID))]));
    let mut diagnostics = Diagnostics::default();
    let state = provider.read_data_source(CONNECTOR, &Value::object(s3(extra)), &mut diagnostics);
    let size = state.map(|state| match state.attribute("size") {
        Value::Number(n) => *n,
        other => panic!("size is {other:?}"),
    });
    (size, diagnostics.iter().map(|d| (d.severity, d.summary.clone(), d.detail.clone())).collect())
}

#[test]
fn size_limits_warn_at_90_percent_and_fail_above_the_quota() {
    use terraform_provider_qbusiness::plugin::Severity;
    let (base, none) = read_size(vec![]);
    assert!(none.is_empty());
    let base = base.unwrap() as usize;
    let one = padding_document(1).len() - padding_document(0).len();
    // Just under 90 % of the inline quota: no diagnostic; a little more: a warning; over it: an error.
    let fits = (9_216 - base) / one - 1;
    let (size, diagnostics) = read_size(vec![("source_policy_documents", list(&[&padding_document(fits)]))]);
    assert!(size.unwrap() < 9_216.0 && diagnostics.is_empty(), "{size:?} {diagnostics:?}");
    let (size, diagnostics) = read_size(vec![("source_policy_documents", list(&[&padding_document(fits + 2)]))]);
    let size = size.expect("a warning still gives the document") as usize;
    assert_eq!(
        diagnostics,
        [(Severity::Warning, "permissions policy close to its size limit".to_owned(), format!("The permissions policy has {size} non-whitespace characters, {}% of the quota for all inline policies of one role together (10240).", size * 100 / 10_240))]
    );
    let too_many = (10_240 - base) / one + 1;
    let (size, diagnostics) = read_size(vec![("source_policy_documents", list(&[&padding_document(too_many)]))]);
    assert_eq!(size, None);
    assert_eq!(diagnostics.len(), 1);
    assert_eq!((diagnostics[0].0, diagnostics[0].1.as_str()), (Severity::Error, "permissions policy too large"));
    assert!(diagnostics[0].2.contains("IAM allows at most 10240 under the quota for all inline policies of one role together"), "{}", diagnostics[0].2);
    // The managed-policy quota is smaller: the document that fit inline is too large for it.
    let (size, diagnostics) = read_size(vec![("source_policy_documents", list(&[&padding_document(fits)])), ("managed_policy", Value::Bool(true))]);
    assert_eq!(size, None);
    assert!(diagnostics[0].2.contains("IAM allows at most 6144 under the customer managed policy quota"), "{:?}", diagnostics);
}
