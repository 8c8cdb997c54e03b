//! Values written as HCL expressions, to build configurations from the test cases.
#![allow(dead_code)]

use terraform_provider_qbusiness::catalog::arguments as args;
use terraform_provider_qbusiness::plugin::Value;

/// A string literal: JSON escaping, plus HCL's template sequences escaped.
fn string(text: &str) -> String {
    serde_json::to_string(text).unwrap().replace("${", "$${").replace("%{", "%%{")
}

pub fn literal(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Unknown => panic!("an unknown value has no literal"),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => string(s),
        Value::List(items) => format!("[{}]", items.iter().map(literal).collect::<Vec<_>>().join(", ")),
        Value::Map(entries) => {
            let body: Vec<String> = entries.iter().map(|(k, v)| format!("{} = {}", string(k), literal(v))).collect();
            format!("{{ {} }}", body.join(", "))
        }
    }
}

/// Nested block types of the data sources, written as blocks rather than attributes.
const BLOCKS: [&str; 3] = [args::STATEMENT.as_str(), args::CONDITION.as_str(), args::PRINCIPALS.as_str()];

/// The body of a block: `name = literal` lines, and nested blocks for `statement`/`condition`.
pub fn body<K: AsRef<str>>(attributes: &[(K, Value)], indent: usize) -> String {
    let pad = " ".repeat(indent);
    let mut out = String::new();
    // A later entry for the same name replaces the earlier one, as in `Value::object`.
    let mut unique: Vec<(&str, Value)> = Vec::new();
    for (name, value) in attributes {
        let name = name.as_ref();
        match unique.iter_mut().find(|(n, _)| *n == name) {
            Some(entry) => entry.1 = value.clone(),
            None => unique.push((name, value.clone())),
        }
    }
    for (name, value) in &unique {
        match value {
            Value::List(items) if BLOCKS.contains(name) => {
                for item in items {
                    let inner: Vec<(&str, Value)> = item.as_map().unwrap().iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
                    out.push_str(&format!("{pad}{name} {{\n{}{pad}}}\n", body(&inner, indent + 2)));
                }
            }
            _ => out.push_str(&format!("{pad}{name} = {}\n", literal(value))),
        }
    }
    out
}

/// A configuration of `count` S3 connector documents (bucket `docs-N`) read with the provider
/// block's region and account, their minified JSON in the output `documents`.
pub fn s3_documents(count: usize) -> String {
    use terraform_provider_qbusiness::catalog::examples::{APPLICATION_ID, INDEX_ID};
    format!(
        r#"{provider}

data "qbusiness_connector_policy" "s3" {{
  count          = {count}
  connector      = "s3"
  application_id = "{APPLICATION_ID}"
  index_id       = "{INDEX_ID}"
  bucket         = "docs-${{count.index}}"
}}

output "documents" {{
  value = data.qbusiness_connector_policy.s3[*].minified_json
}}
"#,
        provider = super::workspace::configured_provider()
    )
}
