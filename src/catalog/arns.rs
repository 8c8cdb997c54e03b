//! The kinds of ARN users point a role at (secrets, keys, functions, identity providers), each
//! parsed by one parser that every data source and function shares. A value the provider pastes
//! into a document must name exactly one resource: no wildcards, no policy variables.

use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use crate::policy::text::{widens, WIDENS};
use crate::policy::{Arn, ArnError, Region};

/// What one kind of ARN must look like.
pub trait ArnKind {
    /// The service part, e.g. `kms`.
    const SERVICE: &'static str;
    /// What the resource part starts with, e.g. `key/`.
    const RESOURCE_PREFIX: &'static str;
    /// The form with placeholders and a real example, for messages.
    const EXAMPLE: &'static str;
    /// Whether the ARN names a region (regional services) or none (IAM).
    const REGIONAL: bool;
    /// Whether the ARN names an account (most do; an IAM Identity Center instance's does not).
    const OWNED: bool = true;

    /// Checks the name after the prefix; the error says what is wrong with it.
    fn check_name(name: &str) -> Result<(), String>;

    /// For a name that passes but cannot be checked exactly: why it may not match, and the fix.
    fn warning(_name: &str) -> Option<String> {
        None
    }
}

/// An ARN of kind `K`, checked when parsed.
pub struct TypedArn<K> {
    arn: Arn,
    kind: PhantomData<K>,
}

impl<K> TypedArn<K> {
    /// The ARN itself.
    pub fn arn(&self) -> &Arn {
        &self.arn
    }
}

impl<K: ArnKind> TypedArn<K> {
    /// A warning for a value that parses but may not match the resource (see [`ArnKind::warning`]).
    pub fn warning(&self) -> Option<String> {
        K::warning(self.name()).map(|why| format!("{:?} {why}", self.arn.to_string()))
    }

    fn name(&self) -> &str {
        self.arn.resource.strip_prefix(K::RESOURCE_PREFIX).unwrap_or_default()
    }
}

impl<K: ArnKind> FromStr for TypedArn<K> {
    type Err = ArnError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let form = |problem: &str| ArnError::Form { arn: text.to_owned(), problem: problem.to_owned(), example: K::EXAMPLE.to_owned() };
        if widens(text) {
            return Err(form(&format!("must name one resource: {WIDENS}")));
        }
        let arn = Arn::parse_expecting(text, K::SERVICE, K::RESOURCE_PREFIX, K::EXAMPLE)?;
        match (K::REGIONAL, arn.region.is_empty()) {
            (true, true) => return Err(form("has no region")),
            (true, false) if !Region::is_valid(&arn.region) => return Err(form(&format!("has {:?} where a region belongs", arn.region))),
            (true, false) => {
                if let Some(mismatch) = Region::mismatch(&arn.region, arn.partition) {
                    return Err(form(&format!("has a region of another partition: {mismatch}")));
                }
            }
            (false, false) => return Err(form(&format!("names region {:?}, but {} ARNs have none", arn.region, K::SERVICE))),
            _ => {}
        }
        match (K::OWNED, arn.account.is_empty()) {
            (true, true) => return Err(form("has no account id")),
            (false, false) => return Err(form(&format!("names account {:?}, but these ARNs have none", arn.account))),
            _ => {}
        }
        let name = arn.resource.strip_prefix(K::RESOURCE_PREFIX).unwrap_or_default();
        K::check_name(name).map_err(|problem| form(&problem))?;
        Ok(TypedArn { arn, kind: PhantomData })
    }
}

// Written out rather than derived: a derive would require `K` itself to be Clone, Debug, ...
impl<K> Clone for TypedArn<K> {
    fn clone(&self) -> Self {
        TypedArn { arn: self.arn.clone(), kind: PhantomData }
    }
}

impl<K> PartialEq for TypedArn<K> {
    fn eq(&self, other: &Self) -> bool {
        self.arn == other.arn
    }
}

impl<K> Eq for TypedArn<K> {}

