//! Building an [`Instance`] from the core engine's evaluation and the 2025 network fixture.
//!
//! * Country value: `v_c = need_c × added_value_c / 100 × ρ_c` — both questions of the placement
//!   model (is there a need for cooperation, and does a liaison add value over the existing
//!   channels) must be answered yes for a post to pay off, so the product, not the sum. `ρ_c` is
//!   the channel factor of the instrument the engine recommends (see [`ValueModel`]).
//! * Coverage factor of a post for a country: theme fit × (1 in the host country, `α` for an
//!   accredited country).
//! * Candidate posts: the Dutch (NP, KMar, unlabelled → NP) posts of the 2025 network with
//!   their work areas, plus one candidate post in every other assessed country, covering the
//!   host and the countries whose `accreditation_hosts` list it.

use std::collections::{BTreeMap, BTreeSet};

use placement_core::{CountryCode, Evaluation, Instrument, Organisation};
use serde::{Deserialize, Serialize};

use crate::error::NetworkError;
use crate::model::{
    CandidatePost, CountryValue, Cover, Instance, PostOption, Staffing, DEFAULT_COST_EUR,
};

/// The embedded 2025 network fixture (`fixtures/network-2025.json`).
pub const NETWORK_2025: &str = include_str!("../../../fixtures/network-2025.json");

/// Which countries a new candidate post can be accredited for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AccreditationRule {
    /// The host only.
    HostOnly,
    /// The host and the countries whose `accreditation_hosts` list it (the default).
    AccreditationHosts,
    /// The host and every assessed country of the same UN sub-region.
    SameRegion,
}

/// The documented parameters of the value model. Every factor is in `[0, 1]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ValueModel {
    /// `α`: coverage of an accredited country relative to the host (accreditation is weaker than
    /// presence; seed 001 R-ACC-2 makes an LO serve a region, not be present in it). 0.5.
    pub accreditation_factor: f64,
    /// `κ`: how strongly a single liaison covers the other organisation's themes (R-ORG-2: the
    /// working field covers all NP and KMar themes, the emphasis is the sender's). 0.5.
    pub other_theme_factor: f64,
    /// `ρ` when the engine recommends the Europol channel. 0.5.
    pub europol_factor: f64,
    /// `ρ` when the engine recommends a Benelux partner liaison: it handles legal assistance, one
    /// of the five LO tasks (R-TASK-1, R-BNL-1), so 4/5 of the need remains. 0.8.
    pub partner_factor: f64,
    /// `ρ` when the engine recommends a FILO working from the Netherlands. 0.5.
    pub filo_factor: f64,
    /// `ρ` when the engine recommends non-operational cooperation only. 0.5.
    pub capacity_building_factor: f64,
    /// `ρ` when the engine finds the regular channels sufficient. 0.25.
    pub none_factor: f64,
    /// A double placement is offered where the engine says `both`, or both theme relations are
    /// at least this (0–10; R-POST-2 «duidelijke operationele noodzaak»). 6.0.
    pub double_threshold: f64,
    /// Cost of one liaison per year, EUR (R-COST-1). 280,000.
    pub cost_per_liaison: f64,
    /// Per-post cost overrides (post id → cost per liaison), e.g. from a posts file.
    pub cost_overrides: BTreeMap<String, f64>,
    /// Accreditation of new candidate posts.
    pub accreditation: AccreditationRule,
}

impl Default for ValueModel {
    fn default() -> Self {
        ValueModel {
            accreditation_factor: 0.5,
            other_theme_factor: 0.5,
            europol_factor: 0.5,
            partner_factor: 0.8,
            filo_factor: 0.5,
            capacity_building_factor: 0.5,
            none_factor: 0.25,
            double_threshold: 6.0,
            cost_per_liaison: DEFAULT_COST_EUR,
            cost_overrides: BTreeMap::new(),
            accreditation: AccreditationRule::AccreditationHosts,
        }
    }
}

impl ValueModel {
    /// `ρ` for an instrument.
    pub fn channel_factor(&self, instrument: Instrument) -> f64 {
        match instrument {
            Instrument::PermanentLiaison | Instrument::Accreditation => 1.0,
            Instrument::EuropolChannel => self.europol_factor,
            Instrument::PartnerLiaison => self.partner_factor,
            Instrument::FlexibleLiaison => self.filo_factor,
            Instrument::CapacityBuilding => self.capacity_building_factor,
            Instrument::None => self.none_factor,
        }
    }

    /// Theme fit of a staffing for a country with police share `s`: 1 for a double placement,
    /// `s_o + κ (1 − s_o)` for a single organisation `o`.
    pub fn theme_fit(&self, staffing: Staffing, police_share: f64) -> f64 {
        let own = match (staffing.police > 0, staffing.marechaussee > 0) {
            (true, true) => return 1.0,
            (true, false) => police_share,
            (false, true) => 1.0 - police_share,
            (false, false) => return 0.0,
        };
        own + self.other_theme_factor * (1.0 - own)
    }
}

