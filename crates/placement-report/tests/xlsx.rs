//! The workbook as a spreadsheet user's tools read it (calamine): typed cells, header row,
//! provenance sheet; and CSV quoting read back.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use calamine::{Data, Reader, Xlsx};
use placement_core::{AssessmentSet, Engine, Rulebook};
use placement_report::csv::Csv;
use placement_report::xlsx::{workbook, Sheet, XCell};
use placement_report::Provenance;
use placement_text::Lang;

#[test]
fn cells_are_typed_and_the_provenance_sheet_is_last() {
    let rules = Rulebook::default_rulebook().unwrap();
    let input = AssessmentSet::default_fixture().unwrap();
    let evaluation = Engine::new(&rules).evaluate(&input).unwrap();
    let mut s = Sheet::new("Tabel", ["code", "score", "rang", "leeg"]);
    s.row([
        XCell::text("CO"),
        XCell::Fixed(84.512345, 1),
        XCell::Number(3.0),
        XCell::Empty,
    ])
    .freeze_columns(1)
    .width(0, 10.0);
    let p = Provenance::of(&evaluation).with("scenario", "scenario", "brexit.toml");
    let bytes = workbook(&[s.clone()], &p, Lang::Nl).unwrap();
    assert_eq!(
        bytes,
        workbook(&[s], &p, Lang::Nl).unwrap(),
        "the same input gives the same bytes"
    );
    let mut wb = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(
        wb.sheet_names(),
        vec!["Tabel".to_string(), "Herkomst".to_string()]
    );
    let t = wb.worksheet_range("Tabel").unwrap();
    assert_eq!(t.get_value((0, 1)), Some(&Data::String("score".into())));
    assert_eq!(t.get_value((1, 1)), Some(&Data::Float(84.512345)));
    assert_eq!(t.get_value((1, 2)), Some(&Data::Float(3.0)));
    let h = wb.worksheet_range("Herkomst").unwrap();
    let rows: Vec<(String, String)> = h
        .rows()
        .map(|r| (r[0].to_string(), r[1].to_string()))
        .collect();
    assert!(rows.contains(&("invoer sha256".into(), evaluation.input.hash.clone())));
    assert!(rows.contains(&("regelboek sha256".into(), evaluation.rulebook.hash.clone())));
    assert!(rows.contains(&("rubricering".into(), "Ongerubriceerd".into())));
    assert!(rows.contains(&("scenario".into(), "brexit.toml".into())));
    assert!(rows
        .iter()
        .any(|(k, v)| k == "status" && v.to_lowercase().contains("illustratie")));
}

#[test]
fn csv_fields_are_quoted_as_rfc_4180_says() {
    let mut c = Csv::new(Lang::En);
    c.row(["a", "b,c", "say \"hi\"", "two\nlines", "cr\r"]);
    let text = c.clone().finish();
    assert_eq!(
        placement_report::testing::csv_fields(text.trim_end_matches('\n'), ','),
        ["a", "b,c", "say \"hi\"", "two\nlines", "cr\r"]
    );
    assert_eq!(
        c.finish(),
        "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\"\n"
    );
}
