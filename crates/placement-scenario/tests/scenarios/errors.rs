use std::path::PathBuf;

use placement_scenario::{output, ProblemCode, Scenario, ScenarioError};

fn tmpdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("placement-scenario-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn problems(r: Result<Scenario, ScenarioError>) -> Vec<placement_scenario::Problem> {
    match r {
        Err(e) => e.problems().to_vec(),
        Ok(_) => panic!("expected an error"),
    }
}

const HEAD: &str =
    "[scenario]\nname = \"t\"\ndescription = \"t\"\nauthor = \"t\"\ndate = \"2025-11-12\"\n";

#[test]
fn every_problem_is_reported_at_once_with_its_line() {
    let text = format!(
        "{HEAD}\n[[override]]\ncountry = \"ZZ\"\ncriterion = \"crime_relation\"\nvalue = 5\nsource = \"s\"\n\n[[override]]\ncountry = \"GB\"\ncriterion = \"nonsense\"\nvalue = 5\nsource = \"s\"\n\n[[override]]\ncountry = \"GB\"\ncriterion = \"obstacles\"\nvalue = 11\nsource = \"s\"\n\n[[override]]\ncountry = \"FR\"\ncriterion = \"obstacles\"\nvalue = 3\nsource = \"s\"\n\n[[override]]\ncountry = \"FR\"\ncriterion = \"obstacles\"\nvalue = 4\nsource = \"s\"\n\n[[rule]]\nid = \"R-NOPE\"\nenabled = false\n"
    );
    let p = problems(Scenario::parse("bad.toml", &text, ".".as_ref()));
    let codes: Vec<(ProblemCode, usize)> = p.iter().map(|p| (p.code, p.line)).collect();
    assert!(codes.contains(&(ProblemCode::UnknownCountry, 9)), "{p:#?}");
    assert!(
        codes.contains(&(ProblemCode::UnknownCriterion, 15)),
        "{p:#?}"
    );
    assert!(codes.contains(&(ProblemCode::OutOfRange, 21)), "{p:#?}");
    assert!(codes.contains(&(ProblemCode::Duplicate, 33)), "{p:#?}");
    assert!(codes.contains(&(ProblemCode::UnknownRule, 38)), "{p:#?}");
    assert!(p.iter().all(|p| p.file == "bad.toml"));
    let msg = ScenarioError::Invalid { problems: p }.to_string();
    assert!(msg.contains("bad.toml:33"), "{msg}");
}

#[test]
fn malformed_toml_json_and_csv_are_located() {
    let p = problems(Scenario::parse(
        "m.toml",
        &format!("{HEAD}\n[[override]\n"),
        ".".as_ref(),
    ));
    assert_eq!((p[0].code, p[0].line), (ProblemCode::Malformed, 7));
    let p = problems(Scenario::parse(
        "m.json",
        "{\"scenario\": {\n\"name\": 1,,\n}}",
        ".".as_ref(),
    ));
    assert_eq!((p[0].code, p[0].line), (ProblemCode::Malformed, 2));
    let dir = tmpdir("csv");
    std::fs::write(
        dir.join("t.csv"),
        "country,obstacles,source\nGB,6,s\nFR,\"open\n",
    )
    .unwrap();
    let text = format!("{HEAD}\n[[table]]\nfile = \"t.csv\"\n");
    let p = problems(Scenario::parse("c.toml", &text, &dir));
    assert_eq!(p[0].code, ProblemCode::Malformed);
    assert!(p[0].file.ends_with("t.csv") && p[0].line == 3, "{p:?}");
}

