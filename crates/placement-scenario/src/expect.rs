//! Expectations a scenario file states about its own outcome: its `[[expect]]` tables.
//!
//! A scenario (or a documented decision case) carries its answers: each `[[expect]]` names a
//! country and what the scenario should give it — instrument, class, organisation (after the
//! scenario, or `from_` the base), a rank movement, whether it is unchanged, how the change is
//! caused, a rule that fires, bounds on its need. They are validated like the rest of the file
//! (unknown keys and ids are located problems) and checked by [`check`], which reports every
//! mismatch, each with file, line and country. The format is documented in `docs/scenarios.md`.
//!
//! ```
//! use placement_scenario::{compare, expect, Scenario};
//!
//! let text = r#"
//! [scenario]
//! name = "gb-cooperation-worse"
//! description = "Cooperation with the UK deteriorates"
//! author = "example"
//! date = "2025-11-12"
//!
//! [[override]]
//! country = "GB"
//! criterion = "cooperation_quality"
//! value = 2
//! source = "illustrative: cooperation deteriorates"
//!
//! [[expect]]
//! country = "GB"
//! instrument = "permanent_liaison"
//! causes = "single"
//! "#;
//! let scenario = Scenario::parse("example.toml", text, ".".as_ref())?;
//! let diff = compare(&scenario)?;
//! assert!(expect::check(&scenario, &diff)?.is_empty());
//! # Ok::<(), placement_scenario::ScenarioError>(())
//! ```

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;
use serde_json::Value;

use placement_core::{Class, CountryCode, DecisionRecord, Instrument, Organisation};
use placement_text::Lang;

use crate::attribute::{evaluate, ScenarioDiff};
use crate::builder::Builder;
use crate::change::Location;
use crate::error::{ProblemCode, ScenarioError};
use crate::resolve::{Scenario, State};

/// How a country's rank moves from base to scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RankMove {
    /// A better (smaller) rank.
    Up,
    /// A worse (larger) rank.
    Down,
    /// Up or down.
    Moved,
    /// The same rank.
    Same,
}

impl RankMove {
    const ALL: [(&'static str, RankMove); 4] = [
        ("up", RankMove::Up),
        ("down", RankMove::Down),
        ("moved", RankMove::Moved),
        ("same", RankMove::Same),
    ];
}

/// How a change of the country is attributed (see [`crate::Causes`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CauseKind {
    /// At least one change causes it on its own.
    Single,
    /// No change alone; some only together.
    Jointly,
    /// A rank-only change caused by other countries moving.
    Displaced,
}

impl CauseKind {
    const ALL: [(&'static str, CauseKind); 3] = [
        ("single", CauseKind::Single),
        ("jointly", CauseKind::Jointly),
        ("displaced", CauseKind::Displaced),
    ];
}

/// One stated expectation about a country.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", tag = "key", content = "value")]
pub enum Check {
    /// The instrument in the scenario is one of these.
    Instrument(Vec<Instrument>),
    /// The instrument in the scenario is none of these.
    NotInstrument(Vec<Instrument>),
    /// The instrument in the base is one of these.
    FromInstrument(Vec<Instrument>),
    /// The instrument in the base is none of these.
    FromNotInstrument(Vec<Instrument>),
    /// The class in the scenario is one of these.
    Class(Vec<Class>),
    /// The class in the base is one of these.
    FromClass(Vec<Class>),
    /// The organisation in the scenario is one of these (`None`: no organisation).
    Organisation(Vec<Option<Organisation>>),
    /// The organisation in the base is one of these.
    FromOrganisation(Vec<Option<Organisation>>),
    /// How the rank moves from base to scenario.
    Rank(RankMove),
    /// `true`: class, instrument, organisation and rank are as in the base; `false`: some differ.
    Unchanged(bool),
    /// How the change is attributed.
    Causes(CauseKind),
    /// This rule fires for the country in the scenario.
    Rule(String),
    /// The need in the scenario is at least this (0–100).
    NeedAtLeast(f64),
    /// The need in the scenario is below this (0–100).
    NeedBelow(f64),
}

/// One `[[expect]]` table: a country and what the scenario should give it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Expectation {
    /// The country.
    pub country: CountryCode,
    /// Where the table is.
    pub location: Location,
    /// The checks, each with the key it was written as and its line, in file order.
    pub checks: Vec<(String, usize, Check)>,
}

