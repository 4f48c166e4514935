//! Barcode scanners: serial ones (a task that survives unplug and replug) and keyboard-wedge
//! ones (a burst of keys told apart from typing). What a scan means is up to the screen.

pub mod frame;
pub mod serial;
pub mod wedge;

pub use frame::{Framer, Parity, Scan, ScannerConfig, ScannerConfigError, Suffix};
pub use serial::{DisconnectReason, ScannerEvent};
pub use wedge::{
    Routed, WedgeConfig, WedgeDetector, WedgeFilter, WedgeKey, WedgeOutput, wedge_key,
};
