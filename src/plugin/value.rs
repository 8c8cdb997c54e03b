//! Terraform values (incl. unknown and null) and their `DynamicValue` wire forms: msgpack, and JSON as fallback.
//! Hand-written over `rmpv`: cty's unknown extension, its decimal-string numbers and dynamic values'
//! type-and-value pairs have no serde mapping.

use std::collections::BTreeMap;

use rmpv::Value as Mp;
use serde_json::Value as Json;
use thiserror::Error;

use super::cty::Type;
use super::diagnostic::AttributePath;

/// A decoded Terraform value. Collections of both kinds share a representation: lists, sets and tuples
/// are `List`; maps and objects are `Map`. The schema's `Type` says which one is meant on the wire.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// Not set.
    Null,
    /// Known only after apply; any refinements Terraform sends are dropped.
    Unknown,
    /// A boolean.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A string.
    String(String),
    /// A list, set or tuple.
    List(Vec<Value>),
    /// An object or map.
    Map(BTreeMap<String, Value>),
}

/// A value that does not fit its type, with the path to the offending part.
#[derive(Debug, Error, PartialEq, Eq)]
#[error("{message}")]
pub struct ValueError {
    pub path: AttributePath,
    pub message: String,
}

/// msgpack nesting beyond this is refused: our schemas are a few levels deep, and a bound keeps a
/// hostile payload from exhausting the stack.
const MAX_DEPTH: usize = 64;

const UNKNOWN_EXTENSION: i8 = 0;

impl Value {
    /// A string value.
    pub fn string(s: impl Into<String>) -> Value {
        Value::String(s.into())
    }