/// An expectation the evaluation does not meet.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Mismatch {
    /// The scenario file.
    pub file: String,
    /// The line of the key.
    pub line: usize,
    /// The country.
    pub country: CountryCode,
    /// The key, e.g. `expect[2].instrument`.
    pub field: String,
    /// What the file states.
    pub expected: String,
    /// What the engine gives.
    pub found: String,
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {} {}: expected {}, found {}",
            self.file, self.line, self.country, self.field, self.expected, self.found
        )
    }
}

/// The keys an `[[expect]]` table may have.
pub const KEYS: [&str; 15] = [
    "country",
    "instrument",
    "not_instrument",
    "from_instrument",
    "from_not_instrument",
    "class",
    "from_class",
    "organisation",
    "from_organisation",
    "rank",
    "unchanged",
    "causes",
    "rule",
    "need_at_least",
    "need_below",
];

fn organisation_from_id(id: &str) -> Option<Option<Organisation>> {
    match id {
        "police" => Some(Some(Organisation::Police)),
        "marechaussee" => Some(Some(Organisation::Marechaussee)),
        "both" => Some(Some(Organisation::Both)),
        "none" => Some(None),
        _ => None,
    }
}

fn organisation_id(o: Option<Organisation>) -> &'static str {
    o.map_or("none", Organisation::id)
}

