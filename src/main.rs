//! The provider binary: serves the qbusiness provider over Terraform's plugin protocol.

use std::process::ExitCode;

fn main() -> ExitCode {
    terraform_provider_qbusiness::plugin::serve(terraform_provider_qbusiness::provider::QBusinessProvider::new())
}