    /// An object of `attributes`.
    pub fn object<K: Into<String>>(attributes: impl IntoIterator<Item = (K, Value)>) -> Value {
        Value::Map(attributes.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }

    /// Whether it is null.
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// Whether it is unknown until apply.
    pub fn is_unknown(&self) -> bool {
        matches!(self, Value::Unknown)
    }

    /// An attribute of an object value; null when absent (Terraform sends every attribute, tests may not).
    pub fn attribute(&self, name: impl AsRef<str>) -> &Value {
        let name = name.as_ref();
        match self {
            Value::Map(entries) => entries.get(name).unwrap_or(&Value::Null),
            _ => &Value::Null,
        }
    }

    /// The string, if it is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The boolean, if it is one.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The elements, if it is a list.
    pub fn as_list(&self) -> Option<&[Value]> {
        match self {
            Value::List(items) => Some(items),
            _ => None,
        }
    }

    /// The entries, if it is an object or map.
    pub fn as_map(&self) -> Option<&BTreeMap<String, Value>> {
        match self {
            Value::Map(entries) => Some(entries),
            _ => None,
        }
    }

    // ----- msgpack -----

    /// Decodes msgpack as `ty`.
    pub fn from_msgpack(bytes: &[u8], ty: &Type) -> Result<Value, ValueError> {
        let mut reader = bytes;
        let raw = rmpv::decode::read_value_with_max_depth(&mut reader, MAX_DEPTH)
            .map_err(|e| ValueError { path: AttributePath::root(), message: format!("malformed msgpack: {e}") })?;
        if !reader.is_empty() {
            return Err(ValueError {
                path: AttributePath::root(),
                message: format!("{} unexpected bytes after the msgpack value", reader.len()),
            });
        }
        decode(&raw, ty, &AttributePath::root())
    }

    /// Encodes as msgpack for `ty`.
    pub fn to_msgpack(&self, ty: &Type) -> Result<Vec<u8>, ValueError> {
        let raw = encode_msgpack(self, ty, &AttributePath::root())?;
        let mut out = Vec::new();
        rmpv::encode::write_value(&mut out, &raw).expect("writing msgpack to a Vec cannot fail");
        Ok(out)
    }

    // ----- JSON -----

    /// Decodes the JSON form (used by Terraform only where msgpack is not sent). JSON has no unknowns.
    pub fn from_json(bytes: &[u8], ty: &Type) -> Result<Value, ValueError> {
        let json: Json = serde_json::from_slice(bytes)
            .map_err(|e| ValueError { path: AttributePath::root(), message: format!("malformed JSON: {e}") })?;
        decode(&json, ty, &AttributePath::root())
    }

    /// The type cty would infer for this value, used when writing a value of `dynamic` type.
    fn inferred_type(&self) -> Type {
        match self {
            Value::Null | Value::Unknown => Type::Dynamic,
            Value::Bool(_) => Type::Bool,
            Value::Number(_) => Type::Number,
            Value::String(_) => Type::String,
            Value::List(items) => Type::Tuple(items.iter().map(Value::inferred_type).collect()),
            Value::Map(entries) => Type::object(entries.iter().map(|(k, v)| (k.clone(), v.inferred_type()))),
        }
    }
}

fn mismatch(path: &AttributePath, expected: &Type, found: &str) -> ValueError {
    ValueError { path: path.clone(), message: format!("expected {}, found {found}", expected.to_json()) }
}

/// What both wire forms of a value offer the one decoder: msgpack (with cty's unknown extension and
/// decimal-string numbers) and JSON (which has neither unknowns nor precise numbers of its own).
trait Wire: Sized {
    /// What the value is, for messages.
    fn kind(&self) -> &'static str;
    /// Null on the wire.
    fn is_null(&self) -> bool;
    /// cty's unknown value (any msgpack extension; JSON has none).
    fn is_unknown(&self) -> bool;
    /// The string, or an error for a string that is not UTF-8; `None` when it is no string.
    fn string(&self, path: &AttributePath) -> Option<Result<&str, ValueError>>;
    /// The boolean, if it is one.
    fn boolean(&self) -> Option<bool>;
    /// The number, if it is one (or a decimal string, as cty writes numbers a float cannot hold).
    fn number(&self, path: &AttributePath) -> Option<Result<f64, ValueError>>;
    /// The elements, if it is an array.
    fn items(&self) -> Option<&[Self]>;
    /// The entries with their keys (`None` for a key that is no string), if it is a map.
    fn entries(&self) -> Option<Vec<(Option<&str>, &Self)>>;
    /// A dynamic value's type and value.
    fn dynamic(&self, path: &AttributePath) -> Result<(Type, &Self), ValueError>;
}

impl Wire for Mp {
    fn kind(&self) -> &'static str {
        match self {
            Mp::Nil => "nil",
            Mp::Boolean(_) => "a boolean",
            Mp::Integer(_) | Mp::F32(_) | Mp::F64(_) => "a number",
            Mp::String(_) => "a string",
            Mp::Binary(_) => "binary data",
            Mp::Array(_) => "an array",
            Mp::Map(_) => "a map",
            Mp::Ext(..) => "an extension",
        }
    }

    fn is_null(&self) -> bool {
        matches!(self, Mp::Nil)
    }

    // Any extension is an unknown value, whatever its code (refinements are optional to honour).
    fn is_unknown(&self) -> bool {
        matches!(self, Mp::Ext(..))
    }

    fn string(&self, path: &AttributePath) -> Option<Result<&str, ValueError>> {
        match self {
            Mp::String(s) => Some(s.as_str().ok_or_else(|| ValueError { path: path.clone(), message: "string is not valid UTF-8".into() })),
            _ => None,
        }
    }

    fn boolean(&self) -> Option<bool> {
        self.as_bool()
    }

    fn number(&self, path: &AttributePath) -> Option<Result<f64, ValueError>> {
        match self {
            Mp::Integer(i) => i.as_f64().map(Ok),
            Mp::F32(f) => Some(Ok(f64::from(*f))),
            Mp::F64(f) => Some(Ok(*f)),
            Mp::String(s) => Some(match s.as_str() {
                Some(text) => number_from_text(text, path),
                None => Err(ValueError { path: path.clone(), message: "number string is not a decimal number".into() }),
            }),
            _ => None,
        }
    }

