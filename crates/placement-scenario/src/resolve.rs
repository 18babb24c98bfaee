//! Resolution: a scenario file (and the chain of scenarios it builds on) becomes a base
//! [`State`], a list of atomic [`Change`]s and the resolved [`State`] they produce.
//!
//! Every change is validated against the state as it stands when the change is reached, so
//! that a scenario may first make a country an EU member and then give its Europol value.
//! Every problem in every file of the chain is collected; input files are only read.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use placement_core::{AssessmentSet, Citation, Rulebook};
use placement_text::Lang;

use crate::builder::Builder;
use crate::change::Change;
use crate::error::{ProblemCode, Problems, ScenarioError};
use crate::expect::Expectation;
use crate::file::{looks_like_scenario, parse_text, RawScenario};
use crate::locate::Source;
use crate::resources::{Budget, Capacity, Posts};

/// Everything an evaluation and the network planner need: inputs, rules and resources.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct State {
    /// The assessment set.
    pub assessment: AssessmentSet,
    /// The rulebook.
    #[serde(skip)]
    pub rulebook: Rulebook,
    /// Liaison officers available.
    pub capacity: Capacity,
    /// Money available.
    pub budget: Budget,
    /// Posts locked in or ruled out.
    pub posts: Posts,
}

impl State {
    /// The default baseline: the embedded 2025 assessment under the default rulebook `p4-2019`,
    /// default capacity and budget, no locked posts.
    ///
    /// # Errors
    /// Only if the embedded data were invalid (ruled out by placement-core's tests).
    pub fn default_baseline() -> Result<State, placement_core::Error> {
        Ok(State::with(
            AssessmentSet::default_fixture()?,
            Rulebook::default_rulebook()?,
        ))
    }

    /// A state with default resources.
    pub fn with(assessment: AssessmentSet, rulebook: Rulebook) -> State {
        State {
            assessment,
            rulebook,
            capacity: Capacity::default(),
            budget: Budget::default(),
            posts: Posts::default(),
        }
    }
}

/// Who wrote a scenario, when, and what it models.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ScenarioMeta {
    /// Short name.
    pub name: String,
    /// What it models (and which seed passage).
    pub description: String,
    /// The description in Dutch (`description_nl`), if the author wrote one.
    pub description_nl: Option<String>,
    /// Author.
    pub author: String,
    /// Date written, `YYYY-MM-DD`.
    pub date: String,
    /// Seed passages it models.
    pub cites: Vec<Citation>,
}

/// A resolved scenario: its base, its changes and the state they produce.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Scenario {
    /// Name, description, author, date.
    pub meta: ScenarioMeta,
    /// The file it was read from.
    pub file: String,
    /// The names of the scenarios it builds on, root first, ending with its own.
    pub chain: Vec<String>,
    /// What the changes apply to: `default` or the base file.
    pub base_name: String,
    /// The state before this scenario's own changes (the parent scenario's result in a chain).
    pub base: State,
    /// This scenario's own changes, in the order they apply.
    pub changes: Vec<Change>,
    /// The state after the changes.
    pub state: State,
    /// Every file read to resolve it (scenarios, assessment sets, rulebooks, tables).
    pub inputs: Vec<PathBuf>,
    /// What this file states about its own outcome (`[[expect]]`; a parent's are its own).
    pub expect: Vec<Expectation>,
}

impl Scenario {
    /// Reads and resolves a scenario file and the chain it builds on.
    ///
    /// # Errors
    /// [`ScenarioError::Invalid`] listing every problem in every file of the chain, each with
    /// its file and line: malformed TOML/JSON/CSV, a missing base file, a cycle, unknown
    /// countries, criteria, phenomena or rules, values out of range, duplicate overrides.
    ///
    /// # Example
    /// ```no_run
    /// let s = placement_scenario::Scenario::load("fixtures/scenarios/brexit-2019.toml".as_ref())?;
    /// println!("{}: {} changes", s.meta.name, s.changes.len());
    /// # Ok::<(), placement_scenario::ScenarioError>(())
    /// ```
    pub fn load(path: &Path) -> Result<Scenario, ScenarioError> {
        let mut problems = Problems::default();
        let mut stack = Vec::new();
        let s = load_chain(path, &mut stack, &mut problems, None);
        match s {
            Some(s) if problems.is_empty() => Ok(s),
            _ => problems.finish(()).and_then(|()| {
                Err(ScenarioError::Invalid {
                    problems: Vec::new(),
                })
            }),
        }
    }

