//! Turns the byte stream of a serial scanner into scans: the `[scanner]` config, framing by
//! suffix or idle time, and cleaning (garbage, prefixes, AIM identifiers). Pure: no I/O, no clock.

use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, Localized};

use super::wedge::WedgeConfig;

/// A partial frame left this long without its suffix is thrown away when more bytes come: it is
/// the tail of a scan cut off by a power-up or a loose plug, and joining it to the next scan
/// would give a wrong code. A whole scan at 1200 baud (64 characters) takes about 0.6 s.
pub const STALE_AFTER: Duration = Duration::from_secs(1);

/// What the scanner sends after each code (set on the scanner itself, usually by scanning a
/// configuration barcode from its manual).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Suffix {
    /// Carriage return (0x0D), the factory setting of most scanners.
    #[default]
    Cr,
    /// Line feed (0x0A).
    Lf,
    /// CR then LF. The frame ends at the LF; the CR, like any line-ending byte, is dropped.
    Crlf,
    /// Nothing: a code ends when the line has been quiet for `idle_ms`.
    None,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Parity {
    #[default]
    None,
    Odd,
    Even,
}

/// The `[scanner]` section of `loket.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ScannerConfig {
    /// Serial device, best a stable name: `/dev/serial/by-id/usb-…` or a udev link such as
    /// `/dev/loket-scanner`. `None`: no serial scanner (a keyboard-wedge one still works).
    pub port: Option<String>,
    pub baud: u32,
    /// 5 to 8.
    pub data_bits: u8,
    pub parity: Parity,
    /// 1 or 2.
    pub stop_bits: u8,
    pub suffix: Suffix,
    /// With suffix `none`: quiet time that ends a code, in milliseconds.
    pub idle_ms: u64,
    /// A fixed prefix the scanner is set to send before each code, removed when present.
    pub strip_prefix: Option<String>,
    /// Remove an AIM symbology identifier (`]C0` Code 128, `]A0` Code 39, `]Q1` QR, …).
    pub strip_aim: bool,
    /// Longer frames are dropped, not cut: a truncated member number would find the wrong member.
    pub max_len: usize,
    /// Keyboard-wedge detection, `[scanner.wedge]`.
    pub wedge: WedgeConfig,
}

impl Default for ScannerConfig {
    fn default() -> Self {
        ScannerConfig {
            port: None,
            baud: 9600,
            data_bits: 8,
            parity: Parity::None,
            stop_bits: 1,
            suffix: Suffix::Cr,
            idle_ms: 50,
            strip_prefix: None,
            strip_aim: false,
            max_len: 64,
            wedge: WedgeConfig::default(),
        }
    }
}

/// A `[scanner]` setting that cannot work.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScannerConfigError {
    #[error("no serial port configured")]
    NoPort,
    #[error("baud rate must be above 0")]
    Baud,
    #[error("data_bits must be 5, 6, 7 or 8, not {0}")]
    DataBits(u8),
    #[error("stop_bits must be 1 or 2, not {0}")]
    StopBits(u8),
    #[error("idle_ms must be between 5 and 2000, not {0}")]
    IdleMs(u64),
    #[error("max_len must be between 1 and 4096, not {0}")]
    MaxLen(usize),
    #[error("strip_prefix must be printable ASCII")]
    Prefix,
}

impl ScannerConfig {
    /// Checks the settings a serial scanner needs; `port` is checked by the serial task.
    pub fn validate(&self) -> Result<(), ScannerConfigError> {
        if self.baud == 0 {
            return Err(ScannerConfigError::Baud);
        }
        if !(5..=8).contains(&self.data_bits) {
            return Err(ScannerConfigError::DataBits(self.data_bits));
        }
        if !(1..=2).contains(&self.stop_bits) {
            return Err(ScannerConfigError::StopBits(self.stop_bits));
        }
        if !(5..=2000).contains(&self.idle_ms) {
            return Err(ScannerConfigError::IdleMs(self.idle_ms));
        }
        if !(1..=4096).contains(&self.max_len) {
            return Err(ScannerConfigError::MaxLen(self.max_len));
        }
        if let Some(p) = &self.strip_prefix
            && !p.bytes().all(is_printable)
        {
            return Err(ScannerConfigError::Prefix);
        }
        Ok(())
    }
}

