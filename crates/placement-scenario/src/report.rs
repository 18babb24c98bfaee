//! Rendering comparisons for people: plain text, Markdown and JSON, in English or Dutch, and
//! the comparison table of many scenarios (countries × scenarios). Rendering never changes a
//! comparison; the JSON is the [`ScenarioDiff`] itself.

use std::fmt::Write as _;

use placement_text::Lang;

use crate::attribute::{CountryChange, ScenarioDiff, Snapshot};

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text for a terminal.
    Text,
    /// Markdown for a note or an issue.
    Markdown,
    /// JSON: the comparisons as data.
    Json,
}

impl Format {
    /// Parses `text`, `markdown` or `json`.
    pub fn parse(s: &str) -> Option<Format> {
        match s {
            "text" => Some(Format::Text),
            "markdown" | "md" => Some(Format::Markdown),
            "json" => Some(Format::Json),
            _ => None,
        }
    }
}

fn t<'a>(lang: Lang, en: &'a str, nl: &'a str) -> &'a str {
    match lang {
        Lang::En => en,
        Lang::Nl => nl,
    }
}

pub(crate) fn outcome(s: Option<&Snapshot>, lang: Lang) -> String {
    outcome_in(s, lang, false)
}

/// As [`outcome`]; `short` uses the short labels of instruments and organisations (terminal).
fn outcome_in(s: Option<&Snapshot>, lang: Lang, short: bool) -> String {
    match s {
        None => t(lang, "(not assessed)", "(niet beoordeeld)").to_string(),
        Some(s) => {
            let class = lang.class(s.class);
            let instrument = if short {
                lang.instrument_short(s.instrument)
            } else {
                lang.instrument(s.instrument)
            };
            let org = s.organisation.map_or(String::new(), |o| {
                format!(
                    ", {}",
                    if short {
                        lang.organisation_short(o)
                    } else {
                        lang.organisation(o)
                    }
                )
            });
            format!("#{} {class}, {instrument}{org}", s.rank)
        }
    }
}

/// The explanation of one country's change: its causes by label.
pub fn why(diff: &ScenarioDiff, c: &CountryChange, lang: Lang) -> String {
    let label = |i: &usize| {
        diff.changes.get(*i).map_or(String::new(), |ch| {
            t(lang, &ch.text_en, &ch.text_nl).to_string()
        })
    };
    let labels = |v: &[usize], sep: &str| v.iter().map(label).collect::<Vec<_>>().join(sep);
    let mut out = if !c.causes.single.is_empty() {
        format!(
            "{}: {}",
            t(lang, "caused by", "veroorzaakt door"),
            labels(&c.causes.single, "; ")
        )
    } else if !c.causes.jointly.is_empty() {
        format!(
            "{}: {}",
            t(lang, "only jointly", "alleen gezamenlijk"),
            labels(&c.causes.jointly, " + ")
        )
    } else if c.causes.displaced {
        t(
            lang,
            "displaced: other countries' scores moved",
            "verdrongen: de scores van andere landen veranderden",
        )
        .to_string()
    } else {
        t(
            lang,
            "interaction of all changes",
            "samenspel van alle wijzigingen",
        )
        .to_string()
    };
    if c.outcome_changed {
        if let (Some(a), Some(b)) = (&c.deciding_rule.0, &c.deciding_rule.1) {
            if a != b {
                let _ = write!(
                    out,
                    "; {} {a} → {b}",
                    t(lang, "deciding rule", "beslisregel")
                );
            }
        }
    }
    out
}

/// Version of the JSON shape of a comparison and of the comparison table
/// (docs/schemas/what-if.schema.json, docs/schemas/what-if-table.schema.json).
pub const SCHEMA_VERSION: u32 = 1;

/// One comparison with its `schema_version` first.
#[derive(serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
struct Versioned<'a> {
    schema_version: u32,
    #[serde(flatten)]
    diff: &'a ScenarioDiff,
}

/// The comparison table's JSON: the version and every comparison.
#[derive(serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
struct VersionedTable<'a> {
    schema_version: u32,
    scenarios: &'a [ScenarioDiff],
}

/// Renders one comparison. Text fits [`placement_text::WIDTH`] (100) columns: long lines are
/// wrapped at spaces under their own indentation and instruments and organisations have their
/// short labels; [`render_wide`] gives one line per item with the full labels.
pub fn render(diff: &ScenarioDiff, format: Format, lang: Lang) -> String {
    render_in(diff, format, lang, false)
}

