//! The account, region and Q Business resources a role is for, and the ARNs built from them.

use thiserror::Error;

use crate::policy::{AccountId, Arn, Partition, Region};

/// Where a role's resources live.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scope {
    /// The partition of every ARN.
    pub partition: Partition,
    /// The region of the Q Business resources.
    pub region: Region,
    /// The account that owns them.
    pub account: AccountId,
}

/// A Q Business resource id: exactly 36 characters of `[a-zA-Z0-9][a-zA-Z0-9-]{35}` (the API's pattern).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResourceId(String);

/// A value that is not a Q Business id.
#[derive(Debug, Error, PartialEq, Eq)]
#[error("{0:?} is not a Q Business id: ids are 36 characters, letters, digits and hyphens, starting with a letter or digit (e.g. \"a1b2c3d4-5678-90ab-cdef-EXAMPLE11111\")")]
pub struct InvalidResourceId(pub String);

impl std::str::FromStr for ResourceId {
    type Err = InvalidResourceId;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bytes = s.as_bytes();
        let valid = bytes.len() == 36 && bytes[0].is_ascii_alphanumeric() && bytes.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'-');
        if valid {
            Ok(ResourceId(s.to_owned()))
        } else {
            Err(InvalidResourceId(s.to_owned()))
        }
    }
}

impl ResourceId {
    /// The id as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Scope {
    /// An ARN of `service` in this partition, region and account.
    pub fn arn(&self, service: &str, resource: &str) -> Arn {
        Arn::new(self.partition, service, self.region.as_str(), self.account.as_str(), resource)
    }

    /// A global-namespace ARN such as an S3 bucket's: no region, no account.
    pub fn global_arn(&self, service: &str, resource: &str) -> Arn {
        Arn::new(self.partition, service, "", "", resource)
    }

    /// The service principal of `service` in this partition, e.g. `qbusiness.amazonaws.com`.
    pub fn service_principal(&self, service: &str) -> String {
        self.partition.service_principal(service)
    }

    /// The application's ARN.
    pub fn application_arn(&self, application: &ResourceId) -> Arn {
        self.arn("qbusiness", &format!("application/{}", application.as_str()))
    }

    /// Any application of this account and region (`application/*`).
    pub fn any_application_arn(&self) -> Arn {
        self.arn("qbusiness", "application/*")
    }

    /// A resource under an application: `application/ID/index/IDX`, `.../retriever/*`, ...
    pub fn application_child_arn(&self, application: &ResourceId, path: &str) -> Arn {
        self.arn("qbusiness", &format!("application/{}/{path}", application.as_str()))
    }

    /// The ARN of an index of the application.
    pub fn index_arn(&self, application: &ResourceId, index: &ResourceId) -> Arn {
        self.application_child_arn(application, &format!("index/{}", index.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_the_api_pattern() {
        assert!("a1b2c3d4-5678-90ab-cdef-EXAMPLE11111".parse::<ResourceId>().is_ok());
        assert!("-1b2c3d4-5678-90ab-cdef-EXAMPLE11111".parse::<ResourceId>().is_err());
        assert!("a1b2c3d4-5678-90ab-cdef-EXAMPLE1111".parse::<ResourceId>().is_err());
        assert!("a1b2c3d4_5678-90ab-cdef-EXAMPLE11111".parse::<ResourceId>().is_err());
        assert!("".parse::<ResourceId>().is_err());
    }

    #[test]
    fn arns() {
        let scope = Scope { partition: Partition::Aws, region: "us-east-1".parse().unwrap(), account: "123456789012".parse().unwrap() };
        let app: ResourceId = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111".parse().unwrap();
        let index: ResourceId = "b1b2c3d4-5678-90ab-cdef-EXAMPLE22222".parse().unwrap();
        assert_eq!(
            scope.index_arn(&app, &index).to_string(),
            "arn:aws:qbusiness:us-east-1:123456789012:application/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111/index/b1b2c3d4-5678-90ab-cdef-EXAMPLE22222"
        );
        assert_eq!(scope.global_arn("s3", "docs").to_string(), "arn:aws:s3:::docs");
    }
}
