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
use crate::error::{
    parse_by_extension, read_file, Error, EvidencePart, FileKind, Issue, IssueArgs, Issues,
    Vocabulary,
};
use crate::evidence::{Confidence, Date, Evidence, Marking};
use crate::phenomenon::{Phenomenon, Role, Trend};

/// The legal basis for sharing police information with a country (seed 002, R-DP-2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    /// A third country that lost the EU's legal (assistance) instruments it used to be inside
    /// (the United Kingdom after Brexit; seed 002 "het vervallen van de EU wetgeving en de
    /// hierop gebaseerde (rechtshulp)instrumenten").
    pub lost_eu_instruments: bool,
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

/// One changed fact of a country: what [`AssessmentSet::set_fact`] and
/// [`CountryAssessment::apply_fact`] apply (scenarios' `[facts.XX]`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FactChange {
    /// EU membership.
    EuMember(bool),
    /// Full Schengen membership.
    Schengen(bool),
    /// A land border with the Netherlands.
    LandBorderNl(bool),
    /// UN M49 sub-region.
    Region(Region),
    /// A Benelux partner liaison covers the country.
    PartnerLiaison(bool),
    /// The country lost the EU's legal (assistance) instruments.
    LostEuInstruments(bool),
    /// The basis for information exchange.
    DataSharing(DataSharingBasis),
    /// Countries from whose posts it can be accredited.
    AccreditationHosts(Vec<CountryCode>),
    /// Springboard links (the springboard value becomes derived from them).
    Springboard(Vec<SpringboardLink>),
}

