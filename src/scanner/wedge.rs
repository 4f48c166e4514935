//! Keyboard-wedge scanners: a scanner that types its code as keystrokes. Tells a scan (a fast
//! burst of characters ending in Enter) from a person typing the same keys. Pure: no clock.

use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

/// `[scanner.wedge]` in `loket.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct WedgeConfig {
    /// Off: every key is typing (for a counter with a serial scanner only).
    pub enabled: bool,
    /// Fewest characters before Enter that can be a scan; shorter bursts are typing.
    pub min_len: usize,
    /// Longest gap between two characters of one scan, in milliseconds. USB scanners send a
    /// character every 1–15 ms; the fastest typists leave 60 ms or more between keys.
    pub max_gap_ms: u64,
    /// Longest wait from the last character to the Enter that ends the scan.
    pub enter_ms: u64,
}

impl Default for WedgeConfig {
    fn default() -> Self {
        WedgeConfig {
            enabled: true,
            min_len: 4,
            max_gap_ms: 30,
            enter_ms: 50,
        }
    }
}

/// The keys the detector looks at. Every other key (arrows, Backspace, Esc, …) is typing by
/// definition: call [`WedgeDetector::flush`] before handling it so nothing is reordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WedgeKey {
    Char(char),
    Enter,
}

/// What the screen gets, in the order the keys were pressed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WedgeOutput {
    /// A scanner's burst, without the Enter.
    Scan(String),
    /// A key a person typed, to be handled as usual.
    Typed(WedgeKey),
}

/// Holds back characters while they may still be the start of a scan, and releases them as
/// typing, in order, as soon as they cannot be one (a gap too long, Enter too early or too
/// late, a non-character key). Typing is thus delayed by at most `max(max_gap_ms, enter_ms)`,
/// which nobody notices; the app loop must call [`WedgeDetector::tick`] at
/// [`WedgeDetector::deadline`] so a lone key does not wait for the next one.
#[derive(Debug, Clone)]
pub struct WedgeDetector {
    config: WedgeConfig,
    held: String,
    last: Option<Instant>,
}

impl WedgeDetector {
    pub fn new(config: WedgeConfig) -> WedgeDetector {
        WedgeDetector {
            config,
            held: String::new(),
            last: None,
        }
    }

    /// A key pressed at `at`. Returns what can be decided now.
    pub fn feed(&mut self, key: WedgeKey, at: Instant) -> Vec<WedgeOutput> {
        if !self.config.enabled {
            return vec![WedgeOutput::Typed(key)];
        }
        let mut out = Vec::new();
        let gap = self.last.map(|l| at.saturating_duration_since(l));
        match key {
            WedgeKey::Char(c) => {
                if gap.is_some_and(|g| g >= self.max_gap()) {
                    // Too slow to belong to the held burst: those keys were typed. This one may
                    // still start a scan, so it is held in turn.
                    self.release(&mut out);
                }
                self.held.push(c);
                self.last = Some(at);
            }
            WedgeKey::Enter => {
                let is_scan = self.held.chars().count() >= self.config.min_len
                    && gap.is_some_and(|g| g < self.enter_wait());
                if is_scan {
                    out.push(WedgeOutput::Scan(std::mem::take(&mut self.held)));
                    self.last = None;
                } else {
                    self.release(&mut out);
                    out.push(WedgeOutput::Typed(WedgeKey::Enter));
                }
            }
        }
        out
    }

    /// The clock reached `now` with no key: held keys that can no longer become a scan are
    /// released as typing.
    pub fn tick(&mut self, now: Instant) -> Vec<WedgeOutput> {
        let mut out = Vec::new();
        if self.deadline().is_some_and(|d| now >= d) {
            self.release(&mut out);
        }
        out
    }

    /// When [`WedgeDetector::tick`] must run next; `None` when nothing is held.
    pub fn deadline(&self) -> Option<Instant> {
        let last = self.last.filter(|_| !self.held.is_empty())?;
        // A burst long enough for a scan may still get its Enter; a shorter one only a char.
        let wait = if self.held.chars().count() >= self.config.min_len {
            self.max_gap().max(self.enter_wait())
        } else {
            self.max_gap()
        };
        Some(last + wait)
    }

    /// Releases every held key as typing: before a key the detector does not look at, when the
    /// screen changes, or when the terminal loses focus.
    pub fn flush(&mut self) -> Vec<WedgeOutput> {
        let mut out = Vec::new();
        self.release(&mut out);
        out
    }

    fn release(&mut self, out: &mut Vec<WedgeOutput>) {
        out.extend(
            self.held
                .drain(..)
                .map(|c| WedgeOutput::Typed(WedgeKey::Char(c))),
        );
        self.last = None;
    }

    fn max_gap(&self) -> Duration {
        Duration::from_millis(self.config.max_gap_ms)
    }

    fn enter_wait(&self) -> Duration {
        Duration::from_millis(self.config.enter_ms)
    }
}

