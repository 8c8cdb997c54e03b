//! Condition operators evaluated against a request's context: each operator family's comparison,
//! negation, `IfExists`, the `ForAnyValue:`/`ForAllValues:` set qualifiers and `Null`.

use std::net::IpAddr;

use super::context::{Context, ContextValue};
use super::matching::{arn, glob, tokens, ArnPattern, Wildcards};
use super::EvaluationError;
use crate::policy::condition::{ConditionKey, Operator};

/// How an operator reads a context key that holds a set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Qualifier {
    /// No qualifier: the key is single-valued.
    Single,
    /// `ForAnyValue:` — some value of the set matches.
    AnyValue,
    /// `ForAllValues:` — every value of the set matches (an empty or absent set does).
    AllValues,
}

/// What an operator compares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    String { ignore_case: bool, like: bool },
    Numeric(Comparison),
    Date(Comparison),
    Bool,
    Binary,
    Ip,
    Arn,
    Null,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Comparison {
    Equals,
    LessThan,
    LessThanEquals,
    GreaterThan,
    GreaterThanEquals,
}

/// An operator taken apart: its qualifier, family, whether it is negated, and `IfExists`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Parts {
    qualifier: Qualifier,
    family: Family,
    negated: bool,
    if_exists: bool,
}

fn parts(operator: &Operator) -> Result<Parts, EvaluationError> {
    let text = operator.as_str();
    let (qualifier, base, if_exists) = crate::policy::condition::split(text);
    let qualifier = match qualifier {
        Some("ForAnyValue") => Qualifier::AnyValue,
        Some(_) => Qualifier::AllValues,
        None => Qualifier::Single,
    };
    use Comparison::*;
    let string = |ignore_case, like| Family::String { ignore_case, like };
    let (family, negated) = match base {
        "StringEquals" => (string(false, false), false),
        "StringNotEquals" => (string(false, false), true),
        "StringEqualsIgnoreCase" => (string(true, false), false),
        "StringNotEqualsIgnoreCase" => (string(true, false), true),
        "StringLike" => (string(false, true), false),
        "StringNotLike" => (string(false, true), true),
        "NumericEquals" => (Family::Numeric(Equals), false),
        "NumericNotEquals" => (Family::Numeric(Equals), true),
        "NumericLessThan" => (Family::Numeric(LessThan), false),
        "NumericLessThanEquals" => (Family::Numeric(LessThanEquals), false),
        "NumericGreaterThan" => (Family::Numeric(GreaterThan), false),
        "NumericGreaterThanEquals" => (Family::Numeric(GreaterThanEquals), false),
        "DateEquals" => (Family::Date(Equals), false),
        "DateNotEquals" => (Family::Date(Equals), true),
        "DateLessThan" => (Family::Date(LessThan), false),
        "DateLessThanEquals" => (Family::Date(LessThanEquals), false),
        "DateGreaterThan" => (Family::Date(GreaterThan), false),
        "DateGreaterThanEquals" => (Family::Date(GreaterThanEquals), false),
        "Bool" => (Family::Bool, false),
        "BinaryEquals" => (Family::Binary, false),
        "IpAddress" => (Family::Ip, false),
        "NotIpAddress" => (Family::Ip, true),
        "ArnEquals" | "ArnLike" => (Family::Arn, false),
        "ArnNotEquals" | "ArnNotLike" => (Family::Arn, true),
        "Null" => (Family::Null, false),
        _ => return Err(EvaluationError::UnknownOperator(text.to_owned())),
    };
    Ok(Parts { qualifier, family, negated, if_exists })
}

/// What an operator compares its key's values as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueKind {
    /// Text (`String…`).
    Text,
    /// An ARN (`Arn…`).
    Arn,
    /// A number (`Numeric…`).
    Number,
    /// A date (`Date…`).
    Date,
    /// `true` or `false` (`Bool`, `Null`).
    Boolean,
    /// An address range (`IpAddress`, `NotIpAddress`).
    IpRange,
    /// Base64 (`BinaryEquals`).
    Base64,
}

/// An operator's shape, for checks of how it is used: its set qualifier, what it compares, and
/// whether it takes wildcards, is negated, has `IfExists`, or is `Null`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shape {
    /// `Some("ForAnyValue")` or `Some("ForAllValues")`.
    pub qualifier: Option<&'static str>,
    /// What it compares.
    pub kind: ValueKind,
    /// `StringLike`, `StringNotLike` and the `Arn…` operators take `*` and `?`.
    pub wildcards: bool,
    /// `…Not…` operators.
    pub negated: bool,
    /// `…IfExists`.
    pub if_exists: bool,
    /// `Null`.
    pub null: bool,
}

