//! The network model as data: countries with the value of covering them, candidate posts with
//! their staffing options, and plans (a choice of at most one option per post).
//!
//! Everything is index-based and sorted: countries by code, posts by id, so the same input
//! always gives the same model and the same plan.

use std::collections::BTreeMap;

use placement_core::{CountryCode, Organisation, Region};
use serde::{Deserialize, Serialize};

/// Default cost of one liaison per year, EUR (seed 000, R-COST-1).
pub const DEFAULT_COST_EUR: f64 = 280_000.0;

/// A country the network can cover, with the value of covering it fully.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CountryValue {
    /// The country.
    pub code: CountryCode,
    /// English name.
    pub name: String,
    /// World region.
    pub region: Region,
    /// Value of full coverage, `need × added_value / 100 × channel factor` (see `docs/network.md`).
    pub value: f64,
    /// Share of the police themes in the country's crime relation, 0–1 (0.5 when unknown).
    pub police_share: f64,
    /// Why the value is what it is (channel discounts applied), for the report.
    pub basis: String,
}

/// How many liaisons of each organisation an option posts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Staffing {
    /// Police (NP) liaisons.
    pub police: u32,
    /// Marechaussee (KMar) liaisons.
    pub marechaussee: u32,
}

impl Staffing {
    /// One police liaison.
    pub const POLICE: Staffing = Staffing {
        police: 1,
        marechaussee: 0,
    };
    /// One Marechaussee liaison.
    pub const MARECHAUSSEE: Staffing = Staffing {
        police: 0,
        marechaussee: 1,
    };
    /// A double placement: one of each (seed 001, R-POST-2).
    pub const DOUBLE: Staffing = Staffing {
        police: 1,
        marechaussee: 1,
    };

    /// The staffing of one liaison of `organisation` (`Both` is a double placement).
    pub fn of(organisation: Organisation) -> Staffing {
        match organisation {
            Organisation::Police => Staffing::POLICE,
            Organisation::Marechaussee => Staffing::MARECHAUSSEE,
            Organisation::Both => Staffing::DOUBLE,
        }
    }

    /// Liaisons in total: the places this option takes of the capacity.
    pub fn total(self) -> u32 {
        self.police.saturating_add(self.marechaussee)
    }

    /// Whether both organisations are present.
    pub fn is_double(self) -> bool {
        self.police > 0 && self.marechaussee > 0
    }

    /// Short label: `NP`, `KMar`, `NP+KMar`, `2×KMar`.
    pub fn label(self) -> String {
        let part = |n: u32, name: &str| match n {
            0 => None,
            1 => Some(name.to_string()),
            n => Some(format!("{n}×{name}")),
        };
        [part(self.police, "NP"), part(self.marechaussee, "KMar")]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join("+")
    }
}

/// One country an option covers and how strongly (0–1).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Cover {
    /// Index into [`Instance::countries`].
    pub country: usize,
    /// Coverage factor φ: theme fit × (1 in the host country, the accreditation factor elsewhere).
    pub factor: f64,
}

/// One way of staffing a post.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PostOption {
    /// Who is posted.
    pub staffing: Staffing,
    /// Cost per year, EUR.
    pub cost: f64,
    /// Countries covered, sorted by country index, each once.
    pub covers: Vec<Cover>,
}

/// A candidate post: a city with a Dutch representation and its staffing options.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CandidatePost {
    /// Stable id, e.g. `CO Bogotá`; posts are sorted by it.
    pub id: String,
    /// Host country.
    pub host: CountryCode,
    /// Post city (may be empty for a candidate post whose city is not chosen yet).
    pub city: String,
    /// Host's region.
    pub region: Region,
    /// The option that exists in the 2025 network, if the post exists.
    pub existing: Option<usize>,
    /// Options, at most one is chosen. Sorted by staffing.
    pub options: Vec<PostOption>,
    /// Where the post comes from (fixture row ids, or "candidate").
    pub source: String,
}

/// A network-planning instance: countries to cover and posts to choose from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Instance {
    /// Title for reports.
    pub title: String,
    /// Whether the values are illustrative (shown first in every output).
    pub illustrative: bool,
    /// Countries, sorted by code.
    pub countries: Vec<CountryValue>,
    /// Candidate posts, sorted by id.
    pub posts: Vec<CandidatePost>,
}

