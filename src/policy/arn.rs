//! ARNs, partitions and account ids: built from parts, parsed from user input, never pasted together.

use std::fmt;
use std::str::FromStr;

use thiserror::Error;

/// An assumed-role session's ARN taken apart: `arn:PARTITION:sts::ACCOUNT:assumed-role/ROLE/SESSION`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Session<'a> {
    /// The partition's name.
    pub partition: &'a str,
    /// The account.
    pub account: &'a str,
    /// The role's name.
    pub role: &'a str,
}

impl<'a> Session<'a> {
    /// The session `arn` names, if it names one.
    pub fn of(arn: &'a str) -> Option<Session<'a>> {
        match arn.splitn(6, ':').collect::<Vec<_>>().as_slice() {
            ["arn", partition, "sts", "", account, resource] => {
                let role = resource.strip_prefix("assumed-role/")?.split('/').next()?;
                Some(Session { partition, account, role })
            }
            _ => None,
        }
    }
}

/// An AWS partition and what differs between partitions for policy documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Partition {
    /// The commercial partition.
    Aws,
    /// China.
    AwsCn,
    /// AWS GovCloud (US).
    AwsUsGov,
}

impl Partition {
    /// Every partition.
    pub const ALL: [Partition; 3] = [Partition::Aws, Partition::AwsCn, Partition::AwsUsGov];

    /// Every partition's name, joined for messages: `aws, aws-cn and aws-us-gov`.
    pub fn names() -> String {
        let names = Partition::ALL.map(Partition::name);
        let (last, rest) = names.split_last().unwrap_or((&"", &[]));
        format!("{} and {last}", rest.join(", "))
    }

    /// The partition's name in ARNs: `aws`, `aws-cn`, `aws-us-gov`.
    pub fn name(self) -> &'static str {
        match self {
            Partition::Aws => "aws",
            Partition::AwsCn => "aws-cn",
            Partition::AwsUsGov => "aws-us-gov",
        }
    }

    /// The DNS suffix of service principals and of `kms:ViaService` endpoints.
    pub fn dns_suffix(self) -> &'static str {
        match self {
            Partition::Aws | Partition::AwsUsGov => "amazonaws.com",
            Partition::AwsCn => "amazonaws.com.cn",
        }
    }

    /// `qbusiness` → `qbusiness.amazonaws.com` (or `.amazonaws.com.cn` in China).
    pub fn service_principal(self, service: &str) -> String {
        format!("{service}.{}", self.dns_suffix())
    }

    /// A service's regional endpoint host, as `kms:ViaService` names it: `s3.eu-west-1.amazonaws.com`.
    pub fn service_endpoint(self, service: &str, region: &str) -> String {
        format!("{service}.{region}.{}", self.dns_suffix())
    }

    /// The partition a region name belongs to (`cn-north-1` → aws-cn, `us-gov-west-1` → aws-us-gov),
    /// or `None` for the isolated partitions' regions (`us-iso-east-1`, `eu-isoe-west-1`, …), which
    /// are in none of [`Partition::ALL`].
    pub fn of_region(region: &str) -> Option<Partition> {
        const ISOLATED: [&str; 4] = ["us-iso-", "us-isob-", "eu-isoe-", "us-isof-"];
        if ISOLATED.iter().any(|prefix| region.starts_with(prefix)) {
            None
        } else if region.starts_with("cn-") {
            Some(Partition::AwsCn)
        } else if region.starts_with("us-gov-") {
            Some(Partition::AwsUsGov)
        } else {
            Some(Partition::Aws)
        }
    }
}

impl fmt::Display for Partition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A name that is no partition.
#[derive(Debug, Error, PartialEq, Eq)]
#[error("{0:?} is not an AWS partition; valid partitions are {valid}", valid = Partition::names())]
pub struct UnknownPartition(pub String);

impl FromStr for Partition {
    type Err = UnknownPartition;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Partition::ALL.into_iter().find(|p| p.name() == s).ok_or_else(|| UnknownPartition(s.to_owned()))
    }
}

/// An AWS region name by AWS's grammar: lowercase letters in hyphenated parts, ending in a
/// number (`us-east-1`, `ap-southeast-2`, `us-gov-west-1`). Whether Amazon Q Business runs there
/// is another question; this only guarantees that the text names one region, so it can never
/// widen an ARN or a condition (no `*`, `?`, `:`, `$`, spaces or other characters).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Region(String);

