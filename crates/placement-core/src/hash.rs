//! Content hashes: SHA-256 over canonical JSON (maps are `BTreeMap`s, so key order is fixed).

use sha2::{Digest, Sha256};

/// SHA-256 of a value's JSON serialisation, as lower-case hex.
pub fn sha256_json<T: serde::Serialize>(value: &T) -> String {
    let bytes = serde_json::to_vec(value).unwrap_or_default();
    let digest = Sha256::digest(&bytes);
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push_str(&format!("{b:02x}"));
    }
    out
}