/// The detector's view of a crossterm key event: plain characters (Shift allowed, as scanners
/// use it for capitals) and Enter, on press. `None` for everything else, which is typing.
pub fn wedge_key(ev: &crossterm::event::KeyEvent) -> Option<WedgeKey> {
    use crossterm::event::{KeyCode, KeyEventKind, KeyModifiers};
    if ev.kind == KeyEventKind::Release {
        return None;
    }
    if !(ev.modifiers - KeyModifiers::SHIFT).is_empty() {
        return None;
    }
    match ev.code {
        KeyCode::Char(c) => Some(WedgeKey::Char(c)),
        KeyCode::Enter => Some(WedgeKey::Enter),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use WedgeKey::{Char, Enter};
    use WedgeOutput::{Scan, Typed};

    /// Feeds `text` then Enter, one key every `gap_ms`, ticking between keys as the app loop
    /// would, and returns everything the detector let out, in order.
    fn run(d: &mut WedgeDetector, t0: Instant, text: &str, gap_ms: u64) -> Vec<WedgeOutput> {
        let mut out = Vec::new();
        let mut now = t0;
        let keys = text.chars().map(Char).chain([Enter]);
        for (i, k) in keys.enumerate() {
            let at = t0 + Duration::from_millis(gap_ms * i as u64);
            // Tick at every deadline that falls before this key, like a poll timeout.
            while let Some(dl) = d.deadline().filter(|dl| *dl <= at) {
                now = now.max(dl);
                out.extend(d.tick(now));
            }
            out.extend(d.feed(k, at));
        }
        out
    }

    fn typed(s: &str) -> Vec<WedgeOutput> {
        s.chars()
            .map(|c| Typed(Char(c)))
            .chain([Typed(Enter)])
            .collect()
    }

    #[test]
    fn a_fast_burst_ending_in_enter_is_a_scan() {
        let mut d = WedgeDetector::new(WedgeConfig::default());
        let out = run(&mut d, Instant::now(), "25011500007", 8);
        assert_eq!(out, vec![Scan("25011500007".into())]);
        assert_eq!(d.deadline(), None);
    }

    #[test]
    fn the_same_keys_at_human_speed_are_typing_in_order() {
        let mut d = WedgeDetector::new(WedgeConfig::default());
        let out = run(&mut d, Instant::now(), "25011500007", 150);
        assert_eq!(out, typed("25011500007"));
    }

    #[test]
    fn a_burst_too_short_is_typing() {
        let mut d = WedgeDetector::new(WedgeConfig::default());
        let out = run(&mut d, Instant::now(), "ok!", 5);
        assert_eq!(out, typed("ok!"));
    }

    #[test]
    fn a_burst_whose_enter_comes_late_is_released_as_typing() {
        let t = Instant::now();
        let ms = |n| t + Duration::from_millis(n);
        let mut d = WedgeDetector::new(WedgeConfig::default());
        let mut out = Vec::new();
        for (i, c) in "ABCDE".chars().enumerate() {
            out.extend(d.feed(Char(c), ms(5 * i as u64)));
        }
        assert!(out.is_empty(), "held while it may be a scan");
        // The last char came at 20 ms; Enter may come until 70 ms.
        assert_eq!(d.deadline(), Some(ms(70)));
        assert!(d.tick(ms(69)).is_empty());
        out.extend(d.tick(ms(70)));
        out.extend(d.feed(Enter, ms(300)));
        assert_eq!(out, typed("ABCDE"));
    }

    #[test]
    fn held_keys_are_released_before_the_slow_key_that_breaks_the_burst() {
        let t = Instant::now();
        let ms = |n| t + Duration::from_millis(n);
        let mut d = WedgeDetector::new(WedgeConfig::default());
        // Two quick keys (a typist's roll), then a pause, then a real scan burst.
        let mut out = Vec::new();
        out.extend(d.feed(Char('a'), ms(0)));
        out.extend(d.feed(Char('b'), ms(20)));
        out.extend(d.feed(Char('1'), ms(200)));
        assert_eq!(out, vec![Typed(Char('a')), Typed(Char('b'))]);
        for (i, c) in "2345".chars().enumerate() {
            out.extend(d.feed(Char(c), ms(205 + 5 * i as u64)));
        }
        out.extend(d.feed(Enter, ms(230)));
        assert_eq!(
            out,
            vec![Typed(Char('a')), Typed(Char('b')), Scan("12345".into())]
        );
    }

    #[test]
    fn flush_releases_in_order_before_a_key_the_detector_ignores() {
        let t = Instant::now();
        let mut d = WedgeDetector::new(WedgeConfig::default());
        assert!(d.feed(Char('x'), t).is_empty());
        assert!(d.feed(Char('y'), t + Duration::from_millis(3)).is_empty());
        assert_eq!(d.flush(), vec![Typed(Char('x')), Typed(Char('y'))]);
        assert!(d.flush().is_empty());
        assert_eq!(d.deadline(), None);
    }

    #[test]
    fn disabled_everything_is_typing_at_once() {
        let mut d = WedgeDetector::new(WedgeConfig {
            enabled: false,
            ..WedgeConfig::default()
        });
        assert_eq!(
            run(&mut d, Instant::now(), "25011500007", 2),
            typed("25011500007")
        );
    }

    #[test]
    fn crossterm_keys_map_to_wedge_keys() {
        use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
        let k = |code, m| KeyEvent::new(code, m);
        assert_eq!(
            wedge_key(&k(KeyCode::Char('A'), KeyModifiers::SHIFT)),
            Some(Char('A'))
        );
        assert_eq!(
            wedge_key(&k(KeyCode::Enter, KeyModifiers::NONE)),
            Some(Enter)
        );
        assert_eq!(
            wedge_key(&k(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            None
        );
        assert_eq!(wedge_key(&k(KeyCode::Backspace, KeyModifiers::NONE)), None);
        let mut release = k(KeyCode::Char('1'), KeyModifiers::NONE);
        release.kind = KeyEventKind::Release;
        assert_eq!(wedge_key(&release), None);
    }
}
