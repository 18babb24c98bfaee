//! Value changes: criterion overrides (from the file and from CSV tables), weights and
//! phenomenon priorities.

use std::collections::BTreeMap;

use placement_core::{CountryCode, Criterion, Phenomenon};

use crate::change::{Change, ChangeKind, Location};
use placement_text::Lang;

use crate::error::ProblemCode;
use crate::file::RawScenario;
use crate::resolve::relative;

use super::Builder;

impl Builder<'_> {
    pub(super) fn override_value(
        &mut self,
        country: &str,
        criterion: &str,
        value: f64,
        line: usize,
        field: &str,
    ) -> Option<(CountryCode, Criterion)> {
        let c = self.country(country, line, &format!("{field}.country"));
        let Some(k) = Criterion::from_id(criterion) else {
            self.problem(
                ProblemCode::UnknownCriterion,
                line,
                format!("{field}.criterion"),
                format!(
                    "{criterion:?} is not a criterion; use one of: {}",
                    Criterion::ALL.map(Criterion::id).join(", ")
                ),
            );
            return None;
        };
        if !value.is_finite() || !(0.0..=10.0).contains(&value) {
            self.problem(
                ProblemCode::OutOfRange,
                line,
                format!("{field}.value"),
                format!("{value} is outside the scale 0..=10"),
            );
            return None;
        }
        let c = c?;
        let eu = self
            .work
            .assessment
            .get(c)
            .is_some_and(|ca| ca.facts.eu_member);
        if !k.applies_to(eu) {
            self.problem(ProblemCode::UnknownCriterion, line, format!("{field}.criterion"), format!("{} applies to EU member states only and {c} is not one (set [facts.{c}] eu_member = true first)", k.id()));
            return None;
        }
        if let Some((file, first)) = self.overridden.get(&(c, k)) {
            self.problem(
                ProblemCode::Duplicate,
                line,
                field.to_string(),
                format!(
                    "{c} {} is already overridden at {file}:{first}; keep one",
                    k.id()
                ),
            );
            return None;
        }
        self.overridden
            .insert((c, k), (self.src.file.clone(), line));
        Some((c, k))
    }

    pub(crate) fn overrides(&mut self, raw: &RawScenario) {
        for (i, o) in raw.overrides.iter().enumerate() {
            let start = self.src.section("override", Some("country"), i);
            let line = self.src.key_in(start, "criterion");
            let field = format!("override[{i}]");
            let Some((c, k)) = self.override_value(&o.country, &o.criterion, o.value, line, &field)
            else {
                continue;
            };
            let evidence = self.evidence(
                &o.source,
                o.date.as_deref(),
                o.confidence,
                o.marking,
                line,
                &field,
            );
            self.push_nl(
                ChangeKind::Value {
                    country: c,
                    criterion: k,
                    value: o.value,
                    evidence,
                    note: o.note.clone(),
                },
                Some(o.source.clone()),
                o.source_nl.clone(),
                line,
            );
        }
    }

    pub(crate) fn tables(&mut self, raw: &RawScenario) {
        for (i, t) in raw.table.iter().enumerate() {
            let start = self.src.section("table", Some("file"), i);
            let line = self.src.key_in(start, "file");
            let path = relative(self.dir, &t.file);
            let text = match placement_core::io::read_input(&path) {
                Ok(text) => text,
                Err(e) => {
                    self.problem(
                        ProblemCode::MissingFile,
                        line,
                        format!("table[{i}].file"),
                        Lang::En.error(&e),
                    );
                    continue;
                }
            };
            self.inputs.push(path.clone());
            let label = crate::resolve::shown(&path);
            let Some(mut rows) = crate::table::Rows::open(t, &label, &text, self.problems) else {
                continue;
            };
            while let Some(row) = rows.next_row(self.problems) {
                let Some((c, k)) = self.override_value_in(&label, &row) else {
                    continue;
                };
                let date = None;
                let evidence = self.evidence(
                    &row.source,
                    date,
                    t.confidence,
                    None,
                    line,
                    &format!("table[{i}]"),
                );
                let change = Change {
                    kind: ChangeKind::Value {
                        country: c,
                        criterion: k,
                        value: row.value,
                        evidence,
                        note: row.note.clone(),
                    },
                    source: Some(row.source.clone()),
                    source_nl: row.source_nl.clone(),
                    location: Location {
                        file: label.clone(),
                        line: row.line,
                    },
                };
                change.apply(&mut self.work);
                self.changes.push(change);
            }
        }
    }

    /// Validates one table row's override, reporting problems against the CSV file.
    pub(super) fn override_value_in(
        &mut self,
        file: &str,
        row: &crate::table::Row,
    ) -> Option<(CountryCode, Criterion)> {
        let before = self.problems.0.len();
        let r = self.override_value(
            &row.country,
            &row.criterion,
            row.value,
            row.line,
            &format!("row {}", row.line),
        );
        for p in self.problems.0.iter_mut().skip(before) {
            p.file = file.to_string();
        }
        r
    }

    pub(crate) fn weights(&mut self, raw: &RawScenario) {
        if raw.weights.is_empty() {
            return;
        }
        let start = self.src.section("weights", None, 0);
        let mut w = BTreeMap::new();
        for (k, v) in &raw.weights {
            let line = self.src.key_in(start, k);
            match Criterion::from_id(k) {
                Some(c) if v.is_finite() && *v >= 0.0 => {
                    w.insert(c, *v);
                }
                Some(_) => self.problem(
                    ProblemCode::OutOfRange,
                    line,
                    format!("weights.{k}"),
                    format!("{v} is not a weight; give a finite number >= 0"),
                ),
                None => self.problem(
                    ProblemCode::UnknownCriterion,
                    line,
                    format!("weights.{k}"),
                    format!(
                        "{k:?} is not a criterion; use one of: {}",
                        Criterion::ALL.map(Criterion::id).join(", ")
                    ),
                ),
            }
        }
        let mut merged = self.work.rulebook.weights().clone();
        merged.extend(w.iter().map(|(c, v)| (*c, *v)));
        let mut probe = self.work.rulebook.clone();
        if let Err(e) = probe.set_weights(&merged) {
            for i in e.issues() {
                let line = self
                    .src
                    .key_in(start, i.field.trim_start_matches("weights."));
                self.problem(
                    ProblemCode::OutOfRange,
                    line,
                    i.field.clone(),
                    Lang::En.issue_problem(&i.args),
                );
            }
            return;
        }
        self.push(ChangeKind::Weights(w), None, start);
    }

    pub(crate) fn priorities(&mut self, raw: &RawScenario) {
        let start = self.src.section("priorities", None, 0);
        for (k, v) in &raw.priorities {
            let line = self.src.key_in(start, k);
            match Phenomenon::from_id(k) {
                Some(p) if v.is_finite() && (0.0..=1.0).contains(v) => {
                    self.push(
                        ChangeKind::Priority {
                            phenomenon: p,
                            priority: *v,
                        },
                        None,
                        line,
                    );
                }
                Some(_) => self.problem(
                    ProblemCode::OutOfRange,
                    line,
                    format!("priorities.{k}"),
                    format!("{v} is outside 0..=1"),
                ),
                None => self.problem(
                    ProblemCode::UnknownPhenomenon,
                    line,
                    format!("priorities.{k}"),
                    format!(
                        "{k:?} is not a phenomenon; use one of: {}",
                        Phenomenon::ALL.map(Phenomenon::id).join(", ")
                    ),
                ),
            }
        }
    }
}
