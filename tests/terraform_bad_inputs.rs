//! The bad-input matrix through real Terraform: every case fails the plan with exit code 1, at the
//! attribute that is wrong (Terraform prints its source line), with the message that says what is
//! valid, and the provider never crashes.

mod common;

use common::bad_cases::{cases, BadCase};
use common::workspace::{Workspace, PROVIDER_BLOCK};
use terraform_provider_qbusiness::catalog::arguments::{self as args, Name};
use terraform_provider_qbusiness::catalog::examples::{ACCOUNT_ID, APPLICATION_ID, INDEX_ID, REGION};
use terraform_provider_qbusiness::plugin::{AttributePath, PathStep, Provider as _, Value};
use terraform_provider_qbusiness::provider::descriptor as descriptors;
use terraform_provider_qbusiness::provider::QBusinessProvider;

/// Errors Terraform itself raises from the schema, before the provider sees a value.
fn schema_cases() -> Vec<(&'static str, String, &'static str, &'static str)> {
    let (app, index) = (APPLICATION_ID, INDEX_ID);
    vec![
        (descriptors::CONNECTOR_POLICY.type_name, format!("connector = \"s3\"\napplication_id = \"{app}\"\nindex_id = \"{index}\"\nbucket = \"my-docs\"\nvpc = \"maybe\"\n"), "Incorrect attribute value type", "vpc = \"maybe\""),
        (descriptors::CONNECTOR_POLICY.type_name, format!("connector = null\napplication_id = \"{app}\"\nindex_id = \"{index}\"\n"), "Missing required argument", "The argument \"connector\" is required, but it is null."),
        (descriptors::CONNECTOR_POLICY.type_name, format!("connector = \"s3\"\napplication_id = \"{app}\"\nindex_id = \"{index}\"\nbucket_name = \"my-docs\"\n"), "Unsupported argument", "bucket_name = \"my-docs\""),
        (descriptors::CONNECTOR_POLICY.type_name, format!("connector = \"s3\"\napplication_id = \"{app}\"\nindex_id = \"{index}\"\nbucket = \"my-docs\"\nsubnet_ids = \"subnet-01234567\"\n"), "Incorrect attribute value type", "subnet_ids = \"subnet-01234567\""),
        (descriptors::TRUST_POLICY.type_name, "application_id = \"x\"\n".to_owned(), "Missing required argument", "kind"),
        (descriptors::TRUST_POLICY.type_name, "kind = \"application\"\nsize_quota = \"large\"\n".to_owned(), "Incorrect attribute value type", "size_quota = \"large\""),
    ]
}

/// The last attribute the path names: the line Terraform shows when the attribute is set.
fn last_attribute(path: &AttributePath) -> Option<&str> {
    path.0.iter().rev().find_map(|step| match step {
        PathStep::Attribute(name) => Some(name.as_str()),
        PathStep::Key(_) | PathStep::Index(_) => None,
    })
}

/// Plans `cases` as one configuration and checks each diagnostic; returns failures.
fn plan_and_check(cases: &[(usize, &BadCase)]) -> Vec<String> {
    let mut config =
        format!("{PROVIDER_BLOCK}\nprovider \"qbusiness\" {{\n  region     = \"us-east-1\"\n  account_id = \"123456789012\"\n}}\n");
    for (i, case) in cases {
        config.push_str(&format!("\ndata \"{}\" \"case_{i}\" {{\n{}}}\n", case.data_source, common::hcl::body(&case.attributes, 2)));
    }
    let workspace = Workspace::new(&[("main.tf", &config)]);
    workspace.init();
    let plan = workspace.run(&["plan", "-input=false", "-no-color"]);
    let text = plan.text();
    let mut failures = Vec::new();
    if plan.code != 1 {
        failures.push(format!("exit code {} instead of 1", plan.code));
    }
    if text.contains("Plugin did not respond") || text.contains("plugin crashed") || text.contains("panic") {
        failures.push(format!("the provider crashed:\n{text}"));
    }
    // Each diagnostic is a block from its "Error: " or "Warning: " to the next one; a case's error
    // is the error block that names its data source (a warning may name it too).
    let mut starts: Vec<usize> = text.match_indices("Error: ").chain(text.match_indices("Warning: ")).map(|(at, _)| at).collect();
    starts.sort_unstable();
    let blocks: Vec<&str> = starts.iter().enumerate().map(|(k, &at)| &text[at..starts.get(k + 1).copied().unwrap_or(text.len())]).collect();
    for (i, case) in cases {
        let address = format!("with data.{}.case_{i},", case.data_source);
        let Some(block) = blocks.iter().find(|b| b.starts_with("Error: ") && b.contains(&address)) else {
            failures.push(format!("{:?}: no error", case.name));
            continue;
        };
        let summary_ok = block.starts_with(&format!("Error: {}", case.summary));
        let detail_ok = block.contains(case.detail);
        // Terraform shows the attribute's line; for an attribute that is absent, or a whole nested
        // block, it shows the header of the block that encloses it.
        let rendered = common::hcl::body(&case.attributes, 2);
        let enclosing = if case.path.0.first() == Some(&PathStep::Attribute(args::STATEMENT.into())) {
            "statement {".to_owned()
        } else {
            format!("data \"{}\" \"case_{i}\" {{", case.data_source)
        };
        let line_ok = match last_attribute(&case.path) {
            Some(name) if rendered.contains(&format!("{name} = ")) => block.contains(&format!("{name} = ")),
            _ => block.contains(&enclosing),
        };
        if !(summary_ok && detail_ok && line_ok) {
            failures.push(format!("{:?}: expected {} | {} | …{}…\n  got {block}", case.name, case.path, case.summary, case.detail));
        }
    }
    let errors = text.matches("Error: ").count();
    if errors != cases.len() {
        failures.push(format!("{errors} errors for {} cases:\n{text}", cases.len()));
    }
    failures
}