/// One row of the fixture's `liaison_officers`.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
struct RawLo {
    id: String,
    organisation: Option<String>,
    host_country_iso: String,
    post_city: String,
    #[serde(default)]
    covered_iso: Vec<String>,
    #[serde(default)]
    status: String,
}

#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
struct RawNetwork {
    title: String,
    liaison_officers: Vec<RawLo>,
}

/// A Dutch post of the 2025 network as read from the fixture.
#[derive(Debug, Clone)]
struct ExistingPost {
    rows: Vec<(String, Organisation, Vec<CountryCode>, bool)>, // id, org, area, realised
}

/// The instance built from an evaluation and a network fixture (JSON text).
///
/// # Errors
/// [`NetworkError::Fixture`] when the fixture does not parse or names an unknown host country.
pub fn build_instance(
    evaluation: &Evaluation,
    network_origin: &str,
    network_json: &str,
    model: &ValueModel,
) -> Result<Instance, NetworkError> {
    let fixture_err = |message: String| NetworkError::Fixture {
        origin: network_origin.to_string(),
        message,
    };
    let raw: RawNetwork =
        serde_json::from_str(network_json).map_err(|e| fixture_err(e.to_string()))?;
    let mut countries: Vec<CountryValue> = evaluation
        .records
        .iter()
        .filter(|r| r.country != CountryCode::netherlands())
        .map(|r| {
            let rho = model.channel_factor(r.instrument);
            let total = r.police_theme + r.marechaussee_theme;
            CountryValue {
                code: r.country,
                name: r.name_en.clone(),
                region: r.region,
                value: (r.need * r.added_value / 100.0 * rho).max(0.0),
                police_share: if total > 0.0 {
                    r.police_theme / total
                } else {
                    0.5
                },
                basis: format!(
                    "need {:.1} × added value {:.1} / 100 × ρ {:.2} ({})",
                    r.need, r.added_value, rho, r.instrument
                ),
            }
        })
        .collect();
    countries.sort_by_key(|c| c.code);
    let index = |code: CountryCode| countries.binary_search_by(|c| c.code.cmp(&code)).ok();

    // Dutch posts of 2025, grouped by host and city.
    let mut existing: BTreeMap<(CountryCode, String), ExistingPost> = BTreeMap::new();
    let mut problems = Vec::new();
    for lo in &raw.liaison_officers {
        let org = match lo.organisation.as_deref() {
            Some("NP") | None => Organisation::Police, // unlabelled rows read as NP (domain §2.17)
            Some("KMar") => Organisation::Marechaussee,
            _ => continue, // GPI: the Belgian partner network
        };
        let host = match CountryCode::parse(&lo.host_country_iso) {
            Ok(c) => c,
            Err(e) => {
                problems.push(format!("{}: {e}", lo.id));
                continue;
            }
        };
        let city = lo
            .post_city
            .split(" or ")
            .next()
            .unwrap_or_default()
            .trim()
            .to_string();
        let mut area: Vec<CountryCode> = lo
            .covered_iso
            .iter()
            .filter_map(|c| CountryCode::parse(c).ok())
            .collect();
        area.push(host);
        area.sort();
        area.dedup();
        let realised = lo.status != "decision_pending";
        existing
            .entry((host, city.clone()))
            .or_insert_with(|| ExistingPost { rows: Vec::new() })
            .rows
            .push((lo.id.clone(), org, area, realised));
    }
    if !problems.is_empty() {
        return Err(fixture_err(problems.join("; ")));
    }
    let record = |code: CountryCode| evaluation.record(code);
    let double_allowed = |code: CountryCode| {
        record(code).is_some_and(|r| {
            r.organisation == Some(Organisation::Both)
                || (r.police_theme >= model.double_threshold
                    && r.marechaussee_theme >= model.double_threshold)
        })
    };
    let cost_of = |id: &str, s: Staffing| {
        model
            .cost_overrides
            .get(id)
            .copied()
            .unwrap_or(model.cost_per_liaison)
            * f64::from(s.total())
    };
    let option = |id: &str, host: CountryCode, s: Staffing, area: &[CountryCode]| -> PostOption {
        let covers = area
            .iter()
            .filter_map(|&c| {
                let i = index(c)?;
                let place = if c == host {
                    1.0
                } else {
                    model.accreditation_factor
                };
                Some(Cover {
                    country: i,
                    factor: model.theme_fit(s, countries[i].police_share) * place,
                })
            })
            .collect();
        PostOption {
            staffing: s,
            cost: cost_of(id, s),
            covers,
        }
    };

    let mut posts = Vec::new();
    let mut dutch_hosts = BTreeSet::new();
    for ((host, city), ep) in &existing {
        dutch_hosts.insert(*host);
        let id = format!("{host} {city}");
        let realised: Vec<_> = ep.rows.iter().filter(|r| r.3).collect();
        let mut staff = Staffing {
            police: 0,
            marechaussee: 0,
        };
        for r in &realised {
            staff = add(staff, Staffing::of(r.1));
        }
        let union = |rows: &mut dyn Iterator<Item = &Vec<CountryCode>>| {
            let mut v: Vec<CountryCode> = rows.flatten().copied().collect();
            v.sort();
            v.dedup();
            v
        };
        let all_area = union(&mut ep.rows.iter().map(|r| &r.2));
        let area_of = |org: Organisation| {
            let a = union(&mut ep.rows.iter().filter(|r| r.1 == org).map(|r| &r.2));
            if a.is_empty() {
                all_area.clone()
            } else {
                a
            }
        };
        let mut options: Vec<PostOption> = Vec::new();
        let mut staffs: BTreeSet<Staffing> = BTreeSet::new();
        if staff.total() > 0 {
            staffs.insert(staff);
        }
        for org in [Organisation::Police, Organisation::Marechaussee] {
            if ep.rows.iter().any(|r| r.1 == org) {
                staffs.insert(Staffing::of(org));
            }
        }
        // Double placement: where 2025 has (or plans) both organisations at the post, or where
        // the engine's organisation rule or both theme relations call for it (R-POST-2).
        let has_both = ep.rows.iter().any(|r| r.1 == Organisation::Police)
            && ep.rows.iter().any(|r| r.1 == Organisation::Marechaussee);
        if has_both || double_allowed(*host) {
            staffs.insert(Staffing::DOUBLE);
        }
        let mut existing_index = None;
        for s in staffs {
            let area = if s == Staffing::POLICE {
                area_of(Organisation::Police)
            } else if s == Staffing::MARECHAUSSEE {
                area_of(Organisation::Marechaussee)
            } else {
                all_area.clone()
            };
            if s == staff {
                existing_index = Some(options.len());
            }
            options.push(option(&id, *host, s, &area));
        }
        posts.push(CandidatePost {
            id,
            host: *host,
            city: city.clone(),
            region: host.facts().region,
            existing: existing_index,
            options,
            source: ep
                .rows
                .iter()
                .map(|r| r.0.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        });
    }
    // New candidate posts in every other assessed country.
    for r in &evaluation.records {
        let host = r.country;
        if dutch_hosts.contains(&host) || host == CountryCode::netherlands() {
            continue;
        }
        let mut area = vec![host];
        match model.accreditation {
            AccreditationRule::HostOnly => {}
            AccreditationRule::AccreditationHosts => area.extend(
                evaluation
                    .records
                    .iter()
                    .filter(|o| o.accreditation_hosts.contains(&host))
                    .map(|o| o.country),
            ),
            AccreditationRule::SameRegion => area.extend(
                evaluation
                    .records
                    .iter()
                    .filter(|o| o.region == r.region)
                    .map(|o| o.country),
            ),
        }
        area.sort();
        area.dedup();
        let id = format!("{host} (candidate)");
        let single = match r.organisation {
            Some(Organisation::Marechaussee) => Staffing::MARECHAUSSEE,
            Some(Organisation::Police) => Staffing::POLICE,
            _ if r.marechaussee_theme > r.police_theme => Staffing::MARECHAUSSEE,
            _ => Staffing::POLICE,
        };
        let mut options = vec![option(&id, host, single, &area)];
        if double_allowed(host) {
            options.push(option(&id, host, Staffing::DOUBLE, &area));
        }
        options.sort_by_key(|o| o.staffing);
        posts.push(CandidatePost {
            id,
            host,
            city: String::new(),
            region: r.region,
            existing: None,
            options,
            source: "candidate".to_string(),
        });
    }
    let mut instance = Instance {
        title: format!("{} | {}", evaluation.input.title, raw.title),
        illustrative: evaluation.input.illustrative,
        countries,
        posts,
    };
    instance.normalise();
    Ok(instance)
}

fn add(a: Staffing, b: Staffing) -> Staffing {
    Staffing {
        police: a.police + b.police,
        marechaussee: a.marechaussee + b.marechaussee,
    }
}

/// The JSON Schema of a network fixture (`network --input`; `fixtures/network-2025.json`), as
/// [`build_instance`] reads it (fields it does not read are allowed).
#[cfg(feature = "schema")]
pub fn fixture_schema(generator: schemars::SchemaGenerator) -> schemars::Schema {
    generator.into_root_schema_for::<RawNetwork>()
}
