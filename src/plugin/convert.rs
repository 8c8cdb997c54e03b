//! Converting a value of a dynamic type to a schema type, with Terraform's safe conversions
//! (number or bool to string, "true"/"false" and numeric strings back), as when a function takes
//! an object literal and the provider reads it by a data source's schema.

use std::collections::BTreeMap;

use super::cty::Type;
use super::diagnostic::AttributePath;
use super::value::{Value, ValueError};

fn mismatch(path: &AttributePath, expected: &str, value: &Value) -> ValueError {
    let found = match value {
        Value::Bool(_) => "a bool",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::List(_) => "a list",
        Value::Map(_) => "an object",
        Value::Null | Value::Unknown => "nothing",
    };
    ValueError { path: path.clone(), message: format!("expected {expected}, found {found}") }
}

fn number_text(n: f64) -> String {
    super::value::whole_number(n).map_or_else(|| n.to_string(), |i| i.to_string())
}

/// `value` as a value of `ty`; object attributes missing from `value` become null, extra ones are an error.
pub fn convert(value: &Value, ty: &Type, path: &AttributePath) -> Result<Value, ValueError> {
    match (value, ty) {
        (Value::Null, _) => Ok(Value::Null),
        (Value::Unknown, _) => Ok(Value::Unknown),
        (_, Type::Dynamic) => Ok(value.clone()),
        (Value::String(_), Type::String) => Ok(value.clone()),
        (Value::Number(n), Type::String) => Ok(Value::String(number_text(*n))),
        (Value::Bool(b), Type::String) => Ok(Value::String(b.to_string())),
        (Value::Bool(_), Type::Bool) => Ok(value.clone()),
        (Value::String(s), Type::Bool) => match s.as_str() {
            "true" => Ok(Value::Bool(true)),
            "false" => Ok(Value::Bool(false)),
            _ => Err(ValueError { path: path.clone(), message: format!("expected a bool, found {s:?}") }),
        },
        (Value::Number(_), Type::Number) => Ok(value.clone()),
        (Value::String(s), Type::Number) => s
            .trim()
            .parse::<f64>()
            .map(Value::Number)
            .map_err(|_| ValueError { path: path.clone(), message: format!("expected a number, found {s:?}") }),
        (Value::List(items), Type::List(element) | Type::Set(element)) => Ok(Value::List(
            items.iter().enumerate().map(|(i, item)| convert(item, element, &path.then_index(i))).collect::<Result<_, _>>()?,
        )),
        (Value::Map(entries), Type::Map(element)) => Ok(Value::Map(
            entries.iter().map(|(k, v)| Ok((k.clone(), convert(v, element, &path.then_key(k))?))).collect::<Result<_, ValueError>>()?,
        )),
        (Value::Map(entries), Type::Object { attributes, .. }) => {
            if let Some(extra) = entries.keys().find(|k| !attributes.contains_key(*k)) {
                let valid: Vec<&str> = attributes.keys().map(String::as_str).collect();
                return Err(ValueError {
                    path: path.then_attribute(extra),
                    message: format!("unexpected argument {extra:?}; valid arguments are {}", valid.join(", ")),
                });
            }
            let mut converted = BTreeMap::new();
            for (name, attribute_type) in attributes {
                let item = entries.get(name).unwrap_or(&Value::Null);
                converted.insert(name.clone(), convert(item, attribute_type, &path.then_attribute(name))?);
            }
            Ok(Value::Map(converted))
        }
        (_, Type::String) => Err(mismatch(path, "a string", value)),
        (_, Type::Bool) => Err(mismatch(path, "a bool", value)),
        (_, Type::Number) => Err(mismatch(path, "a number", value)),
        (_, Type::List(_) | Type::Set(_) | Type::Tuple(_)) => Err(mismatch(path, "a list", value)),
        (_, Type::Map(_) | Type::Object { .. }) => Err(mismatch(path, "an object", value)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ty() -> Type {
        Type::object([
            ("name".to_owned(), Type::String),
            ("enabled".to_owned(), Type::Bool),
            ("ids".to_owned(), Type::list(Type::String)),
            ("quota".to_owned(), Type::Number),
        ])
    }

    #[test]
    fn safe_conversions_and_missing_attributes() {
        let value = Value::object([
            ("name", Value::Number(42.0)),
            ("enabled", Value::string("true")),
            ("ids", Value::List(vec![Value::Bool(false)])),
        ]);
        let converted = convert(&value, &ty(), &AttributePath::attribute("config")).unwrap();
        assert_eq!(
            converted,
            Value::object([
                ("name", Value::string("42")),
                ("enabled", Value::Bool(true)),
                ("ids", Value::List(vec![Value::string("false")])),
                ("quota", Value::Null),
            ])
        );
    }

    #[test]
    fn impossible_conversions_name_the_path() {
        let err = convert(&Value::object([("enabled", Value::string("yes"))]), &ty(), &AttributePath::attribute("config")).unwrap_err();
        assert_eq!((err.path.to_string(), err.message.as_str()), ("config.enabled".to_owned(), "expected a bool, found \"yes\""));
        let err = convert(&Value::object([("ids", Value::string("a"))]), &ty(), &AttributePath::root()).unwrap_err();
        assert_eq!(err.message, "expected a list, found a string");
        let err = convert(&Value::object([("nmae", Value::string("a"))]), &ty(), &AttributePath::root()).unwrap_err();
        assert_eq!(err.message, "unexpected argument \"nmae\"; valid arguments are enabled, ids, name, quota");
    }
}
