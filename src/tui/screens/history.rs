//! How one line of a request's history reads on screen: the step and the state it led to,
//! and for a send-back, an undo or a side exit the reason that was recorded with it.

use crate::domain::undo::UNDO;
use crate::domain::workflow::Transition;
use crate::i18n::{Lang, Localized};

pub fn label(t: &Transition, lang: Lang) -> String {
    let step = t
        .step
        .map(|s| format!("{}. ", s.number()))
        .unwrap_or_default();
    let state = t.to.localized(lang);
    let note = t.note.as_deref().unwrap_or("");
    match t.action.as_str() {
        // The reason first: the history column is narrow beside the member's data.
        UNDO => format!("↶ {} {note} → {state}", lang.text("tui-history-undo")),
        "send-back" => format!("✗ {note} → {state}"),
        "reject" | "cancel" | "reprint" if !note.is_empty() => format!("{step}{state} ({note})"),
        _ => format!("{step}{state}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::workflow::RequestState;
    use jiff::Timestamp;

    fn line(action: &str, to: RequestState, note: Option<&str>) -> Transition {
        Transition {
            from: None,
            to,
            action: action.into(),
            step: None,
            by: "rina".into(),
            terminal: "t".into(),
            at: Timestamp::UNIX_EPOCH,
            note: note.map(str::to_string),
        }
    }

    #[test]
    fn failures_and_undos_show_their_reason() {
        let l = label(
            &line(
                "send-back",
                RequestState::PhotoTaken,
                Some("nama salah ketik"),
            ),
            Lang::Id,
        );
        assert!(l.starts_with("✗ nama salah ketik"), "{l}");
        let l = label(
            &line(UNDO, RequestState::Verified, Some("print: macet")),
            Lang::En,
        );
        assert!(l.starts_with("↶ undo") && l.contains("print: macet"), "{l}");
    }
}
