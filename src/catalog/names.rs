//! Names of the AWS resources users point a role at, validated as AWS defines them.

use std::fmt;
use std::str::FromStr;

use thiserror::Error;

use crate::policy::text::widens;

/// A name or id that does not follow AWS's rules.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum NameError {
    /// Not an S3 bucket name.
    #[error("{0:?} is not an S3 bucket name: 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit (give the name, not an ARN or URL), e.g. \"my-docs\"")]
    Bucket(String),
    /// A name of the right characters that S3 still refuses.
    #[error("{name:?} is not an S3 bucket name: {rule}, e.g. \"my-docs\"")]
    BucketRule {
        /// The name.
        name: String,
        /// The S3 naming rule it breaks.
        rule: &'static str,
    },
    /// Not a subnet id.
    #[error("{0:?} is not a subnet id: expected subnet- followed by 8 or 17 hex digits, e.g. \"subnet-0123456789abcdef0\"")]
    Subnet(String),
    /// Not a security group id.
    #[error("{0:?} is not a security group id: expected sg- followed by 8 or 17 hex digits, e.g. \"sg-0123456789abcdef0\"")]
    SecurityGroup(String),
    /// Not a key prefix.
    #[error("{0:?} is not an S3 key prefix: it must not start with \"/\" or contain \"*\", \"?\", policy variables (${{…}}, &{{…}}) or control characters, e.g. \"certificates/\"")]
    KeyPrefix(String),
    /// Not an external (tenant) id as `AssociatePermission` takes one.
    #[error("{0:?} is not a data accessor's external id: 1 to 1000 letters, digits, dots, underscores and hyphens, starting with a letter or digit (the ISV's tenant id), e.g. \"ispm-dev.saviyntcloud.com\"")]
    ExternalId(String),
}

/// Prefixes S3 reserves for its own names.
const RESERVED_PREFIXES: [&str; 3] = ["xn--", "sthree-", "amzn-s3-demo-"];
/// Suffixes S3 reserves for access point aliases and other bucket types.
const RESERVED_SUFFIXES: [&str; 5] = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"];

/// An S3 bucket name, by all of S3's naming rules for general purpose buckets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BucketName(String);

impl FromStr for BucketName {
    type Err = NameError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let b = s.as_bytes();
        let allowed = b.iter().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'.' || *c == b'-');
        let ends_ok = |c: Option<&u8>| c.is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
        if !((3..=63).contains(&b.len()) && allowed && ends_ok(b.first()) && ends_ok(b.last())) || s.contains("..") {
            return Err(NameError::Bucket(s.to_owned()));
        }
        let rule = |rule| Err(NameError::BucketRule { name: s.to_owned(), rule });
        let is_ip = s.split('.').count() == 4
            && s.split('.').all(|part| !part.is_empty() && part.len() <= 3 && part.bytes().all(|c| c.is_ascii_digit()));
        if is_ip {
            rule("names formatted as an IP address are not allowed")
        } else if RESERVED_PREFIXES.iter().any(|prefix| s.starts_with(prefix)) {
            rule("the prefixes xn--, sthree- and amzn-s3-demo- are reserved")
        } else if RESERVED_SUFFIXES.iter().any(|suffix| s.ends_with(suffix)) {
            rule("the suffixes -s3alias, --ol-s3, .mrap, --x-s3 and --table-s3 are reserved")
        } else {
            Ok(BucketName(s.to_owned()))
        }
    }
}

impl fmt::Display for BucketName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A key prefix inside a bucket, e.g. `certificates/`; wildcards would widen the grant, so none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyPrefix(String);

impl FromStr for KeyPrefix {
    type Err = NameError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.starts_with('/') || widens(s) || s.chars().any(char::is_control) {
            Err(NameError::KeyPrefix(s.to_owned()))
        } else {
            Ok(KeyPrefix(s.to_owned()))
        }
    }
}

impl KeyPrefix {
    /// The prefix as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The ISV's tenant id that a data accessor's permission may require as the caller's session tag
/// (`AssociatePermission`'s condition value: `[a-zA-Z0-9][a-zA-Z0-9._-]*`, at most 1,000
/// characters), so free of wildcards and variables.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExternalId(String);

impl FromStr for ExternalId {
    type Err = NameError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let b = s.as_bytes();
        let allowed = b.iter().all(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'-'));
        if (1..=1000).contains(&b.len()) && allowed && b[0].is_ascii_alphanumeric() {
            Ok(ExternalId(s.to_owned()))
        } else {
            Err(NameError::ExternalId(s.to_owned()))
        }
    }
}

impl ExternalId {
    /// The id as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn is_ec2_id(s: &str, prefix: &str) -> bool {
    s.strip_prefix(prefix)
        .is_some_and(|hex| matches!(hex.len(), 8 | 17) && hex.bytes().all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(&c)))
}

/// A VPC subnet id, `subnet-` and 8 or 17 hex digits.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct SubnetId(String);

impl FromStr for SubnetId {
    type Err = NameError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if is_ec2_id(s, "subnet-") {
            Ok(SubnetId(s.to_owned()))
        } else {
            Err(NameError::Subnet(s.to_owned()))
        }
    }
}

impl SubnetId {
    /// The id as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A VPC security group id, `sg-` and 8 or 17 hex digits.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct SecurityGroupId(String);

impl FromStr for SecurityGroupId {
    type Err = NameError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if is_ec2_id(s, "sg-") {
            Ok(SecurityGroupId(s.to_owned()))
        } else {
            Err(NameError::SecurityGroup(s.to_owned()))
        }
    }
}

impl SecurityGroupId {
    /// The id as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bucket_names() {
        for ok in ["my-docs", "a.b.c", "abc", "0bucket9"] {
            assert!(ok.parse::<BucketName>().is_ok(), "{ok}");
        }
        for bad in ["ab", "My-Docs", "-docs", "docs-", "a..b", "arn:aws:s3:::docs", "s3://docs", &"a".repeat(64)] {
            assert_eq!(bad.parse::<BucketName>(), Err(NameError::Bucket(bad.to_owned())), "{bad}");
        }
        let rules = [
            ("192.168.5.4", "names formatted as an IP address are not allowed"),
            ("xn--docs", "the prefixes xn--, sthree- and amzn-s3-demo- are reserved"),
            ("sthree-docs", "the prefixes xn--, sthree- and amzn-s3-demo- are reserved"),
            ("docs-s3alias", "the suffixes -s3alias, --ol-s3, .mrap, --x-s3 and --table-s3 are reserved"),
            ("docs--ol-s3", "the suffixes -s3alias, --ol-s3, .mrap, --x-s3 and --table-s3 are reserved"),
        ];
        for (name, rule) in rules {
            assert_eq!(name.parse::<BucketName>(), Err(NameError::BucketRule { name: name.to_owned(), rule }), "{name}");
        }
        assert!("192.168.5.4.docs".parse::<BucketName>().is_ok());
    }

    #[test]
    fn ec2_ids_and_prefixes() {
        assert!("subnet-0123456789abcdef0".parse::<SubnetId>().is_ok());
        assert!("subnet-01234567".parse::<SubnetId>().is_ok());
        assert!("subnet-0123".parse::<SubnetId>().is_err());
        assert!("sg-0123456789ABCDEF0".parse::<SecurityGroupId>().is_err());
        assert!("certs/".parse::<KeyPrefix>().is_ok());
        assert!("certs/*".parse::<KeyPrefix>().is_err());
        assert!("certs/${aws:username}/".parse::<KeyPrefix>().is_err());
        assert!("/certs".parse::<KeyPrefix>().is_err());
    }
}
