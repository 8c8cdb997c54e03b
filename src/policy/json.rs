//! Canonical JSON for policy documents (fixed key order, sorted lists; pretty and minified) and the
//! parser for documents users pass in. The parser is strict by hand: serde would silently keep the
//! last of two repeated keys (`"Effect":"Deny","Effect":"Allow"` becomes an Allow).

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use serde_json::Value as Json;
use thiserror::Error;

use super::condition::{Condition, ConditionKey, Operator};
use super::statement::{Actions, Effect, PolicyDocument, Principal, PrincipalKind, Resources, Statement, POLICY_VERSION};

/// A list written as a bare string when it has one entry, as IAM and `aws_iam_policy_document` do.
#[derive(Serialize)]
#[serde(untagged)]
enum OneOrMany<'a> {
    One(&'a str),
    Many(Vec<&'a str>),
}

impl<'a> OneOrMany<'a> {
    fn of(entries: &'a BTreeSet<String>) -> OneOrMany<'a> {
        match entries.len() {
            1 => OneOrMany::One(entries.iter().next().expect("one entry")),
            _ => OneOrMany::Many(entries.iter().map(String::as_str).collect()),
        }
    }
}

#[derive(Serialize)]
#[serde(untagged)]
enum PrincipalJson<'a> {
    Anyone(&'static str),
    Named(BTreeMap<&'static str, OneOrMany<'a>>),
}

/// Field order here is the order in the output: Sid, Effect, Principal, Action, Resource, Condition.
#[derive(Serialize)]
struct StatementJson<'a> {
    #[serde(rename = "Sid", skip_serializing_if = "Option::is_none")]
    sid: Option<&'a str>,
    #[serde(rename = "Effect")]
    effect: &'static str,
    #[serde(rename = "Principal", skip_serializing_if = "Option::is_none")]
    principal: Option<PrincipalJson<'a>>,
    #[serde(rename = "NotPrincipal", skip_serializing_if = "Option::is_none")]
    not_principal: Option<PrincipalJson<'a>>,
    #[serde(rename = "Action", skip_serializing_if = "Option::is_none")]
    action: Option<OneOrMany<'a>>,
    #[serde(rename = "NotAction", skip_serializing_if = "Option::is_none")]
    not_action: Option<OneOrMany<'a>>,
    #[serde(rename = "Resource", skip_serializing_if = "Option::is_none")]
    resource: Option<OneOrMany<'a>>,
    #[serde(rename = "NotResource", skip_serializing_if = "Option::is_none")]
    not_resource: Option<OneOrMany<'a>>,
    #[serde(rename = "Condition", skip_serializing_if = "BTreeMap::is_empty")]
    condition: BTreeMap<&'a str, BTreeMap<&'a str, OneOrMany<'a>>>,
}

#[derive(Serialize)]
struct DocumentJson<'a> {
    #[serde(rename = "Version")]
    version: &'static str,
    #[serde(rename = "Id", skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    #[serde(rename = "Statement")]
    statement: Vec<StatementJson<'a>>,
}

fn principal_view(principal: &Principal) -> PrincipalJson<'_> {
    match principal {
        Principal::Anyone => PrincipalJson::Anyone("*"),
        Principal::Named(named) => PrincipalJson::Named(named.iter().map(|(kind, ids)| (kind.as_str(), OneOrMany::of(ids))).collect()),
    }
}

fn view(document: &PolicyDocument) -> DocumentJson<'_> {
    DocumentJson {
        version: POLICY_VERSION,
        id: document.id.as_deref(),
        statement: document
            .statements
            .iter()
            .map(|s| StatementJson {
                sid: s.sid.as_deref(),
                effect: s.effect.as_str(),
                principal: s.principal.as_ref().map(principal_view),
                not_principal: s.not_principal.as_ref().map(principal_view),
                action: match &s.actions {
                    Actions::Action(names) => Some(OneOrMany::of(names)),
                    Actions::NotAction(_) => None,
                },
                not_action: match &s.actions {
                    Actions::NotAction(names) => Some(OneOrMany::of(names)),
                    Actions::Action(_) => None,
                },
                resource: match &s.resources {
                    Some(Resources::Resource(entries)) => Some(OneOrMany::of(entries)),
                    _ => None,
                },
                not_resource: match &s.resources {
                    Some(Resources::NotResource(entries)) => Some(OneOrMany::of(entries)),
                    _ => None,
                },
                condition: s
                    .condition
                    .0
                    .iter()
                    .map(|(op, keys)| (op.as_str(), keys.iter().map(|(k, v)| (k.as_str(), OneOrMany::of(v))).collect()))
                    .collect(),
            })
            .collect(),
    }
}

