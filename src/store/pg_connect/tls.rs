//! TLS to PostgreSQL over rustls (the TLS the IMAP and SMTP clients use;
//! no OpenSSL), checking the certificate as libpq's `sslmode` says:
//! prefer and require encrypt without checking it, verify-ca checks it
//! against the trusted roots, verify-full the host name too.

use super::failure::PgFailure;
use crate::store::location::{PgTarget, SslMode};
use postgres::tls::{ChannelBinding, MakeTlsConnect, TlsConnect, TlsStream};
use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{CryptoProvider, WebPkiSupportedAlgorithms};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme};
use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

/// Makes the TLS connection when the server agrees to one, and remembers
/// that it was asked to: a server refusing TLS under `require` is told
/// apart from other failures by that, not by the driver's message.
#[derive(Clone)]
pub(super) struct RustlsConnector {
    config: Arc<ClientConfig>,
    pub(super) handshake_started: Arc<AtomicBool>,
}

impl RustlsConnector {
    pub(super) fn new(target: &PgTarget) -> Result<RustlsConnector, PgFailure> {
        Ok(RustlsConnector {
            config: Arc::new(client_config(target)?),
            handshake_started: Arc::new(AtomicBool::new(false)),
        })
    }
}

/// The handshake's own failure (a certificate refused, a protocol error),
/// kept apart from the driver's other errors by its type.
#[derive(Debug)]
pub(super) struct HandshakeFailed(pub(super) io::Error);

impl std::fmt::Display for HandshakeFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for HandshakeFailed {}

fn provider() -> Arc<CryptoProvider> {
    // ring, as the mail clients (see service/mail/imap/connect.rs).
    #[allow(deprecated)]
    Arc::new(rustls::crypto::ring::default_provider())
}

fn client_config(target: &PgTarget) -> Result<ClientConfig, PgFailure> {
    let provider = provider();
    let builder = ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| PgFailure::Tls {
            target: target.to_string(),
            sslmode: target.sslmode.key(),
            detail: e.to_string(),
        })?;
    let algorithms = provider.signature_verification_algorithms;
    let verifier: Arc<dyn ServerCertVerifier> = match target.sslmode {
        SslMode::Disable | SslMode::Prefer | SslMode::Require => Arc::new(Lenient {
            chain: None,
            algorithms,
        }),
        mode @ (SslMode::VerifyCa | SslMode::VerifyFull) => {
            let roots = Arc::new(roots(target)?);
            let webpki = WebPkiServerVerifier::builder_with_provider(roots, provider)
                .build()
                .map_err(|e| PgFailure::Tls {
                    target: target.to_string(),
                    sslmode: mode.key(),
                    detail: e.to_string(),
                })?;
            if mode == SslMode::VerifyCa {
                Arc::new(Lenient {
                    chain: Some(webpki),
                    algorithms,
                })
            } else {
                webpki
            }
        }
    };
    Ok(builder
        .dangerous()
        .with_custom_certificate_verifier(verifier)
        .with_no_client_auth())
}

/// `sslrootcert`'s certificates when given (libpq trusts that file alone),
/// else the system's.
fn roots(target: &PgTarget) -> Result<RootCertStore, PgFailure> {
    let mut roots = RootCertStore::empty();
    let Some(path) = &target.sslrootcert else {
        roots.add_parsable_certificates(rustls_native_certs::load_native_certs().certs);
        return Ok(roots);
    };
    let shown = path.display().to_string();
    let pem = std::fs::read(path).map_err(|e| PgFailure::RootCert {
        path: shown.clone(),
        detail: e.to_string(),
    })?;
    let certs: Vec<CertificateDer> = CertificateDer::pem_slice_iter(&pem).filter_map(Result::ok).collect();
    let (added, _) = roots.add_parsable_certificates(certs);
    if added == 0 {
        return Err(PgFailure::RootCert {
            path: shown,
            detail: "no PEM certificate".into(),
        });
    }
    Ok(roots)
}

/// The certificate checks libpq makes short of verify-full. prefer /
/// require (`chain: None`): the connection is encrypted, the certificate
/// is not checked. verify-ca: the chain must lead to a trusted root, the
/// name in the certificate may be any; webpki checks the name last, after
/// the chain, so a name mismatch means the chain was good. Either way the
/// handshake's signatures are checked, so the server proves it holds the
/// key of the certificate it sent.
#[derive(Debug)]
struct Lenient {
    chain: Option<Arc<WebPkiServerVerifier>>,
    algorithms: WebPkiSupportedAlgorithms,
}

impl ServerCertVerifier for Lenient {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        let Some(chain) = &self.chain else {
            return Ok(ServerCertVerified::assertion());
        };
        match chain.verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now) {
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.algorithms.supported_schemes()
    }
}

impl<S> MakeTlsConnect<S> for RustlsConnector
where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    type Stream = RustlsStream<S>;
    type TlsConnect = RustlsConnect;
    type Error = HandshakeFailed;

    fn make_tls_connect(&mut self, domain: &str) -> Result<RustlsConnect, HandshakeFailed> {
        let name = ServerName::try_from(domain.to_string())
            .map_err(|e| HandshakeFailed(io::Error::new(io::ErrorKind::InvalidInput, e)))?;
        Ok(RustlsConnect {
            name,
            connector: self.clone(),
        })
    }
}

pub(super) struct RustlsConnect {
    name: ServerName<'static>,
    connector: RustlsConnector,
}

type Handshake<S> = Pin<Box<dyn Future<Output = Result<RustlsStream<S>, HandshakeFailed>> + Send>>;

impl<S> TlsConnect<S> for RustlsConnect
where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    type Stream = RustlsStream<S>;
    type Error = HandshakeFailed;
    type Future = Handshake<S>;

    fn connect(self, stream: S) -> Handshake<S> {
        self.connector.handshake_started.store(true, Ordering::SeqCst);
        let connector = tokio_rustls::TlsConnector::from(self.connector.config);
        Box::pin(async move {
            connector
                .connect(self.name, stream)
                .await
                .map(RustlsStream)
                .map_err(HandshakeFailed)
        })
    }
}

pub(super) struct RustlsStream<S>(tokio_rustls::client::TlsStream<S>);

impl<S: AsyncRead + AsyncWrite + Unpin> TlsStream for RustlsStream<S> {
    /// None: SCRAM still proves both sides know the password, over TLS.
    /// Binding it to the certificate would need the certificate's hash
    /// algorithm, hence an X.509 parser, for a protection verify-full gives.
    fn channel_binding(&self) -> ChannelBinding {
        ChannelBinding::none()
    }
}

impl<S: AsyncRead + AsyncWrite + Unpin> AsyncRead for RustlsStream<S> {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.0).poll_read(cx, buf)
    }
}

impl<S: AsyncRead + AsyncWrite + Unpin> AsyncWrite for RustlsStream<S> {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.0).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.0).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.0).poll_shutdown(cx)
    }
}
