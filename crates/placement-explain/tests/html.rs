//! The HTML pages as a reader meets them: rendered by a real headless Chromium (Debian's
//! `chromium`, installed by `.ci/run`; `CHROMIUM` names another binary) with the network off.
//! Each page must load from a `file://` URL with no request leaving the file, and the rendered
//! DOM must hold the key texts (title, marking in header and footer, table headers, rows).
//! A screenshot of each page is written to `target/html-screenshots/` for people to look at.
//! Fails when Chromium is absent: the check is part of CI.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::path::{Path, PathBuf};
use std::process::Command;

use placement_core::{AssessmentSet, Engine, Rulebook};
use placement_explain::render::{self, RankingOptions};
use placement_explain::{Explainer, Lang, Options};

/// HTML escaping as Chromium serialises text (quotes are left as they are in text nodes).
fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn chromium() -> PathBuf {
    let p = std::env::var_os("CHROMIUM")
        .map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from);
    assert!(
        p.exists(),
        "{} not found: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM",
        p.display()
    );
    p
}

fn out_dir() -> PathBuf {
    let d = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/html-screenshots");
    std::fs::create_dir_all(&d).unwrap();
    d.canonicalize().unwrap()
}

/// Runs Chromium headless on the file with `extra` arguments; returns standard output and
/// standard error (Chromium's log, with console messages and failed requests).
fn run(file: &Path, extra: &[String]) -> (String, String) {
    // One retry when Chromium itself fails to start (e.g. a transiently full temporary
    // directory on a shared machine); a page that loads but is wrong is never retried.
    let mut last = String::new();
    for _ in 0..2 {
        let profile = tempdir(file);
        let out = Command::new(chromium())
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                // Any request that leaves the file fails: the page must need none.
                "--proxy-server=127.0.0.1:9",
                "--host-resolver-rules=MAP * ~NOTFOUND",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .args(extra)
            .arg(format!("file://{}", file.display()))
            .output()
            .expect("run chromium");
        let _ = std::fs::remove_dir_all(&profile);
        if out.status.success() {
            return (
                String::from_utf8_lossy(&out.stdout).into_owned(),
                String::from_utf8_lossy(&out.stderr).into_owned(),
            );
        }
        last = String::from_utf8_lossy(&out.stderr).into_owned();
        std::thread::sleep(std::time::Duration::from_secs(2));
    }
    panic!("chromium failed on {}: {last}", file.display());
}

fn tempdir(file: &Path) -> PathBuf {
    let d = file.with_extension("profile");
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Writes the page, renders it, checks the DOM holds `texts`, and takes a screenshot.
fn check(name: &str, html: &str, texts: &[&str]) {
    // Self-contained: nothing is fetched from elsewhere.
    for bad in [
        "<script", "<link", "src=", "@import", "url(", "http://", "https://",
    ] {
        assert!(
            !html.contains(bad),
            "{name}: the page refers to something outside it ({bad})"
        );
    }
    let dir = out_dir();
    let file = dir.join(format!("{name}.html"));
    std::fs::write(&file, html).unwrap();
    let (dom, log) = run(
        &file,
        &[
            "--dump-dom".to_string(),
            "--enable-logging=stderr".to_string(),
            "--v=0".to_string(),
        ],
    );
    for bad in ["CONSOLE", "Uncaught", "net::ERR_"] {
        assert!(
            !log.contains(bad),
            "{name}: console error or failed request ({bad}):\n{log}"
        );
    }
    assert!(
        dom.contains("<main>"),
        "{name}: Chromium rendered no page:\n{dom}"
    );
    for t in texts {
        assert!(
            dom.contains(t),
            "{name}: {t:?} not in the rendered page:\n{dom}"
        );
    }
    let shot = dir.join(format!("{name}.png"));
    let _ = std::fs::remove_file(&shot);
    let _ = run(
        &file,
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1200,1600".to_string(),
        ],
    );
    let png = std::fs::read(&shot).expect("screenshot written");
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 10_000,
        "{name}: empty screenshot"
    );
}

#[test]
fn explanation_comparison_and_ranking_render_in_chromium() {
    let rules = Rulebook::default_rulebook().unwrap();
    let input = AssessmentSet::default_fixture().unwrap();
    let evaluation = Engine::new(&rules).evaluate(&input).unwrap();
    let x = Explainer::new(&rules, &input, &evaluation, Options::default()).unwrap();
    let gb = x.explain("GB".parse().unwrap()).unwrap();
    // The page says what the Markdown says: every heading, and the first item of each list.
    let expected = |md: &str| -> Vec<String> {
        let mut out = Vec::new();
        let mut last_was_item = false;
        for l in md.lines() {
            if let Some(h) = l.strip_prefix("## ") {
                out.push(format!("<h2>{}</h2>", escape(h)));
            }
            if let Some(i) = l.strip_prefix("- ") {
                if !last_was_item {
                    out.push(format!("<li>{}</li>", escape(i)));
                }
                last_was_item = true;
            } else {
                last_was_item = false;
            }
        }
        out
    };
    let mut nl = vec![
        "<title>Toelichting: Verenigd Koninkrijk (GB)</title>".to_string(),
        "<header><p class=\"marking\">Ongerubriceerd</p></header>".to_string(),
        "<footer><p class=\"marking\">Ongerubriceerd</p></footer>".to_string(),
    ];
    nl.extend(expected(&render::markdown(&gb, Lang::Nl)));
    let nl: Vec<&str> = nl.iter().map(String::as_str).collect();
    check("explain-GB-nl", &render::html(&gb, Lang::Nl), &nl);
    let mut en = vec!["lang=\"en\"".to_string()];
    en.extend(expected(&render::markdown(&gb, Lang::En)));
    let en: Vec<&str> = en.iter().map(String::as_str).collect();
    check("explain-GB-en", &render::html(&gb, Lang::En), &en);
    let c = x
        .compare("GB".parse().unwrap(), "DE".parse().unwrap())
        .unwrap();
    check(
        "compare-GB-DE-nl",
        &render::comparison_html(&c, Lang::Nl, evaluation.marking),
        &[
            "Het Verenigd Koninkrijk staat",
            "<h2>Wat hen onderscheidt</h2>",
        ],
    );
    let opts = RankingOptions {
        lang: Lang::Nl,
        top: Some(20),
        ..RankingOptions::default()
    };
    check(
        "advise-nl",
        &render::ranking_html(&evaluation, &rules, &opts),
        &[
            "<th scope=\"col\">Meerwaarde</th>",
            "<th scope=\"row\">CO Colombia</th>",
            "vaste liaison officer",
            "sha256",
        ],
    );
}

#[test]
fn a_page_with_a_script_error_fails_the_check() {
    // Bypass the static checks (no <script> allowed) by writing the page directly, so that
    // Chromium's console log has to catch it.
    let file = out_dir().join("script-error.html");
    std::fs::write(
        &file,
        "<html><body><main>x</main><script>undefinedFunction()</script></body></html>",
    )
    .unwrap();
    let (_, log) = run(
        &file,
        &[
            "--dump-dom".to_string(),
            "--enable-logging=stderr".to_string(),
            "--v=0".to_string(),
        ],
    );
    assert!(
        log.contains("CONSOLE"),
        "Chromium logged no console error:\n{log}"
    );
}

#[test]
fn a_broken_page_fails_the_check() {
    let r = std::panic::catch_unwind(|| {
        check("broken", "<html><body><p>no main</p></body></html>", &["x"]);
    });
    assert!(r.is_err());
}