impl Localized for ScannerConfigError {
    fn localized(&self, lang: Lang) -> String {
        let what = match self {
            ScannerConfigError::NoPort => lang
                .text("scanner-frame-no-scanner-port-is-set")
                .to_string(),
            ScannerConfigError::Baud => lang.text("scanner-frame-baud-must-be-above-0").to_string(),
            ScannerConfigError::DataBits(n) => {
                crate::t!(lang, "scanner-frame-data-bits-out-of-range", n = *n)
            }
            ScannerConfigError::StopBits(n) => {
                crate::t!(lang, "scanner-frame-stop-bits-out-of-range", n = *n)
            }
            ScannerConfigError::IdleMs(n) => {
                crate::t!(lang, "scanner-frame-idle-ms-out-of-range", n = *n)
            }
            ScannerConfigError::MaxLen(n) => {
                crate::t!(lang, "scanner-frame-max-len-out-of-range", n = *n)
            }
            ScannerConfigError::Prefix => lang
                .text("scanner-frame-strip-prefix-may-hold-only-plain")
                .to_string(),
        };
        crate::t!(lang, "scanner-frame-settings-wrong", what = what)
    }
}

/// One code read by a scanner, cleaned: printable ASCII, prefix and AIM identifier removed.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Scan(pub String);

impl Scan {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn is_printable(b: u8) -> bool {
    (0x20..=0x7e).contains(&b)
}

/// Removes the configured prefix, then an AIM identifier: scanners send them in that order
/// (prefix, symbology identifier, data, suffix).
fn strip<'a>(code: &'a str, prefix: Option<&str>, aim: bool) -> &'a str {
    let mut s = code;
    if let Some(p) = prefix.filter(|p| !p.is_empty())
        && let Some(rest) = s.strip_prefix(p)
    {
        s = rest;
    }
    // An AIM identifier is `]`, a symbology letter and a modifier character (ISO/IEC 15424).
    let b = s.as_bytes();
    if aim
        && b.len() >= 3
        && b[0] == b']'
        && b[1].is_ascii_alphabetic()
        && b[2].is_ascii_alphanumeric()
    {
        s = &s[3..];
    }
    s.trim()
}

/// Cuts a serial byte stream into scans. Feed it every read with the time it arrived; with
/// suffix `none`, also call [`Framer::tick`] at [`Framer::deadline`].
///
/// Cleaning rule: inside a frame, CR and LF that are not the suffix are ignored; other control
/// bytes and non-ASCII bytes (line noise, a wrong baud rate) are garbage and removed. A frame
/// with at least as many garbage bytes as printable ones is dropped whole, because the few
/// printable bytes left in noise would make a plausible but wrong code; the clerk scans again.
/// Empty frames (a bare suffix) and frames over `max_len` are dropped too.
#[derive(Debug, Clone)]
pub struct Framer {
    suffix: Suffix,
    idle: Duration,
    prefix: Option<String>,
    aim: bool,
    max_len: usize,
    buf: String,
    garbage: usize,
    overlong: bool,
    last: Option<Instant>,
    dropped: u64,
}

impl Framer {
    pub fn new(config: &ScannerConfig) -> Framer {
        Framer {
            suffix: config.suffix,
            idle: Duration::from_millis(config.idle_ms),
            prefix: config.strip_prefix.clone(),
            aim: config.strip_aim,
            max_len: config.max_len,
            buf: String::new(),
            garbage: 0,
            overlong: false,
            last: None,
            dropped: 0,
        }
    }

