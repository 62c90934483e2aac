//! The command line of ../shared/CLI.md for the global options, `init` and
//! `customer add|list|show|edit|archive`, on a temporary database.

use crate::common;

use common::*;
use frontdesk::domain::customer::CustomerInput;
use frontdesk::service::interactions::{self, LogInput};
use frontdesk::service::tickets::{self, TicketInput};
use frontdesk::service::{Ctx, customers};
use frontdesk::store::LATEST_VERSION;

fn journal_mode(db: &std::path::Path) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap()
}

// ---- global options and init ----

#[test]
fn init_creates_the_database_and_prints_path_and_schema_version() {
    let desk = Desk::empty();
    let text = desk.ok(&["init"]);
    // The file's path, or the server database's URL.
    let shown = desk.target().to_string_lossy().into_owned();
    assert!(on_postgres() || desk.db.exists());
    assert!(text.contains(&shown), "{text}");
    assert!(text.contains(&format!("schema version {LATEST_VERSION}")), "{text}");

    // Again on the same database: nothing to migrate, same answer.
    let json = desk.json(&["init"]);
    assert_eq!(json["path"], shown);
    assert_eq!(json["schema_version"], LATEST_VERSION);
}

#[test]
fn global_options_are_read_from_the_environment() {
    let desk = Desk::new();
    let out = stdout(
        desk.bare()
            .env("FRONTDESK_DB", desk.target())
            .env("FRONTDESK_AGENT", "李四")
            .env("FRONTDESK_NOW", "2026-05-06T07:08:09+08:00")
            .args(["--json", "customer", "add", "--name", "张三"]),
    );
    let c = parse_json(&out);
    assert!(on_postgres() || desk.db.exists(), "FRONTDESK_DB was not used");
    assert_eq!(c["owner"], "李四");
    assert_eq!(c["created_at"], "2026-05-05T23:08:09Z");
    assert_eq!(c["code"], "C2026001");
    let audit = &desk.show_customer("C2026001")["audit"][0];
    assert_eq!(audit["agent"], "李四");
}

#[test]
fn flags_win_over_the_environment() {
    let desk = Desk::new();
    let elsewhere = desk.dir().join("elsewhere.db");
    let out = stdout(
        desk.cmd()
            .env("FRONTDESK_DB", &elsewhere)
            .env("FRONTDESK_AGENT", "李四")
            .env("FRONTDESK_NOW", "2027-01-01T00:00:00Z")
            .args(["--json", "customer", "add", "--name", "张三"]),
    );
    let c = parse_json(&out);
    assert!(!elsewhere.exists());
    assert_eq!(c["owner"], AGENT);
    assert_eq!(c["created_at"], NOW);
    assert_eq!(desk.json(&["customer", "list"]).as_array().unwrap().len(), 1);
}

#[test]
fn an_empty_path_is_refused_naming_the_variable_or_the_option_it_came_from() {
    let desk = Desk::new();
    let target = desk.target();
    let db = target.to_str().unwrap();
    let refused = |cmd: &mut assert_cmd::Command, names: &str| {
        let out = cmd.assert().code(2).get_output().clone();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(&format!("{names} \"\": is empty")), "{err}");
    };
    refused(
        desk.bare().env("FRONTDESK_DB", "").args(["customer", "list"]),
        "FRONTDESK_DB",
    );
    refused(
        desk.bare()
            .env("FRONTDESK_CONFIG", "")
            .args(["--db", db, "customer", "list"]),
        "FRONTDESK_CONFIG",
    );
    refused(desk.bare().args(["--db", "", "customer", "list"]), "--db");
    refused(desk.bare().args(["customer", "list", "--db="]), "--db");
    // A flag still wins over an empty variable, wherever it stands.
    for args in [["--db", db, "customer", "list"], ["customer", "list", "--db", db]] {
        desk.bare().env("FRONTDESK_DB", "").args(args).assert().success();
    }
}

