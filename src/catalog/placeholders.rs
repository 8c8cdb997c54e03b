//! A role's request rows made concrete for one configuration: the values of their `{…}`
//! placeholders (the configuration's own ids and scope, else the examples' ids), and each row that
//! applies as a request the evaluator takes. The data sources' `allows` output and the proofs
//! both start here.

use std::collections::BTreeMap;

use super::arguments::{self as args, Name};
use super::examples::{
    ACCOUNT_ID, APPLICATION_ID, BUCKET_OWNER_ID, EXTERNAL_ID, KMS_KEY_ARN, OTHER_ACCOUNT_ID, OTHER_ID, REGION, SECRET_ARN,
    WEB_EXPERIENCE_ID,
};
use super::requests::{Expectation, Family};
use super::trust::TrustKind;
use super::{Kind, Scope};
use crate::policy::evaluate::{Caller, Context, ContextValue, Request};
use crate::policy::Partition;

/// A configuration's arguments as text: a list's items joined by commas, a boolean as `true` or
/// `false`. Arguments left out, and empty lists, are absent.
pub type ArgumentTexts = BTreeMap<Name, String>;

/// The values of a configuration's placeholders, by name (`application`, `key`, `other_key`, …).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placeholders(BTreeMap<&'static str, String>);

/// A row of a role's table for one configuration.
#[derive(Clone, Debug, PartialEq)]
pub struct RoleRequest {
    /// The row: its label, and whether the role's document must allow it.
    pub expectation: Expectation,
    /// The request, its placeholders filled.
    pub request: Request,
}

impl Placeholders {
    /// The placeholders of a configuration of `kind` with `arguments` in `scope`. Without a scope
    /// (a bucket policy takes its ARNs as given) the connector role's ARN, or the first caller
    /// role's, gives the partition and account; any id still missing is the examples'.
    pub fn of(arguments: &ArgumentTexts, kind: Option<&str>, scope: Option<&Scope>) -> Placeholders {
        let get = |name: Name| arguments.get(&name).cloned();
        // A list's first item: a policy that names several is proven with its first.
        let first_of = |name: Name| get(name).and_then(|list| list.split(',').next().map(str::to_owned));
        let first = |name: Name, default: &str| first_of(name).unwrap_or_else(|| default.to_owned());
        let role_arn = get(args::CONNECTOR_ROLE_ARN).unwrap_or_default();
        // A policy without a scope is placed by the role it names: the connector's, or the first caller's.
        let placing = if role_arn.is_empty() { first(args::CALLER_ROLE_ARNS, "") } else { role_arn.clone() };
        let arn_part = |i: usize| placing.split(':').nth(i).filter(|p| !p.is_empty()).map(str::to_owned);
        let partition = scope.map(|s| s.partition.to_string()).or_else(|| arn_part(1)).unwrap_or_else(|| Partition::Aws.to_string());
        let region = scope.map_or(REGION.to_owned(), |s| s.region.as_str().to_owned());
        let account = scope.map(|s| s.account.as_str().to_owned()).or_else(|| arn_part(4)).unwrap_or_else(|| ACCOUNT_ID.to_owned());
        let application = get(args::APPLICATION_ID).unwrap_or_else(|| APPLICATION_ID.to_owned());
        // Without its ARN a key or secret is the example's, placed where the configuration is: a
        // key policy names no key, and its grant is made in the scope's region.
        let example_in_place = |example: &str| {
            let resource = example.splitn(6, ':').nth(5).unwrap_or_default();
            let service = example.split(':').nth(2).unwrap_or_default();
            format!("arn:{partition}:{service}:{region}:{account}:{resource}")
        };
        let key = get(args::KMS_KEY_ARN).unwrap_or_else(|| example_in_place(KMS_KEY_ARN));
        let secret = get(args::SECRET_ARN).unwrap_or_else(|| example_in_place(SECRET_ARN));
        let oidc = get(args::OIDC_PROVIDER_ARN).unwrap_or_default();
        let saml = get(args::SAML_PROVIDER_ARN).unwrap_or_default();
        let service = TrustKind::named(kind).and_then(TrustKind::service).unwrap_or("qbusiness");
        let mut values: BTreeMap<&'static str, String> = BTreeMap::new();
        values.insert("role", format!("arn:{partition}:iam::{account}:role/qbusiness-role"));
        values.insert("source_arn", format!("arn:{partition}:qbusiness:{region}:{account}:application/{application}"));
        values.insert("service", partition.parse::<Partition>().unwrap_or(Partition::Aws).service_principal(service));
        values.insert("other_account", OTHER_ACCOUNT_ID.into());
        values.insert("other_id", OTHER_ID.into());
        values.insert("application", application);
        values.insert("index", get(args::INDEX_ID).unwrap_or_default());
        values.insert("web_experience", get(args::WEB_EXPERIENCE_ID).unwrap_or_else(|| WEB_EXPERIENCE_ID.to_owned()));
        values.insert("kendra_index", get(args::KENDRA_INDEX_ID).unwrap_or_default());
        values.insert("bucket", get(args::BUCKET).unwrap_or_default());
        // A bucket policy's bucket is another account's unless said otherwise.
        let owner = get(args::BUCKET_ACCOUNT_ID).or_else(|| get(args::CONNECTOR_ROLE_ARN).map(|_| BUCKET_OWNER_ID.to_owned()));
        values.insert("bucket_owner", owner.unwrap_or_else(|| account.clone()));
        values.insert("connector_role", role_arn.clone());
        values.insert("other_bucket", "someone-elses-bucket".into());
        values.insert("key_region", key.split(':').nth(3).unwrap_or(&region).to_owned());
        values.insert(
            "other_key",
            key.rsplit_once('/').map(|(arn, _)| format!("{arn}/9999abcd-12ab-34cd-56ef-1234567890ab")).unwrap_or_default(),
        );
        values.insert("key", key);
        values.insert("other_secret", format!("arn:{partition}:secretsmanager:{region}:{account}:secret:someone-else-ZyXwVu"));
        values.insert("secret", secret);
        values.insert("function", get(args::LAMBDA_FUNCTION_ARN).unwrap_or_default());
        values.insert("other_function", format!("arn:{partition}:lambda:{region}:{account}:function:someone-else"));
        values.insert("certificate_bucket", get(args::SSL_CERTIFICATE_BUCKET).unwrap_or_default());
        values.insert("certificate_prefix", get(args::SSL_CERTIFICATE_KEY_PREFIX).unwrap_or_default());
        values.insert("seed_bucket", get(args::SEED_URLS_BUCKET).unwrap_or_default());
        values.insert("seed_prefix", get(args::SEED_URLS_KEY_PREFIX).unwrap_or_default());
        values.insert("subnet", first(args::SUBNET_IDS, "subnet-0123456789abcdef0"));
        values.insert("security_group", first(args::SECURITY_GROUP_IDS, "sg-0123456789abcdef0"));
        values.insert("issuer", oidc.split_once("oidc-provider/").map(|(_, issuer)| issuer.to_owned()).unwrap_or_default());
        values.insert("client_id", first(args::CLIENT_IDS, ""));
        values.insert("web_experience_url", get(args::WEB_EXPERIENCE_URL).unwrap_or_default());
        values.insert("federated_provider", if saml.is_empty() { oidc.clone() } else { saml.clone() });
        values.insert("saml_provider", saml);
        values.insert("oidc_provider", oidc);
        for (placeholder, list) in [
            ("administrator_role", args::ADMINISTRATOR_ROLE_ARNS),
            ("decrypt_role", args::DECRYPT_ROLE_ARNS),
            ("caller_role", args::CALLER_ROLE_ARNS),
        ] {
            if let Some(first) = first_of(list) {
                values.insert(placeholder, first);
            }
        }
        // An ISV's session carries its tenant tag whether or not the permission requires one.
        values.insert(args::EXTERNAL_ID.as_str(), get(args::EXTERNAL_ID).unwrap_or_else(|| EXTERNAL_ID.to_owned()));
        values.insert("partition", partition);
        values.insert("region", region);
        values.insert("account", account);
        // Any other argument stands for itself: `{identity_center_instance_arn}`.
        for (name, value) in arguments {
            values.entry(name.as_str()).or_insert_with(|| value.clone());
        }
        Placeholders(values)
    }