#[test]
fn every_bad_input_fails_the_plan_at_its_attribute() {
    let all = cases();
    assert!(all.len() >= 60, "the matrix has {} cases", all.len());
    // Terraform stops after validation errors, so cases the provider rejects while validating and
    // those it rejects while reading are planned separately.
    let provider = QBusinessProvider::new();
    let (at_validation, at_read): (Vec<_>, Vec<_>) = all.iter().enumerate().partition(|(_, case)| {
        let config = Value::object(case.attributes.iter().cloned());
        let block = &provider.schema().data_sources[case.data_source];
        !block.missing_required(&config, &AttributePath::root()).is_empty()
            || !provider.data_source(case.data_source).unwrap().validate(&config).is_empty()
    });
    assert!(!at_validation.is_empty() && !at_read.is_empty());
    let mut failures = plan_and_check(&at_validation);
    failures.extend(plan_and_check(&at_read));
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn schema_errors_are_terraforms_and_the_provider_survives_them() {
    for (data_source, body, summary, snippet) in schema_cases() {
        let config = format!("{PROVIDER_BLOCK}\ndata \"{data_source}\" \"bad\" {{\n{body}}}\n");
        let workspace = Workspace::new(&[("main.tf", &config)]);
        workspace.init();
        let plan = workspace.run(&["plan", "-input=false", "-no-color"]);
        let text = plan.text();
        assert_eq!(plan.code, 1, "{text}");
        assert!(text.contains(&format!("Error: {summary}")) && text.contains(snippet), "expected {summary} at {snippet}:\n{text}");
        assert!(!text.contains("Plugin did not respond"), "{text}");
    }
}

/// The same matrix through the function twins: each call fails the plan naming its argument
/// (`config.secret_arn`, or the selector) with the data source's message.
#[test]
fn every_bad_input_fails_its_function_twin_naming_the_argument() {
    use terraform_provider_qbusiness::provider::descriptor::descriptor;
    let all = cases();
    let mut outputs = Vec::new();
    let mut checked = Vec::new();
    for (i, case) in all.iter().enumerate() {
        let function = descriptor(case.data_source).unwrap().function;
        let mut config: Vec<(Name, Value)> = case.attributes.clone();
        let selector = match function.selector {
            Some(selector) => match config.iter().rev().find(|(k, _)| *k == selector).map(|(_, v)| v.clone()) {
                Some(value) if !value.is_null() => {
                    config.retain(|(k, _)| *k != selector);
                    Some(common::hcl::literal(&value))
                }
                // A function cannot be called without its selector: Terraform's own arity error.
                _ => continue,
            },
            None => None,
        };
        if common::cases::takes_scope(case.data_source, &case.attributes) {
            for (name, value) in [(args::REGION, REGION), (args::ACCOUNT_ID, ACCOUNT_ID)] {
                if !config.iter().any(|(k, _)| *k == name) {
                    config.push((name, Value::string(value)));
                }
            }
        }
        let arguments: Vec<String> = selector.into_iter().chain([common::hcl::literal(&Value::object(config))]).collect();
        outputs.push(format!("output \"case_{i}\" {{\n  value = provider::qbusiness::{}({})\n}}\n", function.name, arguments.join(", ")));
        let location = match function.selector {
            Some(selector) if case.path == AttributePath::attribute(selector) => selector.as_str().to_owned(),
            _ if case.path.is_root() => "config".to_owned(),
            _ => format!("config.{}", case.path),
        };
        checked.push((i, case, location));
    }
    assert!(checked.len() >= 70, "only {} cases reach the functions", checked.len());
    let config = format!("{PROVIDER_BLOCK}\n{}", outputs.join("\n"));
    let workspace = Workspace::new(&[("main.tf", &config)]);
    workspace.init();
    let plan = workspace.run(&["plan", "-input=false", "-no-color"]);
    let text = plan.text();
    assert_eq!(plan.code, 1, "{text}");
    assert!(!text.contains("Plugin did not respond") && !text.contains("panic"), "{text}");
    let mut failures = Vec::new();
    for (i, case, location) in &checked {
        let Some(at) = text.find(&format!("in output \"case_{i}\":")) else {
            failures.push(format!("{:?}: no error", case.name));
            continue;
        };
        let start = text[..at].rfind("Error: ").unwrap();
        let block = &text[start..];
        let block = &block[..block[7..].find("Error: ").map_or(block.len(), |e| e + 7)];
        if !(block.contains(&format!("parameter: {location}: ")) && block.contains(case.detail.trim_end_matches('.'))) {
            failures.push(format!("{:?}: expected {location}: …{}…\n  got {block}", case.name, case.detail));
        }
    }
    assert!(failures.is_empty(), "{} of {} failures:\n{}", failures.len(), checked.len(), failures.join("\n"));
}

/// `skip_region_validation` relaxes which regions are accepted, never what a region looks like: a
/// wildcard region in the provider block fails at configuration, and one known only at apply on a
/// data source fails the apply, at `region`, with no document written.
#[test]
fn a_region_is_a_region_whatever_the_flag_and_whenever_it_is_known() {
    let provider_block = "provider \"qbusiness\" {\n  region                 = \"*\"\n  skip_region_validation = true\n  account_id             = \"123456789012\"\n}\n";
    let data =
        "data \"qbusiness_application_policy\" \"app\" {}\noutput \"policy\" {\n  value = data.qbusiness_application_policy.app.json\n}\n";
    let workspace = Workspace::new(&[("main.tf", &format!("{PROVIDER_BLOCK}\n{provider_block}\n{data}"))]);
    workspace.init();
    let plan = workspace.run(&["plan", "-input=false", "-no-color"]);
    let text = plan.text();
    assert_eq!(plan.code, 1, "{text}");
    assert!(text.contains("Error: Invalid region") && text.contains("\"*\" is not an AWS region name"), "{text}");
    assert!(!text.contains("arn:aws:"), "no document may be shown: {text}");

    let later = r#"resource "terraform_data" "region" {
  input = "us-*-1"
}

data "qbusiness_application_policy" "app" {
  region                 = terraform_data.region.output
  account_id             = "123456789012"
  skip_region_validation = true
}

output "policy" {
  value = data.qbusiness_application_policy.app.json
}
"#;
    let workspace = Workspace::new(&[("main.tf", &format!("{PROVIDER_BLOCK}\n{later}"))]);
    workspace.init();
    let plan = workspace.run(&["plan", "-input=false", "-no-color"]);
    assert_eq!(plan.code, 0, "unknown at plan is fine: {}", plan.text());
    let apply = workspace.run(&["apply", "-input=false", "-no-color", "-auto-approve"]);
    let text = apply.text();
    assert_eq!(apply.code, 1, "{text}");
    assert!(text.contains("Error: Invalid region") && text.contains("\"us-*-1\" is not an AWS region name"), "{text}");
    assert!(!text.contains("arn:aws:qbusiness:us-*-1"), "{text}");
}

/// cty sends a number a float cannot hold as its decimal text; a fraction too small for a float
/// is refused, not rounded into the whole number it would pass for, on the data source and in a
/// function's config alike.
#[test]
fn a_fraction_a_float_cannot_keep_is_refused_not_rounded() {
    let config = format!(
        r#"{PROVIDER_BLOCK}
data "qbusiness_trust_policy" "app" {{
  kind       = "application"
  region     = "us-east-1"
  account_id = "123456789012"
  size_quota = 4096.00000000000000000001
}}

output "function" {{
  value = provider::qbusiness::trust_policy("application", {{ region = "us-east-1", account_id = "123456789012", size_quota = 4096.00000000000000000001 }})
}}
"#
    );
    let workspace = Workspace::new(&[("main.tf", &config)]);
    workspace.init();
    let plan = workspace.run(&["plan", "-input=false", "-no-color"]);
    let text = plan.text();
    assert_eq!(plan.code, 1, "{text}");
    let refusal =
        "4096.00000000000000000001 has a fraction too small for a 64-bit float to keep, so it would be read as the whole number 4096";
    assert_eq!(text.matches(refusal).count(), 2, "both the data source and the function refuse it: {text}");
}