/// The shape of `operator`.
pub fn shape(operator: &Operator) -> Result<Shape, EvaluationError> {
    let parts = parts(operator)?;
    let kind = match parts.family {
        Family::String { .. } => ValueKind::Text,
        Family::Arn => ValueKind::Arn,
        Family::Numeric(_) => ValueKind::Number,
        Family::Date(_) => ValueKind::Date,
        Family::Bool | Family::Null => ValueKind::Boolean,
        Family::Ip => ValueKind::IpRange,
        Family::Binary => ValueKind::Base64,
    };
    Ok(Shape {
        qualifier: match parts.qualifier {
            Qualifier::Single => None,
            Qualifier::AnyValue => Some("ForAnyValue"),
            Qualifier::AllValues => Some("ForAllValues"),
        },
        kind,
        wildcards: matches!(parts.family, Family::String { like: true, .. } | Family::Arn),
        negated: parts.negated,
        if_exists: parts.if_exists,
        null: parts.family == Family::Null,
    })
}

/// Whether an operator comparing `kind` can read the policy value `value`.
pub fn readable_value(kind: ValueKind, value: &str) -> bool {
    match kind {
        ValueKind::Number => number(value).is_some(),
        ValueKind::Date => date(value).is_some(),
        ValueKind::IpRange => network(value).is_some(),
        ValueKind::Boolean => matches!(value.to_ascii_lowercase().as_str(), "true" | "false"),
        ValueKind::Base64 => binary(value).is_some(),
        ValueKind::Text | ValueKind::Arn => true,
    }
}

/// The address range a policy value stands for, and whether it has bits set past its prefix.
pub fn ip_range(value: &str) -> Option<(IpAddr, u8, bool)> {
    let (address, bits) = network(value)?;
    let normal = match address {
        IpAddr::V4(a) => u32::from(a) & !(if bits == 0 { 0 } else { u32::MAX << (32 - bits) }) == 0,
        IpAddr::V6(a) => u128::from(a) & !(if bits == 0 { 0 } else { u128::MAX << (128 - bits) }) == 0,
    };
    Some((address, bits, !normal))
}

/// A number as IAM's numeric operators read it: an optional sign, digits, an optional fraction.
fn number(text: &str) -> Option<f64> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (all_digits(whole) && all_digits(fraction)).then(|| text.parse().ok()).flatten()
}

/// A date as IAM's date operators read it, in milliseconds since the epoch: ISO 8601
/// (`2026-12-05`, `2026-12-05T10:00:00Z`, with seconds' fractions or an offset) or epoch seconds.
pub(super) fn date(text: &str) -> Option<i128> {
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        return text.parse::<i128>().ok().map(|s| s * 1000);
    }
    let field = |s: &str, n: usize| -> Option<i128> { (s.len() == n && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())? };
    let (day, time) = text.split_once('T').unwrap_or((text, ""));
    // W3C's profiles of ISO 8601: YYYY, YYYY-MM and YYYY-MM-DD, then optionally a time.
    let mut d = day.split('-');
    let year = field(d.next()?, 4)?;
    let month = d.next().map_or(Some(1), |m| field(m, 2))?;
    let dom = d.next().map_or(Some(1), |m| field(m, 2))?;
    if d.next().is_some() || !(1..=12).contains(&month) || !(1..=31).contains(&dom) || (day.len() < 10 && !time.is_empty()) {
        return None;
    }
    // Days from the civil date (Howard Hinnant's algorithm).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + dom - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    let mut millis = days * 86_400_000;
    if time.is_empty() {
        return Some(millis);
    }
    let (clock, offset_minutes) = if let Some(clock) = time.strip_suffix('Z') {
        (clock, 0)
    } else if let Some(at) = time.rfind(['+', '-']) {
        let (clock, offset) = time.split_at(at);
        let sign = if offset.starts_with('-') { -1 } else { 1 };
        let (h, m) = offset[1..].split_once(':')?;
        (clock, sign * (field(h, 2)? * 60 + field(m, 2)?))
    } else {
        (time, 0)
    };
    let (clock, fraction) = clock.split_once('.').unwrap_or((clock, ""));
    let mut c = clock.split(':');
    let hours = field(c.next()?, 2)?;
    let minutes = c.next().map_or(Some(0), |m| field(m, 2))?;
    let seconds = c.next().map_or(Some(0), |s| field(s, 2))?;
    if c.next().is_some() || hours > 23 || minutes > 59 || seconds > 60 {
        return None;
    }
    if !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let fraction_millis = format!("{fraction:0<3}")[..3].parse::<i128>().ok()?;
    millis += ((hours * 60 + minutes - offset_minutes) * 60 + seconds) * 1000 + fraction_millis;
    Some(millis)
}

