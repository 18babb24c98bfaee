//! Deterministic synthetic instances for benchmarks and property tests: realistic in shape
//! (skewed country values, regional work areas, some double-placement options), generated from
//! a seed by a small linear congruential generator so no dependency is needed.

use placement_core::country::all_countries;

use crate::model::{CandidatePost, CountryValue, Cover, Instance, PostOption, Staffing};

/// A tiny deterministic generator (PCG-style LCG with an output mix).
#[derive(Debug, Clone)]
pub struct Lcg(u64);

impl Lcg {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Lcg {
        Lcg(seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407))
    }

    /// Next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let x = self.0;
        (x ^ (x >> 33)).wrapping_mul(0xff51afd7ed558ccd) ^ (x >> 29)
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

/// A synthetic instance: `countries` real countries (the first of the reference table), `posts`
/// candidate posts in distinct host countries, each accredited for 1–8 countries of its region
/// (at factor 0.5) besides its host; about one post in five also offers a double placement;
/// costs 280,000 per liaison with ±20 % spread; values `100 × u³` (few countries matter most).
pub fn synthetic(countries: usize, posts: usize, seed: u64) -> Instance {
    let mut rng = Lcg::new(seed);
    let facts: Vec<_> = all_countries().iter().take(countries).collect();
    let countries_v: Vec<CountryValue> = facts
        .iter()
        .map(|f| {
            let u = rng.unit();
            CountryValue {
                code: f.code,
                name: f.name_en.clone(),
                region: f.region,
                value: 100.0 * u * u * u,
                police_share: rng.unit(),
                basis: "synthetic".to_string(),
            }
        })
        .collect();
    // Hosts: a deterministic shuffle of the countries, first `posts`.
    let mut order: Vec<usize> = (0..countries_v.len()).collect();
    for i in (1..order.len()).rev() {
        let j = rng.below(i + 1);
        order.swap(i, j);
    }
    let mut out = Vec::new();
    for &h in order.iter().take(posts) {
        let host = &countries_v[h];
        let same: Vec<usize> = (0..countries_v.len())
            .filter(|&i| i != h && countries_v[i].region == host.region)
            .collect();
        let k = 1 + rng.below(8);
        let mut area = vec![h];
        for _ in 0..k.min(same.len()) {
            area.push(same[rng.below(same.len())]);
        }
        area.sort_unstable();
        area.dedup();
        let cost = 280_000.0 * (0.8 + 0.4 * rng.unit());
        let single = if rng.unit() < 0.7 {
            Staffing::POLICE
        } else {
            Staffing::MARECHAUSSEE
        };
        let mut staffs = vec![single];
        if rng.unit() < 0.2 {
            staffs.push(Staffing::DOUBLE);
        }
        let options = staffs
            .into_iter()
            .map(|s| PostOption {
                staffing: s,
                cost: (cost * f64::from(s.total())).round(),
                covers: area
                    .iter()
                    .map(|&c| {
                        let fit = if s.is_double() {
                            1.0
                        } else {
                            let share = countries_v[c].police_share;
                            let own = if s.police > 0 { share } else { 1.0 - share };
                            own + 0.5 * (1.0 - own)
                        };
                        Cover {
                            country: c,
                            factor: fit * if c == h { 1.0 } else { 0.5 },
                        }
                    })
                    .collect(),
            })
            .collect();
        out.push(CandidatePost {
            id: format!("{} synthetic", host.code),
            host: host.code,
            city: String::new(),
            region: host.region,
            existing: None,
            options,
            source: "synthetic".to_string(),
        });
    }
    let mut instance = Instance {
        title: format!("synthetic {countries} countries, {posts} posts, seed {seed}"),
        illustrative: true,
        countries: countries_v,
        posts: out,
    };
    instance.normalise();
    instance
}
