//! `make currency`, first step: prints the pages the documents were read from, each with its
//! snapshot and golden documents, as JSON for tools/currency.py.

fn main() {
    println!("{:#}", terraform_provider_qbusiness::provider::docs::sources_manifest());
}
