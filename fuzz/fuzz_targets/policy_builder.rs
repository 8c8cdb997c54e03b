//! The policy builder on arbitrary configurations of every data source and function: either error
//! diagnostics and no document, or a document that is valid JSON, re-parses into the same model,
//! breaks none of the model's form rules, fits its quota, uses only IAM's characters, and, without
//! the user's own statements, holds no wildcard outside the roles' fixed patterns (the breadth
//! oracle, catalog::breadth, over resources, principals and condition keys and values). Regions
//! and client ids are drawn from lists of look-alikes as well as arbitrary text.
#![no_main]

use arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use terraform_provider_qbusiness::catalog::arguments as args;
use terraform_provider_qbusiness::catalog::examples::{ACCOUNT_ID, APPLICATION_ID, INDEX_ID, KMS_KEY_ARN, REGION};
use terraform_provider_qbusiness::catalog::breadth::introduced_wildcards;
use terraform_provider_qbusiness::plugin::{Provider as _, Type, Value};
use terraform_provider_qbusiness::policy::lint::problems;
use terraform_provider_qbusiness::policy::size::{first_disallowed_char, non_whitespace_chars};
use terraform_provider_qbusiness::policy::{Arn, DocumentKind, PolicyDocument, Region};
use terraform_provider_qbusiness::provider::descriptor::descriptor;
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
    APPLICATION_ID,
    INDEX_ID,
    ACCOUNT_ID,
    REGION,
    "eu-west-1",
    "aws",
    "aws-cn",
    "my-docs",
    "rds/",
    "subnet-0123456789abcdef0",
    "sg-0123456789abcdef0",
    KMS_KEY_ARN,
    "arn:aws:kms:eu-west-1:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab",
    "arn:aws:secretsmanager:us-east-1:123456789012:secret:s-AbCdEf",
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
    r#"{"Version":"2012-10-17","Id":"x","Statement":[{"Effect":"Deny","Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#,
    r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::a\u0000b"}}"#,
    r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*","Condition":{"NumericLessThan":{"s3:max-keys":123456789012345678901}}}}"#,
    r#"{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"maybe"}}}}"#,
    "Bool",
    "aws:SecureTransport",
    "true",
];

/// Parts an ARN is composed of, wildcards and variables among them, joined by `arn()`.
const PARTITIONS: &[&str] = &["aws", "aws-cn", "aws-us-gov", "", "*"];
const SERVICES: &[&str] = &["kms", "secretsmanager", "lambda", "iam", "s3", "*"];
const REGIONS: &[&str] = &["us-east-1", "eu-west-1", "", "*", "us-east-?", "${aws:RequestedRegion}"];
const ACCOUNTS: &[&str] = &["123456789012", "", "*", "12345678901?"];
const RESOURCES: &[&str] = &[
    "key/1234abcd-12ab-34cd-56ef-1234567890ab",
    "key/*",
    "key/mrk-1234abcd12ab34cd56ef1234567890ab",
    "alias/docs",
    "secret:s-AbCdEf",
    "secret:*",
    "secret:${aws:username}",
    "secret:&{aws:username}",
    "function:f",
    "function:f:$LATEST",
    "function:*",
    "saml-provider/idp",
    "saml-provider/*",
    "oidc-provider/login.example.com",
    "oidc-provider/:x",
    "oidc-provider/*",
];

fn arn(u: &mut Unstructured<'_>) -> arbitrary::Result<String> {
    Ok(format!(
        "arn:{}:{}:{}:{}:{}",
        u.choose(PARTITIONS)?,
        u.choose(SERVICES)?,
        u.choose(REGIONS)?,
        u.choose(ACCOUNTS)?,
        u.choose(RESOURCES)?
    ))
}

fn string(u: &mut Unstructured<'_>) -> arbitrary::Result<Value> {
    Ok(match u.int_in_range(0..=7)? {
        0..=3 => Value::string(*u.choose(DICTIONARY)?),
        4 | 5 => Value::String(arn(u)?),
        _ => Value::String(u.arbitrary()?),
    })
}