impl PolicyDocument {
    /// Two-space indented JSON; the same document always gives the same bytes.
    pub fn to_pretty_json(&self) -> String {
        serde_json::to_string_pretty(&view(self)).expect("policy documents always serialize")
    }

    /// The same JSON without any whitespace between tokens.
    pub fn to_minified_json(&self) -> String {
        serde_json::to_string(&view(self)).expect("policy documents always serialize")
    }

    /// Parses a policy document a user supplied (e.g. from `aws_iam_policy_document` or `jsonencode`).
    pub fn from_json(text: &str) -> Result<PolicyDocument, ParseError> {
        let invalid = |e: serde_json::Error| ParseError::at("", format!("not valid JSON: {e}"));
        // Two reads: the first only refuses repeated keys, the second keeps numbers exactly as written.
        serde_json::from_str::<UniqueKeys>(text).map_err(invalid)?;
        let json: Json = serde_json::from_str(text).map_err(invalid)?;
        let top = json.as_object().ok_or_else(|| ParseError::at("", "a policy document must be a JSON object"))?;
        for key in top.keys() {
            if !["Version", "Statement", "Id"].contains(&key.as_str()) {
                return Err(ParseError::at(key, "unexpected top-level key; a policy has Version, Statement and optionally Id"));
            }
        }
        match top.get("Version") {
            Some(Json::String(v)) if v == POLICY_VERSION => {}
            _ => return Err(ParseError::at("Version", format!("must be \"{POLICY_VERSION}\""))),
        }
        let statements = match top.get("Statement") {
            Some(Json::Array(items)) => items.iter().collect::<Vec<_>>(),
            Some(single @ Json::Object(_)) => vec![single],
            _ => return Err(ParseError::at("Statement", "must be a statement object or a list of them")),
        };
        let statements =
            statements.into_iter().enumerate().map(|(i, s)| parse_statement(s, &format!("Statement[{i}]"))).collect::<Result<_, _>>()?;
        let id = match top.get("Id") {
            None => None,
            Some(Json::String(id)) => Some(id.clone()),
            Some(_) => return Err(ParseError::at("Id", "must be a string")),
        };
        Ok(PolicyDocument { id, statements })
    }
}

/// A JSON text with no key repeated in one object: serde_json would silently keep the last one
/// (`"Effect":"Deny","Effect":"Allow"` would become an Allow).
struct UniqueKeys;

impl<'de> serde::Deserialize<'de> for UniqueKeys {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(UniqueKeysVisitor)
    }
}

struct UniqueKeysVisitor;

impl<'de> serde::de::Visitor<'de> for UniqueKeysVisitor {
    type Value = UniqueKeys;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<UniqueKeys, E> {
        Ok(UniqueKeys)
    }

    fn visit_i64<E>(self, _: i64) -> Result<UniqueKeys, E> {
        Ok(UniqueKeys)
    }

    fn visit_u64<E>(self, _: u64) -> Result<UniqueKeys, E> {
        Ok(UniqueKeys)
    }

    fn visit_f64<E>(self, _: f64) -> Result<UniqueKeys, E> {
        Ok(UniqueKeys)
    }

    fn visit_str<E>(self, _: &str) -> Result<UniqueKeys, E> {
        Ok(UniqueKeys)
    }

