//! Honest package metadata: the declared `rust-version` is what the locked dependencies need,
//! the licence the crates declare is shipped, and no placeholder stands in for a real value.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failure should abort loudly

use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `1.90` or `1.90.1` as comparable numbers (a missing patch is 0).
fn version(v: &str) -> (u64, u64, u64) {
    let mut parts = v.split('.').map(|p| p.parse::<u64>().unwrap());
    (
        parts.next().unwrap(),
        parts.next().unwrap_or(0),
        parts.next().unwrap_or(0),
    )
}

#[test]
fn rust_version_covers_every_locked_dependency() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--locked", "--offline"])
        .current_dir(root())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "cargo metadata: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let members: Vec<&str> = meta["workspace_members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap())
        .collect();
    let packages = meta["packages"].as_array().unwrap();
    let ours = packages
        .iter()
        .find(|p| p["name"] == "liaison-placement")
        .unwrap();
    let declared = ours["rust_version"]
        .as_str()
        .expect("the workspace declares rust-version");
    let mut needs: Vec<(String, String)> = packages
        .iter()
        .filter(|p| !members.contains(&p["id"].as_str().unwrap()))
        .filter_map(|p| {
            let rv = p["rust_version"].as_str()?;
            Some((rv.to_string(), format!("{} {}", p["name"], p["version"])))
        })
        .collect();
    needs.sort_by_key(|(rv, _)| version(rv));
    let (highest, by) = needs.last().expect("some dependency declares rust-version");
    assert!(
        version(declared) >= version(highest),
        "rust-version = \"{declared}\" in Cargo.toml, but {by} needs Rust {highest}: raise rust-version"
    );
    // Every workspace member inherits the one declared version.
    for p in packages
        .iter()
        .filter(|p| members.contains(&p["id"].as_str().unwrap()))
    {
        assert_eq!(p["rust_version"].as_str(), Some(declared), "{}", p["name"]);
    }
}

#[test]
fn the_declared_licence_is_shipped_and_no_placeholder_remains() {
    let licence = std::fs::read_to_string(root().join("LICENSE")).unwrap();
    assert!(licence.contains("EUROPEAN UNION PUBLIC LICENCE v. 1.2"));
    assert!(licence.contains("15. Applicable Law") && licence.contains("Appendix"));
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
    assert!(manifest.contains("license = \"EUPL-1.2\""));
    for dir in std::fs::read_dir(root().join("crates")).unwrap() {
        let path = dir.unwrap().path().join("Cargo.toml");
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        assert!(
            !text.contains("example.invalid"),
            "{}: placeholder URL",
            path.display()
        );
    }
    assert!(
        !manifest.contains("example.invalid"),
        "Cargo.toml: placeholder URL"
    );
}
