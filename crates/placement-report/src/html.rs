//! Self-contained HTML pages: one file with its stylesheet inline, no scripts and no external
//! resources, readable offline and printable to A4 (print stylesheet; the classification
//! marking stands in the header and footer of every printed page). Tables have real column and
//! row headers and a caption; charts are inline SVG with a text alternative.
//!
//! [`Page`] is the builder: headings, paragraphs, list items, [`Table`]s, [`Figure`]s and a
//! [`Provenance`] section, in the order they are added. Everything given as text is escaped.

use std::fmt::Write as _;

use placement_text::Lang;

use crate::Provenance;

/// The base stylesheet of every page (screen and print).
const STYLE: &str = "\
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1a1a1a;\
background:#fff;max-width:52rem;margin:0 auto;padding:1rem 1.5rem;line-height:1.45}\
h1{font-size:1.5rem;border-bottom:2px solid #154273;padding-bottom:.3rem;color:#154273}\
h2{font-size:1.15rem;margin-top:1.6rem;color:#154273}\
ul{padding-left:1.2rem}li{margin:.2rem 0}\
.marking{font-weight:700;text-transform:uppercase;letter-spacing:.05em;color:#8b0000;\
text-align:center;font-size:.85rem;margin:.3rem 0}\
footer{margin-top:2rem;border-top:1px solid #767676;padding-top:.4rem}\
@page{size:A4;margin:18mm 15mm}\
@media print{body{max-width:none;padding:0;font-size:10.5pt}\
header .marking{position:fixed;top:0;left:0;right:0}\
footer{position:fixed;bottom:0;left:0;right:0;border:0;margin:0}\
h2{break-after:avoid}li{break-inside:avoid}}";

/// The stylesheet of a page with figures.
const FIGURE_STYLE: &str = "figure{margin:1rem 0}figure svg{max-width:100%;height:auto}\
figcaption{font-size:.9rem;color:#404040;margin-top:.3rem}\
@media print{figure{break-inside:avoid}}";

/// The stylesheet of a page with a provenance section.
const PROVENANCE_STYLE: &str = ".provenance dl{display:grid;grid-template-columns:max-content 1fr;\
gap:.15rem 1rem;font-size:.9rem}.provenance dt{font-weight:700}.provenance dd{margin:0;\
overflow-wrap:anywhere}";

/// Escapes text for HTML (text and attribute values).
///
/// ```
/// assert_eq!(placement_report::escape("a < b & «c»"), "a &lt; b &amp; «c»");
/// ```
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The stylesheet for tables: bordered cells, a coloured header row (white on #154273,
/// contrast 10:1), numbers right-aligned (`td.n`), striped rows, the header repeated on every
/// printed page. `page_width` widens the page (e.g. `"80rem"` for a wide table);
/// `last_column_min` gives the last column (e.g. reasons) a minimum width.
pub fn table_style(page_width: Option<&str>, last_column_min: Option<&str>) -> String {
    let mut s = String::new();
    if let Some(w) = page_width {
        let _ = write!(s, "body{{max-width:{w}}}");
    }
    s.push_str("table{border-collapse:collapse;width:100%;font-size:.9rem}");
    if let Some(w) = last_column_min {
        let _ = write!(s, "td:last-child{{min-width:{w}}}");
    }
    s.push_str(
        "caption{text-align:left;font-weight:700;margin:.5rem 0}\
         th,td{border:1px solid #b4b4b4;padding:.25rem .4rem;vertical-align:top;text-align:left}\
         thead th{background:#154273;color:#fff}td.n{text-align:right;white-space:nowrap}\
         tbody tr:nth-child(even){background:#f3f6f9}@media print{thead{display:table-header-group}\
         tr{break-inside:avoid}}",
    );
    s
}

/// One cell of a [`Table`] body. Text is escaped when the table is rendered.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Cell {
    /// A text cell.
    Text(String),
    /// A number, already formatted in the page's language; right-aligned.
    Num(String),
    /// The cell that names the row (`<th scope="row">`).
    RowHeader(String),
    /// Several lines in one cell (joined by line breaks).
    Lines(Vec<String>),
}

impl Cell {
    /// A text cell.
    pub fn text(s: impl Into<String>) -> Self {
        Cell::Text(s.into())
    }
    /// A formatted number.
    pub fn num(s: impl Into<String>) -> Self {
        Cell::Num(s.into())
    }
    /// The row's header cell.
    pub fn row_header(s: impl Into<String>) -> Self {
        Cell::RowHeader(s.into())
    }
}

/// A table with a caption, column headers and rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    caption: String,
    headers: Vec<String>,
    rows: Vec<Vec<Cell>>,
}

impl Table {
    /// A table with this caption and these column headers.
    pub fn new<I, S>(caption: impl Into<String>, headers: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Table {
            caption: caption.into(),
            headers: headers.into_iter().map(Into::into).collect(),
            rows: Vec::new(),
        }
    }

