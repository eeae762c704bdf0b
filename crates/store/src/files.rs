//! Uploaded and generated files: metadata in the database, bytes behind an object-store
//! interface (a local folder by default, S3-compatible storage for several instances),
//! access-controlled like the record they belong to.

use std::path::PathBuf;

/// Where file bytes live. Cheap to clone; one per process.
#[derive(Clone, Debug)]
pub struct FileStore {
    root: PathBuf,
}

impl FileStore {
    /// A local folder (created on first write).
    pub fn local(root: impl Into<PathBuf>) -> FileStore {
        FileStore { root: root.into() }
    }

    pub fn root(&self) -> &std::path::Path {
        &self.root
    }
}
