//! A real SMTP server for the mail-out tests: Debian's aiosmtpd running
//! tests/fixtures/smtp_server.py on loopback, at a port the system picks,
//! with a self-signed certificate (rcgen) that the client is told to trust
//! through `[mail] ca_file`. Each accepted message lands as a file in the
//! server's spool; a test makes the server fail and recover by writing and
//! removing its `answer` file. The server is killed when dropped.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use tempfile::TempDir;

/// Debian's interpreter: the PATH's python3 may be another without aiosmtpd.
const PYTHON: &str = "/usr/bin/python3";
pub const USER: &str = "agent";
pub const PASSWORD: &str = "s3cret pass";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tls {
    /// `smtp://`: STARTTLS, required by both sides.
    StartTls,
    /// `smtps://`: TLS from the first byte.
    Implicit,
}

pub struct SmtpServer {
    child: Child,
    dir: TempDir,
    pub port: u16,
    tls: Tls,
}

impl SmtpServer {
    /// Starts a server asking for a login (STARTTLS) or none (implicit TLS);
    /// `None` (the test skips, or fails in CI) when aiosmtpd is missing.
    pub fn start(tls: Tls) -> Option<SmtpServer> {
        let found = Command::new(PYTHON)
            .args(["-c", "import aiosmtpd"])
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !found {
            crate::skip::skip("no aiosmtpd for /usr/bin/python3 (apt-get install python3-aiosmtpd)");
            return None;
        }
        let dir = tempfile::tempdir().expect("temp dir");
        let spool = dir.path().join("spool");
        std::fs::create_dir(&spool).unwrap();
        let key = rcgen::generate_simple_self_signed(vec!["127.0.0.1".to_string(), "localhost".to_string()])
            .expect("certificate");
        std::fs::write(dir.path().join("cert.pem"), key.cert.pem()).unwrap();
        std::fs::write(dir.path().join("key.pem"), key.key_pair.serialize_pem()).unwrap();
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/smtp_server.py");
        let port_file = dir.path().join("port");
        let mut cmd = Command::new(PYTHON);
        cmd.arg(script).arg(&spool).arg(&port_file);
        cmd.arg("--tls")
            .arg(dir.path().join("cert.pem"))
            .arg(dir.path().join("key.pem"));
        match tls {
            Tls::StartTls => cmd.args(["--mode", "starttls", "--auth", &format!("{USER}:{PASSWORD}")]),
            Tls::Implicit => cmd.args(["--mode", "smtps"]),
        };
        // Quiet: aiosmtpd 1.4 warns of its own deprecated API on every login.
        let child = cmd
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the SMTP server");
        let mut server = SmtpServer {
            child,
            dir,
            port: 0,
            tls,
        };
        server.port = server.wait_for_port(&port_file);
        Some(server)
    }

    /// The server writes its port once it listens.
    fn wait_for_port(&mut self, port_file: &Path) -> u16 {
        for _ in 0..600 {
            if let Ok(text) = std::fs::read_to_string(port_file) {
                return text.trim().parse().expect("a port");
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("the SMTP server exited: {status}");
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        panic!("the SMTP server did not start");
    }

    pub fn ca_file(&self) -> PathBuf {
        self.dir.path().join("cert.pem")
    }

    /// `[mail]` settings that send through this server.
    pub fn config(&self) -> String {
        let ca = self.ca_file().display().to_string();
        match self.tls {
            Tls::StartTls => format!(
                "smtp = \"smtp://{USER}@127.0.0.1:{port}\"\nsmtp_password_command = \"printf '%s\\\\n' '{PASSWORD}'\"\nca_file = \"{ca}\"\n",
                port = self.port
            ),
            Tls::Implicit => format!(
                "smtp = \"smtps://127.0.0.1:{port}\"\nca_file = \"{ca}\"\n",
                port = self.port
            ),
        }
    }

    /// From now on every message is answered with `line` ("451 4.3.0 later").
    pub fn answer(&self, line: &str) {
        std::fs::write(self.dir.path().join("spool/answer"), line).unwrap();
    }

    /// Messages are accepted again.
    pub fn recover(&self) {
        std::fs::remove_file(self.dir.path().join("spool/answer")).unwrap();
    }

    /// Every message the server accepted, in order.
    pub fn messages(&self) -> Vec<Vec<u8>> {
        let mut names: Vec<PathBuf> = std::fs::read_dir(self.dir.path().join("spool"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "eml"))
            .collect();
        names.sort();
        names.iter().map(|p| std::fs::read(p).unwrap()).collect()
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
