//! Data source `qbusiness_data_accessor_policy`: the statement a data accessor adds to an
//! application's resource-based policy.

use crate::catalog::arguments as args;
use crate::catalog::data_accessor::{self, DataAccessorPermission};
use crate::catalog::kinds::is_scope;
use crate::catalog::names::ExternalId;
use crate::catalog::requests::Family;
use crate::catalog::sources::{Source, SNAPSHOT_01C8F01};
use crate::catalog::ResourceId;
use crate::plugin::{Attribute, Type};
use crate::policy::{DocumentKind, PolicyDocument};

use super::config::{check_place, resolve_scope};
use super::descriptor::{Body, Descriptor, DocumentSpec, FunctionTwin};
use super::inputs::Inputs;
use super::Phase;

/// The data source `qbusiness_data_accessor_policy`.
pub static DESCRIPTOR: Descriptor = Descriptor {
    type_name: "qbusiness_data_accessor_policy",
    description: "The statement a data accessor (an ISV given access to the Amazon Q index, AWS's page \"Add a data accessor\") adds to the application's resource-based policy through `CreateDataAccessor` and `AssociatePermission`: the ISV's role may call `SearchRelevantContent` on the application, and nothing else. AWS writes this statement itself; use the document to check the application's policy (`aws qbusiness get-policy`) with `qbusiness_policy_check` (`kind = \"resource\"`). Which data sources the ISV may search is the data accessor's `filterConfiguration`, not a policy condition.",
    function: FunctionTwin {
        name: "data_accessor_policy",
        selector: None,
        output: args::JSON,
        summary: "The statement a data accessor adds to the application's resource-based policy, as JSON.",
    },
    requests: Some(Family {
        expectations: data_accessor::REQUESTS,
        selector: None,
        default_kind: None,
        kinds: Vec::new,
        takes: |_, name| name == args::APPLICATION_ID || is_scope(name),
        examples: data_accessor::EXAMPLES,
        trusts: |_| &[],
        source: |_| Some(Source { page: "data-accessors-granting-permissions", snapshot: SNAPSHOT_01C8F01 }),
    }),
    body: Body::Document(DocumentSpec { kind: DocumentKind::Resource, arguments, scope_note: Some(scope_note), build }),
};

fn arguments() -> Vec<Attribute> {
    vec![
        Attribute::required(args::APPLICATION_ID, Type::String, "Id of the application the data accessor searches."),
        Attribute::required(
            args::ISV_ROLE_ARN,
            Type::String,
            "ARN of the ISV's data accessor role, in the ISV's account (the `principal` of `CreateDataAccessor`; AWS's page lists each ISV's), e.g. `arn:aws:iam::444455556666:role/isv-data-accessor`.",
        ),
        Attribute::optional(
            args::EXTERNAL_ID,
            Type::String,
            "The ISV's tenant id (AWS calls it the external id): when set, the ISV's session must carry it as its `qbusiness-dataaccessor:ExternalId` tag (`AssociatePermission`'s `conditions`).",
        ),
    ]
}

fn scope_note() -> String {
    "of the application".to_owned()
}

fn build(inputs: &mut Inputs<'_>, phase: Phase<'_>) -> Option<PolicyDocument> {
    let application = inputs.parsed::<ResourceId>(args::APPLICATION_ID);
    let isv_role = inputs.arn(args::ISV_ROLE_ARN);
    // Read before the scope so that every argument's error is reported together.
    let external_id = inputs.is_set(args::EXTERNAL_ID).then(|| inputs.parsed::<ExternalId>(args::EXTERNAL_ID));
    let scope = resolve_scope(inputs, phase)?;
    if let Some(role) = &isv_role {
        check_place(inputs, args::ISV_ROLE_ARN, role.arn(), scope.partition, None);
    }
    let external_id = external_id.map(|id| id.ok_or(())).transpose().ok()?;
    Some(DataAccessorPermission { scope, application: application?, isv_role: isv_role?, external_id }.document())
}

#[cfg(test)]
mod tests {
    use crate::catalog::arguments as args;
    use crate::catalog::examples::{EXTERNAL_ID, ISV_ROLE_ARN};
    use crate::provider::testing::{allows, golden, read, s, APPLICATION_ID};

    const TYPE: &str = super::DESCRIPTOR.type_name;

    #[test]
    fn the_permission_with_a_tenant_is_its_golden_document() {
        let outcome = read(
            TYPE,
            &[(args::APPLICATION_ID, s(APPLICATION_ID)), (args::ISV_ROLE_ARN, s(ISV_ROLE_ARN)), (args::EXTERNAL_ID, s(EXTERNAL_ID))],
        );
        assert_eq!(outcome.diagnostics, Vec::<String>::new());
        assert_eq!(outcome.json.unwrap() + "\n", golden("data-accessor-tenant"));
    }

    /// `allows` judges the ISV the user names, with the user's tenant, not the examples'.
    #[test]
    fn allows_names_the_users_isv_and_tenant() {
        let isv = "arn:aws:iam::111122223333:role/acme-retriever";
        let rows: Vec<_> =
            allows(TYPE, &[(args::APPLICATION_ID, s(APPLICATION_ID)), (args::ISV_ROLE_ARN, s(isv)), (args::EXTERNAL_ID, s("acme"))])
                .into_iter()
                .map(|r| (r.label, r.principal, r.expected, r.allowed))
                .collect();
        let row = |label: &str, principal: &str, allowed: bool| (label.to_owned(), principal.to_owned(), allowed, allowed);
        let someone = "arn:aws:iam::999999999999:role/someone-else";
        assert_eq!(
            rows,
            [
                row("the ISV's role searches the application", isv, true),
                row("the ISV's role searches another application", isv, false),
                row("the ISV's role chats with the application", isv, false),
                row("the ISV's role lists the application's indices", isv, false),
                row("the ISV's role, for another tenant", isv, false),
                row("the ISV's role, without its tenant tag", isv, false),
                row("another role searches the application", someone, false),
            ]
        );
    }
}
