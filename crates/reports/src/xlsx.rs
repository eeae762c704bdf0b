//! XLSX workbooks from tables: figures as numbers (shares as percentages) a spreadsheet counts
//! with, words as text (never as formulas, whatever they start with), heads in bold.

use brygga_domain::report::{Cell, Report, Table, Value};
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

/// The most characters a cell holds (Excel's limit).
const CELL_MAX: usize = 32_767;

#[derive(Debug, thiserror::Error)]
#[error("the workbook could not be written: {0}")]
pub struct XlsxFailed(String);

impl From<XlsxError> for XlsxFailed {
    fn from(e: XlsxError) -> Self {
        XlsxFailed(e.to_string())
    }
}

/// A sheet's name: at most 31 characters, none of `[]:*?/\\`, not empty, unique in the book.
fn sheet_name(title: &str, taken: &mut Vec<String>) -> String {
    let clean: String = title
        .chars()
        .map(|c| {
            if "[]:*?/\\".contains(c) || c.is_control() {
                ' '
            } else {
                c
            }
        })
        .collect();
    let words: Vec<&str> = clean.split_whitespace().collect();
    let clean = words.join(" ");
    let clean = clean.trim_matches('\'');
    let base = if clean.is_empty() { "Blad" } else { clean };
    let cut = |s: &str, n: usize| s.chars().take(n).collect::<String>().trim_end().to_string();
    let mut name = cut(base, 31);
    let mut n = 2;
    while taken
        .iter()
        .any(|t| t.to_lowercase() == name.to_lowercase())
    {
        let suffix = format!(" {n}");
        name = format!("{}{suffix}", cut(base, 31 - suffix.len()));
        n += 1;
    }
    taken.push(name.clone());
    name
}

/// Text as a cell may hold it: no control characters but line breaks and tabs, at most
/// `CELL_MAX` characters.
fn cell_text(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .take(CELL_MAX)
        .collect()
}

struct Formats {
    head: Format,
    percent: Format,
    title: Format,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            head: Format::new().set_bold(),
            percent: Format::new().set_num_format("0%"),
            title: Format::new().set_bold().set_font_size(14),
        }
    }
}

fn write_cell(
    ws: &mut Worksheet,
    f: &Formats,
    row: u32,
    col: u16,
    cell: &Cell,
) -> Result<(), XlsxError> {
    match &cell.value {
        Value::Text(s) => ws.write_string(row, col, cell_text(s)).map(|_| ()),
        Value::Int(n) => ws.write_number(row, col, *n as f64).map(|_| ()),
        Value::Number(n) => ws.write_number(row, col, *n).map(|_| ()),
        Value::Percent(p) => ws
            .write_number_with_format(row, col, *p, &f.percent)
            .map(|_| ()),
        Value::Empty => Ok(()),
    }
}

/// The table from `row` on: its title (when `titled`), heads, rows, note. The next free row.
fn write_table(
    ws: &mut Worksheet,
    f: &Formats,
    mut row: u32,
    t: &Table,
    titled: bool,
) -> Result<u32, XlsxError> {
    if titled {
        ws.write_string_with_format(row, 0, cell_text(&t.title), &f.title)?;
        row += 2;
    }
    for (c, head) in t.columns.iter().enumerate() {
        let col = u16::try_from(c).unwrap_or(u16::MAX);
        ws.write_string_with_format(row, col, cell_text(head), &f.head)?;
    }
    row += 1;
    for r in &t.rows {
        for (c, cell) in r.iter().enumerate() {
            write_cell(ws, f, row, u16::try_from(c).unwrap_or(u16::MAX), cell)?;
        }
        row += 1;
    }
    if !t.note.is_empty() {
        row += 1;
        ws.write_string(row, 0, cell_text(&t.note))?;
        row += 1;
    }
    Ok(row)
}

fn widths(ws: &mut Worksheet, first: f64, columns: usize) -> Result<(), XlsxError> {
    ws.set_column_width(0, first)?;
    for c in 1..columns {
        ws.set_column_width(u16::try_from(c).unwrap_or(u16::MAX), 14)?;
    }
    Ok(())
}

/// A report: a first sheet with its title and facts, then each table on a sheet of its own.
pub fn report_xlsx(r: &Report) -> Result<Vec<u8>, XlsxFailed> {
    let f = Formats::new();
    let mut book = Workbook::new();
    let mut taken = vec![];
    {
        let ws = book.add_worksheet();
        ws.set_name(sheet_name(&r.title, &mut taken))?;
        ws.write_string_with_format(0, 0, cell_text(&r.title), &f.title)?;
        ws.write_string(1, 0, cell_text(&r.subtitle))?;
        let mut row = 3;
        for (label, value) in &r.facts {
            ws.write_string_with_format(row, 0, cell_text(label), &f.head)?;
            ws.write_string(row, 1, cell_text(value))?;
            row += 1;
        }
        ws.write_string(row + 1, 0, cell_text(&r.footer))?;
        widths(ws, 30.0, 2)?;
    }
    for t in &r.tables {
        let ws = book.add_worksheet();
        ws.set_name(sheet_name(&t.title, &mut taken))?;
        write_table(ws, &f, 0, t, true)?;
        widths(ws, 40.0, t.columns.len())?;
    }
    Ok(book.save_to_buffer()?)
}

