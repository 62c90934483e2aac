//! Reaching a real PostgreSQL server (`store::connect`, `--db postgres://…`):
//! each password source, the typed failures, TLS by `sslmode`, and that a
//! URL never becomes a file. The server of `.ci/pg-start` trusts only its
//! superuser; the roles made here need their passwords.

use crate::common::Desk;
use crate::pg_server::TestDb;
use frontdesk::config::secret::Password;
use frontdesk::store::{Location, PasswordSource, PgFailure, PgSecrets, PgTarget, PgWarning, StoreError, connect};
use std::ffi::OsStr;
use std::path::Path;

const PASSWORD: &str = "Tr0ub4dor&3";

/// A login role with [`PASSWORD`], dropped when the test ends (roles are
/// the cluster's, not the test database's).
struct Role {
    name: String,
    server: String,
}

impl Role {
    fn new(db: &TestDb) -> Role {
        let name = format!("{}_agent", db.name);
        db.admin()
            .batch_execute(&format!("CREATE ROLE {name} LOGIN PASSWORD '{PASSWORD}'"))
            .expect("create a role");
        Role {
            name,
            server: db.url.clone(),
        }
    }
}

impl Role {
    /// Makes `db` a frontdesk database (its owner runs `init`) and lets this login
    /// work there, as a database administrator sets up an agent (README).
    fn joins_a_frontdesk_database(&self, db: &TestDb, desk: &Desk) {
        frontdesk(desk).args(["--db", &db.url, "init"]).assert().success();
        db.admin()
            .batch_execute(&format!("GRANT frontdesk_agent TO {}", self.name))
            .expect("grant frontdesk_agent");
    }
}

impl Drop for Role {
    fn drop(&mut self) {
        if let Ok(mut admin) = postgres::Client::connect(&self.server, postgres::NoTls) {
            let _ = admin.batch_execute(&format!("DROP ROLE IF EXISTS {}", self.name));
        }
    }
}

fn quiet(_: &PgWarning) {}

fn secrets() -> PgSecrets {
    PgSecrets {
        pgpassword: None,
        passfile: None,
        password_command: String::new(),
        run_command: frontdesk::config::secret::run_password_command,
        warn: quiet,
    }
}

fn target(url: &str) -> PgTarget {
    match Location::parse(OsStr::new(url)).expect("a good URL") {
        Location::Postgres(target) => target,
        other => panic!("{url}: {other:?}"),
    }
}

fn failure(url: &str, secrets: &PgSecrets) -> PgFailure {
    match connect(&target(url), secrets) {
        Err(StoreError::Postgres(failure)) => failure,
        Err(other) => panic!("{url}: {other:?}"),
        Ok(_) => panic!("{url}: connected"),
    }
}

fn current_user(client: &mut postgres::Client) -> String {
    client.query_one("SELECT current_user::text", &[]).unwrap().get(0)
}

/// A password file of `lines` with `mode`.
fn pass_file(dir: &Path, lines: &str, mode: u32) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join("pgpass");
    std::fs::write(&path, lines).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
    path
}

