//! Shared helpers: synthetic assessment sets written as TOML, so every test reads like an input
//! an advisor would write.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use placement_core::{AssessmentSet, Engine, Evaluation, Evidence, Rulebook};

/// One synthetic country: a code, criterion values (every criterion defaults to 5; the
/// Europol channel is given only for EU members), and extra TOML lines for the country table.
pub struct C<'a> {
    pub code: &'a str,
    pub values: Vec<(&'a str, f64)>,
    pub extra: &'a str,
    pub phenomena: &'a str,
}

pub fn c<'a>(code: &'a str, values: &[(&'a str, f64)]) -> C<'a> {
    C {
        code,
        values: values.to_vec(),
        extra: "",
        phenomena: "",
    }
}

impl<'a> C<'a> {
    pub fn extra(mut self, extra: &'a str) -> Self {
        self.extra = extra;
        self
    }
    pub fn phenomena(mut self, p: &'a str) -> Self {
        self.phenomena = p;
        self
    }
}

const CRITERIA: [&str; 12] = [
    "crime_relation",
    "cooperation_volume",
    "political_relation",
    "socta",
    "eu_link",
    "lo_position",
    "reciprocity",
    "strategic_partnership",
    "cooperation_quality",
    "obstacles",
    "regional_importance",
    "rule_of_law",
];

/// Writes the TOML of an assessment set.
pub fn toml(countries: &[C]) -> String {
    let mut s = String::from(
        "[meta]\ntitle = \"test\"\nillustrative = true\nas_of = \"2025-01-01\"\n\n[defaults]\nsource = \"test\"\ndate = \"2024-06-01\"\nconfidence = \"medium\"\nmarking = \"unclassified\"\n",
    );
    for c in countries {
        s.push_str(&format!(
            "\n[[country]]\ncode = \"{}\"\n{}\n",
            c.code, c.extra
        ));
        let eu = placement_core::CountryCode::parse(c.code)
            .map(|k| k.facts().eu_member)
            .unwrap_or(false)
            || c.extra.contains("eu_member = true");
        let eu = eu && !c.extra.contains("eu_member = false");
        let get = |k: &str, d: f64| {
            c.values
                .iter()
                .find(|(n, _)| *n == k)
                .map_or(d, |(_, v)| *v)
        };
        s.push_str("[country.criteria]\n");
        for k in CRITERIA {
            if k == "crime_relation" && !c.phenomena.is_empty() {
                continue;
            }
            s.push_str(&format!("{k} = {}\n", get(k, 5.0)));
        }
        if !c.extra.contains("[[country.springboard]]") {
            s.push_str(&format!("springboard = {}\n", get("springboard", 5.0)));
        }
        if eu {
            s.push_str(&format!(
                "europol_channel = {}\n",
                get("europol_channel", 5.0)
            ));
        }
        s.push_str(c.phenomena);
    }
    s
}

/// Parses a set built from synthetic countries.
pub fn set(countries: &[C]) -> AssessmentSet {
    AssessmentSet::parse("test.toml", &toml(countries)).expect("valid synthetic set")
}

/// Evaluates under a rulebook.
pub fn eval(rules: &Rulebook, countries: &[C]) -> Evaluation {
    Engine::new(rules)
        .evaluate(&set(countries))
        .expect("evaluates")
}

/// The default rulebook with some rules switched off.
pub fn rules_without(id: &str, off: &[&str]) -> Rulebook {
    let mut r = Rulebook::embedded(id).unwrap();
    for o in off {
        r.set_rule_enabled(o, false)
            .unwrap_or_else(|e| panic!("cannot switch off {o}: {e}"));
    }
    r
}

/// The evidence of the first value of the set's first country: for changes made in tests.
pub fn evidence(set: &AssessmentSet) -> Evidence {
    set.countries()[0]
        .criteria
        .values()
        .next()
        .unwrap()
        .evidence
        .clone()
}
