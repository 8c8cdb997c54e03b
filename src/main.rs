//! The provider binary: serves the qbusiness provider over Terraform's plugin protocol.

use std::process::ExitCode;

fn main() -> ExitCode {
    use terraform_provider_qbusiness::provider::{QBusinessProvider, SOURCE_ADDRESS};
    terraform_provider_qbusiness::plugin::serve(QBusinessProvider::new(), SOURCE_ADDRESS)
}
