//! A decision matrix from CSV: the header row names the criteria (its first cell names the
//! label column and is otherwise ignored), every other row is one alternative, label first.
//! Two optional rows whose label is `types` or `weights` (case-insensitive) give the
//! criterion types (`1`/`-1`, or `benefit`/`cost`) and weights. Fields may be quoted
//! (`"a, b"`, `""` for a quote); blank lines are skipped; `#` starts a comment line.
//!
//! ```text
//! alternative,price,quality
//! types,-1,1
//! weights,0.6,0.4
//! A,250,7
//! B,200,6
//! ```
//!
//! Errors name the line and the column by its header label.

use serde_json::{json, Value};

use crate::error::{McdaError, Result};

/// A CSV decision problem.
#[derive(Debug, Clone, PartialEq)]
pub struct CsvProblem {
    /// Alternative labels (first column), one per row of `matrix`.
    pub alternatives: Vec<String>,
    /// Criterion labels (header row, without its first cell).
    pub criteria: Vec<String>,
    /// The values.
    pub matrix: Vec<Vec<f64>>,
    /// Type codes from a `types` row.
    pub types: Option<Vec<i64>>,
    /// Weights from a `weights` row.
    pub weights: Option<Vec<f64>>,
}

impl CsvProblem {
    /// The request object (`matrix`, `alternatives`, `criteria`, and `types`/`weights` when
    /// the CSV has them), to which a caller adds `method`, `params`, ….
    pub fn to_request(&self) -> Value {
        let mut v = json!({
            "matrix": self.matrix,
            "alternatives": self.alternatives,
            "criteria": self.criteria,
        });
        if let Some(obj) = v.as_object_mut() {
            if let Some(t) = &self.types {
                obj.insert("types".into(), json!(t));
            }
            if let Some(w) = &self.weights {
                obj.insert("weights".into(), json!(w));
            }
        }
        v
    }
}

fn bad(line: usize, reason: String) -> McdaError {
    McdaError::InvalidRequest {
        field: format!("(csv line {line})"),
        reason,
    }
}

/// Splits one CSV line into fields (RFC 4180 quoting, no embedded line breaks).
fn split(line: &str, lineno: usize) -> Result<Vec<String>> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = line.chars().peekable();
    let mut quoted = false;
    let mut was_quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cur.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cur.push(c),
            (false, '"') if cur.trim().is_empty() && !was_quoted => {
                cur.clear();
                quoted = true;
                was_quoted = true;
            }
            (false, ',') => {
                out.push(std::mem::take(&mut cur).trim().to_string());
                was_quoted = false;
            }
            (false, c) => cur.push(c),
        }
    }
    if quoted {
        return Err(bad(lineno, "unterminated quoted field".into()));
    }
    out.push(cur.trim().to_string());
    Ok(out)
}

fn excerpt(s: &str) -> String {
    let e: String = s.chars().take(40).flat_map(char::escape_default).collect();
    if s.chars().count() > 40 {
        format!("{e}…")
    } else {
        e
    }
}

/// Parses a CSV decision matrix; every bad cell is reported (up to 100).
///
/// # Errors
/// [`McdaError::InvalidRequest`] naming the CSV line (and column label) for a missing
/// header, a row with the wrong number of fields, a value that is not a finite number, a
/// bad type code, a repeated `types`/`weights` row or a repeated label.
///
/// # Example
/// ```
/// use placement_mcda::request::csv::parse;
/// let p = parse("alt,price,quality\ntypes,-1,1\nA,250,7\nB,200,6\n")?;
/// assert_eq!(p.alternatives, vec!["A", "B"]);
/// assert_eq!(p.types, Some(vec![-1, 1]));
/// assert_eq!(p.matrix[1], vec![200.0, 6.0]);
/// # Ok::<(), placement_mcda::McdaError>(())
/// ```
pub fn parse(text: &str) -> Result<CsvProblem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'));
    let Some((hline, header)) = lines.next() else {
        return Err(bad(
            1,
            "empty CSV; expected a header row `label,criterion1,criterion2,…`".into(),
        ));
    };
    let header = split(header, hline)?;
    let criteria: Vec<String> = header.iter().skip(1).cloned().collect();
    if criteria.is_empty() {
        return Err(bad(
            hline,
            "the header needs a label column and at least one criterion: `label,c1,c2,…`".into(),
        ));
    }
    let n = criteria.len();
    let mut issues = Vec::new();
    let mut p = CsvProblem {
        alternatives: Vec::new(),
        criteria,
        matrix: Vec::new(),
        types: None,
        weights: None,
    };
    // Labels seen so far (a set: a file of a million rows is checked in one pass).
    let mut seen = std::collections::HashSet::new();
    for (lineno, line) in lines {
        if issues.len() >= 100 {
            break;
        }
        let fields = split(line, lineno)?;
        if fields.len() != n + 1 {
            issues.push(bad(
                lineno,
                format!(
                    "{} fields, expected {} (a label and one value per criterion of the header)",
                    fields.len(),
                    n + 1
                ),
            ));
            continue;
        }
        let label = fields.first().cloned().unwrap_or_default();
        let cells = fields.get(1..).unwrap_or(&[]);
        let kind = label.to_ascii_lowercase();
        if kind == "types" {
            if p.types.is_some() {
                issues.push(bad(lineno, "a second `types` row".into()));
                continue;
            }
            let mut t = Vec::with_capacity(n);
            for (c, name) in cells.iter().zip(&p.criteria) {
                match c.to_ascii_lowercase().as_str() {
                    "1" | "+1" | "benefit" | "max" => t.push(1),
                    "-1" | "cost" | "min" => t.push(-1),
                    _ => issues.push(bad(
                        lineno,
                        format!(
                            "type of `{}` is `{}`; use 1 (benefit) or -1 (cost)",
                            excerpt(name),
                            excerpt(c)
                        ),
                    )),
                }
            }
            p.types = Some(t);
            continue;
        }
        let mut row = Vec::with_capacity(n);
        for (c, name) in cells.iter().zip(&p.criteria) {
            match c.parse::<f64>() {
                Ok(v) if v.is_finite() => row.push(v),
                _ => issues.push(bad(
                    lineno,
                    format!(
                        "value of `{}` is `{}`, not a finite number",
                        excerpt(name),
                        excerpt(c)
                    ),
                )),
            }
        }
        if kind == "weights" {
            if p.weights.is_some() {
                issues.push(bad(lineno, "a second `weights` row".into()));
            }
            p.weights = Some(row);
            continue;
        }
        if !seen.insert(label.clone()) {
            issues.push(bad(
                lineno,
                format!("alternative `{}` appears twice", excerpt(&label)),
            ));
        }
        p.alternatives.push(label);
        p.matrix.push(row);
    }
    McdaError::from_issues(issues)?;
    if p.matrix.is_empty() {
        return Err(bad(
            hline,
            "no alternatives: add rows `label,value1,value2,…` below the header".into(),
        ));
    }
    Ok(p)
}
