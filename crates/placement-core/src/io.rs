//! Reading inputs and writing outputs safely, for every crate and binary of the workspace.
//!
//! - [`read_input`] reads only regular files (a FIFO, a device such as `/dev/zero` or a
//!   directory is refused before it is opened), never more than [`max_input_bytes`], and
//!   reports text that is not UTF-8 with its line and byte offset.
//! - [`write_atomic`] writes an output through a temporary file in the target's directory
//!   (written, synced, then renamed over the target), removes the temporary on any error, and
//!   refuses a target that is one of the run's inputs, compared by canonical path and by device
//!   and inode (so symlinks, `./` spellings and hard links are caught).
//! - [`remove_pending_temporaries`] is what a binary's SIGINT/SIGTERM handler calls so an
//!   interrupted run leaves neither a partial output nor a stray temporary file.
//!
//! ```
//! use placement_core::io::{read_input, write_atomic};
//! let dir = std::env::temp_dir().join(format!("placement-io-doc-{}", std::process::id()));
//! std::fs::create_dir_all(&dir).unwrap();
//! let input = dir.join("in.toml");
//! std::fs::write(&input, "a = 1\n").unwrap();
//! // Refused: the output is the input.
//! assert!(write_atomic(&input, b"x", &[input.clone()]).is_err());
//! write_atomic(&dir.join("out.txt"), b"ok", &[input.clone()])?;
//! assert_eq!(read_input(&dir.join("out.txt"))?, "ok");
//! # std::fs::remove_dir_all(&dir).unwrap();
//! # Ok::<(), placement_core::Error>(())
//! ```

use std::fs::{File, Metadata, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};

use crate::error::{Error, FileType};

/// The default largest input file, in bytes (16 MiB: the shipped assessment set is about
/// 100 KB). Override it with the environment variable [`MAX_INPUT_BYTES_VAR`].
pub const DEFAULT_MAX_INPUT_BYTES: u64 = 16 << 20;

/// The environment variable that sets the largest input file in bytes (a positive integer).
pub const MAX_INPUT_BYTES_VAR: &str = "PLACEMENT_MAX_INPUT_BYTES";

/// The largest input file read, in bytes: [`MAX_INPUT_BYTES_VAR`] when it holds a positive
/// integer, else [`DEFAULT_MAX_INPUT_BYTES`].
pub fn max_input_bytes() -> u64 {
    std::env::var(MAX_INPUT_BYTES_VAR)
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .filter(|&n| n > 0)
        .unwrap_or(DEFAULT_MAX_INPUT_BYTES)
}

/// What kind of file a path names (placement-text has the words).
fn kind(meta: &Metadata) -> FileType {
    let t = meta.file_type();
    if t.is_dir() {
        return FileType::Directory;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return FileType::Fifo;
        }
        if t.is_char_device() {
            return FileType::CharDevice;
        }
        if t.is_block_device() {
            return FileType::BlockDevice;
        }
        if t.is_socket() {
            return FileType::Socket;
        }
    }
    FileType::Other
}

/// Reads a whole input file as UTF-8 text, with the size cap of [`max_input_bytes`].
///
/// # Errors
/// [`Error::Io`] when the file cannot be opened or read; [`Error::NotAFile`] for a FIFO,
/// device, socket or directory; [`Error::TooLarge`] past the cap; [`Error::NotUtf8`] with
/// line and byte offset for text that is not UTF-8.
pub fn read_input(path: &Path) -> Result<String, Error> {
    read_input_capped(path, max_input_bytes())
}

/// [`read_input`] with an explicit cap in bytes.
///
/// # Errors
/// As [`read_input`].
pub fn read_input_capped(path: &Path, limit: u64) -> Result<String, Error> {
    let origin = path.display().to_string();
    let io = |source| Error::Io {
        origin: origin.clone(),
        source,
    };
    // Look before opening: opening a FIFO for reading blocks until a writer comes.
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(Error::NotAFile {
            origin,
            kind: kind(&meta),
        });
    }
    let file = File::open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if !meta.is_file() {
        return Err(Error::NotAFile {
            origin,
            kind: kind(&meta),
        });
    }
    if meta.len() > limit {
        return Err(Error::TooLarge {
            origin,
            size: Some(meta.len()),
            limit,
        });
    }
    read_capped(file, &origin, limit)
}

/// Reads standard input as UTF-8 text, at most [`max_input_bytes`].
///
/// # Errors
/// [`Error::Io`], [`Error::TooLarge`] or [`Error::NotUtf8`] (origin `<stdin>`).
pub fn read_stdin() -> Result<String, Error> {
    read_capped(std::io::stdin().lock(), "<stdin>", max_input_bytes())
}

/// Reads at most `limit` bytes from `reader` (one more to detect an overflow) as UTF-8.
fn read_capped(reader: impl Read, origin: &str, limit: u64) -> Result<String, Error> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|source| Error::Io {
            origin: origin.to_string(),
            source,
        })?;
    if bytes.len() as u64 > limit {
        return Err(Error::TooLarge {
            origin: origin.to_string(),
            size: None,
            limit,
        });
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let before = &e.as_bytes()[..offset];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        Error::NotUtf8 {
            origin: origin.to_string(),
            line,
            offset,
        }
    })
}

/// Temporary files being written now, removed by [`remove_pending_temporaries`].
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
/// Makes every temporary name of this process distinct.
static COUNTER: AtomicU64 = AtomicU64::new(0);

