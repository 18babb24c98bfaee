//! Post ids as words. A post id is `"<ISO> <city>"` (`"PL Warsaw"`, the network file's English
//! city name) or `"<ISO> (candidate)"` for a post the plan may open; in Dutch the city takes its
//! Dutch name where it has one and a candidate is a *kandidaat*.

use crate::Lang;

/// English city names of the network file whose Dutch name differs.
const CITIES_NL: [(&str, &str); 15] = [
    ("Athens", "Athene"),
    ("Beijing", "Peking"),
    ("Beirut", "Beiroet"),
    ("Belgrade", "Belgrado"),
    ("Brussels", "Brussel"),
    ("Bucharest", "Boekarest"),
    ("Lisbon", "Lissabon"),
    ("London", "Londen"),
    ("Mexico City", "Mexico-Stad"),
    ("Moscow", "Moskou"),
    ("Paris", "Parijs"),
    ("Warsaw", "Warschau"),
    (
        "Brasília or São Paulo (undecided)",
        "Brasília of São Paulo (onbeslist)",
    ),
    ("Istanbul", "Istanboel"),
    ("Hong Kong", "Hongkong"),
];

impl Lang {
    /// A post id as the reader says it.
    ///
    /// ```
    /// use placement_text::Lang;
    /// assert_eq!(Lang::Nl.post("PL Warsaw"), "PL Warschau");
    /// assert_eq!(Lang::Nl.post("PK (candidate)"), "PK (kandidaat)");
    /// assert_eq!(Lang::En.post("PL Warsaw"), "PL Warsaw");
    /// assert_eq!(Lang::Nl.post("CO Bogotá"), "CO Bogotá");
    /// ```
    pub fn post(self, id: &str) -> String {
        let (host, place) = id.split_once(' ').unwrap_or((id, ""));
        if place == "(candidate)" {
            return format!("{host} ({})", self.pick("candidate", "kandidaat"));
        }
        let place = match self {
            Lang::En => place,
            Lang::Nl => CITIES_NL
                .iter()
                .find(|(en, _)| *en == place)
                .map_or(place, |(_, nl)| nl),
        };
        if place.is_empty() {
            host.to_string()
        } else {
            format!("{host} {place}")
        }
    }
}
