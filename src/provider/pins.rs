//! The provider version that the examples and the README pin, kept equal to Cargo.toml's by
//! `make docs` (a test fails when one differs), so a release changes one line.

use std::path::{Path, PathBuf};

/// The `source` line of this provider in a `required_providers` block; the `version` line after it
/// is the pin.
const SOURCE_LINE: &str = "source  = \"qbusiness-iam/qbusiness\"";

/// `text` with every exact pin of this provider set to `version`. Constraints with an operator
/// (`>= 0.1.0`, a module's floor) are kept: they say which versions work, not which one is current.
pub fn pinned(text: &str, version: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut after_source = false;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        let exact_pin = trimmed
            .strip_prefix("version")
            .map(|rest| rest.trim_start().trim_start_matches('=').trim())
            .and_then(|value| value.strip_prefix('"')?.strip_suffix('"'))
            .is_some_and(|value| value.starts_with(|c: char| c.is_ascii_digit()));
        if after_source && exact_pin {
            let indent = &line[..line.len() - line.trim_start().len()];
            let key = &trimmed[..trimmed.find('"').unwrap()];
            out.push_str(&format!("{indent}{key}\"{version}\"\n"));
        } else {
            out.push_str(line);
        }
        after_source = trimmed == SOURCE_LINE;
    }
    out
}

/// The README and every `.tf` file under `examples/` and `modules/`, with the content they have
/// when pinned to this build's version.
pub fn pinned_files(repo: &Path) -> std::io::Result<Vec<(PathBuf, String)>> {
    fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
        for entry in std::fs::read_dir(dir)? {
            let path = entry?.path();
            let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
            if path.is_dir() && !name.starts_with('.') {
                walk(&path, files)?;
            } else if name.ends_with(".tf") {
                files.push(path);
            }
        }
        Ok(())
    }
    let mut files = vec![repo.join("README.md")];
    walk(&repo.join("examples"), &mut files)?;
    walk(&repo.join("modules"), &mut files)?;
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path)?;
            Ok((path, pinned(&text, env!("CARGO_PKG_VERSION"))))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::pinned;

    #[test]
    fn exact_pins_follow_the_version_and_constraints_stay() {
        let text = "    qbusiness = {\n      source  = \"qbusiness-iam/qbusiness\"\n      version = \"0.0.9\"\n    }\n";
        assert_eq!(pinned(text, "1.2.3"), text.replace("0.0.9", "1.2.3"));
        let floor = "      source  = \"qbusiness-iam/qbusiness\"\n      version = \">= 0.1.0\"\n";
        assert_eq!(pinned(floor, "1.2.3"), floor);
        let other = "      source  = \"hashicorp/aws\"\n      version = \"5.100.0\"\n";
        assert_eq!(pinned(other, "1.2.3"), other);
    }
}
