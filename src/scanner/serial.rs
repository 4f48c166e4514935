//! The serial scanner task: opens the port, frames what it reads, reports scans and the state of
//! the connection on a channel, and reopens the port by itself after an unplug.

use std::io;
use std::path::Path;
use std::time::Duration;

use tokio::io::AsyncReadExt;
use tokio::sync::mpsc;
use tokio::time::{Instant, MissedTickBehavior};
use tokio_serial::{SerialPortBuilderExt, SerialStream};

use crate::i18n::{Lang, Localized};

use super::frame::{Framer, Parity, ScannerConfig, ScannerConfigError};

/// How often a missing scanner is looked for, and how often a connected one is checked to
/// still exist (a USB adapter can vanish without the read failing at once).
pub const RETRY: Duration = Duration::from_millis(500);

/// What the serial task tells the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScannerEvent {
    /// A cleaned code.
    Scan(String),
    /// The port is open; scans will come.
    Connected,
    /// The port is not open (never was, or was lost). The task keeps trying every [`RETRY`].
    Disconnected { reason: DisconnectReason },
}

/// Why the scanner is not connected. `Display` is for the log; [`Localized`] says what the
/// clerk or the administrator can do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DisconnectReason {
    /// The device path does not exist: unplugged, or the wrong path in the config.
    #[error("scanner port not found")]
    NotFound,
    /// The user running loket may not open the device (not in the `dialout` group).
    #[error("no permission to open the scanner port")]
    PermissionDenied,
    /// Another program holds the port (a second loket, a serial terminal).
    #[error("scanner port busy (opened by another program)")]
    Busy,
    /// The open port failed or closed while reading: unplugged, or the cable is loose.
    #[error("scanner lost: {detail}")]
    Lost { detail: String },
    /// Opening failed for another reason.
    #[error("cannot open the scanner port: {detail}")]
    Other { detail: String },
}

impl Localized for ScannerEvent {
    fn localized(&self, lang: Lang) -> String {
        match self {
            ScannerEvent::Scan(code) => {
                crate::t!(lang, "scanner-serial-scanned", code = code.as_str())
            }
            ScannerEvent::Connected => lang
                .text("scanner-serial-scanner-connected-ready-to-scan-cards")
                .to_string(),
            ScannerEvent::Disconnected { reason } => reason.localized(lang),
        }
    }
}

impl Localized for DisconnectReason {
    fn localized(&self, lang: Lang) -> String {
        match self {
            DisconnectReason::NotFound => lang
                .text("scanner-serial-scanner-not-found-plug-it-in")
                .to_string(),
            DisconnectReason::PermissionDenied => lang
                .text("scanner-serial-this-user-may-not-open-the")
                .to_string(),
            DisconnectReason::Busy => lang
                .text("scanner-serial-the-scanner-is-in-use-by")
                .to_string(),
            // The OS detail ("EOF", "Input/output error") means nothing at the counter; it is in
            // the Display text for the log.
            DisconnectReason::Lost { .. } => lang
                .text("scanner-serial-scanner-disconnected-plug-it-back-in")
                .to_string(),
            DisconnectReason::Other { detail } => {
                crate::t!(lang, "scanner-serial-cannot-open", detail = detail.as_str())
            }
        }
    }
}

fn open_reason(e: &tokio_serial::Error) -> DisconnectReason {
    use tokio_serial::ErrorKind as K;
    match e.kind {
        K::Io(io::ErrorKind::NotFound) => DisconnectReason::NotFound,
        K::Io(io::ErrorKind::PermissionDenied) => DisconnectReason::PermissionDenied,
        // serialport reports a port locked by someone else (EBUSY, flock) as NoDevice.
        K::NoDevice => DisconnectReason::Busy,
        _ => DisconnectReason::Other {
            detail: e.description.clone(),
        },
    }
}

