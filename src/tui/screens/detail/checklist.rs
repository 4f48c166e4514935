//! The checklist of SOP 4: the items the clerk ticks against the document, the ones loket
//! checks itself (the NIK, duplicates), and the reason asked for when one fails.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::style::Style;
use ratatui::text::Line;

use crate::domain::checklist::{CheckItem, Checklist};
use crate::domain::member::{IdentityKind, Member};
use crate::i18n::Localized;
use crate::service::Verification;
use crate::tui::app::{Action, Step, View};
use crate::tui::widgets::TextInput;

/// Checklist items the clerk decides; the NIK and duplicate items loket works out itself.
pub(super) const CLERK_ITEMS: [CheckItem; 3] = [
    CheckItem::DocumentSeen,
    CheckItem::DataMatch,
    CheckItem::PhotoAcceptable,
];

pub struct ChecklistForm {
    /// What loket found for the items it checks itself.
    pub(super) computed: Checklist,
    pub(super) ticked: [bool; 3],
    pub(super) focus: usize,
    pub(super) document: IdentityKind,
    /// Asked for when an item is left unticked (why it failed) or a duplicate NIK was found
    /// (why to go on anyway).
    pub(super) reason: Option<TextInput>,
}

impl ChecklistForm {
    pub(super) fn duplicate_found(&self) -> bool {
        self.computed
            .result(CheckItem::NoDuplicate)
            .is_some_and(|r| !r.passed)
    }
}

/// The checklist's keys: an action, and whether the checklist closes.
pub(super) fn checklist_key(form: &mut ChecklistForm, key: KeyEvent) -> (Option<Action>, bool) {
    if let Some(reason) = &mut form.reason {
        match key.code {
            KeyCode::Esc => form.reason = None,
            KeyCode::Enter if !reason.value.trim().is_empty() => {
                let text = reason.value.trim().to_string();
                let failed = CLERK_ITEMS
                    .iter()
                    .zip(form.ticked)
                    .find(|(_, t)| !t)
                    .map(|(item, _)| (*item, text.clone()));
                let duplicate_reason = (failed.is_none() && form.duplicate_found()).then_some(text);
                return (
                    Some(Action::Step(Step::Verify(Verification {
                        document: Some(form.document),
                        failed,
                        duplicate_reason,
                    }))),
                    false,
                );
            }
            _ => {
                reason.edit(&key);
            }
        }
        return (None, false);
    }
    match key.code {
        KeyCode::Esc => return (None, true),
        KeyCode::Up => form.focus = form.focus.saturating_sub(1),
        KeyCode::Down => form.focus = (form.focus + 1).min(CLERK_ITEMS.len() - 1),
        KeyCode::Char(' ') => {
            form.ticked[form.focus] = !form.ticked[form.focus];
            form.focus = (form.focus + 1).min(CLERK_ITEMS.len() - 1);
        }
        KeyCode::Char('a') => form.ticked = [true; 3],
        KeyCode::Char('d') => {
            form.document = match form.document {
                IdentityKind::Ktp => IdentityKind::Kk,
                _ => IdentityKind::Ktp,
            }
        }
        KeyCode::Enter => {
            // Everything ticked and nothing loket found against it: verified at once. Else
            // the reason first: a failed item's, or why to go on despite a duplicate NIK.
            if form.ticked.iter().all(|t| *t) && !form.duplicate_found() {
                return (
                    Some(Action::Step(Step::Verify(Verification {
                        document: Some(form.document),
                        failed: None,
                        duplicate_reason: None,
                    }))),
                    false,
                );
            }
            form.reason = Some(TextInput::default());
        }
        _ => {}
    }
    (None, false)
}

pub(super) fn checklist_lines(
    form: &ChecklistForm,
    member: Option<&Member>,
    v: &View,
) -> Vec<Line<'static>> {
    let lang = v.lang;
    let mut lines = Vec::new();
    if let Some(m) = member {
        // The whole NIK here only: this is where it is compared with the document.
        let nik = m
            .nik
            .as_ref()
            .map(|n| n.as_str().to_string())
            .unwrap_or_default();
        lines.push(Line::raw(format!(
            "{} · NIK {nik} · {}",
            m.full_name,
            m.birth_date.strftime("%d-%m-%Y")
        )));
    }
    lines.push(Line::raw(crate::t!(
        lang,
        "tui-detail-document-d-switches",
        document = form.document.code().to_uppercase()
    )));
    lines.push(Line::raw(""));
    for (i, item) in CLERK_ITEMS.iter().enumerate() {
        let mark = if form.ticked[i] { "[x]" } else { "[ ]" };
        let style = if i == form.focus && form.reason.is_none() {
            v.theme.selection
        } else {
            Style::new()
        };
        lines.push(Line::styled(
            format!("{mark} {}", item.localized(lang)),
            style,
        ));
    }
    for item in [CheckItem::NikConsistent, CheckItem::NoDuplicate] {
        let (mark, style, note) = match form.computed.result(item) {
            Some(r) if !r.passed => ("[!]", v.theme.error, r.note.clone().unwrap_or_default()),
            _ => ("[✓]", v.theme.within, String::new()),
        };
        let note = if note.is_empty() {
            String::new()
        } else {
            format!(": {note}")
        };
        lines.push(Line::styled(
            format!(
                "{mark} {}{note} ({})",
                item.localized(lang),
                lang.text("tui-detail-checked-by-loket")
            ),
            style,
        ));
    }
    if let Some(reason) = &form.reason {
        lines.push(Line::raw(""));
        lines.push(Line::raw(
            lang.text("tui-detail-reason-an-unticked-item-failed-duplicate"),
        ));
        lines.push(Line::styled(
            format!("{}▏", reason.value),
            v.theme.selection,
        ));
    }
    lines
}