/// Region values, each marked by hand whether it is a region name at all: real ones, ones outside
/// Q Business or in another partition, and look-alikes that must never reach a document whatever
/// `skip_region_validation` says.
const REGION_VALUES: &[(&str, bool)] = &[
    ("us-east-1", true),
    ("eu-west-1", true),
    ("eu-central-1", true),
    ("ca-central-1", true),
    ("cn-north-1", true),
    ("us-gov-west-1", true),
    ("us-iso-east-1", true),
    ("*", false),
    ("us-*-1", false),
    ("?", false),
    ("us-east-?", false),
    ("${aws:RequestedRegion}", false),
    ("&{aws:RequestedRegion}", false),
    ("us-east-1:210987654321", false),
    ("us-east-1 ", false),
    ("US-EAST-1", false),
    ("us-east-1\n", false),
    ("us-\u{e9}ast-1", false),
];

/// OIDC client ids: real ones and ones that would compare the audience with itself or anything.
const CLIENT_IDS: &[&str] = &[
    "qbusiness-web",
    "0oa1b2c3d4e5f6g7h8i9",
    "${login.example.com:aud}",
    "&{login.example.com:aud}",
    "${aws:username}",
    "qbusiness-*",
    "web?",
    "web\nmobile",
    "web\u{2013}app",
    "",
];

/// A value for the attribute `name`: regions and client ids come from their own lists half the time.
fn attribute_value(u: &mut Unstructured<'_>, name: &str, ty: &Type, depth: u32) -> arbitrary::Result<Value> {
    match name {
        name if args::REGION == name && u.ratio(1, 2)? => Ok(Value::string(u.choose(REGION_VALUES)?.0)),
        name if args::CLIENT_IDS == name && u.ratio(1, 2)? => {
            let n = u.int_in_range(1..=3)?;
            Ok(Value::List((0..n).map(|_| Ok(Value::string(*u.choose(CLIENT_IDS)?))).collect::<arbitrary::Result<_>>()?))
        }
        _ => value(u, ty, depth),
    }
}

fn value(u: &mut Unstructured<'_>, ty: &Type, depth: u32) -> arbitrary::Result<Value> {
    if u.ratio(1, 3)? {
        return Ok(Value::Null);
    }
    if u.ratio(1, 40)? {
        return Ok(Value::Unknown);
    }
    Ok(match ty {
        Type::String => string(u)?,
        Type::Bool => Value::Bool(u.arbitrary()?),
        Type::Number => Value::Number(u.arbitrary::<i16>()? as f64),
        Type::List(element) | Type::Set(element) if depth < 3 => {
            let n = u.int_in_range(0..=3)?;
            Value::List((0..n).map(|_| value(u, element, depth + 1)).collect::<arbitrary::Result<_>>()?)
        }
        Type::Object { attributes, .. } if depth < 3 => Value::Map(
            attributes.iter().map(|(k, t)| Ok((k.clone(), attribute_value(u, k, t, depth + 1)?))).collect::<arbitrary::Result<_>>()?,
        ),
        _ => Value::Null,
    })
}

/// The user's own additions, which may hold any wildcard the user writes.
const ADDITIONS: [args::Name; 4] = [args::STATEMENT, args::SOURCE_POLICY_DOCUMENTS, args::OVERRIDE_POLICY_DOCUMENTS, args::POLICY_ID];

/// The configuration without the user's additions.
fn without_additions(config: &Value) -> Value {
    let mut attributes = config.as_map().cloned().unwrap_or_default();
    for name in ADDITIONS {
        if attributes.contains_key(name.as_str()) {
            attributes.insert(name.into(), Value::Null);
        }
    }
    Value::Map(attributes)
}