/// A value that is not an AWS region name.
#[derive(Debug, Error, PartialEq, Eq)]
#[error("{0:?} is not an AWS region name: lowercase letters in hyphenated parts ending in a number, e.g. \"us-east-1\" (no wildcards, policy variables, colons or spaces)")]
pub struct InvalidRegion(pub String);

impl Region {
    /// The region as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether `text` follows the grammar `[a-z]{2}(-[a-z]+)+-[0-9]+`.
    pub fn is_valid(text: &str) -> bool {
        let parts: Vec<&str> = text.split('-').collect();
        let Some((number, words)) = parts.split_last() else { return false };
        words.len() >= 2
            && words[0].len() == 2
            && words.iter().all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase()))
            && !number.is_empty()
            && number.bytes().all(|b| b.is_ascii_digit())
    }

    /// Why the region (as text, `region`) cannot be used in `partition`, if it cannot: the one
    /// wording of that rule for ARNs and scopes alike.
    pub fn mismatch(region: &str, partition: Partition) -> Option<String> {
        match Partition::of_region(region) {
            Some(own) if own == partition => None,
            Some(own) => Some(format!("region {region:?} is in partition {own}, not {partition}")),
            None => Some(format!("region {region:?} is in an isolated partition, not {partition}")),
        }
    }
}

