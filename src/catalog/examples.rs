//! The example ids and ARNs used by the docs' examples, the golden cases, the proofs, the tests,
//! the bench and the fuzz seeds, in AWS's documentation style (`…EXAMPLE11111`), so one set of
//! ids runs through the whole project; and the example configurations each role family's goldens
//! are made from, beside its request rows.

use super::arguments::Name;

/// The example application.
pub const APPLICATION_ID: &str = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111";
/// The example index.
pub const INDEX_ID: &str = "b1b2c3d4-5678-90ab-cdef-EXAMPLE22222";
/// The example web experience.
pub const WEB_EXPERIENCE_ID: &str = "d1b2c3d4-5678-90ab-cdef-EXAMPLE44444";
/// The example Amazon Kendra index.
pub const KENDRA_INDEX_ID: &str = "e1b2c3d4-5678-90ab-cdef-EXAMPLE55555";
/// An id of no resource of the examples: another application or index.
pub const OTHER_ID: &str = "f1b2c3d4-5678-90ab-cdef-EXAMPLE99999";
/// The example account.
pub const ACCOUNT_ID: &str = "123456789012";
/// Another account, which owns the cross-account bucket.
pub const BUCKET_OWNER_ID: &str = "210987654321";
/// An account of no one in the examples.
pub const OTHER_ACCOUNT_ID: &str = "999999999999";
/// The example region.
pub const REGION: &str = "us-east-1";
/// The example secret.
pub const SECRET_ARN: &str = "arn:aws:secretsmanager:us-east-1:123456789012:secret:qbusiness-connector-AbCdEf";
/// The example KMS key.
pub const KMS_KEY_ARN: &str = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
/// The example Lambda function of a document enrichment hook.
pub const LAMBDA_FUNCTION_ARN: &str = "arn:aws:lambda:us-east-1:123456789012:function:qbusiness-pre-extraction";
/// The example IAM Identity Center instance.
pub const IDENTITY_CENTER_INSTANCE_ARN: &str = "arn:aws:sso:::instance/ssoins-1234567890abcdef";
/// The example IAM Identity Center application.
pub const IDENTITY_CENTER_APPLICATION_ARN: &str = "arn:aws:sso::123456789012:application/ssoins-1234567890abcdef/apl-1234567890abcdef";

/// The example ISV's role that a data accessor lets search the application (AWS's example account
/// for another party).
pub const ISV_ROLE_ARN: &str = "arn:aws:iam::444455556666:role/isv-data-accessor";
/// The example ISV tenant id (a data accessor's external id).
pub const EXTERNAL_ID: &str = "example-tenant";

/// A value of an example configuration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExampleValue {
    /// A string.
    Text(&'static str),
    /// A boolean.
    Flag(bool),
    /// A list of strings.
    List(&'static [&'static str]),
}

/// One example configuration of a role family: a golden document's name and the arguments that
/// make it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Example {
    /// The golden file's name, without `.json`.
    pub name: &'static str,
    /// The arguments.
    pub arguments: &'static [(Name, ExampleValue)],
}

impl Example {
    /// The text value of `name` in this configuration, if it sets one.
    pub fn text(&self, name: Name) -> Option<&'static str> {
        self.arguments.iter().find(|(n, _)| *n == name).and_then(|(_, value)| match value {
            ExampleValue::Text(text) => Some(*text),
            ExampleValue::Flag(_) | ExampleValue::List(_) => None,
        })
    }
}
