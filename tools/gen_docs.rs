//! `make docs`: writes the registry documentation under docs/ from the schema, the examples and
//! the connector catalog, and removes generated pages that no longer have a source.

use std::path::Path;

use terraform_provider_qbusiness::provider::docs::{render, GENERATED_DIRS};

fn main() -> std::io::Result<()> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let docs = repo.join("docs");
    let pages = render(&repo.join("examples"))?;
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
    Ok(())
}