impl FactChange {
    /// The fact's id as written in files.
    pub fn id(&self) -> &'static str {
        match self {
            FactChange::EuMember(_) => "eu_member",
            FactChange::Schengen(_) => "schengen",
            FactChange::LandBorderNl(_) => "land_border_nl",
            FactChange::Region(_) => "region",
            FactChange::PartnerLiaison(_) => "partner_liaison",
            FactChange::LostEuInstruments(_) => "lost_eu_instruments",
            FactChange::DataSharing(_) => "data_sharing",
            FactChange::AccreditationHosts(_) => "accreditation_hosts",
            FactChange::Springboard(_) => "springboard",
        }
    }

    /// The new value as short text: `false`, `south_america`, `[BE, DE]`, `[ID 0.60]`.
    pub fn value_text(&self) -> String {
        let codes = |v: &[CountryCode]| {
            v.iter()
                .map(CountryCode::as_str)
                .collect::<Vec<_>>()
                .join(", ")
        };
        match self {
            FactChange::EuMember(b)
            | FactChange::Schengen(b)
            | FactChange::LandBorderNl(b)
            | FactChange::PartnerLiaison(b)
            | FactChange::LostEuInstruments(b) => b.to_string(),
            FactChange::Region(r) => r.id().to_string(),
            FactChange::DataSharing(d) => d.id().to_string(),
            FactChange::AccreditationHosts(v) => format!("[{}]", codes(v)),
            FactChange::Springboard(links) => format!(
                "[{}]",
                links
                    .iter()
                    .map(|l| format!("{} {}", l.to, l.access))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }
}

/// The origin label of errors from the checked mutators.
const MUTATOR_ORIGIN: &str = "<assessment set>";

impl CountryAssessment {
    /// Sets a criterion's value (keeping its evidence), as counterfactual scratch copies do.
    /// A criterion derived from parts (phenomena, springboard links) becomes a direct value.
    ///
    /// This is the unchecked, infallible path for a standalone copy that is re-evaluated many
    /// times (the explainer's counterfactuals): it never fails, but keeps the value on the scale:
    /// a value outside 0–10 is clamped into it and NaN leaves the criterion unchanged. It does
    /// not check that the criterion applies to the country. To change a value inside an
    /// [`AssessmentSet`], use the checked [`AssessmentSet::set_value`].
    pub fn set_value(&mut self, criterion: Criterion, value: f64, evidence: &Evidence) {
        if value.is_nan() {
            return;
        }
        let value = value.clamp(SCALE_MIN, SCALE_MAX);
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

    /// Sets a criterion's value, evidence and note after checking them: the value must be a
    /// finite number on the 0–10 scale and the criterion must apply to the country (EU-only
    /// criteria not to non-members). A criterion derived from parts (phenomena, springboard
    /// links) becomes a direct value. On error nothing changes.
    ///
    /// # Errors
    /// [`Error::Invalid`] with an [`IssueCode::NotFinite`](crate::IssueCode::NotFinite), [`IssueCode::OutOfRange`](crate::IssueCode::OutOfRange) or
    /// [`IssueCode::Contradiction`](crate::IssueCode::Contradiction) issue naming `country[XX].criteria.<id>.value`.
    pub fn try_set_value(
        &mut self,
        criterion: Criterion,
        value: f64,
        evidence: Evidence,
        note: Option<String>,
    ) -> Result<(), Error> {
        let mut issues = Issues::default();
        let field = format!("country[{}].criteria.{}", self.code, criterion.id());
        if check_applies(criterion, self.facts.eu_member, &field, &mut issues) {
            issues.check_range(&format!("{field}.value"), value, SCALE_MIN, SCALE_MAX);
        }
        issues.finish(MUTATOR_ORIGIN, ())?;
        self.set_value(criterion, value, &evidence);
        if let Some(a) = self.criteria.get_mut(&criterion) {
            a.evidence = evidence;
            a.note = note;
        }
        Ok(())
    }

    /// Applies a fact change and re-validates the country (hosts, links, criteria) as the file
    /// reader does; on error nothing changes. Springboard targets are not checked against a set
    /// here (a standalone copy has none); [`AssessmentSet::set_fact`] checks them.
    ///
    /// A change of `eu_member` to `true` records criteria that now apply but were never
    /// assessed as missing (so the rulebook's missing-value policy supplies them); a change to
    /// `false` keeps EU-only criteria, which the engine then ignores.
    ///
    /// # Errors
    /// [`Error::Invalid`] listing every problem: a self-link or duplicate link, an access
    /// outside 0–1, an accreditation host equal to the country, a criterion left unassessed.
    pub fn apply_fact(&mut self, fact: &FactChange) -> Result<(), Error> {
        let mut next = self.clone();
        next.apply_fact_unchecked(fact);
        let mut issues = Issues::default();
        check_country(&next, false, &mut issues);
        issues.finish(MUTATOR_ORIGIN, ())?;
        *self = next;
        Ok(())
    }

    fn apply_fact_unchecked(&mut self, fact: &FactChange) {
        let mark = |ca: &mut CountryAssessment, name: &str, differs: bool| {
            if differs && !ca.overridden_facts.iter().any(|f| f == name) {
                ca.overridden_facts.push(name.to_string());
            }
        };
        match fact {
            FactChange::EuMember(b) => {
                let differs = self.code.facts().eu_member != *b;
                self.facts.eu_member = *b;
                mark(self, "eu_member", differs);
                for c in Criterion::ALL {
                    let derived = (c == Criterion::CrimeRelation && !self.phenomena.is_empty())
                        || (c == Criterion::Springboard && !self.springboard.is_empty());
                    if c.applies_to(*b) && !derived && !self.criteria.contains_key(&c) {
                        if let Some(e) = self.criteria.values().next().map(|a| a.evidence.clone()) {
                            self.criteria.insert(
                                c,
                                Assessed {
                                    value: None,
                                    evidence: e,
                                    // No value and no note: renderers say "not assessed"
                                    // in the reader's language; core writes no prose.
                                    note: None,
                                },
                            );
                        }
                    }
                }
            }
            FactChange::Schengen(b) => {
                let differs = self.code.facts().schengen != *b;
                self.facts.schengen = *b;
                mark(self, "schengen", differs);
            }
            FactChange::LandBorderNl(b) => {
                let differs = self.code.facts().land_border_nl != *b;
                self.facts.land_border_nl = *b;
                mark(self, "land_border_nl", differs);
            }
            FactChange::Region(r) => {
                let differs = self.code.facts().region != *r;
                self.facts.region = *r;
                mark(self, "region", differs);
            }
            FactChange::PartnerLiaison(b) => self.partner_liaison = *b,
            FactChange::LostEuInstruments(b) => self.lost_eu_instruments = *b,
            FactChange::DataSharing(d) => self.data_sharing = *d,
            FactChange::AccreditationHosts(h) => {
                self.accreditation_hosts = h.clone();
                self.accreditation_hosts.sort();
                self.accreditation_hosts.dedup();
            }
            FactChange::Springboard(links) => {
                self.springboard = links.clone();
                self.springboard.sort_by_key(|l| l.to);
                if !links.is_empty() {
                    self.criteria.remove(&Criterion::Springboard);
                }
            }
        }
    }
}

/// Descriptive information about an assessment set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
///
/// The fields are private so the set keeps what validation established: at least one country,
/// sorted by code, no duplicates, every value finite and on its scale, every applicable criterion
/// given or marked missing, springboard links only to countries of the set (or, after
/// [`remove_country`](AssessmentSet::remove_country), to a removed one, which counts with zero
/// need). Read it with
/// [`meta`](AssessmentSet::meta), [`countries`](AssessmentSet::countries),
/// [`get`](AssessmentSet::get), [`len`](AssessmentSet::len) and [`iter`](AssessmentSet::iter);
/// change it only through the checked mutators [`set_value`](AssessmentSet::set_value),
/// [`set_fact`](AssessmentSet::set_fact), [`add_country`](AssessmentSet::add_country),
/// [`replace_country`](AssessmentSet::replace_country) and
/// [`remove_country`](AssessmentSet::remove_country), which re-validate what they touch and
/// change nothing when they fail.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AssessmentSet {
    meta: Meta,
    /// Shared between clones until one of them changes (a scenario's base and its resolved
    /// state, a what_if table's rows): a clone costs one reference count, a change copies once.
    countries: std::sync::Arc<Vec<CountryAssessment>>,
    #[serde(skip)]
    fingerprint: FingerprintCache,
}

/// The set's fingerprint, computed on first use and dropped by every change of the set (the
/// fields are private, so every change goes through a mutator that drops it). Two sets compare
/// equal whatever their caches hold.
#[derive(Debug, Clone, Default)]
struct FingerprintCache(std::sync::OnceLock<String>);

impl PartialEq for FingerprintCache {
    fn eq(&self, _: &FingerprintCache) -> bool {
        true
    }
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
        // Parsed once per process and cloned after (a scenario chain, a what_if table or a
        // fuzz run asks for it many times; a clone costs a small fraction of the parse).
        static PARSED: std::sync::OnceLock<AssessmentSet> = std::sync::OnceLock::new();
        if let Some(set) = PARSED.get() {
            return Ok(set.clone());
        }
        let set = AssessmentSet::parse(DEFAULT_FIXTURE_ORIGIN, DEFAULT_FIXTURE)?;
        Ok(PARSED.get_or_init(|| set).clone())
    }

    /// Parses and validates an assessment set; `origin` is the file name (its extension,
    /// `.toml` or `.json`, selects the format; a name starting with `<` is read as TOML).
    ///
    /// # Errors
    /// [`Error::Empty`], [`Error::Parse`] (with line and column) or [`Error::Invalid`] listing
    /// every problem found.
    pub fn parse(origin: &str, text: &str) -> Result<AssessmentSet, Error> {
        let raw: RawSet = parse_by_extension(origin, text, FileKind::AssessmentSet)?;
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
    ///
    /// Computed once and kept with the set until one of its mutators changes it, so evaluating
    /// one unchanged set many times (under several rulebooks, or in a loop) hashes it once.
    pub fn fingerprint(&self) -> String {
        use crate::par::*;
        self.fingerprint
            .0
            .get_or_init(|| {
                let per_country: Vec<[u8; 32]> =
                    self.countries.par_iter().map(crate::hash::sha256).collect();
                crate::hash::sha256_json(&(&self.meta, per_country))
            })
            .clone()
    }

    /// Drops the cached fingerprint: called by every mutator before it changes the set.
    fn changed(&mut self) {
        self.fingerprint = FingerprintCache::default();
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

    /// Builds a set from parts, validating every country as [`AssessmentSet::add_country`]
    /// does; the countries are sorted by code.
    ///
    /// # Errors
    /// [`Error::Invalid`] listing every problem: no countries, a duplicate code, and any problem
    /// of a country or of its springboard links.
    pub fn new(meta: Meta, mut countries: Vec<CountryAssessment>) -> Result<AssessmentSet, Error> {
        let mut issues = Issues::default();
        if countries.is_empty() {
            issues.push("country", "", IssueArgs::NoCountries);
        }
        countries.sort_by_key(|c| c.code);
        for w in countries.windows(2) {
            if let [a, b] = w {
                if a.code == b.code {
                    issues.push(
                        format!("country[{}].code", b.code),
                        b.code,
                        IssueArgs::DuplicateCountry,
                    );
                }
            }
        }
        for c in &mut countries {
            normalise(c);
        }
        for c in &countries {
            check_country(c, true, &mut issues);
        }
        let codes: BTreeSet<CountryCode> = countries.iter().map(|c| c.code).collect();
        for c in &countries {
            check_targets(c, |t| codes.contains(&t), &mut issues);
        }
        issues.finish(
            MUTATOR_ORIGIN,
            AssessmentSet {
                meta,
                countries: std::sync::Arc::new(countries),
                fingerprint: FingerprintCache::default(),
            },
        )
    }

    /// Descriptive information: title, whether illustrative, reference date.
    pub fn meta(&self) -> &Meta {
        &self.meta
    }

    /// The countries, sorted by code.
    pub fn countries(&self) -> &[CountryAssessment] {
        &self.countries
    }

    /// The number of countries.
    pub fn len(&self) -> usize {
        self.countries.len()
    }

    /// Whether the set has no countries (never true for a validated set; kept for symmetry
    /// with [`AssessmentSet::len`]).
    pub fn is_empty(&self) -> bool {
        self.countries.is_empty()
    }

    /// The countries in code order.
    pub fn iter(&self) -> std::slice::Iter<'_, CountryAssessment> {
        self.countries.iter()
    }

    /// The country codes in order.
    pub fn codes(&self) -> impl Iterator<Item = CountryCode> + '_ {
        self.countries.iter().map(|c| c.code)
    }

    /// Whether the set assesses this country.
    pub fn contains(&self, code: CountryCode) -> bool {
        self.index(code).is_some()
    }

    /// The assessment of one country.
    pub fn get(&self, code: CountryCode) -> Option<&CountryAssessment> {
        self.index(code).and_then(|i| self.countries.get(i))
    }

    fn index(&self, code: CountryCode) -> Option<usize> {
        self.countries.binary_search_by(|c| c.code.cmp(&code)).ok()
    }

    /// The index of `code`, or an [`IssueCode::UnknownCountry`](crate::IssueCode::UnknownCountry) error naming the field.
    fn index_or_err(&self, code: CountryCode, field: &str) -> Result<usize, Error> {
        self.index(code).ok_or_else(|| Error::Invalid {
            origin: MUTATOR_ORIGIN.to_string(),
            issues: vec![Issue::new(
                field,
                code,
                IssueArgs::NotInSet {
                    known: self.codes().collect(),
                },
            )],
        })
    }

    /// Sets one criterion value of a country, with its evidence and note, after the checks of
    /// [`CountryAssessment::try_set_value`] (finite, on the 0–10 scale, criterion applies to
    /// the country). A criterion derived from parts (phenomena, springboard links) becomes a
    /// direct value. On error the set is unchanged.
    ///
    /// # Errors
    /// [`Error::Invalid`] with an [`IssueCode::UnknownCountry`](crate::IssueCode::UnknownCountry), [`IssueCode::NotFinite`](crate::IssueCode::NotFinite),
    /// [`IssueCode::OutOfRange`](crate::IssueCode::OutOfRange) or [`IssueCode::Contradiction`](crate::IssueCode::Contradiction) issue.
    pub fn set_value(
        &mut self,
        code: CountryCode,
        criterion: Criterion,
        value: f64,
        evidence: Evidence,
        note: Option<String>,
    ) -> Result<(), Error> {
        let i = self.index_or_err(code, "country")?;
        self.changed();
        match std::sync::Arc::make_mut(&mut self.countries).get_mut(i) {
            Some(ca) => ca.try_set_value(criterion, value, evidence, note),
            None => Ok(()),
        }
    }

    /// Changes one fact of a country and re-validates it as
    /// [`CountryAssessment::apply_fact`] does; new springboard links must point to other
    /// countries of the set (see [`AssessmentSet::remove_country`] for links kept after a
    /// removal). On error the set is unchanged.
    ///
    /// # Errors
    /// [`Error::Invalid`]: an unknown country, or the problems the change would cause.
    pub fn set_fact(&mut self, code: CountryCode, fact: &FactChange) -> Result<(), Error> {
        let i = self.index_or_err(code, "country")?;
        let Some(current) = self.countries.get(i) else {
            return Ok(());
        };
        let mut next = current.clone();
        next.apply_fact(fact)?;
        let mut issues = Issues::default();
        check_targets(&next, |t| self.target_ok(i, t), &mut issues);
        issues.finish(MUTATOR_ORIGIN, ())?;
        self.changed();
        if let Some(slot) = std::sync::Arc::make_mut(&mut self.countries).get_mut(i) {
            *slot = next;
        }
        Ok(())
    }

    /// Adds a country, keeping the code order. The assessment is validated as the file reader
    /// validates a `[[country]]`: facts for the same code, accreditation hosts other than the
    /// country itself, phenomena and springboard links without duplicates and on their scales,
    /// links only to countries of the set, every criterion applicable to the country and on
    /// the 0–10 scale, every applicable criterion given (or marked missing). Hosts, phenomena
    /// and links are sorted. On error the set is unchanged.
    ///
    /// # Errors
    /// [`Error::Invalid`] listing every problem; [`IssueCode::Duplicate`](crate::IssueCode::Duplicate) when the country is
    /// already in the set.
    pub fn add_country(&mut self, mut country: CountryAssessment) -> Result<(), Error> {
        let mut issues = Issues::default();
        let at = match self
            .countries
            .binary_search_by(|c| c.code.cmp(&country.code))
        {
            Ok(_) => {
                issues.push(
                    format!("country[{}].code", country.code),
                    country.code,
                    IssueArgs::AlreadyInSet,
                );
                return issues.finish(MUTATOR_ORIGIN, ());
            }
            Err(at) => at,
        };
        normalise(&mut country);
        check_country(&country, true, &mut issues);
        let code = country.code;
        check_targets(&country, |t| t == code || self.contains(t), &mut issues);
        issues.finish(MUTATOR_ORIGIN, ())?;
        self.changed();
        std::sync::Arc::make_mut(&mut self.countries).insert(at, country);
        Ok(())
    }

    /// Replaces the assessment of a country already in the set, validated as
    /// [`AssessmentSet::add_country`] validates a new one; returns the old assessment. On error
    /// the set is unchanged.
    ///
    /// # Errors
    /// [`Error::Invalid`]: an unknown country, or every problem of the new assessment.
    pub fn replace_country(
        &mut self,
        mut country: CountryAssessment,
    ) -> Result<CountryAssessment, Error> {
        let i = self.index_or_err(country.code, &format!("country[{}].code", country.code))?;
        normalise(&mut country);
        let mut issues = Issues::default();
        check_country(&country, true, &mut issues);
        check_targets(&country, |t| self.target_ok(i, t), &mut issues);
        issues.finish(MUTATOR_ORIGIN, ())?;
        self.changed();
        match std::sync::Arc::make_mut(&mut self.countries).get_mut(i) {
            Some(slot) => Ok(std::mem::replace(slot, country)),
            None => Ok(country),
        }
    }

    /// Removes a country and returns its assessment. Refused for the last country. Other
    /// countries' springboard links to it are kept and count with zero need (as a scenario's
    /// `[countries] remove` documents); they stay acceptable to [`AssessmentSet::set_fact`] and
    /// [`AssessmentSet::replace_country`], which refuse only new links to countries outside the
    /// set. On error the set is unchanged.
    ///
    /// # Errors
    /// [`Error::Invalid`] with an [`IssueCode::UnknownCountry`](crate::IssueCode::UnknownCountry) or [`IssueCode::Missing`](crate::IssueCode::Missing) issue.
    pub fn remove_country(&mut self, code: CountryCode) -> Result<CountryAssessment, Error> {
        let i = self.index_or_err(code, "country")?;
        let mut issues = Issues::default();
        if self.countries.len() == 1 {
            issues.push("country", code, IssueArgs::LastCountry);
        }
        issues.finish(MUTATOR_ORIGIN, ())?;
        self.changed();
        Ok(std::sync::Arc::make_mut(&mut self.countries).remove(i))
    }

    /// Whether `to` may be a springboard target of the country at index `i`: a country of the
    /// set, or one the country already linked to before it was removed from the set.
    fn target_ok(&self, i: usize, to: CountryCode) -> bool {
        self.contains(to)
            || self
                .countries
                .get(i)
                .is_some_and(|c| c.springboard.iter().any(|l| l.to == to))
    }
}