/// As [`render`], with text lines as long as they are (the `--wide` view).
pub fn render_wide(diff: &ScenarioDiff, format: Format, lang: Lang) -> String {
    render_in(diff, format, lang, true)
}

fn render_in(diff: &ScenarioDiff, format: Format, lang: Lang, wide: bool) -> String {
    match format {
        Format::Json => serde_json::to_string_pretty(&Versioned {
            schema_version: SCHEMA_VERSION,
            diff,
        })
        .unwrap_or_default(),
        Format::Markdown => render_prose(diff, true, lang, false),
        Format::Text if wide => render_prose(diff, false, lang, false),
        Format::Text => fit(&render_prose(diff, false, lang, true)),
    }
}

/// Every line wrapped to [`placement_text::WIDTH`] columns under its own indentation (a list
/// item's continuation lines start under its text).
fn fit(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    for line in text.lines() {
        if line.chars().count() <= placement_text::WIDTH {
            out.push_str(line);
        } else {
            let body = line.trim_start();
            let indent = &line[..line.len() - body.len()];
            let (first, body, rest) = match body.strip_prefix("- ") {
                Some(b) => (format!("{indent}- "), b, format!("{indent}    ")),
                None => (indent.to_string(), body, format!("{indent}  ")),
            };
            out.push_str(&placement_text::wrap(
                body,
                placement_text::WIDTH,
                &first,
                &rest,
            ));
        }
        out.push('\n');
    }
    out
}

fn render_prose(diff: &ScenarioDiff, md: bool, lang: Lang, short: bool) -> String {
    let mut o = String::new();
    let h = if md { "## " } else { "== " };
    let item = if md { "- " } else { "  - " };
    let _ = writeln!(
        o,
        "{h}{} {}",
        t(lang, "Scenario", "Scenario"),
        diff.scenario
    );
    let _ = writeln!(o, "{}", lang.cite_seeds(diff.description_in(lang).trim()));
    let _ = writeln!(
        o,
        "{}: {} | {}: {} → {}",
        t(lang, "Compared with", "Vergeleken met"),
        diff.base_name,
        t(lang, "rulebook", "regelboek"),
        diff.rulebook.0,
        diff.rulebook.1
    );
    if diff.chain.len() > 1 {
        let _ = writeln!(
            o,
            "{}: {}",
            t(lang, "Builds on", "Bouwt voort op"),
            diff.chain.join(" → ")
        );
    }
    let _ = writeln!(o, "\n{}:", t(lang, "Changes", "Wijzigingen"));
    for (i, c) in diff.changes.iter().enumerate() {
        let note = if c.affects_evaluation {
            ""
        } else {
            t(
                lang,
                " [for the network planner]",
                " [voor de netwerkplanner]",
            )
        };
        let src = c
            .source_in(lang)
            .map_or(String::new(), |s| format!(" — {}", lang.cite_seeds(s)));
        let _ = writeln!(
            o,
            "{item}[{}] {}{src}{note} ({}:{})",
            i + 1,
            t(lang, &c.text_en, &c.text_nl),
            c.file,
            c.line
        );
    }
    let outcome_changes: Vec<&CountryChange> =
        diff.changed.iter().filter(|c| c.outcome_changed).collect();
    let _ = writeln!(
        o,
        "\n{} ({}):",
        t(lang, "Outcome changes", "Gewijzigde uitkomsten"),
        outcome_changes.len()
    );
    if outcome_changes.is_empty() {
        let _ = writeln!(o, "{item}{}", t(lang, "none", "geen"));
    }
    for c in &outcome_changes {
        let name = match lang {
            Lang::En => &c.name_en,
            Lang::Nl => &c.name_nl,
        };
        let _ = writeln!(
            o,
            "{item}{} {name}: {} → {}",
            c.country,
            outcome_in(c.before.as_ref(), lang, short),
            outcome_in(c.after.as_ref(), lang, short)
        );
        let _ = writeln!(o, "    {}", why(diff, c, lang));
    }
    let ranks = rank_changes(diff);
    if !ranks.is_empty() {
        let _ = writeln!(o, "\n{}:", t(lang, "Rank changes in the top 30 (own score changed, or moved 3 or more places)", "Rangwijzigingen in de top 30 (eigen score gewijzigd, of 3 of meer plaatsen verschoven)"));
        for c in ranks {
            let (b, a) = (
                c.before.map_or(0, |s| s.rank),
                c.after.map_or(0, |s| s.rank),
            );
            let _ = writeln!(o, "{item}{} #{b} → #{a}: {}", c.country, why(diff, c, lang));
        }
    }
    let _ = writeln!(
        o,
        "\n{}:",
        t(lang, "Unchanged at the top", "Ongewijzigd aan de top")
    );
    let same: Vec<String> = diff
        .unchanged_top
        .iter()
        .map(|(c, s)| format!("#{} {c} ({})", s.rank, lang.instrument_short(s.instrument)))
        .collect();
    let _ = writeln!(
        o,
        "{item}{}",
        if same.is_empty() {
            t(lang, "none", "geen").to_string()
        } else {
            same.join(", ")
        }
    );
    let resources = resource_lines(diff, lang);
    if !resources.is_empty() {
        let _ = writeln!(
            o,
            "\n{}:",
            t(
                lang,
                "Resources (for the network planner)",
                "Middelen (voor de netwerkplanner)"
            )
        );
        for r in resources {
            let _ = writeln!(o, "{item}{r}");
        }
    }
    o
}