#[test]
fn the_agent_defaults_to_the_login_name() {
    let desk = Desk::new();
    let out = stdout(
        desk.bare()
            .env("USER", "赵六")
            .arg("--db")
            .arg(desk.target())
            .args(["--now", NOW, "--json", "customer", "add", "--name", "张三"]),
    );
    // On a server the login is the database's: the role the test server's
    // URL connects as, whoever runs the command.
    let login = if on_postgres() { "postgres" } else { "赵六" };
    assert_eq!(parse_json(&out)["owner"], login);
}

#[cfg(target_os = "linux")]
#[test]
fn default_paths_are_the_platform_data_and_config_dirs() {
    let desk = Desk::empty();
    let home = desk.dir().join("home");
    let config = home.join("config/frontdesk/config.toml");
    std::fs::create_dir_all(config.parent().unwrap()).unwrap();
    std::fs::write(&config, "[sla\n").unwrap();
    let out = desk
        .bare()
        .env_remove("FRONTDESK_CONFIG")
        .args(["--now", NOW, "init"])
        .assert()
        .success()
        .get_output()
        .clone();
    let db = home.join("data/frontdesk/frontdesk.db");
    assert!(db.exists(), "no database at {}", db.display());
    assert!(String::from_utf8_lossy(&out.stdout).contains(&db.display().to_string()));
    let warning = String::from_utf8_lossy(&out.stderr);
    assert!(warning.contains(&config.display().to_string()), "{warning}");
}

#[test]
fn config_option_and_variable_choose_the_settings_file() {
    if common::file_only("the setting that tells the files apart is the file's journal mode") {
        return;
    }
    let desk = Desk::new();
    let config = desk.dir().join("team.toml");
    std::fs::write(&config, "[database]\njournal_mode = \"delete\"\n").unwrap();

    desk.ok(&["init"]);
    assert_eq!(journal_mode(&desk.db), "wal", "the default journal");

    let by_flag = Desk::empty();
    by_flag
        .cmd()
        .arg("--config")
        .arg(&config)
        .arg("init")
        .assert()
        .success();
    assert_eq!(journal_mode(&by_flag.db), "delete", "--config was ignored");

    let by_env = Desk::empty();
    by_env
        .cmd()
        .env("FRONTDESK_CONFIG", &config)
        .arg("init")
        .assert()
        .success();
    assert_eq!(journal_mode(&by_env.db), "delete", "FRONTDESK_CONFIG was ignored");
}

#[test]
fn a_broken_config_file_is_reported_and_the_defaults_are_used() {
    let desk = Desk::new();
    let config = desk.dir().join("broken.toml");
    std::fs::write(&config, "[sla]\nat_risk_share = 7\n").unwrap();
    let out = desk
        .cmd()
        .arg("--config")
        .arg(&config)
        .args(["customer", "add", "--name", "张三"])
        .assert()
        .success()
        .get_output()
        .clone();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("broken.toml") && err.contains("at_risk_share"), "{err}");
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "1");
}

#[test]
fn a_bad_clock_is_refused_before_anything_is_created() {
    let desk = Desk::empty();
    for now in ["yesterday", "2026-02-30", "0206-10-05"] {
        let out = desk
            .cmd_at(now)
            .args(["customer", "add", "--name", "张三"])
            .assert()
            .code(2)
            .get_output()
            .clone();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("now") && err.contains(now), "{err}");
        assert!(!desk.db.exists(), "--now {now} created the database");
    }
}

