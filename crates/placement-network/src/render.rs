//! Renders a [`Report`] as plain text or Markdown, in English or Dutch. The report is data;
//! this module only formats it, and never computes a value. Numbers follow the language
//! (decimal comma and thousands point in Dutch); constraints and reasons are typed in the
//! report ([`Limit`](crate::analysis::Limit), [`Why`](crate::analysis::Why)) and named by the
//! crate's shared words (the same sentences as the HTML page and the spreadsheets).
//!
//! Text fits [`placement_text::WIDTH`] (100) columns: long sentences and lists wrap, the
//! covered countries of a post wrap under their column. [`render_wide`] prints every line
//! whole. Markdown is never wrapped (its renderer reflows it).

use std::fmt::Write;

use placement_text::{num, wrap, Lang, WIDTH};

use crate::analysis::Report;
use crate::words::{self, n1};

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text for a terminal.
    Text,
    /// GitHub-flavoured Markdown.
    Markdown,
}

/// Renders the report in English (text in 100 columns).
pub fn render(r: &Report, format: Format) -> String {
    render_in(r, format, Lang::En)
}

/// Renders the report in `lang`; text fits 100 columns.
pub fn render_in(r: &Report, format: Format, lang: Lang) -> String {
    Writer::new(format, lang, false).report(r)
}

/// Renders the report in `lang` with every line whole (`network --wide`).
pub fn render_wide(r: &Report, format: Format, lang: Lang) -> String {
    Writer::new(format, lang, true).report(r)
}

/// A conflict between constraints (why a plan is infeasible) in `lang`, for the reader: posts
/// with their cities and regions by name, as the report names them.
pub fn conflict_in(c: &crate::Conflict, lang: Lang) -> String {
    words::conflict(lang, c)
}

/// A column of a text table: width and alignment.
#[derive(Clone, Copy)]
enum Col {
    Left(usize),
    Right(usize),
}

/// The chosen posts' columns (the last, the countries, takes the rest of the line).
const POST_COLUMNS: [Col; 5] = [
    Col::Left(17),
    Col::Left(9),
    Col::Left(8),
    Col::Right(9),
    Col::Right(11),
];

/// Holds a country code and its factor together when a line wraps (printed as a space).
const NBSP: char = '\u{a0}';

/// The value curve's columns.
const CURVE_COLUMNS: [Col; 4] = [Col::Right(10), Col::Right(9), Col::Right(9), Col::Right(10)];

struct Writer {
    md: bool,
    lang: Lang,
    wide: bool,
    s: String,
}

impl Writer {
    fn new(format: Format, lang: Lang, wide: bool) -> Self {
        let md = format == Format::Markdown;
        Writer {
            md,
            lang,
            // Markdown is never wrapped.
            wide: wide || md,
            s: String::new(),
        }
    }

    fn heading(&mut self, t: &str) {
        if self.md {
            let _ = writeln!(self.s, "\n## {t}\n");
        } else {
            let _ = writeln!(self.s, "\n{t}\n{}", "-".repeat(t.chars().count()));
        }
    }

    /// A line of prose: wrapped to the width unless wide; `first` starts it, `rest` every
    /// continuation line.
    fn line(&mut self, text: &str, first: &str, rest: &str) {
        if self.wide {
            let _ = writeln!(self.s, "{first}{text}");
        } else {
            let _ = writeln!(self.s, "{}", wrap(text, WIDTH, first, rest));
        }
    }

    /// A list item: `- ` in Markdown, else `indent`.
    fn item(&mut self, text: &str, indent: &str) {
        let (first, rest) = if self.md {
            ("- ".to_string(), "  ".to_string())
        } else {
            (indent.to_string(), format!("{indent}  "))
        };
        self.line(text, &first, &rest);
    }

    /// A table row of `cells` in `cols`, then the last cell (if any) taking the rest of the
    /// line, wrapped under its column when narrow.
    fn row(&mut self, cols: &[Col], cells: &[&str], last: Option<&str>) {
        let sep = if self.md { " | " } else { "  " };
        let mut line = String::from(if self.md { "| " } else { "" });
        for (i, (c, t)) in cols.iter().zip(cells).enumerate() {
            if i > 0 {
                line.push_str(sep);
            }
            let _ = match *c {
                Col::Left(w) => write!(line, "{t:<w$}"),
                Col::Right(w) => write!(line, "{t:>w$}"),
            };
        }
        match last {
            Some(text) => {
                line.push_str(sep);
                if self.wide {
                    let _ = writeln!(self.s, "{line}{}", text.replace(NBSP, " "));
                } else {
                    let indent = " ".repeat(line.chars().count());
                    let wrapped = wrap(text, WIDTH, &line, &indent);
                    let _ = writeln!(self.s, "{}", wrapped.replace(NBSP, " "));
                }
            }
            None => {
                let _ = writeln!(self.s, "{}", line.trim_end());
            }
        }
    }