impl Builder<'_> {
    /// Validates the `[[expect]]` tables against the resolved state (countries of the base or
    /// the scenario, rules of the scenario's rulebook).
    pub(crate) fn expectations(
        &mut self,
        raw: &[BTreeMap<String, Value>],
        base: &State,
    ) -> Vec<Expectation> {
        let mut out = Vec::new();
        for (i, table) in raw.iter().enumerate() {
            let start = self.src.section("expect", Some("country"), i);
            let field = format!("expect[{i}]");
            let country = match table.get("country") {
                None => {
                    self.problem(
                        ProblemCode::Missing,
                        start,
                        format!("{field}.country"),
                        "name the country the expectation is about",
                    );
                    None
                }
                Some(v) => {
                    let line = self.src.key_line(start, "country");
                    self.expect_country(v, base, line, &field)
                }
            };
            let mut checks = Vec::new();
            for (key, value) in table {
                if key == "country" {
                    continue;
                }
                let line = self.src.key_line(start, key);
                let f = format!("{field}.{key}");
                if let Some(c) = self.expect_check(key, value, line, &f) {
                    checks.push((key.clone(), line, c));
                }
            }
            checks.sort_by_key(|(_, line, _)| *line);
            if table.keys().all(|k| k == "country") {
                self.problem(
                    ProblemCode::Missing,
                    start,
                    field.clone(),
                    format!("state at least one expectation: {}", KEYS[1..].join(", ")),
                );
            }
            if let Some(country) = country {
                out.push(Expectation {
                    country,
                    location: Location {
                        file: self.src.file.clone(),
                        line: start,
                    },
                    checks,
                });
            }
        }
        out
    }

    fn expect_country(
        &mut self,
        v: &Value,
        base: &State,
        line: usize,
        field: &str,
    ) -> Option<CountryCode> {
        let field = format!("{field}.country");
        let Some(text) = v.as_str() else {
            self.problem(
                ProblemCode::Malformed,
                line,
                field,
                "give the country as an ISO code string",
            );
            return None;
        };
        match CountryCode::parse(text) {
            Ok(c) if self.work.assessment.get(c).is_some() || base.assessment.get(c).is_some() => {
                Some(c)
            }
            Ok(c) => {
                self.problem(
                    ProblemCode::UnknownCountry,
                    line,
                    field,
                    format!("{c} is in neither the base nor the scenario"),
                );
                None
            }
            Err(m) => {
                let m = Lang::En.bad_country_code(text, m);
                self.problem(ProblemCode::UnknownCountry, line, field, m);
                None
            }
        }
    }

    /// One id or a list of ids (any of them), each looked up by `parse`.
    fn expect_ids<T>(
        &mut self,
        value: &Value,
        line: usize,
        field: &str,
        what: &str,
        vocabulary: &[&str],
        parse: impl Fn(&str) -> Option<T>,
    ) -> Option<Vec<T>> {
        let texts: Vec<&Value> = match value {
            Value::Array(a) => a.iter().collect(),
            v => vec![v],
        };
        if texts.is_empty() {
            self.problem(
                ProblemCode::Missing,
                line,
                field,
                format!("give at least one {what}"),
            );
            return None;
        }
        let mut out = Vec::new();
        let mut ok = true;
        for t in texts {
            match t.as_str().map(|s| (s, parse(s))) {
                Some((_, Some(x))) => out.push(x),
                Some((s, None)) => {
                    self.problem(
                        ProblemCode::UnknownName,
                        line,
                        field,
                        format!("{s:?} is not {what}; use one of: {}", vocabulary.join(", ")),
                    );
                    ok = false;
                }
                None => {
                    self.problem(
                        ProblemCode::Malformed,
                        line,
                        field,
                        format!("give {what} as a string or a list of strings"),
                    );
                    ok = false;
                }
            }
        }
        ok.then_some(out)
    }

    fn expect_check(&mut self, key: &str, value: &Value, line: usize, f: &str) -> Option<Check> {
        let instruments = Instrument::ALL.map(Instrument::id);
        let classes = Class::ALL.map(Class::id);
        let organisations = ["police", "marechaussee", "both", "none"];
        let instrument = "an instrument";
        let class = "a class";
        let organisation = "an organisation";
        match key {
            "instrument" => self
                .expect_ids(
                    value,
                    line,
                    f,
                    instrument,
                    &instruments,
                    Instrument::from_id,
                )
                .map(Check::Instrument),
            "not_instrument" => self
                .expect_ids(
                    value,
                    line,
                    f,
                    instrument,
                    &instruments,
                    Instrument::from_id,
                )
                .map(Check::NotInstrument),
            "from_instrument" => self
                .expect_ids(
                    value,
                    line,
                    f,
                    instrument,
                    &instruments,
                    Instrument::from_id,
                )
                .map(Check::FromInstrument),
            "from_not_instrument" => self
                .expect_ids(
                    value,
                    line,
                    f,
                    instrument,
                    &instruments,
                    Instrument::from_id,
                )
                .map(Check::FromNotInstrument),
            "class" => self
                .expect_ids(value, line, f, class, &classes, Class::from_id)
                .map(Check::Class),
            "from_class" => self
                .expect_ids(value, line, f, class, &classes, Class::from_id)
                .map(Check::FromClass),
            "organisation" => self
                .expect_ids(
                    value,
                    line,
                    f,
                    organisation,
                    &organisations,
                    organisation_from_id,
                )
                .map(Check::Organisation),
            "from_organisation" => self
                .expect_ids(
                    value,
                    line,
                    f,
                    organisation,
                    &organisations,
                    organisation_from_id,
                )
                .map(Check::FromOrganisation),
            "rank" => {
                let names = RankMove::ALL.map(|(n, _)| n);
                let found = value
                    .as_str()
                    .and_then(|s| RankMove::ALL.iter().find(|(n, _)| *n == s).map(|(_, m)| *m));
                if found.is_none() {
                    self.problem(
                        ProblemCode::UnknownName,
                        line,
                        f,
                        format!(
                            "{value} is not a rank movement; use one of: {}",
                            names.join(", ")
                        ),
                    );
                }
                found.map(Check::Rank)
            }
            "causes" => {
                let names = CauseKind::ALL.map(|(n, _)| n);
                let found = value.as_str().and_then(|s| {
                    CauseKind::ALL
                        .iter()
                        .find(|(n, _)| *n == s)
                        .map(|(_, m)| *m)
                });
                if found.is_none() {
                    self.problem(
                        ProblemCode::UnknownName,
                        line,
                        f,
                        format!(
                            "{value} is not a kind of cause; use one of: {}",
                            names.join(", ")
                        ),
                    );
                }
                found.map(Check::Causes)
            }
            "unchanged" => {
                if value.as_bool().is_none() {
                    self.problem(ProblemCode::Malformed, line, f, "give true or false");
                }
                value.as_bool().map(Check::Unchanged)
            }
            "rule" => {
                let id = value.as_str().unwrap_or_default();
                if self.work.rulebook.rule(id).is_some() {
                    Some(Check::Rule(id.to_string()))
                } else {
                    let msg = crate::builder::unknown_rule(&self.work.rulebook, id);
                    self.problem(ProblemCode::UnknownRule, line, f, msg);
                    None
                }
            }
            "need_at_least" | "need_below" => match value.as_f64() {
                Some(x) if (0.0..=100.0).contains(&x) => Some(if key == "need_at_least" {
                    Check::NeedAtLeast(x)
                } else {
                    Check::NeedBelow(x)
                }),
                _ => {
                    self.problem(
                        ProblemCode::OutOfRange,
                        line,
                        f,
                        format!("{value} is not a need on the 0–100 scale"),
                    );
                    None
                }
            },
            _ => {
                self.problem(
                    ProblemCode::UnknownName,
                    line,
                    f,
                    format!(
                        "{key:?} is not an expectation key; use one of: {}",
                        KEYS.join(", ")
                    ),
                );
                None
            }
        }
    }
}

