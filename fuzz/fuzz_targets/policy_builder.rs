//! The policy builder on arbitrary configurations of every data source: either error diagnostics
//! and no document, or a document that is valid JSON, re-parses into the same model, breaks none
//! of the model's form rules, fits its quota and uses only IAM's characters.
#![no_main]

use arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use terraform_provider_qbusiness::plugin::{Provider as _, Type, Value};
use terraform_provider_qbusiness::policy::lint::problems;
use terraform_provider_qbusiness::policy::size::{first_disallowed_char, non_whitespace_chars};
use terraform_provider_qbusiness::policy::{DocumentKind, PolicyDocument};
use terraform_provider_qbusiness::provider::QBusinessProvider;

/// Values that reach deep into the builders, mixed with arbitrary text.
const DICTIONARY: &[&str] = &[
    "s3",
    "aem_cloud",
    "rds_mysql",
    "web_crawler",
    "fsx_windows",
    "smartsheet",
    "sharepoint_online",
    "connector",
    "application",
    "oidc_secret",
    "web_experience_saml",
    "web_experience_oidc",
    "web_experience_identity_center",
    "kendra_retriever",
    "plugin",
    "document_enrichment",
    "iam_federation",
    "identity_center",
    "oidc_client_secret",
    "anonymous_application",
    "server",
    "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
    "b1b2c3d4-5678-90ab-cdef-EXAMPLE22222",
    "123456789012",
    "us-east-1",
    "eu-west-1",
    "aws",
    "aws-cn",
    "my-docs",
    "rds/",
    "subnet-0123456789abcdef0",
    "sg-0123456789abcdef0",
    "arn:aws:kms:us-east-1:123456789012:key/k",
    "arn:aws:secretsmanager:us-east-1:123456789012:secret:s",
    "arn:aws:iam::123456789012:saml-provider/idp",
    "arn:aws:iam::123456789012:oidc-provider/login.example.com",
    "arn:aws:lambda:us-east-1:123456789012:function:f",
    "https://abcd.chat.qbusiness.us-east-1.on.aws",
    "StringEquals",
    "aws:SourceVpc",
    "s3:GetObject",
    "*",
    "Allow",
    "Deny",
    r#"{"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#,
];

fn string(u: &mut Unstructured<'_>) -> arbitrary::Result<Value> {
    Ok(if u.ratio(3, 4)? { Value::string(*u.choose(DICTIONARY)?) } else { Value::String(u.arbitrary()?) })
}

fn value(u: &mut Unstructured<'_>, ty: &Type, depth: u32) -> arbitrary::Result<Value> {
    if u.ratio(1, 3)? {
        return Ok(Value::Null);
    }
    Ok(match ty {
        Type::String => string(u)?,
        Type::Bool => Value::Bool(u.arbitrary()?),
        Type::Number => Value::Number(u.arbitrary::<i16>()? as f64),
        Type::List(element) | Type::Set(element) if depth < 3 => {
            let n = u.int_in_range(0..=3)?;
            Value::List((0..n).map(|_| value(u, element, depth + 1)).collect::<arbitrary::Result<_>>()?)
        }
        Type::Object { attributes, .. } if depth < 3 => {
            Value::Map(attributes.iter().map(|(k, t)| Ok((k.clone(), value(u, t, depth + 1)?))).collect::<arbitrary::Result<_>>()?)
        }
        _ => Value::Null,
    })
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let provider = QBusinessProvider::new();
    let names: Vec<String> = provider.schema().data_sources.keys().cloned().collect();
    let Ok(name) = u.choose(&names) else { return };
    let block = &provider.schema().data_sources[name];
    let Ok(config) = value(&mut u, &block.input_type(), 0) else { return };
    let Value::Map(mut attributes) = config else { return };
    for computed in ["json", "minified_json", "size", "ids", "connectors"] {
        attributes.remove(computed);
    }
    let config = Value::Map(attributes);
    if u.arbitrary::<bool>().unwrap_or(false) {
        let defaults = Value::object([("region", Value::string("us-east-1")), ("account_id", Value::string("123456789012"))]);
        provider.configure_provider(&defaults);
    }
    let data_source = provider.data_source(name).expect("a data source of the schema");
    let _ = data_source.validate(&config);
    let (state, diagnostics) = data_source.read(&config);
    match state {
        None => assert!(diagnostics.has_errors(), "no document and no error for {name}: {config:?}"),
        Some(state) => {
            assert!(!diagnostics.has_errors(), "a document despite errors: {diagnostics:?}");
            let Some(json) = state.attribute("json").as_str() else { return }; // qbusiness_connectors
            let parsed: serde_json::Value = serde_json::from_str(json).expect("valid JSON");
            assert_eq!(parsed["Version"], "2012-10-17");
            let document = PolicyDocument::from_json(json).expect("re-parses into the model");
            assert_eq!(&document.to_pretty_json(), json, "rendering is stable");
            let kind = if name == "qbusiness_trust_policy" { DocumentKind::Trust } else { DocumentKind::Permissions };
            assert!(problems(&document, kind).is_empty(), "form rules broken: {json}");
            assert!(first_disallowed_char(json).is_none());
            assert!(non_whitespace_chars(json) <= 10_240);
        }
    }
});
