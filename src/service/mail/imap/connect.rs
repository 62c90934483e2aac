//! The connection to an IMAP server: TCP with a timeout on connect and on
//! every read and write (a dead server must not hang `mail fetch`), then TLS
//! by rustls — at once for `imaps://`, after STARTTLS for `imap://`, refusing
//! a server that does not offer it rather than send the password in clear.
//! Trusted roots: the system's plus the PEM certificates of `[mail] ca_file`.

use crate::domain::error::{FileProblem, Invalid, Reason};
use crate::domain::mail::imap_failure::ImapFailure;
use crate::domain::mail::imap_url::{ImapSource, Security};
use crate::domain::text::sanitize_line;
use crate::service::Error;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName};
use rustls::{ClientConfig, ClientConnection, RootCertStore, StreamOwned};
use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpStream, ToSocketAddrs};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

pub(super) type Stream = StreamOwned<ClientConnection, TcpStream>;

/// What to reach and how long to wait. Messages do not name the source:
/// the caller's `SourceFailure` does.
pub(super) struct Target<'a> {
    /// The source as configured: the key of its position.
    pub source: &'a str,
    pub imap: &'a ImapSource,
    pub timeout: Duration,
}

impl Target<'_> {
    /// An I/O failure worded for this source: a timeout says so plainly.
    pub(super) fn io_error(&self, e: &io::Error) -> Error {
        if matches!(e.kind(), io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut) {
            let seconds = self.timeout.as_secs();
            return Error::Imap(ImapFailure::TimedOut { seconds });
        }
        let detail = sanitize_line(&e.to_string()).into_owned();
        // rustls reports certificate and protocol failures as InvalidData.
        Error::Imap(if e.kind() == io::ErrorKind::InvalidData {
            ImapFailure::TlsFailed { detail }
        } else {
            ImapFailure::ServerFailed { detail }
        })
    }
}

/// An open, encrypted, not yet logged in IMAP client.
pub(super) fn connect(target: &Target, ca_file: &Path) -> Result<imap::Client<Stream>, Error> {
    let tls = tls_config(ca_file)?;
    let mut tcp = tcp(target)?;
    let imap = target.imap;
    if imap.security == Security::StartTls {
        starttls(&mut tcp, target)?;
    }
    let tls_failed = |detail: String| Error::Imap(ImapFailure::TlsFailed { detail });
    let name = ServerName::try_from(imap.host.clone()).map_err(|e| tls_failed(e.to_string()))?;
    let mut conn = ClientConnection::new(tls, name).map_err(|e| tls_failed(e.to_string()))?;
    // The handshake now, so a certificate the roots do not vouch for is
    // reported as such and not as a failed login.
    while conn.is_handshaking() {
        conn.complete_io(&mut tcp).map_err(|e| target.io_error(&e))?;
    }
    let mut client = imap::Client::new(StreamOwned::new(conn, tcp));
    match imap.security {
        Security::Tls => {
            client.read_greeting().map_err(|e| super::imap_error(target, &e))?;
        }
        // The greeting was read in clear before STARTTLS; none follows it.
        Security::StartTls => client.greeting_read = true,
    }
    Ok(client)
}

fn tcp(target: &Target) -> Result<TcpStream, Error> {
    let imap = target.imap;
    let addresses: Vec<SocketAddr> = (imap.host.as_str(), imap.port)
        .to_socket_addrs()
        .map_err(|e| {
            Error::Imap(ImapFailure::NoAddress {
                host: imap.host.clone(),
                detail: e.to_string(),
            })
        })?
        .collect();
    let mut last = None;
    for address in &addresses {
        match TcpStream::connect_timeout(address, target.timeout) {
            Ok(tcp) => {
                let timeout = Some(target.timeout);
                tcp.set_read_timeout(timeout)
                    .and_then(|()| tcp.set_write_timeout(timeout))
                    .map_err(|e| target.io_error(&e))?;
                return Ok(tcp);
            }
            Err(e) => last = Some((address, e)),
        }
    }
    let (address, detail) = match &last {
        Some((_, e)) if e.kind() == io::ErrorKind::TimedOut => return Err(target.io_error(e)),
        Some((address, e)) => (address.to_string(), e.to_string()),
        None => (format!("{}:{}", imap.host, imap.port), String::new()),
    };
    Err(Error::Imap(ImapFailure::ConnectFailed { address, detail }))
}