impl<'a> IntoIterator for &'a AssessmentSet {
    type Item = &'a CountryAssessment;
    type IntoIter = std::slice::Iter<'a, CountryAssessment>;

    fn into_iter(self) -> Self::IntoIter {
        self.countries.iter()
    }
}

// ---------------------------------------------------------------------------------------------
// Validation rules, shared by the file reader and the checked mutators so they live once.

/// Sorts what the set keeps sorted: accreditation hosts (deduplicated), phenomena, links.
fn normalise(c: &mut CountryAssessment) {
    c.accreditation_hosts.sort();
    c.accreditation_hosts.dedup();
    c.phenomena.sort_by_key(|p| p.phenomenon);
    c.springboard.sort_by_key(|l| l.to);
}

/// A criterion given for a country it does not apply to (EU-only criteria for non-members).
fn check_applies(criterion: Criterion, eu_member: bool, field: &str, issues: &mut Issues) -> bool {
    if criterion.applies_to(eu_member) {
        return true;
    }
    issues.push(field, criterion.id(), IssueArgs::EuOnly);
    false
}

/// A direct value for a criterion that the country's phenomena or links already derive.
fn check_not_derived(
    criterion: Criterion,
    has_phenomena: bool,
    has_links: bool,
    field: &str,
    issues: &mut Issues,
) -> bool {
    if criterion == Criterion::CrimeRelation && has_phenomena {
        issues.push(field, criterion.id(), IssueArgs::DerivedFromPhenomena);
        return false;
    }
    if criterion == Criterion::Springboard && has_links {
        issues.push(field, criterion.id(), IssueArgs::DerivedFromLinks);
        return false;
    }
    true
}