/// A list: one sheet, its heads on the first row (frozen), a row per item.
pub fn table_xlsx(t: &Table) -> Result<Vec<u8>, XlsxFailed> {
    let f = Formats::new();
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(sheet_name(&t.title, &mut vec![]))?;
    write_table(ws, &f, 0, t, false)?;
    ws.set_freeze_panes(1, 0)?;
    widths(ws, 24.0, t.columns.len())?;
    Ok(book.save_to_buffer()?)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
    use std::io::Cursor;

    fn cell(shown: &str, value: Value) -> Cell {
        Cell {
            shown: shown.into(),
            value,
        }
    }

    fn table() -> Table {
        Table {
            title: "Deltagare: efter kön/ålder [2026]".into(),
            columns: vec!["Namn".into(), "Antal".into(), "Andel".into()],
            rows: vec![
                vec![
                    Cell::text("=HYPERLINK(\"http://x\")"),
                    cell("3", Value::Int(3)),
                    cell("50 %", Value::Percent(0.5)),
                ],
                vec![
                    Cell::text("Åsa\u{7}"),
                    Cell::empty(),
                    cell("", Value::Int(-2)),
                ],
            ],
            note: "Endast de som samtyckt".into(),
        }
    }

    fn read(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
        open_workbook_from_rs(Cursor::new(bytes)).unwrap()
    }

    #[test]
    fn a_list_opens_with_its_heads_and_typed_values_and_formulas_kept_as_text() {
        let mut book = read(table_xlsx(&table()).unwrap());
        let names = book.sheet_names();
        assert_eq!(names, ["Deltagare efter kön ålder 2026"]);
        let range = book.worksheet_range(&names[0]).unwrap();
        let rows: Vec<Vec<Data>> = range.rows().map(<[Data]>::to_vec).collect();
        assert_eq!(
            rows[0],
            [
                Data::String("Namn".into()),
                Data::String("Antal".into()),
                Data::String("Andel".into())
            ]
        );
        assert_eq!(rows[1][0], Data::String("=HYPERLINK(\"http://x\")".into()));
        assert_eq!(rows[1][1], Data::Float(3.0));
        assert_eq!(rows[1][2], Data::Float(0.5));
        // The bell is gone, the empty cell empty.
        assert_eq!(rows[2][0], Data::String("Åsa".into()));
        assert_eq!(rows[2][1], Data::Empty);
        assert_eq!(rows[2][2], Data::Float(-2.0));
        assert!(
            book.worksheet_formula(&names[0])
                .unwrap()
                .used_cells()
                .next()
                .is_none()
        );
    }

    #[test]
    fn a_report_has_its_facts_first_then_a_sheet_per_table_with_unique_names() {
        let r = Report {
            lang: "sv".into(),
            title: "ESF-rapport".into(),
            subtitle: "Praktik Göteborg".into(),
            facts: vec![("Projektnummer".into(), "2026/00123".into())],
            tables: vec![table(), table()],
            footer: "Skapad 2026-12-04".into(),
        };
        let mut book = read(report_xlsx(&r).unwrap());
        let names = book.sheet_names();
        assert_eq!(names.len(), 3);
        assert_eq!(names[0], "ESF-rapport");
        assert_ne!(names[1], names[2]);
        let first = book.worksheet_range(&names[0]).unwrap();
        assert_eq!(
            first.get_value((0, 0)),
            Some(&Data::String("ESF-rapport".into()))
        );
        assert_eq!(
            first.get_value((3, 1)),
            Some(&Data::String("2026/00123".into()))
        );
        let second = book.worksheet_range(&names[1]).unwrap();
        // Title, a blank row, the heads, then the rows.
        assert_eq!(
            second.get_value((2, 1)),
            Some(&Data::String("Antal".into()))
        );
        assert_eq!(second.get_value((3, 1)), Some(&Data::Float(3.0)));
    }

    #[test]
    fn sheet_names_are_short_clean_and_unique() {
        let mut taken = vec![];
        let a = sheet_name(
            "A very long title that goes past thirty-one characters",
            &mut taken,
        );
        assert!(a.chars().count() <= 31);
        let b = sheet_name(
            "A very long title that goes past thirty-one characters",
            &mut taken,
        );
        assert_ne!(a, b);
        assert!(b.chars().count() <= 31);
        assert_eq!(sheet_name("", &mut taken), "Blad");
        assert_eq!(sheet_name("x/y", &mut taken), "x y");
    }
}