/// Runs the command, expects exit `code`, and returns its standard error.
fn stderr_of(cmd: &mut assert_cmd::Command, code: i32) -> String {
    let out = cmd.assert().code(code).get_output().clone();
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The binary in an empty folder with no password in its environment.
fn frontdesk(desk: &Desk) -> assert_cmd::Command {
    let mut cmd = desk.bare();
    cmd.current_dir(desk.dir())
        .env_remove("PGPASSWORD")
        .env_remove("PGPASSFILE");
    cmd
}

#[test]
fn each_password_source_logs_the_role_in() {
    let Some(db) = TestDb::fresh() else { return };
    let role = Role::new(&db);
    let url = db.url_as(&role.name);
    let dir = tempfile::tempdir().unwrap();
    let from_env = PgSecrets {
        pgpassword: Some(Password::new(PASSWORD.into())),
        ..secrets()
    };
    let line = format!(
        "# ours\n127.0.0.1:*:{}:{}:{}\n",
        db.name,
        role.name,
        PASSWORD.replace(':', "\\:")
    );
    let from_file = PgSecrets {
        passfile: Some(pass_file(dir.path(), &line, 0o600)),
        ..secrets()
    };
    let from_command = PgSecrets {
        password_command: format!("printf '%s\\n' '{PASSWORD}'"),
        ..secrets()
    };
    for (source, secrets) in [("env", from_env), ("file", from_file), ("command", from_command)] {
        let mut client = connect(&target(&url), &secrets).unwrap_or_else(|e| panic!("{source}: {e:?}"));
        assert_eq!(current_user(&mut client), role.name, "{source}");
    }
}

#[test]
fn a_wrong_password_names_the_user_and_where_it_came_from() {
    let Some(db) = TestDb::fresh() else { return };
    let role = Role::new(&db);
    let url = db.url_as(&role.name);
    let dir = tempfile::tempdir().unwrap();
    let file = pass_file(dir.path(), "*:*:*:*:wrong-from-file\n", 0o600);
    let cases = [
        (
            PgSecrets {
                pgpassword: Some(Password::new("wrong".into())),
                ..secrets()
            },
            PasswordSource::Environment,
        ),
        (
            PgSecrets {
                passfile: Some(file.clone()),
                ..secrets()
            },
            PasswordSource::PassFile(file.display().to_string()),
        ),
        (
            PgSecrets {
                password_command: "echo wrong".into(),
                ..secrets()
            },
            PasswordSource::Command,
        ),
    ];
    for (secrets, source) in cases {
        match failure(&url, &secrets) {
            PgFailure::WrongPassword { user, source: came, .. } => {
                assert_eq!((user.as_str(), came), (role.name.as_str(), source));
            }
            other => panic!("{other:?}"),
        }
    }
    assert!(matches!(failure(&url, &secrets()), PgFailure::NoPassword { .. }));
    // The right password for a role that may not log in (28000).
    db.admin()
        .batch_execute(&format!("ALTER ROLE {} NOLOGIN", role.name))
        .unwrap();
    let right = PgSecrets {
        pgpassword: Some(Password::new(PASSWORD.into())),
        ..secrets()
    };
    match failure(&url, &right) {
        PgFailure::NotAllowed { user, .. } => assert_eq!(user, role.name),
        other => panic!("{other:?}"),
    }
}

/// PGPASSWORD comes first, the file next, the command last.
#[test]
fn the_sources_are_asked_in_libpq_order() {
    let Some(db) = TestDb::fresh() else { return };
    let role = Role::new(&db);
    let url = db.url_as(&role.name);
    let dir = tempfile::tempdir().unwrap();
    let good_file = pass_file(dir.path(), &format!("*:*:*:*:{PASSWORD}\n"), 0o600);
    let secrets = PgSecrets {
        pgpassword: Some(Password::new("wrong".into())),
        passfile: Some(good_file.clone()),
        password_command: format!("echo '{PASSWORD}'"),
        ..secrets()
    };
    assert!(matches!(
        failure(&url, &secrets),
        PgFailure::WrongPassword {
            source: PasswordSource::Environment,
            ..
        }
    ));
    let secrets = PgSecrets {
        passfile: Some(good_file),
        password_command: "exit 3".into(),
        ..secrets
    };
    let secrets = PgSecrets {
        pgpassword: None,
        ..secrets
    };
    assert!(connect(&target(&url), &secrets).is_ok(), "the file before the command");
}

#[test]
fn a_password_file_others_can_read_is_skipped_with_a_warning() {
    let Some(db) = TestDb::fresh() else { return };
    let role = Role::new(&db);
    let desk = Desk::empty();
    let home = desk.dir().join("home");
    std::fs::create_dir_all(&home).unwrap();
    let file = pass_file(&home, &format!("*:*:*:*:{PASSWORD}\n"), 0o644);
    std::fs::rename(&file, home.join(".pgpass")).unwrap();
    let stderr = stderr_of(frontdesk(&desk).args(["--db", &db.url_as(&role.name), "init"]), 1);
    assert!(stderr.contains("may be read by others"), "{stderr}");
    assert!(stderr.contains("asks") && stderr.contains(&role.name), "{stderr}");
    // Mode 600: the same file from HOME logs in, and the agent works.
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(home.join(".pgpass"), std::fs::Permissions::from_mode(0o600)).unwrap();
    role.joins_a_frontdesk_database(&db, &desk);
    let out = frontdesk(&desk)
        .args(["--db", &db.url_as(&role.name), "ticket", "list"])
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(!stderr.contains("may be read by others"), "{stderr}");
}

#[test]
fn the_binary_takes_the_url_and_password_command_from_the_settings() {
    let Some(db) = TestDb::fresh() else { return };
    let role = Role::new(&db);
    let desk = Desk::empty();
    let config = desk.dir().join("config.toml");
    let settings = format!(
        "[database]\nurl = \"{}\"\npassword_command = \"echo '{PASSWORD}'\"\n",
        db.url_as(&role.name)
    );
    std::fs::write(&config, settings).unwrap();
    role.joins_a_frontdesk_database(&db, &desk);
    let out = frontdesk(&desk)
        .env("FRONTDESK_CONFIG", &config)
        .args(["--json", "customer", "add", "--name", "陈静"])
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(!stderr.contains(PASSWORD), "{stderr}");
    let by: String = db
        .admin()
        .query_one("SELECT agent FROM audit ORDER BY id DESC LIMIT 1", &[])
        .unwrap()
        .get(0);
    assert_eq!(by, role.name, "on a server the agent is the login");
    // --db and FRONTDESK_DB come before the settings: a file, as always.
    frontdesk(&desk)
        .env("FRONTDESK_CONFIG", &config)
        .env("FRONTDESK_DB", desk.dir().join("env.db"))
        .arg("init")
        .assert()
        .success();
    frontdesk(&desk)
        .env("FRONTDESK_CONFIG", &config)
        .args(["--db", "flag.db", "init"])
        .assert()
        .success();
    assert!(desk.dir().join("env.db").exists() && desk.dir().join("flag.db").exists());
}

#[test]
fn a_missing_database_exits_4_saying_how_to_make_it() {
    let Some(db) = TestDb::fresh() else { return };
    let url = format!("{}_missing", db.url);
    match failure(&url, &secrets()) {
        PgFailure::NoDatabase { database, .. } => assert_eq!(database, format!("{}_missing", db.name)),
        other => panic!("{other:?}"),
    }
    let desk = Desk::empty();
    let stderr = stderr_of(frontdesk(&desk).args(["--db", &url, "ticket", "list"]), 4);
    assert!(stderr.contains(&format!("createdb {}_missing", db.name)), "{stderr}");
}

#[test]
fn a_closed_port_is_a_server_that_is_down() {
    // A port just freed: nothing listens there.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("postgres://postgres@127.0.0.1:{port}/fd");
    assert!(matches!(failure(&url, &secrets()), PgFailure::Unreachable { .. }));
    let desk = Desk::empty();
    let stderr = stderr_of(frontdesk(&desk).args(["--db", &url, "init"]), 1);
    assert!(
        stderr.contains("cannot reach") && stderr.contains(&port.to_string()),
        "{stderr}"
    );
}

#[test]
fn a_url_with_a_password_exits_2_and_never_shows_it() {
    let desk = Desk::empty();
    for url in [
        "postgres://ann:Sekr1t@127.0.0.1:5432/fd",
        "postgresql://ann:Sekr1t@db.example/fd?sslmode=require",
    ] {
        let out = frontdesk(&desk)
            .args(["--db", url, "init"])
            .assert()
            .code(2)
            .get_output()
            .clone();
        let (stdout, stderr) = (
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr),
        );
        assert!(
            !stdout.contains("Sekr1t") && !stderr.contains("Sekr1t"),
            "{stdout}{stderr}"
        );
        assert!(stderr.contains("--db") && stderr.contains("ann:***@"), "{stderr}");
    }
}

