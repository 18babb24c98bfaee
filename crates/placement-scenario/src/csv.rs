//! A small streaming CSV reader (RFC 4180: comma or semicolon separated, double-quoted
//! fields, `""` for a quote) that keeps the line of every record, so a bad cell is reported
//! with its line.
//!
//! Memory stays in proportion to one record: [`check`] reads the text once for malformations
//! and once for field counts, reporting each through a callback (the caller caps them), and
//! [`Reader`] then hands out one record at a time. Nothing of the file is held besides the
//! text itself.

use std::iter::Peekable;
use std::str::Chars;

/// One record: its 1-based line and its (trimmed) fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Record {
    pub(crate) line: usize,
    pub(crate) fields: Vec<String>,
}

/// A malformation: its line and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CsvError {
    pub(crate) line: usize,
    pub(crate) message: String,
}

/// Reads records one at a time. The separator is `;` when the header line has more semicolons
/// than commas (common in Dutch spreadsheets), else `,`. Blank lines are skipped.
pub(crate) struct Reader<'a> {
    chars: Peekable<Chars<'a>>,
    line: usize,
    sep: char,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `text` (a byte-order mark is skipped).
    pub(crate) fn new(text: &'a str) -> Self {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let first = text.lines().next().unwrap_or("");
        let sep = if first.matches(';').count() > first.matches(',').count() {
            ';'
        } else {
            ','
        };
        Reader {
            chars: text.chars().peekable(),
            line: 1,
            sep,
        }
    }

    /// The next non-blank record; malformations go to `error` (the record is still given).
    pub(crate) fn next_record(&mut self, error: &mut dyn FnMut(CsvError)) -> Option<Record> {
        while self.chars.peek().is_some() {
            let start = self.line;
            let mut fields = Vec::new();
            let mut field = String::new();
            let mut quoted = false;
            let mut was_quoted = false;
            loop {
                let Some(ch) = self.chars.next() else {
                    if quoted {
                        error(CsvError {
                            line: start,
                            message: "a quoted field is never closed; add the closing \""
                                .to_string(),
                        });
                    }
                    break;
                };
                if quoted {
                    match ch {
                        '"' if self.chars.peek() == Some(&'"') => {
                            self.chars.next();
                            field.push('"');
                        }
                        '"' => quoted = false,
                        '\n' => {
                            self.line += 1;
                            field.push('\n');
                        }
                        c => field.push(c),
                    }
                    continue;
                }
                match ch {
                    '"' if field.trim().is_empty() && !was_quoted => {
                        field.clear();
                        quoted = true;
                        was_quoted = true;
                    }
                    '"' => {
                        error(CsvError {
                            line: self.line,
                            message: "a quote inside an unquoted field; quote the whole field and double the inner quote".to_string(),
                        });
                    }
                    c if c == self.sep => {
                        fields.push(trimmed(std::mem::take(&mut field)));
                        was_quoted = false;
                    }
                    '\r' => {}
                    '\n' => {
                        self.line += 1;
                        break;
                    }
                    c => field.push(c),
                }
            }
            fields.push(trimmed(field));
            if fields.len() == 1 && fields[0].is_empty() {
                continue;
            }
            return Some(Record {
                line: start,
                fields,
            });
        }
        None
    }
}

fn trimmed(s: String) -> String {
    if s.trim().len() == s.len() {
        s
    } else {
        s.trim().to_string()
    }
}

/// Checks the whole text: first every malformation (an unclosed quote, a quote inside an
/// unquoted field, no header line), and only when there is none, every record whose number of
/// fields differs from the header's. Each goes to `error`. Returns the header when the text is
/// well-formed; then [`records`] reads its records.
pub(crate) fn check(text: &str, error: &mut dyn FnMut(CsvError)) -> Option<Vec<String>> {
    let mut bad = false;
    let mut header = None;
    {
        let mut reader = Reader::new(text);
        let mut note = |e: CsvError| {
            bad = true;
            error(e);
        };
        while let Some(r) = reader.next_record(&mut note) {
            if header.is_none() {
                header = Some(r.fields);
            }
        }
    }
    let Some(header) = header else {
        error(CsvError {
            line: 1,
            message: "no header line; the first line must name the columns".to_string(),
        });
        return None;
    };
    if bad {
        return None;
    }
    let mut reader = records(text);
    while let Some(r) = reader.next_record(&mut |_| {}) {
        if r.fields.len() != header.len() {
            bad = true;
            error(CsvError {
                line: r.line,
                message: format!(
                    "{} fields, but the header has {}; every row needs one field per column",
                    r.fields.len(),
                    header.len()
                ),
            });
        }
    }
    (!bad).then_some(header)
}

/// A reader past the header line of a text that [`check`] accepted.
pub(crate) fn records(text: &str) -> Reader<'_> {
    let mut reader = Reader::new(text);
    let _ = reader.next_record(&mut |_| {});
    reader
}

/// The position of a header column (exact, after trimming; case-insensitive).
pub(crate) fn column(header: &[String], name: &str) -> Option<usize> {
    header
        .iter()
        .position(|h| h.trim().eq_ignore_ascii_case(name.trim()))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// Header and records of a well-formed text, or every error.
    fn parse(text: &str) -> Result<(Vec<String>, Vec<Record>), Vec<CsvError>> {
        let mut errors = Vec::new();
        let header = check(text, &mut |e| errors.push(e));
        match header {
            None => Err(errors),
            Some(h) => {
                let mut r = records(text);
                let mut out = Vec::new();
                while let Some(x) = r.next_record(&mut |_| {}) {
                    out.push(x);
                }
                Ok((h, out))
            }
        }
    }

    #[test]
    fn quoted_fields_and_lines() {
        let (header, records) =
            parse("country,obstacles,source\nGB,6,\"seed 002, \"\"Brexit\"\"\"\n\nFR,4,x\n")
                .unwrap();
        assert_eq!(header, vec!["country", "obstacles", "source"]);
        assert_eq!(records[0].fields[2], "seed 002, \"Brexit\"");
        assert_eq!(records[1].line, 4);
        assert_eq!(column(&header, "Obstacles"), Some(1));
    }

    #[test]
    fn semicolons_and_errors() {
        let (_, records) = parse("land;waarde\nNL;3,5\n").unwrap();
        assert_eq!(records[0].fields, vec!["NL", "3,5"]);
        let e = parse("a,b\n1,2,3\n4\n").unwrap_err();
        assert_eq!(e.iter().map(|e| e.line).collect::<Vec<_>>(), vec![2, 3]);
        let e = parse("a,b\n\"open,2\n").unwrap_err();
        assert_eq!(e[0].line, 2);
        // Malformations first and alone: no field-count errors beside them.
        let e = parse("a,b\nx\"y,2\n1\n").unwrap_err();
        assert_eq!(e.len(), 1, "{e:?}");
        let e = parse("\n\n").unwrap_err();
        assert!(e[0].message.starts_with("no header line"));
    }
}
