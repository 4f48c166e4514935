//! The pages: the form, the confirmation with the member number and its QR code, and the
//! refusal pages. The markup lives in `templates/web/`; askama escapes every value put into it,
//! so nothing typed into the form (nor a library's name) can become markup. This file gathers
//! what each page shows, in the reader's language.

use std::fmt::Write;

use askama::Template;

use crate::card::barcode::{Symbology, layout};
use crate::domain::member::{Field, FieldError, IdentityKind, MemberDraft};
use crate::domain::member_type::MemberType;
use crate::i18n::{Lang, Localized, field_hint};

use super::form;

pub fn lang_code(lang: Lang) -> &'static str {
    lang.code()
}

/// What the frame around every page shows: its language, its title, the switch to the other
/// language (`switch_href` with `lang=` added).
struct Frame<'a> {
    code: &'static str,
    title: &'a str,
    switch: String,
    other: &'static str,
    other_name: &'static str,
}

impl<'a> Frame<'a> {
    fn new(lang: Lang, title: &'a str, switch_href: &str) -> Frame<'a> {
        let other = match lang {
            Lang::Id => Lang::En,
            _ => Lang::Id,
        };
        let sep = if switch_href.contains('?') { '&' } else { '?' };
        Frame {
            code: lang_code(lang),
            title,
            switch: format!("{switch_href}{sep}lang={}", lang_code(other)),
            other: lang_code(other),
            other_name: other.text("language-name"),
        }
    }
}

/// askama spells the five escaped characters as numbers (`&#60;`); the pages have always used
/// the names (`&lt;`), which the tests and anyone comparing pages read. The same characters,
/// the same safety: every `&` in a rendered page starts an entity askama wrote.
fn named_entities(html: &str) -> String {
    const NAMES: [(&str, &str); 4] = [
        ("&#34;", "&quot;"),
        ("&#38;", "&amp;"),
        ("&#60;", "&lt;"),
        ("&#62;", "&gt;"),
    ];
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    let mut rest = html;
    while let Some(at) = rest.find("&#") {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        match NAMES.iter().find(|(number, _)| rest.starts_with(number)) {
            Some((number, name)) => {
                out.push_str(name);
                rest = &rest[number.len()..];
            }
            None => {
                out.push_str("&#");
                rest = &rest[2..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A page as text. The templates hold strings and numbers only, whose formatting cannot fail;
/// should one ever fail, the reader gets an empty page and the log says which.
fn render(page: &impl Template) -> String {
    match page.render() {
        Ok(html) => named_entities(&html),
        Err(e) => {
            tracing::error!(target: "loket::web", error = %e, "a page did not render");
            String::new()
        }
    }
}

/// Everything the form shows, typed values and problems included.
pub struct FormView<'a> {
    pub lang: Lang,
    pub library: &'a str,
    pub member_types: &'a [MemberType],
    pub draft: &'a MemberDraft,
    pub errors: &'a [FieldError],
    /// Problems that belong to no member field: the photo, the consent, the whole form.
    pub photo_error: Option<String>,
    pub consent_error: Option<String>,
    pub general: Option<String>,
    pub consent: bool,
    pub csrf: &'a str,
    pub photo_required: bool,
}

#[derive(Template)]
#[template(path = "web/form.html")]
struct FormPage<'a> {
    page: Frame<'a>,
    lang: Lang,
    heading: String,
    general: Option<&'a str>,
    /// How many fields need correcting, when any do.
    summary: Option<String>,
    csrf: &'a str,
    fields: Vec<FieldView<'a>>,
    photo_error: Option<&'a str>,
    photo_required: bool,
    privacy: String,
    consent: bool,
    consent_error: Option<&'a str>,
}

/// One member field of the form: its label, its input or choice, its problems.
struct FieldView<'a> {
    code: &'static str,
    label: String,
    required: bool,
    control: Control<'a>,
    errors: Vec<String>,
}

enum Control<'a> {
    Input(Input<'a>),
    Select(Vec<Choice>),
}

/// A text input: its type and the browser's hints, the value as typed, the line under it.
struct Input<'a> {
    kind: &'static str,
    inputmode: Option<&'static str>,
    autocomplete: Option<&'static str>,
    value: &'a str,
    hint: &'static str,
}

struct Choice {
    value: String,
    text: String,
    selected: bool,
}

fn input(field: Field, value: &str, lang: Lang) -> Input<'_> {
    let (kind, inputmode, autocomplete) = match field {
        Field::Phone => ("tel", None, Some("tel")),
        Field::Email => ("email", None, Some("email")),
        Field::IdentityNo => ("text", Some("numeric"), Some("off")),
        Field::FullName => ("text", None, Some("name")),
        Field::MotherName => ("text", None, Some("off")),
        _ => ("text", None, None),
    };
    Input {
        kind,
        inputmode,
        autocomplete,
        value,
        hint: field_hint(field, lang),
    }
}

fn choices(current: &str, options: Vec<(String, String)>) -> Vec<Choice> {
    options
        .into_iter()
        .map(|(value, text)| Choice {
            selected: value.eq_ignore_ascii_case(current.trim()),
            value,
            text,
        })
        .collect()
}

fn identity_name(kind: IdentityKind, lang: Lang) -> String {
    match kind {
        IdentityKind::Ktp => "KTP".into(),
        IdentityKind::Kk => lang.text("web-pages-kk-family-card").into(),
        IdentityKind::Kia => lang.text("web-pages-kia-child-s-identity-card").into(),
        IdentityKind::StudentCard => lang.text("web-pages-student-card").into(),
        IdentityKind::Passport => lang.text("web-pages-passport").into(),
    }
}

/// A member type's name: the library's own words from `loket.toml`, in Indonesian and English,
/// not the catalogues'; another language reads the Indonesian.
fn type_name(t: &MemberType, lang: Lang) -> &str {
    if lang == Lang::En {
        &t.name_en
    } else {
        &t.name
    }
}

fn control<'a>(v: &FormView<'a>, field: Field) -> Control<'a> {
    let lang = v.lang;
    let value = v.draft.field(field);
    match field {
        Field::IdentityKind => Control::Select(choices(
            value,
            IdentityKind::ALL
                .into_iter()
                .map(|k| (k.code().to_string(), identity_name(k, lang)))
                .collect(),
        )),
        Field::Sex => Control::Select(choices(
            value,
            vec![
                (String::new(), lang.text("web-pages-choose").to_string()),
                ("L".to_string(), lang.text("web-pages-male").to_string()),
                ("P".to_string(), lang.text("web-pages-female").to_string()),
            ],
        )),
        Field::MemberType => Control::Select(choices(
            value,
            v.member_types
                .iter()
                .map(|t| (t.code.clone(), type_name(t, lang).to_string()))
                .collect(),
        )),
        _ => Control::Input(input(field, value, lang)),
    }
}

