//! The kinds of ARN users point a role at (secrets, keys, functions, identity providers), each
//! parsed by one parser that every data source and function shares.

use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use crate::policy::{Arn, ArnError};

/// What one kind of ARN must look like.
pub trait ArnKind {
    /// The service part, e.g. `kms`.
    const SERVICE: &'static str;
    /// What the resource part starts with, e.g. `key/`.
    const RESOURCE_PREFIX: &'static str;
    /// A valid ARN of this kind with placeholders, for messages.
    const EXAMPLE: &'static str;
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

impl<K: ArnKind> FromStr for TypedArn<K> {
    type Err = ArnError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Arn::parse_expecting(text, K::SERVICE, K::RESOURCE_PREFIX, K::EXAMPLE).map(|arn| TypedArn { arn, kind: PhantomData })
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
    const EXAMPLE: &'static str = "arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME";
}

impl ArnKind for KmsKey {
    const SERVICE: &'static str = "kms";
    const RESOURCE_PREFIX: &'static str = "key/";
    const EXAMPLE: &'static str = "arn:aws:kms:REGION:ACCOUNT:key/KEY_ID";
}

impl ArnKind for LambdaFunction {
    const SERVICE: &'static str = "lambda";
    const RESOURCE_PREFIX: &'static str = "function:";
    const EXAMPLE: &'static str = "arn:aws:lambda:REGION:ACCOUNT:function:NAME";
}

impl ArnKind for SamlProvider {
    const SERVICE: &'static str = "iam";
    const RESOURCE_PREFIX: &'static str = "saml-provider/";
    const EXAMPLE: &'static str = "arn:aws:iam::ACCOUNT:saml-provider/NAME";
}

impl ArnKind for OidcProvider {
    const SERVICE: &'static str = "iam";
    const RESOURCE_PREFIX: &'static str = "oidc-provider/";
    const EXAMPLE: &'static str = "arn:aws:iam::ACCOUNT:oidc-provider/ISSUER";
}

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
        self.arn.resource.strip_prefix(OidcProvider::RESOURCE_PREFIX).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_checks_service_and_resource() {
        assert!("arn:aws:kms:us-east-1:123456789012:key/k".parse::<KmsKeyArn>().is_ok());
        assert_eq!(
            "arn:aws:kms:us-east-1:123456789012:alias/docs".parse::<KmsKeyArn>().unwrap_err().to_string(),
            "\"arn:aws:kms:us-east-1:123456789012:alias/docs\" names no resource \"key/\"; expected arn:aws:kms:REGION:ACCOUNT:key/KEY_ID"
        );
        let issuer: OidcProviderArn = "arn:aws:iam::123456789012:oidc-provider/login.example.com/tenant".parse().unwrap();
        assert_eq!(issuer.issuer(), "login.example.com/tenant");
        assert!("arn:aws:iam::123456789012:oidc-provider/x".parse::<SamlProviderArn>().is_err());
    }
}
