//! A change to loket.toml while the counter runs: what can take effect at once does (the
//! printer and card template, standard times, the undo window and idle lock), and the notice
//! says so; what needs a restart (scanner, theme, language) is named with what to do.

use std::path::PathBuf;
use std::time::SystemTime;

use crate::config::Config;
use crate::i18n::Localized;

use super::{App, Notice};

fn modified(path: &std::path::Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

impl App {
    /// Watches the config file: each tick compares its modification time (one `stat`).
    pub fn watch_config(&mut self, path: PathBuf) {
        let seen = modified(&path);
        self.config_watch = Some((path, seen));
    }

    pub(super) fn reload_config_if_changed(&mut self) {
        let Some((path, seen)) = &self.config_watch else {
            return;
        };
        let now = modified(path);
        if now == *seen {
            return;
        }
        let path = path.clone();
        self.config_watch = Some((path.clone(), now));
        let new = match Config::load(&path) {
            Ok(c) => c,
            Err(e) => {
                let text = crate::t!(
                    self.lang,
                    "tui-app-reload-previous-settings-stay",
                    problem = e.localized(self.lang)
                );
                self.notice = Some(Notice { text, error: true });
                return;
            }
        };
        let section = |c: &Config, name: &str| c.other.get(name).cloned();
        let changed = |name: &str| section(&self.config, name) != section(&new, name);
        let mut now_in_use = Vec::new();
        if changed("card") {
            now_in_use.push(self.lang.text("tui-app-reload-printer-and-card-template"));
        }
        if self.config.standard_minutes != new.standard_minutes {
            now_in_use.push(self.lang.text("tui-app-reload-standard-times"));
        }
        if changed("counter") {
            now_in_use.push(self.lang.text("tui-app-reload-undo-window-and-idle-lock"));
        }
        if self.config.library != new.library || self.config.member_types != new.member_types {
            now_in_use.push(self.lang.text("tui-app-reload-library-details"));
        }
        let mut restart = Vec::new();
        for (name, what) in [
            ("scanner", self.lang.text("tui-app-reload-scanner")),
            ("tui", self.lang.text("tui-app-reload-colour-theme")),
            ("photo", self.lang.text("tui-app-reload-camera")),
        ] {
            if changed(name) {
                restart.push(what);
            }
        }
        if self.config.language != new.language || self.config.timezone != new.timezone {
            restart.push(self.lang.text("tui-app-reload-language-and-time-zone"));
        }
        self.config = new;
        let mut text = String::new();
        if !now_in_use.is_empty() {
            text = crate::t!(
                self.lang,
                "tui-app-reload-new-settings-in-use",
                settings = now_in_use.join(", ")
            );
        }
        if !restart.is_empty() {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&crate::t!(
                self.lang,
                "tui-app-reload-takes-effect-after-restart",
                settings = restart.join(", ")
            ));
        }
        if !text.is_empty() {
            self.say(text);
        }
    }
}