#[test]
fn a_bad_agent_is_refused_before_anything_is_created() {
    let desk = Desk::empty();
    let long = "员".repeat(65);
    let out = desk
        .cmd_as(&long, NOW)
        .args(["customer", "add", "--name", "张三"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("agent") && err.contains("65"), "{err}");
    assert!(!desk.db.exists(), "an invalid --agent created the database");
}

#[test]
fn add_prints_the_id_or_with_json_the_whole_record() {
    let desk = Desk::new();
    assert_eq!(desk.ok(&["customer", "add", "--name", "张三"]), "1\n");
    let c = desk.customer("曾国藩", &[]);
    assert_customer(&c);
    assert_eq!(id(&c), 2);
    assert_eq!(c["name"], "曾国藩");
}

#[test]
fn fractions_of_a_second_in_the_clock_are_not_reported_as_stored() {
    let desk = Desk::new();
    let added = desk.json_at("2026-03-02T08:00:00.750Z", &["customer", "add", "--name", "张三"]);
    let shown = desk.show_customer("1");
    assert_eq!(added["created_at"], shown["created_at"]);
    assert_eq!(shown["created_at"], "2026-03-02T08:00:00Z");
}

// ---- customer add ----

/// An invalid value exits 2, writes nothing and names the field and the
/// value: in English, and in Chinese under a Chinese locale (the field stays
/// the option's English name, which is what the user typed).
#[test]
fn an_invalid_value_is_named_in_the_users_language() {
    let desk = Desk::new();
    // The first command seeds the defaults; the refused ones add nothing.
    desk.customer("张三", &[]);
    let args = ["customer", "add", "--name", "赵六", "--email", "not-an-email"];
    let cases = [
        (
            "C",
            "frontdesk: invalid email \"not-an-email\": is not an e-mail address like name@example.com",
        ),
        (
            "zh_CN.UTF-8",
            "frontdesk: 字段 email 的值 \"not-an-email\" 无效：不是有效的邮箱地址（例如 name@example.com）",
        ),
    ];
    for (lang, says) in cases {
        let before = desk.dump();
        let out = desk
            .cmd()
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", lang)
            .args(args)
            .assert()
            .code(2)
            .get_output()
            .clone();
        assert!(out.stdout.is_empty(), "{lang}");
        // A warning about the missing settings file may come first.
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().last(), Some(says), "{lang}: {err}");
        assert_eq!(desk.dump(), before, "{lang}: nothing is written");
    }
}

#[test]
fn add_keeps_every_field() {
    let desk = Desk::new();
    let c = desk.customer(
        "曾国藩",
        &[
            "--kind",
            "company",
            "--contact",
            "曾纪泽",
            "--phone",
            "+86 138-0000-1234",
            "--email",
            "zeng@example.com",
            "--address",
            "湖南省长沙市开福区",
            "--industry",
            "制造业",
            "--since",
            "2020-01-15",
            "--tier",
            "high-value",
            "--tags",
            "vip，湖南,vip",
            "--channel",
            "phone",
            "--owner",
            "李四",
            "--notes",
            "重要客户，每季度回访",
        ],
    );
    assert_customer(&c);
    let expected = [
        ("code", "C2026001"),
        ("name", "曾国藩"),
        ("kind", "company"),
        ("contact", "曾纪泽"),
        ("phone", "+86 138-0000-1234"),
        ("email", "zeng@example.com"),
        ("address", "湖南省长沙市开福区"),
        ("industry", "制造业"),
        ("since", "2020-01-15"),
        ("tier", "high-value"),
        ("channel", "phone"),
        ("owner", "李四"),
        ("notes", "重要客户，每季度回访"),
        ("created_at", NOW),
    ];
    for (key, want) in expected {
        assert_eq!(c[key], want, "{key}");
    }
    assert_eq!(c["tags"], serde_json::json!(["vip", "湖南"]));
    assert_eq!(c["version"], 1);

    // What show reads back is what add reported.
    let mut shown = desk.show_customer("C2026001");
    let object = shown.as_object_mut().unwrap();
    object.remove("tickets");
    object.remove("audit");
    object.remove("warnings");
    object.remove("next_contact");
    assert_eq!(shown, c);
}

#[test]
fn generated_codes_count_per_year_of_the_clock() {
    let desk = Desk::new();
    let code = |now: &str, name: &str| desk.customer_at(now, name, &[])["code"].as_str().unwrap().to_string();
    assert_eq!(code("2026-01-01T00:00:00Z", "张三"), "C2026001");
    assert_eq!(code("2026-12-31T23:59:59Z", "李四"), "C2026002");
    assert_eq!(code("2027-01-01T00:00:00Z", "曾国藩"), "C2027001");
    assert_eq!(code("2026-06-01T00:00:00Z", "王五"), "C2026003");
    // A generated code already typed by hand is skipped.
    let manual = desk.customer_at("2026-06-01T00:00:00Z", "赵六", &["--code", "C2026004"]);
    assert_eq!(manual["code"], "C2026004");
    assert_eq!(code("2026-06-01T00:00:00Z", "孙七"), "C2026005");
    // One in another style does not.
    desk.customer_at("2027-06-01T00:00:00Z", "周八", &["--code", "C2027abc"]);
    assert_eq!(code("2027-06-01T00:00:00Z", "吴九"), "C2027002");
}