    /// The value of placeholder `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.get(name).map(String::as_str)
    }

    /// Sets placeholder `name`: the proofs put their own expectation of the service principal.
    pub fn set(&mut self, name: &'static str, value: impl Into<String>) {
        self.0.insert(name, value.into());
    }

    /// `template` with its placeholders filled; `None` if one has no value.
    pub fn fill(&self, template: &str) -> Option<String> {
        // One pass over the template: a document's `allows` fills every row's fields, and a
        // replace per placeholder made that most of a plan's time.
        let mut text = String::with_capacity(template.len() + 64);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            text.push_str(&rest[..open]);
            let inside = &rest[open + 1..];
            let close = inside.find('}')?;
            text.push_str(self.0.get(&inside[..close])?);
            rest = &inside[close + 1..];
        }
        text.push_str(rest);
        // A value is never itself a template.
        (!text.contains('{')).then_some(text)
    }
}

impl Family {
    /// The rows that apply to a configuration of `kind` with `arguments`, as requests with the
    /// placeholders of `values`; a row whose placeholder has no value is left out.
    pub fn requests(&self, arguments: &ArgumentTexts, kind: Option<&str>, values: &Placeholders) -> Vec<RoleRequest> {
        let value = |name: Name| arguments.get(&name).cloned();
        self.expectations
            .iter()
            .filter(|e| e.when.holds(&value, kind))
            .filter_map(|expectation| {
                let principal = values.fill(expectation.principal)?;
                let context = expectation
                    .context
                    .iter()
                    .map(|(key, value)| Some((values.fill(key)?, values.fill(value)?)))
                    .collect::<Option<Vec<_>>>()?;
                let request = Request {
                    caller: Some(Caller::named(&principal)),
                    action: expectation.action.to_owned(),
                    resource: Some(values.fill(expectation.resource)?),
                    context: context.iter().map(|(key, value)| (key.as_str(), ContextValue::one(key, value.as_str()))).collect::<Context>(),
                };
                Some(RoleRequest { expectation: *expectation, request })
            })
            .collect()
    }
}
