//! Writing outputs safely: [`placement_core::io::write_atomic`] (a temporary file in the same
//! directory, synced, then renamed; never over one of the run's input files), with this
//! crate's error type.

use std::path::{Path, PathBuf};

use crate::error::ScenarioError;

/// Writes `contents` to `path` atomically, refusing when `path` is one of `inputs` (by
/// canonical path or by device and inode).
///
/// # Errors
/// [`ScenarioError::OutputIsInput`] when `path` names an input; [`ScenarioError::Write`] when
/// the temporary file cannot be written or renamed (the target is then left untouched).
pub fn write_atomic(path: &Path, contents: &str, inputs: &[PathBuf]) -> Result<(), ScenarioError> {
    use placement_core::Error;
    placement_core::io::write_atomic(path, contents, inputs).map_err(|e| match e {
        Error::OutputIsInput { .. } => ScenarioError::OutputIsInput {
            path: path.to_path_buf(),
        },
        Error::Write { source, .. } => ScenarioError::Write {
            path: path.to_path_buf(),
            source,
        },
        other => ScenarioError::Write {
            path: path.to_path_buf(),
            source: std::io::Error::other(placement_text::Lang::En.error(&other)),
        },
    })
}