#[test]
fn a_used_code_is_refused() {
    let desk = Desk::new();
    desk.customer("张三", &["--code", "ZS-001"]);
    desk.refused_unchanged(2, &["customer", "add", "--name", "张三", "--code", "ZS-001"]);
    desk.customer("李四", &[]);
    let err = desk.refused_unchanged(2, &["customer", "edit", "C2026001", "--code", "ZS-001"]);
    assert!(err.contains("code") && err.contains("ZS-001"), "{err}");
}

#[test]
fn invalid_fields_exit_2_naming_field_and_value_and_write_nothing() {
    let desk = Desk::new();
    desk.customer("张三", &[]);
    let long_name = "张".repeat(201);
    let long_owner = "李".repeat(65);
    let long_tag = "标".repeat(41);
    let cases: &[(&[&str], &str, &str)] = &[
        (&["--name", "   "], "name", "required"),
        (&["--phone", "13800001111"], "name", "required"),
        (&["--name", &long_name], "name", "201"),
        (&["--name", "李四", "--email", "lisi@example"], "email", "lisi@example"),
        (
            &["--name", "李四", "--phone", "电话13800001111"],
            "phone",
            "电话13800001111",
        ),
        (&["--name", "李四", "--phone", "1234"], "phone", "1234"),
        (&["--name", "李四", "--kind", "机器人"], "kind", "机器人"),
        (&["--name", "李四", "--tier", "金牌"], "tier", "金牌"),
        (&["--name", "李四", "--channel", "信鸽"], "channel", "信鸽"),
        (&["--name", "李四", "--since", "2026-02-30"], "since", "2026-02-30"),
        (&["--name", "李四", "--since", "去年"], "since", "去年"),
        // After the clock (common::NOW, 2026-03-02), as a future opened_at is refused.
        (&["--name", "李四", "--since", "2030-01-01"], "since", "2030-01-01"),
        (&["--name", "李四", "--since", "2026-03-03"], "since", "in the future"),
        (&["--name", "李四", "--owner", &long_owner], "owner", "65"),
        (&["--name", "李四", "--tags", &long_tag], "tags", "41"),
        (&["--name", "李四", "--code", "客户1"], "code", "客户1"),
    ];
    desk.invalid_each(&["customer", "add"], cases);
    // The same rules hold for edit.
    let edits: &[(&[&str], &str, &str)] = &[
        (&["--name", ""], "name", "required"),
        (&["--email", "zs@@example.com"], "email", "zs@@example.com"),
        (&["--tier", "钻石"], "tier", "钻石"),
        (&["--since", "2026-13-01"], "since", "2026-13-01"),
        (&["--since", "2030-01-01"], "since", "2030-01-01"),
    ];
    desk.invalid_each(&["customer", "edit", "C2026001"], edits);
    desk.invalid(&["customer", "list", "--tier", "金牌"], "tier", "金牌");
}

#[test]
fn usage_errors_exit_2_and_write_nothing() {
    let desk = Desk::new();
    desk.customer("张三", &[]);
    let cases: &[&[&str]] = &[
        &["customer", "add", "--nmae", "李四"],
        &["customer", "frobnicate"],
        &["customer", "show"],
        &["customer", "list", "--limit", "十"],
        &["customer", "edit", "1", "--if-version", "一"],
        &["customer", "add", "--name"],
    ];
    for args in cases {
        desk.refused_unchanged(2, args);
    }
}