fn open(config: &ScannerConfig, port: &str) -> Result<SerialStream, DisconnectReason> {
    let data_bits = match config.data_bits {
        5 => tokio_serial::DataBits::Five,
        6 => tokio_serial::DataBits::Six,
        7 => tokio_serial::DataBits::Seven,
        _ => tokio_serial::DataBits::Eight,
    };
    let parity = match config.parity {
        Parity::None => tokio_serial::Parity::None,
        Parity::Odd => tokio_serial::Parity::Odd,
        Parity::Even => tokio_serial::Parity::Even,
    };
    let stop_bits = match config.stop_bits {
        2 => tokio_serial::StopBits::Two,
        _ => tokio_serial::StopBits::One,
    };
    tokio_serial::new(port, config.baud)
        .data_bits(data_bits)
        .parity(parity)
        .stop_bits(stop_bits)
        .flow_control(tokio_serial::FlowControl::None)
        .open_native_async()
        .map_err(|e| open_reason(&e))
}

/// Runs the scanner until the receiver of `tx` is dropped. Fails at once only on a config that
/// can never work; a missing or lost device is reported on `tx` and retried forever.
pub async fn run(
    config: ScannerConfig,
    tx: mpsc::Sender<ScannerEvent>,
) -> Result<(), ScannerConfigError> {
    config.validate()?;
    let port = config.port.clone().ok_or(ScannerConfigError::NoPort)?;
    let mut framer = Framer::new(&config);
    // Said once per change, so the screen is not flooded every RETRY while unplugged.
    let mut last_reason: Option<DisconnectReason> = None;
    loop {
        let stream = match open(&config, &port) {
            Ok(s) => s,
            Err(reason) => {
                if last_reason.as_ref() != Some(&reason) {
                    tracing::warn!(port = %port, "{reason}");
                    last_reason = Some(reason.clone());
                    if tx
                        .send(ScannerEvent::Disconnected { reason })
                        .await
                        .is_err()
                    {
                        return Ok(());
                    }
                }
                tokio::select! {
                    _ = tokio::time::sleep(RETRY) => continue,
                    _ = tx.closed() => return Ok(()),
                }
            }
        };
        tracing::info!(port = %port, "scanner connected");
        if tx.send(ScannerEvent::Connected).await.is_err() {
            return Ok(());
        }
        match read_until_lost(stream, &port, &mut framer, &tx).await {
            Some(reason) => {
                tracing::warn!(port = %port, "{reason}");
                framer.reset();
                // An unplugged device is then missing: that is the expected state, already
                // said by this event. Only a different failure (no permission, busy) on the
                // way back is news.
                last_reason = Some(DisconnectReason::NotFound);
                if tx
                    .send(ScannerEvent::Disconnected { reason })
                    .await
                    .is_err()
                {
                    return Ok(());
                }
                // A device that errors at once must not make this a busy loop.
                tokio::select! {
                    _ = tokio::time::sleep(RETRY) => {}
                    _ = tx.closed() => return Ok(()),
                }
            }
            None => return Ok(()),
        }
    }
}