/// The roots: the system's (a system without any still works with
/// `ca_file`), then every certificate of `ca_file`.
fn tls_config(ca_file: &Path) -> Result<Arc<ClientConfig>, Error> {
    let mut roots = RootCertStore::empty();
    // Certificates the system store holds but rustls cannot use are skipped.
    let native = rustls_native_certs::load_native_certs();
    roots.add_parsable_certificates(native.certs);
    if !ca_file.as_os_str().is_empty() {
        let shown = ca_file.display().to_string();
        let bad = |problem| Error::from(Invalid::new("mail.ca_file", &shown, Reason::File(problem)));
        let pem = std::fs::read(ca_file).map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => bad(FileProblem::Missing),
            _ => bad(FileProblem::Unreadable { detail: e.to_string() }),
        })?;
        let certs: Vec<CertificateDer> = CertificateDer::pem_slice_iter(&pem).filter_map(Result::ok).collect();
        // None, or none rustls can use: either way nothing is trusted more.
        let (added, _) = roots.add_parsable_certificates(certs);
        if added == 0 {
            return Err(Error::Imap(ImapFailure::CaFileEmpty { path: shown }));
        }
    }
    // ring, the provider lettre already builds with: rustls 0.23.48 marks it
    // deprecated for lacking post-quantum key exchange, but aws-lc-rs would
    // bring a C/CMake build into the tree for the one IMAP connection.
    #[allow(deprecated)]
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::Imap(ImapFailure::TlsFailed { detail: e.to_string() }))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(Arc::new(config))
}

/// Greeting, CAPABILITY and STARTTLS in clear, by hand: the IMAP crate's own
/// STARTTLS needs its TLS features (OpenSSL or another rustls). Nothing
/// secret is sent here; the login waits for TLS.
fn starttls(tcp: &mut TcpStream, target: &Target) -> Result<(), Error> {
    let failed = |line: &[u8]| {
        let detail = sanitize_line(&String::from_utf8_lossy(line)).trim().to_string();
        Error::Imap(ImapFailure::ServerFailed { detail })
    };
    let greeting = read_line(tcp, target)?;
    if !greeting.starts_with(b"* OK") {
        return Err(failed(&greeting));
    }
    let mut offered = false;
    write_line(tcp, target, b"S1 CAPABILITY\r\n")?;
    loop {
        let line = read_line(tcp, target)?;
        if line.starts_with(b"S1 ") {
            if !line.starts_with(b"S1 OK") {
                return Err(failed(&line));
            }
            break;
        }
        let text = String::from_utf8_lossy(&line).to_ascii_uppercase();
        if text.starts_with("* CAPABILITY") && text.split_ascii_whitespace().any(|word| word == "STARTTLS") {
            offered = true;
        }
    }
    if !offered {
        return Err(Error::Imap(ImapFailure::NoStartTls));
    }
    write_line(tcp, target, b"S2 STARTTLS\r\n")?;
    loop {
        let line = read_line(tcp, target)?;
        if line.starts_with(b"S2 ") {
            return if line.starts_with(b"S2 OK") {
                Ok(())
            } else {
                Err(failed(&line))
            };
        }
    }
}

/// Longer lines than this are not a greeting or a capability list.
const MAX_LINE: usize = 64 * 1024;

/// One CRLF line, a byte at a time: nothing past it may be read, as the TLS
/// handshake follows on the same socket.
fn read_line(tcp: &mut TcpStream, target: &Target) -> Result<Vec<u8>, Error> {
    let mut line = Vec::new();
    let mut byte = [0u8; 1];
    loop {
        match tcp.read(&mut byte) {
            Ok(0) => return Err(target.io_error(&io::Error::from(io::ErrorKind::UnexpectedEof))),
            Ok(_) => {
                if byte[0] == b'\n' {
                    if line.last() == Some(&b'\r') {
                        line.pop();
                    }
                    return Ok(line);
                }
                if line.len() == MAX_LINE {
                    return Err(target.io_error(&io::Error::from(io::ErrorKind::InvalidInput)));
                }
                line.push(byte[0]);
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(target.io_error(&e)),
        }
    }
}

fn write_line(tcp: &mut TcpStream, target: &Target, line: &[u8]) -> Result<(), Error> {
    tcp.write_all(line)
        .and_then(|()| tcp.flush())
        .map_err(|e| target.io_error(&e))
}