#[test]
fn a_nul_byte_is_refused_by_every_entry_point_without_writing() {
    // The shell cannot pass a NUL in an argument, so this goes through the
    // library the CLI and the TUI share.
    let desk = Desk::new();
    desk.customer("张三", &[]);
    let before = desk.dump();
    let mut store = desk.store();
    let ctx = Ctx::new(AGENT, chrono::DateTime::parse_from_rfc3339(NOW).unwrap().to_utc());
    let refused = |field: &str, result: Result<(), frontdesk::service::Error>| {
        let err = result.expect_err("a NUL byte was accepted");
        assert_eq!(err.exit_code(), 2, "{err}");
        let message = frontdesk::i18n::describe(&err, frontdesk::i18n::Lang::En.strings());
        assert!(message.contains(field) && message.contains("NUL"), "{message}");
    };
    let li_si = |set: fn(&mut CustomerInput)| {
        let mut input = CustomerInput {
            name: Some("李四".into()),
            ..Default::default()
        };
        set(&mut input);
        input
    };
    for (field, input) in [
        ("name", li_si(|i| i.name = Some("张\0三".into()))),
        ("notes", li_si(|i| i.notes = Some("备注\0".into()))),
        ("email", li_si(|i| i.email = Some("li\0si@example.com".into()))),
    ] {
        refused(field, customers::add(&mut store, &ctx, &input).map(drop));
        refused(
            field,
            customers::edit(&mut store, &ctx, "C2026001", &input, None).map(drop),
        );
    }
    let ticket = TicketInput {
        customer: "C2026001".into(),
        kind: "repair".into(),
        subject: "屏幕\0碎了".into(),
        ..Default::default()
    };
    refused("subject", tickets::add(&mut store, &ctx, &ticket).map(drop));
    let contact = LogInput {
        customer: "C2026001".into(),
        channel: "phone".into(),
        summary: "来\0电".into(),
        ..Default::default()
    };
    refused("summary", interactions::log(&mut store, &ctx, &contact).map(drop));
    drop(store);
    assert_eq!(before, desk.dump());
}

// ---- customer list ----

#[test]
fn filter_finds_chinese_names_by_pinyin() {
    let desk = Desk::new();
    let zhang = id(&desk.customer("张三", &["--phone", "13812345678"]));
    let zeng = id(&desk.customer("曾国藩", &[]));
    desk.customer("李四", &[]);
    let find = |q: &str| ids(&desk.json(&["customer", "list", "--filter", q]));
    for (query, want) in [
        ("zs", zhang),
        ("zhangsan", zhang),
        ("张三", zhang),
        ("zgf", zeng),
        ("zengguofan", zeng),
        ("曾国藩", zeng),
        ("13812345678", zhang),
        ("C2026002", zeng),
    ] {
        assert_eq!(find(query), vec![want], "--filter {query}");
    }
    assert!(find("wangwu").is_empty());
}

#[test]
fn filter_ranks_whole_words_before_scattered_letters() {
    let desk = Desk::new();
    // Created oldest first: recency alone would list them in reverse.
    let add = |at: &str, name: &str| id(&desk.customer_at(at, name, &[]));
    let hall_co = add("2026-03-01T01:00:00Z", "Hall & Co");
    let henry = add("2026-03-01T02:00:00Z", "Henry Hall");
    let marshall = add("2026-03-01T03:00:00Z", "Marshall Ltd");
    let harbour = add("2026-03-01T04:00:00Z", "Harbour Hill Labs");
    let yinhang = add("2026-03-01T05:00:00Z", "中国银行");
    let find = |q: &str| ids(&desk.json(&["customer", "list", "--filter", q]));
    // Harbour Hill Labs only has the letters scattered: left out.
    assert_eq!(find("hall"), vec![hall_co, henry, marshall]);
    assert_eq!(find("hal"), vec![hall_co, henry, marshall]);
    // Nothing matches better: the scattered match is shown.
    assert_eq!(find("hrbl"), vec![harbour]);
    for query in ["yinhang", "yinxing", "zgyh", "zhongguoyinhang"] {
        assert_eq!(find(query), vec![yinhang], "--filter {query}");
    }
}

