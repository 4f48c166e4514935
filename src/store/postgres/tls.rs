//! TLS to the database server where the URL asks for it (`sslmode=require`): a hosted web form
//! or a branch library reaches the server over a network that is not the library's own. The
//! server's certificate is verified — against the machine's certificate authorities
//! (Debian's `ca-certificates`) and, for a library's own CA or a self-signed server, the file
//! `PGSSLROOTCERT` names, as libpq reads it. Without `sslmode=require` the connection is plain,
//! as it was (a server on the same PC or LAN).
//!
//! rustls with ring rather than OpenSSL: no C library to install before `cargo build`.

use std::sync::Arc;

use postgres::config::SslMode;
use postgres::{Client, Config, NoTls};
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;
use tokio_postgres_rustls::MakeRustlsConnect;

/// The environment variable naming a PEM file of certificate authorities to trust, libpq's.
pub const ROOT_CERT_ENV: &str = "PGSSLROOTCERT";

#[derive(Clone)]
pub(super) enum Tls {
    Plain,
    Verified(MakeRustlsConnect),
}

impl Tls {
    /// What `config` asks for; an unreadable `PGSSLROOTCERT` is said, not passed over.
    pub(super) fn for_config(config: &Config) -> Result<Tls, String> {
        if config.get_ssl_mode() != SslMode::Require {
            return Ok(Tls::Plain);
        }
        let mut roots = rustls::RootCertStore::empty();
        for cert in rustls_native_certs::load_native_certs().certs {
            // A system certificate rustls cannot read is one fewer authority, not a failure.
            let _ = roots.add(cert);
        }
        if let Some(file) = std::env::var_os(ROOT_CERT_ENV) {
            let certs: Vec<CertificateDer> = CertificateDer::pem_file_iter(&file)
                .and_then(|it| it.collect::<Result<_, _>>())
                .map_err(|e| format!("{ROOT_CERT_ENV}={}: {e}", file.to_string_lossy()))?;
            if certs.is_empty() {
                return Err(format!(
                    "{ROOT_CERT_ENV}={}: no certificate in the file",
                    file.to_string_lossy()
                ));
            }
            for cert in certs {
                roots
                    .add(cert)
                    .map_err(|e| format!("{ROOT_CERT_ENV}: {e}"))?;
            }
        }
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let client = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|e| e.to_string())?
            .with_root_certificates(roots)
            .with_no_client_auth();
        Ok(Tls::Verified(MakeRustlsConnect::new(client)))
    }

    pub(super) fn connect(&self, config: &Config) -> Result<Client, postgres::Error> {
        match self {
            Tls::Plain => config.connect(NoTls),
            Tls::Verified(tls) => config.connect(tls.clone()),
        }
    }
}
