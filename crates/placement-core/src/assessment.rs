//! Assessment sets: the per-country inputs of the engine, with evidence, read from TOML or JSON
//! and validated all at once.
//!
//! The file format is documented in `docs/input-format.md`. In short: a `[meta]` table, an
//! optional `[defaults]` evidence table, and one `[[country]]` per candidate with its
//! `criteria`, optional `phenomena` and `springboard` links. Every criterion must be either given
//! or explicitly marked `{ missing = true }`: an omission is an error, never a silent zero.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::country::{CountryCode, CountryFacts, Region};
use crate::criteria::{Criterion, SCALE_MAX, SCALE_MIN};
use crate::error::{parse_by_extension, read_file, Error, IssueCode, Issues};
use crate::evidence::{Confidence, Date, Evidence, Marking};
use crate::phenomenon::{Phenomenon, Role, Trend};

/// The legal basis for sharing police information with a country (seed 002, R-DP-2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DataSharingBasis {
    /// EU member state: the same framework as domestic sharing.
    EuMemberState,
    /// An adequacy decision under the Law Enforcement Directive (only the UK in 2025).
    LedAdequacy,
    /// A case-by-case assessment by the national data controllers.
    NationalAssessment,
    /// No basis for operational information exchange.
    None,
}

impl DataSharingBasis {
    /// The snake_case id.
    pub fn id(self) -> &'static str {
        match self {
            DataSharingBasis::EuMemberState => "eu_member_state",
            DataSharingBasis::LedAdequacy => "led_adequacy",
            DataSharingBasis::NationalAssessment => "national_assessment",
            DataSharingBasis::None => "none",
        }
    }

    /// The default basis from the country facts: EU members share as at home, GB has the only
    /// LED adequacy decision, everyone else needs the national controllers' assessment.
    pub fn default_for(facts: &CountryFacts) -> DataSharingBasis {
        if facts.eu_member {
            DataSharingBasis::EuMemberState
        } else if facts.code.as_str() == "GB" {
            DataSharingBasis::LedAdequacy
        } else {
            DataSharingBasis::NationalAssessment
        }
    }
}

/// One assessed criterion value: the value (or an explicit absence) and its evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessed {
    /// The value on the 0–10 scale; `None` when the assessor marked it missing.
    pub value: Option<f64>,
    /// Where it comes from.
    pub evidence: Evidence,
    /// The assessor's remark, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A country's relation with the Netherlands on one phenomenon.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PhenomenonAssessment {
    /// The phenomenon.
    pub phenomenon: Phenomenon,
    /// Intensity of the relation, 0–10.
    pub intensity: f64,
    /// The country's roles (at least one).
    pub roles: Vec<Role>,
    /// The trend.
    pub trend: Trend,
    /// Where it comes from.
    pub evidence: Evidence,
}

/// "A post in this country gives access to `to`" (seed 001's springboard).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpringboardLink {
    /// The country reached.
    pub to: CountryCode,
    /// How much of that country's need a post here can serve, 0–1.
    pub access: f64,
    /// Why (e.g. "AFP network in South-East Asia").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Everything assessed about one candidate country.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountryAssessment {
    /// The country.
    pub code: CountryCode,
    /// Facts in force: the reference table with this input's overrides applied.
    pub facts: CountryFacts,
    /// Names of the facts this input overrides.
    pub overridden_facts: Vec<String>,
    /// Basis for information exchange.
    pub data_sharing: DataSharingBasis,
    /// A Benelux partner (Belgian) liaison already covers the country (MLA only, R-BNL-1).
    pub partner_liaison: bool,
    /// Countries with a post from which this country could be accredited (R-ACC-2).
    pub accreditation_hosts: Vec<CountryCode>,
    /// Assessed criteria (derived ones are absent when their parts are given).
    pub criteria: BTreeMap<Criterion, Assessed>,
    /// Phenomenon assessments, sorted by phenomenon.
    pub phenomena: Vec<PhenomenonAssessment>,
    /// Springboard links, sorted by target.
    pub springboard: Vec<SpringboardLink>,
    /// Free-text rationale.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl CountryAssessment {
    /// Sets a criterion's value (keeping its evidence), as what-if analysis and counterfactuals
    /// do. A criterion derived from parts (phenomena, springboard links) becomes a direct value.
    pub fn set_value(&mut self, criterion: Criterion, value: f64, evidence: &Evidence) {
        match criterion {
            Criterion::CrimeRelation => self.phenomena.clear(),
            Criterion::Springboard => self.springboard.clear(),
            _ => {}
        }
        let entry = self.criteria.entry(criterion).or_insert_with(|| Assessed {
            value: None,
            evidence: evidence.clone(),
            note: None,
        });
        entry.value = Some(value);
    }
}

