//! Not public API (the `testing` feature): the check every crate's HTML tests call. A page is
//! rendered by a real headless Chromium (Debian's `chromium`, installed by `.ci/run`;
//! `CHROMIUM` names another binary) with the network off: it must load from a `file://` URL
//! with no request leaving the file and no console error, and the rendered DOM must hold the
//! key texts. A screenshot of each page is written to `target/html-screenshots/` for people
//! to look at. Panics (fails the test) when Chromium is absent: the check is part of CI.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// HTML escaping as Chromium serialises text nodes (quotes are left as they are), for
/// building the texts [`check_page`] looks for in the DOM.
pub fn dom_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The Chromium binary (`CHROMIUM`, else `/usr/bin/chromium`).
///
/// # Panics
/// When it does not exist.
pub fn chromium() -> PathBuf {
    let p = std::env::var_os("CHROMIUM")
        .map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from);
    assert!(
        p.exists(),
        "{} not found: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM",
        p.display()
    );
    p
}

/// The directory pages and screenshots are written to: `target/html-screenshots/` of the
/// workspace (or of `CARGO_TARGET_DIR`).
pub fn out_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target"),
        PathBuf::from,
    );
    let d = target.join("html-screenshots");
    std::fs::create_dir_all(&d).unwrap();
    d.canonicalize().unwrap()
}

/// Runs Chromium headless on the file with `extra` arguments; returns standard output and
/// standard error (Chromium's log, with console messages and failed requests). Retries once
/// when Chromium itself fails to start (e.g. a transiently full temporary directory on a
/// shared machine); a page that loads but is wrong is never retried.
pub fn run(file: &Path, extra: &[String]) -> (String, String) {
    let mut last = String::new();
    for _ in 0..2 {
        let profile = file.with_extension("profile");
        let _ = std::fs::remove_dir_all(&profile);
        std::fs::create_dir_all(&profile).unwrap();
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

/// Writes the page to `target/html-screenshots/NAME.html`, checks that it refers to nothing
/// outside itself, renders it in Chromium, fails on any console error or failed request,
/// checks that the DOM holds each of `texts` (as Chromium serialises it: see
/// [`dom_escape`]), and writes the screenshot `NAME.png` (1200 × 1600). Returns the DOM.
///
/// # Panics
/// When any check fails (it is a test).
pub fn check_page(name: &str, html: &str, texts: &[&str]) -> String {
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
    dom
}

/// The fields of one CSV line as a spreadsheet reads them (RFC 4180 quoting: a quoted field
/// may hold the separator, and `""` in it is one quote), for tests that parse CSV back.
pub fn csv_fields(line: &str, sep: char) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        let last = out.len() - 1;
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                out[last].push('"');
            }
            '"' => quoted = !quoted,
            c if c == sep && !quoted => out.push(String::new()),
            c => out[last].push(c),
        }
    }
    out
}

/// The text of a rendered DOM as a reader sees it: the contents of `<style>` and `<script>`
/// dropped, every tag replaced by a space, the entities Chromium writes (`&amp;`, `&lt;`,
/// `&gt;`, `&nbsp;`, `&quot;`) decoded. Text inside inline SVG (`<text>`, `<title>`, `<desc>`)
/// stays: a reader (or a screen reader) meets it.
pub fn dom_text(dom: &str) -> String {
    let mut out = String::with_capacity(dom.len());
    let mut rest = dom;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        out.push(' ');
        let tag = &rest[i..];
        let skip_to = ["style", "script"].iter().find_map(|name| {
            let open = format!("<{name}");
            tag.starts_with(&open)
                .then(|| tag.find(&format!("</{name}>")).map(|e| e + name.len() + 3))
                .flatten()
        });
        let end = match skip_to {
            Some(e) => e,
            None => tag.find('>').map_or(tag.len(), |e| e + 1),
        };
        rest = &tag[end..];
    }
    out.push_str(rest);
    out.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// `text` without the passages quoted from the seeds («…»): they are the documents' own words.