#[test]
fn equal_matches_are_ranked_by_recent_activity() {
    let desk = Desk::new();
    let first = id(&desk.customer_at("2026-03-01T00:00:00Z", "张三", &[]));
    let second = id(&desk.customer_at("2026-03-01T01:00:00Z", "张三", &[]));
    let find = || ids(&desk.json(&["customer", "list", "--filter", "zs"]));
    assert_eq!(find(), vec![second, first], "no contact yet: the newer record first");
    let log = |key: i64, at: &str| {
        desk.ok(&[
            "log",
            "--customer",
            &key.to_string(),
            "--channel",
            "phone",
            "--summary",
            "来电咨询",
            "--at",
            at,
        ])
    };
    log(first, "2026-03-02T07:00:00Z");
    assert_eq!(find(), vec![first, second]);
    log(second, "2026-03-02T07:30:00Z");
    assert_eq!(find(), vec![second, first]);
}

#[test]
fn list_is_most_recently_active_first() {
    let desk = Desk::new();
    let a = id(&desk.customer_at("2026-01-01T00:00:00Z", "张三", &[]));
    let b = id(&desk.customer_at("2026-01-02T00:00:00Z", "李四", &[]));
    let c = id(&desk.customer_at("2026-01-03T00:00:00Z", "曾国藩", &[]));
    let list = desk.json(&["customer", "list"]);
    assert_eq!(ids(&list), vec![c, b, a]);
    list.as_array().unwrap().iter().for_each(assert_customer);

    desk.ticket(
        &a.to_string(),
        "repair",
        "屏幕碎了",
        &["--opened-at", "2026-02-01T00:00:00Z"],
    );
    assert_eq!(ids(&desk.json(&["customer", "list"])), vec![a, c, b]);

    // An internal note is not contact with the customer.
    desk.ok(&[
        "log",
        "--customer",
        &b.to_string(),
        "--channel",
        "other",
        "--direction",
        "note",
        "--summary",
        "内部讨论",
    ]);
    assert_eq!(ids(&desk.json(&["customer", "list"])), vec![a, c, b]);

    let text = desk.ok(&["customer", "list"]);
    assert_line(&text, 0, &["CODE", "NAME"]);
    assert_line(&text, 1, &["张三"]);
    assert_line(&text, 3, &["李四"]);
}

#[test]
fn list_by_tier_tag_and_limit() {
    let desk = Desk::new();
    let zhang = id(&desk.customer("张三", &["--tier", "potential", "--tags", "vip,电子"]));
    let li = id(&desk.customer("李四", &["--tags", "电子"]));
    let zeng = id(&desk.customer("曾国藩", &["--tier", "potential"]));
    let list = |extra: &[&str]| {
        let mut args = vec!["customer", "list"];
        args.extend_from_slice(extra);
        ids(&desk.json(&args))
    };
    assert_eq!(list(&["--tier", "potential"]), vec![zeng, zhang]);
    assert_eq!(list(&["--tier", "standard"]), vec![li]);
    assert_eq!(list(&["--tag", "电子"]), vec![li, zhang]);
    assert_eq!(list(&["--tag", "vip"]), vec![zhang]);
    assert_eq!(list(&["--tag", "电"]), Vec::<i64>::new(), "a tag matches whole");
    assert_eq!(list(&["--tier", "potential", "--tag", "电子"]), vec![zhang]);
    assert_eq!(list(&["--limit", "2"]), vec![zeng, li]);
    assert_eq!(list(&["--limit", "0"]).len(), 3, "0 = all");
    assert_eq!(list(&["--filter", "zs", "--tier", "standard"]), Vec::<i64>::new());
    assert_eq!(list(&["--filter", "zs", "--tag", "vip"]), vec![zhang]);
}

#[test]
fn a_tag_is_matched_literally() {
    let desk = Desk::new();
    desk.customer("张三", &["--tags", "vip"]);
    let list = |tag: &str| ids(&desk.json(&["customer", "list", "--tag", tag]));
    assert_eq!(list("vip"), vec![1]);
    for pattern in ["v_p", "%", "v%", "VIP"] {
        assert_eq!(list(pattern), Vec::<i64>::new(), "--tag {pattern}");
    }
}