    /// Bytes just read, arrived at `at`. Returns the scans they complete, in order.
    pub fn feed(&mut self, bytes: &[u8], at: Instant) -> Vec<Scan> {
        let mut out = Vec::new();
        if bytes.is_empty() {
            return out;
        }
        // A late feed must not join two codes that a timely tick would have kept apart.
        if let Some(last) = self.last
            && self.has_partial()
        {
            let gap = at.saturating_duration_since(last);
            if self.suffix == Suffix::None && gap >= self.idle {
                out.extend(self.finish());
            } else if self.suffix != Suffix::None && gap >= STALE_AFTER {
                self.discard();
            }
        }
        for &b in bytes {
            if self.ends_frame(b) {
                out.extend(self.finish());
            } else if b == b'\r' || b == b'\n' {
                // A line ending that is not our suffix (a CRLF scanner on a CR setting): not
                // data, and not noise either.
            } else if is_printable(b) {
                if self.buf.len() < self.max_len {
                    self.buf.push(b as char);
                } else {
                    self.overlong = true;
                }
            } else {
                self.garbage += 1;
            }
        }
        self.last = Some(at);
        out
    }

    /// The clock moved to `now` with no bytes: with suffix `none`, a quiet line ends the code.
    pub fn tick(&mut self, now: Instant) -> Option<Scan> {
        let deadline = self.deadline()?;
        if now < deadline {
            return None;
        }
        match self.suffix {
            Suffix::None => self.finish(),
            _ => {
                self.discard();
                None
            }
        }
    }

    /// When [`Framer::tick`] has something to do; `None` while no frame is open.
    pub fn deadline(&self) -> Option<Instant> {
        let last = self.last.filter(|_| self.has_partial())?;
        Some(
            last + match self.suffix {
                Suffix::None => self.idle,
                _ => STALE_AFTER,
            },
        )
    }

    /// Forgets a partial frame: the device went away mid-scan.
    pub fn reset(&mut self) {
        self.discard();
        self.last = None;
    }

    /// How many non-empty frames were thrown away (garbage, too long, stale): for diagnostics.
    pub fn dropped(&self) -> u64 {
        self.dropped
    }

    fn ends_frame(&self, b: u8) -> bool {
        match self.suffix {
            Suffix::Cr => b == b'\r',
            Suffix::Lf | Suffix::Crlf => b == b'\n',
            Suffix::None => false,
        }
    }

    fn has_partial(&self) -> bool {
        !self.buf.is_empty() || self.garbage > 0 || self.overlong
    }

    fn discard(&mut self) {
        if self.has_partial() {
            self.dropped += 1;
        }
        self.buf.clear();
        self.garbage = 0;
        self.overlong = false;
    }