fn one_of<T: Copy + PartialEq>(allowed: &[T], id: impl Fn(T) -> &'static str) -> String {
    allowed
        .iter()
        .map(|x| id(*x))
        .collect::<Vec<_>>()
        .join(" or ")
}

/// Checks every expectation of `scenario` against base and scenario evaluations and against
/// `diff` (the scenario's [`crate::compare`]); returns every mismatch, in file order.
///
/// # Errors
/// [`ScenarioError::Engine`] when base or scenario cannot be evaluated.
pub fn check(scenario: &Scenario, diff: &ScenarioDiff) -> Result<Vec<Mismatch>, ScenarioError> {
    if scenario.expect.is_empty() {
        return Ok(Vec::new());
    }
    let before = evaluate(scenario, &scenario.base)?;
    let after = evaluate(scenario, &scenario.state)?;
    let mut out = Vec::new();
    for (i, e) in scenario.expect.iter().enumerate() {
        let b = before.record(e.country);
        let a = after.record(e.country);
        let changed = diff.country(e.country.as_str());
        for (key, line, c) in &e.checks {
            if let Some((expected, found)) = mismatch(c, b, a, changed) {
                out.push(Mismatch {
                    file: e.location.file.clone(),
                    line: *line,
                    country: e.country,
                    field: format!("expect[{i}].{key}"),
                    expected,
                    found,
                });
            }
        }
    }
    Ok(out)
}

/// Not assessed in the base or the scenario.
const ABSENT: &str = "not assessed";

/// `(expected, found)` when the record's value (`get`) is not in `set` (`want_in`) or is in it
/// (`!want_in`).
fn member<T: Copy + PartialEq>(
    r: Option<&DecisionRecord>,
    get: impl Fn(&DecisionRecord) -> T,
    set: &[T],
    want_in: bool,
    id: impl Fn(T) -> &'static str + Copy,
) -> Option<(String, String)> {
    let got = r.map(get);
    let ok = got.is_some_and(|g| set.contains(&g) == want_in);
    let expected = if want_in {
        one_of(set, id)
    } else {
        format!("not {}", one_of(set, id))
    };
    (!ok).then(|| (expected, got.map_or(ABSENT, id).to_string()))
}