/// The registration form.
pub fn form_page(v: &FormView) -> String {
    let lang = v.lang;
    let fields = Field::FORM
        .into_iter()
        .map(|field| FieldView {
            code: field.code(),
            label: field.localized(lang),
            required: required(field),
            control: control(v, field),
            errors: v
                .errors
                .iter()
                .filter(|e| e.field == field)
                .map(|e| e.problem.localized(lang))
                .collect(),
        })
        .collect();
    let problems = v.errors.len()
        + usize::from(v.photo_error.is_some())
        + usize::from(v.consent_error.is_some());
    render(&FormPage {
        page: Frame::new(lang, lang.text("web-pages-member-registration"), "/"),
        lang,
        heading: crate::t!(lang, "web-pages-registration-at", library = v.library),
        general: v.general.as_deref(),
        summary: (problems > 0)
            .then(|| crate::t!(lang, "web-pages-fields-to-correct", n = problems)),
        csrf: v.csrf,
        fields,
        photo_error: v.photo_error.as_deref(),
        photo_required: v.photo_required,
        privacy: crate::t!(lang, "web-pages-privacy", library = v.library),
        consent: v.consent,
        consent_error: v.consent_error.as_deref(),
    })
}

/// Fields the applicant must fill in (marked with a star). Phone and e-mail: one of the two.
fn required(field: Field) -> bool {
    matches!(
        field,
        Field::FullName
            | Field::IdentityNo
            | Field::BirthPlace
            | Field::BirthDate
            | Field::Sex
            | Field::Street
            | Field::MotherName
    )
}

#[derive(Template)]
#[template(path = "web/qr.svg")]
struct QrSvg<'a> {
    width: String,
    height: String,
    path: String,
    member_no: &'a str,
}

/// The member number as a QR code in SVG: the card's own QR layout (same error correction
/// and quiet zone), so the counter's scanner reads it as it reads a card.
pub fn qr_svg(member_no: &str) -> Option<String> {
    let code = layout(Symbology::Qr, member_no, 40.0, 40.0).ok()?;
    let mut path = String::new();
    for bar in &code.bars {
        let _ = write!(
            path,
            "M{:.3} {:.3}h{:.3}v{:.3}h-{:.3}z",
            bar.x, bar.y, bar.w, bar.h, bar.w
        );
    }
    Some(render(&QrSvg {
        width: format!("{:.3}", code.width_mm),
        height: format!("{:.3}", code.height_mm),
        path,
        member_no,
    }))
}

#[derive(Template)]
#[template(path = "web/confirmation.html")]
struct ConfirmationPage<'a> {
    page: Frame<'a>,
    lang: Lang,
    name_line: String,
    member_no: &'a str,
    /// Already rendered (and escaped) by its own template.
    qr: Option<String>,
    come_to_counter: String,
}

