//! `loket serve`: the online registration form (KTA Online) over HTTP/1, meant to sit behind a
//! TLS reverse proxy. Registration goes through the counter's own `Desk`, with source online.

pub mod csrf;
pub mod form;
pub mod limits;
pub mod once;
pub mod pages;
pub mod texts;

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::body::Body;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Multipart, RawQuery, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::get;
use serde::{Deserialize, Serialize};

use crate::config::{Clock, Config};
use crate::domain::member::{FieldError, MemberDraft};
use crate::domain::nik::mask_nik;
use crate::domain::workflow::{Actor, Source};
use crate::i18n::{Lang, Localized};
use crate::service::{Desk, ServiceError};
use crate::store::{Store, StoreError, TokenUse};

use csrf::Signer;
use limits::RateLimiter;
use pages::FormView;
use texts::Refusal;

/// The `[web]` part of the config.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct WebConfig {
    /// Where to listen when `--listen` is not given. Loopback: a reverse proxy faces the world.
    pub listen: String,
    /// Submissions one client address may send at once…
    pub rate_burst: u32,
    /// …and how many a minute come back after that.
    pub rate_per_minute: u32,
    /// The header a reverse proxy puts the client's address in (`X-Forwarded-For`,
    /// `X-Real-IP`). Empty: every request counts against its peer address, which behind a
    /// proxy is the proxy's, so all applicants would share one rate limit.
    pub client_ip_header: String,
    /// Peers whose `client_ip_header` is believed.
    pub trusted_proxies: Vec<IpAddr>,
    /// Mark the form's cookie `Secure` (send it over HTTPS only). Set it when a TLS proxy is
    /// in front; it stays off by default so that `http://127.0.0.1` works for tests.
    pub secure_cookie: bool,
    /// How long an opened form may take to be sent, in minutes.
    pub form_minutes: u32,
    /// The SOP asks for the photo with the online form. A library that would rather take
    /// every photo at the counter (SOP 3) turns this off; the upload is then optional.
    pub photo_required: bool,
}

impl Default for WebConfig {
    fn default() -> Self {
        WebConfig {
            listen: "127.0.0.1:8080".into(),
            rate_burst: 10,
            rate_per_minute: 6,
            client_ip_header: String::new(),
            trusted_proxies: vec![
                IpAddr::from([127, 0, 0, 1]),
                IpAddr::from([0, 0, 0, 0, 0, 0, 0, 1]),
            ],
            secure_cookie: false,
            form_minutes: 120,
            photo_required: true,
        }
    }
}

/// How long a confirmation link shows the member number: long enough to print it at home the
/// same day, short enough that a shared link stops working.
const CONFIRMATION_SECS: i64 = 24 * 3600;

/// What every request handler shares.
pub struct App {
    pub store: Store,
    pub config: Config,
    pub web: WebConfig,
    pub clock: Clock,
    pub lang: Lang,
    signer: Signer,
    limiter: RateLimiter,
    /// Photos decoded at once. A hostile upload may claim 50 megapixels (the decoder's limit,
    /// up to 400 MB while it is decoded): one photo per core bounds both memory and CPU, and
    /// submissions without a photo never wait for these.
    photo_slots: tokio::sync::Semaphore,
}

type Shared = Arc<App>;

impl App {
    pub fn new(store: Store, config: Config, web: WebConfig, clock: Clock, lang: Lang) -> App {
        let limiter = RateLimiter::new(web.rate_burst, web.rate_per_minute);
        let key_file = store
            .path()
            .parent()
            .map(|d| d.join("web.key"))
            .unwrap_or_else(|| "web.key".into());
        let (signer, problem) = Signer::kept_in(&key_file);
        if let Some(e) = problem {
            tracing::warn!(
                "the form key cannot be kept in {} ({e}); forms opened before a restart will be asked again",
                key_file.display()
            );
        }
        App {
            store,
            config,
            web,
            clock,
            lang,
            signer,
            limiter,
            photo_slots: tokio::sync::Semaphore::new(
                std::thread::available_parallelism().map_or(2, |n| n.get()),
            ),
        }
    }

