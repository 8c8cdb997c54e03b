//! Terraform (cty) type constraints and their compact JSON form used in schemas and dynamic values.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{json, Value as Json};
use thiserror::Error;

/// A Terraform type constraint, as the protocol writes it in `Schema.Attribute.type`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Type {
    /// A string.
    String,
    /// A number (arbitrary precision on the wire).
    Number,
    /// A boolean.
    Bool,
    /// A value whose type is decided at run time; on the wire it carries its type with it.
    Dynamic,
    /// A list of one element type.
    List(Box<Type>),
    /// A set of one element type.
    Set(Box<Type>),
    /// A map from strings to one element type.
    Map(Box<Type>),
    /// An object with named attributes.
    Object {
        /// Each attribute's type.
        attributes: BTreeMap<String, Type>,
        /// Attributes that may be omitted (Terraform fills them with null).
        optional: BTreeSet<String>,
    },
    /// A tuple of element types.
    Tuple(Vec<Type>),
}

#[derive(Debug, Error, PartialEq, Eq)]
#[error("invalid type constraint: {0}")]
pub struct TypeError(pub String);

impl Type {
    /// A list of `element`.
    pub fn list(element: Type) -> Type {
        Type::List(Box::new(element))
    }

    /// A set of `element`.
    pub fn set(element: Type) -> Type {
        Type::Set(Box::new(element))
    }

    /// A map of `element`.
    pub fn map(element: Type) -> Type {
        Type::Map(Box::new(element))
    }

    /// An object type whose attributes are all required.
    pub fn object(attributes: impl IntoIterator<Item = (String, Type)>) -> Type {
        Type::Object { attributes: attributes.into_iter().collect(), optional: BTreeSet::new() }
    }

    /// The compact JSON form: `"string"`, `["list","string"]`, `["object",{...}]`, ...
    pub fn to_json(&self) -> Json {
        match self {
            Type::String => json!("string"),
            Type::Number => json!("number"),
            Type::Bool => json!("bool"),
            Type::Dynamic => json!("dynamic"),
            Type::List(element) => json!(["list", element.to_json()]),
            Type::Set(element) => json!(["set", element.to_json()]),
            Type::Map(element) => json!(["map", element.to_json()]),
            Type::Object { attributes, optional } => {
                let attrs: serde_json::Map<String, Json> = attributes.iter().map(|(name, ty)| (name.clone(), ty.to_json())).collect();
                if optional.is_empty() {
                    json!(["object", attrs])
                } else {
                    json!(["object", attrs, optional.iter().collect::<Vec<_>>()])
                }
            }
            Type::Tuple(elements) => {
                json!(["tuple", elements.iter().map(Type::to_json).collect::<Vec<_>>()])
            }
        }
    }

    /// The type in cty's JSON form, as the protocol sends it.
    pub fn to_json_bytes(&self) -> Vec<u8> {
        self.to_json().to_string().into_bytes()
    }

    /// The type from cty's JSON form.
    pub fn from_json_bytes(bytes: &[u8]) -> Result<Type, TypeError> {
        let json: Json = serde_json::from_slice(bytes).map_err(|e| TypeError(e.to_string()))?;
        Type::from_json(&json)
    }

    /// The type from a parsed cty JSON value.
    pub fn from_json(json: &Json) -> Result<Type, TypeError> {
        match json {
            Json::String(name) => match name.as_str() {
                "string" => Ok(Type::String),
                "number" => Ok(Type::Number),
                "bool" => Ok(Type::Bool),
                "dynamic" => Ok(Type::Dynamic),
                other => Err(TypeError(format!("unknown primitive type {other:?}"))),
            },
            Json::Array(parts) => {
                let kind = parts.first().and_then(Json::as_str).unwrap_or_default();
                let argument = parts.get(1).ok_or_else(|| TypeError(format!("{kind} without argument")))?;
                match kind {
                    "list" => Ok(Type::list(Type::from_json(argument)?)),
                    "set" => Ok(Type::set(Type::from_json(argument)?)),
                    "map" => Ok(Type::map(Type::from_json(argument)?)),
                    "tuple" => {
                        let elements = argument.as_array().ok_or_else(|| TypeError("tuple needs a list".into()))?;
                        Ok(Type::Tuple(elements.iter().map(Type::from_json).collect::<Result<_, _>>()?))
                    }
                    "object" => {
                        let attrs = argument.as_object().ok_or_else(|| TypeError("object needs a map".into()))?;
                        let attributes =
                            attrs.iter().map(|(name, ty)| Ok((name.clone(), Type::from_json(ty)?))).collect::<Result<_, TypeError>>()?;
                        let optional = match parts.get(2) {
                            None => BTreeSet::new(),
                            Some(Json::Array(names)) => names
                                .iter()
                                .map(|n| {
                                    n.as_str()
                                        .map(str::to_owned)
                                        .ok_or_else(|| TypeError("optional attribute names must be strings".into()))
                                })
                                .collect::<Result<_, _>>()?,
                            Some(_) => return Err(TypeError("optional attributes must be a list".into())),
                        };
                        Ok(Type::Object { attributes, optional })
                    }
                    other => Err(TypeError(format!("unknown type kind {other:?}"))),
                }
            }
            other => Err(TypeError(format!("unexpected {other}"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_json_round_trips() {
        let ty = Type::Object {
            attributes: [
                ("name".to_owned(), Type::String),
                ("tags".to_owned(), Type::map(Type::String)),
                ("ids".to_owned(), Type::set(Type::Number)),
                ("pair".to_owned(), Type::Tuple(vec![Type::Bool, Type::Dynamic])),
            ]
            .into(),
            optional: ["tags".to_owned()].into(),
        };
        let bytes = ty.to_json_bytes();
        assert_eq!(
            String::from_utf8(bytes.clone()).unwrap(),
            r#"["object",{"ids":["set","number"],"name":"string","pair":["tuple",["bool","dynamic"]],"tags":["map","string"]},["tags"]]"#
        );
        assert_eq!(Type::from_json_bytes(&bytes).unwrap(), ty);
    }

    #[test]
    fn rejects_unknown_kinds() {
        assert_eq!(Type::from_json_bytes(br#"["vector","string"]"#), Err(TypeError("unknown type kind \"vector\"".into())));
        assert!(Type::from_json_bytes(b"\"text\"").is_err());
        assert!(Type::from_json_bytes(b"[\"list\"]").is_err());
    }
}