    /// Adds a row.
    pub fn row(&mut self, cells: impl IntoIterator<Item = Cell>) -> &mut Self {
        self.rows.push(cells.into_iter().collect());
        self
    }

    /// The number of body rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether the table has no body rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    fn render(&self, o: &mut String) {
        o.push_str("<table>\n<caption>");
        o.push_str(&escape(&self.caption));
        o.push_str("</caption>\n<thead><tr>");
        for h in &self.headers {
            let _ = write!(o, "<th scope=\"col\">{}</th>", escape(h));
        }
        o.push_str("</tr></thead>\n<tbody>\n");
        for row in &self.rows {
            o.push_str("<tr>");
            for c in row {
                match c {
                    Cell::Text(t) => {
                        let _ = write!(o, "<td>{}</td>", escape(t));
                    }
                    Cell::Num(t) => {
                        let _ = write!(o, "<td class=\"n\">{}</td>", escape(t));
                    }
                    Cell::RowHeader(t) => {
                        let _ = write!(o, "<th scope=\"row\">{}</th>", escape(t));
                    }
                    Cell::Lines(ls) => {
                        let joined = ls.iter().map(|l| escape(l)).collect::<Vec<_>>();
                        let _ = write!(o, "<td>{}</td>", joined.join("<br>"));
                    }
                }
            }
            o.push_str("</tr>\n");
        }
        o.push_str("</tbody>\n</table>\n");
    }
}

/// A chart as inline SVG with its text alternative: the SVG has `role="img"` and is labelled
/// by its `<title>` and `<desc>`; the caption is shown under it.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The chart's title (the SVG's accessible name).
    pub title: String,
    /// What the chart shows, in words (the SVG's description; say the numbers).
    pub description: String,
    /// Width of the drawing in SVG units (also its `viewBox`).
    pub width: u32,
    /// Height of the drawing in SVG units.
    pub height: u32,
    /// The SVG shapes, made by code (not escaped: never put input text here unescaped; use
    /// [`escape`] for labels).
    pub shapes: String,
    /// The caption under the chart, if any.
    pub caption: Option<String>,
}

/// A self-contained HTML page under construction.
#[derive(Debug, Clone)]
pub struct Page {
    lang: Lang,
    title: String,
    marking: String,
    styles: Vec<String>,
    table_style: Option<String>,
    has_table: bool,
    has_figure: bool,
    has_provenance: bool,
    body: String,
    in_list: bool,
    figures: usize,
}

impl Page {
    /// A page in `lang` with this `<title>` and classification marking (the marking's label as
    /// printed, e.g. "Departementaal vertrouwelijk").
    pub fn new(lang: Lang, title: impl Into<String>, marking: impl Into<String>) -> Self {
        Page {
            lang,
            title: title.into(),
            marking: marking.into(),
            styles: Vec::new(),
            table_style: None,
            has_table: false,
            has_figure: false,
            has_provenance: false,
            body: String::new(),
            in_list: false,
            figures: 0,
        }
    }

    /// Adds a stylesheet to the page's head (after the base stylesheet).
    pub fn style(&mut self, css: &str) -> &mut Self {
        self.styles.push(css.to_string());
        self
    }

    /// Sets the table stylesheet ([`table_style`]); without this call a page with a table gets
    /// `table_style(None, None)`.
    pub fn table_layout(
        &mut self,
        page_width: Option<&str>,
        last_column_min: Option<&str>,
    ) -> &mut Self {
        self.table_style = Some(table_style(page_width, last_column_min));
        self
    }

    fn close_list(&mut self) {
        if self.in_list {
            self.body.push_str("</ul>\n");
            self.in_list = false;
        }
    }

    /// The page's main heading.
    pub fn h1(&mut self, text: &str) -> &mut Self {
        self.close_list();
        let _ = writeln!(self.body, "<h1>{}</h1>", escape(text));
        self
    }

    /// A section heading.
    pub fn h2(&mut self, text: &str) -> &mut Self {
        self.close_list();
        let _ = writeln!(self.body, "<h2>{}</h2>", escape(text));
        self
    }

    /// A subsection heading.
    pub fn h3(&mut self, text: &str) -> &mut Self {
        self.close_list();
        let _ = writeln!(self.body, "<h3>{}</h3>", escape(text));
        self
    }

    /// A paragraph.
    pub fn para(&mut self, text: &str) -> &mut Self {
        self.close_list();
        let _ = writeln!(self.body, "<p>{}</p>", escape(text));
        self
    }

    /// A list item; consecutive items form one list.
    pub fn item(&mut self, text: &str) -> &mut Self {
        if !self.in_list {
            self.body.push_str("<ul>\n");
            self.in_list = true;
        }
        let _ = writeln!(self.body, "<li>{}</li>", escape(text));
        self
    }

