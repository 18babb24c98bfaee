//! Validation issues and the core's errors in words: what is wrong and how to fix it.
//!
//! `placement-core` reports an [`Issue`] as data only (a code, the field path, a bounded excerpt
//! of the offending value and typed [`IssueArgs`]); these functions write the sentence, in
//! English or Dutch. Every line names the file (the error's origin), the field and the value.

use placement_core::error::{
    CodeProblem, EvidencePart, FileKind, FileType, Issue, IssueArgs, ParamTable, Vocabulary,
};
use placement_core::{Error, Side};

use crate::Lang;

/// At most this many accepted ids are listed in one message (then "… (N more)").
const LIST_MAX: usize = 30;

/// A number as short as it is exact (`10`, `0.5`), in the language's style.
fn plain(lang: Lang, x: f64) -> String {
    let s = format!("{x}");
    match lang {
        Lang::En => s,
        Lang::Nl => s.replace('.', ","),
    }
}

/// `a, b, c` (at most [`LIST_MAX`], then how many more).
fn list<S: AsRef<str>>(lang: Lang, items: &[S]) -> String {
    let shown: Vec<&str> = items.iter().take(LIST_MAX).map(AsRef::as_ref).collect();
    let mut out = shown.join(", ");
    if items.len() > LIST_MAX {
        let more = items.len() - LIST_MAX;
        out.push_str(&match lang {
            Lang::En => format!(", … ({more} more)"),
            Lang::Nl => format!(", … (nog {more})"),
        });
    }
    out
}

impl Lang {
    /// One issue as a line: `field = "value": what is wrong; how to fix it`.
    ///
    /// ```
    /// use placement_core::error::{Issue, IssueArgs};
    /// use placement_text::Lang;
    ///
    /// let i = Issue::new("country[0].criteria.socta", 11, IssueArgs::OutsideScale { min: 0.0, max: 10.0 });
    /// assert_eq!(
    ///     Lang::En.issue(&i),
    ///     "country[0].criteria.socta = \"11\": outside the scale 0 to 10; give a value in that range"
    /// );
    /// assert_eq!(
    ///     Lang::Nl.issue(&i),
    ///     "country[0].criteria.socta = \"11\": buiten de schaal 0 tot en met 10; geef een waarde binnen dat bereik"
    /// );
    /// ```
    pub fn issue(self, issue: &Issue) -> String {
        let problem = self.issue_problem(&issue.args);
        match &issue.value {
            Some(v) => format!("{} = \"{v}\": {problem}", issue.field),
            None => format!("{}: {problem}", issue.field),
        }
    }