/// The bytes a `BinaryEquals` value stands for: base64 text.
fn binary(text: &str) -> Option<Vec<u8>> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.decode(text).ok()
}

/// An address range as `IpAddress` reads it: CIDR notation, or one address.
fn network(text: &str) -> Option<(IpAddr, u8)> {
    let (address, bits) = match text.split_once('/') {
        Some((address, bits)) => (address.parse::<IpAddr>().ok()?, bits.parse::<u8>().ok()?),
        None => {
            let address = text.parse::<IpAddr>().ok()?;
            (address, if address.is_ipv4() { 32 } else { 128 })
        }
    };
    let fits = match address {
        IpAddr::V4(_) => bits <= 32,
        IpAddr::V6(_) => bits <= 128,
    };
    fits.then_some((address, bits))
}

fn in_network(network: (IpAddr, u8), address: IpAddr) -> bool {
    let prefix = |bits: u32, width: u32| if bits == 0 { 0 } else { u128::MAX << (width - bits) };
    match (network.0, address) {
        (IpAddr::V4(n), IpAddr::V4(a)) => {
            let mask = prefix(u32::from(network.1), 32) as u32;
            u32::from(n) & mask == u32::from(a) & mask
        }
        (IpAddr::V6(n), IpAddr::V6(a)) => {
            let mask = prefix(u32::from(network.1), 128);
            u128::from(n) & mask == u128::from(a) & mask
        }
        _ => false,
    }
}

fn compare<T: PartialOrd>(comparison: Comparison, context: T, policy: T) -> bool {
    match comparison {
        Comparison::Equals => context == policy,
        Comparison::LessThan => context < policy,
        Comparison::LessThanEquals => context <= policy,
        Comparison::GreaterThan => context > policy,
        Comparison::GreaterThanEquals => context >= policy,
    }
}

/// Every value of a condition entry that its operator cannot read: an error, never a silent match.
pub(super) fn check(operator: &Operator, key: &ConditionKey, values: &std::collections::BTreeSet<String>) -> Result<(), EvaluationError> {
    let malformed =
        |value: &String| EvaluationError::MalformedValue { operator: operator.to_string(), key: key.to_string(), value: value.clone() };
    let kind = shape(operator)?.kind;
    for value in values {
        let readable = readable_value(kind, value);
        if !readable {
            return Err(malformed(value));
        }
    }
    Ok(())
}

/// Whether the context value is of the kind the operator compares (a number, a date, an address,
/// an ARN, base64): an operator cannot judge any other, so the condition fails whether or not it
/// is negated (AWS's docs are silent; failing is the side that never allows by mistake).
fn readable(family: Family, value: &str) -> bool {
    match family {
        Family::Numeric(_) => number(value).is_some(),
        Family::Date(_) => date(value).is_some(),
        Family::Ip => value.parse::<IpAddr>().is_ok(),
        Family::Arn => value.splitn(6, ':').count() == 6 && value.starts_with("arn:"),
        Family::Binary => binary(value).is_some(),
        Family::String { .. } | Family::Bool | Family::Null => true,
    }
}

/// Whether one policy value matches one readable context value.
fn matches(family: Family, policy: &str, value: &str, context: &Context) -> bool {
    match family {
        Family::String { ignore_case, like } => {
            let wildcards = if like { Wildcards::Glob } else { Wildcards::Literal };
            tokens(policy, wildcards, Some(context)).is_some_and(|t| glob(&t, value, ignore_case))
        }
        Family::Arn => arn(policy, value, ArnPattern::Condition, Some(context)),
        Family::Numeric(comparison) => match (number(value), number(policy)) {
            (Some(v), Some(p)) => compare(comparison, v, p),
            _ => false,
        },
        Family::Date(comparison) => match (date(value), date(policy)) {
            (Some(v), Some(p)) => compare(comparison, v, p),
            _ => false,
        },
        Family::Bool => value.eq_ignore_ascii_case(policy),
        Family::Binary => binary(value).is_some_and(|v| binary(policy) == Some(v)),
        Family::Ip => match (network(policy), value.parse::<IpAddr>()) {
            (Some(n), Ok(a)) => in_network(n, a),
            _ => false,
        },
        Family::Null => false,
    }
}