    fn desk(&self, ip: IpAddr) -> Desk<'_> {
        let actor = Actor {
            user: "online".into(),
            terminal: format!("web {ip}"),
        };
        Desk::new(&self.store, &self.config, &self.clock, actor)
    }
}

/// The routes, with the body limit and the headers every response carries.
pub fn router(app: Shared) -> Router {
    Router::new()
        .route("/", get(show_form).post(submit))
        .route("/confirmation", get(confirmation))
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(limits::max_body_bytes() as usize))
        .layer(middleware::from_fn_with_state(app.clone(), guard))
        .with_state(app)
}

/// Binds `listen`, says where on stdout (tests and scripts read that line), and serves until
/// SIGTERM or Ctrl+C.
pub fn serve(app: App, listen: &str) -> Result<(), ServeError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| ServeError::Runtime(e.to_string()))?;
    runtime.block_on(async {
        let listener =
            tokio::net::TcpListener::bind(listen)
                .await
                .map_err(|e| ServeError::Bind {
                    addr: listen.to_string(),
                    reason: e.to_string(),
                })?;
        let addr = listener
            .local_addr()
            .map_err(|e| ServeError::Runtime(e.to_string()))?;
        // i18n: the address line scripts and tests read, not a message.
        println!("loket serve: http://{addr}/");
        tracing::info!("listening on http://{addr}/");
        let app = router(Arc::new(app));
        axum::serve(
            listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(stop_signal())
        .await
        .map_err(|e| ServeError::Runtime(e.to_string()))
    })
}

async fn stop_signal() {
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = term => {}
    }
    tracing::info!("stopping: the requests under way are finished first");
}

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("cannot listen on {addr}: {reason}")]
    Bind { addr: String, reason: String },
    #[error("the web server stopped: {0}")]
    Runtime(String),
}

impl Localized for ServeError {
    fn localized(&self, lang: Lang) -> String {
        match self {
            ServeError::Bind { addr, reason } => crate::t!(
                lang,
                "web-mod-cannot-listen",
                addr = addr.as_str(),
                reason = reason.as_str()
            ),
            ServeError::Runtime(e) => crate::t!(lang, "web-mod-server-stopped", error = e.as_str()),
        }
    }
}

// ---- handlers ---------------------------------------------------------------------------

/// `lang` and `t` from the query string. Parsed by hand, leniently: a mangled query gets the
/// default language, never an error page.
fn query_param<'q>(query: &'q Option<String>, name: &str) -> Option<&'q str> {
    query
        .as_deref()?
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

fn query_lang(app: &App, query: &Option<String>) -> Lang {
    query_param(query, "lang")
        .and_then(Lang::from_code)
        .unwrap_or(app.lang)
}

fn html(status: StatusCode, body: String) -> Response {
    Response::builder()
        .status(status)
        // i18n: an HTTP header value.
        .header(header::CONTENT_TYPE, "text/html; charset=utf-8")
        .body(Body::from(body))
        .expect("a static response builds")
}

fn refusal_page(status: StatusCode, lang: Lang, r: &Refusal) -> Response {
    html(
        status,
        pages::message_page(lang, r.title(lang), &r.localized(lang)),
    )
}

/// The cookie that carries the form's CSRF token. SameSite=Strict: a page on another site
/// cannot make the browser send it, which is what makes the double submit a check.
fn csrf_cookie(app: &App, token: &str) -> HeaderValue {
    let secure = if app.web.secure_cookie {
        "; Secure"
    } else {
        ""
    };
    let v = format!(
        // i18n: the cookie header's own syntax.
        "{}={token}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}{secure}",
        csrf::COOKIE,
        u64::from(app.web.form_minutes) * 60
    );
    HeaderValue::from_str(&v).expect("a token is plain ASCII")
}

fn cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// The form, with a fresh token, to send or resend.
struct FormProblems {
    errors: Vec<FieldError>,
    photo_error: Option<String>,
    consent_error: Option<String>,
    general: Option<String>,
    consent: bool,
}

