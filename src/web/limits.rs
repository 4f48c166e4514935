//! What one client may cost the server: which address a request is counted against (the
//! peer, or a trusted reverse proxy's header), a token bucket of submissions per address, and
//! the largest request body.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv6Addr, SocketAddr};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::http::HeaderMap;

use super::WebConfig;
use crate::photo::Limits;

/// Room for the form's text fields and the multipart framing beside the photo.
pub const FORM_OVERHEAD_BYTES: u64 = 64 * 1024;

/// The largest request body: the photo limit of the photo pipeline plus the form around it.
/// A reverse proxy in front should allow the same (`client_max_body_size` in nginx).
pub fn max_body_bytes() -> u64 {
    Limits::default().max_bytes + FORM_OVERHEAD_BYTES
}

/// The address a request is counted against. Behind a reverse proxy every peer is the proxy,
/// so its header is believed, but only when the peer is one of the configured proxies: from
/// anyone else the header is a client's claim and is ignored.
pub fn client_ip(peer: SocketAddr, headers: &HeaderMap, config: &WebConfig) -> IpAddr {
    let peer_ip = peer.ip().to_canonical();
    let header = config.client_ip_header.trim();
    if header.is_empty() || !config.trusted_proxies.contains(&peer_ip) {
        return peer_ip;
    }
    // X-Forwarded-For grows to the right: the last entry is the one our proxy added; those
    // before it came from the client and may be anything.
    headers
        .get_all(header)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|s| s.trim().parse::<IpAddr>().ok())
        .next_back()
        .map(|ip| ip.to_canonical())
        .unwrap_or(peer_ip)
}

/// The key a client's bucket is kept under. An IPv6 subscriber usually has a whole /64 and can
/// take a new address from it at will, so the /64 is counted as one client.
fn bucket_key(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => ip,
        IpAddr::V6(v6) => {
            let s = v6.segments();
            IpAddr::V6(Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
        }
    }
}

struct Bucket {
    tokens: f64,
    at: Instant,
}

/// Submissions per client address: `burst` at once, then `per_minute` refilled steadily.
pub struct RateLimiter {
    burst: f64,
    per_sec: f64,
    buckets: Mutex<HashMap<IpAddr, Bucket>>,
}

/// Buckets kept before the full ones are dropped: bounds memory when many addresses pass.
const MAX_BUCKETS: usize = 10_000;

impl RateLimiter {
    pub fn new(burst: u32, per_minute: u32) -> RateLimiter {
        RateLimiter {
            burst: f64::from(burst.max(1)),
            per_sec: f64::from(per_minute) / 60.0,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Takes one submission from the client's bucket: `Ok`, or how long until the next one is
    /// allowed.
    pub fn take(&self, ip: IpAddr, now: Instant) -> Result<(), Duration> {
        let mut buckets = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        if buckets.len() >= MAX_BUCKETS {
            let (burst, per_sec) = (self.burst, self.per_sec);
            buckets.retain(|_, b| refilled(b, now, burst, per_sec) < burst);
        }
        let b = buckets.entry(bucket_key(ip)).or_insert(Bucket {
            tokens: self.burst,
            at: now,
        });
        b.tokens = refilled(b, now, self.burst, self.per_sec);
        b.at = now;
        if b.tokens >= 1.0 {
            b.tokens -= 1.0;
            Ok(())
        } else if self.per_sec > 0.0 {
            Err(Duration::from_secs_f64(
                ((1.0 - b.tokens) / self.per_sec).max(1.0),
            ))
        } else {
            Err(Duration::from_secs(3600))
        }
    }
}

fn refilled(b: &Bucket, now: Instant, burst: f64, per_sec: f64) -> f64 {
    let secs = now.saturating_duration_since(b.at).as_secs_f64();
    (b.tokens + secs * per_sec).min(burst)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn config(header: &str) -> WebConfig {
        WebConfig {
            client_ip_header: header.into(),
            ..WebConfig::default()
        }
    }

    #[test]
    fn the_bucket_allows_a_burst_then_the_refill_rate() {
        let r = RateLimiter::new(3, 60);
        let ip: IpAddr = "192.0.2.7".parse().unwrap();
        let t0 = Instant::now();
        for _ in 0..3 {
            assert_eq!(r.take(ip, t0), Ok(()));
        }
        let wait = r.take(ip, t0).unwrap_err();
        assert_eq!(wait, Duration::from_secs(1));
        // Another address has its own bucket.
        assert_eq!(r.take("192.0.2.8".parse().unwrap(), t0), Ok(()));
        // One a second comes back.
        assert_eq!(r.take(ip, t0 + Duration::from_secs(1)), Ok(()));
        assert!(r.take(ip, t0 + Duration::from_secs(1)).is_err());
    }

    #[test]
    fn an_ipv6_subscriber_is_one_client_across_its_64() {
        let r = RateLimiter::new(1, 0);
        let t0 = Instant::now();
        assert_eq!(r.take("2001:db8:1:2::1".parse().unwrap(), t0), Ok(()));
        assert!(r.take("2001:db8:1:2::99".parse().unwrap(), t0).is_err());
        assert_eq!(r.take("2001:db8:1:3::1".parse().unwrap(), t0), Ok(()));
    }

    #[test]
    fn the_proxy_header_is_believed_only_from_a_trusted_proxy() {
        let mut h = HeaderMap::new();
        // The client wrote the first entry itself; the proxy appended the real one.
        h.insert(
            "x-forwarded-for",
            HeaderValue::from_static("10.9.9.9, 198.51.100.4"),
        );
        let proxy: SocketAddr = "127.0.0.1:5000".parse().unwrap();
        let stranger: SocketAddr = "203.0.113.5:5000".parse().unwrap();
        let c = config("X-Forwarded-For");
        assert_eq!(
            client_ip(proxy, &h, &c),
            "198.51.100.4".parse::<IpAddr>().unwrap()
        );
        assert_eq!(
            client_ip(stranger, &h, &c),
            "203.0.113.5".parse::<IpAddr>().unwrap()
        );
        // Without the setting the header is never read.
        assert_eq!(
            client_ip(proxy, &h, &config("")),
            "127.0.0.1".parse::<IpAddr>().unwrap()
        );
    }
}
