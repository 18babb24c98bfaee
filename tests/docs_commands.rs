//! Every `cargo run … --example NAME -- ARGS` command in README.md and docs/*.md runs as
//! written: each is run (the example binary built by `cargo test`, with the same arguments)
//! from a scratch directory that links to the repository's `fixtures/`, `crates/` and `docs/`,
//! so an `--out`/`--svg` target lands there and never in the repository. It must exit 0.
//!
//! Synopses (commands with placeholders: `[…]`, `<name>`, `FILE`, `my.toml`, `…`) are not run;
//! for them the example must exist and every file named that is not a placeholder must exist.
//! Slow commands (`--smaa` above 20,000 samples in a debug build) are checked the same way.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failure should abort loudly

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn examples_dir() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    exe.parent().unwrap().parent().unwrap().join("examples")
}

/// `(file, example, arguments)` of every documented command.
fn documented() -> Vec<(String, String, String)> {
    let mut docs = vec![root().join("README.md")];
    let mut more: Vec<PathBuf> = std::fs::read_dir(root().join("docs"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    more.sort();
    docs.extend(more);
    let mut out = Vec::new();
    for doc in docs {
        let text = std::fs::read_to_string(&doc).unwrap();
        let name = doc.strip_prefix(root()).unwrap().display().to_string();
        for line in text.lines() {
            let mut rest = line;
            while let Some(i) = rest.find("cargo run") {
                let cmd = &rest[i..];
                // The command ends at a closing backtick, a table bar or a comment.
                let end = cmd.find(['`', '|', '#']).unwrap_or(cmd.len());
                let (cmd, tail) = cmd.split_at(end);
                rest = tail;
                // Two or more spaces start a remark such as "(same options)".
                let cmd = cmd.split("  ").next().unwrap_or("").trim();
                let Some(after) = cmd.split("--example ").nth(1) else {
                    continue;
                };
                let (example, args) = match after.split_once(' ') {
                    Some((e, a)) => (e, a.trim()),
                    None => (after, ""),
                };
                let args = args.strip_prefix("--").unwrap_or(args).trim();
                out.push((name.clone(), example.to_string(), args.to_string()));
            }
        }
    }
    out
}

fn is_synopsis(args: &str) -> bool {
    [
        "[",
        "<",
        "…",
        "...",
        "FILE",
        "EUR",
        " F ",
        "my.toml",
        "my-",
        "more.toml",
    ]
    .iter()
    .any(|m| args.contains(m))
        || args.ends_with(" F")
        || args.ends_with(" N")
}

fn is_slow(args: &str) -> bool {
    let words: Vec<&str> = args.split_whitespace().collect();
    words.windows(2).any(|w| {
        w[0] == "--smaa" && w[1].parse::<u64>().is_ok_and(|n| n > 20_000) && cfg!(debug_assertions)
    })
}

/// Expands `dir/*.ext` against the repository.
fn expand(word: &str) -> Vec<String> {
    let Some((dir, pattern)) = word.rsplit_once('/') else {
        return vec![word.to_string()];
    };
    let Some(ext) = pattern.strip_prefix('*') else {
        return vec![word.to_string()];
    };
    let mut out: Vec<String> = std::fs::read_dir(root().join(dir))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(ext))
        .map(|n| format!("{dir}/{n}"))
        .collect();
    out.sort();
    out
}

/// A scratch working directory linking to the repository's folders.
fn scratch() -> PathBuf {
    let d = std::env::temp_dir().join(format!("placement-docs-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    for sub in ["fixtures", "crates", "docs"] {
        std::os::unix::fs::symlink(root().join(sub), d.join(sub)).unwrap();
    }
    d
}

#[test]
fn every_documented_command_runs() {
    let commands = documented();
    assert!(commands.len() >= 10, "found only {commands:?}");
    let dir = scratch();
    let mut failures = Vec::new();
    let mut ran = 0;
    for (doc, example, args) in &commands {
        let bin = examples_dir().join(example);
        if !bin.exists() {
            failures.push(format!("{doc}: no example {example:?}"));
            continue;
        }
        let files: Vec<&str> = args
            .split_whitespace()
            .filter(|w| {
                (w.contains('/') || w.ends_with(".toml") || w.ends_with(".json"))
                    && !w.contains('*')
                    && !w.contains('<')
            })
            .collect();
        let writes = |w: &str| {
            let words: Vec<&str> = args.split_whitespace().collect();
            words
                .windows(2)
                .any(|p| ["--out", "--svg", "--plot"].contains(&p[0]) && p[1] == w)
        };
        if is_synopsis(args) || is_slow(args) {
            for f in files {
                let placeholder = f.starts_with("my") || f == "more.toml" || f.contains("FILE");
                if !placeholder && !writes(f) && !Path::new(&root()).join(f).exists() {
                    failures.push(format!("{doc}: {example} names {f}, which does not exist"));
                }
            }
            continue;
        }
        let words: Vec<String> = args.split_whitespace().flat_map(expand).collect();
        let o = Command::new(&bin)
            .args(&words)
            .current_dir(&dir)
            .output()
            .unwrap();
        ran += 1;
        if !o.status.success() {
            failures.push(format!(
                "{doc}: `{example} {args}` exited {:?}: {}",
                o.status.code(),
                String::from_utf8_lossy(&o.stderr)
            ));
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(ran >= 10, "ran only {ran} of {} commands", commands.len());
}