/// Whether the test server speaks TLS (`.ci/pg-start` turns it on; a
/// cluster started by an older one may not).
fn root_certificate(db: &TestDb, dir: &Path) -> Option<std::path::PathBuf> {
    let mut admin = db.admin();
    let ssl: String = admin.query_one("SHOW ssl", &[]).unwrap().get(0);
    if ssl != "on" {
        crate::skip::skip("the test server has no TLS (stop it and run .ci/pg-start again)");
        return None;
    }
    let pem: String = admin.query_one("SELECT pg_read_file('root.crt')", &[]).unwrap().get(0);
    let path = dir.join("root.crt");
    std::fs::write(&path, pem).unwrap();
    Some(path)
}

fn encrypted(client: &mut postgres::Client) -> bool {
    client
        .query_one("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", &[])
        .unwrap()
        .get(0)
}

#[test]
fn sslmode_decides_encryption_and_what_is_checked() {
    let Some(db) = TestDb::fresh() else { return };
    let dir = tempfile::tempdir().unwrap();
    let Some(root) = root_certificate(&db, dir.path()) else {
        return;
    };
    let root = root.display().to_string();
    // (query, encrypted): the server's certificate names "localhost" only
    // and is signed by `root`; the URL says 127.0.0.1.
    let connects = [
        ("sslmode=disable".to_string(), false),
        ("sslmode=prefer".to_string(), true),
        ("sslmode=require".to_string(), true),
        (format!("sslmode=verify-ca&sslrootcert={root}"), true),
    ];
    for (query, tls) in connects {
        let url = format!("{}?{query}", db.url);
        let mut client = connect(&target(&url), &secrets()).unwrap_or_else(|e| panic!("{query}: {e:?}"));
        assert_eq!(encrypted(&mut client), tls, "{query}");
    }
    let wrong_name = format!("{}?sslmode=verify-full&sslrootcert={root}", db.url);
    match failure(&wrong_name, &secrets()) {
        PgFailure::Tls { sslmode, .. } => assert_eq!(sslmode, "verify-full"),
        other => panic!("{other:?}"),
    }
    // The system's roots do not hold the test authority.
    let untrusted = format!("{}?sslmode=verify-ca", db.url);
    assert!(matches!(failure(&untrusted, &secrets()), PgFailure::Tls { .. }));
    let desk = Desk::empty();
    let stderr = stderr_of(frontdesk(&desk).args(["--db", &wrong_name, "init"]), 1);
    assert!(
        stderr.contains("TLS") && stderr.contains("sslmode=verify-full"),
        "{stderr}"
    );
}