/// Descriptive information about an assessment set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// Title.
    pub title: String,
    /// `true` when the values are illustrative, not an official assessment. Shown in every output.
    pub illustrative: bool,
    /// The reference date: evidence is aged against it (never against the clock).
    pub as_of: Date,
    /// Longer description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// A validated assessment set, countries sorted by code.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AssessmentSet {
    /// Description.
    pub meta: Meta,
    /// Candidate countries, sorted by code, no duplicates.
    pub countries: Vec<CountryAssessment>,
}

const DEFAULT_FIXTURE: &str = include_str!("../../../fixtures/assessment-2025.toml");
/// The origin label of the embedded default fixture.
pub const DEFAULT_FIXTURE_ORIGIN: &str = "<embedded fixtures/assessment-2025.toml>";

impl AssessmentSet {
    /// The embedded default: the illustrative 2025 assessment in `fixtures/assessment-2025.toml`.
    ///
    /// # Errors
    /// Only if the embedded fixture were invalid, which the crate's tests rule out.
    pub fn default_fixture() -> Result<AssessmentSet, Error> {
        AssessmentSet::parse(DEFAULT_FIXTURE_ORIGIN, DEFAULT_FIXTURE)
    }

    /// Parses and validates an assessment set; `origin` is the file name (its extension,
    /// `.toml` or `.json`, selects the format; a name starting with `<` is read as TOML).
    ///
    /// # Errors
    /// [`Error::Empty`], [`Error::Parse`] (with line and column) or [`Error::Invalid`] listing
    /// every problem found.
    pub fn parse(origin: &str, text: &str) -> Result<AssessmentSet, Error> {
        let raw: RawSet = parse_by_extension(origin, text, "assessment set")?;
        raw.validate(origin)
    }

    /// Reads, parses and validates a file.
    ///
    /// # Errors
    /// As [`AssessmentSet::parse`], plus [`Error::Io`].
    pub fn load(path: &std::path::Path) -> Result<AssessmentSet, Error> {
        let text = read_file(path)?;
        AssessmentSet::parse(&path.display().to_string(), &text)
    }

    /// SHA-256 fingerprint of the set: evaluations carry it so a result can be matched to the
    /// exact inputs that produced it. A two-level hash: one SHA-256 per country (computed in
    /// parallel), then SHA-256 over the set's `meta` and those digests in code order.
    pub fn fingerprint(&self) -> String {
        use rayon::prelude::*;
        let per_country: Vec<[u8; 32]> =
            self.countries.par_iter().map(crate::hash::sha256).collect();
        crate::hash::sha256_json(&(&self.meta, per_country))
    }

    /// The file at `path`, or the embedded default when there is none: what a command-line
    /// option `--input FILE` means.
    ///
    /// # Errors
    /// As [`AssessmentSet::load`].
    pub fn load_or_default(path: Option<&std::path::Path>) -> Result<AssessmentSet, Error> {
        match path {
            Some(p) => AssessmentSet::load(p),
            None => AssessmentSet::default_fixture(),
        }
    }

    /// The assessment of one country.
    pub fn get(&self, code: CountryCode) -> Option<&CountryAssessment> {
        self.countries
            .binary_search_by(|c| c.code.cmp(&code))
            .ok()
            .and_then(|i| self.countries.get(i))
    }

    /// Mutable access to one country's assessment.
    pub fn get_mut(&mut self, code: CountryCode) -> Option<&mut CountryAssessment> {
        self.countries
            .binary_search_by(|c| c.code.cmp(&code))
            .ok()
            .and_then(|i| self.countries.get_mut(i))
    }
}