    /// Resolves a scenario from text; `file` names it (its extension selects TOML or JSON) and
    /// relative paths in it are resolved against `dir`.
    ///
    /// # Errors
    /// As [`Scenario::load`].
    pub fn parse(file: &str, text: &str, dir: &Path) -> Result<Scenario, ScenarioError> {
        let mut problems = Problems::default();
        let mut stack = Vec::new();
        let s = from_text(file, text, dir, &mut stack, &mut problems);
        match s {
            Some(s) if problems.is_empty() => Ok(s),
            _ => problems.finish(()).and_then(|()| {
                Err(ScenarioError::Invalid {
                    problems: Vec::new(),
                })
            }),
        }
    }
}

fn load_chain(
    path: &Path,
    stack: &mut Vec<PathBuf>,
    problems: &mut Problems,
    referrer: Option<(&str, usize)>,
) -> Option<Scenario> {
    let label = shown(path);
    let (rfile, rline) = referrer.unwrap_or((&label, 0));
    // The field the problem is reported at: the naming scenario's `base`, or the file itself.
    let field = if referrer.is_some() {
        "scenario.base"
    } else {
        "file"
    };
    let canon = match std::fs::canonicalize(path) {
        Ok(c) => c,
        Err(e) => {
            let hint = if referrer.is_some() {
                "check the path (relative to the scenario that names it)"
            } else {
                "check the path of the scenario file"
            };
            problems.push(
                ProblemCode::MissingFile,
                rfile,
                rline,
                field,
                format!("cannot find the scenario file {label}: {e}; {hint}"),
            );
            return None;
        }
    };
    if let Some(i) = stack.iter().position(|p| p == &canon) {
        let chain: Vec<String> = stack[i..]
            .iter()
            .chain(std::iter::once(&canon))
            .map(|p| p.display().to_string())
            .collect();
        problems.push(
            ProblemCode::Cycle,
            rfile,
            rline,
            "scenario.base",
            format!(
                "scenarios build on each other in a circle: {}; remove one of these `base` keys",
                chain.join(" -> ")
            ),
        );
        return None;
    }
    let text = match placement_core::io::read_input(path) {
        Ok(t) => t,
        Err(e) => {
            problems.push(
                ProblemCode::MissingFile,
                rfile,
                rline,
                field,
                Lang::En.error(&e),
            );
            return None;
        }
    };
    let dir = path.parent().map_or_else(PathBuf::new, Path::to_path_buf);
    stack.push(canon);
    let s = from_text(&label, &text, &dir, stack, problems);
    stack.pop();
    s.map(|mut s| {
        s.inputs.push(path.to_path_buf());
        s
    })
}

/// How a file is named in reports and messages, whatever the spelling it was given in: its
/// canonical path relative to the working directory when it lies inside it, else its canonical
/// path (the path as given when it cannot be resolved). So `x.toml`, `./x.toml` and
/// `/abs/x.toml` give the same report.
pub(crate) fn shown(path: &Path) -> String {
    let Ok(canon) = std::fs::canonicalize(path) else {
        return path.display().to_string();
    };
    let cwd = std::env::current_dir().and_then(std::fs::canonicalize);
    match cwd.as_ref().map(|c| canon.strip_prefix(c)) {
        Ok(Ok(rel)) => rel.display().to_string(),
        _ => canon.display().to_string(),
    }
}

/// Resolves `rel` against `dir`.
pub(crate) fn relative(dir: &Path, rel: &str) -> PathBuf {
    let p = Path::new(rel);
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        dir.join(p)
    }
}

