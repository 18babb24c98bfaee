//! Country names in running text: the article and verb agreement a name takes in each
//! language ("De Verenigde Arabische Emiraten zijn", "Het Verenigd Koninkrijk is").

use crate::Lang;

/// Dutch names that are plural (take "de" and a plural verb).
fn nl_plural(nl: &str) -> bool {
    const ENDINGS: [&str; 10] = [
        "eilanden",
        "Emiraten",
        "Staten",
        "Filipijnen",
        "Comoren",
        "Seychellen",
        "Malediven",
        "Bahama's",
        "Marianen",
        "Antillen",
    ];
    ENDINGS.iter().any(|e| nl.ends_with(e)) || nl == "Faeröer"
}

fn nl_article(nl: &str) -> &'static str {
    if nl.starts_with("Verenigd Koninkrijk") {
        "het "
    } else if nl_plural(nl) || nl.contains("Republiek") {
        "de "
    } else {
        ""
    }
}

fn en_article(en: &str) -> &'static str {
    const THE: [&str; 8] = [
        "Philippines",
        "Bahamas",
        "Comoros",
        "Maldives",
        "Netherlands",
        "Seychelles",
        "Gambia",
        "Holy See",
    ];
    if en.starts_with("United")
        || en.ends_with("Islands")
        || en.contains("Republic")
        || THE.contains(&en)
    {
        "the "
    } else {
        ""
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

impl Lang {
    /// The country's name as it stands inside a sentence, with its article
    /// ("the United Kingdom", "het Verenigd Koninkrijk", "Colombia").
    pub fn country_in_text(self, en: &str, nl: &str) -> String {
        match self {
            Lang::En => format!("{}{en}", en_article(en)),
            Lang::Nl => format!("{}{nl}", nl_article(nl)),
        }
    }

    /// The country's name opening a sentence, followed by "is"/"zijn" as the name requires.
    ///
    /// ```
    /// use placement_text::Lang;
    /// assert_eq!(Lang::Nl.country_is("United Arab Emirates", "Verenigde Arabische Emiraten"),
    ///            "De Verenigde Arabische Emiraten zijn");
    /// assert_eq!(Lang::Nl.country_is("United Kingdom", "Verenigd Koninkrijk"), "Het Verenigd Koninkrijk is");
    /// assert_eq!(Lang::En.country_is("United Kingdom", "Verenigd Koninkrijk"), "The United Kingdom is");
    /// assert_eq!(Lang::Nl.country_is("Colombia", "Colombia"), "Colombia is");
    /// ```
    pub fn country_is(self, en: &str, nl: &str) -> String {
        let verb = match self {
            Lang::Nl if nl_plural(nl) => "zijn",
            _ => "is",
        };
        format!("{} {verb}", self.country_subject(en, nl))
    }

    /// The country's name opening a sentence ("Het Verenigd Koninkrijk", "The Philippines").
    pub fn country_subject(self, en: &str, nl: &str) -> String {
        capitalise(&self.country_in_text(en, nl))
    }
}
