//! Building a scenario's change list: each part of the file becomes atomic changes, validated
//! against the state as it stands when the change is reached; every problem is recorded.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use placement_core::rulebook::EMBEDDED;
use placement_core::{
    Confidence, CountryCode, Criterion, DataSharingBasis, Evidence, Marking, Phenomenon, Region,
    Rulebook,
};

use crate::change::{Change, ChangeKind, FactChange, Location};
use crate::error::{ProblemCode, Problems};
use crate::file::RawScenario;
use crate::locate::Source;
use crate::resolve::{core_problems, relative, State};

/// Builds the change list, validating each change against the state so far.
pub(crate) struct Builder<'a> {
    pub(crate) src: &'a Source,
    pub(crate) problems: &'a mut Problems,
    pub(crate) work: State,
    pub(crate) changes: Vec<Change>,
    pub(crate) date: String,
    pub(crate) dir: &'a Path,
    pub(crate) inputs: &'a mut Vec<PathBuf>,
    /// (country, criterion) → line of the override that set it, for duplicates.
    pub(crate) overridden: BTreeMap<(CountryCode, Criterion), (String, usize)>,
}

impl Builder<'_> {
    pub(crate) fn problem(
        &mut self,
        code: ProblemCode,
        line: usize,
        field: impl Into<String>,
        message: impl Into<String>,
    ) {
        let file = self.src.file.clone();
        self.problems.push(code, &file, line, field, message);
    }

    fn push(&mut self, kind: ChangeKind, source: Option<String>, line: usize) {
        let change = Change {
            kind,
            source,
            location: Location {
                file: self.src.file.clone(),
                line,
            },
        };
        change.apply(&mut self.work);
        self.changes.push(change);
    }

    /// A country of the working set, or a problem.
    fn country(&mut self, text: &str, line: usize, field: &str) -> Option<CountryCode> {
        match CountryCode::parse(text) {
            Ok(c) if self.work.assessment.get(c).is_some() => Some(c),
            Ok(c) => {
                self.problem(ProblemCode::UnknownCountry, line, field, format!("{c} is not in the assessment set; add it under [countries] or check the code"));
                None
            }
            Err(m) => {
                self.problem(ProblemCode::UnknownCountry, line, field, m);
                None
            }
        }
    }

    fn evidence(
        &mut self,
        source: &str,
        date: Option<&str>,
        confidence: Option<Confidence>,
        marking: Option<Marking>,
        line: usize,
        field: &str,
    ) -> Evidence {
        if source.trim().is_empty() {
            self.problem(
                ProblemCode::Missing,
                line,
                format!("{field}.source"),
                "give a source note: it becomes the value's evidence",
            );
        }
        let text = date.unwrap_or(&self.date).to_string();
        let parsed = match placement_core::evidence::Date::parse(&text) {
            Ok(d) => d,
            Err(m) => {
                if date.is_some() {
                    self.problem(ProblemCode::OutOfRange, line, format!("{field}.date"), m);
                }
                self.work.assessment.meta.as_of
            }
        };
        Evidence {
            source: source.to_string(),
            date: parsed,
            confidence: confidence.unwrap_or(Confidence::Low),
            marking: marking.unwrap_or(Marking::Unclassified),
        }
    }

    pub(crate) fn rulebook(&mut self, id: Option<&str>, header_line: usize) {
        let Some(id) = id else { return };
        let line = self.src.key_in(header_line, "rulebook");
        let loaded = if EMBEDDED.iter().any(|(e, _)| *e == id) {
            Rulebook::embedded(id)
        } else if id.ends_with(".toml") || id.ends_with(".json") {
            let path = relative(self.dir, id);
            if !path.exists() {
                self.problem(
                    ProblemCode::MissingFile,
                    line,
                    "scenario.rulebook",
                    format!("cannot find the rulebook file {}", path.display()),
                );
                return;
            }
            self.inputs.push(path.clone());
            Rulebook::load(&path)
        } else {
            self.problem(
                ProblemCode::UnknownName,
                line,
                "scenario.rulebook",
                format!(
                    "{id:?} is neither an embedded rulebook ({}) nor a .toml/.json file",
                    EMBEDDED.map(|(i, _)| i).join(", ")
                ),
            );
            return;
        };
        match loaded {
            Ok(r) if r.hash() == self.work.rulebook.hash() => {}
            Ok(r) => self.push(
                ChangeKind::Rulebook {
                    id: r.id.clone(),
                    rulebook: Box::new(r),
                },
                None,
                line,
            ),
            Err(e) => {
                let file = id.to_string();
                core_problems(self.problems, &file, &e);
            }
        }
    }

    pub(crate) fn countries(&mut self, raw: &RawScenario) {
        let start = self.src.section("countries", None, 0);
        for code in &raw.countries.remove {
            let line = self.src.key_in(start, &format!("\"{code}\""));
            if let Some(c) = self.country(code, line, "countries.remove") {
                self.push(ChangeKind::RemoveCountry(c), None, line);
            }
        }
        for (i, value) in raw.countries.add.iter().enumerate() {
            let code_text = value
                .get("code")
                .and_then(|c| c.as_str())
                .unwrap_or("")
                .to_string();
            let line = match self
                .src
                .line_of(&["countries", "add", &format!("\"{code_text}\"")])
            {
                0 => start,
                l => l,
            };
            let field = format!("countries.add[{i}]");
            match crate::add::parse_added(value, &self.work.assessment, &code_text) {
                Ok(ca) => {
                    if self.work.assessment.get(ca.code).is_some() {
                        self.problem(ProblemCode::Duplicate, line, field, format!("{} is already in the assessment set; change it with [[override]] or [facts.{}] instead", ca.code, ca.code));
                    } else {
                        self.push(ChangeKind::AddCountry(Box::new(ca)), None, line);
                    }
                }
                Err(messages) => {
                    for (f, m) in messages {
                        let l = match self.src.nth_line_with(
                            f.rsplit('.').next().unwrap_or(""),
                            0,
                            line.max(1),
                        ) {
                            0 => line,
                            l => l,
                        };
                        self.problem(ProblemCode::Rejected, l, format!("{field}.{f}"), m);
                    }
                }
            }
        }
    }

    pub(crate) fn facts(&mut self, raw: &RawScenario) {
        // Partner liaisons first: they are facts too.
        let start = self.src.section("partner_liaison", None, 0);
        let source = raw.partner_liaison.source.clone();
        for (list, on) in [
            (&raw.partner_liaison.add, true),
            (&raw.partner_liaison.withdraw, false),
        ] {
            for code in list {
                let line = self.src.key_in(start, &format!("\"{code}\""));
                let field = if on {
                    "partner_liaison.add"
                } else {
                    "partner_liaison.withdraw"
                };
                if on && raw.partner_liaison.withdraw.contains(code) {
                    self.problem(
                        ProblemCode::Contradiction,
                        line,
                        field,
                        format!("{code} is both added and withdrawn; keep one"),
                    );
                    continue;
                }
                if let Some(c) = self.country(code, line, field) {
                    self.push(
                        ChangeKind::Fact {
                            country: c,
                            fact: FactChange::PartnerLiaison(on),
                        },
                        source.clone(),
                        line,
                    );
                }
            }
        }
        for (code, f) in &raw.facts {
            let start = match self.src.line_of(&["facts", code]) {
                0 => self.src.section("facts", None, 0),
                l => l,
            };
            let field = format!("facts.{code}");
            let Some(c) = self.country(code, start, &field) else {
                continue;
            };
            let at = |key: &str| self.src.key_in(start, key);
            let mut facts: Vec<(FactChange, usize)> = Vec::new();
            if let Some(b) = f.eu_member {
                facts.push((FactChange::EuMember(b), at("eu_member")));
                let has_europol = self
                    .work
                    .assessment
                    .get(c)
                    .is_some_and(|ca| ca.criteria.contains_key(&Criterion::EuropolChannel));
                let overrides_europol = raw.overrides.iter().any(|o| {
                    CountryCode::parse(&o.country) == Ok(c) && o.criterion == "europol_channel"
                });
                if b && !has_europol && !overrides_europol {
                    self.problem(ProblemCode::Missing, at("eu_member"), format!("{field}.eu_member"), format!("{c} becomes an EU member: give an [[override]] of europol_channel for it (the criterion applies to EU members only)"));
                }
            }
            if let Some(b) = f.schengen {
                facts.push((FactChange::Schengen(b), at("schengen")));
            }
            if let Some(b) = f.land_border_nl {
                facts.push((FactChange::LandBorderNl(b), at("land_border_nl")));
            }
            if let Some(b) = f.partner_liaison {
                facts.push((FactChange::PartnerLiaison(b), at("partner_liaison")));
            }
            if let Some(r) = &f.region {
                match Region::from_id(r) {
                    Some(r) => facts.push((FactChange::Region(r), at("region"))),
                    None => self.problem(ProblemCode::UnknownName, at("region"), format!("{field}.region"), format!("{r:?} is not a region; use a UN M49 sub-region id such as \"south_america\"")),
                }
            }
            if let Some(d) = &f.data_sharing {
                let all = [
                    DataSharingBasis::EuMemberState,
                    DataSharingBasis::LedAdequacy,
                    DataSharingBasis::NationalAssessment,
                    DataSharingBasis::None,
                ];
                match all.into_iter().find(|x| x.id() == d) {
                    Some(x) => facts.push((FactChange::DataSharing(x), at("data_sharing"))),
                    None => self.problem(
                        ProblemCode::UnknownName,
                        at("data_sharing"),
                        format!("{field}.data_sharing"),
                        format!(
                            "{d:?} is not a data-sharing basis; use one of: {}",
                            all.map(DataSharingBasis::id).join(", ")
                        ),
                    ),
                }
            }
            if let Some(hosts) = &f.accreditation_hosts {
                let line = at("accreditation_hosts");
                let mut ok = Vec::new();
                for h in hosts {
                    match CountryCode::parse(h) {
                        Ok(x) if x == c => self.problem(
                            ProblemCode::Contradiction,
                            line,
                            format!("{field}.accreditation_hosts"),
                            "a country cannot be accredited from itself; remove it",
                        ),
                        Ok(x) => ok.push(x),
                        Err(m) => self.problem(
                            ProblemCode::UnknownCountry,
                            line,
                            format!("{field}.accreditation_hosts"),
                            m,
                        ),
                    }
                }
                ok.sort();
                ok.dedup();
                facts.push((FactChange::AccreditationHosts(ok), line));
            }
            if let Some(links) = &f.springboard {
                let line = at("springboard");
                let mut ok: Vec<placement_core::assessment::SpringboardLink> = Vec::new();
                for l in links {
                    let lf = format!("{field}.springboard");
                    let Some(to) = self.country(&l.to, line, &lf) else {
                        continue;
                    };
                    if to == c || ok.iter().any(|x| x.to == to) {
                        self.problem(
                            ProblemCode::Duplicate,
                            line,
                            lf,
                            format!(
                                "a link to {to} is given twice or points to the country itself"
                            ),
                        );
                        continue;
                    }
                    if !(0.0..=1.0).contains(&l.access) {
                        self.problem(
                            ProblemCode::OutOfRange,
                            line,
                            format!("{lf}.access"),
                            format!("{} is outside 0..=1", l.access),
                        );
                        continue;
                    }
                    ok.push(placement_core::assessment::SpringboardLink {
                        to,
                        access: l.access,
                        note: l.note.clone(),
                    });
                }
                if ok.is_empty() {
                    self.problem(
                        ProblemCode::Missing,
                        line,
                        format!("{field}.springboard"),
                        "give at least one link, or override the springboard criterion instead",
                    );
                } else {
                    facts.push((FactChange::Springboard(ok), line));
                }
            }
            for (fact, line) in facts {
                self.push(
                    ChangeKind::Fact { country: c, fact },
                    f.source.clone(),
                    line,
                );
            }
        }
    }

    fn override_value(
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
            self.push(
                ChangeKind::Value {
                    country: c,
                    criterion: k,
                    value: o.value,
                    evidence,
                    note: o.note.clone(),
                },
                Some(o.source.clone()),
                line,
            );
        }
    }

    pub(crate) fn tables(&mut self, raw: &RawScenario) {
        for (i, t) in raw.table.iter().enumerate() {
            let start = self.src.section("table", Some("file"), i);
            let line = self.src.key_in(start, "file");
            let path = relative(self.dir, &t.file);
            let text = match std::fs::read_to_string(&path) {
                Ok(text) => text,
                Err(e) => {
                    self.problem(
                        ProblemCode::MissingFile,
                        line,
                        format!("table[{i}].file"),
                        format!("cannot read {}: {e}", path.display()),
                    );
                    continue;
                }
            };
            self.inputs.push(path.clone());
            let label = path.display().to_string();
            for row in crate::table::rows(t, &label, &text, self.problems) {
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
    fn override_value_in(
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
        let mut merged = self.work.rulebook.scoring.weights.clone();
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
                    i.message.clone(),
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

    pub(crate) fn rules(&mut self, raw: &RawScenario) {
        for (i, r) in raw.rule.iter().enumerate() {
            let start = self.src.section("rule", Some("id"), i);
            let line = self.src.key_in(start, "id");
            let field = format!("rule[{i}]");
            if self.work.rulebook.rule(&r.id).is_none() {
                self.problem(
                    ProblemCode::UnknownRule,
                    line,
                    format!("{field}.id"),
                    format!(
                        "rulebook {} has no rule {:?}; its rules are: {}",
                        self.work.rulebook.id,
                        r.id,
                        self.work
                            .rulebook
                            .rules
                            .iter()
                            .map(|r| r.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                );
                continue;
            }
            if let Some(e) = r.enabled {
                let l = self.src.key_in(start, "enabled");
                self.push(
                    ChangeKind::RuleEnabled {
                        rule: r.id.clone(),
                        enabled: e,
                    },
                    r.source.clone(),
                    l,
                );
            }
            for t in &r.threshold {
                let l = self.src.key_in(start, "threshold");
                let mut probe = self.work.rulebook.clone();
                if !t.value.is_finite() {
                    self.problem(
                        ProblemCode::OutOfRange,
                        l,
                        format!("{field}.threshold.{}", t.id),
                        "a threshold must be a finite number",
                    );
                } else if probe.set_threshold(&r.id, &t.id, t.value) == 0 {
                    self.problem(
                        ProblemCode::UnknownRule,
                        l,
                        format!("{field}.threshold.id"),
                        format!("rule {} compares no criterion or metric {:?}", r.id, t.id),
                    );
                } else {
                    self.push(
                        ChangeKind::Threshold {
                            rule: r.id.clone(),
                            on: t.id.clone(),
                            value: t.value,
                        },
                        r.source.clone(),
                        l,
                    );
                }
            }
        }
    }

    pub(crate) fn resources(&mut self, raw: &RawScenario) {
        if let Some(c) = &raw.capacity {
            let line = self.src.section("capacity", None, 0);
            let mut cap = self.work.capacity;
            if c.police.is_some() {
                cap.police = c.police;
            }
            if c.marechaussee.is_some() {
                cap.marechaussee = c.marechaussee;
            }
            self.push(ChangeKind::Capacity(cap), c.source.clone(), line);
        }
        if let Some(b) = &raw.budget {
            let line = self.src.section("budget", None, 0);
            let mut budget = self.work.budget.clone();
            if b.total_eur.is_some() {
                budget.total_eur = b.total_eur;
            }
            if let Some(c) = b.cost_per_placement_eur {
                if c == 0 {
                    self.problem(
                        ProblemCode::OutOfRange,
                        self.src.key_in(line, "cost_per_placement_eur"),
                        "budget.cost_per_placement_eur",
                        "a placement cannot cost nothing; give the cost in euro",
                    );
                }
                budget.cost_per_placement_eur = c;
            }
            for (code, cost) in &b.cost_by_country {
                let l = self.src.key_in(line, code);
                if let Some(c) = self.country(code, l, "budget.cost_by_country") {
                    budget.cost_by_country.insert(c, *cost);
                }
            }
            self.push(ChangeKind::Budget(budget), b.source.clone(), line);
        }
        let start = self.src.section("posts", None, 0);
        let mut seen = std::collections::BTreeSet::new();
        for (list, locked) in [(&raw.posts.lock_in, true), (&raw.posts.rule_out, false)] {
            let field = if locked {
                "posts.lock_in"
            } else {
                "posts.rule_out"
            };
            for code in list {
                let line = self.src.key_in(start, &format!("\"{code}\""));
                let Some(c) = self.country(code, line, field) else {
                    continue;
                };
                if !seen.insert(c) {
                    let both = raw
                        .posts
                        .lock_in
                        .iter()
                        .chain(&raw.posts.rule_out)
                        .filter(|x| CountryCode::parse(x) == Ok(c))
                        .count()
                        > 1
                        && raw
                            .posts
                            .lock_in
                            .iter()
                            .any(|x| CountryCode::parse(x) == Ok(c))
                        && raw
                            .posts
                            .rule_out
                            .iter()
                            .any(|x| CountryCode::parse(x) == Ok(c));
                    if both {
                        self.problem(
                            ProblemCode::Contradiction,
                            line,
                            field,
                            format!("{c} is both locked in and ruled out; keep one"),
                        );
                    } else {
                        self.problem(
                            ProblemCode::Duplicate,
                            line,
                            field,
                            format!("{c} is listed twice"),
                        );
                    }
                    continue;
                }
                self.push(
                    ChangeKind::Post {
                        country: c,
                        locked_in: locked,
                    },
                    None,
                    line,
                );
            }
        }
    }
}