    /// What an issue's arguments say is wrong, and how to fix it.
    pub fn issue_problem(self, args: &IssueArgs) -> String {
        use IssueArgs as A;
        let en = self == Lang::En;
        let s = |e: &str, n: &str| if en { e.to_string() } else { n.to_string() };
        match args {
            A::OutsideScale { min, max } => {
                let (lo, hi) = (plain(self, *min), plain(self, *max));
                if en {
                    format!("outside the scale {lo} to {hi}; give a value in that range")
                } else {
                    format!("buiten de schaal {lo} tot en met {hi}; geef een waarde binnen dat bereik")
                }
            }
            A::NotANumber { min, max } => {
                let (lo, hi) = (plain(self, *min), plain(self, *max));
                if en {
                    format!("not a number; give a number from {lo} to {hi}")
                } else {
                    format!("geen getal; geef een getal van {lo} tot en met {hi}")
                }
            }
            A::ThresholdNotFinite => s(
                "a threshold must be a finite number; write one such as 6.0",
                "een drempel moet een eindig getal zijn; schrijf er een zoals 6.0",
            ),
            A::OneOf {
                vocabulary,
                allowed,
            } => {
                let what = self.vocabulary(*vocabulary);
                let ids = list(self, allowed);
                if en {
                    format!("unknown {what}; use one of: {ids}")
                } else {
                    format!("onbekende {what}; gebruik een van: {ids}")
                }
            }
            A::CountryCode { problem } => self.code_problem(*problem),
            A::Date => s(
                "not a date of the form YYYY-MM-DD; write e.g. 2025-03-31",
                "geen datum in de vorm JJJJ-MM-DD; schrijf bijvoorbeeld 2025-03-31",
            ),
            A::NoCountries => s(
                "the assessment set has no countries; add at least one [[country]] entry",
                "de beoordelingsset bevat geen landen; voeg minstens één [[country]]-blok toe",
            ),
            A::DuplicateCountry => s(
                "this country appears more than once; merge the entries into one",
                "dit land komt meer dan eens voor; voeg de blokken samen tot één",
            ),
            A::AlreadyInSet => s(
                "this country is already in the set; change its values or replace the country instead",
                "dit land zit al in de set; wijzig de waarden of vervang het land",
            ),
            A::NotInSet { known } => {
                let codes: Vec<String> = known.iter().map(ToString::to_string).collect();
                let codes = list(self, &codes);
                if en {
                    format!("this country is not in the assessment set; add it first, or use one of: {codes}")
                } else {
                    format!("dit land zit niet in de beoordelingsset; voeg het eerst toe, of gebruik een van: {codes}")
                }
            }
            A::LastCountry => s(
                "the last country cannot be removed: an assessment set needs at least one country",
                "het laatste land kan niet weg: een beoordelingsset heeft minstens één land nodig",
            ),
            A::EuOnly => s(
                "this criterion applies to EU member states only; remove it (or set facts.eu_member = true)",
                "dit criterium geldt alleen voor EU-lidstaten; haal het weg (of zet facts.eu_member = true)",
            ),
            A::DerivedFromPhenomena => s(
                "crime_relation is derived from the phenomena given; remove either the value or the phenomena",
                "crime_relation wordt afgeleid uit de opgegeven fenomenen; haal de waarde of de fenomenen weg",
            ),
            A::DerivedFromLinks => s(
                "springboard is derived from the springboard links given; remove either the value or the links",
                "springboard wordt afgeleid uit de opgegeven springplankverbindingen; haal de waarde of de verbindingen weg",
            ),
            A::CriterionNotGiven => s(
                "criterion not given; give a value, or write { missing = true } to record that it is unknown",
                "criterium ontbreekt; geef een waarde, of schrijf { missing = true } om vast te leggen dat het onbekend is",
            ),
            A::ValueAndMissing => s(
                "both a value and missing = true; keep one of them",
                "zowel een waarde als missing = true; houd er één van over",
            ),
            A::NoValue => s(
                "no value; give one, or write missing = true to record that it is unknown",
                "geen waarde; geef er een, of schrijf missing = true om vast te leggen dat ze onbekend is",
            ),
            A::SelfAccreditation => s(
                "a country cannot be accredited from itself; remove it from the list",
                "een land kan niet vanuit zichzelf geaccrediteerd zijn; haal het uit de lijst",
            ),
            A::SelfLink => s(
                "a springboard link to the country itself; remove it",
                "een springplankverbinding naar het land zelf; haal haar weg",
            ),
            A::DuplicateLink => s(
                "springboard link given twice; keep one",
                "springplankverbinding staat er twee keer; houd er één over",
            ),
            A::LinkTargetNotInSet => s(
                "the springboard target has no assessment in this set; add the country or remove the link",
                "het doel van de springplankverbinding heeft geen beoordeling in deze set; voeg het land toe of haal de verbinding weg",
            ),
            A::NoRoles => s(
                "give at least one role: source, transit or destination",
                "geef minstens één rol: source (bron), transit (doorvoer) of destination (bestemming)",
            ),
            A::DuplicatePhenomenon => s(
                "phenomenon assessed twice for this country; merge the entries",
                "fenomeen twee keer beoordeeld voor dit land; voeg de blokken samen",
            ),
            A::FactsOfOtherCountry => s(
                "the facts are of another country; start from this country's reference facts",
                "de feiten horen bij een ander land; begin bij de referentiefeiten van dit land",
            ),
            A::NoEvidence { part } => {
                let what = self.evidence_part(*part);
                if en {
                    format!("no evidence {what}; give it here or in [defaults]")
                } else {
                    format!("{what} van de onderbouwing ontbreekt; geef die hier of in [defaults]")
                }
            }
            A::RejectPolicy => s(
                "no value, and the rulebook's missing-value policy is `reject`; assess the value or choose another policy",
                "geen waarde, en het regelboek weigert ontbrekende waarden (`reject`); beoordeel de waarde of kies een ander beleid",
            ),
            A::IncompatibleRulebook {
                made_with,
                made_with_hash,
                given,
                given_hash,
            } => {
                if en {
                    format!("the evaluation was made with rulebook {made_with} ({made_with_hash}), not {given} ({given_hash}); evaluate again with the same rulebook")
                } else {
                    format!("de evaluatie is gemaakt met regelboek {made_with} ({made_with_hash}), niet met {given} ({given_hash}); evalueer opnieuw met hetzelfde regelboek")
                }
            }
            A::RequiredOrBase => s(
                "required; give it, or name a `base` rulebook to inherit it from",
                "verplicht; geef het op, of noem een `base`-regelboek om het van over te nemen",
            ),
            A::NoCitation => s(
                "no citation; cite the seed passage that describes this regime",
                "geen bronvermelding; citeer de passage uit de bronstukken die dit regime beschrijft",
            ),
            A::NoQuote => s(
                "no quote; give a short verbatim quote from the seed file",
                "geen citaat; geef een kort letterlijk citaat uit het bronbestand",
            ),
            A::DuplicateRule => s(
                "a rule with this id already exists; give it a new id, or use a [[patch]] to change the existing one",
                "er bestaat al een regel met deze id; geef een nieuwe id, of wijzig de bestaande met een [[patch]]",
            ),
            A::NoSuchRule { rulebook, known } => {
                let ids = list(self, known);
                match (en, rulebook, known.is_empty()) {
                    (true, Some(b), false) => {
                        format!("no rule with this id in rulebook {b}; use one of: {ids}")
                    }
                    (true, _, _) => "no rule with this id; check the spelling (the rules are listed in docs/model.md)".to_string(),
                    (false, Some(b), false) => {
                        format!("geen regel met deze id in regelboek {b}; gebruik een van: {ids}")
                    }
                    (false, _, _) => "geen regel met deze id; controleer de spelling (de regels staan in docs/model.md)".to_string(),
                }
            }
            A::ComparesNothing { rule } => {
                if en {
                    format!("rule {rule} compares no criterion or metric with this id; use an id its condition compares")
                } else {
                    format!("regel {rule} vergelijkt geen criterium of maat met deze id; gebruik een id uit de voorwaarde")
                }
            }
            A::NotWeighed => s(
                "this criterion is read by rules only and is not weighed; remove the weight",
                "dit criterium wordt alleen door regels gelezen en niet gewogen; haal het gewicht weg",
            ),
            A::BadWeight => s(
                "a weight must be a finite number of at least 0; write one such as 0.1",
                "een gewicht moet een eindig getal van minstens 0 zijn; schrijf er een zoals 0.1",
            ),
            A::WeightMissing => s(
                "every weighed criterion needs a weight (0 is allowed); give one",
                "elk gewogen criterium heeft een gewicht nodig (0 mag); geef er een",
            ),
            A::SideSum { side, sum } => {
                let sum = plain(self, *sum);
                let side = match (en, side) {
                    (true, Side::Need) => "need",
                    (true, _) => "added-value",
                    (false, Side::Need) => "noodzaak",
                    (false, _) => "meerwaarde",
                };
                if en {
                    format!("the weights of the {side} side sum to {sum}; give them a positive sum")
                } else {
                    format!("de gewichten aan de {side}kant tellen op tot {sum}; geef ze een positieve som")
                }
            }
            A::EveryNeeds { table } => match (en, table) {
                (true, ParamTable::PhenomenonPriority) => {
                    "every phenomenon needs a priority between 0 and 1; give one".to_string()
                }
                (true, ParamTable::RoleFactor) => "every role needs a factor; give one".to_string(),
                (true, _) => "every trend needs a factor; give one".to_string(),
                (false, ParamTable::PhenomenonPriority) => {
                    "elk fenomeen heeft een prioriteit tussen 0 en 1 nodig; geef er een".to_string()
                }
                (false, ParamTable::RoleFactor) => {
                    "elke rol heeft een factor nodig; geef er een".to_string()
                }
                (false, _) => "elke trend heeft een factor nodig; geef er een".to_string(),
            },
            A::NoStatement => s(
                "every rule needs a plain-language statement in English and Dutch; write it",
                "elke regel heeft een uitleg in gewone taal nodig, in het Engels en het Nederlands; schrijf die",
            ),
            A::EffectWrongStage { stage } => {
                let stage = self.stage(*stage);
                if en {
                    format!("this effect cannot run in the {stage} stage; move the rule to a stage that decides it")
                } else {
                    format!("dit effect kan niet in de stap {stage}; zet de regel in de stap die dit beslist")
                }
            }
            A::DependsOnLaterStage { stage } => {
                let stage = self.stage(*stage);
                if en {
                    format!("depends on a rule of the later {stage} stage, which has not run yet; remove the condition or move the rule")
                } else {
                    format!("hangt af van een regel uit de latere stap {stage}, die nog niet gelopen heeft; haal de voorwaarde weg of verplaats de regel")
                }
            }
            A::DecidedLater { stage } => {
                let stage = self.stage(*stage);
                if en {
                    format!("tests what the {stage} stage decides before that stage has run; move the rule to a later stage")
                } else {
                    format!("toetst wat de stap {stage} beslist voordat die stap gelopen heeft; verplaats de regel naar een latere stap")
                }
            }
            A::NetworkOnly => s(
                "this fact is known only in the network stage; move the rule there",
                "dit feit is pas in de netwerkstap bekend; verplaats de regel daarheen",
            ),
            A::Cycle { rules } => {
                let chain = rules.join(" → ");
                if en {
                    format!("these rules depend on each other in a circle ({chain}, through `fired`); break the cycle")
                } else {
                    format!("deze regels hangen in een kring van elkaar af ({chain}, via `fired`); doorbreek de kring")
                }
            }
            A::Conflict {
                stage,
                salience,
                first,
                second,
            } => {
                let (stage, a, b) = (self.stage(*stage), self.effect(first), self.effect(second));
                if en {
                    format!("both run in the {stage} stage at salience {salience} with different effects ({a} / {b}); give one a higher salience")
                } else {
                    format!("beide lopen in de stap {stage} met salience {salience} en verschillende effecten ({a} / {b}); geef er een een hogere salience")
                }
            }
            _ => s(
                "invalid; see the documentation of this field",
                "ongeldig; zie de documentatie van dit veld",
            ),
        }
    }