impl<K> fmt::Debug for TypedArn<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.arn, f)
    }
}

impl<K> fmt::Display for TypedArn<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.arn, f)
    }
}

/// `name` is 1 to `max` characters, each allowed by `allowed`.
fn name_of(name: &str, max: usize, allowed: impl Fn(u8) -> bool, what: &str) -> Result<(), String> {
    if name.is_empty() || name.len() > max || !name.bytes().all(allowed) {
        return Err(format!("has {name:?} where {what} belongs"));
    }
    Ok(())
}

fn is_hex(text: &str, len: usize) -> bool {
    text.len() == len && text.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// A Secrets Manager secret.
#[derive(Debug)]
pub enum Secret {}
/// A KMS key (not an alias).
#[derive(Debug)]
pub enum KmsKey {}
/// A Lambda function.
#[derive(Debug)]
pub enum LambdaFunction {}
/// An IAM SAML identity provider.
#[derive(Debug)]
pub enum SamlProvider {}
/// An IAM OIDC identity provider.
#[derive(Debug)]
pub enum OidcProvider {}

impl ArnKind for Secret {
    const SERVICE: &'static str = "secretsmanager";
    const RESOURCE_PREFIX: &'static str = "secret:";
    const EXAMPLE: &'static str =
        "arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME-SUFFIX, e.g. arn:aws:secretsmanager:us-east-1:123456789012:secret:qbusiness-AbCdEf";
    const REGIONAL: bool = true;

    fn check_name(name: &str) -> Result<(), String> {
        name_of(name, 512, |b| b.is_ascii_alphanumeric() || b"/_+=.@-".contains(&b), "a secret name")
    }

    fn warning(name: &str) -> Option<String> {
        let suffix = name.rsplit_once('-').map(|(_, s)| s);
        let complete = suffix.is_some_and(|s| s.len() == 6 && s.bytes().all(|b| b.is_ascii_alphanumeric()));
        (!complete).then(|| {
            "has no 6-character suffix after the secret's name (as in qbusiness-AbCdEf); every secret ARN ends with one, \
             so the policy will not match the secret. Use the secret's full ARN (for example aws_secretsmanager_secret.x.arn)."
                .to_owned()
        })
    }
}

impl ArnKind for KmsKey {
    const SERVICE: &'static str = "kms";
    const RESOURCE_PREFIX: &'static str = "key/";
    const EXAMPLE: &'static str =
        "arn:aws:kms:REGION:ACCOUNT:key/KEY_ID, e.g. arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    const REGIONAL: bool = true;

    fn check_name(name: &str) -> Result<(), String> {
        let uuid = name.split('-').map(str::len).eq([8, 4, 4, 4, 12]) && name.split('-').all(|p| is_hex(p, p.len()));
        let multi_region = name.strip_prefix("mrk-").is_some_and(|id| is_hex(id, 32));
        if uuid || multi_region {
            Ok(())
        } else {
            Err(format!("has {name:?} where a key id belongs (a UUID, or mrk- and 32 hex digits)"))
        }
    }
}

impl ArnKind for LambdaFunction {
    const SERVICE: &'static str = "lambda";
    const RESOURCE_PREFIX: &'static str = "function:";
    const EXAMPLE: &'static str =
        "arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER], e.g. arn:aws:lambda:us-east-1:123456789012:function:pre-extraction";
    const REGIONAL: bool = true;

    fn check_name(name: &str) -> Result<(), String> {
        let word = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'_';
        let (function, qualifier) = name.split_once(':').map_or((name, None), |(f, q)| (f, Some(q)));
        name_of(function, 64, word, "a function name")?;
        match qualifier {
            None | Some("$LATEST") => Ok(()),
            Some(qualifier) => name_of(qualifier, 128, word, "a version or alias"),
        }
    }
}

impl ArnKind for SamlProvider {
    const SERVICE: &'static str = "iam";
    const RESOURCE_PREFIX: &'static str = "saml-provider/";
    const EXAMPLE: &'static str = "arn:aws:iam::ACCOUNT:saml-provider/NAME, e.g. arn:aws:iam::123456789012:saml-provider/corporate-idp";
    const REGIONAL: bool = false;

    fn check_name(name: &str) -> Result<(), String> {
        name_of(name, 128, |b| b.is_ascii_alphanumeric() || b"_+=,.@-".contains(&b), "a provider name")
    }
}

impl ArnKind for OidcProvider {
    const SERVICE: &'static str = "iam";
    const RESOURCE_PREFIX: &'static str = "oidc-provider/";
    const EXAMPLE: &'static str =
        "arn:aws:iam::ACCOUNT:oidc-provider/HOST[/PATH], e.g. arn:aws:iam::123456789012:oidc-provider/login.example.com/tenant";
    const REGIONAL: bool = false;

    fn check_name(name: &str) -> Result<(), String> {
        let (host, path) = name.split_once('/').map_or((name, None), |(h, p)| (h, Some(p)));
        let host_ok = !host.is_empty()
            && host.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
            && !host.starts_with(['.', '-'])
            && !host.ends_with(['.', '-']);
        let path_ok = path
            .is_none_or(|p| p.split('/').all(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"._~-".contains(&b))));
        if host_ok && path_ok {
            Ok(())
        } else {
            Err(format!("has {name:?} where the issuer's host and optional path belong"))
        }
    }
}