#[test]
fn missing_base_and_cycles_name_the_chain() {
    let dir = tmpdir("cycle");
    std::fs::write(
        dir.join("a.toml"),
        HEAD.replace(
            "\"t\"\ndescription",
            "\"a\"\nbase = \"b.toml\"\ndescription",
        ),
    )
    .unwrap();
    std::fs::write(
        dir.join("b.toml"),
        HEAD.replace(
            "\"t\"\ndescription",
            "\"b\"\nbase = \"a.toml\"\ndescription",
        ),
    )
    .unwrap();
    let p = problems(Scenario::load(&dir.join("a.toml")));
    assert_eq!(p[0].code, ProblemCode::Cycle);
    assert!(
        p[0].message.contains("a.toml") && p[0].message.contains("b.toml"),
        "{}",
        p[0].message
    );
    assert_eq!(p[0].line, 3);
    let p = problems(Scenario::parse(
        "x.toml",
        &HEAD.replace(
            "\"t\"\ndescription",
            "\"x\"\nbase = \"nowhere.toml\"\ndescription",
        ),
        &dir,
    ));
    assert_eq!((p[0].code, p[0].line), (ProblemCode::MissingFile, 3));
}

#[test]
fn indicator_file_is_rescaled_with_provenance() {
    let dir = tmpdir("index");
    // Synthetic indicator file: an index 0–100 where higher means more rule of law.
    std::fs::write(
        dir.join("index.csv"),
        "iso2;name;index\nGB;United Kingdom;80\nRU;Russia;12,5\nXX;nowhere;1\nNL;Netherlands;90\n",
    )
    .unwrap();
    let text = format!("{HEAD}\n[[table]]\nfile = \"index.csv\"\ncountry_column = \"iso2\"\nsource = \"synthetic index 2025\"\n[[table.map]]\ncolumn = \"index\"\ncriterion = \"rule_of_law\"\nfrom = [0, 100]\n");
    let r = Scenario::parse("i.toml", &text, &dir);
    // NL is not assessed: a mapped table skips countries outside the set only when the code
    // is unknown; an ISO code outside the set is reported.
    let p = problems(r);
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(
        (p[0].code, p[0].line),
        (placement_scenario::ProblemCode::UnknownCountry, 5)
    );
    std::fs::write(
        dir.join("index.csv"),
        "iso2;name;index\nGB;United Kingdom;80\nRU;Russia;12,5\n",
    )
    .unwrap();
    let s = Scenario::parse("i.toml", &text, &dir).unwrap();
    let gb = s
        .state
        .assessment
        .get(placement_core::CountryCode::parse("GB").unwrap())
        .unwrap();
    let a = &gb.criteria[&placement_core::Criterion::RuleOfLaw];
    assert_eq!(a.value, Some(8.0));
    assert!(
        a.evidence.source.contains("synthetic index 2025")
            && a.evidence.source.contains("rescaled")
    );
    let ru = s
        .state
        .assessment
        .get(placement_core::CountryCode::parse("RU").unwrap())
        .unwrap();
    assert_eq!(
        ru.criteria[&placement_core::Criterion::RuleOfLaw].value,
        Some(1.25)
    );
    assert_eq!(s.changes.len(), 2);
}

#[test]
fn outputs_are_atomic_and_never_overwrite_an_input() {
    let dir = tmpdir("out");
    let input = dir.join("in.toml");
    std::fs::write(&input, "keep").unwrap();
    let r = output::write_atomic(&input, "x", std::slice::from_ref(&input));
    assert!(matches!(r, Err(ScenarioError::OutputIsInput { .. })));
    assert_eq!(std::fs::read_to_string(&input).unwrap(), "keep");
    let out = dir.join("report.md");
    output::write_atomic(&out, "report", std::slice::from_ref(&input)).unwrap();
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "report");
}

#[test]
fn resolution_never_modifies_its_inputs() {
    let path = crate::fixture("brexit-2019.toml");
    let before: Vec<String> = ["brexit-2019.toml", "brexit-gb-in-eu-2016.toml"]
        .iter()
        .map(|f| std::fs::read_to_string(crate::fixture(f)).unwrap())
        .collect();
    let s = Scenario::load(&path).unwrap();
    assert_eq!(s.inputs.len(), 2);
    let after: Vec<String> = ["brexit-2019.toml", "brexit-gb-in-eu-2016.toml"]
        .iter()
        .map(|f| std::fs::read_to_string(crate::fixture(f)).unwrap())
        .collect();
    assert_eq!(before, after);
}
