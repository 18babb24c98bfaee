//! The seed documents as a person cites them: Kamerstuk number and date where known (mapped
//! once from `shared/domain/domain.md`, §0), never the hashed file name, which stays in JSON.

use crate::Lang;

/// (file, English citation, Dutch citation).
const SEEDS: [(&str, &str, &str); 5] = [
    (
        "000_7a9281a99aa0d45a.txt",
        "Kamerstuk 33 199, no. 43 (questions and answers on the policy review of international cooperation operations, 19 Nov 2020)",
        "Kamerstuk 33 199, nr. 43 (lijst van vragen en antwoorden bij de beleidsdoorlichting Internationale Samenwerkingsoperaties, 19 november 2020)",
    ),
    (
        "001_332791ad885a1c87.txt",
        "Kamerstuk 31 015, no. 94 (letter on police liaison officer policy, 9 Oct 2013)",
        "Kamerstuk 31 015, nr. 94 (brief over het beleid inzake politieliaisons, 9 oktober 2013)",
    ),
    (
        "002_442474070670836f.txt",
        "Kamerstuk 29 628, no. 895 (letter on the vision on international police cooperation, 2019)",
        "Kamerstuk 29 628, nr. 895 (brief over de visie op internationale politiesamenwerking, 2019)",
    ),
    (
        "003_d8968d7e6a3c294a.txt",
        "IPS annex to the Halfjaarbericht Politie 2025 (network overview 2025)",
        "IPS-bijlage bij het Halfjaarbericht Politie 2025 (netwerkoverzicht 2025)",
    ),
    (
        "004_a383759f08763564.txt",
        "IPS annex to the Halfjaarbericht Politie 2023",
        "IPS-bijlage bij het Halfjaarbericht Politie 2023",
    ),
];

impl Lang {
    /// How a seed document is cited in prose; an unknown file name is returned as given.
    ///
    /// ```
    /// use placement_text::Lang;
    /// assert!(Lang::Nl.seed_title("001_332791ad885a1c87.txt").starts_with("Kamerstuk 31 015, nr. 94"));
    /// ```
    pub fn seed_title(self, file: &str) -> &str {
        match SEEDS.iter().find(|(f, _, _)| *f == file) {
            Some((_, en, nl)) => self.pick(en, nl),
            None => file,
        }
    }

    /// `text` with every seed file name in it replaced by its citation (for authored text
    /// such as scenario descriptions and source notes).
    pub fn cite_seeds(self, text: &str) -> String {
        let mut out = text.to_string();
        for (f, en, nl) in SEEDS {
            out = out.replace(f, self.pick(en, nl));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_seed_file_has_a_citation() {
        for f in placement_core::citation::SEED_FILES {
            for lang in Lang::ALL {
                assert_ne!(lang.seed_title(f), f, "{f} has no citation");
            }
        }
    }
}