fn from_text(
    file: &str,
    text: &str,
    dir: &Path,
    stack: &mut Vec<PathBuf>,
    problems: &mut Problems,
) -> Option<Scenario> {
    let raw: RawScenario = parse_text(file, text, problems)?;
    let src = Source::new(file, text);
    let header_line = src.section("scenario", None, 0);
    let base_line = src.key_in(header_line, "base");

    // The base: the default fixture, an assessment-set file, or another scenario.
    let mut inputs = Vec::new();
    let (base, base_name, mut chain) = match raw.scenario.base.as_deref() {
        None | Some("default") => match State::default_baseline() {
            Ok(s) => (s, "default".to_string(), Vec::new()),
            Err(e) => {
                problems.push(
                    ProblemCode::Rejected,
                    file,
                    0,
                    "scenario.base",
                    Lang::En.error(&e),
                );
                return None;
            }
        },
        Some(rel) => {
            let path = relative(dir, rel);
            let base_text = match placement_core::io::read_input(&path) {
                Ok(t) => t,
                Err(e) => {
                    problems.push(
                        ProblemCode::MissingFile,
                        file,
                        base_line,
                        "scenario.base",
                        format!(
                            "cannot read the base: {}; give a path relative to this file, or \"default\"",
                            Lang::En.error(&e)
                        ),
                    );
                    return None;
                }
            };
            let label = shown(&path);
            if looks_like_scenario(&label, &base_text) {
                let parent = load_chain(&path, stack, problems, Some((file, base_line)))?;
                inputs.extend(parent.inputs.iter().cloned());
                (parent.state, parent.meta.name, parent.chain)
            } else {
                match AssessmentSet::parse(&label, &base_text) {
                    Ok(set) => {
                        inputs.push(path.clone());
                        match Rulebook::default_rulebook() {
                            Ok(r) => (State::with(set, r), label, Vec::new()),
                            Err(e) => {
                                problems.push(
                                    ProblemCode::Rejected,
                                    file,
                                    0,
                                    "rulebook",
                                    Lang::En.error(&e),
                                );
                                return None;
                            }
                        }
                    }
                    Err(e) => {
                        core_problems(problems, &label, &e);
                        return None;
                    }
                }
            }
        }
    };
    chain.push(raw.scenario.name.clone());

    let mut b = Builder {
        src: &src,
        problems,
        work: base.clone(),
        changes: Vec::new(),
        date: raw.scenario.date.clone(),
        dir,
        inputs: &mut inputs,
        overridden: BTreeMap::new(),
    };
    if placement_core::evidence::Date::parse(&raw.scenario.date).is_err() {
        let line = b.src.key_in(header_line, "date");
        b.problem(
            ProblemCode::OutOfRange,
            line,
            "scenario.date",
            format!(
                "{:?} is not a date of the form YYYY-MM-DD",
                raw.scenario.date
            ),
        );
    }
    for c in &raw.scenario.cites {
        if !c.seed_is_known() {
            let line = b.src.line_of(&["cites", &c.seed]);
            b.problem(
                ProblemCode::UnknownName,
                line,
                "scenario.cites.seed",
                format!(
                    "\"{}\" is not one of the seed files",
                    placement_core::error::excerpt(&c.seed)
                ),
            );
        }
    }
    b.rulebook(raw.scenario.rulebook.as_deref(), header_line);
    b.countries(&raw);
    b.facts(&raw);
    b.overrides(&raw);
    b.tables(&raw);
    b.weights(&raw);
    b.priorities(&raw);
    b.rules(&raw);
    b.resources(&raw);
    let expect = b.expectations(&raw.expect, &base);

    let Builder { work, changes, .. } = b;
    Some(Scenario {
        meta: ScenarioMeta {
            name: raw.scenario.name,
            description: raw.scenario.description,
            description_nl: raw.scenario.description_nl,
            author: raw.scenario.author,
            date: raw.scenario.date,
            cites: raw.scenario.cites,
        },
        file: file.to_string(),
        chain,
        base_name,
        base,
        changes,
        state: work,
        inputs,
        expect,
    })
}

/// Maps a core error (from reading an assessment set or rulebook) to problems.
pub(crate) fn core_problems(problems: &mut Problems, file: &str, e: &placement_core::Error) {
    match e {
        placement_core::Error::Parse {
            line,
            message,
            format,
            ..
        } => problems.push(
            ProblemCode::Malformed,
            file,
            *line,
            "",
            format!("malformed {format}: {message}"),
        ),
        placement_core::Error::Invalid { issues, .. } => {
            for i in issues {
                problems.push(
                    ProblemCode::Rejected,
                    file,
                    0,
                    i.field.clone(),
                    Lang::En.issue(i),
                );
            }
        }
        other => problems.push(ProblemCode::Rejected, file, 0, "", Lang::En.error(other)),
    }
}

/// The JSON Schema of a scenario file (TOML or JSON), as [`Scenario::parse`] accepts it.
#[cfg(feature = "schema")]
pub fn schema(generator: schemars::SchemaGenerator) -> schemars::Schema {
    generator.into_root_schema_for::<crate::file::RawScenario>()
}
