//! Colours of the counter program: the three themes in `themes/*.toml` (built in, so a counter
//! PC needs no files beside the binary) or a file the config names; `NO_COLOR` turns colour off.

use std::collections::BTreeMap;

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

use crate::domain::workflow::Timing;
use crate::i18n::{Lang, Localized};

/// The built-in themes by name; the first is the default.
pub const BUILT_IN: [(&str, &str); 3] = [
    ("default", include_str!("../../themes/default.toml")),
    ("light", include_str!("../../themes/light.toml")),
    (
        "high-contrast",
        include_str!("../../themes/high-contrast.toml"),
    ),
];

/// `[tui]` in `loket.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct TuiConfig {
    /// A built-in theme's name (`default`, `light`, `high-contrast`) or the path of a theme file.
    pub theme: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub header: Style,
    pub footer: Style,
    pub selection: Style,
    pub within: Style,
    pub near: Style,
    pub over: Style,
    pub error: Style,
    pub accent: Style,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct StyleSpec {
    fg: Option<String>,
    bg: Option<String>,
    #[serde(default)]
    bold: bool,
    #[serde(default)]
    underline: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum ThemeError {
    #[error("theme {name}: {reason}")]
    Bad { name: String, reason: String },
}

impl Localized for ThemeError {
    fn localized(&self, lang: Lang) -> String {
        let ThemeError::Bad { name, reason } = self;
        crate::t!(
            lang,
            "tui-theme-cannot-be-used",
            name = name.as_str(),
            reason = reason.as_str()
        )
    }
}

impl Default for Theme {
    fn default() -> Self {
        Theme::parse("default", BUILT_IN[0].1).expect("the built-in theme parses")
    }
}

impl Theme {
    /// No colour at all, for `NO_COLOR` (no-color.org): weight and reverse video only, so the
    /// selection and an overdue step still stand out.
    pub fn plain() -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Theme {
            header: Style::new().add_modifier(Modifier::REVERSED),
            footer: Style::new().add_modifier(Modifier::REVERSED),
            selection: Style::new().add_modifier(Modifier::REVERSED),
            within: Style::new(),
            near: Style::new().add_modifier(Modifier::UNDERLINED),
            over: bold.add_modifier(Modifier::UNDERLINED),
            error: bold,
            accent: bold,
        }
    }

    /// A theme file's text.
    pub fn parse(name: &str, text: &str) -> Result<Theme, ThemeError> {
        let bad = |reason: String| ThemeError::Bad {
            name: name.to_string(),
            reason,
        };
        let specs: BTreeMap<String, StyleSpec> =
            toml::from_str(text).map_err(|e| bad(e.to_string()))?;
        let style = |key: &str| -> Result<Style, ThemeError> {
            let spec = specs.get(key).cloned().unwrap_or_default();
            let colour = |c: &Option<String>| -> Result<Option<Color>, ThemeError> {
                c.as_deref()
                    .map(|s| {
                        s.parse::<Color>()
                            .map_err(|_| bad(format!("{key}: colour '{s}'")))
                    })
                    .transpose()
            };
            let mut st = Style::new();
            if let Some(c) = colour(&spec.fg)? {
                st = st.fg(c);
            }
            if let Some(c) = colour(&spec.bg)? {
                st = st.bg(c);
            }
            if spec.bold {
                st = st.add_modifier(Modifier::BOLD);
            }
            if spec.underline {
                st = st.add_modifier(Modifier::UNDERLINED);
            }
            Ok(st)
        };
        Ok(Theme {
            header: style("header")?,
            footer: style("footer")?,
            selection: style("selection")?,
            within: style("within")?,
            near: style("near")?,
            over: style("over")?,
            error: style("error")?,
            accent: style("accent")?,
        })
    }

    /// The theme the config asks for: a built-in name or a file; plain when `no_color`.
    pub fn load(config: &TuiConfig, no_color: bool) -> Result<Theme, ThemeError> {
        if no_color {
            return Ok(Theme::plain());
        }
        let name = config.theme.trim();
        if name.is_empty() {
            return Ok(Theme::default());
        }
        if let Some((_, text)) = BUILT_IN.iter().find(|(n, _)| *n == name) {
            return Theme::parse(name, text);
        }
        let text =
            crate::fsutil::read_bounded_text(std::path::Path::new(name), 1 << 20).map_err(|e| {
                ThemeError::Bad {
                    name: name.to_string(),
                    reason: e.to_string(),
                }
            })?;
        Theme::parse(name, &text)
    }

    pub fn timing(&self, t: Timing) -> Style {
        match t {
            Timing::Within => self.within,
            Timing::Near => self.near,
            Timing::Over => self.over,
        }
    }
}

/// `NO_COLOR` set to anything but the empty string (no-color.org), or a terminal type that
/// has no colour: a supervisor's plain `TERM=vt100` session gets weight and reverse video,
/// not escape codes it would print as garbage.
pub fn no_color_from_env() -> bool {
    no_color(
        std::env::var_os("NO_COLOR").as_deref(),
        std::env::var("TERM").ok().as_deref(),
    )
}

fn no_color(no_color: Option<&std::ffi::OsStr>, term: Option<&str>) -> bool {
    const MONOCHROME: [&str; 7] = [
        "dumb",
        "vt52",
        "vt100",
        "vt102",
        "vt220",
        "vt320",
        "xterm-mono",
    ];
    no_color.is_some_and(|v| !v.is_empty())
        || term
            .is_some_and(|t| MONOCHROME.contains(&t) || t.ends_with("-mono") || t.ends_with("-m"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_is_off_for_no_color_and_for_monochrome_terminals() {
        use std::ffi::OsStr;
        assert!(no_color(Some(OsStr::new("1")), Some("xterm-256color")));
        assert!(
            !no_color(Some(OsStr::new("")), Some("xterm-256color")),
            "empty is unset"
        );
        for t in ["vt100", "vt220", "dumb", "xterm-mono", "linux-m"] {
            assert!(no_color(None, Some(t)), "{t}");
        }
        for t in ["xterm-256color", "screen", "tmux-256color", "linux"] {
            assert!(!no_color(None, Some(t)), "{t}");
        }
        assert!(!no_color(None, None));
    }

    #[test]
    fn every_built_in_theme_parses_and_tells_the_timings_apart() {
        for (name, text) in BUILT_IN {
            let t = Theme::parse(name, text).unwrap();
            assert_ne!(t.within, t.over, "{name}");
            assert_ne!(t.near, t.over, "{name}");
            assert_ne!(t.selection, Style::new(), "{name}");
        }
    }

    #[test]
    fn no_color_gives_no_colour() {
        let t = Theme::load(&TuiConfig::default(), true).unwrap();
        for st in [t.header, t.selection, t.over, t.error] {
            assert_eq!((st.fg, st.bg), (None, None));
        }
        assert_ne!(t.over, t.within);
    }

    #[test]
    fn a_bad_colour_or_a_missing_file_is_reported_with_the_way_out() {
        let e = Theme::parse("mine", "over = { fg = \"merah\" }").unwrap_err();
        assert!(e.localized(Lang::Id).contains("merah"));
        let e = Theme::load(
            &TuiConfig {
                theme: "/nonexistent/tema.toml".into(),
            },
            false,
        )
        .unwrap_err();
        assert!(e.localized(Lang::En).contains("high-contrast"));
        let light = Theme::load(
            &TuiConfig {
                theme: "light".into(),
            },
            false,
        )
        .unwrap();
        assert_ne!(light, Theme::default());
    }
}