/// Every applicable criterion that is not derived must be given (or marked missing).
fn check_complete(
    label: &str,
    eu_member: bool,
    has_phenomena: bool,
    has_links: bool,
    criteria: &BTreeMap<Criterion, Assessed>,
    issues: &mut Issues,
) {
    for criterion in Criterion::ALL {
        let derived = (criterion == Criterion::CrimeRelation && has_phenomena)
            || (criterion == Criterion::Springboard && has_links);
        if criterion.applies_to(eu_member) && !derived && !criteria.contains_key(&criterion) {
            issues.push(
                format!("{label}.criteria.{}", criterion.id()),
                "",
                IssueArgs::CriterionNotGiven,
            );
        }
    }
}

/// An accreditation host must be another country.
fn check_host(code: CountryCode, host: CountryCode, field: &str, issues: &mut Issues) -> bool {
    if host == code {
        issues.push(field, host, IssueArgs::SelfAccreditation);
        return false;
    }
    true
}

/// A springboard link must point to another country, once.
fn check_link(
    code: CountryCode,
    to: CountryCode,
    earlier: &[SpringboardLink],
    field: &str,
    issues: &mut Issues,
) -> bool {
    if to == code {
        issues.push(field, to, IssueArgs::SelfLink);
        return false;
    }
    if earlier.iter().any(|s| s.to == to) {
        issues.push(field, to, IssueArgs::DuplicateLink);
        return false;
    }
    true
}