#[test]
fn a_postgres_url_never_creates_a_file() {
    let Some(db) = TestDb::fresh() else { return };
    let desk = Desk::empty();
    let urls = [
        db.url.clone(),
        format!("{}_missing", db.url),
        "postgres://postgres@127.0.0.1:1/fd".to_string(),
        "postgres://ann:x@127.0.0.1/fd".to_string(),
    ];
    for (n, url) in urls.iter().enumerate() {
        for args in [&["init"][..], &["demo"], &["ticket", "list"], &["doctor"]] {
            let out = frontdesk(&desk).arg("--db").arg(url).args(args).assert();
            // The first database exists: its commands run there.
            if n > 0 {
                let code = out.get_output().status.code();
                assert!(matches!(code, Some(1 | 2 | 4)), "{url} {args:?}: {code:?}");
            }
        }
    }
    let left: Vec<_> = std::fs::read_dir(desk.dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn settings_commands_never_reach_the_server() {
    let desk = Desk::empty();
    let url = "postgres://postgres@127.0.0.1:1/fd";
    for args in [&["config", "path"][..], &["config", "check"], &["completions", "bash"]] {
        frontdesk(&desk).args(["--db", url]).args(args).assert().success();
    }
}

#[test]
fn an_agents_login_cannot_act_as_another_agent() {
    let Some(db) = TestDb::fresh() else { return };
    let role = Role::new(&db);
    let desk = Desk::empty();
    role.joins_a_frontdesk_database(&db, &desk);
    let as_role = |agent: Option<&str>| {
        let mut cmd = frontdesk(&desk);
        cmd.env("PGPASSWORD", PASSWORD).args(["--db", &db.url_as(&role.name)]);
        if let Some(agent) = agent {
            cmd.args(["--agent", agent]);
        }
        cmd.args(["customer", "add", "--name", "陈静"]);
        cmd
    };
    let before = db.dump();
    let stderr = stderr_of(&mut as_role(Some("李主管")), 2);
    assert!(stderr.contains(&role.name) && stderr.contains("李主管"), "{stderr}");
    assert_eq!(before, db.dump(), "a refused --agent wrote nothing");
    // Naming itself is no spoofing; the owner may name anyone.
    as_role(Some(&role.name)).assert().success();
    frontdesk(&desk)
        .args([
            "--db",
            &db.url,
            "--agent",
            "李主管",
            "customer",
            "add",
            "--name",
            "王芳",
        ])
        .assert()
        .success();
    let agents: Vec<String> = db
        .admin()
        .query("SELECT DISTINCT agent FROM audit ORDER BY 1", &[])
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    let mut expected = vec![role.name.clone(), "李主管".to_string()];
    expected.sort();
    assert_eq!(agents, expected);
}

#[test]
fn on_a_server_the_first_agent_added_keeps_the_role_asked_for() {
    let Some(db) = TestDb::fresh() else { return };
    let role = Role::new(&db);
    let desk = Desk::empty();
    role.joins_a_frontdesk_database(&db, &desk);
    let owner = |args: &[&str]| {
        let mut cmd = frontdesk(&desk);
        cmd.args(["--db", &db.url]).args(args);
        cmd
    };
    owner(&["agent", "add", &role.name, "--role", "supervisor"])
        .assert()
        .success();
    owner(&["customer", "add", "--name", "陈静"]).assert().success();
    let as_role = |args: &[&str]| {
        let mut cmd = frontdesk(&desk);
        cmd.env("PGPASSWORD", PASSWORD)
            .args(["--db", &db.url_as(&role.name)])
            .args(args);
        cmd
    };
    // A supervisor archives; adding agents stays the owner's (admin's).
    as_role(&["customer", "archive", "1"]).assert().success();
    let stderr = stderr_of(&mut as_role(&["agent", "add", "bob", "--role", "agent"]), 2);
    assert!(stderr.contains("admin"), "{stderr}");
}