#[test]
fn limit_applies_to_the_filtered_list() {
    let desk = Desk::new();
    for _ in 0..4 {
        desk.customer("张三", &[]);
    }
    assert_eq!(
        ids(&desk.json(&["customer", "list", "--filter", "zs", "--limit", "3"])).len(),
        3
    );
    assert_eq!(
        ids(&desk.json(&["customer", "list", "--filter", "zs", "--limit", "0"])).len(),
        4
    );
}

// ---- show, edit, archive ----

#[test]
fn show_by_id_and_by_code() {
    let desk = Desk::new();
    desk.customer("张三", &[]);
    let zeng = desk.customer("曾国藩", &["--industry", "制造业"]);
    let by_id = desk.show_customer("2");
    let by_code = desk.show_customer("C2026002");
    assert_eq!(by_id, by_code);
    assert_customer(&by_id);
    assert_eq!(by_id["id"], zeng["id"]);
    assert!(by_id["tickets"].as_array().unwrap().is_empty());
    assert!(by_id["audit"].is_array());

    desk.ticket("C2026002", "complaint", "屏幕碎了", &[]);
    let shown = desk.show_customer("C2026002");
    let tickets = shown["tickets"].as_array().unwrap();
    assert_eq!(tickets.len(), 1);
    assert_ticket(&tickets[0]);
    assert_eq!(tickets[0]["subject"], "屏幕碎了");

    let text = desk.ok(&["customer", "show", "C2026002"]);
    for part in ["C2026002", "曾国藩", "制造业", "屏幕碎了"] {
        assert!(text.contains(part), "{part} missing:\n{text}");
    }
}

#[test]
fn a_code_of_digits_is_found_when_no_id_matches() {
    let desk = Desk::new();
    desk.customer("张三", &[]);
    let li = desk.customer("李四", &["--code", "10023"]);
    assert_eq!(desk.show_customer("10023")["id"], li["id"]);
    assert_eq!(
        desk.json(&["customer", "edit", "10023", "--industry", "零售"])["code"],
        "10023"
    );
    // An id wins over a code that looks like one.
    desk.customer("曾国藩", &["--code", "1"]);
    assert_eq!(desk.show_customer("1")["name"], "张三");
}

#[test]
fn edit_changes_fields_bumps_the_version_and_audits_who_and_what() {
    let desk = Desk::new();
    desk.customer("张三", &["--phone", "13800001111"]);
    let edited = desk.json_as(
        "李四",
        "2026-03-03T10:00:00Z",
        &[
            "customer",
            "edit",
            "C2026001",
            "--name",
            "张三丰",
            "--phone",
            "13900002222",
            "--tags",
            "武当",
            "--if-version",
            "1",
        ],
    );
    assert_customer(&edited);
    assert_eq!(edited["name"], "张三丰");
    assert_eq!(edited["phone"], "13900002222");
    assert_eq!(edited["version"], 2);
    assert_eq!(edited["created_at"], NOW, "created_at is kept");

    let shown = desk.show_customer("1");
    assert_eq!(shown["name"], "张三丰");
    assert_eq!(shown["version"], 2);
    let audit = shown["audit"].as_array().unwrap();
    let entry = |field: &str| {
        audit
            .iter()
            .find(|e| e["field"] == field)
            .unwrap_or_else(|| panic!("no audit entry for {field}: {audit:?}"))
    };
    assert_eq!(entry("created")["agent"], AGENT);
    assert_eq!(entry("created")["new_value"], "C2026001");
    for (field, old, new) in [
        ("name", "张三", "张三丰"),
        ("phone", "13800001111", "13900002222"),
        ("tags", "", "武当"),
    ] {
        let e = entry(field);
        assert_eq!(e["agent"], "李四", "{field}");
        assert_eq!(e["old_value"], old, "{field}");
        assert_eq!(e["new_value"], new, "{field}");
        assert_eq!(e["at"], "2026-03-03T10:00:00Z", "{field}");
    }
    assert_eq!(audit.len(), 4, "{audit:?}");

    // Saying the same again changes nothing and records nothing.
    let same = desk.json(&["customer", "edit", "1", "--name", "张三丰"]);
    assert_eq!(same["version"], 2);
    assert_eq!(desk.show_customer("1")["audit"].as_array().unwrap().len(), 4);

    assert!(
        desk.ok(&["customer", "edit", "1", "--industry", "武术"])
            .contains("C2026001")
    );
}

