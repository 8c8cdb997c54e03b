//! Condition operators, condition keys and condition blocks, kept sorted for stable output.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use thiserror::Error;

/// An IAM condition operator such as `StringEquals` or `ForAllValues:StringLike`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Operator(Cow<'static, str>);

/// The base operators IAM knows; `ForAnyValue:`/`ForAllValues:` prefixes and `IfExists` suffixes add to these.
const BASE_OPERATORS: [&str; 25] = [
    "StringEquals",
    "StringNotEquals",
    "StringEqualsIgnoreCase",
    "StringNotEqualsIgnoreCase",
    "StringLike",
    "StringNotLike",
    "NumericEquals",
    "NumericNotEquals",
    "NumericLessThan",
    "NumericLessThanEquals",
    "NumericGreaterThan",
    "NumericGreaterThanEquals",
    "DateEquals",
    "DateNotEquals",
    "DateLessThan",
    "DateLessThanEquals",
    "DateGreaterThan",
    "DateGreaterThanEquals",
    "Bool",
    "BinaryEquals",
    "IpAddress",
    "NotIpAddress",
    "ArnEquals",
    "ArnLike",
    "ArnNotEquals",
];
const MORE_BASE_OPERATORS: [&str; 2] = ["ArnNotLike", "Null"];

/// An operator's text taken apart: its `ForAnyValue`/`ForAllValues` qualifier, its base operator
/// and whether it ends in `IfExists` (`NullIfExists` is no operator, so `Null` keeps the text
/// whole). The one reading of an operator's qualifiers, for parsing and for evaluation alike.
pub(crate) fn split(text: &str) -> (Option<&'static str>, &str, bool) {
    let (qualifier, unqualified) =
        match ["ForAnyValue", "ForAllValues"].into_iter().find_map(|q| Some((q, text.strip_prefix(q)?.strip_prefix(':')?))) {
            Some((qualifier, rest)) => (Some(qualifier), rest),
            None => (None, text),
        };
    match unqualified.strip_suffix("IfExists") {
        Some(base) if base != "Null" => (qualifier, base, true),
        _ => (qualifier, unqualified, false),
    }
}

/// The base operator of `text`, without its qualifier and `IfExists`.
fn base_of(text: &str) -> &str {
    split(text).1
}

/// A name that is no IAM condition operator.
#[derive(Debug, Error, PartialEq, Eq)]
#[error("{0:?} is not an IAM condition operator; valid are e.g. StringEquals, StringLike, ArnEquals, ArnLike, Bool, NumericLessThan, IpAddress, Null, with optional ForAnyValue:/ForAllValues: prefix and IfExists suffix")]
pub struct UnknownOperator(pub String);

impl Operator {
    /// `StringEquals`.
    pub const STRING_EQUALS: Operator = Operator(Cow::Borrowed("StringEquals"));
    /// `StringEqualsIgnoreCase`.
    pub const STRING_EQUALS_IGNORE_CASE: Operator = Operator(Cow::Borrowed("StringEqualsIgnoreCase"));
    /// `StringLike`.
    pub const STRING_LIKE: Operator = Operator(Cow::Borrowed("StringLike"));
    /// `ArnEquals`.
    pub const ARN_EQUALS: Operator = Operator(Cow::Borrowed("ArnEquals"));
    /// `ArnLike`.
    pub const ARN_LIKE: Operator = Operator(Cow::Borrowed("ArnLike"));
    /// `Bool`.
    pub const BOOL: Operator = Operator(Cow::Borrowed("Bool"));
    /// `ForAllValues:StringEquals`.
    pub const FOR_ALL_VALUES_STRING_EQUALS: Operator = Operator(Cow::Borrowed("ForAllValues:StringEquals"));

    /// Accepts what IAM accepts: a base operator, optionally qualified by a set prefix and `IfExists`.
    pub fn parse(text: &str) -> Result<Operator, UnknownOperator> {
        let base = base_of(text);
        if BASE_OPERATORS.contains(&base) || MORE_BASE_OPERATORS.contains(&base) {
            Ok(Operator(Cow::Owned(text.to_owned())))
        } else {
            Err(UnknownOperator(text.to_owned()))
        }
    }

    /// `Bool` or `Null`, with any qualifier: their values are `true` or `false`.
    pub fn is_boolean(&self) -> bool {
        matches!(base_of(&self.0), "Bool" | "Null")
    }

    /// The values this operator may compare with: `Bool` and `Null` take only `true` or `false`.
    /// The one wording of that rule, for statement blocks and documents alike.
    pub fn check_values(&self, values: impl IntoIterator<Item = impl AsRef<str>>) -> Result<(), String> {
        if self.is_boolean() && values.into_iter().any(|v| !matches!(v.as_ref(), "true" | "false")) {
            Err(format!("{self} compares with true or false only"))
        } else {
            Ok(())
        }
    }