// ---------------------------------------------------------------------------------------------
// Raw file shapes. Ids stay strings here so validation can report every unknown one at once.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSet {
    meta: Meta,
    #[serde(default)]
    defaults: RawEvidence,
    #[serde(default)]
    country: Vec<RawCountry>,
}

#[derive(Deserialize, Default, Clone)]
#[serde(deny_unknown_fields)]
struct RawEvidence {
    source: Option<String>,
    date: Option<String>,
    confidence: Option<Confidence>,
    marking: Option<Marking>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCountry {
    code: String,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    partner_liaison: bool,
    #[serde(default)]
    data_sharing: Option<DataSharingBasis>,
    #[serde(default)]
    accreditation_hosts: Vec<String>,
    #[serde(default)]
    facts: RawFacts,
    #[serde(default)]
    criteria: BTreeMap<String, RawValue>,
    #[serde(default)]
    phenomena: Vec<RawPhenomenon>,
    #[serde(default)]
    springboard: Vec<RawLink>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawFacts {
    eu_member: Option<bool>,
    schengen: Option<bool>,
    benelux: Option<bool>,
    land_border_nl: Option<bool>,
    region: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawValue {
    Number(f64),
    Detailed(RawDetailed),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDetailed {
    value: Option<f64>,
    #[serde(default)]
    missing: bool,
    note: Option<String>,
    #[serde(flatten)]
    evidence: RawEvidence,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPhenomenon {
    phenomenon: String,
    intensity: f64,
    roles: Vec<Role>,
    trend: Trend,
    #[serde(flatten)]
    evidence: RawEvidence,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLink {
    to: String,
    access: f64,
    note: Option<String>,
}

impl RawEvidence {
    /// Fills absent fields from `defaults`, reporting what is still absent or malformed.
    fn resolve(&self, defaults: &RawEvidence, field: &str, issues: &mut Issues) -> Evidence {
        let source = self.source.clone().or_else(|| defaults.source.clone());
        let date = self.date.clone().or_else(|| defaults.date.clone());
        let confidence = self.confidence.or(defaults.confidence);
        let marking = self.marking.or(defaults.marking);
        let mut need = |name: &str| {
            issues.push(
                IssueCode::Missing,
                format!("{field}.{name}"),
                "",
                format!("no evidence {name}: give it here or in [defaults]"),
            )
        };
        if source.is_none() {
            need("source");
        }
        if confidence.is_none() {
            need("confidence");
        }
        if marking.is_none() {
            need("marking");
        }
        let parsed_date = match &date {
            None => {
                need("date");
                None
            }
            Some(d) => match Date::parse(d) {
                Ok(d) => Some(d),
                Err(m) => {
                    issues.push(IssueCode::OutOfRange, format!("{field}.date"), d, m);
                    None
                }
            },
        };
        Evidence {
            source: source.unwrap_or_default().into(),
            date: parsed_date.unwrap_or(Date {
                year: 1970,
                month: 1,
                day: 1,
            }),
            confidence: confidence.unwrap_or(Confidence::Low),
            marking: marking.unwrap_or(Marking::Unclassified),
        }
    }
}

impl RawSet {
    fn validate(self, origin: &str) -> Result<AssessmentSet, Error> {
        let mut issues = Issues::default();
        if self.country.is_empty() {
            issues.push(
                IssueCode::Missing,
                "country",
                "",
                "no [[country]] entries: an assessment set needs at least one country",
            );
        }
        if let Some(d) = &self.defaults.date {
            if let Err(m) = Date::parse(d) {
                issues.push(IssueCode::OutOfRange, "defaults.date", d, m);
            }
        }
        let mut seen: BTreeSet<CountryCode> = BTreeSet::new();
        let mut countries = Vec::with_capacity(self.country.len());
        for (i, raw) in self.country.iter().enumerate() {
            let label = format!("country[{i}]");
            let code = match CountryCode::parse(&raw.code) {
                Ok(c) => c,
                Err(m) => {
                    issues.push(
                        IssueCode::UnknownCountry,
                        format!("{label}.code"),
                        &raw.code,
                        m,
                    );
                    continue;
                }
            };
            let label = format!("country[{code}]");
            if !seen.insert(code) {
                issues.push(
                    IssueCode::Duplicate,
                    format!("{label}.code"),
                    code,
                    "this country appears more than once; merge the entries",
                );
                continue;
            }
            countries.push(raw.validate(code, &label, &self.defaults, &mut issues));
        }
        // Springboard targets and accreditation hosts must be assessed countries.
        for c in &countries {
            for link in &c.springboard {
                if !seen.contains(&link.to) {
                    issues.push(
                        IssueCode::UnknownCountry,
                        format!("country[{}].springboard.to", c.code),
                        link.to,
                        "springboard target has no assessment in this set; add the country or remove the link",
                    );
                }
            }
        }
        countries.sort_by_key(|c| c.code);
        issues.finish(
            origin,
            AssessmentSet {
                meta: self.meta,
                countries,
            },
        )
    }
}

impl RawCountry {
    fn validate(
        &self,
        code: CountryCode,
        label: &str,
        defaults: &RawEvidence,
        issues: &mut Issues,
    ) -> CountryAssessment {
        let mut facts = code.facts().clone();
        let mut overridden = Vec::new();
        let f = &self.facts;
        for (name, value, slot) in [
            ("eu_member", f.eu_member, &mut facts.eu_member),
            ("schengen", f.schengen, &mut facts.schengen),
            ("benelux", f.benelux, &mut facts.benelux),
            (
                "land_border_nl",
                f.land_border_nl,
                &mut facts.land_border_nl,
            ),
        ] {
            if let Some(v) = value {
                if *slot != v {
                    overridden.push(name.to_string());
                }
                *slot = v;
            }
        }
        if let Some(r) = &f.region {
            match Region::from_id(r) {
                Some(region) => {
                    if facts.region != region {
                        overridden.push("region".to_string());
                    }
                    facts.region = region;
                }
                None => issues.push(
                    IssueCode::UnknownName,
                    format!("{label}.facts.region"),
                    r,
                    "unknown region; use a UN M49 sub-region id such as \"south_america\"",
                ),
            }
        }

        let mut hosts = Vec::new();
        for h in &self.accreditation_hosts {
            match CountryCode::parse(h) {
                Ok(c) if c == code => issues.push(
                    IssueCode::Contradiction,
                    format!("{label}.accreditation_hosts"),
                    h,
                    "a country cannot be accredited from itself; remove it",
                ),
                Ok(c) => hosts.push(c),
                Err(m) => issues.push(
                    IssueCode::UnknownCountry,
                    format!("{label}.accreditation_hosts"),
                    h,
                    m,
                ),
            }
        }
        hosts.sort();
        hosts.dedup();

        let mut phenomena: Vec<PhenomenonAssessment> = Vec::new();
        for (j, p) in self.phenomena.iter().enumerate() {
            let field = format!("{label}.phenomena[{j}]");
            let Some(phenomenon) = Phenomenon::from_id(&p.phenomenon) else {
                issues.push(
                    IssueCode::UnknownPhenomenon,
                    format!("{field}.phenomenon"),
                    &p.phenomenon,
                    format!(
                        "unknown phenomenon; use one of: {}",
                        Phenomenon::ALL.map(Phenomenon::id).join(", ")
                    ),
                );
                continue;
            };
            issues.check_range(
                &format!("{field}.intensity"),
                p.intensity,
                SCALE_MIN,
                SCALE_MAX,
            );
            if p.roles.is_empty() {
                issues.push(
                    IssueCode::Missing,
                    format!("{field}.roles"),
                    "",
                    "give at least one role: source, transit or destination",
                );
            }
            if phenomena.iter().any(|q| q.phenomenon == phenomenon) {
                issues.push(
                    IssueCode::Duplicate,
                    format!("{field}.phenomenon"),
                    phenomenon,
                    "phenomenon assessed twice for this country; merge the entries",
                );
                continue;
            }
            let mut roles = p.roles.clone();
            roles.sort();
            roles.dedup();
            phenomena.push(PhenomenonAssessment {
                phenomenon,
                intensity: p.intensity,
                roles,
                trend: p.trend,
                evidence: p.evidence.resolve(defaults, &field, issues),
            });
        }
        phenomena.sort_by_key(|p| p.phenomenon);

        let mut springboard: Vec<SpringboardLink> = Vec::new();
        for (j, l) in self.springboard.iter().enumerate() {
            let field = format!("{label}.springboard[{j}]");
            let to = match CountryCode::parse(&l.to) {
                Ok(c) => c,
                Err(m) => {
                    issues.push(IssueCode::UnknownCountry, format!("{field}.to"), &l.to, m);
                    continue;
                }
            };
            if to == code {
                issues.push(
                    IssueCode::Contradiction,
                    format!("{field}.to"),
                    to,
                    "a springboard link to the country itself; remove it",
                );
                continue;
            }
            if springboard.iter().any(|s| s.to == to) {
                issues.push(
                    IssueCode::Duplicate,
                    format!("{field}.to"),
                    to,
                    "springboard link given twice; keep one",
                );
                continue;
            }
            issues.check_range(&format!("{field}.access"), l.access, 0.0, 1.0);
            springboard.push(SpringboardLink {
                to,
                access: l.access,
                note: l.note.clone(),
            });
        }
        springboard.sort_by_key(|s| s.to);

        let mut criteria = BTreeMap::new();
        for (key, raw) in &self.criteria {
            let field = format!("{label}.criteria.{key}");
            let Some(criterion) = Criterion::from_id(key) else {
                issues.push(
                    IssueCode::UnknownCriterion,
                    field,
                    key,
                    format!(
                        "unknown criterion; use one of: {}",
                        Criterion::ALL.map(Criterion::id).join(", ")
                    ),
                );
                continue;
            };
            if !criterion.applies_to(facts.eu_member) {
                issues.push(
                    IssueCode::Contradiction,
                    field,
                    key,
                    "this criterion applies to EU member states only; remove it (or set facts.eu_member = true)",
                );
                continue;
            }
            if criterion == Criterion::CrimeRelation && !phenomena.is_empty() {
                issues.push(
                    IssueCode::Contradiction,
                    field,
                    key,
                    "crime_relation is derived from the phenomena given; remove either the value or the phenomena",
                );
                continue;
            }
            if criterion == Criterion::Springboard && !springboard.is_empty() {
                issues.push(
                    IssueCode::Contradiction,
                    field,
                    key,
                    "springboard is derived from the springboard links given; remove either the value or the links",
                );
                continue;
            }
            let assessed = match raw {
                RawValue::Number(v) => {
                    issues.check_range(&field, *v, SCALE_MIN, SCALE_MAX);
                    Assessed {
                        value: Some(*v),
                        evidence: RawEvidence::default().resolve(defaults, &field, issues),
                        note: None,
                    }
                }
                RawValue::Detailed(d) => {
                    match (d.value, d.missing) {
                        (Some(v), false) => {
                            issues.check_range(&format!("{field}.value"), v, SCALE_MIN, SCALE_MAX);
                        }
                        (None, true) => {}
                        (Some(v), true) => issues.push(
                            IssueCode::Contradiction,
                            format!("{field}.missing"),
                            v,
                            "a value and missing = true; keep one",
                        ),
                        (None, false) => issues.push(
                            IssueCode::Missing,
                            format!("{field}.value"),
                            "",
                            "no value; give one, or write missing = true to record that it is unknown",
                        ),
                    }
                    Assessed {
                        value: if d.missing { None } else { d.value },
                        evidence: d.evidence.resolve(defaults, &field, issues),
                        note: d.note.clone(),
                    }
                }
            };
            criteria.insert(criterion, assessed);
        }
        for criterion in Criterion::ALL {
            let derived = (criterion == Criterion::CrimeRelation && !phenomena.is_empty())
                || (criterion == Criterion::Springboard && !springboard.is_empty());
            if criterion.applies_to(facts.eu_member)
                && !derived
                && !criteria.contains_key(&criterion)
            {
                issues.push(
                    IssueCode::Missing,
                    format!("{label}.criteria.{}", criterion.id()),
                    "",
                    "criterion not given; give a value, or write { missing = true } to record that it is unknown",
                );
            }
        }

        CountryAssessment {
            code,
            data_sharing: self
                .data_sharing
                .unwrap_or_else(|| DataSharingBasis::default_for(&facts)),
            facts,
            overridden_facts: overridden,
            partner_liaison: self.partner_liaison,
            accreditation_hosts: hosts,
            criteria,
            phenomena,
            springboard,
            note: self.note.clone(),
        }
    }
}