/// A chosen option: `(post index, option index)`.
pub type Choice = (usize, usize);

/// A network plan: at most one option per post.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Plan {
    /// Chosen options, sorted by post index.
    pub choices: Vec<Choice>,
    /// Value covered (each country counted once, at its best coverage).
    pub value: f64,
    /// Cost per year, EUR.
    pub cost: f64,
    /// Liaisons posted, by organisation.
    pub staffing: Staffing,
}

impl Instance {
    /// Index of a country.
    pub fn country_index(&self, code: CountryCode) -> Option<usize> {
        self.countries.binary_search_by(|c| c.code.cmp(&code)).ok()
    }

    /// Index of a post by id.
    pub fn post_index(&self, id: &str) -> Option<usize> {
        self.posts.binary_search_by(|p| p.id.as_str().cmp(id)).ok()
    }

    /// Sorts countries by code and posts by id and remaps cover indices; drops covers of
    /// unknown countries and keeps each country once per option (its best factor).
    pub fn normalise(&mut self) {
        let old: Vec<CountryCode> = self.countries.iter().map(|c| c.code).collect();
        self.countries.sort_by_key(|c| c.code);
        self.countries.dedup_by(|a, b| a.code == b.code);
        let remap: Vec<Option<usize>> = old.iter().map(|c| self.country_index(*c)).collect();
        self.posts.sort_by(|a, b| a.id.cmp(&b.id));
        for post in &mut self.posts {
            for option in &mut post.options {
                let mut best: BTreeMap<usize, f64> = BTreeMap::new();
                for cover in &option.covers {
                    if let Some(Some(i)) = remap.get(cover.country) {
                        let e = best.entry(*i).or_insert(0.0);
                        *e = e.max(cover.factor);
                    }
                }
                option.covers = best
                    .into_iter()
                    .map(|(country, factor)| Cover { country, factor })
                    .collect();
            }
        }
    }

    /// The plan of the given choices, with its value, cost and staffing.
    pub fn plan(&self, choices: &[Choice]) -> Plan {
        let mut choices = choices.to_vec();
        choices.sort_unstable();
        choices.dedup_by_key(|c| c.0);
        let mut cost = 0.0;
        let mut staffing = Staffing {
            police: 0,
            marechaussee: 0,
        };
        for &(p, o) in &choices {
            if let Some(option) = self.option(p, o) {
                cost += option.cost;
                staffing.police = staffing.police.saturating_add(option.staffing.police);
                staffing.marechaussee = staffing
                    .marechaussee
                    .saturating_add(option.staffing.marechaussee);
            }
        }
        Plan {
            value: self.value_of(&choices),
            choices,
            cost,
            staffing,
        }
    }

    /// One option.
    pub fn option(&self, post: usize, option: usize) -> Option<&PostOption> {
        self.posts.get(post).and_then(|p| p.options.get(option))
    }

    /// Best coverage factor per country under these choices.
    pub fn coverage(&self, choices: &[Choice]) -> Vec<f64> {
        let mut best = vec![0.0_f64; self.countries.len()];
        for &(p, o) in choices {
            if let Some(option) = self.option(p, o) {
                for c in &option.covers {
                    if let Some(b) = best.get_mut(c.country) {
                        *b = b.max(c.factor);
                    }
                }
            }
        }
        best
    }

    /// Value covered by these choices: `Σ_c value_c × max_{chosen p} φ_{p,c}`.
    pub fn value_of(&self, choices: &[Choice]) -> f64 {
        self.coverage(choices)
            .iter()
            .zip(&self.countries)
            .map(|(f, c)| f * c.value)
            .sum()
    }

    /// The choices of the 2025 network: every existing post with its existing option.
    pub fn existing_choices(&self) -> Vec<Choice> {
        self.posts
            .iter()
            .enumerate()
            .filter_map(|(i, p)| p.existing.filter(|&o| o < p.options.len()).map(|o| (i, o)))
            .collect()
    }
}
