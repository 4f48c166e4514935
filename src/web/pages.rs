//! The pages, as HTML strings: the form, the confirmation with the member number and its QR
//! code, and the refusal pages. No JavaScript; one column that reads on a phone; every value
//! that did not come from this file goes through `esc`.

use std::fmt::Write;

use crate::card::barcode::{Symbology, layout};
use crate::domain::member::{Field, FieldError, IdentityKind, MemberDraft};
use crate::domain::member_type::MemberType;
use crate::i18n::{Lang, Localized, field_hint};

use super::form;

/// HTML-escapes text for element content and quoted attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const CSS: &str = "
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,'DejaVu Sans',sans-serif;margin:0;padding:1rem;line-height:1.45;color:#1a1a1a;background:#fff}
main{max-width:36rem;margin:0 auto}
h1{font-size:1.4rem;margin:.2rem 0 1rem}
nav{text-align:right;font-size:.95rem}
label{display:block;font-weight:600;margin-top:1rem}
input[type=text],input[type=tel],input[type=email],select{display:block;width:100%;font-size:1rem;padding:.55rem;border:1px solid #888;border-radius:.3rem}
input[type=file]{margin-top:.3rem;font-size:1rem}
.hint{font-size:.85rem;color:#555;margin:.2rem 0 0}
.err{color:#a00;font-size:.9rem;margin:.25rem 0 0;font-weight:600}
.bad input,.bad select{border:2px solid #a00}
.summary{border:2px solid #a00;padding:.6rem .8rem;border-radius:.3rem;background:#fff4f4}
.notice{border:1px solid #888;padding:.6rem .8rem;border-radius:.3rem;background:#f6f6f6;font-size:.92rem}
.consent{display:flex;gap:.5rem;align-items:flex-start;font-weight:400}
.consent input{width:1.3rem;height:1.3rem;flex:none}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
button{margin-top:1.4rem;width:100%;font-size:1.1rem;padding:.8rem;border:0;border-radius:.3rem;background:#0b5394;color:#fff}
.member-no{font-size:2.6rem;font-weight:700;letter-spacing:.08em;text-align:center;margin:.5rem 0;font-family:'DejaVu Sans Mono',monospace}
.qr{display:block;width:14rem;max-width:80%;margin:0 auto}
@media print{nav,.noprint{display:none}body{padding:0}}
";

/// The page around every body: language, viewport, the style, the language switch.
fn page(lang: Lang, title: &str, switch_href: &str, body: &str) -> String {
    let (other, other_name) = match lang {
        Lang::Id => ("en", "English"),
        _ => ("id", "Bahasa Indonesia"),
    };
    let sep = if switch_href.contains('?') { '&' } else { '?' };
    format!(
        "<!doctype html>\n<html lang=\"{code}\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<meta name=\"referrer\" content=\"no-referrer\">\
<title>{title}</title><style>{CSS}</style></head>\
<body><main><nav><a href=\"{href}{sep}lang={other}\" hreflang=\"{other}\">{other_name}</a></nav>\n{body}</main></body></html>\n",
        code = lang_code(lang),
        title = esc(title),
        href = esc(switch_href),
    )
}

pub fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "id",
        _ => "en",
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

/// A problem, beside the input `id` it belongs to (`id-err`, which tests look up).
fn error_line(out: &mut String, id: &str, message: &str) {
    let _ = write!(out, "<p class=\"err\" id=\"{id}-err\">{}</p>", esc(message));
}

/// A field's problems, beside it.
fn field_errors(out: &mut String, errors: &[FieldError], field: Field, lang: Lang) {
    for e in errors.iter().filter(|e| e.field == field) {
        error_line(out, field.code(), &e.problem.localized(lang));
    }
}

fn input_kind(field: Field) -> &'static str {
    match field {
        Field::Phone => "tel\" autocomplete=\"tel",
        Field::Email => "email\" autocomplete=\"email",
        Field::IdentityNo => "text\" inputmode=\"numeric\" autocomplete=\"off",
        Field::FullName => "text\" autocomplete=\"name",
        Field::MotherName => "text\" autocomplete=\"off",
        _ => "text",
    }
}

fn select(out: &mut String, code: &str, current: &str, options: &[(String, String)]) {
    let _ = write!(out, "<select id=\"{code}\" name=\"{code}\">");
    for (value, text) in options {
        let selected = if value.eq_ignore_ascii_case(current.trim()) {
            " selected"
        } else {
            ""
        };
        let _ = write!(
            out,
            "<option value=\"{}\"{selected}>{}</option>",
            esc(value),
            esc(text)
        );
    }
    out.push_str("</select>");
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

/// The registration form. Values come back as typed; the photo cannot (browsers never
/// refill a file input), which the photo's hint says when the form comes back.
pub fn form_page(v: &FormView) -> String {
    let lang = v.lang;
    let mut b = String::new();
    let _ = write!(
        b,
        "<h1>{}</h1><p>{}</p>",
        esc(&format!(
            "{} — {}",
            lang.text("web-pages-member-registration"),
            v.library
        )),
        lang.text("web-pages-fill-in-your-data-as-on")
    );
    let problems = v.errors.len()
        + usize::from(v.photo_error.is_some())
        + usize::from(v.consent_error.is_some());
    if v.general.is_some() || problems > 0 {
        b.push_str("<div class=\"summary\" role=\"alert\">");
        if let Some(g) = &v.general {
            let _ = write!(b, "<p id=\"general-err\">{}</p>", esc(g));
        }
        if problems > 0 {
            let _ = write!(
                b,
                "<p>{}</p>",
                match lang {
                    Lang::Id => format!(
                        "Ada {problems} isian yang perlu diperbaiki (ditandai merah di bawah). Foto perlu dipilih lagi."
                    ),
                    _ => format!(
                        "{problems} field(s) need correcting (marked red below). The photo has to be chosen again."
                    ),
                }
            );
        }
        b.push_str("</div>");
    }
    let _ = write!(
        b,
        "<form method=\"post\" action=\"/?lang={code}\" enctype=\"multipart/form-data\" accept-charset=\"utf-8\">\
<input type=\"hidden\" name=\"{}\" value=\"{code}\"><input type=\"hidden\" name=\"{}\" value=\"{}\">",
        form::LANG,
        form::CSRF,
        esc(v.csrf),
        code = lang_code(lang),
    );
    for field in Field::FORM {
        let code = field.code();
        let bad = v.errors.iter().any(|e| e.field == field);
        let _ = write!(
            b,
            "<div{}><label for=\"{code}\">{}{}</label>",
            if bad { " class=\"bad\"" } else { "" },
            esc(&field.localized(lang)),
            if required(field) { " *" } else { "" }
        );
        let value = v.draft.field(field);
        match field {
            Field::IdentityKind => {
                let options: Vec<_> = IdentityKind::ALL
                    .into_iter()
                    .map(|k| (k.code().to_string(), identity_name(k, lang)))
                    .collect();
                select(&mut b, code, value, &options);
            }
            Field::Sex => {
                let options = [
                    (String::new(), lang.text("web-pages-choose").to_string()),
                    ("L".to_string(), lang.text("web-pages-male").to_string()),
                    ("P".to_string(), lang.text("web-pages-female").to_string()),
                ];
                select(&mut b, code, value, &options);
            }
            Field::MemberType => {
                let options: Vec<_> = v
                    .member_types
                    .iter()
                    .map(|t| {
                        let name = lang.pick(&t.name, &t.name_en);
                        (t.code.clone(), name.to_string())
                    })
                    .collect();
                select(&mut b, code, value, &options);
            }
            _ => {
                let _ = write!(
                    b,
                    "<input type=\"{}\" id=\"{code}\" name=\"{code}\" value=\"{}\">",
                    input_kind(field),
                    esc(value)
                );
                let hint = field_hint(field, lang);
                if !hint.is_empty() {
                    let _ = write!(b, "<p class=\"hint\">{}</p>", esc(hint));
                }
            }
        }
        field_errors(&mut b, v.errors, field, lang);
        b.push_str("</div>");
    }
    // The photo.
    let _ = write!(
        b,
        "<div{}><label for=\"{p}\">{}{}</label>\
<input type=\"file\" id=\"{p}\" name=\"{p}\" accept=\"image/jpeg,image/png\">\
<p class=\"hint\">{}</p>",
        if v.photo_error.is_some() {
            " class=\"bad\""
        } else {
            ""
        },
        lang.text("web-pages-photo-of-yourself"),
        if v.photo_required { " *" } else { "" },
        lang.text("web-pages-jpeg-or-png-facing-the-camera"),
        p = form::PHOTO,
    );
    if let Some(e) = &v.photo_error {
        error_line(&mut b, form::PHOTO, e);
    }
    b.push_str("</div>");
    // The honeypot: off-screen, skipped by the tab key and hidden from screen readers.
    let _ = write!(
        b,
        "<div class=\"hp\" aria-hidden=\"true\"><label for=\"{h}\">{}</label>\
<input type=\"text\" id=\"{h}\" name=\"{h}\" value=\"\" tabindex=\"-1\" autocomplete=\"off\"></div>",
        lang.text("web-pages-leave-this-empty"),
        h = form::HONEYPOT,
    );
    // The privacy notice and the consent.
    let _ = write!(
        b,
        "<div class=\"notice\"><p><strong>{}</strong> {}</p></div>\
<div{}><label class=\"consent\"><input type=\"checkbox\" name=\"{c}\" id=\"{c}\" value=\"1\"{}> {}</label>",
        lang.text("web-pages-privacy-notice"),
        esc(&privacy(lang, v.library)),
        if v.consent_error.is_some() {
            " class=\"bad\""
        } else {
            ""
        },
        if v.consent { " checked" } else { "" },
        lang.text("web-pages-i-have-read-the-privacy-notice"),
        c = form::CONSENT,
    );
    if let Some(e) = &v.consent_error {
        error_line(&mut b, form::CONSENT, e);
    }
    let _ = write!(
        b,
        "</div><button type=\"submit\">{}</button></form>",
        lang.text("web-pages-send-registration")
    );
    page(lang, lang.text("web-pages-member-registration"), "/", &b)
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

fn privacy(lang: Lang, library: &str) -> String {
    match lang {
        Lang::Id => format!(
            "Data ini (nama, NIK, alamat, tanggal lahir, nama ibu kandung, nomor HP/e-mail, foto) dipakai hanya untuk keanggotaan di {library} dan disimpan di perpustakaan, sesuai UU 27/2022 tentang Pelindungan Data Pribadi. NIK dan nama ibu kandung tidak dicetak di kartu dan tidak dibagikan kepada pihak lain. Anda dapat meminta data diperbaiki atau dihapus di loket."
        ),
        _ => format!(
            "This data (name, NIK, address, birth date, mother's birth name, phone/e-mail, photo) is used only for your membership of {library} and kept at the library, under Indonesia's personal data protection law (UU 27/2022). The NIK and mother's name are never printed on the card nor shared with others. You may ask at the counter for your data to be corrected or deleted."
        ),
    }
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
    Some(format!(
        "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w:.3} {h:.3}\" role=\"img\" aria-label=\"QR {no}\" shape-rendering=\"crispEdges\">\
<rect width=\"{w:.3}\" height=\"{h:.3}\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>",
        w = code.width_mm,
        h = code.height_mm,
        no = esc(member_no),
    ))
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
    let mut b = String::new();
    let _ = write!(
        b,
        "<h1>{}</h1><p>{}</p><p>{}</p><p class=\"member-no\" id=\"member-no\">{}</p>{}",
        lang.text("web-pages-registration-succeeded"),
        esc(&format!("{}: {name}", lang.text("web-pages-name"))),
        lang.text("web-pages-your-member-number-note-it-keep"),
        esc(member_no),
        qr_svg(member_no).unwrap_or_default()
    );
    let _ = write!(
        b,
        "<h2>{}</h2><ol><li>{}</li><li>{}</li><li>{}</li></ol><p>{}</p>\
<p class=\"noprint\">{}</p>",
        lang.text("web-pages-what-next"),
        esc(&match lang {
            Lang::Id => format!("Datang ke loket {library}."),
            _ => format!("Come to the counter of {library}."),
        }),
        lang.text("web-pages-show-this-member-number-or-its"),
        lang.text("web-pages-bring-your-ktp-identity-card-if"),
        lang.text("web-pages-the-staff-check-your-data-and"),
        lang.text("web-pages-to-print-the-browser-menu-print"),
    );
    page(
        lang,
        lang.text("web-pages-registration-succeeded"),
        self_href,
        &b,
    )
}

/// A page that only says what happened and what to do next, with the way back to the form.
pub fn message_page(lang: Lang, title: &str, message: &str) -> String {
    let body = format!(
        "<h1>{}</h1><p id=\"message\">{}</p><p><a href=\"/?lang={}\">{}</a></p>",
        esc(title),
        esc(message),
        lang_code(lang),
        lang.text("web-pages-to-the-registration-form")
    );
    page(lang, title, "/", &body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::member::Problem;

    #[test]
    fn esc_neutralises_markup_and_quotes() {
        assert_eq!(
            esc(r#"<script>alert("x")</script> & 'y'"#),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"
        );
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
