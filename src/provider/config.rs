//! The provider block (`partition`, `region`, `account_id` defaults) and how a data source resolves
//! its scope from its own arguments and those defaults.

use crate::catalog::availability::{check_partition, check_region, valid_regions, AvailabilityError};
use crate::catalog::Scope;
use crate::plugin::{Attribute, Block, Type};
use crate::policy::{AccountId, Partition};

use super::inputs::Inputs;
use super::Phase;

/// Defaults from the provider block, applied where a data source leaves an argument out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProviderDefaults {
    pub partition: Option<Partition>,
    pub region: Option<String>,
    pub account: Option<AccountId>,
}

/// The three scope arguments, shared by the provider block and every data source.
pub fn scope_attributes(whose: &str) -> Vec<Attribute> {
    vec![
        Attribute::optional(
            "partition",
            Type::String,
            &format!("AWS partition of the ARNs {whose}: `aws` (default), `aws-cn` or `aws-us-gov`. Amazon Q Business runs only in `aws`."),
        ),
        Attribute::optional(
            "region",
            Type::String,
            &format!("Region of the Amazon Q Business resources {whose}; one of {}.", valid_regions()),
        ),
        Attribute::optional("account_id", Type::String, &format!("12-digit AWS account id that owns the resources {whose}.")),
    ]
}

pub fn provider_schema() -> Block {
    Block {
        description: "Computes the IAM documents (permissions and trust policies) of Amazon Q Business roles. \
                      The arguments here are defaults for every data source and function."
            .to_owned(),
        attributes: scope_attributes("used when a data source does not set its own"),
        blocks: vec![],
    }
}

/// Parses and checks the scope arguments present in `inputs`; no requirement that they be set.
pub fn read_scope_arguments(inputs: &mut Inputs<'_>) -> ProviderDefaults {
    let partition = inputs.parsed::<Partition>("partition");
    if let Some(partition) = partition {
        if let Err(error) = check_partition(partition) {
            inputs.error("partition", "Partition without Amazon Q Business", error.to_string());
        }
    }
    let region = inputs.string("region").map(str::to_owned);
    if let Some(region) = &region {
        if let Err(error) = check_region(partition.unwrap_or(Partition::Aws), region) {
            if !matches!(error, AvailabilityError::Partition { .. }) {
                inputs.error("region", "Region without Amazon Q Business", error.to_string());
            }
        }
    }
    let account = inputs.parsed::<AccountId>("account_id");
    ProviderDefaults { partition, region, account }
}

/// The scope a data source works in: its own arguments over the provider's defaults. While
/// validating, before the provider is configured, only its own arguments are checked.
pub fn resolve_scope(inputs: &mut Inputs<'_>, phase: Phase<'_>) -> Option<Scope> {
    let own = read_scope_arguments(inputs);
    let Phase::Read(defaults) = phase else {
        return None;
    };
    let partition = own.partition.or(defaults.partition).unwrap_or(Partition::Aws);
    let region = own.region.or_else(|| defaults.region.clone());
    let account = own.account.or_else(|| defaults.account.clone());
    if inputs.has_errors() || inputs.incomplete {
        return None;
    }
    let Some(region) = region else {
        inputs.error(
            "region",
            "Missing region",
            format!("Set region on this data source or in the provider block; valid regions are {}.", valid_regions()),
        );
        return None;
    };
    let Some(account) = account else {
        inputs.error("account_id", "Missing account_id", "Set account_id (12 digits) on this data source or in the provider block.");
        return None;
    };
    // A region taken from the provider with this data source's partition is checked together here.
    if let Err(error) = check_region(partition, &region) {
        inputs.error("region", "Region without Amazon Q Business", error.to_string());
        return None;
    }
    Some(Scope { partition, region, account })
}

/// An ARN the user gave must be in the document's partition.
pub fn check_same_partition(inputs: &mut Inputs<'_>, name: &str, arn: &crate::policy::Arn, scope: &Scope) {
    if arn.partition != scope.partition {
        inputs.error(
            name,
            "ARN in another partition",
            format!("{arn} is in partition {}, but this policy is for partition {}.", arn.partition, scope.partition),
        );
    }
}