    /// A list of these items (ends any list before it).
    pub fn list<I, S>(&mut self, items: I) -> &mut Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.close_list();
        for i in items {
            self.item(i.as_ref());
        }
        self.close_list();
        self
    }

    /// A table.
    pub fn table(&mut self, table: &Table) -> &mut Self {
        self.close_list();
        self.has_table = true;
        table.render(&mut self.body);
        self
    }

    /// A chart with its text alternative.
    pub fn figure(&mut self, f: &Figure) -> &mut Self {
        self.close_list();
        self.has_figure = true;
        self.figures += 1;
        let id = format!("fig{}", self.figures);
        let _ = write!(
            self.body,
            "<figure>\n<svg viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" \
             aria-labelledby=\"{id}-t {id}-d\"><title id=\"{id}-t\">{}</title>\
             <desc id=\"{id}-d\">{}</desc>{}</svg>\n",
            escape(&f.title),
            escape(&f.description),
            f.shapes,
            w = f.width,
            h = f.height,
        );
        if let Some(c) = &f.caption {
            let _ = writeln!(self.body, "<figcaption>{}</figcaption>", escape(c));
        }
        self.body.push_str("</figure>\n");
        self
    }

    /// The provenance section: input and rulebook with their hashes, the marking, whether the
    /// input is illustrative, and any further inputs (scenario files) with theirs.
    pub fn provenance(&mut self, p: &Provenance) -> &mut Self {
        self.provenance_at(p, 2)
    }

    /// As [`Page::provenance`], with its heading at `level` (2 or 3: under a section of its
    /// own, e.g. one scenario of several).
    pub fn provenance_at(&mut self, p: &Provenance, level: u8) -> &mut Self {
        self.close_list();
        self.has_provenance = true;
        let lang = self.lang;
        let level = level.clamp(2, 3);
        let _ = write!(
            self.body,
            "<section class=\"provenance\">\n<h{level}>{}</h{level}>\n<dl>\n",
            escape(lang.pick("Provenance", "Herkomst"))
        );
        for (k, v) in p.rows(lang) {
            let _ = writeln!(self.body, "<dt>{}</dt><dd>{}</dd>", escape(&k), escape(&v));
        }
        self.body.push_str("</dl>\n</section>\n");
        self
    }

    /// The finished page.
    pub fn finish(mut self) -> String {
        self.close_list();
        let mut o = String::with_capacity(self.body.len() + 2048);
        let _ = write!(
            o,
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{}</title>\n<style>{STYLE}</style>\n",
            self.lang.id(),
            escape(&self.title),
        );
        let table = match (self.table_style.take(), self.has_table) {
            (Some(s), _) => Some(s),
            (None, true) => Some(table_style(None, None)),
            (None, false) => None,
        };
        let builtin = [
            table,
            self.has_figure.then(|| FIGURE_STYLE.to_string()),
            self.has_provenance.then(|| PROVENANCE_STYLE.to_string()),
        ];
        for s in builtin.into_iter().flatten().chain(self.styles) {
            let _ = writeln!(o, "<style>{s}</style>");
        }
        let marking = escape(&self.marking);
        let _ = write!(
            o,
            "</head>\n<body>\n<header><p class=\"marking\">{marking}</p></header>\n<main>\n{}\
             </main>\n<footer><p class=\"marking\">{marking}</p></footer>\n</body>\n</html>\n",
            self.body
        );
        o
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape("a < b & «c» \"d\" 'e'"),
            "a &lt; b &amp; «c» &quot;d&quot; &#39;e&#39;"
        );
    }

    #[test]
    fn list_items_group_and_close() {
        let mut p = Page::new(Lang::Nl, "T", "Ongerubriceerd");
        p.item("a").item("b").para("c").list(["d"]);
        let h = p.finish();
        assert!(h.contains(
            "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<p>c</p>\n<ul>\n<li>d</li>\n</ul>\n</main>"
        ));
        assert!(h.contains("<html lang=\"nl\">"));
    }

    #[test]
    fn table_and_figure_carry_their_headers_and_text_alternative() {
        let mut p = Page::new(Lang::En, "T", "Unclassified");
        let mut t = Table::new("Cap <x>", ["A", "B"]);
        t.row([
            Cell::row_header("r"),
            Cell::Lines(vec!["1".into(), "2 & 3".into()]),
        ]);
        p.table(&t).figure(&Figure {
            title: "Chart".into(),
            description: "Bars: 1 and 2".into(),
            width: 10,
            height: 5,
            shapes: "<rect width=\"1\" height=\"1\"/>".into(),
            caption: Some("Caption".into()),
        });
        let h = p.finish();
        assert!(h.contains("<caption>Cap &lt;x&gt;</caption>"));
        assert!(h.contains("<th scope=\"row\">r</th><td>1<br>2 &amp; 3</td>"));
        assert!(h.contains("role=\"img\" aria-labelledby=\"fig1-t fig1-d\""));
        assert!(h.contains("<figcaption>Caption</figcaption>"));
        assert!(h.contains("<style>table{border-collapse"));
    }
}