/// An IAM role.
#[derive(Debug)]
pub enum IamRole {}

impl ArnKind for IamRole {
    const SERVICE: &'static str = "iam";
    const RESOURCE_PREFIX: &'static str = "role/";
    const EXAMPLE: &'static str = "arn:aws:iam::ACCOUNT:role/NAME, e.g. arn:aws:iam::123456789012:role/qbusiness-s3-connector";
    const REGIONAL: bool = false;

    fn check_name(name: &str) -> Result<(), String> {
        // A role name may sit under a path (`service-role/NAME`); every segment non-empty.
        if name.split('/').any(str::is_empty) {
            return Err(format!("has {name:?} where a role name belongs"));
        }
        name_of(name, 512, |b| b.is_ascii_alphanumeric() || b"_+=,.@-/".contains(&b), "a role name")
    }
}

/// An IAM role's ARN.
pub type IamRoleArn = TypedArn<IamRole>;
/// A Secrets Manager secret's ARN.
pub type SecretArn = TypedArn<Secret>;
/// A KMS key's ARN.
pub type KmsKeyArn = TypedArn<KmsKey>;
/// A Lambda function's ARN.
pub type LambdaFunctionArn = TypedArn<LambdaFunction>;
/// An IAM SAML identity provider's ARN.
pub type SamlProviderArn = TypedArn<SamlProvider>;
/// An IAM OIDC identity provider's ARN.
pub type OidcProviderArn = TypedArn<OidcProvider>;