/// `(expected, found)` when the check fails.
fn mismatch(
    c: &Check,
    b: Option<&DecisionRecord>,
    a: Option<&DecisionRecord>,
    changed: Option<&crate::CountryChange>,
) -> Option<(String, String)> {
    let fail = |ok: bool, expected: String, found: String| (!ok).then_some((expected, found));
    match c {
        Check::Instrument(v) => member(a, |r| r.instrument, v, true, Instrument::id),
        Check::FromInstrument(v) => member(b, |r| r.instrument, v, true, Instrument::id),
        Check::NotInstrument(v) => member(a, |r| r.instrument, v, false, Instrument::id),
        Check::FromNotInstrument(v) => member(b, |r| r.instrument, v, false, Instrument::id),
        Check::Class(v) => member(a, |r| r.class, v, true, Class::id),
        Check::FromClass(v) => member(b, |r| r.class, v, true, Class::id),
        Check::Organisation(v) => member(a, |r| r.organisation, v, true, organisation_id),
        Check::FromOrganisation(v) => member(b, |r| r.organisation, v, true, organisation_id),
        Check::Rank(m) => {
            let found = match (b, a) {
                (Some(b), Some(a)) => match a.rank.cmp(&b.rank) {
                    std::cmp::Ordering::Less => {
                        (RankMove::Up, format!("up {} -> {}", b.rank, a.rank))
                    }
                    std::cmp::Ordering::Greater => {
                        (RankMove::Down, format!("down {} -> {}", b.rank, a.rank))
                    }
                    std::cmp::Ordering::Equal => (RankMove::Same, format!("same {}", a.rank)),
                },
                _ => return Some((format!("{m:?}").to_lowercase(), ABSENT.to_string())),
            };
            let ok = *m == found.0 || (*m == RankMove::Moved && found.0 != RankMove::Same);
            fail(ok, format!("{m:?}").to_lowercase(), found.1)
        }
        Check::Unchanged(u) => {
            let is = changed.is_none();
            let found = match changed {
                None => "unchanged".to_string(),
                Some(ch) => describe(ch),
            };
            fail(
                is == *u,
                if *u { "unchanged" } else { "a change" }.to_string(),
                found,
            )
        }
        Check::Causes(k) => {
            let found = match changed {
                None => "unchanged".to_string(),
                Some(ch) if !ch.causes.single.is_empty() => "single".to_string(),
                Some(ch) if !ch.causes.jointly.is_empty() => "jointly".to_string(),
                Some(ch) if ch.causes.displaced => "displaced".to_string(),
                Some(_) => "no cause found".to_string(),
            };
            let want = CauseKind::ALL
                .iter()
                .find(|(_, x)| x == k)
                .map_or("", |(n, _)| n);
            fail(found == want, want.to_string(), found)
        }
        Check::Rule(id) => {
            let fired: Vec<&str> = a
                .map(|r| r.rules.iter().map(|f| f.rule.as_str()).collect())
                .unwrap_or_default();
            fail(
                fired.contains(&id.as_str()),
                format!("{id} to fire"),
                format!("fired: {}", fired.join(", ")),
            )
        }
        Check::NeedAtLeast(x) | Check::NeedBelow(x) => {
            let need = a.map(|r| r.need);
            let at_least = matches!(c, Check::NeedAtLeast(_));
            let ok = need.is_some_and(|n| if at_least { n >= *x } else { n < *x });
            fail(
                ok,
                format!("need {} {x}", if at_least { ">=" } else { "<" }),
                need.map_or(ABSENT.to_string(), |n| format!("need {n:.1}")),
            )
        }
    }
}

fn describe(ch: &crate::CountryChange) -> String {
    match (ch.before, ch.after) {
        (Some(b), Some(a)) => format!(
            "{} {} {} rank {} -> {} {} {} rank {}",
            b.class,
            b.instrument,
            organisation_id(b.organisation),
            b.rank,
            a.class,
            a.instrument,
            organisation_id(a.organisation),
            a.rank
        ),
        (None, _) => "added".to_string(),
        (_, None) => "removed".to_string(),
    }
}
