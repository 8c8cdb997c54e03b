//! The breadth oracle: where the roles' own documents may hold a wildcard. Every Resource,
//! principal and condition value of a built document is either specific (made of the configured
//! ids) or one of these fixed patterns; a wildcard anywhere else came from input and would widen
//! the document. Tests and the fuzzer check every document against this one list.

use crate::policy::statement::Principal;
use crate::policy::text::widens;
use crate::policy::PolicyDocument;

/// The fixed wildcard patterns of the roles. `{…}` stands for a configured value (which the
/// parsers keep free of wildcards and policy variables); `*` is a literal wildcard of the role.
/// A bare `*` is not among them: it is a role's only as a whole `Resource` (actions that act on
/// no resource type) and as the value of the keys in [`BARE_WILDCARD_KEYS`].
pub const FIXED_WILDCARDS: &[&str] = &[
    "arn:{partition}:s3:::{bucket}/*",
    "arn:{partition}:s3:::{bucket}/{prefix}*",
    "arn:{partition}:ec2:{region}:{account}:subnet/*",
    "arn:{partition}:ec2:{region}:{account}:security-group/*",
    "arn:{partition}:ec2:{region}:{account}:network-interface/*",
    "qbusiness_{account}_{application}_*",
    "arn:{partition}:qbusiness:{region}:{account}:application/*",
    "arn:{partition}:qbusiness:{region}:{account}:application/*/subscription/*",
    "arn:{partition}:qbusiness:{region}:{account}:application/{application}/subscription/*",
    "arn:{partition}:qbusiness:{region}:{account}:application/{application}/web-experience/*",
    "arn:{partition}:qbusiness:{region}:{account}:application/{application}/plugin/*",
    "arn:{partition}:qbusiness:{region}:{account}:application/{application}/retriever/*",
    "arn:{partition}:qbusiness:{region}:{account}:application/{application}/index/*",
    "arn:{partition}:logs:{region}:{account}:log-group:/aws/qbusiness/*",
    "arn:{partition}:logs:{region}:{account}:log-group:/aws/qbusiness/*:log-stream:*",
    "arn:{partition}:qapps:{region}:{account}:application/{application}/qapp/*",
    "arn:{partition}:qapps:{region}:{account}:application/{application}/qapp/*/session/*",
    "arn:{partition}:sts::*:self",
    "arn:{partition}:sso::{account}:application/{instance}/*",
    "arn:{partition}:quicksight:*:{account}:topic/*",
    "arn:{partition}:quicksight:*:{account}:dashboard/*",
    "arn:{partition}:iam::{account}:role/QBusiness-DataSource-*",
    "arn:{partition}:logs:{region}:{account}:delivery-source:*",
    "arn:{partition}:logs:{region}:{account}:delivery:*",
    "arn:{partition}:logs:{region}:{account}:delivery-destination:*",
];

/// Whether `value` is `pattern` with each `{…}` replaced by text free of wildcards and variables.
fn fits(pattern: &str, value: &str) -> bool {
    match pattern.split_once('{') {
        None => pattern == value,
        Some((literal, rest)) => {
            let Some(after) = value.strip_prefix(literal) else { return false };
            let rest = rest.split_once('}').map_or("", |(_, rest)| rest);
            // The placeholder takes some prefix of what is left, never a wildcard or a `$`.
            let limit = after.find(['*', '?', '$', '&']).unwrap_or(after.len());
            (1..=limit).filter(|&end| after.is_char_boundary(end)).any(|end| fits(rest, &after[end..]))
        }
    }
}

/// The condition keys a role compares with a bare `*`: the web experience trusts let the session
/// carry any e-mail tag (`StringLike aws:RequestTag/Email *`).
pub const BARE_WILDCARD_KEYS: &[&str] = &["aws:RequestTag/Email"];