pub fn unquoted(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '«' => depth += 1,
            '»' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Fails when `text` (text or Markdown output, or a page's text from [`dom_text`]) holds a
/// raw id (snake_case, [`placement_text::raw_ids`]) or, in Dutch, one of
/// [`placement_text::ENGLISH_WORDS`] or of `also_english`. Passages quoted from the seeds
/// («…») are skipped, and so are the ids and words that occur in `author`: what the author of
/// an input wrote (a scenario's description and source notes) is shown as written.
///
/// # Panics
/// When it finds one (it is a test).
pub fn check_text(
    name: &str,
    text: &str,
    lang: placement_text::Lang,
    author: &str,
    also_english: &[&str],
) {
    let text = unquoted(text);
    let ids: Vec<String> = placement_text::raw_ids(&text)
        .into_iter()
        .filter(|w| !author.contains(w.as_str()))
        .collect();
    assert!(ids.is_empty(), "{name}: raw ids {ids:?} in:\n{text}");
    if lang == placement_text::Lang::En {
        return;
    }
    let by_author = placement_text::english_words(author);
    let mut en: Vec<&str> = placement_text::english_words(&text)
        .into_iter()
        .filter(|w| !by_author.contains(w))
        .collect();
    let (lower, author) = (text.to_lowercase(), author.to_lowercase());
    en.extend(also_english.iter().copied().filter(|w| {
        let w = w.to_lowercase();
        lower.contains(&w) && !author.contains(&w)
    }));
    assert!(
        en.is_empty(),
        "{name}: English words {en:?} in Dutch:\n{text}"
    );
}

/// [`check_text`] on what a reader sees on a rendered page (`dom`, as [`check_page`] returns
/// it; see [`dom_text`]). Returns that text.
///
/// # Panics
/// When it finds a raw id or an English word (it is a test).
pub fn check_words(
    name: &str,
    dom: &str,
    lang: placement_text::Lang,
    author: &str,
    also_english: &[&str],
) -> String {
    let text = dom_text(dom);
    check_text(name, &text, lang, author, also_english);
    text
}

/// [`check_page`], then [`check_words`] on the rendered page in `lang` (with the `author`'s
/// own text allowed): every HTML test's check. Returns the DOM.
///
/// # Panics
/// When any check fails (it is a test).
pub fn check_page_in(
    name: &str,
    html: &str,
    texts: &[&str],
    lang: placement_text::Lang,
    author: &str,
) -> String {
    let dom = check_page(name, html, texts);
    check_words(name, &dom, lang, author, &[]);
    dom
}

/// Fails when a line of terminal `text` is wider than [`placement_text::WIDTH`] characters
/// (counted as characters, not bytes).
///
/// # Panics
/// When one is (it is a test).
pub fn check_width(name: &str, text: &str) {
    for l in text.lines() {
        let n = l.chars().count();
        assert!(n <= placement_text::WIDTH, "{name}: {n} columns: {l}");
    }
}

/// Fails when `text` holds a decimal point between digits (`12.5`): Dutch output uses the
/// decimal comma. A point followed by exactly three digits, after a number that does not start
/// with 0, is a thousands separator (`9.800.000`), which Dutch writes with a point; `0.120` is
/// not.
///
/// # Panics
/// When it does (it is a test).
pub fn check_decimal_comma(name: &str, text: &str) {
    let c: Vec<char> = text.chars().collect();
    let digit = |i: usize| c.get(i).is_some_and(char::is_ascii_digit);
    let start = |i: usize| (0..i).rev().take_while(|&j| digit(j)).last().unwrap_or(i);
    let grouping = |i: usize| (1..=3).all(|k| digit(i + k)) && !digit(i + 4) && c[start(i)] != '0';
    if let Some(i) =
        (1..c.len()).find(|&i| c[i] == '.' && digit(i - 1) && digit(i + 1) && !grouping(i))
    {
        let around: String = c[i.saturating_sub(40)..(i + 10).min(c.len())]
            .iter()
            .collect();
        panic!("{name}: decimal point in Dutch: …{around}…");
    }
}

/// A workbook as a spreadsheet user's tools read it (calamine), after checking that it was made
/// deterministically (`again`: the same call's bytes) and that its sheets are `sheets`, in order.
///
/// # Panics
/// When it is not (it is a test).
pub fn workbook(
    bytes: Vec<u8>,
    again: Vec<u8>,
    sheets: &[&str],
) -> calamine::Xlsx<std::io::Cursor<Vec<u8>>> {
    use calamine::Reader as _;
    assert!(bytes == again, "the same input gives the same bytes");
    let wb = calamine::Xlsx::new(std::io::Cursor::new(bytes)).expect("an XLSX calamine reads");
    assert_eq!(wb.sheet_names(), sheets.to_vec());
    wb
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators_are_not_decimal_points() {
        check_decimal_comma("t", "EUR 9.800.000 en 0,120");
        let caught = |t: &'static str| std::panic::catch_unwind(|| check_decimal_comma("t", t));
        assert!(caught("gewicht 0.120").is_err());
        assert!(caught("score 84.5").is_err());
    }

    #[test]
    fn dom_text_drops_markup_and_style_and_finds_raw_ids() {
        let dom = "<html><head><style>td_x{a:b}</style></head><body><p>a &amp; b</p>\
                   <svg><text>sub_priority</text></svg></body></html>";
        let t = dom_text(dom);
        assert!(
            t.contains("a & b") && t.contains("sub_priority") && !t.contains("td_x"),
            "{t}"
        );
        assert_eq!(placement_text::raw_ids(&t), vec!["sub_priority"]);
        assert_eq!(unquoted("a «police» b"), "a  b");
    }

    #[test]
    fn check_words_lets_the_author_write_as_they_wrote() {
        let page = "<main><p>Beschrijving: GB is no longer an eu_member.</p></main>";
        check_words(
            "t",
            page,
            placement_text::Lang::Nl,
            "GB is no longer an eu_member.",
            &[],
        );
    }

    #[test]
    #[should_panic(expected = "raw ids")]
    fn check_words_fails_on_a_raw_id() {
        check_words(
            "t",
            "<main><p>permanent_liaison</p></main>",
            placement_text::Lang::En,
            "",
            &[],
        );
    }

    #[test]
    #[should_panic(expected = "English words")]
    fn check_words_fails_on_english_in_dutch() {
        check_words(
            "t",
            "<main><p>de priority is hoog</p></main>",
            placement_text::Lang::Nl,
            "",
            &[],
        );
    }
}