    /// What is wrong with a text read as a country code, and what to write instead.
    pub fn code_problem(self, problem: CodeProblem) -> String {
        let en = self == Lang::En;
        match problem {
            CodeProblem::NotTwoLetters if en => {
                "not a two-letter ISO 3166-1 alpha-2 code; write e.g. CO".to_string()
            }
            CodeProblem::NotTwoLetters => {
                "geen tweeletterige ISO 3166-1 alpha-2-code; schrijf bijvoorbeeld CO".to_string()
            }
            CodeProblem::UseInstead { code } => {
                let name = self.pick(&code.facts().name_en, &code.facts().name_nl).to_string();
                if en {
                    format!("not an ISO 3166-1 code; {name} is {code}")
                } else {
                    format!("geen ISO 3166-1-code; {name} is {code}")
                }
            }
            _ if en => "not an assigned ISO 3166-1 alpha-2 code (nor XK, Kosovo); check the spelling, e.g. GE for Georgia".to_string(),
            _ => "geen toegekende ISO 3166-1 alpha-2-code (noch XK, Kosovo); controleer de spelling, bijvoorbeeld GE voor Georgië".to_string(),
        }
    }

    /// A text that is not a country code, quoted as a bounded excerpt, with what to write.
    pub fn bad_country_code(self, text: &str, problem: CodeProblem) -> String {
        let text = placement_core::error::excerpt(text);
        format!("\"{text}\": {}", self.code_problem(problem))
    }