/// A phenomenon's intensity and roles.
fn check_phenomenon_values(field: &str, intensity: f64, roles: &[Role], issues: &mut Issues) {
    issues.check_range(
        &format!("{field}.intensity"),
        intensity,
        SCALE_MIN,
        SCALE_MAX,
    );
    if roles.is_empty() {
        issues.push(format!("{field}.roles"), "", IssueArgs::NoRoles);
    }
}

/// A phenomenon assessed once per country.
fn check_new_phenomenon(
    field: &str,
    phenomenon: Phenomenon,
    earlier: &[PhenomenonAssessment],
    issues: &mut Issues,
) -> bool {
    if earlier.iter().any(|q| q.phenomenon == phenomenon) {
        issues.push(
            format!("{field}.phenomenon"),
            phenomenon,
            IssueArgs::DuplicatePhenomenon,
        );
        return false;
    }
    true
}

/// Springboard targets must be assessed countries of the set.
fn check_targets(c: &CountryAssessment, known: impl Fn(CountryCode) -> bool, issues: &mut Issues) {
    for link in &c.springboard {
        if !known(link.to) {
            issues.push(
                format!("country[{}].springboard.to", c.code),
                link.to,
                IssueArgs::LinkTargetNotInSet,
            );
        }
    }
}

/// Checks a typed country assessment by the rules the file reader applies to a `[[country]]`
/// (all but the set-level springboard targets, see [`check_targets`]). With `strict` off, EU-only
/// criteria kept after a change of `eu_member` to `false` are allowed (the engine ignores them).
fn check_country(c: &CountryAssessment, strict: bool, issues: &mut Issues) {
    let label = format!("country[{}]", c.code);
    if c.facts.code != c.code {
        issues.push(
            format!("{label}.facts.code"),
            c.facts.code,
            IssueArgs::FactsOfOtherCountry,
        );
    }
    for &h in &c.accreditation_hosts {
        check_host(c.code, h, &format!("{label}.accreditation_hosts"), issues);
    }
    for (j, p) in c.phenomena.iter().enumerate() {
        let field = format!("{label}.phenomena[{j}]");
        check_phenomenon_values(&field, p.intensity, &p.roles, issues);
        check_new_phenomenon(
            &field,
            p.phenomenon,
            c.phenomena.get(..j).unwrap_or(&[]),
            issues,
        );
    }
    for (j, l) in c.springboard.iter().enumerate() {
        let field = format!("{label}.springboard[{j}]");
        check_link(
            c.code,
            l.to,
            c.springboard.get(..j).unwrap_or(&[]),
            &format!("{field}.to"),
            issues,
        );
        issues.check_range(&format!("{field}.access"), l.access, 0.0, 1.0);
    }
    let eu = c.facts.eu_member;
    for (criterion, a) in &c.criteria {
        let field = format!("{label}.criteria.{}", criterion.id());
        if strict && !check_applies(*criterion, eu, &field, issues) {
            continue;
        }
        if !check_not_derived(
            *criterion,
            !c.phenomena.is_empty(),
            !c.springboard.is_empty(),
            &field,
            issues,
        ) {
            continue;
        }
        if let Some(v) = a.value {
            issues.check_range(&format!("{field}.value"), v, SCALE_MIN, SCALE_MAX);
        }
    }
    check_complete(
        &label,
        eu,
        !c.phenomena.is_empty(),
        !c.springboard.is_empty(),
        &c.criteria,
        issues,
    );
}

