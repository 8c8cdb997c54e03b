//! Checks of condition blocks: operators that do not fit their key's type or values, set
//! qualifiers on single-valued keys, wildcards and variables where they do not work, IP ranges
//! that can never match, and keys that need a partner.

use std::collections::BTreeSet;
use std::net::IpAddr;

use super::{Check, Finding, FindingType};
use crate::policy::evaluate::{ip_range, readable_value, shape, ValueKind};
use crate::policy::service_data::service_data;
use crate::policy::statement::{DocumentKind, Effect, PolicyDocument, Statement};
use crate::policy::text::{key_and_default, pieces, Piece};
use crate::policy::{ConditionKey, Operator};

const P: DocumentKind = DocumentKind::Permissions;
const T: DocumentKind = DocumentKind::Trust;

macro_rules! condition_check {
    ($name:ident, $code:literal, $type:expr, $kind:expr, $meaning:literal, $condition:literal) => {
        pub(super) const $name: Check = Check {
            code: $code,
            finding_type: $type,
            meaning: $meaning,
            example: ($kind, concat!(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","#, $condition, "}]}")),
        };
    };
}

const E: FindingType = FindingType::Error;
const SW: FindingType = FindingType::SecurityWarning;
const W: FindingType = FindingType::Warning;
const S: FindingType = FindingType::Suggestion;

condition_check!(FOR_ALL_VALUES_SINGLE, "FORALLVALUES_WITH_SINGLE_VALUED_KEY", SW, P,
    "`ForAllValues:` on a key with one value: it also holds when the key is absent, so the statement applies to requests without it (`aws:SourceArn`, `kms:ViaService`).",
    r#""Action":"kms:Decrypt","Resource":"*","Condition":{"ForAllValues:StringEquals":{"kms:ViaService":"s3.us-east-1.amazonaws.com"}}"#);
condition_check!(
    MISSING_QUALIFIER,
    "MISSING_QUALIFIER",
    E,
    P,
    "A key with many values (`aws:TagKeys`) compared without `ForAnyValue:`/`ForAllValues:`.",
    r#""Action":"qbusiness:TagResource","Resource":"*","Condition":{"StringEquals":{"aws:TagKeys":"team"}}"#
);
condition_check!(
    TYPE_MISMATCH,
    "TYPE_MISMATCH",
    W,
    P,
    "The operator compares another type than the key has (a `Numeric…` operator on `aws:SourceArn`).",
    r#""Action":"s3:GetObject","Resource":"*","Condition":{"NumericEquals":{"aws:SecureTransport":"1"}}"#
);
condition_check!(STRING_LIKE_ARN, "STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS", SW, T,
    "`StringLike` on an ARN key (`aws:SourceArn`): its `*` crosses the ARN's segments, so `arn:aws:qbusiness:*:111122223333:*` also matches other accounts' ARNs that hold that text; use `ArnLike`.",
    r#""Principal":{"Service":"qbusiness.amazonaws.com"},"Action":"sts:AssumeRole","Condition":{"StringLike":{"aws:SourceArn":"arn:aws:qbusiness:*:111122223333:application/*"}}"#);
condition_check!(
    WILDCARD_WITHOUT_LIKE,
    "WILDCARD_WITHOUT_LIKE_OPERATOR",
    W,
    P,
    "`*` or `?` in a `StringEquals` value is a character, not a wildcard: the condition matches only that text. Use `StringLike`.",
    r#""Action":"kms:Decrypt","Resource":"*","Condition":{"StringEquals":{"kms:ViaService":"s3.*.amazonaws.com"}}"#
);
condition_check!(
    NULL_WITH_QUALIFIER,
    "NULL_WITH_QUALIFIER",
    S,
    P,
    "`Null` with `ForAnyValue:`/`ForAllValues:` tests nothing more than `Null` does.",
    r#""Action":"s3:GetObject","Resource":"*","Condition":{"ForAnyValue:Null":{"aws:TagKeys":"false"}}"#
);
condition_check!(
    MISSING_PAIRED_KEYS,
    "MISSING_PAIRED_CONDITION_KEYS",
    SW,
    P,
    "`aws:VpcSourceIp` alone: the address is private and repeats in every VPC; pair it with `aws:SourceVpc` or `aws:SourceVpcArn`.",
    r#""Action":"s3:GetObject","Resource":"*","Condition":{"IpAddress":{"aws:VpcSourceIp":"10.0.0.0/16"}}"#
);
condition_check!(
    S3_PREFIX_NEGATIVE,
    "S3_PREFIX_IN_NEGATIVE_CONTEXT",
    SW,
    P,
    "`s3:prefix` in a Deny or with a negated operator: a shorter prefix (the empty one) lists the same objects around it.",
    r#""Action":"s3:ListBucket","Resource":"arn:aws:s3:::docs","Condition":{"StringNotLike":{"s3:prefix":"private/*"}}"#
);
condition_check!(
    FOR_ANY_VALUE_AUDIENCE,
    "FORANYVALUE_WITH_AUDIENCE_CLAIM_TYPE",
    SW,
    T,
    "`ForAnyValue:` on an OIDC `aud` key: a token with several audiences passes if any one is yours.",
    r#""Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/login.example.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"ForAnyValue:StringEquals":{"login.example.com:aud":"client"}}"#
);
condition_check!(
    CONFIRM_AUDIENCE,
    "CONFIRM_AUDIENCE_CLAIM_TYPE",
    S,
    T,
    "`ForAllValues:` on an OIDC `aud` key: confirm the provider sends it as a list; if not, it also holds when absent.",
    r#""Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/login.example.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"ForAllValues:StringEquals":{"login.example.com:aud":"client"}}"#
);
condition_check!(
    DYNAMODB_SELECT,
    "DYNAMODB_ATTRIBUTES_WITHOUT_SELECT",
    SW,
    P,
    "`dynamodb:Attributes` without `dynamodb:Select` = `SPECIFIC_ATTRIBUTES`: a query that selects all attributes is not limited.",
    r#""Action":"dynamodb:Query","Resource":"*","Condition":{"ForAllValues:StringEquals":{"dynamodb:Attributes":"id"}}"#
);
condition_check!(
    DEPRECATED_KEY,
    "DEPRECATED_GLOBAL_CONDITION_KEY",
    W,
    P,
    "`aws:ARN` is deprecated; use `aws:PrincipalArn`.",
    r#""Action":"s3:GetObject","Resource":"*","Condition":{"ArnEquals":{"aws:ARN":"arn:aws:iam::111122223333:role/a"}}"#
);
condition_check!(
    MISSING_TAG_KEY,
    "MISSING_TAG_KEY_IN_CONDITION",
    E,
    P,
    "`aws:ResourceTag`, `aws:RequestTag` and `aws:PrincipalTag` need the tag's key: `aws:ResourceTag/team`.",
    r#""Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag":"team"}}"#
);
condition_check!(
    VPC_FORMAT,
    "INVALID_VPC_FORMAT",
    E,
    P,
    "`aws:SourceVpc` takes a VPC id, `vpc-` and 8 or 17 characters.",
    r#""Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:SourceVpc":"my-vpc"}}"#
);
condition_check!(
    VPCE_FORMAT,
    "INVALID_VPCE_FORMAT",
    E,
    P,
    "`aws:SourceVpce` takes an endpoint id, `vpce-` and 8 or 17 characters.",
    r#""Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:SourceVpce":"vpc-1a2b3c4d"}}"#
);
condition_check!(PRIVATE_IP, "PRIVATE_IP_ADDRESS", E, P,
    "`aws:SourceIp` holds public addresses only: a condition on private ranges never holds (a role used through a VPC endpoint sees `aws:VpcSourceIp`).",
    r#""Action":"s3:GetObject","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}"#);
condition_check!(
    PRIVATE_NOT_IP,
    "PRIVATE_NOT_IP_ADDRESS",
    E,
    P,
    "`NotIpAddress` on `aws:SourceIp` with private ranges only always holds.",
    r#""Action":"s3:GetObject","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":"192.168.0.0/16"}}"#
);
condition_check!(
    PRIVATE_IP_SUBSET,
    "PRIVATE_IP_ADDRESS_SUBSET",
    S,
    P,
    "Private ranges beside public ones in `aws:SourceIp` do nothing.",
    r#""Action":"s3:GetObject","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":["203.0.113.0/24","10.0.0.0/8"]}}"#
);
condition_check!(
    PRIVATE_NOT_IP_SUBSET,
    "PRIVATE_NOT_IP_ADDRESS_SUBSET",
    S,
    P,
    "Private ranges beside public ones in a `NotIpAddress` on `aws:SourceIp` do nothing.",
    r#""Action":"s3:GetObject","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":["203.0.113.0/24","10.0.0.0/8"]}}"#
);
condition_check!(
    IMPROVE_IP_RANGE,
    "IMPROVE_IP_RANGE",
    S,
    P,
    "A range with bits set past its prefix (`203.0.113.9/24`): write the network, `203.0.113.0/24`.",
    r#""Action":"s3:GetObject","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"203.0.113.9/24"}}"#
);
condition_check!(
    TYPE_MISMATCH_IP,
    "TYPE_MISMATCH_IP_RANGE",
    E,
    P,
    "An `IpAddress` value that is no address or CIDR range.",
    r#""Action":"s3:GetObject","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"203.0.113.0/33"}}"#
);
condition_check!(
    TYPE_MISMATCH_NUMBER,
    "TYPE_MISMATCH_NUMBER",
    W,
    P,
    "A `Numeric…` value that is no integer or decimal.",
    r#""Action":"s3:GetObject","Resource":"*","Condition":{"NumericLessThan":{"aws:MultiFactorAuthAge":"1h"}}"#
);
condition_check!(
    TYPE_MISMATCH_DATE,
    "TYPE_MISMATCH_DATE",
    W,
    P,
    "A `Date…` value that is no ISO 8601 date or epoch time.",
    r#""Action":"s3:GetObject","Resource":"*","Condition":{"DateLessThan":{"aws:CurrentTime":"31/12/2026"}}"#
);
condition_check!(
    TYPE_MISMATCH_STRING,
    "TYPE_MISMATCH_STRING",
    W,
    P,
    "A `BinaryEquals` value that is not base64.",
    r#""Action":"s3:GetObject","Resource":"*","Condition":{"BinaryEquals":{"aws:userid":"not base64!"}}"#
);
condition_check!(
    INVALID_DATE,
    "INVALID_DATE_VALUE",
    W,
    P,
    "An epoch time in a `Date…` value: write the ISO 8601 date, which reads the same everywhere.",
    r#""Action":"s3:GetObject","Resource":"*","Condition":{"DateLessThan":{"aws:CurrentTime":"1798761600"}}"#
);
condition_check!(
    VARIABLE_FOR_OPERATOR,
    "INVALID_VARIABLE_FOR_OPERATOR",
    E,
    P,
    "Policy variables work in `String…` and `Arn…` values only; elsewhere `${…}` is text.",
    r#""Action":"s3:GetObject","Resource":"*","Condition":{"NumericLessThan":{"aws:MultiFactorAuthAge":"${aws:EpochTime}"}}"#
);
condition_check!(
    MISSING_BRACE,
    "MISSING_BRACE_IN_VARIABLE",
    E,
    P,
    "A policy variable without its closing `}`.",
    r#""Action":"s3:GetObject","Resource":"arn:aws:s3:::docs/${aws:username/*""#
);
condition_check!(
    EMPTY_VARIABLE,
    "EMPTY_VARIABLE",
    E,
    P,
    "`${}` names no variable.",
    r#""Action":"s3:GetObject","Resource":"arn:aws:s3:::docs/${}/*""#
);
condition_check!(
    SPACE_IN_VARIABLE,
    "UNSUPPORTED_SPACE_IN_VARIABLE",
    E,
    P,
    "A space inside a variable's name.",
    r#""Action":"s3:GetObject","Resource":"arn:aws:s3:::docs/${aws: username}/*""#
);
condition_check!(
    QUOTE_IN_VARIABLE,
    "MISSING_QUOTE_IN_VARIABLE",
    E,
    P,
    "A variable's default value goes in single quotes: `${aws:username, 'guest'}`.",
    r#""Action":"s3:GetObject","Resource":"arn:aws:s3:::docs/${aws:username, guest}/*""#
);
condition_check!(
    MULTIPLE_BOOLEAN,
    "INVALID_CONDITION_MULTIPLE_BOOLEAN",
    E,
    P,
    "Both `true` and `false` for one Boolean key: the condition always holds when the key is there.",
    r#""Action":"s3:GetObject","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":["true","false"]}}"#
);
condition_check!(
    DUPLICATE_KEYS_CASE,
    "DUPLICATE_KEYS_WITH_DIFFERENT_CASE",
    E,
    P,
    "One key twice under one operator, in different case: IAM reads keys without regard to case.",
    r#""Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:SourceAccount":"111122223333","aws:sourceaccount":"444455556666"}}"#
);
condition_check!(
    REDUNDANT_KEY_WILDCARD,
    "REDUNDANT_KEY_DUE_TO_WILDCARD_IN_CONDITION",
    S,
    P,
    "`StringLike` with `*` alone holds whenever the key is there; a `Null` condition says that plainly.",
    r#""Action":"s3:GetObject","Resource":"*","Condition":{"StringLike":{"aws:PrincipalTag/team":"*"}}"#
);
condition_check!(
    REDUNDANT_NUMBER,
    "REDUNDANT_CONDITION_VALUE_NUM",
    S,
    P,
    "Several bounds under one `…LessThan`/`…GreaterThan` operator: only the widest counts.",
    r#""Action":"s3:GetObject","Resource":"*","Condition":{"NumericLessThan":{"aws:MultiFactorAuthAge":["3600","7200"]}}"#
);
condition_check!(
    GITHUB_SPECIFIC,
    "SPECIFIC_GITHUB_REPO_AND_BRANCH_RECOMMENDED",
    W,
    T,
    "A wildcard in GitHub's `sub` lets every repository (or branch) matching it assume the role.",
    r#""Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"},"StringLike":{"token.actions.githubusercontent.com:sub":"repo:*"}}"#
);
condition_check!(
    SUPPORTED_SERVICES_ONLY,
    "USE_CONDITION_KEY_ONLY_WITH_SUPPORTED_SERVICES",
    W,
    P,
    "`aws:VpceAccount`, `aws:VpceOrgID` and `aws:VpceOrgPaths` are sent by some services only; elsewhere the key is absent.",
    r#""Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:VpceAccount":"111122223333"}}"#
);
condition_check!(
    INVALID_REGION,
    "INVALID_REGION",
    E,
    P,
    "`aws:RequestedRegion` takes region names such as `us-east-1`.",
    r#""Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:RequestedRegion":"US East"}}"#
);

condition_check!(DENY_TAG_UNSUPPORTED, "DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE", SW, P,
    "A Deny on a tag key for actions of a service that has no such key: the key is absent there, so the Deny never applies to them (a guard that guards nothing).",
    r#""Action":"identitystore:DescribeUser","Resource":"*"},{"Effect":"Deny","Action":"identitystore:DescribeUser","Resource":"*","Condition":{"StringNotEquals":{"aws:ResourceTag/team":"search"}}"#);
condition_check!(
    DENY_NOTACTION_TAG,
    "DENY_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
    SW,
    P,
    "A Deny with NotAction on a tag key: for every service without the key, the Deny never applies.",
    r#""Action":"s3:GetObject","Resource":"*"},{"Effect":"Deny","NotAction":"s3:GetObject","Resource":"*","Condition":{"StringNotEquals":{"aws:ResourceTag/team":"search"}}"#
);
condition_check!(
    ALLOW_TAG_UNSUPPORTED,
    "ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
    S,
    P,
    "An Allow on a tag key for actions of a service that has no such key: those actions are never allowed by it.",
    r#""Action":"identitystore:DescribeUser","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/team":"search"}}"#
);
condition_check!(
    ALLOW_NOTACTION_TAG,
    "ALLOW_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
    S,
    P,
    "An Allow with NotAction on a tag key: only the services with the key are allowed.",
    r#""NotAction":"s3:DeleteBucket","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/team":"search"}}"#
);

pub(super) const CHECKS: [&Check; 41] = [
    &FOR_ALL_VALUES_SINGLE,
    &MISSING_QUALIFIER,
    &TYPE_MISMATCH,
    &STRING_LIKE_ARN,
    &WILDCARD_WITHOUT_LIKE,
    &NULL_WITH_QUALIFIER,
    &MISSING_PAIRED_KEYS,
    &S3_PREFIX_NEGATIVE,
    &FOR_ANY_VALUE_AUDIENCE,
    &CONFIRM_AUDIENCE,
    &DYNAMODB_SELECT,
    &DEPRECATED_KEY,
    &MISSING_TAG_KEY,
    &VPC_FORMAT,
    &VPCE_FORMAT,
    &PRIVATE_IP,
    &PRIVATE_NOT_IP,
    &PRIVATE_IP_SUBSET,
    &PRIVATE_NOT_IP_SUBSET,
    &IMPROVE_IP_RANGE,
    &TYPE_MISMATCH_IP,
    &TYPE_MISMATCH_NUMBER,
    &TYPE_MISMATCH_DATE,
    &TYPE_MISMATCH_STRING,
    &INVALID_DATE,
    &VARIABLE_FOR_OPERATOR,
    &MISSING_BRACE,
    &EMPTY_VARIABLE,
    &SPACE_IN_VARIABLE,
    &QUOTE_IN_VARIABLE,
    &MULTIPLE_BOOLEAN,
    &DUPLICATE_KEYS_CASE,
    &REDUNDANT_KEY_WILDCARD,
    &REDUNDANT_NUMBER,
    &GITHUB_SPECIFIC,
    &SUPPORTED_SERVICES_ONLY,
    &INVALID_REGION,
    &DENY_TAG_UNSUPPORTED,
    &DENY_NOTACTION_TAG,
    &ALLOW_TAG_UNSUPPORTED,
    &ALLOW_NOTACTION_TAG,
];

/// The tag keys whose support differs between services.
fn tag_key(key: &str) -> bool {
    let lower = key.to_ascii_lowercase();
    lower.starts_with("aws:resourcetag/") || lower.starts_with("aws:requesttag/") || lower == "aws:tagkeys"
}

/// Tag keys in a statement whose actions include services without them.
fn tag_support(statement: &Statement, at: Option<usize>, found: &mut Vec<Finding>) {
    let Some(data) = service_data() else { return };
    let Some(key) = statement.condition.keys().find(|k| tag_key(k.as_str())) else { return };
    let deny = statement.effect == Effect::Deny;
    let key = key.as_str();
    match &statement.actions {
        crate::policy::statement::Actions::NotAction(_) => {
            let check = if deny { &DENY_NOTACTION_TAG } else { &ALLOW_NOTACTION_TAG };
            found.push(check.at(
                at,
                "NotAction",
                Some(key),
                format!("{key} is absent for services without it, which NotAction leaves in; name the actions instead"),
            ));
        }
        crate::policy::statement::Actions::Action(names) => {
            let services: BTreeSet<String> = names.iter().filter_map(|n| n.split_once(':')).map(|(s, _)| s.to_ascii_lowercase()).collect();
            let unsupported: Vec<&String> = services.iter().filter(|s| data.service_supports_key(s, key) == Some(false)).collect();
            if !unsupported.is_empty() {
                let check = if deny { &DENY_TAG_UNSUPPORTED } else { &ALLOW_TAG_UNSUPPORTED };
                let list = unsupported.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ");
                let effect = if deny { "the Deny never applies to them" } else { "the Allow never grants them" };
                found.push(check.at(at, "Condition", Some(key), format!("{list} has no {key}, so {effect}")));
            }
        }
    }
}

/// Whether an address range lies in private or otherwise non-public space (RFC 1918, loopback,
/// link-local, IPv6 unique local and link-local), which `aws:SourceIp` never holds.
fn private(address: IpAddr, bits: u8) -> bool {
    match address {
        IpAddr::V4(a) => {
            let [x, y, ..] = a.octets();
            let (block, width) = match (x, y) {
                (10, _) => (true, 8),
                (172, 16..=31) => (true, 12),
                (192, 168) => (true, 16),
                (127, _) => (true, 8),
                (169, 254) => (true, 16),
                _ => (false, 0),
            };
            block && bits >= width
        }
        IpAddr::V6(a) => {
            let first = a.segments()[0];
            (first & 0xfe00 == 0xfc00 && bits >= 7) || (first & 0xffc0 == 0xfe80 && bits >= 10) || (a.is_loopback() && bits == 128)
        }
    }
}

/// Whether the key type AWS's data gives fits what the operator compares.
fn fits(key_type: &str, kind: ValueKind) -> bool {
    let base = key_type.strip_prefix("ArrayOf").unwrap_or(key_type);
    match base {
        "String" => matches!(kind, ValueKind::Text),
        "ARN" | "Arn" => matches!(kind, ValueKind::Arn | ValueKind::Text),
        "Numeric" => matches!(kind, ValueKind::Number),
        "Date" => matches!(kind, ValueKind::Date | ValueKind::Number),
        "Bool" => matches!(kind, ValueKind::Boolean),
        "IPAddress" => matches!(kind, ValueKind::IpRange),
        "Binary" => matches!(kind, ValueKind::Base64 | ValueKind::Text),
        _ => true,
    }
}

/// An OIDC provider's audience key (`login.example.com:aud`, `cognito-identity.amazonaws.com:aud`).
fn audience_key(key: &str) -> bool {
    key.split_once(':').is_some_and(|(host, name)| host.contains('.') && name.eq_ignore_ascii_case("aud"))
}

/// The syntax problems of the policy variables in `text`.
fn variable_syntax(text: &str) -> Option<(&'static Check, String)> {
    for piece in pieces(text) {
        let inside = match piece {
            Piece::Text(_) => continue,
            Piece::Unclosed(_) => return Some((&MISSING_BRACE, format!("{text:?}: a policy variable has no closing }}"))),
            Piece::Variable(inside) => inside,
        };
        let (name, default) = key_and_default(inside);
        if inside.trim().is_empty() {
            return Some((&EMPTY_VARIABLE, format!("{text:?}: ${{}} names no variable")));
        }
        if name.trim() != name || name.contains(' ') {
            return Some((&SPACE_IN_VARIABLE, format!("{text:?}: the variable {name:?} holds a space")));
        }
        if let Some(default) = default {
            if !(default.len() >= 2 && default.starts_with('\'') && default.ends_with('\'')) {
                return Some((&QUOTE_IN_VARIABLE, format!("{text:?}: the default {default:?} goes in single quotes")));
            }
        }
    }
    None
}

fn without_escapes(text: &str) -> String {
    text.replace("${*}", "").replace("${?}", "")
}

fn entry(
    statement: &Statement,
    at: Option<usize>,
    operator: &Operator,
    key: &ConditionKey,
    values: &BTreeSet<String>,
    found: &mut Vec<Finding>,
) {
    let Ok(shape) = shape(operator) else { return };
    let key_text = key.as_str();
    let lower = key_text.to_ascii_lowercase();
    let value = Some(key_text);
    let report = |check: &'static Check, message: String, found: &mut Vec<Finding>| found.push(check.at(at, "Condition", value, message));
    let negative = statement.effect == Effect::Deny || shape.negated;
    // The values: variables where they work, each readable by its operator.
    for v in values {
        if v.contains("${") && !matches!(shape.kind, ValueKind::Text | ValueKind::Arn) {
            report(&VARIABLE_FOR_OPERATOR, format!("{operator} does not replace policy variables; {v:?} is compared as written"), found);
            continue;
        }
        if let Some((check, message)) = variable_syntax(v) {
            report(check, message, found);
        }
        if !readable_value(shape.kind, v) {
            let check = match shape.kind {
                ValueKind::IpRange => &TYPE_MISMATCH_IP,
                ValueKind::Number => &TYPE_MISMATCH_NUMBER,
                ValueKind::Date => &TYPE_MISMATCH_DATE,
                _ => &TYPE_MISMATCH_STRING,
            };
            report(check, format!("{operator} cannot read {v:?}"), found);
        } else if shape.kind == ValueKind::Date && v.bytes().all(|b| b.is_ascii_digit()) {
            report(&INVALID_DATE, format!("{v:?} is an epoch time; write the ISO 8601 date, e.g. 2026-12-31T00:00:00Z"), found);
        }
        if shape.kind == ValueKind::Text && !shape.wildcards && without_escapes(v).contains(['*', '?']) {
            report(
                &WILDCARD_WITHOUT_LIKE,
                format!(
                    "{operator} reads * and ? in {v:?} as characters; use {}",
                    operator.as_str().replace("Equals", "Like").replace("IgnoreCase", "")
                ),
                found,
            );
        }
        if shape.kind == ValueKind::IpRange {
            if ip_range(v).is_some_and(|(_, _, loose)| loose) {
                report(&IMPROVE_IP_RANGE, format!("{v:?} has bits set past its prefix; write the network address"), found);
            }
        }
    }
    if shape.null && shape.qualifier.is_some() {
        report(&NULL_WITH_QUALIFIER, format!("{operator}: Null with a set qualifier tests no more than Null"), found);
    }
    if shape.kind == ValueKind::Boolean && !shape.null {
        let set: BTreeSet<String> = values.iter().map(|v| v.to_ascii_lowercase()).collect();
        if set.len() > 1 {
            report(&MULTIPLE_BOOLEAN, format!("{key_text} is compared with both true and false"), found);
        }
    }
    if shape.wildcards && shape.kind == ValueKind::Text && !shape.negated && shape.qualifier.is_none() && values.contains("*") {
        report(
            &REDUNDANT_KEY_WILDCARD,
            format!("{operator} \"*\" holds whenever {key_text} is present; write \"Null\": {{\"{key_text}\": \"false\"}}"),
            found,
        );
    }
    if shape.kind == ValueKind::Number && operator.as_str().contains("Than") && values.len() > 1 {
        report(&REDUNDANT_NUMBER, format!("{operator} with {} bounds: only the widest counts", values.len()), found);
    }
    // The key itself.
    if audience_key(key_text) {
        match shape.qualifier {
            Some("ForAnyValue") => {
                report(&FOR_ANY_VALUE_AUDIENCE, format!("ForAnyValue on {key_text} passes a token with any one matching audience"), found)
            }
            Some(_) => report(
                &CONFIRM_AUDIENCE,
                format!("ForAllValues on {key_text} also holds when the token has no audience; confirm the provider sends a list"),
                found,
            ),
            None => {}
        }
    } else if let Some(key_type) = service_data().and_then(|d| d.key_type(key_text)) {
        let multivalued = key_type.starts_with("ArrayOf");
        if shape.qualifier == Some("ForAllValues") && !multivalued {
            report(
                &FOR_ALL_VALUES_SINGLE,
                format!("{key_text} has one value, and ForAllValues also holds when it is absent; drop the qualifier"),
                found,
            );
        }
        if multivalued && shape.qualifier.is_none() && !shape.null {
            report(
                &MISSING_QUALIFIER,
                format!("{key_text} has many values; write ForAnyValue:{operator} or ForAllValues:{operator}"),
                found,
            );
        }
        if !shape.null && !fits(key_type, shape.kind) {
            report(&TYPE_MISMATCH, format!("{key_text} is of type {key_type}, which {operator} does not compare"), found);
        }
        if shape.kind == ValueKind::Text && shape.wildcards && key_type.trim_start_matches("ArrayOf") == "ARN" {
            report(
                &STRING_LIKE_ARN,
                format!(
                    "{key_text} is an ARN; use {}",
                    operator.as_str().replace("StringLike", "ArnLike").replace("StringNotLike", "ArnNotLike")
                ),
                found,
            );
        }
    }
    match lower.as_str() {
        "aws:arn" => report(&DEPRECATED_KEY, "aws:ARN is deprecated; use aws:PrincipalArn".into(), found),
        "aws:resourcetag" | "aws:requesttag" | "aws:principaltag" => {
            report(&MISSING_TAG_KEY, format!("{key_text} needs the tag's key, e.g. {key_text}/team"), found)
        }
        "aws:vpceaccount" | "aws:vpceorgid" | "aws:vpceorgpaths" => report(
            &SUPPORTED_SERVICES_ONLY,
            format!("{key_text} is sent by some services only; check the services this statement covers send it"),
            found,
        ),
        "s3:prefix" if negative => {
            report(&S3_PREFIX_NEGATIVE, "s3:prefix in a Deny or negated condition: a shorter prefix lists the same objects".into(), found)
        }
        "token.actions.githubusercontent.com:sub" if values.iter().any(|v| v.contains(['*', '?'])) => report(
            &GITHUB_SPECIFIC,
            "a wildcard in the GitHub subject lets every matching repository or branch in; name the repository and branch".into(),
            found,
        ),
        "aws:sourcevpc" | "aws:sourcevpce" => {
            let prefix = if lower == "aws:sourcevpc" { "vpc-" } else { "vpce-" };
            let check = if lower == "aws:sourcevpc" { &VPC_FORMAT } else { &VPCE_FORMAT };
            for v in values.iter().filter(|v| !v.contains(['*', '?']) && !v.contains("${")) {
                let id = v.strip_prefix(prefix).unwrap_or("");
                if !(matches!(id.len(), 8 | 17) && id.bytes().all(|b| b.is_ascii_alphanumeric())) {
                    report(check, format!("{v:?} is not {prefix} and 8 or 17 letters and digits"), found);
                }
            }
        }
        "aws:requestedregion" => {
            for v in values.iter().filter(|v| !v.contains(['*', '?']) && !v.contains("${")) {
                if !crate::policy::Region::is_valid(v) {
                    report(&INVALID_REGION, format!("{v:?} is not a region name, e.g. us-east-1"), found);
                }
            }
        }
        "aws:sourceip" if shape.kind == ValueKind::IpRange => {
            let ranges: Vec<bool> = values.iter().filter_map(|v| ip_range(v)).map(|(a, bits, _)| private(a, bits)).collect();
            let private_count = ranges.iter().filter(|p| **p).count();
            let (all, some) = if shape.negated { (&PRIVATE_NOT_IP, &PRIVATE_NOT_IP_SUBSET) } else { (&PRIVATE_IP, &PRIVATE_IP_SUBSET) };
            if private_count > 0 && private_count == ranges.len() {
                report(all, "aws:SourceIp holds public addresses only; these private ranges never match".into(), found);
            } else if private_count > 0 {
                report(some, "the private ranges among these never match aws:SourceIp".into(), found);
            }
        }
        _ => {}
    }
}

pub(super) fn run(document: &PolicyDocument, _kind: DocumentKind, found: &mut Vec<Finding>) {
    for (i, statement) in document.statements.iter().enumerate() {
        let at = Some(i);
        if let Some(resources) = &statement.resources {
            for entry in resources.entries() {
                if let Some((check, message)) = variable_syntax(entry) {
                    found.push(check.at(at, resources.field(), Some(entry), message));
                }
            }
        }
        for (operator, keys) in &statement.condition.0 {
            let mut seen: Vec<String> = Vec::new();
            for (key, values) in keys {
                let lower = key.as_str().to_ascii_lowercase();
                if seen.contains(&lower) {
                    found.push(DUPLICATE_KEYS_CASE.at(
                        at,
                        "Condition",
                        Some(key.as_str()),
                        format!("{key} appears twice under {operator}, in different case; IAM reads them as one key"),
                    ));
                }
                seen.push(lower);
                entry(statement, at, operator, key, values, found);
            }
        }
        tag_support(statement, at, found);
        let keys: BTreeSet<String> = statement.condition.keys().map(|k| k.as_str().to_ascii_lowercase()).collect();
        if keys.contains("aws:vpcsourceip") && !keys.contains("aws:sourcevpc") && !keys.contains("aws:sourcevpcarn") {
            found.push(MISSING_PAIRED_KEYS.at(
                at,
                "Condition",
                Some("aws:VpcSourceIp"),
                "aws:VpcSourceIp alone matches that address in every VPC; add aws:SourceVpc or aws:SourceVpcArn".into(),
            ));
        }
        if keys.contains("dynamodb:attributes") && !keys.contains("dynamodb:select") {
            found.push(
                DYNAMODB_SELECT.at(
                    at,
                    "Condition",
                    Some("dynamodb:Attributes"),
                    "dynamodb:Attributes without dynamodb:Select = SPECIFIC_ATTRIBUTES does not limit a query that selects all attributes"
                        .into(),
                ),
            );
        }
    }
}