    /// A text that is not a date `YYYY-MM-DD`, quoted as a bounded excerpt, with what to write.
    pub fn bad_date(self, text: &str) -> String {
        let text = placement_core::error::excerpt(text);
        format!("\"{text}\": {}", self.issue_problem(&IssueArgs::Date))
    }

    /// The core's error as the text a person reads: the file, and for invalid content every
    /// issue on its own line.
    pub fn error(self, e: &Error) -> String {
        let en = self == Lang::En;
        match e {
            Error::Io { origin, source } => {
                if en {
                    format!("{origin}: cannot read the file: {source}; check the path and its permissions")
                } else {
                    format!("{origin}: kan het bestand niet lezen: {source}; controleer het pad en de rechten")
                }
            }
            Error::Empty { origin, expected } => {
                let what = self.file_kind(*expected);
                if en {
                    format!("{origin}: the file is empty; expected {what}")
                } else {
                    format!("{origin}: het bestand is leeg; verwacht werd {what}")
                }
            }
            Error::Parse {
                origin,
                format,
                line,
                column,
                message,
            } => {
                if en {
                    format!("{origin}:{line}:{column}: malformed {format}: {message}")
                } else {
                    format!("{origin}:{line}:{column}: onjuiste {format}: {message}")
                }
            }
            Error::Invalid { origin, issues } => {
                let n = issues.len();
                let mut out = match (en, n) {
                    (true, 1) => format!("{origin}: 1 problem found:"),
                    (true, _) => format!("{origin}: {n} problems found:"),
                    (false, 1) => format!("{origin}: 1 probleem gevonden:"),
                    (false, _) => format!("{origin}: {n} problemen gevonden:"),
                };
                let max = placement_core::error::MAX_LISTED;
                for i in issues.iter().take(max) {
                    out.push_str("\n  - ");
                    out.push_str(&self.issue(i));
                }
                if n > max {
                    out.push_str(&match en {
                        true => format!("\n  … and {} more", n - max),
                        false => format!("\n  … en nog {}", n - max),
                    });
                }
                out
            }
            Error::BadCountryCode { text, problem } => {
                let what = self.code_problem(*problem);
                if en {
                    format!("cannot read \"{text}\" as a country code: {what}")
                } else {
                    format!("kan \"{text}\" niet lezen als landcode: {what}")
                }
            }
            Error::UnknownFormat { origin } => {
                let m = self.pick(
                    "unknown file format; use a .toml or .json file",
                    "onbekend bestandsformaat; gebruik een .toml- of .json-bestand",
                );
                format!("{origin}: {m}")
            }
            Error::NotAFile { origin, kind } => {
                let what = self.file_type(*kind);
                if en {
                    format!("{origin}: is {what}, not a regular file; give the path of a file")
                } else {
                    format!(
                        "{origin}: is {what}, geen gewoon bestand; geef het pad van een bestand"
                    )
                }
            }
            Error::TooLarge {
                origin,
                size,
                limit,
            } => {
                let var = placement_core::io::MAX_INPUT_BYTES_VAR;
                match (en, size) {
                    (true, Some(s)) => format!("{origin}: {s} bytes, larger than the limit of {limit} bytes; raise it with {var}=BYTES if the input is genuine"),
                    (true, None) => format!("{origin}: input is larger than the limit of {limit} bytes; raise it with {var}=BYTES if the input is genuine"),
                    (false, Some(s)) => format!("{origin}: {s} bytes, groter dan de grens van {limit} bytes; verhoog die met {var}=BYTES als de invoer echt zo groot is"),
                    (false, None) => format!("{origin}: de invoer is groter dan de grens van {limit} bytes; verhoog die met {var}=BYTES als de invoer echt zo groot is"),
                }
            }
            Error::NotUtf8 {
                origin,
                line,
                offset,
            } => {
                if en {
                    format!("{origin}:{line}: not UTF-8 text (first bad byte at offset {offset}); save the file as UTF-8")
                } else {
                    format!("{origin}:{line}: geen UTF-8-tekst (eerste foute byte op positie {offset}); sla het bestand op als UTF-8")
                }
            }
            Error::OutputIsInput { output, input } => {
                if en {
                    format!("refusing to write {output}: it is the input {input} of this run; choose another output path")
                } else {
                    format!("{output} wordt niet geschreven: het is de invoer {input} van deze run; kies een ander uitvoerpad")
                }
            }
            Error::Write { origin, source } => {
                if en {
                    format!("{origin}: cannot write the file: {source}; check the directory exists and is writable")
                } else {
                    format!("{origin}: kan het bestand niet schrijven: {source}; controleer of de map bestaat en schrijfbaar is")
                }
            }
            other => other.to_string(),
        }
    }