    fn finish(&mut self) -> Option<Scan> {
        let printable = self.buf.len();
        let usable = !self.overlong && printable > self.garbage;
        let code = usable
            .then(|| strip(&self.buf, self.prefix.as_deref(), self.aim).to_string())
            .filter(|c| !c.is_empty());
        if code.is_some() {
            self.buf.clear();
            self.garbage = 0;
        } else {
            self.discard();
        }
        code.map(Scan)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn framer(f: impl FnOnce(&mut ScannerConfig)) -> Framer {
        let mut c = ScannerConfig::default();
        f(&mut c);
        c.validate().unwrap();
        Framer::new(&c)
    }

    fn scans(v: &[&str]) -> Vec<Scan> {
        v.iter().map(|s| Scan(s.to_string())).collect()
    }

    fn ms(t0: Instant, n: u64) -> Instant {
        t0 + Duration::from_millis(n)
    }

    #[test]
    fn defaults_match_the_usual_factory_settings() {
        let c: ScannerConfig = toml::from_str("").unwrap();
        assert_eq!(c, ScannerConfig::default());
        assert_eq!((c.baud, c.data_bits, c.stop_bits), (9600, 8, 1));
        assert_eq!(
            (c.parity, c.suffix, c.idle_ms, c.max_len),
            (Parity::None, Suffix::Cr, 50, 64)
        );
        let c: ScannerConfig = toml::from_str(
            "port = \"/dev/loket-scanner\"\nsuffix = \"crlf\"\nparity = \"even\"\nstrip_aim = true",
        )
        .unwrap();
        assert_eq!(c.suffix, Suffix::Crlf);
        assert_eq!(c.parity, Parity::Even);
        assert!(toml::from_str::<ScannerConfig>("sufix = \"cr\"").is_err());
    }

    #[test]
    fn bad_settings_are_refused_with_a_fix() {
        let bad = |f: fn(&mut ScannerConfig)| {
            let mut c = ScannerConfig::default();
            f(&mut c);
            c.validate().unwrap_err()
        };
        assert_eq!(bad(|c| c.data_bits = 9), ScannerConfigError::DataBits(9));
        assert_eq!(bad(|c| c.stop_bits = 0), ScannerConfigError::StopBits(0));
        assert_eq!(bad(|c| c.baud = 0), ScannerConfigError::Baud);
        assert_eq!(bad(|c| c.idle_ms = 0), ScannerConfigError::IdleMs(0));
        assert_eq!(bad(|c| c.max_len = 0), ScannerConfigError::MaxLen(0));
        assert_eq!(
            bad(|c| c.strip_prefix = Some("\t".into())),
            ScannerConfigError::Prefix
        );
        let e = ScannerConfigError::DataBits(9);
        assert!(e.localized(Lang::Id).contains("Perbaiki"));
        assert!(e.localized(Lang::En).contains("Fix them"));
    }

    #[test]
    fn each_suffix_ends_a_frame() {
        let t = Instant::now();
        assert_eq!(framer(|_| ()).feed(b"A1\rB2\r", t), scans(&["A1", "B2"]));
        let mut lf = framer(|c| c.suffix = Suffix::Lf);
        assert_eq!(lf.feed(b"A1\nB2\n", t), scans(&["A1", "B2"]));
        let mut crlf = framer(|c| c.suffix = Suffix::Crlf);
        assert_eq!(crlf.feed(b"A1\r\nB2\r\n", t), scans(&["A1", "B2"]));
    }

    #[test]
    fn a_foreign_line_ending_is_ignored_not_a_frame() {
        let t = Instant::now();
        // A scanner left on CRLF while loket expects CR: the LF opens no empty or odd scan.
        assert_eq!(
            framer(|_| ()).feed(b"A1\r\nB2\r\n", t),
            scans(&["A1", "B2"])
        );
        // With CRLF expected, a lone CR does not end the code.
        let mut crlf = framer(|c| c.suffix = Suffix::Crlf);
        assert_eq!(crlf.feed(b"A1\rB2\r\n", t), scans(&["A1B2"]));
    }

    #[test]
    fn a_code_split_across_reads_is_joined() {
        let t = Instant::now();
        let mut f = framer(|_| ());
        assert_eq!(f.feed(b"2501", t), vec![]);
        assert_eq!(f.tick(ms(t, 200)), None);
        assert_eq!(f.feed(b"1500", ms(t, 200)), vec![]);
        assert_eq!(f.feed(b"007\rX", ms(t, 230)), scans(&["25011500007"]));
        assert_eq!(f.feed(b"9\r", ms(t, 240)), scans(&["X9"]));
    }

    #[test]
    fn suffix_none_ends_a_code_after_the_idle_time() {
        let t = Instant::now();
        let mut f = framer(|c| c.suffix = Suffix::None);
        assert_eq!(f.feed(b"250115", t), vec![]);
        assert_eq!(f.feed(b"00007", ms(t, 20)), vec![]);
        assert_eq!(f.deadline(), Some(ms(t, 70)));
        assert_eq!(f.tick(ms(t, 69)), None);
        assert_eq!(f.tick(ms(t, 70)), Some(Scan("25011500007".into())));
        assert_eq!(f.deadline(), None);
        assert_eq!(f.tick(ms(t, 500)), None);
    }

    #[test]
    fn suffix_none_keeps_codes_apart_even_when_tick_is_late() {
        let t = Instant::now();
        let mut f = framer(|c| c.suffix = Suffix::None);
        assert_eq!(f.feed(b"AAA", t), vec![]);
        assert_eq!(f.feed(b"BBB", ms(t, 80)), scans(&["AAA"]));
        assert_eq!(f.tick(ms(t, 130)), Some(Scan("BBB".into())));
    }

    #[test]
    fn empty_frames_are_dropped() {
        let t = Instant::now();
        let mut f = framer(|_| ());
        assert_eq!(f.feed(b"\r\r   \r", t), vec![]);
        assert_eq!(f.feed(b"7\r", t), scans(&["7"]));
    }

    #[test]
    fn a_few_garbage_bytes_are_removed() {
        let t = Instant::now();
        let mut f = framer(|_| ());
        assert_eq!(f.feed(b"\x00\xff12345\x07\r", t), scans(&["12345"]));
        assert_eq!(f.dropped(), 0);
    }

    #[test]
    fn a_frame_that_is_mostly_garbage_is_dropped_whole() {
        let t = Instant::now();
        let mut f = framer(|_| ());
        // Half garbage is already too much: "1\x00" could be any code.
        assert_eq!(f.feed(b"1\x00\r", t), vec![]);
        assert_eq!(f.feed(b"\xe0\x1c7\xfe\x80\r", t), vec![]);
        assert_eq!(f.feed(b"\x01\x02\x03\r", t), vec![]);
        assert_eq!(f.dropped(), 3);
        // One fewer garbage byte than printable ones: kept.
        assert_eq!(f.feed(b"12\x00\r", t), scans(&["12"]));
    }

    #[test]
    fn an_overlong_frame_is_dropped_not_cut() {
        let t = Instant::now();
        let mut f = framer(|c| c.max_len = 5);
        assert_eq!(f.feed(b"123456\r12345\r", t), scans(&["12345"]));
        assert_eq!(f.dropped(), 1);
    }

    #[test]
    fn a_stale_partial_frame_is_not_glued_to_the_next_scan() {
        let t = Instant::now();
        let mut f = framer(|_| ());
        assert_eq!(f.feed(b"99", t), vec![]);
        assert_eq!(f.feed(b"12345\r", ms(t, 1500)), scans(&["12345"]));
        // The same through tick.
        assert_eq!(f.feed(b"88", ms(t, 2000)), vec![]);
        assert_eq!(f.tick(ms(t, 3000)), None);
        assert_eq!(f.feed(b"777\r", ms(t, 3001)), scans(&["777"]));
        assert_eq!(f.dropped(), 2);
    }

    #[test]
    fn reset_forgets_half_a_scan() {
        let t = Instant::now();
        let mut f = framer(|_| ());
        f.feed(b"123", t);
        f.reset();
        assert_eq!(f.feed(b"456\r", t), scans(&["456"]));
    }

    #[test]
    fn aim_identifier_and_prefix_are_stripped() {
        let t = Instant::now();
        let mut f = framer(|c| c.strip_aim = true);
        assert_eq!(
            f.feed(b"]C025011500007\r]A0ABC\r]Q1http://x\r", t),
            scans(&["25011500007", "ABC", "http://x"])
        );
        // Not an identifier: kept as data.
        assert_eq!(f.feed(b"]C\r]$0X\r", t), scans(&["]C", "]$0X"]));
        let mut f = framer(|c| {
            c.strip_aim = true;
            c.strip_prefix = Some("LKT".into());
        });
        assert_eq!(f.feed(b"LKT]C0123\r123\rLKT\r", t), scans(&["123", "123"]));
        // Without strip_aim the identifier is part of the code.
        assert_eq!(framer(|_| ()).feed(b"]C0123\r", t), scans(&["]C0123"]));
    }
}
