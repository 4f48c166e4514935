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

/// A member type's name: the library's own words from `loket.toml`, in Indonesian and English;
/// a report in another language prints the Indonesian.
fn type_name(mt: &MemberType, lang: Lang) -> &str {
    if lang == Lang::En {
        &mt.name_en
    } else {
        &mt.name
    }
}

/// The report's tables, in the order they are printed.
pub fn summary_tables(s: &Summary, types: &[MemberType], lang: Lang) -> Vec<Table> {
    let r = &s.registrations;
    let mut sources: Vec<(&str, &str, u64)> = Source::ALL
        .iter()
        .map(|&src| (src.code(), source_name(src, lang), r.of_source(src)))
        .collect();
    sources.extend([
        (
            "total",
            lang.text("report-tables-registrations-total"),
            r.total(),
        ),
        ("renewal", lang.text("report-tables-renewals"), r.renewals),
        (
            "replacement",
            lang.text("report-tables-replacements"),
            r.replacements,
        ),
    ]);
    let c = &s.cards;
    let cards = vec![
        ("issued", lang.text("report-tables-cards-issued"), c.issued),
        (
            "issued_new",
            lang.text("report-tables-cards-issued-new"),
            c.issued_new,
        ),
        (
            "issued_renewal",
            lang.text("report-tables-cards-issued-renewal"),
            c.issued_renewal,
        ),
        (
            "replaced",
            lang.text("report-tables-cards-replaced"),
            c.replaced,
        ),
        (
            "printed",
            lang.text("report-tables-cards-printed"),
            c.printed,
        ),
        (
            "reprinted",
            lang.text("report-tables-cards-reprinted"),
            c.reprinted,
        ),
    ];
    let steps = Table {
        id: "steps",
        title: lang.text("report-tables-steps-title").into(),
        columns: vec![
            Column::new("label", lang.text("report-tables-step"), 24, 4.0),
            Column::new("count", "n", 5, 1.0),
            Column::new("median_seconds", "median", 7, 1.3),
            Column::new("p90_seconds", "p90", 7, 1.3),
            Column::new(
                "standard_seconds",
                lang.text("report-tables-standard"),
                8,
                1.3,
            ),
            Column::new("within", lang.text("report-tables-within-standard"), 6, 1.1),
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
        title: lang.text("report-tables-clerks-title").into(),
        columns: vec![
            Column::new("label", lang.text("report-tables-clerk"), 24, 4.0),
            Column::new("steps", lang.text("report-tables-steps"), 8, 1.0),
            Column::new("handovers", lang.text("report-tables-handed-over"), 11, 1.0),
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
        empty: lang.text("report-tables-no-steps").into(),
    };
    let v = &s.visits;
    let by_day = Table {
        id: "visits_by_day",
        title: lang.text("report-tables-visits-by-day-title").into(),
        columns: vec![
            Column::new("label", lang.text("report-tables-date"), 12, 2.0),
            Column::new("people", lang.text("report-tables-people"), 7, 1.0),
            Column::new("members", lang.text("report-tables-members"), 8, 1.0),
            Column::new("guests", lang.text("report-tables-guests"), 6, 1.0),
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
        title: lang.text("report-tables-visits-by-hour-title").into(),
        columns: vec![
            Column::new("label", lang.text("report-tables-hour"), 12, 2.0),
            Column::new("people", lang.text("report-tables-people"), 7, 1.0),
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
        empty: lang.text("report-tables-no-visits").into(),
    };
    let by_type = Table {
        id: "visits_by_type",
        title: lang.text("report-tables-visits-by-type-title").into(),
        columns: vec![
            Column::new("label", lang.text("report-tables-member-type"), 24, 3.0),
            Column::new("visits", lang.text("report-tables-visits"), 9, 1.0),
        ],
        rows: v
            .by_type
            .iter()
            .map(|(code, n)| {
                let name = match types.iter().find(|t| &t.code == code) {
                    Some(mt) => type_name(mt, lang).to_string(),
                    None if code.is_empty() => lang.text("report-tables-unknown-type").to_string(),
                    None => code.clone(),
                };
                row(code.clone(), vec![text(name), Cell::Count((*n).into())])
            })
            .collect(),
        empty: lang.text("report-tables-no-member-visits").into(),
    };
    let guests = counts(
        "guests",
        lang.text("report-tables-guests-title"),
        lang.text("report-tables-guests-label"),
        vec![
            (
                "entries",
                lang.text("report-tables-guest-entries"),
                v.guest_entries.into(),
            ),
            (
                "people",
                lang.text("report-tables-guest-people"),
                v.total.guests.into(),
            ),
        ],
        lang,
    );
    vec![
        counts(
            "registrations",
            lang.text("report-tables-registrations-title"),
            lang.text("report-tables-source"),
            sources,
            lang,
        ),
        counts(
            "cards",
            lang.text("report-tables-cards"),
            lang.text("report-tables-cards"),
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
    let (when, when_width, when_header) = if paper {
        ("%d-%m-%Y %H:%M", 16, lang.text("report-tables-date-time"))
    } else {
        ("%H:%M", 5, lang.text("report-tables-time"))
    };
    Table {
        id: "register",
        title: String::new(),
        columns: vec![
            Column::new("no", "No", 3, 0.5),
            Column::new("time", when_header, when_width, 1.8),
            Column::new("member_no", lang.text("report-tables-member-no"), 11, 1.6),
            Column::new("name", lang.text("report-tables-name"), 15, 3.0),
            Column::new(
                "card_serial",
                lang.text("report-tables-card-serial"),
                14,
                1.8,
            ),
            Column::new("clerk", lang.text("report-tables-clerk"), 9, 1.8),
            Column::new(
                "received_by",
                lang.text("report-tables-received-by"),
                14,
                2.4,
            ),
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
