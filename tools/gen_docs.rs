//! `make docs`: writes the registry documentation under docs/ from the schema, the examples and
//! the connector catalog, removes generated pages that no longer have a source, and pins the
//! examples and the README to Cargo.toml's version.

use std::path::Path;

use terraform_provider_qbusiness::provider::docs::{in_registry_layout, render, GENERATED_DIRS};
use terraform_provider_qbusiness::provider::pins::pinned_files;

fn main() -> std::io::Result<()> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (path, content) in pinned_files(repo)? {
        if std::fs::read_to_string(&path)? != content {
            std::fs::write(&path, content)?;
            eprintln!("pinned {} to {}", path.strip_prefix(repo).unwrap().display(), env!("CARGO_PKG_VERSION"));
        }
    }
    // After the pins: the pages quote the examples.
    let docs = repo.join("docs");
    let pages = render(repo)?;
    for dir in GENERATED_DIRS {
        let dir = docs.join(dir);
        if dir.is_dir() {
            for entry in std::fs::read_dir(&dir)? {
                let path = entry?.path();
                let relative = path.strip_prefix(&docs).unwrap().to_string_lossy().into_owned();
                if !pages.iter().any(|p| p.path == relative) {
                    std::fs::remove_file(&path)?;
                    eprintln!("removed docs/{relative}");
                }
            }
        }
    }
    for page in &pages {
        let path = docs.join(&page.path);
        std::fs::create_dir_all(path.parent().unwrap())?;
        if std::fs::read_to_string(&path).ok().as_deref() != Some(page.content.as_str()) {
            std::fs::write(&path, &page.content)?;
            eprintln!("wrote docs/{}", page.path);
        }
    }
    // The registry publishes only its layout: refuse to leave anything else under docs/.
    let outside: Vec<String> = walk(&docs)?
        .into_iter()
        .map(|path| path.strip_prefix(&docs).unwrap().to_string_lossy().into_owned())
        .filter(|relative| !in_registry_layout(relative))
        .collect();
    if !outside.is_empty() {
        eprintln!("docs/ holds files outside the registry's layout (index.md, data-sources/, functions/, guides/): {outside:?}");
        std::process::exit(1);
    }
    Ok(())
}

/// Every file below `dir`.
fn walk(dir: &Path) -> std::io::Result<Vec<std::path::PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            files.extend(walk(&path)?);
        } else {
            files.push(path);
        }
    }
    Ok(files)
}
