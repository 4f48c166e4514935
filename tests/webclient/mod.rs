//! The web tests' side of the wire: `loket serve` started as a real process on a free loopback
//! port, a small HTTP/1.1 client over `TcpStream` (multipart by hand, one connection a
//! request), a made-up applicant's form and a generated photo.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::common::Site;

/// A running `loket serve` on the site's store; killed when dropped.
pub struct Server {
    pub addr: SocketAddr,
    child: Child,
    stderr: Arc<Mutex<String>>,
}

impl Server {
    /// Starts the server with `web` as the config's `[web]` section (empty: the defaults).
    pub fn start(site: &Site, web: &str) -> Server {
        if !web.is_empty() {
            let path = site.path().join("loket.toml");
            let mut config = std::fs::read_to_string(&path).unwrap();
            config.push_str("\n[web]\n");
            config.push_str(web);
            config.push('\n');
            std::fs::write(&path, config).unwrap();
        }
        let mut child = site
            .cmd()
            .args(["serve", "--listen", "127.0.0.1:0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("loket serve starts");
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        let addr = first
            .trim()
            .strip_prefix("loket serve: http://")
            .and_then(|a| a.strip_suffix('/'))
            .unwrap_or_else(|| panic!("the first line names the address: {first:?}"))
            .parse()
            .unwrap();
        let stderr = Arc::new(Mutex::new(String::new()));
        let sink = stderr.clone();
        let err = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(err).lines().map_while(Result::ok) {
                let mut s = sink.lock().unwrap();
                s.push_str(&line);
                s.push('\n');
            }
        });
        Server {
            addr,
            child,
            stderr,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// What the server logged so far (stderr), waiting a moment for the last line.
    pub fn log(&self) -> String {
        std::thread::sleep(Duration::from_millis(100));
        self.stderr.lock().unwrap().clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The `name=value` of the Set-Cookie header, without its attributes.
    pub fn cookie(&self) -> Option<String> {
        self.header("set-cookie")
            .and_then(|c| c.split(';').next())
            .map(str::to_string)
    }

    /// The value of the hidden input `name` in the page.
    pub fn hidden(&self, name: &str) -> Option<String> {
        let at = self.body.find(&format!("name=\"{name}\" value=\""))?;
        let rest = &self.body[at..];
        let start = rest.find("value=\"")? + 7;
        let end = rest[start..].find('"')?;
        Some(rest[start..start + end].to_string())
    }

    /// The text of the element with this id (no nested markup expected).
    pub fn by_id(&self, id: &str) -> Option<String> {
        let at = self.body.find(&format!("id=\"{id}\""))?;
        let rest = &self.body[at..];
        let start = rest.find('>')? + 1;
        let end = rest[start..].find('<')?;
        Some(rest[start..start + end].to_string())
    }
}

/// One request on a fresh connection, `Connection: close`, read to the end.
pub fn request(addr: SocketAddr, head: &str, body: &[u8]) -> Response {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    s.write_all(head.as_bytes()).unwrap();
    // The server may answer before it has read the whole body (a refusal): a broken pipe is
    // then expected, and the answer is still there to read.
    let _ = s.write_all(body);
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    parse(&raw)
}

fn parse(raw: &[u8]) -> Response {
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no response head in {:?}", String::from_utf8_lossy(raw)));
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|c| c.parse().ok())
        .expect("a status line");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let mut body = raw[split + 4..].to_vec();
    let chunked = headers.iter().any(|(k, v)| {
        k.eq_ignore_ascii_case("transfer-encoding") && v.eq_ignore_ascii_case("chunked")
    });
    if chunked {
        body = dechunk(&body);
    }
    Response {
        status,
        headers,
        body: String::from_utf8_lossy(&body).into_owned(),
    }
}

fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = b.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(
            String::from_utf8_lossy(&b[..eol])
                .split(';')
                .next()
                .unwrap()
                .trim(),
            16,
        )
        .unwrap_or(0);
        if size == 0 {
            break;
        }
        out.extend_from_slice(&b[eol + 2..eol + 2 + size]);
        b = &b[eol + 2 + size + 2..];
    }
    out
}

pub fn get(addr: SocketAddr, path: &str, cookie: Option<&str>) -> Response {
    let cookie = cookie
        .map(|c| format!("Cookie: {c}\r\n"))
        .unwrap_or_default();
    request(
        addr,
        &format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\n{cookie}Connection: close\r\n\r\n"),
        b"",
    )
}

/// One part of a multipart body.
#[derive(Debug, Clone)]
pub enum Part {
    Text(String, String),
    File {
        name: String,
        filename: String,
        content_type: String,
        bytes: Vec<u8>,
    },
}

const BOUNDARY: &str = "----loket-test-boundary-7d41";

pub fn multipart_body(parts: &[Part]) -> Vec<u8> {
    let mut b = Vec::new();
    for p in parts {
        b.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
        match p {
            Part::Text(name, value) => {
                b.extend_from_slice(
                    format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes(),
                );
                b.extend_from_slice(value.as_bytes());
            }
            Part::File {
                name,
                filename,
                content_type,
                bytes,
            } => {
                b.extend_from_slice(
                    format!(
                        "Content-Disposition: form-data; name=\"{name}\"; filename=\"{filename}\"\r\nContent-Type: {content_type}\r\n\r\n"
                    )
                    .as_bytes(),
                );
                b.extend_from_slice(bytes);
            }
        }
        b.extend_from_slice(b"\r\n");
    }
    b.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    b
}