fn pending() -> MutexGuard<'static, Vec<PathBuf>> {
    PENDING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Removes every temporary file [`write_atomic`] is writing at this moment and keeps any new
/// one from being started; the process must exit right after. Meant for a SIGINT/SIGTERM
/// handler, so an interrupted run leaves no stray temporary (the target keeps its old content).
pub fn remove_pending_temporaries() {
    let guard = pending();
    for tmp in guard.iter() {
        let _ = std::fs::remove_file(tmp);
    }
    // Never unlocked: a writer that would start a new temporary waits until the exit.
    std::mem::forget(guard);
}

/// Whether `a` and `b` name the same existing file: the same canonical path, or (on Unix)
/// the same device and inode.
pub fn same_file(a: &Path, b: &Path) -> bool {
    if let (Ok(x), Ok(y)) = (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        if x == y {
            return true;
        }
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    false
}

/// Writes `contents` to `path` atomically: a temporary file in the same directory is written,
/// synced and renamed over `path`, so `path` holds either its old content or the whole new one.
/// The temporary is removed on any error.
///
/// # Errors
/// [`Error::OutputIsInput`] when `path` names one of `inputs` (canonical path, or device and
/// inode), naming both; [`Error::Write`] when the temporary cannot be written, synced or
/// renamed (the target is then left untouched).
pub fn write_atomic(
    path: &Path,
    contents: impl AsRef<[u8]>,
    inputs: &[PathBuf],
) -> Result<(), Error> {
    if let Some(input) = inputs.iter().find(|i| same_file(i, path)) {
        return Err(Error::OutputIsInput {
            output: path.display().to_string(),
            input: input.display().to_string(),
        });
    }
    let werr = |source| Error::Write {
        origin: path.display().to_string(),
        source,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    // Register the temporary before it exists, under the lock the signal handler takes.
    let (tmp, mut file) = {
        let mut list = pending();
        let (tmp, file) = loop {
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            let tmp = dir.join(format!(".{name}.{}.{n}.tmp", std::process::id()));
            match OpenOptions::new().write(true).create_new(true).open(&tmp) {
                Ok(f) => break (tmp, f),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(werr(e)),
            }
        };
        list.push(tmp.clone());
        (tmp, file)
    };
    let written = file
        .write_all(contents.as_ref())
        .and_then(|()| file.sync_all());
    drop(file);
    let mut list = pending();
    let result = written.and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    list.retain(|p| p != &tmp);
    drop(list);
    result.map_err(werr)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // test code: a failure should abort loudly
mod tests {
    use super::*;

    fn dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("placement-io-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn refuses_every_spelling_of_an_input() {
        let d = dir("spell");
        let input = d.join("in.toml");
        std::fs::write(&input, "keep").unwrap();
        let link = d.join("link.toml");
        std::os::unix::fs::symlink(&input, &link).unwrap();
        let hard = d.join("hard.toml");
        std::fs::hard_link(&input, &hard).unwrap();
        let dotted = d.join(".").join("in.toml");
        for target in [&input, &link, &hard, &dotted] {
            let e = write_atomic(target, b"x", std::slice::from_ref(&input)).unwrap_err();
            assert!(matches!(e, Error::OutputIsInput { .. }), "{e}");
            assert!(e.to_string().contains("in.toml"), "{e}");
        }
        assert_eq!(std::fs::read_to_string(&input).unwrap(), "keep");
        std::fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn writes_and_leaves_no_temporary() {
        let d = dir("write");
        let out = d.join("out.svg");
        write_atomic(&out, "one", &[]).unwrap();
        write_atomic(&out, "two", &[]).unwrap();
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "two");
        assert_eq!(std::fs::read_dir(&d).unwrap().count(), 1);
        // A failed rename (target is a non-empty directory) leaves no temporary either.
        let sub = d.join("sub");
        std::fs::create_dir(&sub).unwrap();
        std::fs::write(sub.join("x"), "x").unwrap();
        assert!(matches!(
            write_atomic(&sub, "y", &[]),
            Err(Error::Write { .. })
        ));
        assert_eq!(std::fs::read_dir(&d).unwrap().count(), 2);
        std::fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn reads_only_regular_files_within_the_cap() {
        let d = dir("read");
        let f = d.join("a.toml");
        std::fs::write(&f, "0123456789").unwrap();
        assert_eq!(read_input_capped(&f, 10).unwrap(), "0123456789");
        let e = read_input_capped(&f, 9).unwrap_err();
        assert!(matches!(e, Error::TooLarge { limit: 9, .. }), "{e}");
        assert!(e.to_string().contains("a.toml"), "{e}");
        for special in ["/dev/zero", "/dev/null"] {
            let e = read_input(Path::new(special)).unwrap_err();
            assert!(matches!(e, Error::NotAFile { .. }), "{e}");
        }
        assert!(matches!(
            read_input(&d).unwrap_err(),
            Error::NotAFile { .. }
        ));
        let bad = d.join("bad.toml");
        std::fs::write(&bad, b"a = 1\nb = \"\xff\"\n").unwrap();
        let e = read_input(&bad).unwrap_err();
        assert!(
            matches!(
                e,
                Error::NotUtf8 {
                    line: 2,
                    offset: 11,
                    ..
                }
            ),
            "{e}"
        );
        std::fs::remove_dir_all(&d).unwrap();
    }
}
