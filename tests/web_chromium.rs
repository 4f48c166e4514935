//! A person's path through the web form, in Debian's headless Chromium: open the form, fill it
//! in, choose a photo, send, read the member number off the page (and its QR code off a
//! screenshot, with zbarimg), then find the request in the store.
//!
//! Chromium is driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`: it
//! reads JSON messages on descriptor 3 and writes them on 4, each ended by a NUL byte), so no
//! port, websocket or driver program is needed. Without chromium the test is skipped, unless
//! LOKET_TEST_CHROMIUM is set (CI sets it), when it fails instead.

mod common;
mod webclient;

use std::io::{BufRead, BufReader, Write};
use std::os::fd::AsRawFd;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use common::Site;
use loket::domain::workflow::{RequestState, Source};
use loket::store::Store;
use serde_json::{Value, json};
use webclient::{Server, applicant, photo_jpeg};

fn chromium() -> Option<PathBuf> {
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

/// A headless Chromium and its DevTools pipe.
struct Browser {
    child: Child,
    to: std::io::PipeWriter,
    from: Receiver<Value>,
    next_id: u64,
    _profile: tempfile::TempDir,
}

impl Browser {
    fn launch(bin: &Path) -> Browser {
        let profile = tempfile::tempdir().unwrap();
        // Ours: we write to `to`, read from `from`. Theirs: chromium's descriptors 3 and 4.
        let (their_in, to) = std::io::pipe().unwrap();
        let (from, their_out) = std::io::pipe().unwrap();
        let (r, w) = (their_in.as_raw_fd(), their_out.as_raw_fd());
        let mut cmd = Command::new(bin);
        cmd.args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--window-size=412,915",
            "--remote-debugging-pipe",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("about:blank")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
        // SAFETY: between fork and exec only async-signal-safe calls (fcntl, dup2). The
        // descriptors are first moved above 9 so that placing one on 3 cannot clobber the
        // other; dup2's copies are not close-on-exec, so chromium inherits them.
        unsafe {
            cmd.pre_exec(move || {
                let r = libc::fcntl(r, libc::F_DUPFD, 10);
                let w = libc::fcntl(w, libc::F_DUPFD, 10);
                if r < 0 || w < 0 || libc::dup2(r, 3) < 0 || libc::dup2(w, 4) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = cmd.spawn().expect("chromium starts");
        drop((their_in, their_out));
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(from);
            let mut buf = Vec::new();
            while reader.read_until(0, &mut buf).is_ok_and(|n| n > 0) {
                buf.pop_if(|b| *b == 0);
                if let Ok(v) = serde_json::from_slice::<Value>(&buf)
                    && tx.send(v).is_err()
                {
                    break;
                }
                buf.clear();
            }
        });
        Browser {
            child,
            to,
            from: rx,
            next_id: 0,
            _profile: profile,
        }
    }

    /// One DevTools command; its result, or the protocol's error as `Err`.
    fn call(&mut self, session: Option<&str>, method: &str, params: Value) -> Result<Value, Value> {
        self.next_id += 1;
        let id = self.next_id;
        let mut msg = json!({"id": id, "method": method, "params": params});
        if let Some(s) = session {
            msg["sessionId"] = json!(s);
        }
        let mut bytes = serde_json::to_vec(&msg).unwrap();
        bytes.push(0);
        self.to.write_all(&bytes).expect("chromium reads its pipe");
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let v = self
                .from
                .recv_timeout(left)
                .unwrap_or_else(|_| panic!("chromium did not answer {method}"));
            if v["id"] == json!(id) {
                return match v.get("error") {
                    Some(e) => Err(e.clone()),
                    None => Ok(v["result"].clone()),
                };
            }
        }
    }

    /// Evaluates JavaScript in the page and returns its value (an exception as `Err`).
    fn eval(&mut self, session: &str, js: &str) -> Result<Value, Value> {
        let r = self.call(
            Some(session),
            "Runtime.evaluate",
            json!({"expression": js, "returnByValue": true, "awaitPromise": true}),
        )?;
        match r.get("exceptionDetails") {
            Some(e) => Err(e.clone()),
            None => Ok(r["result"]["value"].clone()),
        }
    }

    /// Polls `js` until it gives a non-empty string (a page in the middle of loading answers
    /// with an error, which is polled again).
    fn wait_for(&mut self, session: &str, js: &str, what: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Ok(Value::String(s)) = self.eval(session, js)
                && !s.is_empty()
            {
                return s;
            }
            assert!(Instant::now() < deadline, "timed out waiting for {what}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn base64_decode(s: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => panic!("not base64: {c}"),
    };
    let mut out = Vec::new();
    let bytes: Vec<u8> = s.bytes().filter(|c| *c != b'=').collect();
    for chunk in bytes.chunks(4) {
        let mut n: u32 = 0;
        for (i, c) in chunk.iter().enumerate() {
            n |= u32::from(value(*c)) << (18 - 6 * i);
        }
        let b = n.to_be_bytes();
        out.extend_from_slice(&b[1..chunk.len()]);
    }
    out
}

#[test]
fn a_person_registers_in_headless_chromium() {
    let required = std::env::var_os("LOKET_TEST_CHROMIUM").is_some();
    let Some(bin) = chromium() else {
        assert!(
            !required,
            "LOKET_TEST_CHROMIUM is set but chromium is not installed (apt-get install chromium)"
        );
        eprintln!(
            "skipped: chromium is not installed (apt-get install chromium; LOKET_TEST_CHROMIUM=1 makes this a failure)"
        );
        return;
    };
    let site = Site::new();
    let server = Server::start(&site, "");
    let photo_file = site.path().join("foto-saya.jpg");
    std::fs::write(&photo_file, photo_jpeg()).unwrap();

    let mut browser = Browser::launch(&bin);
    let target = browser
        .call(None, "Target.createTarget", json!({"url": server.url("/")}))
        .expect("a tab opens");
    let target_id = target["targetId"].as_str().unwrap().to_string();
    let attached = browser
        .call(
            None,
            "Target.attachToTarget",
            json!({"targetId": target_id, "flatten": true}),
        )
        .unwrap();
    let session = attached["sessionId"].as_str().unwrap().to_string();
    let s = session.as_str();
    browser.wait_for(
        s,
        "document.readyState === 'complete' && document.querySelector('form') ? 'ok' : ''",
        "the form",
    );

    // Fill in the form as a person would, field by field, and tick the consent.
    let fields: serde_json::Map<String, Value> = applicant("Dewi Lestari", 42)
        .into_iter()
        .map(|(k, v)| (k.to_string(), Value::String(v)))
        .collect();
    let fill = format!(
        "(() => {{ const f = {}; for (const [k, v] of Object.entries(f)) {{ \
           const el = document.querySelector(`[name=\"${{k}}\"]`); if (!el) throw new Error('no field ' + k); el.value = v; }} \
           document.querySelector('[name=consent]').checked = true; return 'filled'; }})()",
        Value::Object(fields)
    );
    assert_eq!(browser.eval(s, &fill).unwrap(), json!("filled"));
    let doc = browser
        .call(Some(s), "DOM.getDocument", json!({"depth": 0}))
        .unwrap();
    let input = browser
        .call(
            Some(s),
            "DOM.querySelector",
            json!({"nodeId": doc["root"]["nodeId"], "selector": "input[type=file]"}),
        )
        .unwrap();
    browser
        .call(
            Some(s),
            "DOM.setFileInputFiles",
            json!({"nodeId": input["nodeId"], "files": [photo_file.display().to_string()]}),
        )
        .expect("the photo is chosen");
    assert_eq!(
        browser
            .eval(s, "document.querySelector('input[type=file]').files.length")
            .unwrap(),
        json!(1)
    );
    browser
        .eval(
            s,
            "document.querySelector('button[type=submit]').click(); 'sent'",
        )
        .unwrap();

    // The member number, read off the page the applicant sees.
    let no = browser.wait_for(
        s,
        "(document.getElementById('member-no') || {}).textContent || ''",
        "the member number",
    );
    assert!(no.starts_with("261128"), "{no}");
    let heading = browser
        .eval(s, "document.querySelector('h1').textContent")
        .unwrap();
    assert_eq!(heading, json!("Pendaftaran berhasil"));

    // The QR code on the screen reads as the member number, as the counter's scanner reads it.
    browser
        .eval(s, "document.querySelector('.qr').scrollIntoView(); 'ok'")
        .unwrap();
    let shot = browser
        .call(Some(s), "Page.captureScreenshot", json!({"format": "png"}))
        .expect("a screenshot");
    let png = site.path().join("confirmation.png");
    std::fs::write(&png, base64_decode(shot["data"].as_str().unwrap())).unwrap();
    if let Ok(dir) = std::env::var("LOKET_TEST_SCREENSHOTS") {
        let _ = std::fs::copy(&png, Path::new(&dir).join("web-confirmation.png"));
    }
    match Command::new("zbarimg")
        .args(["--raw", "-q"])
        .arg(&png)
        .output()
    {
        Ok(out) => {
            let decoded = String::from_utf8_lossy(&out.stdout);
            assert!(
                decoded.lines().any(|l| l.trim() == no),
                "the QR code reads {decoded:?}, not {no}"
            );
        }
        Err(_) => eprintln!("zbarimg is not installed: the QR code was not read back"),
    }

    // The request is in the store, from online, waiting for its applicant, with the photo.
    let store = Store::open(&site.store_file()).unwrap();
    let m = store.member(&no).unwrap().expect("the member is stored");
    assert_eq!(m.full_name, "Dewi Lestari");
    let r = store.current_request_for(&no).unwrap().unwrap();
    assert_eq!(r.source, Source::Online);
    assert_eq!(r.state, RequestState::Registered);
    assert!(store.photo(&no).unwrap().is_some());
}
