//! `make currency`'s parts that need no internet: the manifest names a page for every golden
//! document, and tools/currency.py reads policies out of pages shaped as AWS's site and the
//! documentation mirror print them (pages written for this test, with the defects AWS's have:
//! HTML entities, a second comma after "Version", trailing commas, backticks, a bare fragment)
//! and lists the pages whose actions differ.

mod common;

use std::process::Command;

use terraform_provider_qbusiness::provider::docs::sources_manifest;

#[test]
fn every_golden_document_is_made_from_a_recorded_page() {
    let manifest = sources_manifest();
    let claimed: Vec<String> = manifest
        .as_object()
        .unwrap()
        .values()
        .flat_map(|page| page["goldens"].as_array().unwrap().iter().map(|g| g.as_str().unwrap().to_owned()))
        .collect();
    let unclaimed: Vec<String> = std::fs::read_dir(common::repo().join("tests/golden"))
        .unwrap()
        .map(|e| e.unwrap().path().file_stem().unwrap().to_string_lossy().into_owned())
        .filter(|name| !claimed.iter().any(|c| c == name || (c.ends_with('-') && name.starts_with(c.as_str()))))
        .collect();
    assert!(unclaimed.is_empty(), "golden documents no page is recorded for: {unclaimed:?}");
    assert!(manifest.as_object().unwrap().values().all(|page| page["snapshot"].as_str().unwrap().len() == 40));
}

#[test]
fn the_page_reader_lists_the_pages_whose_actions_differ() {
    let manifest = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(
        manifest.path(),
        r#"{"kendra-sample": {"snapshot": "3a3ccd3f3c907362b157f2b17aee5541531e2094", "goldens": ["role-kendra-retriever"]},
            "plugin-sample": {"snapshot": "3a3ccd3f3c907362b157f2b17aee5541531e2094", "goldens": ["role-plugin"]},
            "key-sample": {"snapshot": "60275b035a62444aa2eeb292a957991016d95517", "goldens": ["key-policy"]},
            "missing-sample": {"snapshot": "60275b035a62444aa2eeb292a957991016d95517", "goldens": ["role-plugin"]}}"#,
    )
    .unwrap();
    let output = Command::new("python3")
        .arg(common::repo().join("tools/currency.py"))
        .arg(manifest.path())
        .arg(common::repo().join("tests/golden"))
        .arg("--pages")
        .arg(common::repo().join("tests/currency"))
        .output()
        .expect("python3 runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        stdout.lines().collect::<Vec<_>>(),
        [
            "kendra-sample (read at 3a3ccd3): on the page only: kendra:query; in ours only: kendra:describeindex",
            "key-sample (read at 60275b0): on the page only: -; in ours only: kms:decrypt",
            "missing-sample: not read (missing-sample)",
            "4 pages, 2 differ, 1 not read",
        ],
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(output.status.code(), Some(1), "a page that could not be read fails the run");
}