// ---------------------------------------------------------------------------------------------
// Raw file shapes. Ids stay strings here so validation can report every unknown one at once.

#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSet {
    meta: Meta,
    #[serde(default)]
    defaults: RawEvidence,
    #[serde(default)]
    country: Vec<RawCountry>,
}

#[derive(Deserialize, Default, Clone)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct RawEvidence {
    source: Option<String>,
    date: Option<String>,
    confidence: Option<Confidence>,
    marking: Option<Marking>,
}

#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct RawCountry {
    code: String,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    partner_liaison: bool,
    #[serde(default)]
    lost_eu_instruments: bool,
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct RawFacts {
    eu_member: Option<bool>,
    schengen: Option<bool>,
    benelux: Option<bool>,
    land_border_nl: Option<bool>,
    region: Option<String>,
}

#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
enum RawValue {
    Number(f64),
    Detailed(RawDetailed),
}

#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
        let mut need = |name: &str, part: EvidencePart| {
            issues.push(
                format!("{field}.{name}"),
                "",
                IssueArgs::NoEvidence { part },
            )
        };
        if source.is_none() {
            need("source", EvidencePart::Source);
        }
        if confidence.is_none() {
            need("confidence", EvidencePart::Confidence);
        }
        if marking.is_none() {
            need("marking", EvidencePart::Marking);
        }
        let parsed_date = match &date {
            None => {
                need("date", EvidencePart::Date);
                None
            }
            Some(d) => match Date::parse(d) {
                Ok(d) => Some(d),
                Err(_) => {
                    issues.push(format!("{field}.date"), d, IssueArgs::Date);
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
            issues.push("country", "", IssueArgs::NoCountries);
        }
        if let Some(d) = &self.defaults.date {
            if Date::parse(d).is_err() {
                issues.push("defaults.date", d, IssueArgs::Date);
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
                        format!("{label}.code"),
                        &raw.code,
                        IssueArgs::CountryCode { problem: m },
                    );
                    continue;
                }
            };
            let label = format!("country[{code}]");
            if !seen.insert(code) {
                issues.push(format!("{label}.code"), code, IssueArgs::DuplicateCountry);
                continue;
            }
            countries.push(raw.validate(code, &label, &self.defaults, &mut issues));
        }
        // Springboard targets and accreditation hosts must be assessed countries.
        for c in &countries {
            check_targets(c, |t| seen.contains(&t), &mut issues);
        }
        countries.sort_by_key(|c| c.code);
        issues.finish(
            origin,
            AssessmentSet {
                meta: self.meta,
                countries: std::sync::Arc::new(countries),
                fingerprint: FingerprintCache::default(),
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
                    format!("{label}.facts.region"),
                    r,
                    IssueArgs::one_of(Vocabulary::Region, &Region::ALL, Region::id),
                ),
            }
        }

        let mut hosts = Vec::new();
        for h in &self.accreditation_hosts {
            match CountryCode::parse(h) {
                Ok(c) => {
                    if check_host(code, c, &format!("{label}.accreditation_hosts"), issues) {
                        hosts.push(c);
                    }
                }
                Err(m) => issues.push(
                    format!("{label}.accreditation_hosts"),
                    h,
                    IssueArgs::CountryCode { problem: m },
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
                    format!("{field}.phenomenon"),
                    &p.phenomenon,
                    IssueArgs::one_of(Vocabulary::Phenomenon, &Phenomenon::ALL, Phenomenon::id),
                );
                continue;
            };
            check_phenomenon_values(&field, p.intensity, &p.roles, issues);
            if !check_new_phenomenon(&field, phenomenon, &phenomena, issues) {
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
                    issues.push(
                        format!("{field}.to"),
                        &l.to,
                        IssueArgs::CountryCode { problem: m },
                    );
                    continue;
                }
            };
            if !check_link(code, to, &springboard, &format!("{field}.to"), issues) {
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
                    field,
                    key,
                    IssueArgs::one_of(Vocabulary::Criterion, &Criterion::ALL, Criterion::id),
                );
                continue;
            };
            if !check_applies(criterion, facts.eu_member, &field, issues)
                || !check_not_derived(
                    criterion,
                    !phenomena.is_empty(),
                    !springboard.is_empty(),
                    &field,
                    issues,
                )
            {
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
                        (Some(v), true) => {
                            issues.push(format!("{field}.missing"), v, IssueArgs::ValueAndMissing)
                        }
                        (None, false) => {
                            issues.push(format!("{field}.value"), "", IssueArgs::NoValue)
                        }
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
        check_complete(
            label,
            facts.eu_member,
            !phenomena.is_empty(),
            !springboard.is_empty(),
            &criteria,
            issues,
        );

        CountryAssessment {
            code,
            data_sharing: self
                .data_sharing
                .unwrap_or_else(|| DataSharingBasis::default_for(&facts)),
            facts,
            overridden_facts: overridden,
            partner_liaison: self.partner_liaison,
            lost_eu_instruments: self.lost_eu_instruments,
            accreditation_hosts: hosts,
            criteria,
            phenomena,
            springboard,
            note: self.note.clone(),
        }
    }
}