    fn report(mut self, r: &Report) -> String {
        let lang = self.lang;
        let l = |en: &'static str, nl: &'static str| lang.pick(en, nl);
        if r.illustrative {
            let _ = writeln!(self.s, "{}", lang.illustrative_notice());
        }
        let title = lang.shipped_in(&r.title);
        if self.md {
            let _ = writeln!(
                self.s,
                "\n# {}\n\n{title}",
                l("Network plan", "Netwerkplan")
            );
        } else {
            self.line(
                &format!("{} | {title}", l("Network plan", "Netwerkplan")),
                "",
                "  ",
            );
        }
        let status = words::status(r, lang);
        for (i, sentence) in status.iter().enumerate() {
            // Markdown: each sentence its own paragraph (consecutive lines would run together).
            if i == 0 || (i == 1 && r.solution.time_limit_hit) || self.md {
                self.s.push('\n');
            }
            self.line(sentence, "", "  ");
        }

        self.heading(l(
            "Chosen posts (by value lost without them)",
            "Gekozen posten (naar waarde die zonder hen verloren gaat)",
        ));
        let heads = words::post_headers(lang);
        self.row(&POST_COLUMNS, &heads[..5], Some(heads[5]));
        if self.md {
            let _ = writeln!(self.s, "|---|---|---|--:|--:|---|");
        }
        for c in &r.posts {
            let covers = c
                .covers
                .iter()
                .map(|(code, f)| format!("{code}{NBSP}{}", num(lang, *f, 2)))
                .collect::<Vec<_>>()
                .join(", ");
            let cells = [
                lang.post(&c.post),
                c.staffing.clone(),
                c.existing.clone().unwrap_or(l("new", "nieuw").to_string()),
                n1(lang, c.drop_loss),
                c.resolve_loss.map_or("–".to_string(), |x| n1(lang, x)),
            ];
            let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
            self.row(&POST_COLUMNS, &cells, Some(&covers));
        }

        self.heading(l(
            "Constraints at the optimum",
            "Beperkingen in het optimum",
        ));
        for b in &r.binding {
            self.item(&words::binding(lang, b), "");
        }

        self.heading(l("Best post left out", "Beste post buiten het plan"));
        match &r.best_excluded {
            Some(e) => {
                for sentence in words::excluded(lang, e) {
                    self.line(&sentence, "", "  ");
                }
            }
            None => self.line(
                l(
                    "Every allowed post is in the plan.",
                    "Elke toegestane post zit in het plan.",
                ),
                "",
                "",
            ),
        }

        self.heading(l(
            "Uncovered countries and regions",
            "Niet gedekte landen en regio's",
        ));
        self.line(&words::uncovered(lang, r, 12), "", "  ");
        for region in words::uncovered_regions(lang, r) {
            self.item(&region, "  ");
        }

        self.heading(l("Value curve", "Waardecurve"));
        self.row(&CURVE_COLUMNS, &words::curve_headers(lang), None);
        if self.md {
            let _ = writeln!(self.s, "|--:|--:|--:|--:|");
        }
        for c in &r.curve {
            let f = |v: Option<f64>| {
                v.map_or(l("infeasible", "onhaalbaar").to_string(), |x| n1(lang, x))
            };
            let gap =
                words::curve_gap(c.exact, c.greedy).map_or("–".to_string(), |g| num(lang, g, 2));
            let cells = [c.capacity.to_string(), f(c.exact), f(c.greedy), gap];
            let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
            self.row(&CURVE_COLUMNS, &cells, None);
        }

        for cmp in &r.comparisons {
            self.heading(&words::comparison_heading(lang, cmp));
            self.line(&words::comparison_summary(lang, cmp), "", "  ");
            for (title, changes) in words::change_groups(lang, cmp) {
                if changes.is_empty() {
                    continue;
                }
                let _ = writeln!(self.s, "{title}:");
                for c in changes {
                    let text = format!(
                        "{} [{} → {}] {} — {} ({} {})",
                        lang.post(&c.post),
                        words::staffing_or_none(lang, c.before.as_deref()),
                        words::staffing_or_none(lang, c.after.as_deref()),
                        n1(lang, c.value),
                        words::why(lang, &c.why),
                        l("covers", "dekt"),
                        c.countries.join(" ")
                    );
                    self.item(&text, "  ");
                }
            }
        }
        self.s
    }
}
