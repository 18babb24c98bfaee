//! A small CSV reader (RFC 4180: comma or semicolon separated, double-quoted fields, `""` for a
//! quote) that keeps the line of every record, so a bad cell is reported with its line.

/// One record: its 1-based line and its fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Record {
    pub(crate) line: usize,
    pub(crate) fields: Vec<String>,
}

/// A parsed CSV file: the header and the records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Csv {
    pub(crate) header: Vec<String>,
    pub(crate) records: Vec<Record>,
}

/// A malformation: its line and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CsvError {
    pub(crate) line: usize,
    pub(crate) message: String,
}

impl Csv {
    /// The position of a header column (exact, after trimming; case-insensitive).
    pub(crate) fn column(&self, name: &str) -> Option<usize> {
        self.header
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name.trim()))
    }
}

/// Parses CSV text. The separator is `;` when the header line has more semicolons than
/// commas (common in Dutch spreadsheets), else `,`. Blank lines are skipped.
pub(crate) fn parse(text: &str) -> Result<Csv, Vec<CsvError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or("");
    let sep = if first.matches(';').count() > first.matches(',').count() {
        ';'
    } else {
        ','
    };
    let mut errors = Vec::new();
    let mut records: Vec<Record> = Vec::new();
    let mut line = 1;
    let mut chars = text.chars().peekable();
    while chars.peek().is_some() {
        let start = line;
        let mut fields = Vec::new();
        let mut field = String::new();
        let mut quoted = false;
        let mut was_quoted = false;
        loop {
            let Some(ch) = chars.next() else {
                if quoted {
                    errors.push(CsvError {
                        line: start,
                        message: "a quoted field is never closed; add the closing \"".to_string(),
                    });
                }
                break;
            };
            if quoted {
                match ch {
                    '"' if chars.peek() == Some(&'"') => {
                        chars.next();
                        field.push('"');
                    }
                    '"' => quoted = false,
                    '\n' => {
                        line += 1;
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
                    errors.push(CsvError {
                        line,
                        message: "a quote inside an unquoted field; quote the whole field and double the inner quote".to_string(),
                    });
                }
                c if c == sep => {
                    fields.push(std::mem::take(&mut field));
                    was_quoted = false;
                }
                '\r' => {}
                '\n' => {
                    line += 1;
                    break;
                }
                c => field.push(c),
            }
        }
        fields.push(field);
        if fields.len() == 1 && fields[0].trim().is_empty() {
            continue;
        }
        records.push(Record {
            line: start,
            fields: fields.into_iter().map(|f| f.trim().to_string()).collect(),
        });
    }
    if records.is_empty() {
        errors.push(CsvError {
            line: 1,
            message: "no header line; the first line must name the columns".to_string(),
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut records = records.into_iter();
    let header = records.next().map(|r| r.fields).unwrap_or_default();
    let records: Vec<Record> = records.collect();
    for r in &records {
        if r.fields.len() != header.len() {
            errors.push(CsvError {
                line: r.line,
                message: format!(
                    "{} fields, but the header has {}; every row needs one field per column",
                    r.fields.len(),
                    header.len()
                ),
            });
        }
    }
    if errors.is_empty() {
        Ok(Csv { header, records })
    } else {
        Err(errors)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_and_lines() {
        let csv = parse("country,obstacles,source\nGB,6,\"seed 002, \"\"Brexit\"\"\"\n\nFR,4,x\n")
            .unwrap();
        assert_eq!(csv.header, vec!["country", "obstacles", "source"]);
        assert_eq!(csv.records[0].fields[2], "seed 002, \"Brexit\"");
        assert_eq!(csv.records[1].line, 4);
        assert_eq!(csv.column("Obstacles"), Some(1));
    }

    #[test]
    fn semicolons_and_errors() {
        let csv = parse("land;waarde\nNL;3,5\n").unwrap();
        assert_eq!(csv.records[0].fields, vec!["NL", "3,5"]);
        let e = parse("a,b\n1,2,3\n4\n").unwrap_err();
        assert_eq!(e.iter().map(|e| e.line).collect::<Vec<_>>(), vec![2, 3]);
        let e = parse("a,b\n\"open,2\n").unwrap_err();
        assert_eq!(e[0].line, 2);
    }
}
