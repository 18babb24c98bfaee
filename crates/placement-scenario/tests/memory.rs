//! Memory in proportion to the input (issue 15 item 2): a scenario whose `[[table]]` is a
//! 20 MB CSV is resolved within 10× the CSV's size, measured as the peak resident set
//! (`VmHWM` in `/proc/self/status`) of a fresh process that does nothing else: the test runs
//! itself again as a child (`PLACEMENT_MEMORY_CHILD`) so the parent's own allocations (the
//! generated file, the test harness) do not count, while the child's baseline does. Two
//! shapes: the case (about 3.3 million short rows, every one bad: an unknown country
//! and a cell that is not a number, so problems are capped and counted) and a mapped indicator file whose rows are
//! mostly not ISO codes (skipped) with a few real countries. Linux only (`/proc`).
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

const SIZE: usize = 20_000_000;

fn kib(status: &str, key: &str) -> u64 {
    status
        .lines()
        .find_map(|l| l.strip_prefix(key))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or_else(|| panic!("no {key} in /proc/self/status"))
}

/// In the child: resolve the scenario and print the peak resident set in bytes.
fn child(path: &Path) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let before = kib(&status, "VmRSS:") * 1024;
    let result = placement_scenario::Scenario::load(path);
    let problems = match &result {
        Ok(s) => format!("ok, {} changes", s.changes.len()),
        Err(e) => format!("{} problems kept", e.problems().len()),
    };
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let peak = kib(&status, "VmHWM:") * 1024;
    println!("\nMEMORY baseline={before} peak={peak} result={problems}");
}

fn generate(
    dir: &Path,
    name: &str,
    header: &str,
    row: impl Fn(usize) -> String,
    toml: &str,
) -> PathBuf {
    let csv = dir.join(format!("{name}.csv"));
    let mut f = std::io::BufWriter::new(std::fs::File::create(&csv).unwrap());
    let mut n = 0;
    writeln!(f, "{header}").unwrap();
    n += header.len() + 1;
    let mut i = 0;
    while n < SIZE {
        let r = row(i);
        writeln!(f, "{r}").unwrap();
        n += r.len() + 1;
        i += 1;
    }
    f.flush().unwrap();
    let scenario = dir.join(format!("{name}.toml"));
    std::fs::write(
        &scenario,
        format!(
            "[scenario]\nname = \"{name}\"\ndescription = \"a 20 MB table\"\nauthor = \"test\"\ndate = \"2025-11-12\"\n\n[[table]]\nfile = \"{name}.csv\"\n{toml}"
        ),
    )
    .unwrap();
    scenario
}

/// Runs the child on `scenario` and returns (baseline, peak, CSV size, the child's summary).
fn measure(scenario: &Path) -> (u64, u64, u64, String) {
    let csv = std::fs::metadata(scenario.with_extension("csv"))
        .unwrap()
        .len();
    let out = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "child_process",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("PLACEMENT_MEMORY_CHILD", scenario)
        .env("PLACEMENT_MAX_INPUT_BYTES", "64000000")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line = stdout
        .lines()
        .find_map(|l| l.find("MEMORY ").map(|k| &l[k..]))
        .unwrap_or_else(|| {
            panic!(
                "child printed no measurement:\n{stdout}\n{}",
                String::from_utf8_lossy(&out.stderr)
            )
        });
    let field = |k: &str| -> u64 {
        line.split_whitespace()
            .find_map(|w| w.strip_prefix(k))
            .unwrap()
            .parse()
            .unwrap()
    };
    let summary = line.split("result=").nth(1).unwrap_or("").to_string();
    (field("baseline="), field("peak="), csv, summary)
}

/// Not a test of its own: the child side of the measurement (does nothing unless the parent
/// set `PLACEMENT_MEMORY_CHILD`).
#[test]
fn child_process() {
    if let Some(p) = std::env::var_os("PLACEMENT_MEMORY_CHILD") {
        child(Path::new(&p));
    }
}

#[test]
fn a_20_mb_csv_table_is_resolved_within_10_times_its_size() {
    if !Path::new("/proc/self/status").exists() {
        panic!("this measurement needs Linux's /proc/self/status");
    }
    let dir = std::env::temp_dir().join(format!("placement-memory-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = generate(
        &dir,
        "bad-rows",
        "country,obstacles",
        |i| format!("Q{},x", i % 100),
        "source = \"s\"\n",
    );
    let mapped = generate(
        &dir,
        "mapped",
        "iso2,name,score",
        |i| {
            if i % 100_000 == 0 {
                ["GB,United Kingdom,55.5", "FR,France,60", "DE,Germany,70"][i / 100_000 % 3].to_string()
            } else {
                format!("Z{},region {i},{}.5", i % 10, i % 100)
            }
        },
        "country_column = \"iso2\"\nsource = \"Index X\"\n[[table.map]]\ncolumn = \"score\"\ncriterion = \"rule_of_law\"\nfrom = [0, 100]\n",
    );
    let mut report = Vec::new();
    let mut over = Vec::new();
    for s in [&bad, &mapped] {
        let (base, peak, size, summary) = measure(s);
        let ratio = peak as f64 / size as f64;
        let line = format!(
            "{}: CSV {size} bytes, peak resident {peak} bytes (baseline {base}), {ratio:.2}× ({summary})",
            s.file_name().unwrap().to_string_lossy()
        );
        eprintln!("{line}");
        if ratio > 10.0 {
            over.push(line.clone());
        }
        report.push(line);
    }
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(over.is_empty(), "above 10× the input:\n{}", over.join("\n"));
}