fn form_response(
    app: &App,
    status: StatusCode,
    lang: Lang,
    draft: &MemberDraft,
    p: FormProblems,
) -> Response {
    let token = app.signer.csrf_token(app.clock.now());
    let page = pages::form_page(&FormView {
        lang,
        library: &app.config.library.name,
        member_types: &app.config.member_types,
        draft,
        errors: &p.errors,
        photo_error: p.photo_error,
        consent_error: p.consent_error,
        general: p.general,
        consent: p.consent,
        csrf: &token,
        photo_required: app.web.photo_required,
    });
    let mut r = html(status, page);
    r.headers_mut()
        .insert(header::SET_COOKIE, csrf_cookie(app, &token));
    r
}

async fn show_form(State(app): State<Shared>, RawQuery(query): RawQuery) -> Response {
    let lang = query_lang(&app, &query);
    form_response(
        &app,
        StatusCode::OK,
        lang,
        &MemberDraft::default(),
        FormProblems {
            errors: Vec::new(),
            photo_error: None,
            consent_error: None,
            general: None,
            consent: false,
        },
    )
}

/// One log line per refused submission: the address, why, which fields, and the NIK
/// masked. Never a value typed into a field, never the mother's name.
fn log_rejection(ip: IpAddr, code: &str, draft: Option<&MemberDraft>, fields: &[FieldError]) {
    // i18n: a log line for whoever keeps the server, assembled before tracing writes it
    let mut line = format!("rejected {code} from {ip}");
    if let Some(d) = draft
        && !d.identity_no.trim().is_empty()
    {
        line.push_str(&format!(" NIK {}", mask_nik(d.identity_no.trim())));
    }
    if !fields.is_empty() {
        let codes: Vec<&str> = fields.iter().map(|e| e.field.code()).collect();
        line.push_str(&format!(" fields {}", codes.join(",")));
    }
    tracing::info!("{line}");
}

/// What the blocking part of a submission came to.
enum Outcome {
    Registered {
        member_no: String,
    },
    Refused(FormProblems),
    /// The NIK is taken: the form comes back with one message that names no one.
    Duplicate(FormProblems),
    Failed(String),
}