/// Reads the open port until it fails. `Some(reason)` when the device is lost, `None` when the
/// receiver is gone and the task should end.
async fn read_until_lost(
    mut stream: SerialStream,
    port: &str,
    framer: &mut Framer,
    tx: &mpsc::Sender<ScannerEvent>,
) -> Option<DisconnectReason> {
    let mut buf = [0u8; 256];
    let mut check = tokio::time::interval(RETRY);
    check.set_missed_tick_behavior(MissedTickBehavior::Delay);
    loop {
        let deadline = framer.deadline().map(Instant::from_std);
        let scans = tokio::select! {
            r = stream.read(&mut buf) => match r {
                // A pty whose other end closed, or a tty after hangup.
                Ok(0) => return Some(DisconnectReason::Lost { detail: "EOF".into() }),
                Ok(n) => framer.feed(&buf[..n], Instant::now().into_std()),
                Err(e) => return Some(DisconnectReason::Lost { detail: e.to_string() }),
            },
            _ = sleep_until_opt(deadline) => {
                framer.tick(Instant::now().into_std()).into_iter().collect()
            },
            _ = check.tick() => {
                if !Path::new(port).exists() {
                    return Some(DisconnectReason::Lost {
                        // i18n: the log's detail; staff read scanner-serial-scanner-disconnected-…
                        detail: format!("{port} is gone"),
                    });
                }
                Vec::new()
            },
            _ = tx.closed() => return None,
        };
        for s in scans {
            // Only its length: a code is a member number, or whatever else was held under
            // the scanner (a KTP's barcode would be a NIK).
            tracing::debug!(port = %port, chars = s.0.chars().count(), "scan");
            if tx.send(ScannerEvent::Scan(s.0)).await.is_err() {
                return None;
            }
        }
    }
}

async fn sleep_until_opt(deadline: Option<Instant>) {
    match deadline {
        Some(d) => tokio::time::sleep_until(d).await,
        None => std::future::pending().await,
    }
}

/// Starts [`run`] on the current tokio runtime. Drop the receiver to stop it.
pub fn spawn(
    config: ScannerConfig,
    tx: mpsc::Sender<ScannerEvent>,
) -> tokio::task::JoinHandle<Result<(), ScannerConfigError>> {
    tokio::spawn(run(config, tx))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_says_what_to_do_in_both_languages() {
        let lost = ScannerEvent::Disconnected {
            reason: DisconnectReason::Lost {
                detail: "EIO".into(),
            },
        };
        assert!(
            lost.localized(Lang::Id)
                .starts_with("Pemindai terputus — colokkan kembali")
        );
        assert!(lost.localized(Lang::En).contains("reconnect by itself"));
        let perm = DisconnectReason::PermissionDenied;
        assert!(perm.localized(Lang::Id).contains("dialout"));
        assert!(perm.localized(Lang::En).contains("dialout"));
    }

    #[test]
    fn open_errors_map_to_what_the_clerk_can_fix() {
        let e = |k| tokio_serial::Error::new(k, "x");
        assert_eq!(
            open_reason(&e(tokio_serial::ErrorKind::Io(io::ErrorKind::NotFound))),
            DisconnectReason::NotFound
        );
        assert_eq!(
            open_reason(&e(tokio_serial::ErrorKind::Io(
                io::ErrorKind::PermissionDenied
            ))),
            DisconnectReason::PermissionDenied
        );
        assert_eq!(
            open_reason(&e(tokio_serial::ErrorKind::NoDevice)),
            DisconnectReason::Busy
        );
    }

    #[tokio::test]
    async fn a_missing_port_is_reported_and_the_task_stops_with_its_receiver() {
        let dir = std::env::temp_dir().join(format!("loket-no-scanner-{}", std::process::id()));
        let config = ScannerConfig {
            port: Some(dir.join("nothing-here").display().to_string()),
            ..ScannerConfig::default()
        };
        let (tx, mut rx) = mpsc::channel(8);
        let task = spawn(config, tx);
        let ev = tokio::time::timeout(Duration::from_secs(5), rx.recv())
            .await
            .expect("no event within 5 s");
        assert_eq!(
            ev,
            Some(ScannerEvent::Disconnected {
                reason: DisconnectReason::NotFound
            })
        );
        drop(rx);
        let end = tokio::time::timeout(Duration::from_secs(5), task)
            .await
            .expect("the task did not stop after its receiver was dropped");
        assert_eq!(end.unwrap(), Ok(()));
    }

    #[tokio::test]
    async fn a_config_without_port_is_refused() {
        let (tx, _rx) = mpsc::channel(1);
        assert_eq!(
            run(ScannerConfig::default(), tx).await,
            Err(ScannerConfigError::NoPort)
        );
    }
}
