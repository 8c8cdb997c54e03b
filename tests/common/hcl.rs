//! Values written as HCL expressions, to build configurations from the test cases.
#![allow(dead_code)]

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