    fn items(&self) -> Option<&[Mp]> {
        self.as_array().map(Vec::as_slice)
    }

    fn entries(&self) -> Option<Vec<(Option<&str>, &Mp)>> {
        self.as_map().map(|entries| entries.iter().map(|(k, v)| (k.as_str(), v)).collect())
    }

    fn dynamic(&self, path: &AttributePath) -> Result<(Type, &Mp), ValueError> {
        let pair = self.as_array().filter(|pair| pair.len() == 2).ok_or_else(|| mismatch(path, &Type::Dynamic, self.kind()))?;
        let type_json = match &pair[0] {
            Mp::Binary(bytes) => bytes.as_slice(),
            Mp::String(s) => s.as_bytes(),
            _ => return Err(ValueError { path: path.clone(), message: "dynamic value without its type".into() }),
        };
        let actual = Type::from_json_bytes(type_json).map_err(|e| ValueError { path: path.clone(), message: e.to_string() })?;
        Ok((actual, &pair[1]))
    }
}

impl Wire for Json {
    fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }

    fn is_null(&self) -> bool {
        Json::is_null(self)
    }

    fn is_unknown(&self) -> bool {
        false
    }

    fn string(&self, _path: &AttributePath) -> Option<Result<&str, ValueError>> {
        self.as_str().map(Ok)
    }

    fn boolean(&self) -> Option<bool> {
        self.as_bool()
    }

    fn number(&self, path: &AttributePath) -> Option<Result<f64, ValueError>> {
        match self {
            Json::Number(number) => Some(number_from_text(&number.to_string(), path)),
            _ => None,
        }
    }

    fn items(&self) -> Option<&[Json]> {
        self.as_array().map(Vec::as_slice)
    }

    fn entries(&self) -> Option<Vec<(Option<&str>, &Json)>> {
        self.as_object().map(|entries| entries.iter().map(|(k, v)| (Some(k.as_str()), v)).collect())
    }

    fn dynamic(&self, path: &AttributePath) -> Result<(Type, &Json), ValueError> {
        let actual = self
            .get("type")
            .ok_or_else(|| mismatch(path, &Type::Dynamic, self.kind()))
            .and_then(|t| Type::from_json(t).map_err(|e| ValueError { path: path.clone(), message: e.to_string() }))?;
        Ok((actual, self.get("value").unwrap_or(&Json::Null)))
    }
}

/// The one decoder of both wire forms: `raw` read as `ty`, each mismatch named with its path.
fn decode<W: Wire>(raw: &W, ty: &Type, path: &AttributePath) -> Result<Value, ValueError> {
    if raw.is_null() {
        return Ok(Value::Null);
    }
    if raw.is_unknown() {
        return Ok(Value::Unknown);
    }
    let fail = || mismatch(path, ty, raw.kind());
    let key_error = |what: &str| ValueError { path: path.clone(), message: format!("{what} is not a string") };
    match ty {
        Type::String => raw.string(path).ok_or_else(fail)?.map(Value::string),
        Type::Bool => raw.boolean().map(Value::Bool).ok_or_else(fail),
        Type::Number => raw.number(path).ok_or_else(fail)?.map(Value::Number),
        Type::List(element) | Type::Set(element) => {
            let items = raw.items().ok_or_else(fail)?;
            Ok(Value::List(items.iter().enumerate().map(|(i, item)| decode(item, element, &path.then_index(i))).collect::<Result<_, _>>()?))
        }
        Type::Tuple(elements) => {
            let items = raw.items().ok_or_else(fail)?;
            if items.len() != elements.len() {
                return Err(ValueError {
                    path: path.clone(),
                    message: format!("tuple of {} elements, found {}", elements.len(), items.len()),
                });
            }
            let decoded = items
                .iter()
                .zip(elements)
                .enumerate()
                .map(|(i, (item, element))| decode(item, element, &path.then_index(i)))
                .collect::<Result<_, _>>()?;
            Ok(Value::List(decoded))
        }
        Type::Map(element) => {
            let mut decoded = BTreeMap::new();
            for (key, item) in raw.entries().ok_or_else(fail)? {
                let key = key.ok_or_else(|| key_error("map key"))?;
                decoded.insert(key.to_owned(), decode(item, element, &path.then_key(key))?);
            }
            Ok(Value::Map(decoded))
        }
        Type::Object { attributes, .. } => {
            let mut decoded = BTreeMap::new();
            for (name, item) in raw.entries().ok_or_else(fail)? {
                let name = name.ok_or_else(|| key_error("attribute name"))?;
                let attribute_type = attributes
                    .get(name)
                    .ok_or_else(|| ValueError { path: path.then_attribute(name), message: format!("unexpected attribute {name:?}") })?;
                decoded.insert(name.to_owned(), decode(item, attribute_type, &path.then_attribute(name))?);
            }
            for name in attributes.keys() {
                decoded.entry(name.clone()).or_insert(Value::Null);
            }
            Ok(Value::Map(decoded))
        }
        Type::Dynamic => {
            let (actual, value) = raw.dynamic(path)?;
            decode(value, &actual, path)
        }
    }
}