    fn file_type(self, t: FileType) -> &'static str {
        let (en, nl) = match t {
            FileType::Directory => ("a directory", "een map"),
            FileType::Fifo => ("a FIFO (named pipe)", "een FIFO (named pipe)"),
            FileType::CharDevice => ("a character device", "een tekenapparaat"),
            FileType::BlockDevice => ("a block device", "een blokapparaat"),
            FileType::Socket => ("a socket", "een socket"),
            _ => ("something else", "iets anders"),
        };
        self.pick(en, nl)
    }

    /// The vocabulary an unknown name was looked up in, as a noun.
    pub fn vocabulary(self, v: Vocabulary) -> &'static str {
        let (en, nl) = match v {
            Vocabulary::Criterion => ("criterion", "criterium"),
            Vocabulary::Phenomenon => ("phenomenon", "fenomeen"),
            Vocabulary::Region => ("region (UN M49 sub-region)", "regio (VN M49-subregio)"),
            Vocabulary::Class => ("class", "klasse"),
            Vocabulary::Instrument => ("instrument", "instrument"),
            Vocabulary::Stage => ("stage", "stap"),
            Vocabulary::Metric => ("metric", "maat"),
            Vocabulary::Fact => ("fact", "feit"),
            Vocabulary::DataSharingBasis => ("data-sharing basis", "grondslag voor gegevensdeling"),
            Vocabulary::Operator => ("comparison", "vergelijking"),
            Vocabulary::Rulebook => ("embedded rulebook", "ingebouwd regelboek"),
            Vocabulary::SeedFile => ("seed file", "bronbestand"),
            _ => ("name", "naam"),
        };
        self.pick(en, nl)
    }

    fn evidence_part(self, p: EvidencePart) -> &'static str {
        let (en, nl) = match p {
            EvidencePart::Source => ("source", "de bron"),
            EvidencePart::Date => ("date", "de datum"),
            EvidencePart::Confidence => ("confidence", "de zekerheid"),
            EvidencePart::Marking => ("marking", "de rubricering"),
            _ => ("part", "een deel"),
        };
        self.pick(en, nl)
    }

    fn file_kind(self, k: FileKind) -> &'static str {
        let (en, nl) = match k {
            FileKind::AssessmentSet => ("an assessment set", "een beoordelingsset"),
            FileKind::Rulebook => ("a rulebook", "een regelboek"),
            _ => ("content", "inhoud"),
        };
        self.pick(en, nl)
    }
}
