//! The report's figures and the register's entries as tables (see `sheet`), in the reader's
//! language. Which rows and columns each table has is decided here, once for every format.

use jiff::tz::TimeZone;

use super::handover::RegisterEntry;
use super::labels::{local_time, source_name, step_name};
use super::sheet::{Cell, Column, Row, Table};
use super::summary::Summary;
use crate::domain::member_type::MemberType;
use crate::domain::workflow::Source;
use crate::i18n::Lang;

fn row(key: impl Into<String>, cells: Vec<Cell>) -> Row {
    Row {
        key: key.into(),
        cells,
    }
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

/// A label with one count beside it, for the short tables.
fn counts(
    id: &'static str,
    title: &str,
    label: &str,
    rows: Vec<(&str, &str, u64)>,
    lang: Lang,
) -> Table {
    Table {
        id,
        title: title.into(),
        columns: vec![
            Column::new("label", label, 40, 4.0),
            Column::new("count", lang.text("report-tables-count"), 8, 1.0),
        ],
        rows: rows
            .into_iter()
            .map(|(key, l, n)| row(key, vec![text(l), Cell::Count(n)]))
            .collect(),
        empty: String::new(),
    }
}

/// The report's tables, in the order they are printed.
pub fn summary_tables(s: &Summary, types: &[MemberType], lang: Lang) -> Vec<Table> {
    let t = |id, en| lang.pick(id, en);
    let r = &s.registrations;
    let mut sources: Vec<(&str, &str, u64)> = Source::ALL
        .iter()
        .map(|&src| (src.code(), source_name(src, lang), r.of_source(src)))
        .collect();
    sources.extend([
        (
            "total",
            t("Jumlah pendaftaran baru", "New registrations, total"),
            r.total(),
        ),
        ("renewal", t("Perpanjangan", "Renewals"), r.renewals),
        (
            "replacement",
            t("Penggantian (hilang/rusak)", "Replacements (lost/damaged)"),
            r.replacements,
        ),
    ]);
    let c = &s.cards;
    let cards = vec![
        (
            "issued",
            t("Kartu diserahkan", "Cards issued (handed over)"),
            c.issued,
        ),
        ("issued_new", t("  kartu baru", "  new cards"), c.issued_new),
        (
            "issued_renewal",
            t("  perpanjangan", "  renewals"),
            c.issued_renewal,
        ),
        (
            "replaced",
            t(
                "  pengganti (hilang/rusak)",
                "  replacements (lost/damaged)",
            ),
            c.replaced,
        ),
        ("printed", t("Kartu dicetak", "Cards printed"), c.printed),
        (
            "reprinted",
            t("Kartu dicetak ulang", "Cards reprinted"),
            c.reprinted,
        ),
    ];
    let steps = Table {
        id: "steps",
        title: t(
            "Waktu per langkah SOP (menit:detik; median dan p90 peringkat terdekat)",
            "Time per SOP step (min:sec; nearest-rank median and p90)",
        )
        .into(),
        columns: vec![
            Column::new("label", t("Langkah", "Step"), 24, 4.0),
            Column::new("count", "n", 5, 1.0),
            Column::new("median_seconds", "median", 7, 1.3),
            Column::new("p90_seconds", "p90", 7, 1.3),
            Column::new("standard_seconds", t("baku", "standard"), 8, 1.3),
            Column::new("within", t("≤ baku", "≤ std"), 6, 1.1),
            Column::new("within_share", "%", 5, 1.0),
        ],
        rows: s
            .steps
            .iter()
            .map(|f| {
                row(
                    f.step.number().to_string(),
                    vec![
                        text(format!("{} {}", f.step.number(), step_name(f.step, lang))),
                        Cell::Count(f.count as u64),
                        Cell::Duration(f.median),
                        Cell::Duration(f.p90),
                        Cell::Duration(Some(f.standard)),
                        Cell::Count(f.within as u64),
                        Cell::Share(f.share_within()),
                    ],
                )
            })
            .collect(),
        empty: String::new(),
    };
    let clerks = Table {
        id: "clerks",
        title: t("Langkah per petugas", "Steps per clerk").into(),
        columns: vec![
            Column::new("label", t("Petugas", "Clerk"), 24, 4.0),
            Column::new("steps", t("langkah", "steps"), 8, 1.0),
            Column::new("handovers", t("diserahkan", "handed over"), 11, 1.0),
        ],
        rows: s
            .clerks
            .iter()
            .map(|f| {
                row(
                    f.clerk.clone(),
                    vec![
                        text(&f.clerk),
                        Cell::Count(f.steps),
                        Cell::Count(f.handovers),
                    ],
                )
            })
            .collect(),
        empty: t("Tidak ada langkah yang dikerjakan.", "No steps were done.").into(),
    };
    let v = &s.visits;
    let by_day = Table {
        id: "visits_by_day",
        title: t("Kunjungan per hari (orang)", "Visits by day (people)").into(),
        columns: vec![
            Column::new("label", t("Tanggal", "Date"), 12, 2.0),
            Column::new("people", t("orang", "people"), 7, 1.0),
            Column::new("members", t("anggota", "members"), 8, 1.0),
            Column::new("guests", t("tamu", "guests"), 6, 1.0),
        ],
        rows: v
            .by_day
            .iter()
            .map(|(d, c)| {
                row(
                    d.to_string(),
                    vec![
                        text(d.strftime("%d-%m-%Y").to_string()),
                        Cell::Count(c.people.into()),
                        Cell::Count(c.members.into()),
                        Cell::Count(c.guests.into()),
                    ],
                )
            })
            .collect(),
        empty: String::new(),
    };
    let by_hour = Table {
        id: "visits_by_hour",
        title: t(
            "Kunjungan per jam datang (orang)",
            "Visits by hour of arrival (people)",
        )
        .into(),
        columns: vec![
            Column::new("label", t("Jam", "Hour"), 12, 2.0),
            Column::new("people", t("orang", "people"), 7, 1.0),
        ],
        rows: v
            .by_hour
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .map(|(h, n)| {
                row(
                    format!("{h:02}"),
                    vec![
                        text(format!("{h:02}.00–{h:02}.59")),
                        Cell::Count((*n).into()),
                    ],
                )
            })
            .collect(),
        empty: t("Tidak ada kunjungan.", "No visits.").into(),
    };
    let by_type = Table {
        id: "visits_by_type",
        title: t(
            "Kunjungan anggota per jenis anggota",
            "Member visits by member type",
        )
        .into(),
        columns: vec![
            Column::new("label", t("Jenis anggota", "Member type"), 24, 3.0),
            Column::new("visits", t("kunjungan", "visits"), 9, 1.0),
        ],
        rows: v
            .by_type
            .iter()
            .map(|(code, n)| {
                let name = match types.iter().find(|t| &t.code == code) {
                    Some(mt) => lang.pick(&mt.name, &mt.name_en).to_string(),
                    None if code.is_empty() => t("(tidak diketahui)", "(unknown)").to_string(),
                    None => code.clone(),
                };
                row(code.clone(), vec![text(name), Cell::Count((*n).into())])
            })
            .collect(),
        empty: t("Tidak ada kunjungan anggota.", "No member visits.").into(),
    };
    let guests = counts(
        "guests",
        t("Tamu (tanpa kartu)", "Guests (without a card)"),
        t("Tamu", "Guests"),
        vec![
            (
                "entries",
                t("Entri di buku tamu", "Entries in the visitor book"),
                v.guest_entries.into(),
            ),
            (
                "people",
                t(
                    "Orang (rombongan dihitung per orang)",
                    "People (groups count each person)",
                ),
                v.total.guests.into(),
            ),
        ],
        lang,
    );
    vec![
        counts(
            "registrations",
            t("Pendaftaran menurut sumber", "Registrations by source"),
            t("Sumber", "Source"),
            sources,
            lang,
        ),
        counts(
            "cards",
            t("Kartu", "Cards"),
            t("Kartu", "Cards"),
            cards,
            lang,
        ),
        steps,
        clerks,
        by_day,
        by_hour,
        by_type,
        guests,
    ]
}

/// Who received the card, marked when it was a representative: in words on paper, with a
/// `*` on a terminal, whose columns have no room for the words (a legend says what it means).
pub fn receiver(e: &RegisterEntry, lang: Lang, paper: bool) -> String {
    match (e.handover.representative, paper) {
        (false, _) => e.handover.received_by.clone(),
        (true, true) => format!(
            "{} ({})",
            e.handover.received_by,
            lang.text("report-tables-representative")
        ),
        (true, false) => format!("*{}", e.handover.received_by),
    }
}

/// The register's numbered rows. For a terminal (`paper` false) the time of day only, under
/// a line per date, the columns cut to fit 80 characters; on paper the date too.
pub fn register_table(entries: &[RegisterEntry], tz: &TimeZone, lang: Lang, paper: bool) -> Table {
    let t = |id, en| lang.pick(id, en);
    let (when, when_width, when_header) = if paper {
        ("%d-%m-%Y %H:%M", 16, t("Tanggal & jam", "Date & time"))
    } else {
        ("%H:%M", 5, t("Jam", "Time"))
    };
    Table {
        id: "register",
        title: String::new(),
        columns: vec![
            Column::new("no", "No", 3, 0.5),
            Column::new("time", when_header, when_width, 1.8),
            Column::new("member_no", t("No. anggota", "Member no."), 11, 1.6),
            Column::new("name", t("Nama", "Name"), 15, 3.0),
            Column::new("card_serial", t("Seri kartu", "Card serial"), 14, 1.8),
            Column::new("clerk", t("Petugas", "Clerk"), 9, 1.8),
            Column::new("received_by", t("Diterima oleh", "Received by"), 14, 2.4),
        ],
        rows: entries
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let h = &e.handover;
                row(
                    local_time(h.at, tz, "%Y-%m-%d"),
                    vec![
                        Cell::Count(i as u64 + 1),
                        text(local_time(h.at, tz, when)),
                        text(h.member_no.as_str()),
                        text(&e.name),
                        text(h.card_serial.clone().unwrap_or_default()),
                        text(&e.clerk_name),
                        text(receiver(e, lang, paper)),
                    ],
                )
            })
            .collect(),
        empty: String::new(),
    }
}