impl OidcProviderArn {
    /// The issuer: the part after `oidc-provider/`, which also prefixes its condition keys.
    pub fn issuer(&self) -> &str {
        self.name()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    fn problem<K: ArnKind>(text: &str) -> String {
        match text.parse::<TypedArn<K>>() {
            Ok(_) => "accepted".to_owned(),
            Err(ArnError::Form { problem, .. }) => problem,
            Err(other) => other.to_string(),
        }
    }

    #[test]
    fn valid_arns_of_each_kind() {
        assert!(KEY.parse::<KmsKeyArn>().is_ok());
        assert!("arn:aws:kms:eu-west-1:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab".parse::<KmsKeyArn>().is_ok());
        assert!("arn:aws:secretsmanager:us-east-1:123456789012:secret:qbusiness/jira-AbCdEf".parse::<SecretArn>().is_ok());
        assert!("arn:aws:lambda:us-east-1:123456789012:function:hook:$LATEST".parse::<LambdaFunctionArn>().is_ok());
        assert!("arn:aws:lambda:us-east-1:123456789012:function:hook:prod".parse::<LambdaFunctionArn>().is_ok());
        assert!("arn:aws:iam::123456789012:saml-provider/corporate-idp".parse::<SamlProviderArn>().is_ok());
        let issuer: OidcProviderArn = "arn:aws:iam::123456789012:oidc-provider/login.example.com/tenant".parse().unwrap();
        assert_eq!(issuer.issuer(), "login.example.com/tenant");
    }

    #[test]
    fn each_malformed_value_says_what_is_wrong() {
        let wide = &format!("must name one resource: {WIDENS}");
        let rows: [(&str, String, &str); 17] = [
            ("wildcard secret", problem::<Secret>("arn:aws:secretsmanager:us-east-1:123456789012:secret:*"), wide),
            ("wildcard key", problem::<KmsKey>("arn:aws:kms:us-east-1:123456789012:key/*"), wide),
            ("wildcard function", problem::<LambdaFunction>("arn:aws:lambda:us-east-1:123456789012:function:*"), wide),
            ("question mark", problem::<KmsKey>("arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890a?"), wide),
            ("policy variable", problem::<Secret>("arn:aws:secretsmanager:us-east-1:123456789012:secret:${aws:username}"), wide),
            ("Terraform-escaped variable", problem::<Secret>("arn:aws:secretsmanager:us-east-1:123456789012:secret:&{aws:username}"), wide),
            ("empty region", problem::<KmsKey>("arn:aws:kms::123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"), "has no region"),
            ("not a region", problem::<KmsKey>("arn:aws:kms:useast1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"), "has \"useast1\" where a region belongs"),
            ("region of another partition", problem::<Secret>("arn:aws:secretsmanager:cn-north-1:123456789012:secret:x-AbCdEf"), "has a region of another partition: region \"cn-north-1\" is in partition aws-cn, not aws"),
            ("empty account", problem::<Secret>("arn:aws:secretsmanager:us-east-1::secret:x-AbCdEf"), "has no account id"),
            ("SAML wildcard", problem::<SamlProvider>("arn:aws:iam::123456789012:saml-provider/*"), wide),
            ("OIDC wildcard", problem::<OidcProvider>("arn:aws:iam::123456789012:oidc-provider/*"), wide),
            ("IAM ARN with a region", problem::<SamlProvider>("arn:aws:iam:us-east-1:123456789012:saml-provider/idp"), "names region \"us-east-1\", but iam ARNs have none"),
            ("IAM ARN without account", problem::<SamlProvider>("arn:aws:iam:::saml-provider/idp"), "has no account id"),
            ("OIDC without host", problem::<OidcProvider>("arn:aws:iam::123456789012:oidc-provider/:x"), "has \":x\" where the issuer's host and optional path belong"),
            ("key id that is no UUID", problem::<KmsKey>("arn:aws:kms:us-east-1:123456789012:key/k"), "has \"k\" where a key id belongs (a UUID, or mrk- and 32 hex digits)"),
            ("alias instead of key", problem::<KmsKey>("arn:aws:kms:us-east-1:123456789012:alias/docs"), "\"arn:aws:kms:us-east-1:123456789012:alias/docs\" names no resource \"key/\"; expected arn:aws:kms:REGION:ACCOUNT:key/KEY_ID, e.g. arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
        ];
        let failures: Vec<String> = rows
            .iter()
            .filter(|(_, found, expected)| found != expected)
            .map(|(name, found, expected)| format!("{name}: {found} != {expected}"))
            .collect();
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn a_secret_without_its_suffix_is_a_warning() {
        let partial: SecretArn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:qbusiness".parse().unwrap();
        assert!(partial
            .warning()
            .unwrap()
            .starts_with("\"arn:aws:secretsmanager:us-east-1:123456789012:secret:qbusiness\" has no 6-character suffix"));
        let full: SecretArn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:qbusiness-AbCdEf".parse().unwrap();
        assert_eq!(full.warning(), None);
    }
}