#[test]
fn a_stale_if_version_is_a_conflict_and_changes_nothing() {
    let desk = Desk::new();
    desk.customer("张三", &[]);
    desk.json(&["customer", "edit", "1", "--name", "张三丰"]);
    let before = desk.show_customer("1");
    let err = desk.refused_unchanged(3, &["customer", "edit", "1", "--name", "张君宝", "--if-version", "1"]);
    assert!(err.contains("version"), "{err}");
    assert_eq!(before, desk.show_customer("1"));
    assert_eq!(
        desk.json(&["customer", "edit", "1", "--name", "张君宝", "--if-version", "2"])["version"],
        3
    );
}

#[test]
fn archive_hides_a_customer_from_lists_but_keeps_the_record() {
    let desk = Desk::new();
    let zhang = id(&desk.customer("张三", &[]));
    let zeng = id(&desk.customer("曾国藩", &[]));
    let archived = desk.json(&["customer", "archive", "C2026002"]);
    assert_eq!(archived["archived"], true);
    assert_eq!(archived["version"], 2);

    assert_eq!(ids(&desk.json(&["customer", "list"])), vec![zhang]);
    assert!(ids(&desk.json(&["customer", "list", "--filter", "zgf"])).is_empty());
    let shown = desk.show_customer("C2026002");
    assert_eq!(id(&shown), zeng);
    assert_eq!(shown["archived"], true);
    let last = shown["audit"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["field"], "archived");
    assert_eq!(last["old_value"], "false");
    assert_eq!(last["new_value"], "true");
    assert_eq!(last["agent"], AGENT);

    // Archiving again is a no-op.
    let before = desk.dump();
    assert!(desk.ok(&["customer", "archive", "2"]).contains("C2026002"));
    assert_eq!(before, desk.dump());
}

#[test]
fn unknown_customers_exit_4_and_write_nothing() {
    let desk = Desk::new();
    desk.customer("张三", &[]);
    let cases: &[&[&str]] = &[
        &["customer", "show", "99"],
        &["customer", "show", "C2099001"],
        &["customer", "edit", "99", "--name", "李四"],
        &["customer", "edit", "C2099001", "--name", "李四", "--if-version", "1"],
        &["customer", "archive", "C2099001"],
        &[
            "ticket",
            "add",
            "--customer",
            "99",
            "--kind",
            "repair",
            "--subject",
            "屏幕碎了",
        ],
        &["ticket", "list", "--customer", "C2099001"],
        &["log", "--customer", "99", "--channel", "phone", "--summary", "来电"],
        &["timeline", "C2099001"],
    ];
    for args in cases {
        let err = desk.refused_unchanged(4, args);
        assert!(err.contains("not found"), "{args:?}: {err}");
    }
}

#[test]
fn human_output_carries_no_terminal_control_sequences() {
    let desk = Desk::new();
    let name = "\u{1b}[2J张\u{7}\r三";
    let c = desk.customer(name, &["--notes", "第一行\n\u{1b}]0;标题\u{7}第二行"]);
    assert_eq!(c["name"], name, "JSON keeps the data as typed");
    desk.ticket("1", "repair", "\u{1b}[1m屏幕碎了", &[]);
    for args in [
        &["customer", "list"][..],
        &["customer", "show", "1"],
        &["ticket", "list"],
        &["ticket", "show", "1"],
        &["timeline", "1"],
    ] {
        let text = desk.ok(args);
        assert!(
            !text.chars().any(|ch| ch.is_control() && ch != '\n'),
            "{args:?} printed a control character: {text:?}"
        );
        assert!(text.contains('张') || text.contains("屏幕碎了"), "{args:?}: {text}");
    }
    let err = desk.fails(4, &["customer", "show", "\u{1b}[2J"]);
    assert!(!err.contains('\u{1b}'), "{err:?}");
}
