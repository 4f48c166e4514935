//! Signed tokens without server-side sessions: the CSRF token of the form (double-submit: a
//! hidden field and a SameSite=Strict cookie carrying the same signed value) and the link to
//! a registration's confirmation page, which must not be guessable from the member number.

use hmac::{Hmac, Mac};
use jiff::Timestamp;
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// The name of the cookie that carries the CSRF token.
pub const COOKIE: &str = "loket_csrf";

/// A random key made when the server starts. Tokens do not outlive the process: a form opened
/// before a restart is refused once, and the person sends it again (the values are kept).
#[derive(Clone)]
pub struct Signer {
    key: [u8; 32],
}

/// Why a token was refused (for the log; the person reads one message for all of them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenProblem {
    Missing,
    Mismatch,
    BadSignature,
    Expired,
}

impl TokenProblem {
    pub fn code(self) -> &'static str {
        match self {
            TokenProblem::Missing => "csrf-missing",
            TokenProblem::Mismatch => "csrf-mismatch",
            TokenProblem::BadSignature => "csrf-bad-signature",
            TokenProblem::Expired => "csrf-expired",
        }
    }
}

fn read_or_make_key(path: &std::path::Path) -> std::io::Result<[u8; 32]> {
    use std::io::Write;
    if let Ok(bytes) = std::fs::read(path)
        && let Ok(key) = <[u8; 32]>::try_from(bytes.as_slice())
    {
        return Ok(key);
    }
    let key = Signer::random().key;
    // Written under another name and renamed: two servers starting at once never read half
    // a key, and the last one's key is the one both read next time.
    let tmp = path.with_extension("key.partial");
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut f = options.open(&tmp)?;
    f.write_all(&key)?;
    f.sync_all()?;
    std::fs::rename(&tmp, path)?;
    Ok(key)
}

impl Signer {
    pub fn random() -> Signer {
        use password_hash::rand_core::{OsRng, RngCore};
        let mut key = [0u8; 32];
        OsRng.fill_bytes(&mut key);
        Signer { key }
    }

    /// The key kept in `path` (made there, readable by its owner only, the first time), so
    /// that a restarted server still takes the forms it handed out and opens the
    /// confirmation links applicants keep. A key that cannot be kept gives a key for this run
    /// alone, and the reason to log.
    pub fn kept_in(path: &std::path::Path) -> (Signer, Option<std::io::Error>) {
        match read_or_make_key(path) {
            Ok(key) => (Signer { key }, None),
            Err(e) => (Signer::random(), Some(e)),
        }
    }

    #[cfg(test)]
    pub fn with_key(key: [u8; 32]) -> Signer {
        Signer { key }
    }

    fn mac(&self, purpose: &str, body: &str) -> String {
        let mut m = HmacSha256::new_from_slice(&self.key).expect("HMAC takes any key length");
        m.update(purpose.as_bytes());
        m.update(b"\0");
        m.update(body.as_bytes());
        hex(&m.finalize().into_bytes())
    }

    /// `body.signature`, where the signature also covers what the token is for, so a
    /// confirmation link can never pass as a CSRF token or the other way round.
    fn sign(&self, purpose: &str, body: &str) -> String {
        format!("{body}.{}", self.mac(purpose, body))
    }

    /// The body of a token signed for `purpose`, if the signature is right.
    fn open<'t>(&self, purpose: &str, token: &'t str) -> Option<&'t str> {
        let (body, sig) = token.rsplit_once('.')?;
        let expected = self.mac(purpose, body);
        same(expected.as_bytes(), sig.as_bytes()).then_some(body)
    }

    /// A fresh CSRF token: the time it was made and a random nonce, signed.
    pub fn csrf_token(&self, now: Timestamp) -> String {
        use password_hash::rand_core::{OsRng, RngCore};
        let mut nonce = [0u8; 12];
        OsRng.fill_bytes(&mut nonce);
        self.sign("csrf", &format!("{}-{}", now.as_second(), hex(&nonce)))
    }

    /// Checks the form's token against the cookie's and its signature and age.
    pub fn check_csrf(
        &self,
        field: Option<&str>,
        cookie: Option<&str>,
        now: Timestamp,
        max_age_secs: i64,
    ) -> Result<(), TokenProblem> {
        let (Some(field), Some(cookie)) = (field, cookie) else {
            return Err(TokenProblem::Missing);
        };
        if field.is_empty() {
            return Err(TokenProblem::Missing);
        }
        if !same(field.as_bytes(), cookie.as_bytes()) {
            return Err(TokenProblem::Mismatch);
        }
        let body = self.open("csrf", field).ok_or(TokenProblem::BadSignature)?;
        let made: i64 = body
            .split('-')
            .next()
            .and_then(|s| s.parse().ok())
            .ok_or(TokenProblem::BadSignature)?;
        let age = now.as_second() - made;
        // A token from the future (a clock step back) is as suspect as an old one.
        if !(-60..=max_age_secs).contains(&age) {
            return Err(TokenProblem::Expired);
        }
        Ok(())
    }

    /// The confirmation link's token for a member number: only this server can make one.
    pub fn confirmation(&self, member_no: &str, now: Timestamp) -> String {
        self.sign("confirm", &format!("{}-{member_no}", now.as_second()))
    }

    /// The member number a confirmation token was made for, if it is genuine and not too old.
    pub fn open_confirmation(
        &self,
        token: &str,
        now: Timestamp,
        max_age_secs: i64,
    ) -> Option<String> {
        let body = self.open("confirm", token)?;
        let (made, no) = body.split_once('-')?;
        let age = now.as_second() - made.parse::<i64>().ok()?;
        (0..=max_age_secs).contains(&age).then(|| no.to_string())
    }
}