/// A decimal number's text as an f64. A fraction too small for a float to hold (`4096.00000000000000000001`)
/// would round to a whole number and pass for one, so such a number is refused rather than rounded.
fn number_from_text(text: &str, path: &AttributePath) -> Result<f64, ValueError> {
    let error = |message: String| ValueError { path: path.clone(), message };
    let value = text.parse::<f64>().map_err(|_| error(format!("{text:?} is not a decimal number")))?;
    if !value.is_finite() {
        return Err(error(format!("{text} is beyond what a 64-bit float holds")));
    }
    if value.fract() == 0.0 && !is_whole_decimal(text) {
        return Err(error(format!(
            "{text} has a fraction too small for a 64-bit float to keep, so it would be read as the whole number {value}; write {value} or a value a float holds"
        )));
    }
    Ok(value)
}

/// Whether a decimal text (`-12.500e3`) stands for a whole number: the last non-zero digit's place
/// value is a unit or more.
fn is_whole_decimal(text: &str) -> bool {
    // An exponent too large for i64 makes a number no float holds, refused before this is asked;
    // i128 keeps the sum below from overflowing for any i64 exponent.
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(at) => match text[at + 1..].parse::<i64>() {
            Ok(exponent) => (&text[..at], i128::from(exponent)),
            Err(_) => return false,
        },
        None => (text, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits: String = whole.chars().chain(fraction.chars()).filter(char::is_ascii_digit).collect();
    let significant = digits.trim_end_matches('0');
    if significant.is_empty() {
        return true;
    }
    let trailing_zeros = (digits.len() - significant.len()) as i128;
    trailing_zeros - fraction.len() as i128 + exponent >= 0
}

/// `n` as an integer when it is a whole number that an f64 holds exactly.
pub(crate) fn whole_number(n: f64) -> Option<i64> {
    (n.fract() == 0.0 && n.abs() < 9.0e15).then_some(n as i64)
}

fn encode_msgpack(value: &Value, ty: &Type, path: &AttributePath) -> Result<Mp, ValueError> {
    let fail = |found: &str| mismatch(path, ty, found);
    Ok(match (value, ty) {
        (Value::Null, _) => Mp::Nil,
        (Value::Unknown, _) => Mp::Ext(UNKNOWN_EXTENSION, vec![0]),
        (_, Type::Dynamic) => {
            let actual = value.inferred_type();
            Mp::Array(vec![Mp::Binary(actual.to_json_bytes()), encode_msgpack(value, &actual, path)?])
        }
        (Value::String(s), Type::String) => Mp::from(s.as_str()),
        (Value::Bool(b), Type::Bool) => Mp::Boolean(*b),
        (Value::Number(n), Type::Number) => {
            // Whole numbers as integers: the most compact form that loses nothing.
            match whole_number(*n) {
                Some(i) => Mp::from(i),
                None => Mp::F64(*n),
            }
        }
        (Value::List(items), Type::List(element) | Type::Set(element)) => Mp::Array(
            items.iter().enumerate().map(|(i, item)| encode_msgpack(item, element, &path.then_index(i))).collect::<Result<_, _>>()?,
        ),
        (Value::List(items), Type::Tuple(elements)) if items.len() == elements.len() => Mp::Array(
            items
                .iter()
                .zip(elements)
                .enumerate()
                .map(|(i, (item, element))| encode_msgpack(item, element, &path.then_index(i)))
                .collect::<Result<_, _>>()?,
        ),
        (Value::Map(entries), Type::Map(element)) => Mp::Map(
            entries
                .iter()
                .map(|(k, v)| Ok((Mp::from(k.as_str()), encode_msgpack(v, element, &path.then_key(k))?)))
                .collect::<Result<_, ValueError>>()?,
        ),
        (Value::Map(entries), Type::Object { attributes, .. }) => {
            if let Some(extra) = entries.keys().find(|k| !attributes.contains_key(*k)) {
                return Err(ValueError { path: path.then_attribute(extra), message: format!("attribute {extra:?} is not in the schema") });
            }
            Mp::Map(
                attributes
                    .iter()
                    .map(|(name, attribute_type)| {
                        let item = entries.get(name).unwrap_or(&Value::Null);
                        Ok((Mp::from(name.as_str()), encode_msgpack(item, attribute_type, &path.then_attribute(name))?))
                    })
                    .collect::<Result<_, ValueError>>()?,
            )
        }
        (Value::Bool(_), _) => return Err(fail("a bool")),
        (Value::Number(_), _) => return Err(fail("a number")),
        (Value::String(_), _) => return Err(fail("a string")),
        (Value::List(_), _) => return Err(fail("a list")),
        (Value::Map(_), _) => return Err(fail("a map")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schema_type() -> Type {
        Type::object([
            ("name".to_owned(), Type::String),
            ("count".to_owned(), Type::Number),
            ("enabled".to_owned(), Type::Bool),
            ("ids".to_owned(), Type::list(Type::String)),
            ("tags".to_owned(), Type::map(Type::String)),
            ("extra".to_owned(), Type::Dynamic),
        ])
    }

    #[test]
    fn msgpack_round_trip_with_null_unknown_and_dynamic() {
        let value = Value::object([
            ("name", Value::string("docs")),
            ("count", Value::Number(3.0)),
            ("enabled", Value::Unknown),
            ("ids", Value::List(vec![Value::string("a"), Value::Unknown])),
            ("tags", Value::Null),
            ("extra", Value::object([("k", Value::Bool(true))])),
        ]);
        let bytes = value.to_msgpack(&schema_type()).unwrap();
        assert_eq!(Value::from_msgpack(&bytes, &schema_type()).unwrap(), value);
    }

    #[test]
    fn unknown_uses_extension_zero_and_any_extension_decodes_as_unknown() {
        assert_eq!(Value::Unknown.to_msgpack(&Type::String).unwrap(), vec![0xd4, 0x00, 0x00]);
        // A refined unknown (extension 12) with a "not null" refinement: {1: true}.
        let refined = [0xc7, 0x03, 0x0c, 0x81, 0x01, 0xc3];
        assert_eq!(Value::from_msgpack(&refined, &Type::String).unwrap(), Value::Unknown);
    }

    #[test]
    fn wrong_type_names_the_path() {
        // {"ids": ["a", 7]}
        let bytes = [0x81, 0xa3, b'i', b'd', b's', 0x92, 0xa1, b'a', 0x07];
        let err = Value::from_msgpack(&bytes, &schema_type()).unwrap_err();
        assert_eq!(err.path.to_string(), "ids[1]");
        assert_eq!(err.message, "expected \"string\", found a number");
    }

    #[test]
    fn truncated_and_trailing_bytes_are_errors() {
        assert!(Value::from_msgpack(&[0x92, 0xa1], &Type::list(Type::String)).is_err());
        let err = Value::from_msgpack(&[0xc0, 0xc0], &Type::String).unwrap_err();
        assert_eq!(err.message, "1 unexpected bytes after the msgpack value");
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let bytes = vec![0x91; 100_000];
        let ty = Type::Dynamic;
        assert!(Value::from_msgpack(&bytes, &ty).is_err());
    }

    #[test]
    fn unexpected_attribute_is_an_error() {
        let bytes = [0x81, 0xa1, b'x', 0xc0];
        let err = Value::from_msgpack(&bytes, &schema_type()).unwrap_err();
        assert_eq!(err.path.to_string(), "x");
    }

    #[test]
    fn json_form_decodes_and_fills_missing_attributes() {
        let value = Value::from_json(br#"{"name":"a","ids":["x"],"extra":{"type":"string","value":"v"}}"#, &schema_type()).unwrap();
        assert_eq!(value.attribute("name"), &Value::string("a"));
        assert_eq!(value.attribute("count"), &Value::Null);
        assert_eq!(value.attribute("extra"), &Value::string("v"));
    }

    #[test]
    fn numbers_encode_compactly() {
        assert_eq!(Value::Number(5.0).to_msgpack(&Type::Number).unwrap(), vec![0x05]);
        assert_eq!(Value::Number(0.5).to_msgpack(&Type::Number).unwrap()[0], 0xcb);
        assert_eq!(Value::from_msgpack(&[0xa3, b'1', b'.', b'5'], &Type::Number).unwrap(), Value::Number(1.5));
        // A fraction a float cannot keep is not rounded into a whole number.
        let precise = "4096.00000000000000000001";
        let mut encoded = vec![0xa0 | precise.len() as u8];
        encoded.extend(precise.bytes());
        let error = Value::from_msgpack(&encoded, &Type::Number).unwrap_err();
        assert!(error.to_string().contains("4096.00000000000000000001 has a fraction too small for a 64-bit float to keep"), "{error}");
        for (text, whole) in [
            ("4096", true),
            ("4096.000", true),
            ("4.096e3", true),
            ("1e-3", false),
            ("0.000", true),
            ("-12.5e1", true),
            ("-12.55e1", false),
            ("1.25e2", true),
            ("0.1", false),
            ("1000e-3", true),
            ("1001e-3", false),
        ] {
            assert_eq!(is_whole_decimal(text), whole, "{text}");
        }
        assert!(!is_whole_decimal("1.5e-9223372036854775808"));
        let path = AttributePath::root();
        assert!(number_from_text("1.5e-9223372036854775808", &path).is_err(), "a tiny fraction is not zero");
        assert_eq!(number_from_text("1e99999", &path).unwrap_err().message, "1e99999 is beyond what a 64-bit float holds");
        // The JSON form of a value takes the same path.
        let error = Value::from_json(br#"{"n": 4096.00000000000000000001}"#, &Type::object([("n".to_owned(), Type::Number)])).unwrap_err();
        assert!(error.message.contains("has a fraction too small for a 64-bit float to keep"), "{}", error.message);
        // Both forms word a tuple of the wrong length alike: they share one decoder.
        let pair = Type::Tuple(vec![Type::String, Type::Bool]);
        assert_eq!(Value::from_json(br#"["a"]"#, &pair).unwrap_err().message, "tuple of 2 elements, found 1");
        assert_eq!(Value::from_msgpack(&[0x91, 0xa1, b'a'], &pair).unwrap_err().message, "tuple of 2 elements, found 1");
    }

    #[test]
    fn encoding_a_value_of_the_wrong_type_is_an_error() {
        let err = Value::string("x").to_msgpack(&Type::Bool).unwrap_err();
        assert_eq!(err.message, "expected \"bool\", found a string");
    }
}
