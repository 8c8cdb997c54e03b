//! The S3 connector policy: as the provider renders it, as the golden file holds it, and the golden
//! converted to what a module without this provider writes (a `jsonencode` expression, or
//! `aws_iam_policy_document` statement blocks) with the bucket made per instance.

mod check;

pub use check::check;

use serde_json::Value as Json;
use terraform_provider_qbusiness::catalog::arguments as args;
use terraform_provider_qbusiness::catalog::examples::{ACCOUNT_ID, APPLICATION_ID, INDEX_ID, REGION};
use terraform_provider_qbusiness::plugin::{Provider as _, Value};
use terraform_provider_qbusiness::provider::descriptor as descriptors;
use terraform_provider_qbusiness::provider::QBusinessProvider;

/// The golden S3 connector case: bucket [`GOLDEN_BUCKET`], the example ids of `catalog::examples`.
const GOLDEN: &str = "tests/golden/connector-s3-minimal.json";

/// The bucket of the golden S3 connector case, which the converters replace.
const GOLDEN_BUCKET: &str = "my-docs";

/// The version `aws_iam_policy_document` writes when given none.
const DEFAULT_VERSION: &str = "2012-10-17";

/// The statement keys whose value is a string or a list of strings, with their
/// `aws_iam_policy_document` arguments.
const LISTS: [(&str, &str); 4] =
    [("Action", "actions"), ("NotAction", "not_actions"), ("Resource", "resources"), ("NotResource", "not_resources")];

/// The JSON document of the S3 connector for `bucket`, as the provider renders it.
pub fn s3_document(bucket: &str) -> String {
    s3_state(bucket).attribute(args::JSON).as_str().unwrap().to_owned()
}

/// The `allows` of that read as plain JSON, for the peer to return as its own.
pub fn s3_allows(bucket: &str) -> String {
    fn json(value: &Value) -> Json {
        match value {
            Value::Null | Value::Unknown => Json::Null,
            Value::Bool(b) => Json::Bool(*b),
            Value::Number(n) => serde_json::json!(n),
            Value::String(s) => Json::String(s.clone()),
            Value::List(items) => Json::Array(items.iter().map(json).collect()),
            Value::Map(entries) => Json::Object(entries.iter().map(|(k, v)| (k.clone(), json(v))).collect()),
        }
    }
    json(s3_state(bucket).attribute(args::ALLOWS)).to_string()
}

/// The provider's state for the S3 connector reading `bucket`, region and account set.
fn s3_state(bucket: &str) -> Value {
    let provider = QBusinessProvider::new();
    let config = Value::object([
        (args::CONNECTOR, Value::string("s3")),
        (args::APPLICATION_ID, Value::string(APPLICATION_ID)),
        (args::INDEX_ID, Value::string(INDEX_ID)),
        (args::BUCKET, Value::string(bucket)),
        (args::REGION, Value::string(REGION)),
        (args::ACCOUNT_ID, Value::string(ACCOUNT_ID)),
    ]);
    provider.data_source(descriptors::CONNECTOR_POLICY.type_name).unwrap().read(&config).0.unwrap()
}

/// The golden S3 connector document, read from the repository at run time.
pub fn s3_golden() -> Json {
    let path = crate::common::repo().join(GOLDEN);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    assert!(text.contains(GOLDEN_BUCKET), "{GOLDEN} names no bucket {GOLDEN_BUCKET}");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{GOLDEN}: {e}"))
}

/// `text` as an HCL string literal, each [`GOLDEN_BUCKET`] in it replaced by the template `bucket`
/// (such as `docs-${i}`), everything else literal.
fn string(text: &str, bucket: &str) -> String {
    let literal = |part: &str| {
        let quoted = serde_json::to_string(part).unwrap();
        quoted[1..quoted.len() - 1].replace("${", "$${").replace("%{", "%%{")
    };
    format!("\"{}\"", text.split(GOLDEN_BUCKET).map(literal).collect::<Vec<_>>().join(bucket))
}

/// `key` as an HCL object key: bare where it is an identifier HCL reads as a name, else quoted.
fn key(key: &str) -> String {
    let identifier = key.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        && !["for", "if", "in", "true", "false", "null"].contains(&key);
    if identifier {
        key.to_owned()
    } else {
        // A key takes no template: a bucket it names stays as it is.
        string(key, GOLDEN_BUCKET)
    }
}