/// The countries listed under rank changes: not an outcome change, in the base's top 30, and
/// either their own score changed or they moved 3 or more places.
pub(crate) fn rank_changes(diff: &ScenarioDiff) -> Vec<&CountryChange> {
    diff.changed
        .iter()
        .filter(|c| {
            let moved = match (c.before, c.after) {
                (Some(b), Some(a)) => b.rank.abs_diff(a.rank) >= 3,
                _ => false,
            };
            !c.outcome_changed
                && c.before.is_some_and(|s| s.rank <= 30)
                && (moved || !c.causes.displaced)
        })
        .collect()
}

/// Capacity and posts before → after, when any resource changed (else nothing).
pub(crate) fn resource_lines(diff: &ScenarioDiff, lang: Lang) -> Vec<String> {
    if diff.capacity.0 == diff.capacity.1
        && diff.budget.0 == diff.budget.1
        && diff.posts.0 == diff.posts.1
    {
        return Vec::new();
    }
    let cap = |c: &crate::Capacity| {
        format!(
            "{} {} / KMar {}",
            t(lang, "police", "politie"),
            c.police.map_or("-".into(), |x| x.to_string()),
            c.marechaussee.map_or("-".into(), |x| x.to_string())
        )
    };
    let posts = |p: &crate::Posts| {
        let l = |s: &std::collections::BTreeSet<placement_core::CountryCode>| {
            s.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(",")
        };
        format!(
            "{} [{}], {} [{}]",
            t(lang, "locked in", "vastgezet"),
            l(&p.locked_in),
            t(lang, "ruled out", "uitgesloten"),
            l(&p.ruled_out)
        )
    };
    vec![
        format!(
            "{}: {} → {}",
            t(lang, "capacity", "capaciteit"),
            cap(&diff.capacity.0),
            cap(&diff.capacity.1)
        ),
        format!(
            "{}: {} → {}",
            t(lang, "posts", "posten"),
            posts(&diff.posts.0),
            posts(&diff.posts.1)
        ),
    ]
}

/// The rows of the comparison table: every country whose outcome changed in any scenario.
pub(crate) fn table_rows(diffs: &[ScenarioDiff]) -> Vec<placement_core::CountryCode> {
    let mut rows: Vec<placement_core::CountryCode> = diffs
        .iter()
        .flat_map(|d| {
            d.changed
                .iter()
                .filter(|c| c.outcome_changed)
                .map(|c| c.country)
        })
        .collect();
    rows.sort();
    rows.dedup();
    rows
}

/// One cell of the comparison table: instrument old → new (or class old → new when the
/// instrument stayed), `=` when the country's outcome did not change in that scenario.
pub(crate) fn table_cell(
    d: &ScenarioDiff,
    code: placement_core::CountryCode,
    lang: Lang,
) -> String {
    match d
        .changed
        .iter()
        .find(|c| c.country == code && c.outcome_changed)
    {
        None => "=".to_string(),
        Some(c) => {
            let f = |s: Option<&Snapshot>| {
                s.map_or("–".to_string(), |s| {
                    lang.instrument_short(s.instrument).to_string()
                })
            };
            let cls = |s: Option<&Snapshot>| {
                s.map_or("–".to_string(), |s| lang.class(s.class).to_string())
            };
            if c.before.map(|s| s.instrument) != c.after.map(|s| s.instrument) {
                format!("{} → {}", f(c.before.as_ref()), f(c.after.as_ref()))
            } else {
                format!("{} → {}", cls(c.before.as_ref()), cls(c.after.as_ref()))
            }
        }
    }
}

