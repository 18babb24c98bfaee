//! Building a scenario's change list: each part of the file becomes atomic changes, validated
//! against the state as it stands when the change is reached; every problem is recorded.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use placement_core::rulebook::EMBEDDED;
use placement_core::{
    Confidence, CountryCode, Criterion, DataSharingBasis, Evidence, Marking, Region, Rulebook,
};

use crate::change::{Change, ChangeKind, FactChange, Location};
use crate::error::{ProblemCode, Problems};
use crate::file::RawScenario;
use crate::locate::Source;
use crate::resolve::{core_problems, relative, State};
use placement_text::Lang;

mod rules;

pub(crate) use rules::unknown_rule;
mod values;

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

    pub(super) fn push(&mut self, kind: ChangeKind, source: Option<String>, line: usize) {
        self.push_nl(kind, source, None, line);
    }

    /// As [`Self::push`], with the source note's Dutch text (`source_nl`).
    pub(super) fn push_nl(
        &mut self,
        kind: ChangeKind,
        source: Option<String>,
        source_nl: Option<String>,
        line: usize,
    ) {
        let change = Change {
            kind,
            source,
            source_nl,
            location: Location {
                file: self.src.file.clone(),
                line,
            },
        };
        change.apply(&mut self.work);
        self.changes.push(change);
    }

    /// A country of the working set, or a problem.
    pub(super) fn country(&mut self, text: &str, line: usize, field: &str) -> Option<CountryCode> {
        match CountryCode::parse(text) {
            Ok(c) if self.work.assessment.get(c).is_some() => Some(c),
            Ok(c) => {
                self.problem(ProblemCode::UnknownCountry, line, field, format!("{c} is not in the assessment set; add it under [countries] or check the code"));
                None
            }
            Err(m) => {
                let m = Lang::En.bad_country_code(text, m);
                self.problem(ProblemCode::UnknownCountry, line, field, m);
                None
            }
        }
    }

    pub(super) fn evidence(
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
            Err(_) => {
                if date.is_some() {
                    let m = Lang::En.bad_date(&text);
                    self.problem(ProblemCode::OutOfRange, line, format!("{field}.date"), m);
                }
                self.work.assessment.meta().as_of
            }
        };
        Evidence {
            source: source.into(),
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
                    id: r.id().to_string(),
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
                // The set refuses to lose its last country.
                let mut probe = self.work.assessment.clone();
                match probe.remove_country(c) {
                    Ok(_) => self.push(ChangeKind::RemoveCountry(c), None, line),
                    Err(e) => {
                        for i in e.issues() {
                            self.problem(
                                ProblemCode::Rejected,
                                line,
                                "countries.remove",
                                Lang::En.issue(i),
                            );
                        }
                    }
                }
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
        let source_nl = raw.partner_liaison.source_nl.clone();
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
                    self.push_nl(
                        ChangeKind::Fact {
                            country: c,
                            fact: FactChange::PartnerLiaison(on),
                        },
                        source.clone(),
                        source_nl.clone(),
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
            if let Some(b) = f.lost_eu_instruments {
                facts.push((FactChange::LostEuInstruments(b), at("lost_eu_instruments")));
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
                            Lang::En.bad_country_code(h, m),
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
                self.push_nl(
                    ChangeKind::Fact { country: c, fact },
                    f.source.clone(),
                    f.source_nl.clone(),
                    line,
                );
            }
        }
    }
}