/// Every value of `document` that holds a wildcard or policy variable outside the fixed patterns,
/// a bare `*` included wherever the roles never write one (a principal, any other condition).
pub fn introduced_wildcards(document: &PolicyDocument) -> Vec<String> {
    // Each value with whether a bare `*` is the role's own there.
    let mut values: Vec<(&str, bool)> = Vec::new();
    for statement in &document.statements {
        values.extend(statement.resources.iter().flat_map(|r| r.entries()).map(|r| (r.as_str(), true)));
        match &statement.principal {
            Some(Principal::Anyone) => values.push(("Principal *", false)),
            Some(Principal::Named(named)) => values.extend(named.values().flatten().map(|p| (p.as_str(), false))),
            None => {}
        }
        // Condition keys (an OIDC issuer's `HOST:aud`) and values are built from input too.
        for keys in statement.condition.0.values() {
            for (key, key_values) in keys {
                values.push((key.as_str(), false));
                let bare_allowed = BARE_WILDCARD_KEYS.contains(&key.as_str());
                values.extend(key_values.iter().map(|v| (v.as_str(), bare_allowed)));
            }
        }
    }
    values
        .into_iter()
        .filter(|&(v, bare_allowed)| widens(v) && !(v == "*" && bare_allowed) && !FIXED_WILDCARDS.iter().any(|p| fits(p, v)))
        .map(|(v, _)| v.to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_admit_configured_values_only_around_their_own_wildcards() {
        assert!(fits("arn:{partition}:s3:::{bucket}/*", "arn:aws:s3:::my-docs/*"));
        assert!(fits("arn:{partition}:s3:::{bucket}/{prefix}*", "arn:aws:s3:::certs/rds/*"));
        assert!(!fits("arn:{partition}:s3:::{bucket}/*", "arn:aws:s3:::*/*"));
        assert!(!fits("arn:{partition}:s3:::{bucket}/*", "arn:aws:s3:::my-docs/a*/*"));
        assert!(fits("qbusiness_{account}_{application}_*", "qbusiness_123456789012_a1b2-x_*"));
        assert!(!fits("arn:{partition}:qbusiness:{region}:{account}:application/*", "arn:aws:qbusiness:us-east-1:*:application/*"));
    }

    #[test]
    fn a_wildcard_from_input_is_found() {
        let secret = crate::policy::Arn::new(crate::policy::Partition::Aws, "secretsmanager", "us-east-1", "123456789012", "secret:*");
        let document =
            PolicyDocument::new(vec![crate::policy::Statement::allow("S").actions(["secretsmanager:GetSecretValue"]).resource(&secret)]);
        assert_eq!(introduced_wildcards(&document), ["arn:aws:secretsmanager:us-east-1:123456789012:secret:*"]);
    }

    #[test]
    fn a_condition_value_or_key_from_input_is_found() {
        use crate::policy::{ConditionKey, Operator, Principal, Statement};
        let provider = crate::policy::Arn::new(crate::policy::Partition::Aws, "iam", "", "123456789012", "oidc-provider/login.example.com");
        let trust = |key: ConditionKey, value: &str| {
            PolicyDocument::new(vec![Statement::allow("F")
                .principal(Principal::federated(&provider))
                .actions(["sts:AssumeRoleWithWebIdentity"])
                .condition(Operator::STRING_EQUALS, key, [value])])
        };
        let audience = ConditionKey::named("login.example.com:aud".to_owned()).unwrap();
        assert_eq!(introduced_wildcards(&trust(audience.clone(), "qbusiness-web")), Vec::<String>::new());
        assert_eq!(introduced_wildcards(&trust(audience.clone(), "${login.example.com:aud}")), ["${login.example.com:aud}"]);
        assert_eq!(introduced_wildcards(&trust(audience, "${aws:username}")), ["${aws:username}"]);
        let wide_key = ConditionKey::named("login.*.com:aud".to_owned()).unwrap();
        assert_eq!(introduced_wildcards(&trust(wide_key, "web")), ["login.*.com:aud"]);
        // A bare `*` is the roles' own only as a Resource and as the e-mail tag's value.
        let audience = ConditionKey::named("login.example.com:aud".to_owned()).unwrap();
        assert_eq!(introduced_wildcards(&trust(audience, "*")), ["*"]);
        assert_eq!(introduced_wildcards(&trust(ConditionKey::request_tag("Email"), "*")), Vec::<String>::new());
        let anyone = PolicyDocument::new(vec![Statement::allow("A").principal(Principal::Anyone).actions(["sts:AssumeRole"])]);
        assert_eq!(introduced_wildcards(&anyone), ["Principal *"]);
        let aws_star = PolicyDocument::new(vec![Statement::allow("A")
            .principal(Principal::Named([(crate::policy::statement::PrincipalKind::Aws, ["*".to_owned()].into())].into()))
            .actions(["sts:AssumeRole"])]);
        assert_eq!(introduced_wildcards(&aws_star), ["*"]);
    }
}