/// Whether the condition entry `operator: {key: values}` holds for `context`. Values within an
/// entry are alternatives (OR); the caller requires every entry (AND).
pub(super) fn holds(
    operator: &Operator,
    key: &ConditionKey,
    values: &std::collections::BTreeSet<String>,
    context: &Context,
) -> Result<bool, EvaluationError> {
    let parts = parts(operator)?;
    let value = context.get(key.as_str());
    if parts.family == Family::Null {
        // A key given as an empty set is present.
        let present = value.is_some();
        return Ok(values.iter().any(|v| v.eq_ignore_ascii_case("true") != present));
    }
    let Some(value) = value else {
        return Ok(match parts.qualifier {
            Qualifier::AllValues => true,
            Qualifier::AnyValue => parts.if_exists,
            Qualifier::Single => parts.if_exists || parts.negated,
        });
    };
    // An ARN value of fewer than six segments matches no ARN, and a negated operator cannot judge
    // a value against it: the comparison of each value fails (AWS's docs compare six segments).
    let unjudgeable = parts.family == Family::Arn && parts.negated && values.iter().any(|p| p != "*" && p.splitn(6, ':').count() < 6);
    let one = |v: &str| {
        let any = values.iter().any(|p| matches(parts.family, p, v, context));
        !unjudgeable && readable(parts.family, v) && any != parts.negated
    };
    Ok(match (parts.qualifier, value) {
        (Qualifier::Single, ContextValue::Single(v)) => one(v),
        // An unqualified operator on a set: the docs leave this to the set qualifiers; a positive
        // operator holds if some value matches, a negated one if no value matches.
        (Qualifier::Single, ContextValue::Multi(vs)) => {
            let any = vs.iter().any(|v| values.iter().any(|p| matches(parts.family, p, v, context)));
            !unjudgeable && vs.iter().all(|v| readable(parts.family, v)) && any != parts.negated
        }
        (Qualifier::AnyValue, value) => value.values().iter().any(|v| one(v)),
        (Qualifier::AllValues, value) => value.values().iter().all(|v| one(v)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(date("1970-01-01"), Some(0));
        assert_eq!(date("1970-01-02T00:00:00Z"), Some(86_400_000));
        assert_eq!(date("86400"), Some(86_400_000));
        assert_eq!(date("1970-02"), Some(31 * 86_400_000));
        assert_eq!(date("2026-12-05T10:00:00+01:00"), date("2026-12-05T09:00:00Z"));
        assert_eq!(date("2026-12-05T10:00:00.5Z").map(|m| m % 1000), Some(500));
        for bad in ["", "yesterday", "2026-13-01", "2026-12-05T25:00:00Z", "12/05/2026"] {
            assert_eq!(date(bad), None, "{bad}");
        }
    }

    #[test]
    fn networks() {
        let n = |t| network(t).unwrap();
        assert!(in_network(n("203.0.113.0/24"), "203.0.113.9".parse().unwrap()));
        assert!(!in_network(n("203.0.113.0/24"), "203.0.114.9".parse().unwrap()));
        assert!(in_network(n("203.0.113.9"), "203.0.113.9".parse().unwrap()));
        assert!(in_network(n("0.0.0.0/0"), "8.8.8.8".parse().unwrap()));
        assert!(in_network(n("2001:db8::/32"), "2001:db8:1::1".parse().unwrap()));
        assert!(!in_network(n("2001:db8::/32"), "203.0.113.9".parse().unwrap()));
        assert_eq!(network("203.0.113.0/33"), None);
    }

    #[test]
    fn numbers() {
        assert_eq!(number("10"), Some(10.0));
        assert_eq!(number("-1.5"), Some(-1.5));
        for bad in ["", "1e3", "0x10", "inf", "1.", ".5", "NaN"] {
            assert_eq!(number(bad), None, "{bad}");
        }
    }
}