/// The comparison table of many scenarios: one row per country whose outcome changed in any
/// scenario, one column per scenario; a cell shows the new instrument, or `=` when unchanged.
/// As text it fits [`placement_text::WIDTH`] (100) columns: when the scenarios do not fit side
/// by side, the table is printed in parts of as many scenario columns as fit, each with the
/// country column; [`table_wide`] prints one table however wide.
pub fn table(diffs: &[ScenarioDiff], format: Format, lang: Lang) -> String {
    if format != Format::Text {
        return table_wide(diffs, format, lang);
    }
    let rows = table_rows(diffs);
    let widths: Vec<usize> = diffs
        .iter()
        .map(|d| {
            rows.iter()
                .map(|c| table_cell(d, *c, lang).chars().count())
                .chain([d.scenario.chars().count()])
                .max()
                .unwrap_or(1)
        })
        .collect();
    // Parts of consecutive scenarios that fit: 8 columns for the country, 3 + width each.
    let mut parts: Vec<Vec<usize>> = vec![Vec::new()];
    let mut used = 8;
    for (i, w) in widths.iter().enumerate() {
        let last = parts.len() - 1;
        if !parts[last].is_empty() && used + 3 + w > placement_text::WIDTH {
            parts.push(Vec::new());
            used = 8;
        }
        let last = parts.len() - 1;
        parts[last].push(i);
        used += 3 + w;
    }
    let mut o = String::new();
    for (k, part) in parts.iter().enumerate() {
        if k > 0 {
            o.push('\n');
        }
        let _ = write!(o, "{:<8}", t(lang, "country", "land"));
        for &i in part {
            let w = widths[i];
            let _ = write!(o, " | {:<w$}", diffs[i].scenario);
        }
        o.push('\n');
        for code in &rows {
            let _ = write!(o, "{:<8}", code.as_str());
            for &i in part {
                let w = widths[i];
                let _ = write!(o, " | {:<w$}", table_cell(&diffs[i], *code, lang));
            }
            o.push('\n');
        }
    }
    let lines: Vec<&str> = o.lines().map(str::trim_end).collect();
    lines.join("\n") + "\n"
}

/// As [`table`], with the text table in one piece however wide (the `--wide` view).
pub fn table_wide(diffs: &[ScenarioDiff], format: Format, lang: Lang) -> String {
    if format == Format::Json {
        return serde_json::to_string_pretty(&VersionedTable {
            schema_version: SCHEMA_VERSION,
            scenarios: diffs,
        })
        .unwrap_or_default();
    }
    let rows = table_rows(diffs);
    let cell = |d: &ScenarioDiff, code| table_cell(d, code, lang);
    let mut o = String::new();
    let head: Vec<&str> = diffs.iter().map(|d| d.scenario.as_str()).collect();
    if format == Format::Markdown {
        let _ = writeln!(
            o,
            "| {} | {} |",
            t(lang, "country", "land"),
            head.join(" | ")
        );
        let _ = writeln!(o, "|---|{}", "---|".repeat(head.len()));
        for code in rows {
            let cells: Vec<String> = diffs.iter().map(|d| cell(d, code)).collect();
            let _ = writeln!(o, "| {code} | {} |", cells.join(" | "));
        }
    } else {
        let w = diffs
            .iter()
            .flat_map(|d| rows.iter().map(move |c| cell(d, *c).chars().count()))
            .chain(head.iter().map(|h| h.chars().count()))
            .max()
            .unwrap_or(8);
        let _ = write!(o, "{:<8}", t(lang, "country", "land"));
        for h in &head {
            let _ = write!(o, " | {h:<w$}");
        }
        o.push('\n');
        for code in rows {
            let _ = write!(o, "{:<8}", code.as_str());
            for d in diffs {
                let _ = write!(o, " | {:<w$}", cell(d, code));
            }
            o.push('\n');
        }
    }
    o
}

/// The JSON Schemas of one comparison ([`render`]) and of the comparison table ([`table`]).
#[cfg(feature = "schema")]
pub fn schemas(
    settings: &schemars::generate::SchemaSettings,
) -> (schemars::Schema, schemars::Schema) {
    (
        settings
            .clone()
            .into_generator()
            .into_root_schema_for::<Versioned<'static>>(),
        settings
            .clone()
            .into_generator()
            .into_root_schema_for::<VersionedTable<'static>>(),
    )
}
