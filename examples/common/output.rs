//! Writing an example's output files: one way for every binary and format (SVG, HTML, CSV,
//! JSON, Markdown). `write_atomic` writes through a temporary file in the target's directory
//! (synced, then renamed), refuses a target that is one of the run's inputs (canonical path,
//! or device and inode) and, on SIGINT/SIGTERM/SIGHUP during a write, removes the temporary
//! before exiting, so an interrupted run leaves the old file whole and no stray temporary.
//! The work is `placement_core::io::write_atomic`; this adds the interrupt handler.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::Once;

/// Writes `bytes` to `path` atomically, never over one of `inputs`.
///
/// # Errors
/// `placement_core::Error::OutputIsInput` (naming both paths) or `Error::Write`.
pub fn write_atomic(
    path: &Path,
    bytes: impl AsRef<[u8]>,
    inputs: &[PathBuf],
) -> Result<(), placement_core::Error> {
    on_interrupt_remove_temporaries();
    placement_core::io::write_atomic(path, bytes, inputs)
}

/// Installs (once) the handler that removes pending temporaries and exits with 130.
pub fn on_interrupt_remove_temporaries() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        // A handler another part of the program installed first stays; writes are still
        // atomic then, only a temporary may be left behind on an interrupt.
        let _ = ctrlc::set_handler(|| {
            placement_core::io::remove_pending_temporaries();
            std::process::exit(130);
        });
    });
}