/// `value` as the HCL expression that `jsonencode` turns into `value`, each [`GOLDEN_BUCKET`] in its
/// strings replaced by the template `bucket`; its inner lines indented from `indent`.
pub fn jsonencode(value: &Json, bucket: &str, indent: usize) -> String {
    let pad = " ".repeat(indent);
    match value {
        Json::Null => "null".to_owned(),
        Json::Bool(b) => b.to_string(),
        Json::Number(n) => n.to_string(),
        Json::String(s) => string(s, bucket),
        Json::Array(items) if items.iter().all(|i| !i.is_array() && !i.is_object()) => {
            format!("[{}]", items.iter().map(|i| jsonencode(i, bucket, indent)).collect::<Vec<_>>().join(", "))
        }
        Json::Array(items) => {
            let lines: String = items.iter().map(|i| format!("{pad}  {},\n", jsonencode(i, bucket, indent + 2))).collect();
            format!("[\n{lines}{pad}]")
        }
        Json::Object(entries) => {
            let keys: Vec<String> = entries.keys().map(|k| key(k)).collect();
            let width = keys.iter().map(String::len).max().unwrap_or(0);
            let lines: String = keys
                .iter()
                .zip(entries.values())
                .map(|(k, v)| format!("{pad}  {k:width$} = {}\n", jsonencode(v, bucket, indent + 2)))
                .collect();
            format!("{{\n{lines}{pad}}}")
        }
    }
}

/// A string or a list of strings as an HCL list of string literals, [`GOLDEN_BUCKET`] replaced by `bucket`.
fn strings(value: &Json, bucket: &str) -> String {
    let items = match value {
        Json::String(s) => vec![s.as_str()],
        Json::Array(items) => items.iter().map(|i| i.as_str().unwrap_or_else(|| panic!("not a string: {i}"))).collect(),
        other => panic!("not a string or a list of strings: {other}"),
    };
    format!("[{}]", items.iter().map(|s| string(s, bucket)).collect::<Vec<_>>().join(", "))
}

/// `name = value` lines at `pad`, the `=` aligned.
fn attributes(lines: &[(&str, String)], pad: &str) -> String {
    let width = lines.iter().map(|(name, _)| name.len()).max().unwrap_or(0);
    lines.iter().map(|(name, value)| format!("{pad}{name:width$} = {value}\n")).collect()
}

/// The body of an `aws_iam_policy_document` giving `document` (`version` and `policy_id` where it
/// needs them, a `statement` block per statement, a `condition` block per test and variable), each
/// [`GOLDEN_BUCKET`] replaced by the template `bucket`, its lines indented by `indent`. Principals
/// are not converted: the connector policies have none.
pub fn policy_document(document: &Json, bucket: &str, indent: usize) -> String {
    let pad = " ".repeat(indent);
    let mut top = Vec::new();
    let mut blocks = String::new();
    for (name, value) in document.as_object().expect("a policy document is an object") {
        match name.as_str() {
            "Version" if value.as_str() == Some(DEFAULT_VERSION) => {}
            "Version" => top.push(("version", string(value.as_str().unwrap(), bucket))),
            "Id" => top.push(("policy_id", string(value.as_str().unwrap(), bucket))),
            "Statement" => {
                for statement in value.as_array().expect("Statement is a list") {
                    blocks.push_str(&statement_block(statement, bucket, &pad));
                }
            }
            other => panic!("policy key {other} is not converted"),
        }
    }
    attributes(&top, &pad) + &blocks
}

/// One `statement` block at `pad` giving `statement`.
fn statement_block(statement: &Json, bucket: &str, pad: &str) -> String {
    let entries = statement.as_object().expect("a statement is an object");
    let mut lines = Vec::new();
    if let Some(sid) = entries.get("Sid") {
        lines.push(("sid", string(sid.as_str().unwrap(), bucket)));
    }
    match entries.get("Effect").map(|e| e.as_str().unwrap()) {
        None | Some("Allow") => {}
        Some(effect) => lines.push(("effect", string(effect, bucket))),
    }
    for (json, argument) in LISTS {
        if let Some(value) = entries.get(json) {
            lines.push((argument, strings(value, bucket)));
        }
    }
    if let Some(other) =
        entries.keys().find(|k| !["Sid", "Effect", "Condition"].contains(&k.as_str()) && !LISTS.iter().any(|(j, _)| j == k))
    {
        panic!("statement key {other} is not converted");
    }
    let inner = format!("{pad}  ");
    let mut body = attributes(&lines, &inner);
    for (test, variables) in entries.get("Condition").map(|c| c.as_object().expect("Condition is an object")).into_iter().flatten() {
        for (variable, values) in variables.as_object().expect("a condition test holds an object") {
            let condition = [("test", string(test, bucket)), ("variable", string(variable, bucket)), ("values", strings(values, bucket))];
            body.push_str(&format!("{inner}condition {{\n{}{inner}}}\n", attributes(&condition, &format!("{inner}  "))));
        }
    }
    format!("{pad}statement {{\n{body}{pad}}}\n")
}
