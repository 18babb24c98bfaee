//! The ranked table as spreadsheets, read back as a spreadsheet user's tools read them: the
//! XLSX with calamine (typed numeric cells, header row, provenance sheet with the hashes and
//! the marking), the CSV with the language's separator and decimal mark.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use placement_core::{AssessmentSet, Engine, Evaluation, Rulebook};
use placement_explain::render::{ranking_csv, ranking_xlsx};
use placement_explain::Lang;
use placement_report::testing::csv_fields as fields;

fn evaluation() -> Evaluation {
    let rules = Rulebook::default_rulebook().unwrap();
    let input = AssessmentSet::default_fixture().unwrap();
    Engine::new(&rules).evaluate(&input).unwrap()
}

#[test]
fn xlsx_reads_back_with_typed_numbers_and_a_provenance_sheet() {
    let ev = evaluation();
    for lang in Lang::ALL {
        let bytes = ranking_xlsx(&ev, lang).unwrap();
        let mut wb: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
        let names = wb.sheet_names();
        let (table, prov) = match lang {
            Lang::En => ("Ranking", "Provenance"),
            Lang::Nl => ("Rangschikking", "Herkomst"),
        };
        assert_eq!(names, vec![table.to_string(), prov.to_string()]);
        let range = wb.worksheet_range(table).unwrap();
        assert_eq!(range.height(), ev.records.len() + 1);
        assert_eq!(range.width(), 9);
        let header: Vec<String> = (0..9)
            .map(|c| range.get_value((0, c)).unwrap().to_string())
            .collect();
        assert_eq!(header[0], lang.pick("rank", "rang"));
        assert_eq!(header[8], lang.pick("added value", "meerwaarde"));
        for (i, r) in ev.records.iter().enumerate() {
            let row = i as u32 + 1;
            assert_eq!(range.get_value((row, 0)), Some(&Data::Float(r.rank as f64)));
            assert_eq!(
                range.get_value((row, 1)),
                Some(&Data::String(r.country.as_str().to_string()))
            );
            // Unrounded numbers in numeric cells.
            assert_eq!(range.get_value((row, 6)), Some(&Data::Float(r.score)));
            assert_eq!(range.get_value((row, 7)), Some(&Data::Float(r.need)));
            assert_eq!(range.get_value((row, 8)), Some(&Data::Float(r.added_value)));
        }
        let p = wb.worksheet_range(prov).unwrap();
        let cells: Vec<String> = p.cells().map(|(_, _, d)| d.to_string()).collect();
        assert!(cells.contains(&ev.input.hash), "{cells:?}");
        assert!(cells.contains(&ev.rulebook.hash), "{cells:?}");
        assert!(
            cells.contains(&lang.marking(ev.marking).to_string()),
            "{cells:?}"
        );
        assert!(
            cells.contains(&lang.illustrative_notice().to_string()),
            "{cells:?}"
        );
    }
}

#[test]
fn csv_has_one_row_per_country_in_the_language_convention() {
    let ev = evaluation();
    for (lang, sep, point) in [(Lang::En, ',', '.'), (Lang::Nl, ';', ',')] {
        let csv = ranking_csv(&ev, lang);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), ev.records.len() + 1);
        for (i, line) in lines.iter().enumerate().skip(1) {
            let f = fields(line, sep);
            assert_eq!(f.len(), 9, "{line}");
            let r = &ev.records[i - 1];
            assert_eq!(f[1], r.country.as_str());
            assert_eq!(f[2], lang.pick(&r.name_en, &r.name_nl));
            let score: f64 = f[6].replace(point, ".").parse().unwrap();
            assert!((score - r.score).abs() < 1e-6, "{line}");
        }
    }
}
