//! The provider block (`partition`, `region`, `account_id` defaults) and how a data source resolves
//! its scope from its own arguments and those defaults.

use crate::catalog::arguments::{self as args, Name};
use crate::catalog::availability::{check_partition, check_region, qbusiness_partitions, valid_regions, AvailabilityError};
use crate::catalog::Scope;
use crate::plugin::{Attribute, Block, Type};
use crate::policy::{AccountId, Partition, Region};

use super::inputs::Inputs;
use super::Phase;

/// Defaults from the provider block, applied where a data source leaves an argument out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProviderDefaults {
    pub partition: Option<Partition>,
    pub region: Option<Region>,
    pub account: Option<AccountId>,
    /// `skip_region_validation`: a region outside Q Business's list is a warning, not an error.
    pub skip_region_validation: Option<bool>,
    /// The provider-block arguments whose value is unknown until apply (at plan).
    pub unknown: Vec<Name>,
}

/// The scope arguments, in the provider block and on every data source.
const SCOPE_ARGUMENTS: [Name; 3] = [args::PARTITION, args::REGION, args::ACCOUNT_ID];

/// The three scope arguments, shared by the provider block and every data source.
pub(super) fn scope_attributes(whose: &str) -> Vec<Attribute> {
    vec![
        Attribute::optional(
            args::PARTITION,
            Type::String,
            &format!(
                "AWS partition of the ARNs {whose}: {} (default `aws`). Amazon Q Business runs only in `{}`.",
                Partition::ALL.map(|p| format!("`{p}`")).join(", "),
                qbusiness_partitions()
            ),
        ),
        Attribute::optional(
            args::REGION,
            Type::String,
            &format!("Region of the Amazon Q Business resources {whose}; one of {}.", valid_regions()),
        ),
        Attribute::optional(args::ACCOUNT_ID, Type::String, &format!("12-digit AWS account id that owns the resources {whose}.")),
        Attribute::optional(
            args::SKIP_REGION_VALIDATION,
            Type::Bool,
            "Accept a region outside those where Amazon Q Business runs today: the check gives a warning instead of an error, as hashicorp/aws's `skip_region_validation` does. The region must still be an AWS region name of the partition. Default false.",
        ),
    ]
}

pub(super) fn provider_schema() -> Block {
    Block {
        description: "Computes the IAM documents (permissions and trust policies) of Amazon Q Business roles. \
                      The arguments here are defaults for every data source and function."
            .to_owned(),
        attributes: scope_attributes("used when a data source does not set its own"),
        blocks: vec![],
    }
}

/// Parses and checks the scope arguments present in `inputs`; no requirement that they be set. The
/// region's availability is checked here for the provider block itself; a data source's waits for
/// `resolve_scope`, where the provider's `skip_region_validation` is known.
pub(super) fn read_scope_arguments(inputs: &mut Inputs<'_>, check_region_now: bool) -> ProviderDefaults {
    let skip_region_validation = inputs.bool(args::SKIP_REGION_VALIDATION);
    let partition = inputs.parsed::<Partition>(args::PARTITION);
    if let Some(partition) = partition {
        if let Err(error) = check_partition(partition) {
            inputs.error(args::PARTITION, "Partition without Amazon Q Business", error.to_string());
        }
    }
    // The region's grammar holds whatever skip_region_validation says: that flag relaxes only
    // which regions are accepted, never what a region looks like.
    let region = inputs.parsed::<Region>(args::REGION);
    if let (Some(region), true) = (&region, check_region_now) {
        if let Err(error) = check_region(partition.unwrap_or(Partition::Aws), region) {
            // A partition without Q Business was reported at `partition` already.
            if !matches!(error, AvailabilityError::Partition { .. }) {
                report_region(inputs, &error, skip_region_validation == Some(true));
            }
        }
    }
    let account = inputs.parsed::<AccountId>(args::ACCOUNT_ID);
    let unknown = SCOPE_ARGUMENTS.into_iter().filter(|&name| inputs.raw(name).is_unknown()).collect();
    ProviderDefaults { partition, region, account, skip_region_validation, unknown }
}

