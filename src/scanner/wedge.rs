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

/// What the app loop gets from [`WedgeFilter`]: a scan, or a terminal event for the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Routed {
    Scan(String),
    Event(crossterm::event::Event),
}

/// The detector wrapped around the terminal's event stream, for the app loop, so that every
/// screen gets wedge scans without each screen knowing about them. Typing comes out as the
/// original crossterm events (modifiers and all), in the order they arrived.
#[derive(Debug, Clone)]
pub struct WedgeFilter {
    detector: WedgeDetector,
    /// Events fed to the detector and not yet let out, oldest first. The detector lets keys
    /// out strictly in feed order, so its outputs map onto this queue from the front.
    queue: std::collections::VecDeque<crossterm::event::Event>,
}

impl WedgeFilter {
    pub fn new(config: WedgeConfig) -> WedgeFilter {
        WedgeFilter {
            detector: WedgeDetector::new(config),
            queue: Default::default(),
        }
    }

    /// A terminal event read at `at`.
    pub fn event(&mut self, ev: crossterm::event::Event, at: Instant) -> Vec<Routed> {
        use crossterm::event::{Event, KeyEventKind};
        let (key, release) = match &ev {
            Event::Key(k) => (wedge_key(k), k.kind == KeyEventKind::Release),
            _ => (None, false),
        };
        if let Some(key) = key {
            self.queue.push_back(ev);
            let out = self.detector.feed(key, at);
            return self.route(out);
        }
        // A key release carries no input (only terminals with the kitty protocol send them);
        // letting it through untouched keeps a scan burst whole.
        if release {
            return vec![Routed::Event(ev)];
        }
        // Anything else ends a would-be burst: what was held was typed before it.
        let out = self.detector.flush();
        let mut routed = self.route(out);
        routed.push(Routed::Event(ev));
        routed
    }

    /// Call when [`WedgeFilter::deadline`] has passed with no event.
    pub fn tick(&mut self, now: Instant) -> Vec<Routed> {
        let out = self.detector.tick(now);
        self.route(out)
    }

    /// The latest time to wake up for [`WedgeFilter::tick`]: use it as the poll timeout.
    pub fn deadline(&self) -> Option<Instant> {
        self.detector.deadline()
    }

    /// Lets everything held out as typing (before leaving a screen).
    pub fn flush(&mut self) -> Vec<Routed> {
        let out = self.detector.flush();
        self.route(out)
    }

    fn route(&mut self, out: Vec<WedgeOutput>) -> Vec<Routed> {
        let mut routed = Vec::with_capacity(out.len());
        for o in out {
            match o {
                WedgeOutput::Typed(_) => {
                    if let Some(ev) = self.queue.pop_front() {
                        routed.push(Routed::Event(ev));
                    }
                }
                WedgeOutput::Scan(code) => {
                    // The scan's characters and its Enter are consumed, not typed.
                    let n = code.chars().count() + 1;
                    self.queue.drain(..n.min(self.queue.len()));
                    routed.push(Routed::Scan(code));
                }
            }
        }
        routed
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
    fn the_filter_routes_scans_and_returns_typing_as_the_original_events_in_order() {
        use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
        let key = |code, m| Event::Key(KeyEvent::new(code, m));
        let t = Instant::now();
        let ms = |n| t + Duration::from_millis(n);
        let mut f = WedgeFilter::new(WedgeConfig::default());
        let mut out = Vec::new();
        // A person types "Ab", presses an arrow, then a scanner sends 2501 + Enter while a key
        // release (kitty protocol) comes in between.
        out.extend(f.event(key(KeyCode::Char('A'), KeyModifiers::SHIFT), ms(0)));
        out.extend(f.event(key(KeyCode::Char('b'), KeyModifiers::NONE), ms(10)));
        out.extend(f.event(key(KeyCode::Left, KeyModifiers::NONE), ms(20)));
        let mut release = KeyEvent::new(KeyCode::Char('2'), KeyModifiers::NONE);
        release.kind = KeyEventKind::Release;
        for (i, c) in "2501".chars().enumerate() {
            out.extend(f.event(
                key(KeyCode::Char(c), KeyModifiers::NONE),
                ms(500 + 4 * i as u64),
            ));
            if i == 0 {
                out.extend(f.event(Event::Key(release), ms(502)));
            }
        }
        out.extend(f.event(key(KeyCode::Enter, KeyModifiers::NONE), ms(516)));
        // Then a typed "x" left alone until its deadline.
        out.extend(f.event(key(KeyCode::Char('x'), KeyModifiers::NONE), ms(900)));
        let dl = f.deadline().expect("x is held");
        out.extend(f.tick(dl));
        assert_eq!(
            out,
            vec![
                Routed::Event(key(KeyCode::Char('A'), KeyModifiers::SHIFT)),
                Routed::Event(key(KeyCode::Char('b'), KeyModifiers::NONE)),
                Routed::Event(key(KeyCode::Left, KeyModifiers::NONE)),
                Routed::Event(Event::Key(release)),
                Routed::Scan("2501".into()),
                Routed::Event(key(KeyCode::Char('x'), KeyModifiers::NONE)),
            ]
        );
        assert!(f.flush().is_empty());
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