/// The checks every document must pass; `built` is the same document without additions.
fn check(name: &str, json: &str, built: Option<&str>) {
    let parsed: serde_json::Value = serde_json::from_str(json).expect("valid JSON");
    assert_eq!(parsed["Version"], "2012-10-17");
    let document = PolicyDocument::from_json(json).expect("re-parses into the model");
    assert_eq!(&document.to_pretty_json(), json, "rendering is stable");
    let kind = if name.contains("trust") {
        DocumentKind::Trust
    } else if name.contains("bucket") {
        DocumentKind::Resource
    } else {
        DocumentKind::Permissions
    };
    assert!(problems(&document, kind).is_empty(), "form rules broken: {json}");
    assert!(first_disallowed_char(json).is_none());
    assert!(non_whitespace_chars(json) <= 10_240);
    if let Some(built) = built {
        let built = PolicyDocument::from_json(built).expect("re-parses into the model");
        let wide = introduced_wildcards(&built);
        assert!(wide.is_empty(), "a wildcard from input in {name}: {wide:?}\n{}", built.to_pretty_json());
        // Every region an ARN of the role's own document names is a region of the ARN's own partition.
        for statement in &built.statements {
            let resources = statement.resources.iter().flat_map(|r| r.entries());
            let conditions = statement.condition.0.values().flat_map(|keys| keys.values().flatten());
            for arn in resources.chain(conditions).filter_map(|text| text.parse::<Arn>().ok()) {
                if !arn.region.is_empty() {
                    assert!(Region::is_valid(&arn.region), "a region that is none in {arn}");
                    assert!(Region::mismatch(&arn.region, arn.partition).is_none(), "a foreign region in {arn}");
                }
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let provider = QBusinessProvider::new();
    let names: Vec<String> = provider.schema().data_sources.keys().cloned().collect();
    let Ok(name) = u.choose(&names) else { return };
    let block = &provider.schema().data_sources[name];
    let Ok(config) = value(&mut u, &block.input_type(), 0) else { return };
    let Value::Map(mut attributes) = config else { return };
    for computed in [args::JSON, args::MINIFIED_JSON, args::SIZE, args::IDS, args::CONNECTORS] {
        attributes.remove(computed.as_str());
    }
    let config = Value::Map(attributes);
    // The function twin: a selector argument and the rest as a dynamic config object.
    if u.ratio(1, 3).unwrap_or(false) {
        let Some(function) = descriptor(name).map(|d| d.function) else { return };
        let call = |config: &Value| {
            let mut config = config.as_map().cloned().unwrap_or_default();
            config.retain(|_, v| !v.is_null());
            let mut arguments = Vec::new();
            if let Some(selector) = function.selector {
                arguments.push(config.remove(selector.as_str()).unwrap_or(Value::Null));
            }
            arguments.push(Value::Map(config));
            provider.call_function(function.name, &arguments)
        };
        if let Ok(Value::String(json)) = call(&config) {
            let built = call(&without_additions(&config));
            let built = match &built {
                Ok(Value::String(built)) => Some(built.as_str()),
                _ => None,
            };
            check(name, &json, built);
        }
        return;
    }
    if u.arbitrary::<bool>().unwrap_or(false) {
        // The provider block's region too may be a look-alike, with or without the flag.
        let (region, is_region) = u.choose(REGION_VALUES).copied().unwrap_or(("us-east-1", true));
        let skip = u.arbitrary::<bool>().unwrap_or(false);
        let defaults = Value::object([
            (args::REGION, Value::string(region)),
            (args::ACCOUNT_ID, Value::string("123456789012")),
            (args::SKIP_REGION_VALIDATION, Value::Bool(skip)),
        ]);
        let configured = provider.configure_provider(&defaults);
        assert!(is_region || configured.has_errors(), "the provider block accepted region {region:?}");
    }
    let data_source = provider.data_source(name).expect("a data source of the schema");
    let _ = data_source.validate(&config);
    let (state, diagnostics) = data_source.read(&config);
    match state {
        None => assert!(diagnostics.has_errors(), "no document and no error for {name}: {config:?}"),
        Some(state) => {
            assert!(!diagnostics.has_errors(), "a document despite errors: {diagnostics:?}");
            let Some(json) = state.attribute(args::JSON).as_str() else { return }; // qbusiness_connectors
            let built = data_source.read(&without_additions(&config)).0;
            check(name, json, built.as_ref().and_then(|b| b.attribute(args::JSON).as_str()));
        }
    }
});