/// A region without Q Business: an error, or with `skip_region_validation` a warning. Only a region
/// of the right partition can be skipped: one of another partition would put foreign ARNs into the
/// document. Returns whether the document may still be built.
fn report_region(inputs: &mut Inputs<'_>, error: &AvailabilityError, skip: bool) -> bool {
    let skippable = matches!(error, AvailabilityError::Region { .. });
    if skip && skippable {
        let detail = format!("{error}; skip_region_validation is set, so the document is built for it anyway");
        inputs.warning(args::REGION, "Region without Amazon Q Business", detail);
        true
    } else {
        let hint = if skippable { ". If it is a new region, set skip_region_validation = true to go on with a warning" } else { "" };
        inputs.error(args::REGION, "Region without Amazon Q Business", format!("{error}{hint}"));
        false
    }
}

/// A scope argument a data source leaves to the provider block, whose value is not known yet.
fn unknown_in_provider(inputs: &mut Inputs<'_>, name: Name) {
    inputs.error(
        name,
        &format!("Unknown {name}"),
        format!(
            "{name} in the provider block is not known until apply, so this document cannot be computed at plan. \
             Set {name} on this data source, or give the provider block a value known at plan."
        ),
    );
}

/// The scope a data source works in: its own arguments over the provider's defaults. While
/// validating, before the provider is configured, only its own arguments are checked.
pub(super) fn resolve_scope(inputs: &mut Inputs<'_>, phase: Phase<'_>) -> Option<Scope> {
    let own = read_scope_arguments(inputs, false);
    let none = ProviderDefaults::default();
    let (defaults, whence) = match phase {
        Phase::Validate => return None,
        Phase::Read(defaults) => (defaults, "on this data source or in the provider block"),
        Phase::Function => (&none, "in the config object (functions never see the provider block)"),
    };
    let partition = own.partition.or(defaults.partition).unwrap_or(Partition::Aws);
    let region = own.region.or_else(|| defaults.region.clone());
    let account = own.account.or_else(|| defaults.account.clone());
    if inputs.has_errors() || inputs.incomplete {
        return None;
    }
    // A value the data source leaves to a provider block that does not know it yet is unknown,
    // not missing: say so, rather than ask for what is set.
    let leaves_unknown: Vec<Name> = defaults.unknown.iter().copied().filter(|&name| !inputs.is_set(name)).collect();
    if !leaves_unknown.is_empty() {
        for name in leaves_unknown {
            unknown_in_provider(inputs, name);
        }
        return None;
    }
    let Some(region) = region else {
        inputs.error(args::REGION, "Missing region", format!("Set region {whence}; valid regions are {}.", valid_regions()));
        return None;
    };
    let Some(account) = account else {
        inputs.error(args::ACCOUNT_ID, "Missing account_id", format!("Set account_id (12 digits) {whence}."));
        return None;
    };
    // The region, own or the provider's, is checked here with this data source's partition.
    if let Err(error) = check_region(partition, &region) {
        let skip = own.skip_region_validation.or(defaults.skip_region_validation) == Some(true);
        if !report_region(inputs, &error, skip) {
            return None;
        }
    }
    let scope = Scope { partition, region, account };
    inputs.scope = Some(scope.clone());
    Some(scope)
}