/// The confirmation: the member number large, its QR code, what to bring; printable. Only
/// the name and the number: never the NIK or the mother's name.
pub fn confirmation_page(
    lang: Lang,
    library: &str,
    member_no: &str,
    name: &str,
    self_href: &str,
) -> String {
    render(&ConfirmationPage {
        page: Frame::new(
            lang,
            lang.text("web-pages-registration-succeeded"),
            self_href,
        ),
        lang,
        name_line: crate::t!(lang, "web-pages-name-line", name = name),
        member_no,
        qr: qr_svg(member_no),
        come_to_counter: crate::t!(lang, "web-pages-come-to-the-counter", library = library),
    })
}

#[derive(Template)]
#[template(path = "web/message.html")]
struct MessagePage<'a> {
    page: Frame<'a>,
    lang: Lang,
    message: &'a str,
}

/// A page that only says what happened and what to do next, with the way back to the form.
pub fn message_page(lang: Lang, title: &str, message: &str) -> String {
    render(&MessagePage {
        page: Frame::new(lang, title, "/"),
        lang,
        message,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::member::Problem;

    #[test]
    fn a_hostile_value_comes_back_escaped_on_every_page() {
        let hostile = r#"<script>alert(1)</script>"'&"#;
        let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;";
        let mut draft = MemberDraft::default();
        *draft.field_mut(Field::FullName) = hostile.into();
        let types = MemberType::defaults();
        let form = form_page(&FormView {
            lang: Lang::Id,
            library: hostile,
            member_types: &types,
            draft: &draft,
            errors: &[],
            photo_error: Some(hostile.into()),
            consent_error: Some(hostile.into()),
            general: Some(hostile.into()),
            consent: false,
            csrf: hostile,
            photo_required: true,
        });
        // The name's value, the csrf token, the heading, the privacy notice, three problems.
        assert_eq!(form.matches(escaped).count(), 7, "{form}");
        // The name and the library.
        let confirmation = confirmation_page(Lang::En, hostile, "26112800001", hostile, "/x");
        assert_eq!(confirmation.matches(escaped).count(), 2, "{confirmation}");
        // The title twice (the window's and the heading), and the message.
        let message = message_page(Lang::En, hostile, hostile);
        assert_eq!(message.matches(escaped).count(), 3, "{message}");
        for page in [form, confirmation, message] {
            assert!(!page.contains("<script"), "{page}");
        }
    }

    #[test]
    fn the_pages_keep_named_entities_and_what_looks_like_one() {
        assert_eq!(
            named_entities("&#60;b&#62; &#38;#60; &#34;&#39;"),
            "&lt;b&gt; &amp;#60; &quot;&#39;"
        );
    }

    /// The message ids the templates name exist, as `tests/catalogues.rs` checks for the code.
    #[test]
    fn every_message_a_template_names_is_in_the_catalogues() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/web");
        let mut named = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            for piece in text.split("text(\"").skip(1) {
                let id = piece.split('"').next().unwrap();
                named += 1;
                for lang in [Lang::Id, Lang::En] {
                    assert_ne!(lang.text(id), id, "{}: {id} ({lang:?})", path.display());
                }
            }
        }
        assert!(named > 10, "{named}");
    }

    #[test]
    fn the_form_keeps_values_escaped_and_marks_the_bad_field() {
        let mut draft = MemberDraft::default();
        *draft.field_mut(Field::FullName) = "<b>Siti</b>\"".into();
        let errors = [FieldError {
            field: Field::Phone,
            problem: Problem::PhoneOrEmailRequired,
        }];
        let types = MemberType::defaults();
        let html = form_page(&FormView {
            lang: Lang::En,
            library: "Perpustakaan <Uji>",
            member_types: &types,
            draft: &draft,
            errors: &errors,
            photo_error: None,
            consent_error: None,
            general: None,
            consent: false,
            csrf: "tok\"en",
            photo_required: true,
        });
        assert!(html.contains("value=\"&lt;b&gt;Siti&lt;/b&gt;&quot;\""));
        assert!(!html.contains("<b>Siti"));
        assert!(html.contains("Perpustakaan &lt;Uji&gt;"));
        assert!(html.contains("value=\"tok&quot;en\""));
        assert!(html.contains("id=\"phone-err\">give an active phone number or e-mail"));
        assert!(html.contains("The photo has to be chosen again"));
        assert!(html.contains("<html lang=\"en\">"));
        assert!(!html.contains("<script"));
    }

    #[test]
    fn the_qr_code_is_an_svg_of_dark_cells() {
        let svg = qr_svg("26112800001").unwrap();
        assert!(svg.starts_with("<svg class=\"qr\""));
        assert!(svg.matches('z').count() > 20, "{svg}");
    }
}
