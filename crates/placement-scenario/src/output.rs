//! Writing outputs safely: atomically (a temporary file in the same directory, then a rename)
//! and never over one of the run's input files.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::ScenarioError;

/// Whether two paths name the same file (by canonical path when both exist).
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

/// Writes `contents` to `path` atomically, refusing when `path` is one of `inputs`.
///
/// # Errors
/// [`ScenarioError::OutputIsInput`] when `path` names an input; [`ScenarioError::Write`] when
/// the temporary file cannot be written or renamed (the target is then left untouched).
pub fn write_atomic(path: &Path, contents: &str, inputs: &[PathBuf]) -> Result<(), ScenarioError> {
    if inputs.iter().any(|i| same_file(i, path)) {
        return Err(ScenarioError::OutputIsInput {
            path: path.to_path_buf(),
        });
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let err = |source| ScenarioError::Write {
        path: path.to_path_buf(),
        source,
    };
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(contents.as_bytes())?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(err(e));
    }
    Ok(())
}
