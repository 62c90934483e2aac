//! A real dovecot for the IMAP tests, started by the test itself: its own
//! config in a temp dir, listeners on free loopback ports (implicit TLS and
//! plain text with STARTTLS, or plain text only), a passwd-file user, and a
//! Maildir filled with the test's messages before it starts. A certificate
//! authority made by rcgen signs the server's certificate; `ca_pem` is what
//! a client must trust. Stopped (SIGTERM, then waited for) when dropped.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use tempfile::TempDir;

pub const USER: &str = "support";
pub const PASSWORD: &str = "s3cret-imap";

pub struct Dovecot {
    child: Child,
    dir: TempDir,
    /// Implicit TLS (`imaps://`); 0 when started without TLS.
    pub imaps_port: u16,
    /// Plain text, offering STARTTLS when started with TLS.
    pub imap_port: u16,
}

fn binary() -> Option<PathBuf> {
    let known = PathBuf::from("/usr/sbin/dovecot");
    if known.is_file() {
        return Some(known);
    }
    let found = Command::new("sh").args(["-c", "command -v dovecot"]).output().ok()?;
    let path = String::from_utf8(found.stdout).ok()?.trim().to_string();
    (!path.is_empty()).then(|| PathBuf::from(path))
}

/// Customer mail number `n`, Message-ID `<mN@example.com>`.
pub fn message(n: usize, subject: &str) -> Vec<u8> {
    format!(
        "From: 客户{n} <customer{n}@example.com>\r\nTo: support@example.com\r\n\
         Subject: {subject}\r\nMessage-ID: <m{n}@example.com>\r\n\
         Date: Mon, 2 Mar 2026 08:00:00 +0000\r\n\r\nBody {n}\r\n"
    )
    .into_bytes()
}

/// Messages 1 to `count`.
pub fn messages(count: usize) -> Vec<Vec<u8>> {
    (1..=count).map(|n| message(n, &format!("Question {n}"))).collect()
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// The name and ids the mail processes run as: dovecot refuses root, so a
/// root test hands the Maildir to the `dovecot` user; anyone else runs
/// everything as themselves.
fn mail_user() -> (String, String, u32, u32) {
    let id = |args: &[&str]| {
        let out = Command::new("id").args(args).output().unwrap();
        String::from_utf8(out.stdout).unwrap().trim().to_string()
    };
    let me = id(&["-un"]);
    if me == "root" {
        let (uid, gid) = (id(&["-u", "dovecot"]), id(&["-g", "dovecot"]));
        (
            "dovecot".into(),
            "dovenull".into(),
            uid.parse().unwrap(),
            gid.parse().unwrap(),
        )
    } else {
        let (uid, gid) = (id(&["-u"]), id(&["-g"]));
        (me.clone(), me, uid.parse().unwrap(), gid.parse().unwrap())
    }
}

/// The test CA (PEM) and a server certificate and key it signed for 127.0.0.1.
fn certificates() -> (String, String, String) {
    use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, KeyPair, SanType};
    let ca_key = KeyPair::generate().unwrap();
    let mut ca = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca.distinguished_name.push(DnType::CommonName, "frontdesk test CA");
    let ca_cert = ca.self_signed(&ca_key).unwrap();
    let key = KeyPair::generate().unwrap();
    let mut server = CertificateParams::new(vec!["localhost".to_string()]).unwrap();
    server
        .subject_alt_names
        .push(SanType::IpAddress(std::net::IpAddr::from([127, 0, 0, 1])));
    server.distinguished_name.push(DnType::CommonName, "127.0.0.1");
    let cert = server.signed_by(&key, &ca_cert, &ca_key).unwrap();
    (ca_cert.pem(), cert.pem(), key.serialize_pem())
}

impl Dovecot {
    /// A dovecot holding `messages` in the user's INBOX, with TLS (`imaps`
    /// and STARTTLS) or without any. `None` (after `skip`) where dovecot is
    /// not installed.
    pub fn start(messages: &[Vec<u8>], tls: bool) -> Option<Dovecot> {
        Dovecot::start_in(messages, tls, "")
    }