    fn visit_unit<E>(self) -> Result<UniqueKeys, E> {
        Ok(UniqueKeys)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<UniqueKeys, A::Error> {
        while seq.next_element::<UniqueKeys>()?.is_some() {}
        Ok(UniqueKeys)
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<UniqueKeys, A::Error> {
        let mut seen = std::collections::HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if !seen.insert(key.clone()) {
                return Err(serde::de::Error::custom(format!("the key {key:?} appears twice in one object")));
            }
            map.next_value::<UniqueKeys>()?;
        }
        Ok(UniqueKeys)
    }
}

/// Where in a user's policy JSON something is wrong (`Statement[1].Action`) and what.
#[derive(Debug, Error, PartialEq, Eq)]
#[error("{location}: {message}")]
pub struct ParseError {
    /// Where: `Statement[1].Action`, or `document`.
    pub location: String,
    /// What is wrong.
    pub message: String,
}

impl ParseError {
    fn at(location: &str, message: impl Into<String>) -> ParseError {
        ParseError { location: if location.is_empty() { "document".into() } else { location.to_owned() }, message: message.into() }
    }
}

fn strings(value: &Json, location: &str) -> Result<BTreeSet<String>, ParseError> {
    let list = match value {
        Json::String(s) => vec![s.clone()],
        Json::Array(items) => items
            .iter()
            .map(|item| match item {
                Json::String(s) => Ok(s.clone()),
                // IAM accepts bare booleans and numbers in conditions and stores them as text.
                Json::Bool(b) => Ok(b.to_string()),
                Json::Number(n) => Ok(n.to_string()),
                _ => Err(ParseError::at(location, "list entries must be strings")),
            })
            .collect::<Result<_, _>>()?,
        Json::Bool(b) => vec![b.to_string()],
        Json::Number(n) => vec![n.to_string()],
        _ => return Err(ParseError::at(location, "must be a string or a list of strings")),
    };
    if list.is_empty() {
        return Err(ParseError::at(location, "must not be empty"));
    }
    Ok(list.into_iter().collect())
}

fn parse_statement(json: &Json, location: &str) -> Result<Statement, ParseError> {
    let object = json.as_object().ok_or_else(|| ParseError::at(location, "a statement must be an object"))?;
    let at = |key: &str| format!("{location}.{key}");
    for key in object.keys() {
        if !["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"]
            .contains(&key.as_str())
        {
            return Err(ParseError::at(&at(key), "unexpected key"));
        }
    }
    let sid = match object.get("Sid") {
        None => None,
        Some(Json::String(s)) => Some(s.clone()),
        Some(_) => return Err(ParseError::at(&at("Sid"), "must be a string")),
    };
    let effect = match object.get("Effect") {
        Some(Json::String(text)) => Effect::parse(text).map_err(|e| ParseError::at(&at("Effect"), e.to_string()))?,
        Some(_) => return Err(ParseError::at(&at("Effect"), "must be a string, \"Allow\" or \"Deny\"")),
        None => return Err(ParseError::at(&at("Effect"), "is missing; a statement needs \"Allow\" or \"Deny\"")),
    };
    let actions = match (object.get("Action"), object.get("NotAction")) {
        (Some(a), None) => Actions::Action(strings(a, &at("Action"))?),
        (None, Some(a)) => Actions::NotAction(strings(a, &at("NotAction"))?),
        _ => return Err(ParseError::at(location, "needs exactly one of Action and NotAction")),
    };
    let resources = match (object.get("Resource"), object.get("NotResource")) {
        (Some(r), None) => Some(Resources::Resource(strings(r, &at("Resource"))?)),
        (None, Some(r)) => Some(Resources::NotResource(strings(r, &at("NotResource"))?)),
        (None, None) => None,
        _ => return Err(ParseError::at(location, "has both Resource and NotResource")),
    };
    let principal = object.get("Principal").map(|p| parse_principal(p, &at("Principal"))).transpose()?;
    let not_principal = object.get("NotPrincipal").map(|p| parse_principal(p, &at("NotPrincipal"))).transpose()?;
    if principal.is_some() && not_principal.is_some() {
        return Err(ParseError::at(location, "has both Principal and NotPrincipal"));
    }
    let mut condition = Condition::default();
    match object.get("Condition") {
        None => {}
        Some(Json::Object(operators)) => {
            for (operator, keys) in operators {
                let op_location = format!("{}.{operator}", at("Condition"));
                let parsed = Operator::parse(operator).map_err(|e| ParseError::at(&op_location, e.to_string()))?;
                let keys = keys.as_object().ok_or_else(|| ParseError::at(&op_location, "must map condition keys to values"))?;
                for (key, values) in keys {
                    let key_location = format!("{op_location}.{key}");
                    let parsed_key = ConditionKey::named(key.clone()).map_err(|e| ParseError::at(&key_location, e.to_string()))?;
                    let values = strings(values, &key_location)?;
                    parsed.check_values(&values).map_err(|message| ParseError::at(&key_location, message))?;
                    condition.add(parsed.clone(), parsed_key, values);
                }
            }
        }
        Some(_) => return Err(ParseError::at(&at("Condition"), "must be an object")),
    }
    Ok(Statement { sid, effect, principal, not_principal, actions, resources, condition })
}

fn parse_principal(json: &Json, location: &str) -> Result<Principal, ParseError> {
    match json {
        Json::String(s) if s == "*" => Ok(Principal::Anyone),
        Json::Object(kinds) => {
            let mut named = BTreeMap::new();
            for (kind, ids) in kinds {
                let kind_location = format!("{location}.{kind}");
                let parsed = PrincipalKind::parse(kind).map_err(|e| ParseError::at(&kind_location, e.to_string()))?;
                named.insert(parsed, strings(ids, &kind_location)?);
            }
            Ok(Principal::Named(named))
        }
        _ => Err(ParseError::at(location, "must be \"*\" or an object")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::arn::{Arn, Partition};

    fn sample() -> PolicyDocument {
        let bucket = Arn::new(Partition::Aws, "s3", "", "", "docs/*");
        PolicyDocument::new(vec![
            Statement::allow("Read").actions(["s3:GetObject", "s3:GetObject"]).resource(&bucket).condition(
                Operator::STRING_EQUALS,
                ConditionKey::RESOURCE_ACCOUNT,
                ["123456789012"],
            ),
            Statement::allow("Trust")
                .principal(Principal::service("qbusiness.amazonaws.com"))
                .actions(["sts:AssumeRole", "sts:TagSession"]),
        ])
    }

    #[test]
    fn pretty_json_has_fixed_key_order_and_two_space_indent() {
        let expected = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Read",
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::docs/*",
      "Condition": {
        "StringEquals": {
          "aws:ResourceAccount": "123456789012"
        }
      }
    },
    {
      "Sid": "Trust",
      "Effect": "Allow",
      "Principal": {
        "Service": "qbusiness.amazonaws.com"
      },
      "Action": [
        "sts:AssumeRole",
        "sts:TagSession"
      ]
    }
  ]
}"#;
        assert_eq!(sample().to_pretty_json(), expected);
    }

    #[test]
    fn minified_round_trips_through_the_parser() {
        let minified = sample().to_minified_json();
        assert!(!minified.contains(' ') && !minified.contains('\n'));
        assert_eq!(PolicyDocument::from_json(&minified).unwrap(), sample());
    }

    #[test]
    fn parser_names_the_location() {
        let err = PolicyDocument::from_json(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[]}]}"#).unwrap_err();
        assert_eq!(err.to_string(), "Statement[0].Action: must not be empty");
        let err = PolicyDocument::from_json(r#"{"Version":"2008-10-17","Statement":[]}"#).unwrap_err();
        assert_eq!(err.to_string(), "Version: must be \"2012-10-17\"");
        let err = PolicyDocument::from_json(
            r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Condition":{"StringEqual":{"a:b":"c"}}}}"#,
        )
        .unwrap_err();
        assert_eq!(err.location, "Statement[0].Condition.StringEqual");
        assert!(PolicyDocument::from_json("{").is_err());
    }

    #[test]
    fn duplicate_keys_and_non_boolean_bool_values_are_errors() {
        let doubled = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#;
        let error = PolicyDocument::from_json(doubled).unwrap_err().to_string();
        assert!(error.starts_with("document: not valid JSON: the key \"Effect\" appears twice in one object"), "{error}");
        let nested = r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"aws:SourceVpc":"a","aws:SourceVpc":"b"}}}}"#;
        assert!(PolicyDocument::from_json(nested).unwrap_err().to_string().contains("\"aws:SourceVpc\" appears twice"));
        let maybe = r#"{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"BoolIfExists":{"aws:SecureTransport":"maybe"}}}}"#;
        assert_eq!(
            PolicyDocument::from_json(maybe).unwrap_err().to_string(),
            "Statement[0].Condition.BoolIfExists.aws:SecureTransport: BoolIfExists compares with true or false only"
        );
    }

    #[test]
    fn numbers_keep_their_text_and_the_id_is_kept() {
        let text = r#"{"Version":"2012-10-17","Id":"my-policy","Statement":{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*","Condition":{"NumericLessThan":{"s3:max-keys":123456789012345678901}}}}"#;
        let document = PolicyDocument::from_json(text).unwrap();
        assert_eq!(document.id.as_deref(), Some("my-policy"));
        assert_eq!(
            document.to_minified_json(),
            r#"{"Version":"2012-10-17","Id":"my-policy","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*","Condition":{"NumericLessThan":{"s3:max-keys":"123456789012345678901"}}}]}"#
        );
    }

    #[test]
    fn bool_condition_values_become_text() {
        let doc = PolicyDocument::from_json(r#"{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":false}}}}"#).unwrap();
        assert!(doc.to_minified_json().contains(r#""Bool":{"aws:SecureTransport":"false"}"#));
    }
}
