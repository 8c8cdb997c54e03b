//! The unix socket's private directory (mode 0700), removed when the server ends.

use std::io;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use tempfile::TempDir;

pub(super) struct SocketDir {
    // Held so that the directory is removed when this drops; read only by the tests.
    #[cfg_attr(not(test), allow(dead_code))]
    dir: TempDir,
    socket: PathBuf,
}

impl SocketDir {
    /// A fresh directory `NAME-plugin…` under `parent` (or the system temp dir), readable only by
    /// us, holding `plugin.sock`.
    pub(super) fn create(parent: Option<&Path>, name: &str) -> io::Result<SocketDir> {
        let mut builder = tempfile::Builder::new();
        let prefix = format!("{name}-plugin");
        builder.prefix(&prefix).permissions(std::fs::Permissions::from_mode(0o700));
        let dir = match parent {
            Some(parent) => builder.tempdir_in(parent)?,
            None => builder.tempdir()?,
        };
        let socket = dir.path().join("plugin.sock");
        Ok(SocketDir { dir, socket })
    }

    pub(super) fn socket_path(&self) -> &Path {
        &self.socket
    }

    #[cfg(test)]
    pub(crate) fn path(&self) -> &Path {
        self.dir.path()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_and_removed_on_drop() {
        let parent = tempfile::tempdir().unwrap();
        let dir = SocketDir::create(Some(parent.path()), "example").unwrap();
        let path = dir.path().to_owned();
        assert!(path.starts_with(parent.path()));
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o700);
        assert_eq!(dir.socket_path(), path.join("plugin.sock"));
        drop(dir);
        assert!(!path.exists());
    }
}