    /// The same with the messages in a folder other than INBOX: `on_disk`
    /// is its Maildir++ name (`.` and the name in modified UTF-7).
    pub fn start_in(messages: &[Vec<u8>], tls: bool, on_disk: &str) -> Option<Dovecot> {
        let Some(dovecot) = binary() else {
            crate::skip::skip("dovecot is not installed (apt-get install dovecot-imapd)");
            return None;
        };
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        // The login and mail processes run as other users: they must reach in.
        chmod(root, 0o755);
        let (internal, login, uid, gid) = mail_user();
        let maildir = root.join("Maildir");
        let folder = maildir.join(on_disk);
        for sub in ["new", "cur", "tmp"] {
            std::fs::create_dir_all(maildir.join(sub)).unwrap();
            std::fs::create_dir_all(folder.join(sub)).unwrap();
        }
        for (i, message) in messages.iter().enumerate() {
            std::fs::write(folder.join("new").join(format!("170000000{i}.M{i}P1.test")), message).unwrap();
        }
        std::fs::create_dir_all(root.join("home")).unwrap();
        chown_tree(root, &maildir, uid, gid);
        let (ca, cert, key) = certificates();
        std::fs::write(root.join("ca.pem"), ca).unwrap();
        std::fs::write(root.join("server.pem"), cert).unwrap();
        std::fs::write(root.join("server.key"), key).unwrap();
        std::fs::write(root.join("passwd"), format!("{USER}:{{PLAIN}}{PASSWORD}\n")).unwrap();
        let (imap_port, imaps_port) = (free_port(), if tls { free_port() } else { 0 });
        let r = root.display();
        let config = format!(
            "protocols = imap\n\
             listen = 127.0.0.1\n\
             base_dir = {r}/run\n\
             state_dir = {r}/state\n\
             log_path = {r}/dovecot.log\n\
             info_log_path = {r}/dovecot.log\n\
             ssl = {ssl}\n\
             ssl_cert = <{r}/server.pem\n\
             ssl_key = <{r}/server.key\n\
             disable_plaintext_auth = {ssl}\n\
             auth_mechanisms = plain login\n\
             default_internal_user = {internal}\n\
             default_login_user = {login}\n\
             first_valid_uid = 1\n\
             first_valid_gid = 1\n\
             mail_location = maildir:{r}/Maildir\n\
             passdb {{\n  driver = passwd-file\n  args = scheme=PLAIN {r}/passwd\n}}\n\
             userdb {{\n  driver = static\n  args = uid={uid} gid={gid} home={r}/home\n}}\n\
             service imap-login {{\n  chroot =\n\
               inet_listener imap {{\n    address = 127.0.0.1\n    port = {imap_port}\n  }}\n\
               inet_listener imaps {{\n    address = 127.0.0.1\n    port = {imaps_port}\n    ssl = yes\n  }}\n}}\n\
             service anvil {{\n  chroot =\n}}\n\
             service imap {{\n  process_limit = 16\n}}\n",
            ssl = if tls { "yes" } else { "no" },
        );
        let conf = root.join("dovecot.conf");
        std::fs::write(&conf, config).unwrap();
        let child = Command::new(dovecot)
            .arg("-F")
            .arg("-c")
            .arg(&conf)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(root.join("stderr.log")).unwrap())
            .spawn()
            .unwrap();
        let mut server = Dovecot {
            child,
            dir,
            imaps_port,
            imap_port,
        };
        server.wait_ready();
        Some(server)
    }

    /// Until the plain listener takes connections; fails with dovecot's log
    /// when it exits first. Bounded: a dovecot that never comes up fails.
    fn wait_ready(&mut self) {
        for _ in 0..400 {
            if let Some(status) = self.child.try_wait().unwrap() {
                panic!("dovecot exited ({status}):\n{}", self.log());
            }
            if TcpStream::connect(("127.0.0.1", self.imap_port)).is_ok() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(25));
        }
        panic!("dovecot did not listen on {}:\n{}", self.imap_port, self.log());
    }

    pub fn log(&self) -> String {
        let read = |name: &str| std::fs::read_to_string(self.dir.path().join(name)).unwrap_or_default();
        format!("{}{}", read("stderr.log"), read("dovecot.log"))
    }

    pub fn ca_pem(&self) -> PathBuf {
        self.dir.path().join("ca.pem")
    }

    pub fn imaps_url(&self) -> String {
        format!("imaps://{USER}@127.0.0.1:{}/INBOX", self.imaps_port)
    }

    pub fn starttls_url(&self) -> String {
        format!("imap://{USER}@127.0.0.1:{}/INBOX", self.imap_port)
    }

    /// The Maildir flags of every message (`""` for one still in new/), by
    /// file name order: dovecot renames a file when its flags change.
    pub fn flags(&self) -> Vec<String> {
        self.flags_in("")
    }

    /// The same for a folder by its Maildir++ name (`""`: INBOX).
    pub fn flags_in(&self, on_disk: &str) -> Vec<String> {
        let folder = self.dir.path().join("Maildir").join(on_disk);
        let mut flags = Vec::new();
        for sub in ["new", "cur"] {
            for entry in std::fs::read_dir(folder.join(sub)).unwrap() {
                let name = entry.unwrap().file_name().to_string_lossy().into_owned();
                flags.push(name.split_once(":2,").map(|(_, f)| f.to_string()).unwrap_or_default());
            }
        }
        flags.sort();
        flags
    }

    /// How many messages are flagged \Seen.
    pub fn seen(&self) -> usize {
        self.flags().iter().filter(|f| f.contains('S')).count()
    }
}

fn chmod(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// The Maildir and the home belong to the mail user (a no-op when that is us).
fn chown_tree(root: &Path, maildir: &Path, uid: u32, gid: u32) {
    let status = Command::new("chown")
        .arg("-R")
        .arg(format!("{uid}:{gid}"))
        .arg(maildir)
        .arg(root.join("home"))
        .status()
        .unwrap();
    assert!(status.success(), "chown of the Maildir failed");
}

impl Drop for Dovecot {
    fn drop(&mut self) {
        // SIGTERM lets the master stop its login and mail processes.
        unsafe {
            libc::kill(self.child.id() as libc::pid_t, libc::SIGTERM);
        }
        let _ = self.child.wait();
    }
}