impl FromStr for Region {
    type Err = InvalidRegion;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if Region::is_valid(s) {
            Ok(Region(s.to_owned()))
        } else {
            Err(InvalidRegion(s.to_owned()))
        }
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialEq<str> for Region {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Region {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

/// A 12-digit AWS account id.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AccountId(String);

/// A value that is not a 12-digit account id.
#[derive(Debug, Error, PartialEq, Eq)]
#[error("{0:?} is not an AWS account id: it must be exactly 12 digits, e.g. \"123456789012\"")]
pub struct InvalidAccountId(pub String);

impl AccountId {
    /// The id as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for AccountId {
    type Err = InvalidAccountId;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.len() == 12 && s.bytes().all(|b| b.is_ascii_digit()) {
            Ok(AccountId(s.to_owned()))
        } else {
            Err(InvalidAccountId(s.to_owned()))
        }
    }
}

impl fmt::Display for AccountId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`. Region and account are empty for global resources
/// (S3 buckets, IAM). The resource part may hold `*` wildcards.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Arn {
    /// The partition.
    pub partition: Partition,
    /// The service, e.g. `kms`.
    pub service: String,
    /// The region; empty for global resources.
    pub region: String,
    /// The account; empty for global resources.
    pub account: String,
    /// The resource part, e.g. `key/ID`.
    pub resource: String,
}

/// Why a text is not the ARN that was asked for.
#[allow(missing_docs)] // the variants' fields are named for what they hold
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ArnError {
    #[error("{0:?} is not an ARN: expected arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE")]
    Malformed(String),
    #[error("{arn:?} has an unknown partition; valid partitions are {}", Partition::names())]
    Partition { arn: String },
    #[error("{arn:?} is a {found} ARN, expected a {expected} ARN ({example})")]
    WrongService { arn: String, found: String, expected: String, example: String },
    #[error("{arn:?} has account {account:?}, which is not 12 digits")]
    Account { arn: String, account: String },
    #[error("{arn:?} names no resource {prefix:?}; expected {example}")]
    WrongResource { arn: String, prefix: String, example: String },
    #[error("{arn:?} {problem}; expected {example}")]
    Form { arn: String, problem: String, example: String },
}

impl Arn {
    /// An ARN from its parts.
    pub fn new(partition: Partition, service: &str, region: &str, account: &str, resource: &str) -> Arn {
        Arn {
            partition,
            service: service.to_owned(),
            region: region.to_owned(),
            account: account.to_owned(),
            resource: resource.to_owned(),
        }
    }

    /// Parses an ARN a user supplied, requiring the given service and resource prefix
    /// (`kms`, `key/`): `example` goes into the message when it does not fit.
    pub fn parse_expecting(text: &str, service: &str, resource_prefix: &str, example: &str) -> Result<Arn, ArnError> {
        let arn: Arn = text.parse()?;
        if arn.service != service {
            return Err(ArnError::WrongService {
                arn: text.to_owned(),
                found: arn.service,
                expected: service.to_owned(),
                example: example.to_owned(),
            });
        }
        if !arn.resource.starts_with(resource_prefix) || arn.resource.len() == resource_prefix.len() {
            return Err(ArnError::WrongResource { arn: text.to_owned(), prefix: resource_prefix.to_owned(), example: example.to_owned() });
        }
        Ok(arn)
    }
}

impl FromStr for Arn {
    type Err = ArnError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let malformed = || ArnError::Malformed(text.to_owned());
        let mut parts = text.splitn(6, ':');
        let (Some("arn"), Some(partition), Some(service), Some(region), Some(account), Some(resource)) =
            (parts.next(), parts.next(), parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(malformed());
        };
        let partition = partition.parse().map_err(|_| ArnError::Partition { arn: text.to_owned() })?;
        let service_ok = !service.is_empty() && service.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        let region_ok = region.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !service_ok || !region_ok || resource.is_empty() || text.chars().any(char::is_whitespace) {
            return Err(malformed());
        }
        if !account.is_empty() && account.parse::<AccountId>().is_err() {
            return Err(ArnError::Account { arn: text.to_owned(), account: account.to_owned() });
        }
        Ok(Arn::new(partition, service, region, account, resource))
    }
}

impl fmt::Display for Arn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "arn:{}:{}:{}:{}:{}", self.partition, self.service, self.region, self.account, self.resource)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_and_parses() {
        let arn = Arn::new(Partition::AwsCn, "kms", "cn-north-1", "123456789012", "key/abc");
        assert_eq!(arn.to_string(), "arn:aws-cn:kms:cn-north-1:123456789012:key/abc");
        assert_eq!(arn.to_string().parse::<Arn>().unwrap(), arn);
        let bucket: Arn = "arn:aws:s3:::my-bucket/a:b".parse().unwrap();
        assert_eq!(bucket.resource, "my-bucket/a:b");
    }

    #[test]
    fn rejects_bad_arns_with_reasons() {
        assert_eq!("arn:aws:kms".parse::<Arn>(), Err(ArnError::Malformed("arn:aws:kms".into())));
        assert_eq!(
            "arn:aws-eu:kms:eu-west-1:123456789012:key/x".parse::<Arn>(),
            Err(ArnError::Partition { arn: "arn:aws-eu:kms:eu-west-1:123456789012:key/x".into() })
        );
        assert!(matches!("arn:aws:kms:us-east-1:12345678901:key/x".parse::<Arn>(), Err(ArnError::Account { .. })));
        assert!(matches!(
            Arn::parse_expecting("arn:aws:s3:::bucket", "kms", "key/", "arn:aws:kms:REGION:ACCOUNT:key/ID"),
            Err(ArnError::WrongService { .. })
        ));
        assert!(matches!(
            Arn::parse_expecting("arn:aws:kms:us-east-1:123456789012:alias/x", "kms", "key/", "…"),
            Err(ArnError::WrongResource { .. })
        ));
    }

    #[test]
    fn regions_follow_awss_grammar() {
        for ok in ["us-east-1", "ap-southeast-2", "us-gov-west-1", "eu-isoe-west-1", "cn-north-1", "il-central-10"] {
            assert!(ok.parse::<Region>().is_ok(), "{ok}");
        }
        let bad = [
            "*",
            "us-*-1",
            "?",
            "${aws:RequestedRegion}",
            "us-east-1:210987654321",
            "us-east-1 ",
            " us-east-1",
            "US-EAST-1",
            "useast1",
            "us-east",
            "us-1",
            "usa-east-1",
            "us--east-1",
            "us-east-1a",
            "us-east-",
            "",
            "us-east-\u{661}",
            "us-\u{e9}ast-1",
        ];
        for text in bad {
            assert_eq!(text.parse::<Region>(), Err(InvalidRegion(text.to_owned())), "{text:?}");
        }
    }

    #[test]
    fn partitions_and_accounts() {
        assert_eq!(Partition::AwsCn.service_principal("qbusiness"), "qbusiness.amazonaws.com.cn");
        assert_eq!(Partition::Aws.service_endpoint("s3", "us-east-1"), "s3.us-east-1.amazonaws.com");
        assert_eq!(Partition::of_region("us-gov-west-1"), Some(Partition::AwsUsGov));
        assert_eq!(Partition::of_region("us-isob-east-1"), None);
        assert_eq!(
            Region::mismatch("eu-isoe-west-1", Partition::Aws).unwrap(),
            "region \"eu-isoe-west-1\" is in an isolated partition, not aws"
        );
        assert_eq!("aws-us-gov".parse::<Partition>(), Ok(Partition::AwsUsGov));
        assert!("aws-eu".parse::<Partition>().is_err());
        assert!("12345678901".parse::<AccountId>().is_err());
        assert!("1234567890123".parse::<AccountId>().is_err());
        assert!("12345678901a".parse::<AccountId>().is_err());
        assert_eq!("123456789012".parse::<AccountId>().unwrap().as_str(), "123456789012");
    }
}