/// An ARN the user gave must be in the document's partition and, where AWS requires it, in the
/// region of the resource that uses it: `region` is that region and what is there (`the index`).
pub(super) fn check_place(
    inputs: &mut Inputs<'_>,
    name: Name,
    arn: &crate::policy::Arn,
    partition: Partition,
    region: Option<(&str, &str)>,
) {
    if arn.partition != partition {
        inputs.error(
            name,
            "ARN in another partition",
            format!("{arn} is in partition {}, but this policy is for partition {partition}.", arn.partition),
        );
    } else if let Some((region, whose)) = region.filter(|(region, _)| arn.region != *region) {
        inputs.error(
            name,
            "ARN in another region",
            format!("{arn} is in region {}, but {whose} is in {region}; AWS uses a key of the resource's own region.", arn.region),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::arguments as args;
    use crate::plugin::Value;

    #[test]
    fn a_provider_value_unknown_at_plan_is_reported_as_unknown_not_missing() {
        let block = provider_schema();
        let config =
            Value::object([(args::REGION, Value::string("us-east-1")), (args::ACCOUNT_ID, Value::Unknown), (args::PARTITION, Value::Null)]);
        let defaults = read_scope_arguments(&mut Inputs::new(&config, &block), true);
        assert_eq!(defaults.unknown, [args::ACCOUNT_ID]);
        let own = Value::object([(args::REGION, Value::Null), (args::ACCOUNT_ID, Value::Null), (args::PARTITION, Value::Null)]);
        let mut inputs = Inputs::new(&own, &block);
        assert_eq!(resolve_scope(&mut inputs, Phase::Read(&defaults)), None);
        let found: Vec<_> =
            inputs.diagnostics.iter().map(|d| (d.attribute.clone().unwrap_or_default().to_string(), d.summary.clone())).collect();
        assert_eq!(found, [(String::from(args::ACCOUNT_ID), "Unknown account_id".to_owned())]);
        // Set on the data source, the provider's unknown value does not matter.
        let own =
            Value::object([(args::REGION, Value::Null), (args::ACCOUNT_ID, Value::string("123456789012")), (args::PARTITION, Value::Null)]);
        let mut inputs = Inputs::new(&own, &block);
        assert!(resolve_scope(&mut inputs, Phase::Read(&defaults)).is_some());
    }

    #[test]
    fn the_provider_blocks_skip_region_validation_reaches_its_data_sources() {
        let block = provider_schema();
        let provider = Value::object([
            (args::REGION, Value::string("ca-central-1")),
            (args::ACCOUNT_ID, Value::string("123456789012")),
            (args::SKIP_REGION_VALIDATION, Value::Bool(true)),
        ]);
        let mut configure = Inputs::new(&provider, &block);
        let defaults = read_scope_arguments(&mut configure, true);
        assert!(!configure.has_errors());
        let own = Value::object([(args::REGION, Value::Null), (args::ACCOUNT_ID, Value::Null), (args::PARTITION, Value::Null)]);
        let mut inputs = Inputs::new(&own, &block);
        let scope = resolve_scope(&mut inputs, Phase::Read(&defaults)).expect("a scope despite the region");
        assert_eq!(scope.region.as_str(), "ca-central-1");
        assert_eq!(
            inputs.diagnostics.iter().map(|d| (d.is_error(), d.summary.as_str())).collect::<Vec<_>>(),
            [(false, "Region without Amazon Q Business")]
        );
    }

    #[test]
    fn skip_region_validation_never_admits_a_region_of_another_partition() {
        let block = provider_schema();
        for region in ["cn-north-1", "us-gov-west-1", "us-iso-east-1"] {
            let provider = Value::object([
                (args::REGION, Value::string(region)),
                (args::ACCOUNT_ID, Value::string("123456789012")),
                (args::SKIP_REGION_VALIDATION, Value::Bool(true)),
            ]);
            let mut configure = Inputs::new(&provider, &block);
            read_scope_arguments(&mut configure, true);
            let found: Vec<_> = configure.diagnostics.iter().map(|d| (d.is_error(), d.summary.as_str())).collect();
            assert_eq!(found, [(true, "Region without Amazon Q Business")], "{region}");
            assert!(!configure.diagnostics.0[0].detail.contains("set skip_region_validation"), "{region}: the flag would not help");
        }
    }

    #[test]
    fn missing_scope_values_are_missing() {
        let block = provider_schema();
        let own = Value::object([(args::REGION, Value::Null), (args::ACCOUNT_ID, Value::Null), (args::PARTITION, Value::Null)]);
        let mut inputs = Inputs::new(&own, &block);
        assert_eq!(resolve_scope(&mut inputs, Phase::Read(&ProviderDefaults::default())), None);
        assert_eq!(inputs.diagnostics.iter().map(|d| d.summary.as_str()).collect::<Vec<_>>(), ["Missing region"]);
    }
}