async fn submit(
    State(app): State<Shared>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    let ip = limits::client_ip(peer, &headers, &app.web);
    let lang = query_lang(&app, &query);
    if let Err(wait) = app.limiter.take(ip, Instant::now()) {
        log_rejection(ip, "rate-limited", None, &[]);
        let r = Refusal::TooMany {
            retry_secs: wait.as_secs(),
        };
        let mut resp = refusal_page(StatusCode::TOO_MANY_REQUESTS, lang, &r);
        resp.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(wait.as_secs()));
        return resp;
    }
    let read = match multipart {
        Ok(m) => form::read(m).await,
        Err(_) => Err(form::FormError::Malformed),
    };
    let sub = match read {
        Ok(s) => s,
        Err(form::FormError::TooLarge) => {
            log_rejection(ip, "too-large", None, &[]);
            return too_large(lang);
        }
        Err(form::FormError::Malformed) => {
            log_rejection(ip, "malformed", None, &[]);
            return refusal_page(StatusCode::BAD_REQUEST, lang, &Refusal::Malformed);
        }
    };
    let lang = sub.lang.unwrap_or(lang);
    if !sub.honeypot.is_empty() {
        log_rejection(ip, Refusal::Honeypot.code(), Some(&sub.draft), &[]);
        return refusal_page(StatusCode::BAD_REQUEST, lang, &Refusal::Honeypot);
    }
    let max_age = i64::from(app.web.form_minutes) * 60;
    if let Err(problem) = app.signer.check_csrf(
        sub.csrf.as_deref(),
        cookie(&headers, csrf::COOKIE),
        app.clock.now(),
        max_age,
    ) {
        log_rejection(ip, problem.code(), Some(&sub.draft), &[]);
        return form_response(
            &app,
            StatusCode::FORBIDDEN,
            lang,
            &sub.draft,
            FormProblems {
                errors: Vec::new(),
                photo_error: None,
                consent_error: None,
                general: Some(Refusal::FormExpired.localized(lang)),
                consent: sub.consent,
            },
        );
    }

    let _photo_slot = match sub.photo.is_empty() {
        true => None,
        false => app.photo_slots.acquire().await.ok(),
    };
    let worker = app.clone();
    let draft = sub.draft.clone();
    let token = sub.csrf.clone().unwrap_or_default();
    let outcome = tokio::task::spawn_blocking(move || {
        register(&worker, ip, lang, &draft, &sub.photo, sub.consent, &token)
    })
    .await
    // i18n: a failure's detail goes to the log only; the person reads `Refusal::ServerError`.
    .unwrap_or_else(|e| Outcome::Failed(format!("the registration task failed: {e}")));
    match outcome {
        Outcome::Registered { member_no } => {
            let token = app.signer.confirmation(&member_no, app.clock.now());
            let location = format!("/confirmation?t={token}&lang={}", pages::lang_code(lang));
            Response::builder()
                .status(StatusCode::SEE_OTHER)
                .header(header::LOCATION, location)
                .body(Body::empty())
                .expect("a redirect builds")
        }
        Outcome::Refused(p) => {
            let mut code = String::from("invalid");
            for (what, bad) in [
                ("photo", p.photo_error.is_some()),
                ("consent", p.consent_error.is_some()),
            ] {
                if bad {
                    code.push_str(&format!(" {what}"));
                }
            }
            log_rejection(ip, &code, Some(&sub.draft), &p.errors);
            form_response(&app, StatusCode::UNPROCESSABLE_ENTITY, lang, &sub.draft, p)
        }
        Outcome::Duplicate(p) => {
            log_rejection(ip, Refusal::DuplicateNik.code(), Some(&sub.draft), &[]);
            form_response(&app, StatusCode::CONFLICT, lang, &sub.draft, p)
        }
        Outcome::Failed(detail) => {
            // The detail (which may name files) goes to the log only; the person reads what
            // to do next.
            tracing::error!("registration failed from {ip}: {detail}");
            refusal_page(
                StatusCode::INTERNAL_SERVER_ERROR,
                lang,
                &Refusal::ServerError,
            )
        }
    }
}

/// The photo, the consent and the fields, all checked so that every problem is shown at once;
/// registered only when there is none.
fn register(
    app: &App,
    ip: IpAddr,
    lang: Lang,
    draft: &MemberDraft,
    photo: &[u8],
    consent: bool,
    token: &str,
) -> Outcome {
    let desk = app.desk(ip);
    let photo = match photo.is_empty() {
        true if app.web.photo_required => Err(Refusal::PhotoRequired.localized(lang)),
        // Registered without one: the clerk takes it at the counter (SOP 3).
        true => Ok(None),
        false => desk
            .prepare_photo(photo)
            .map(Some)
            .map_err(|e| e.localized(lang)),
    };
    let consent_error = (!consent).then(|| Refusal::ConsentRequired.localized(lang));
    let mut problems = FormProblems {
        errors: Vec::new(),
        photo_error: None,
        consent_error,
        general: None,
        consent,
    };
    match photo {
        Ok(photo) if problems.consent_error.is_none() => {
            let max_age = i64::from(app.web.form_minutes) * 60;
            let spent =
                match once::Spent::claim(&app.store, token, app.clock.now().as_second(), max_age) {
                    Ok(Ok(spent)) => spent,
                    Ok(Err(TokenUse::Registered(member_no))) => {
                        tracing::info!("form sent again from {ip}: already registered {member_no}");
                        return Outcome::Registered { member_no };
                    }
                    Ok(Err(_)) => {
                        problems.general = Some(once::in_flight_text(lang));
                        return Outcome::Refused(problems);
                    }
                    Err(e) => return Outcome::Failed(e.to_string()),
                };
            let done = match &photo {
                Some(p) => desk.register_with_photo(draft, Source::Online, p),
                None => desk.register(draft, Source::Online),
            };
            spent.settle(done.as_ref().ok().map(|r| r.member.member_no.as_str()));
            match done {
                Ok(r) => {
                    tracing::info!(
                        "registered {} from {ip} NIK {}",
                        r.member.member_no,
                        r.member.masked_nik()
                    );
                    return Outcome::Registered {
                        member_no: r.member.member_no.to_string(),
                    };
                }
                Err(ServiceError::Invalid(errors)) => problems.errors = errors,
                // The web never says who holds the NIK: only that the counter can help.
                Err(ServiceError::Store(StoreError::DuplicateNik { .. })) => {
                    problems.general = Some(Refusal::DuplicateNik.localized(lang));
                    return Outcome::Duplicate(problems);
                }
                Err(e) => return Outcome::Failed(e.to_string()),
            }
        }
        other => {
            problems.photo_error = other.err();
            problems.errors = draft.validate(&desk.rules()).err().unwrap_or_default();
        }
    }
    Outcome::Refused(problems)
}

