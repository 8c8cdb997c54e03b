//! Data source `qbusiness_key_policy`: the key policy of an application's customer managed key.

use crate::catalog::arguments as args;
use crate::catalog::arns::IamRoleArn;
use crate::catalog::key_policy::{self, KeyPolicy};
use crate::catalog::kinds::is_scope;
use crate::catalog::requests::Family;
use crate::catalog::sources::at_60275b0;
use crate::plugin::{Attribute, Type};
use crate::policy::{DocumentKind, PolicyDocument};

use super::config::{check_place, resolve_scope};
use super::descriptor::{Body, Descriptor, DocumentSpec, FunctionTwin};
use super::inputs::Inputs;
use super::Phase;

/// The data source `qbusiness_key_policy`.
pub(super) static DESCRIPTOR: Descriptor = Descriptor {
    type_name: "qbusiness_key_policy",
    description: "The key policy of an application's customer managed KMS key (AWS's page \"Data encryption for Amazon Q Business\"): the administrators may have Q Business describe the key and make its grant, the roles that decrypt through Q Business may, and (by default) the account's IAM policies may grant the key as AWS's default key policy lets them. Merge it into an existing key policy with `source_policy_documents`. For a key whose policy already delegates to IAM, `qbusiness_administrator_policy` (`role = \"customer_managed_key\"`) gives the administrators' side instead.",
    function: FunctionTwin {
        name: "key_policy",
        selector: None,
        output: args::JSON,
        summary: "The key policy of an application's customer managed KMS key, as JSON.",
    },
    requests: Some(Family {
        expectations: key_policy::REQUESTS,
        selector: None,
        default_kind: None,
        kinds: Vec::new,
        takes: |_, name| is_scope(name),
        examples: key_policy::EXAMPLES,
        trusts: |_| &[],
        source: |_| Some(at_60275b0("data-encryption")),
    }),
    body: Body::Document(DocumentSpec { kind: DocumentKind::Resource, arguments, scope_note: Some(scope_note), build }),
};

fn arguments() -> Vec<Attribute> {
    vec![
        Attribute::optional(
            args::ADMINISTRATOR_ROLE_ARNS,
            Type::list(Type::String),
            "ARNs of the roles that create or update the application with the key: Q Business, called by them, describes the key and makes its grant.",
        ),
        Attribute::optional(
            args::DECRYPT_ROLE_ARNS,
            Type::list(Type::String),
            "ARNs of the roles that decrypt with the key through Q Business: the web experience, integration and API caller roles.",
        ),
        Attribute::optional(
            args::ACCOUNT_ROOT,
            Type::Bool,
            "Let the account's IAM policies grant the key too (`kms:*` for the account's root, AWS's default key policy; default true). Without it, only this policy grants the key: make sure it still names who administers the key.",
        ),
    ]
}

fn scope_note() -> String {
    "in this policy".to_owned()
}

fn build(inputs: &mut Inputs<'_>, phase: Phase<'_>) -> Option<PolicyDocument> {
    let roles = |inputs: &mut Inputs<'_>, name| -> Option<Vec<IamRoleArn>> {
        if inputs.is_set(name) {
            inputs.parsed_list::<IamRoleArn>(name)
        } else {
            Some(Vec::new())
        }
    };
    let administrators = roles(inputs, args::ADMINISTRATOR_ROLE_ARNS);
    let decrypters = roles(inputs, args::DECRYPT_ROLE_ARNS);
    let account_root = inputs.bool(args::ACCOUNT_ROOT).unwrap_or(true);
    let scope = resolve_scope(inputs, phase)?;
    for (name, list) in [(args::ADMINISTRATOR_ROLE_ARNS, &administrators), (args::DECRYPT_ROLE_ARNS, &decrypters)] {
        for role in list.iter().flatten() {
            check_place(inputs, name, role.arn(), scope.partition, None);
        }
    }
    let (administrators, decrypters) = (administrators?, decrypters?);
    if administrators.is_empty() && decrypters.is_empty() && !account_root {
        inputs.error(
            args::ACCOUNT_ROOT,
            "Empty key policy",
            "with account_root = false the policy needs administrator_role_arns or decrypt_role_arns, e.g. administrator_role_arns = [\"arn:aws:iam::123456789012:role/qbusiness-admin\"].",
        );
        return None;
    }
    Some(KeyPolicy { scope, administrators, decrypters, account_root }.document())
}

#[cfg(test)]
mod tests {
    use crate::catalog::arguments as args;
    use crate::provider::testing::{allows, list, s};

    const TYPE: &str = super::DESCRIPTOR.type_name;

    /// `allows` judges the administrators and decrypters the user names (their first), so a
    /// policy for roles of other names is not reported as denying them.
    #[test]
    fn allows_names_the_users_own_roles() {
        let admin = "arn:aws:iam::123456789012:role/platform-admin";
        let decrypter = "arn:aws:iam::123456789012:role/chat-web";
        let rows = allows(TYPE, &[(args::ADMINISTRATOR_ROLE_ARNS, list(&[admin])), (args::DECRYPT_ROLE_ARNS, list(&[decrypter]))]);
        let judged: Vec<(&str, &str, bool)> = rows.iter().map(|r| (r.label.as_str(), r.principal.as_str(), r.allowed)).collect();
        assert_eq!(
            judged,
            [
                ("an administrator makes Q Business's grant", admin, true),
                ("an administrator describes the key", admin, true),
                ("an administrator makes a grant directly", admin, false),
                ("an administrator decrypts", admin, false),
                ("a web experience role decrypts through Q Business", decrypter, true),
                ("a web experience role decrypts through S3", decrypter, false),
                ("a web experience role schedules the key's deletion", decrypter, false),
                ("another role of the account makes a grant", "arn:aws:iam::123456789012:role/someone-else", false),
                ("another account", "arn:aws:iam::999999999999:root", false),
            ]
        );
        assert!(rows.iter().all(|r| r.expected == r.allowed));
    }

    /// The key a key policy stands on is in the configuration's region and account, not the
    /// example key's: Q Business's grant is asked for through `qbusiness.<region>`.
    #[test]
    fn allows_asks_in_the_configurations_region_and_account() {
        let admin = "arn:aws:iam::444455556666:role/platform-admin";
        let rows = allows(
            TYPE,
            &[
                (args::REGION, s("eu-west-1")),
                (args::ACCOUNT_ID, s("444455556666")),
                (args::ADMINISTRATOR_ROLE_ARNS, list(&[admin])),
                (args::DECRYPT_ROLE_ARNS, list(&["arn:aws:iam::444455556666:role/chat-web"])),
            ],
        );
        let wrong: Vec<_> = rows.iter().filter(|r| r.expected != r.allowed).map(|r| (r.label.as_str(), r.resource.as_str())).collect();
        assert_eq!(wrong, []);
        let grant = rows.iter().find(|r| r.label == "an administrator makes Q Business's grant").expect("the grant row");
        assert_eq!(grant.resource, "arn:aws:kms:eu-west-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab");
    }
}
