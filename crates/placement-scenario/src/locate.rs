//! Finding the line of an offending key in a scenario's source text.
//!
//! Serde drops positions once a file is deserialised, so problems are located afterwards by
//! searching the text: each needle is looked for on or after the line where the previous one
//! was found (e.g. the `[[override]]` entry, then its `criterion` key). This works the same for
//! TOML and JSON and never fails: an unfound needle keeps the last line found.

/// The source text of one file, for locating keys.
#[derive(Debug, Clone)]
pub(crate) struct Source {
    /// The file name used in problems.
    pub(crate) file: String,
    json: bool,
    lines: Vec<String>,
    /// For each needle searched so far, the 1-based lines that contain it (ascending): a file
    /// of many entries is scanned once per needle, not once per entry.
    hits: std::cell::RefCell<std::collections::HashMap<String, Vec<usize>>>,
}

impl Source {
    pub(crate) fn new(file: &str, text: &str) -> Self {
        Source {
            file: file.to_string(),
            json: crate::file::is_json(file),
            lines: text.lines().map(str::to_string).collect(),
            hits: Default::default(),
        }
    }

    /// The 1-based line of the `n`-th (0-based) line that contains `needle`, searching from
    /// line `from` (1-based); 0 when there is none.
    pub(crate) fn nth_line_with(&self, needle: &str, n: usize, from: usize) -> usize {
        let mut hits = self.hits.borrow_mut();
        let lines = hits.entry(needle.to_string()).or_insert_with(|| {
            self.lines
                .iter()
                .enumerate()
                .filter(|(_, l)| l.contains(needle))
                .map(|(i, _)| i + 1)
                .collect()
        });
        let first = lines.partition_point(|&l| l < from.max(1));
        lines.get(first + n).copied().unwrap_or(0)
    }

    /// Follows the needles one after another (each on or after the previous hit) and returns
    /// the line of the last one found (0 when even the first is absent).
    pub(crate) fn line_of(&self, needles: &[&str]) -> usize {
        let mut line = 0;
        for needle in needles {
            match self.nth_line_with(needle, 0, line.max(1)) {
                0 => break,
                l => line = l,
            }
        }
        line
    }

    /// The first line of a table (`[name]`, or `"name"` in JSON), or of the `index`-th entry of
    /// an array of tables (`[[name]]`; in JSON the `index`-th `first_key` after `"name"`).
    pub(crate) fn section(&self, name: &str, array_first_key: Option<&str>, index: usize) -> usize {
        if self.json {
            let s = self.nth_line_with(&format!("\"{name}\""), 0, 1);
            match array_first_key {
                Some(k) if s > 0 => match self.nth_line_with(&format!("\"{k}\""), index, s) {
                    0 => s,
                    l => l,
                },
                _ => s,
            }
        } else if array_first_key.is_some() {
            self.nth_line_with(&format!("[[{name}]]"), index, 1)
        } else {
            match self.nth_line_with(&format!("[{name}]"), 0, 1) {
                0 => self.nth_line_with(name, 0, 1),
                l => l,
            }
        }
    }

    /// The line of `key` in the section that starts at `start` (or `start` itself).
    pub(crate) fn key_in(&self, start: usize, key: &str) -> usize {
        if start == 0 {
            return self.line_of(&[key]);
        }
        match self.nth_line_with(key, 0, start) {
            0 => start,
            l => l,
        }
    }
}

impl Source {
    /// The line of `key` as a key (`key =` in TOML, `"key"` in JSON) on or after `start` (or
    /// `start` itself): unlike [`Source::key_in`], `instrument` does not match `from_instrument`.
    pub(crate) fn key_line(&self, start: usize, key: &str) -> usize {
        let quoted = format!("\"{key}\"");
        self.lines
            .iter()
            .enumerate()
            .skip(start.saturating_sub(1))
            .find(|(_, l)| {
                let t = l.trim_start();
                t.contains(&quoted)
                    || t.strip_prefix(key)
                        .is_some_and(|rest| rest.trim_start().starts_with('='))
            })
            .map_or(start, |(i, _)| i + 1)
    }
}

/// 1-based line of a byte offset.
pub(crate) fn line_of_offset(text: &str, offset: usize) -> usize {
    text.get(..offset).unwrap_or(text).matches('\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn needles_are_followed_in_order() {
        let s = Source::new(
            "x.toml",
            "[[override]]\ncountry = \"GB\"\ncriterion = \"a\"\n[[override]]\ncountry = \"FR\"\ncriterion = \"a\"\n",
        );
        assert_eq!(s.line_of(&["\"FR\"", "criterion"]), 6);
        assert_eq!(
            s.key_in(s.section("override", Some("country"), 1), "criterion"),
            6
        );
        assert_eq!(s.line_of(&["nothing"]), 0);
        assert_eq!(line_of_offset("a\nb\nc", 4), 3);
        let j = Source::new("x.json", "{\"override\": [\n{\"country\": \"GB\",\n\"criterion\": \"a\"},\n{\"country\": \"FR\",\n\"criterion\": \"b\"}]}");
        assert_eq!(
            j.key_in(j.section("override", Some("country"), 1), "criterion"),
            5
        );
    }
}