    /// The operator as IAM writes it.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Operator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A condition context key such as `aws:SourceArn` or `kms:ViaService`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ConditionKey(Cow<'static, str>);

/// A text that is no condition key.
#[derive(Debug, Error, PartialEq, Eq)]
#[error("{0:?} is not a condition key: expected prefix:name, e.g. aws:SourceAccount")]
pub struct InvalidConditionKey(pub String);

impl ConditionKey {
    /// `aws:SourceAccount`.
    pub const SOURCE_ACCOUNT: ConditionKey = ConditionKey(Cow::Borrowed("aws:SourceAccount"));
    /// `aws:SourceArn`.
    pub const SOURCE_ARN: ConditionKey = ConditionKey(Cow::Borrowed("aws:SourceArn"));
    /// `aws:ResourceAccount`.
    pub const RESOURCE_ACCOUNT: ConditionKey = ConditionKey(Cow::Borrowed("aws:ResourceAccount"));
    /// `aws:TagKeys`.
    pub const TAG_KEYS: ConditionKey = ConditionKey(Cow::Borrowed("aws:TagKeys"));
    /// `aws:CalledViaLast`.
    pub const CALLED_VIA_LAST: ConditionKey = ConditionKey(Cow::Borrowed("aws:CalledViaLast"));
    /// `kms:ViaService`.
    pub const KMS_VIA_SERVICE: ConditionKey = ConditionKey(Cow::Borrowed("kms:ViaService"));
    /// `kms:CallerAccount`.
    pub const KMS_CALLER_ACCOUNT: ConditionKey = ConditionKey(Cow::Borrowed("kms:CallerAccount"));
    /// `ec2:CreateAction`.
    pub const EC2_CREATE_ACTION: ConditionKey = ConditionKey(Cow::Borrowed("ec2:CreateAction"));
    /// `cloudwatch:namespace`.
    pub const CLOUDWATCH_NAMESPACE: ConditionKey = ConditionKey(Cow::Borrowed("cloudwatch:namespace"));
    /// `iam:PassedToService`.
    pub const IAM_PASSED_TO_SERVICE: ConditionKey = ConditionKey(Cow::Borrowed("iam:PassedToService"));
    /// `SAML:aud`.
    pub const SAML_AUD: ConditionKey = ConditionKey(Cow::Borrowed("SAML:aud"));

    /// `aws:RequestTag/NAME`
    pub fn request_tag(tag: &str) -> ConditionKey {
        ConditionKey(Cow::Owned(format!("aws:RequestTag/{tag}")))
    }

    /// `aws:PrincipalTag/NAME`
    pub fn principal_tag(tag: &str) -> ConditionKey {
        ConditionKey(Cow::Owned(format!("aws:PrincipalTag/{tag}")))
    }

    /// `aws:ResourceTag/NAME`
    pub fn resource_tag(tag: &str) -> ConditionKey {
        ConditionKey(Cow::Owned(format!("aws:ResourceTag/{tag}")))
    }

    /// `PREFIX:NAME` from parts the caller knows to be well formed: a service's own key
    /// (`qapps`, `UserIsAppOwner`) or an OIDC issuer's audience (`login.example.com`, `aud`).
    pub fn qualified(prefix: &str, name: &str) -> ConditionKey {
        ConditionKey(Cow::Owned(format!("{prefix}:{name}")))
    }

    /// A key a user wrote, e.g. `qapps:UserIsAppOwner` or an OIDC issuer's `HOST:aud`.
    pub fn named(text: impl Into<String>) -> Result<ConditionKey, InvalidConditionKey> {
        let text = text.into();
        match text.split_once(':') {
            Some((prefix, name)) if !prefix.is_empty() && !name.is_empty() && !text.contains(char::is_whitespace) => {
                Ok(ConditionKey(Cow::Owned(text)))
            }
            _ => Err(InvalidConditionKey(text)),
        }
    }

    /// The key as IAM writes it.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ConditionKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A statement's `Condition`: operator → key → values, all sorted and deduplicated.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Condition(pub BTreeMap<Operator, BTreeMap<ConditionKey, BTreeSet<String>>>);

impl Condition {
    /// No condition at all.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Adds `values` under `operator` and `key`.
    pub fn add<I, S>(&mut self, operator: Operator, key: ConditionKey, values: I)
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.0.entry(operator).or_default().entry(key).or_default().extend(values.into_iter().map(Into::into));
    }

    /// Every key the condition tests.
    pub fn keys(&self) -> impl Iterator<Item = &ConditionKey> {
        self.0.values().flat_map(BTreeMap::keys)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operators_with_qualifiers() {
        for ok in ["StringEquals", "ForAllValues:StringLike", "ArnLikeIfExists", "ForAnyValue:StringEqualsIfExists", "Null"] {
            assert_eq!(Operator::parse(ok).unwrap().as_str(), ok);
        }
        for bad in ["StringEqual", "NullIfExists", "ForSomeValues:StringLike", "stringequals", ""] {
            assert_eq!(Operator::parse(bad), Err(UnknownOperator(bad.to_owned())));
        }
    }

    #[test]
    fn keys_need_a_prefix() {
        assert!(ConditionKey::named("aws:SourceArn").is_ok());
        assert!(ConditionKey::named("token.actions.githubusercontent.com:aud").is_ok());
        assert!(ConditionKey::named("SourceArn").is_err());
        assert!(ConditionKey::named("aws:").is_err());
    }

    #[test]
    fn condition_is_sorted_and_deduplicated() {
        let mut condition = Condition::default();
        condition.add(Operator::STRING_LIKE, ConditionKey::request_tag("B"), ["y", "x", "y"]);
        condition.add(Operator::ARN_EQUALS, ConditionKey::SOURCE_ARN, ["arn"]);
        let operators: Vec<_> = condition.0.keys().map(Operator::as_str).collect();
        assert_eq!(operators, ["ArnEquals", "StringLike"]);
        let values: Vec<_> = condition.0[&Operator::STRING_LIKE][&ConditionKey::request_tag("B")].iter().collect();
        assert_eq!(values, ["x", "y"]);
    }
}