/// Equality in constant time: the comparison must not tell an attacker, by how long it took,
/// how much of a guessed signature was right.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: i64) -> Timestamp {
        Timestamp::from_second(1_800_000_000 + s).unwrap()
    }

    #[test]
    fn the_key_is_kept_for_the_next_run_and_a_bad_file_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("web.key");
        let (first, problem) = Signer::kept_in(&path);
        assert!(problem.is_none());
        let (again, _) = Signer::kept_in(&path);
        assert_eq!(first.key, again.key, "the same key after a restart");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        std::fs::write(&path, b"short").unwrap();
        let (fresh, problem) = Signer::kept_in(&path);
        assert!(problem.is_none());
        assert_ne!(fresh.key, first.key);
        assert_eq!(std::fs::read(&path).unwrap().len(), 32);
        // A folder that cannot hold it: a key for this run, and the reason.
        let (_, problem) = Signer::kept_in(&dir.path().join("no-such-dir").join("web.key"));
        assert!(problem.is_some());
    }

    #[test]
    fn a_token_passes_only_with_its_cookie_its_signature_and_in_time() {
        let s = Signer::with_key([7; 32]);
        let tok = s.csrf_token(t(0));
        assert_eq!(s.check_csrf(Some(&tok), Some(&tok), t(10), 3600), Ok(()));
        assert_eq!(
            s.check_csrf(None, Some(&tok), t(10), 3600),
            Err(TokenProblem::Missing)
        );
        assert_eq!(
            s.check_csrf(Some(&tok), None, t(10), 3600),
            Err(TokenProblem::Missing)
        );
        let other = s.csrf_token(t(0));
        assert_eq!(
            s.check_csrf(Some(&tok), Some(&other), t(10), 3600),
            Err(TokenProblem::Mismatch)
        );
        assert_eq!(
            s.check_csrf(Some(&tok), Some(&tok), t(3601), 3600),
            Err(TokenProblem::Expired)
        );
        // Another server's (or a forged) token has the right shape but not the signature.
        let forged = Signer::with_key([8; 32]).csrf_token(t(0));
        assert_eq!(
            s.check_csrf(Some(&forged), Some(&forged), t(10), 3600),
            Err(TokenProblem::BadSignature)
        );
        let tampered = tok.replacen(
            &t(0).as_second().to_string(),
            &t(5000).as_second().to_string(),
            1,
        );
        assert_eq!(
            s.check_csrf(Some(&tampered), Some(&tampered), t(5001), 3600),
            Err(TokenProblem::BadSignature)
        );
    }

    #[test]
    fn a_confirmation_link_is_bound_to_its_number_and_purpose() {
        let s = Signer::with_key([7; 32]);
        let c = s.confirmation("26112800001", t(0));
        assert_eq!(
            s.open_confirmation(&c, t(60), 86400).as_deref(),
            Some("26112800001")
        );
        assert_eq!(s.open_confirmation(&c, t(90000), 86400), None);
        let guessed = c.replace("26112800001", "26112800002");
        assert_eq!(s.open_confirmation(&guessed, t(60), 86400), None);
        // A CSRF token is no confirmation link, and the reverse.
        let csrf = s.csrf_token(t(0));
        assert_eq!(s.open_confirmation(&csrf, t(1), 86400), None);
        assert!(s.check_csrf(Some(&c), Some(&c), t(1), 3600).is_err());
    }
}