pub fn post(addr: SocketAddr, path: &str, cookie: Option<&str>, parts: &[Part]) -> Response {
    let body = multipart_body(parts);
    let cookie = cookie
        .map(|c| format!("Cookie: {c}\r\n"))
        .unwrap_or_default();
    request(
        addr,
        &format!(
            "POST {path} HTTP/1.1\r\nHost: {addr}\r\n{cookie}Content-Type: multipart/form-data; boundary={BOUNDARY}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        ),
        &body,
    )
}

/// A made-up applicant as the form sends it: a man born 17-08-1990 in Sidoarjo whose NIK ends
/// in `serial` (1–9999), so every serial is a different valid NIK.
pub fn applicant(name: &str, serial: u32) -> Vec<(&'static str, String)> {
    vec![
        ("name", name.to_string()),
        ("identity-kind", "ktp".into()),
        ("nik", nik(serial)),
        ("birth-place", "Sidoarjo".into()),
        ("birth-date", "17-08-1990".into()),
        ("sex", "L".into()),
        ("address", "Jl. Contoh 1".into()),
        ("rt-rw", "001/002".into()),
        ("kelurahan", "Sekardangan".into()),
        ("kecamatan", "Sidoarjo".into()),
        ("city", "Sidoarjo".into()),
        ("province", "Jawa Timur".into()),
        ("phone", "081234567890".into()),
        ("email", "".into()),
        ("mother", "Ibu Rekaan Rahasia".into()),
        ("occupation", "".into()),
        ("education", "".into()),
        ("institution", "".into()),
        ("type", "umum".into()),
    ]
}

pub fn nik(serial: u32) -> String {
    format!("351512170890{serial:04}")
}

/// A made-up face: a 240×320 gradient, as a JPEG, with an EXIF block whose GPS-looking text
/// must not survive into the stored photo.
pub fn photo_jpeg() -> Vec<u8> {
    let img = image::RgbImage::from_fn(240, 320, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, ((x + y) % 256) as u8])
    });
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 85)
        .encode(img.as_raw(), 240, 320, image::ExtendedColorType::Rgb8)
        .unwrap();
    with_exif(&jpeg)
}

/// The text planted in the test photo's EXIF block.
pub const GPS_MARK: &[u8] = b"GPSLatitude -7.4478 GPSLongitude 112.7183";

/// A JPEG with an APP1 EXIF segment right after its start marker: a big-endian TIFF header,
/// an empty IFD, then the GPS-looking text.
fn with_exif(jpeg: &[u8]) -> Vec<u8> {
    let mut payload = b"Exif\0\0MM\0\x2a\0\0\0\x08\0\0\0\0\0\0".to_vec();
    payload.extend_from_slice(GPS_MARK);
    let len = (payload.len() + 2) as u16;
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(&payload);
    out.extend_from_slice(&jpeg[2..]);
    out
}

/// A browser's round trip: opens the form (cookie and token), then sends `fields`, the
/// consent and the photo with them.
pub struct Browser {
    pub addr: SocketAddr,
    pub cookie: Option<String>,
    pub token: Option<String>,
    /// The form's hidden language field, sent back as a browser does.
    pub lang: Option<String>,
}

impl Browser {
    pub fn open(addr: SocketAddr, path: &str) -> Browser {
        let r = get(addr, path, None);
        assert_eq!(r.status, 200, "{}", r.body);
        Browser {
            addr,
            cookie: r.cookie(),
            token: r.hidden("csrf"),
            lang: r.hidden("lang"),
        }
    }

    pub fn parts(&self, fields: &[(&str, String)], photo: Option<&[u8]>) -> Vec<Part> {
        let mut parts = Vec::new();
        if let Some(l) = &self.lang {
            parts.push(Part::Text("lang".into(), l.clone()));
        }
        if let Some(t) = &self.token {
            parts.push(Part::Text("csrf".into(), t.clone()));
        }
        for (k, v) in fields {
            parts.push(Part::Text(k.to_string(), v.clone()));
        }
        parts.push(Part::Text("website".into(), String::new()));
        parts.push(Part::Text("consent".into(), "1".into()));
        if let Some(p) = photo {
            parts.push(Part::File {
                name: "photo".into(),
                filename: "saya.jpg".into(),
                content_type: "image/jpeg".into(),
                bytes: p.to_vec(),
            });
        }
        parts
    }

    pub fn send(&self, fields: &[(&str, String)], photo: Option<&[u8]>) -> Response {
        self.send_parts(&self.parts(fields, photo))
    }

    /// Posts where the form's `action` points: `/?lang=…`.
    pub fn send_parts(&self, parts: &[Part]) -> Response {
        let path = match &self.lang {
            Some(l) => format!("/?lang={l}"),
            None => "/".to_string(),
        };
        post(self.addr, &path, self.cookie.as_deref(), parts)
    }

    /// Sends and follows the redirect to the confirmation; returns it and the member number.
    pub fn register(&self, fields: &[(&str, String)], photo: &[u8]) -> (Response, String) {
        let r = self.send(fields, Some(photo));
        assert_eq!(r.status, 303, "{}", r.body);
        let location = r.header("location").expect("a redirect").to_string();
        let page = get(self.addr, &location, None);
        assert_eq!(page.status, 200, "{}", page.body);
        let no = page
            .by_id("member-no")
            .expect("the member number on the page");
        (page, no)
    }
}