async fn confirmation(State(app): State<Shared>, RawQuery(query): RawQuery) -> Response {
    let lang = query_lang(&app, &query);
    let expired = || refusal_page(StatusCode::NOT_FOUND, lang, &Refusal::ConfirmationExpired);
    let Some(no) = query_param(&query, "t").and_then(|t| {
        app.signer
            .open_confirmation(t, app.clock.now(), CONFIRMATION_SECS)
    }) else {
        return expired();
    };
    let worker = app.clone();
    let lookup = tokio::task::spawn_blocking(move || worker.store.member(&no)).await;
    match lookup {
        Ok(Ok(Some(m))) => {
            let href = format!(
                "/confirmation?t={}",
                query_param(&query, "t").unwrap_or_default()
            );
            html(
                StatusCode::OK,
                pages::confirmation_page(
                    lang,
                    &app.config.library.name,
                    m.member_no.as_str(),
                    &m.full_name,
                    &href,
                ),
            )
        }
        Ok(Ok(None)) => expired(),
        Ok(Err(e)) => {
            tracing::error!("confirmation page failed: {e}");
            refusal_page(
                StatusCode::INTERNAL_SERVER_ERROR,
                lang,
                &Refusal::ServerError,
            )
        }
        Err(e) => {
            tracing::error!("confirmation page failed: {e}");
            refusal_page(
                StatusCode::INTERNAL_SERVER_ERROR,
                lang,
                &Refusal::ServerError,
            )
        }
    }
}

async fn not_found(State(app): State<Shared>, RawQuery(query): RawQuery) -> Response {
    refusal_page(
        StatusCode::NOT_FOUND,
        query_lang(&app, &query),
        &Refusal::NotFound,
    )
}

fn too_large(lang: Lang) -> Response {
    let max_mb = limits::max_body_bytes() / (1024 * 1024);
    let mut r = refusal_page(
        StatusCode::PAYLOAD_TOO_LARGE,
        lang,
        &Refusal::TooLarge { max_mb },
    );
    // The rest of the body is not read: the connection cannot carry another request.
    r.headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    r
}

/// Before any handler: a body announced larger than the limit is refused before a byte of it
/// is read. After every handler: headers that keep the pages from being framed, sniffed,
/// cached (they hold personal data) or running any script.
async fn guard(State(app): State<Shared>, req: Request, next: Next) -> Response {
    let announced = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    let mut resp = if announced.is_some_and(|n| n > limits::max_body_bytes()) {
        let query = req.uri().query().map(str::to_string);
        let ip = req
            .extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| limits::client_ip(c.0, req.headers(), &app.web));
        if let Some(ip) = ip {
            log_rejection(ip, "too-large", None, &[]);
        }
        too_large(query_lang(&app, &query))
    } else {
        next.run(req).await
    };
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            // i18n: the Content-Security-Policy header's own syntax.
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    resp
}
