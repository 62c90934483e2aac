use super::*;

fn name_key(name: &str) -> SearchKey {
    SearchKey::new(name, "", "", "", "")
}

#[test]
fn finds_or_rejects_by_query() {
    // (query, name, code, company, phone, email, should match)
    let cases: &[(&str, &str, &str, &str, &str, &str, bool)] = &[
        // Pinyin initials and full spelling, with and without spaces, any case.
        ("zs", "张三", "", "", "", "", true),
        ("zhangsan", "张三", "", "", "", "", true),
        ("zhang san", "张三", "", "", "", "", true),
        ("ZS", "张三", "", "", "", "", true),
        ("Zhang San", "张三", "", "", "", "", true),
        ("zhangs", "张三", "", "", "", "", true),
        ("张三", "张三", "", "", "", "", true),
        ("三", "张三", "", "", "", "", true),
        ("lisi", "张三", "", "", "", "", false),
        // Polyphonic surnames are found by their surname reading; any other
        // reading of a char matches too (单位 is "danwei").
        ("zengguofan", "曾国藩", "", "", "", "", true),
        ("zgf", "曾国藩", "", "", "", "", true),
        ("zeng guofan", "曾国藩", "", "", "", "", true),
        ("shanxiongxin", "单雄信", "", "", "", "", true),
        ("sxx", "单雄信", "", "", "", "", true),
        ("yuchigong", "尉迟恭", "", "", "", "", true),
        ("ycg", "尉迟恭", "", "", "", "", true),
        // Leading blanks do not hide the surname.
        ("zengguofan", "  曾国藩", "", "", "", "", true),
        // ü can be typed as v (input-method style) or u.
        ("lvbu", "吕布", "", "", "", "", true),
        ("lubu", "吕布", "", "", "", "", true),
        // Mixed Chinese and Latin names.
        ("wanglily", "王Lily", "", "", "", "", true),
        ("wang lily", "王Lily", "", "", "", "", true),
        ("wl", "王Lily", "", "", "", "", true),
        ("lily", "王Lily", "", "", "", "", true),
        // Punctuation inside a name is skipped by the spellings.
        ("zhangsan", "张·三", "", "", "", "", true),
        // English fuzzy matching, case-insensitive, also beyond ASCII.
        ("smi", "Smith Ltd", "", "", "", "", true),
        ("smith ltd", "Smith Ltd", "", "", "", "", true),
        ("sl", "Smith Ltd", "", "", "", "", true),
        ("ÉMILE", "émile Dupont", "", "", "", "", true),
        ("smx", "Smith Ltd", "", "", "", "", false),
        // Code, company, phone digits, e-mail.
        ("C2024", "张三", "C2024-0815", "", "", "", true),
        ("c2024", "张三", "C2024-0815", "", "", "", true),
        ("acme", "张三", "", "ACME Trading", "", "", true),
        ("5678", "张三", "", "", "138-1234-5678", "", true),
        ("1381234", "张三", "", "", "138-1234-5678", "", true),
        ("138 1234", "张三", "", "", "+86 138 1234 5678", "", true),
        ("+86 138", "张三", "", "", "+86 138 1234 5678", "", true),
        ("５６７８", "张三", "", "", "138-1234-5678", "", true),
        ("5678", "张三", "", "", "１３８１２３４５６７８", "", true),
        // Phone numbers match on consecutive digits only.
        ("1358", "张三", "", "", "138-1234-5678", "", false),
        // Letters scattered through a field still match when nothing better
        // does (rank then keeps them only if no other customer matches better).
        ("hrbl", "Harbour Labs", "", "", "", "", true),
        ("example.com", "张三", "", "", "", "zhang.san@example.com", true),
        ("zhang.san@", "张三", "", "", "", "zhang.san@example.com", true),
        // Nothing anywhere.
        ("xyz", "张三", "C1", "ACME", "138", "zs@example.com", false),
        ("qq", "Smith Ltd", "", "", "", "", false),
    ];
    let m = Matcher::new();
    for &(query, name, code, company, phone, email, want) in cases {
        let key = SearchKey::new(name, code, company, phone, email);
        let got = m.matches(query, &key);
        assert_eq!(got.is_some(), want, "query {query:?} on {name:?}: {got:?}");
    }
}

#[test]
fn surname_readings() {
    // (name, expected full spelling, expected initials)
    let cases: &[(&str, &str, &str)] = &[
        ("曾国藩", "zengguofan", "zgf"),
        ("单雄信", "shanxiongxin", "sxx"),
        ("解缙", "xiejin", "xj"),
        ("区明", "ouming", "om"),
        ("仇明", "qiuming", "qm"),
        ("朴明", "piaoming", "pm"),
        ("查明", "zhaming", "zm"),
        ("盖明", "geming", "gm"),
        ("乐明", "yueming", "ym"),
        ("覃明", "qinming", "qm"),
        ("缪明", "miaoming", "mm"),
        ("翟明", "zhaiming", "zm"),
        ("重明", "chongming", "cm"),
        ("秘明", "biming", "bm"),
        ("繁明", "poming", "pm"),
        ("种明", "chongming", "cm"),
        ("任明", "renming", "rm"),
        ("华明", "huaming", "hm"),
        ("纪明", "jiming", "jm"),
        ("燕明", "yanming", "ym"),
        ("那明", "naming", "nm"),
        ("阚明", "kanming", "km"),
        ("卜明", "buming", "bm"),
        ("薄明", "boming", "bm"),
        // Compound surnames.
        ("尉迟恭", "yuchigong", "ycg"),
        ("万俟明", "moqiming", "mqm"),
        ("长孙无忌", "zhangsunwuji", "zswj"),
        ("欧阳修", "ouyangxiu", "oyx"),
        ("司马光", "simaguang", "smg"),
        ("诸葛亮", "zhugeliang", "zgl"),
        // Single 尉 and 万 are ordinary surnames.
        ("尉明", "weiming", "wm"),
        ("万明", "wanming", "wm"),
        // Inside a given name the ordinary reading applies.
        ("张曾", "zhangceng", "zc"),
        ("李单", "lidan", "ld"),
        // Mixed, spaced and ü names.
        ("王Lily", "wanglily", "wlily"),
        ("张 三", "zhangsan", "zs"),
        ("吕布", "lvbu", "lb"),
    ];
    for &(name, full, initials) in cases {
        let key = name_key(name);
        assert_eq!(key.part(Part::PinyinFull), full, "full spelling of {name}");
        assert_eq!(key.part(Part::PinyinInitials), initials, "initials of {name}");
    }
}

#[test]
fn pinyin_only_for_cjk_names() {
    for name in ["Smith Ltd", "", "émile", "12345", "Ωmega"] {
        let key = name_key(name);
        for part in [Part::PinyinFull, Part::PinyinInitials] {
            assert_eq!(key.part(part), "", "{name:?}");
        }
    }
}

#[test]
fn highlight_indices() {
    // (query, name, expected char indices into the name)
    let cases: &[(&str, &str, &[usize])] = &[
        ("zs", "张三", &[0, 1]),
        ("zhangsan", "张三", &[0, 1]),
        ("zhang san", "张三", &[0, 1]),
        ("zh", "张三", &[0]),
        ("zgf", "曾国藩", &[0, 1, 2]),
        ("guofan", "曾国藩", &[1, 2]),
        ("张三", "张三", &[0, 1]),
        ("三", "张三", &[1]),
        ("wl", "王Lily", &[0, 1]),
        ("lily", "王Lily", &[1, 2, 3, 4]),
        ("zhangsan", "张 三", &[0, 2]),
        ("lubu", "吕布", &[0, 1]),
        ("smi", "Smith Ltd", &[0, 1, 2]),
        ("ltd", "Smith Ltd", &[6, 7, 8]),
        ("hall", "Henry Hall", &[6, 7, 8, 9]),
        ("henry hall", "Henry Hall", &[0, 1, 2, 3, 4, 6, 7, 8, 9]),
        ("sl", "Smith Ltd", &[0, 6]),
        ("yinhang", "中国银行", &[2, 3]),
        ("华联", "北京华联商厦", &[2, 3]),
        // Indices count chars, not bytes, and survive case folding.
        ("DUP", "émile Dupont", &[6, 7, 8]),
    ];
    let m = Matcher::new();
    for &(query, name, want) in cases {
        let hit = m.matches(query, &name_key(name));
        let got = hit.map(|h| h.name_indices);
        assert_eq!(got.as_deref(), Some(want), "query {query:?} on {name:?}");
    }
}

#[test]
fn matches_on_other_fields_have_no_name_indices() {
    let m = Matcher::new();
    let key = SearchKey::new("张三", "C2024-0815", "ACME", "13812345678", "boss@example.com");
    for query in ["c2024", "acme", "5678", "boss"] {
        let hit = m.matches(query, &key);
        assert!(hit.is_some(), "{query}");
        assert_eq!(hit.map(|h| h.name_indices), Some(vec![]), "{query}");
    }
}

#[test]
fn name_wins_ties_with_other_fields() {
    let m = Matcher::new();
    // Same text in the name and the e-mail: same score, the name is reported.
    let key = SearchKey::new("lin", "", "", "", "lin");
    let hit = m.matches("lin", &key);
    assert_eq!(hit.map(|h| h.name_indices), Some(vec![0, 1, 2]));
}

#[test]
fn empty_query_matches_everything_with_score_zero() {
    let m = Matcher::new();
    for query in ["", "   ", "\t"] {
        for key in [name_key("张三"), SearchKey::default(), name_key("Smith")] {
            assert_eq!(m.matches(query, &key), Some(Hit::default()), "{query:?}");
        }
    }
}

#[test]
fn rank_orders_by_score_then_recency() {
    let m = Matcher::new();
    let keys = [
        name_key("张三"),      // 0: exact initials
        name_key("张三"),      // 1: same score, more recent
        name_key("赵文胜"),    // 2: scattered "z…s" in its initials "zws"
        name_key("Smith Ltd"), // 3: no match
        name_key("张三丰"),    // 4: prefix of its initials, most recent
    ];
    let activity = [10, 20, 30, 40, 50];
    let ranked = rank(
        &m,
        "zs",
        keys.iter().zip(activity).enumerate().map(|(i, (k, a))| (k, a, i)),
    );
    let order: Vec<usize> = ranked.iter().map(|(_, i)| *i).collect();
    // The scattered match is left out: others match better.
    assert_eq!(order, vec![1, 0, 4]);
    let scores: Vec<i64> = ranked.iter().map(|(h, _)| h.score).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
}

#[test]
fn rank_prefers_word_starts_over_scattered_letters() {
    let m = Matcher::new();
    let keys = [name_key("Osmium Imports"), name_key("Smith Ltd")];
    // The scattered match is the more recent one, and still comes second.
    let ranked = rank(&m, "smi", keys.iter().zip([100, 1]).map(|(k, a)| (k, a, a)));
    let order: Vec<i64> = ranked.iter().map(|(_, a)| *a).collect();
    assert_eq!(order, vec![1, 100]);
}

#[test]
fn rank_with_empty_query_is_by_recency() {
    let m = Matcher::new();
    let keys = [name_key("a"), name_key("b"), name_key("c")];
    let ranked = rank(&m, "", keys.iter().zip([2, 3, 1]).map(|(k, a)| (k, a, a)));
    let order: Vec<i64> = ranked.iter().map(|(_, a)| *a).collect();
    assert_eq!(order, vec![3, 2, 1]);
    assert!(ranked.iter().all(|(h, _)| h.score == 0));
}

#[test]
fn hostile_input_does_not_panic() {
    let m = Matcher::new();
    let long: String = "曾".repeat(20_000);
    let junk = "\u{1b}[31m\u{0}\u{202e}İ\u{fe0f}👨‍👩‍👧\u{10ffff}\r\n";
    let keys = [
        SearchKey::new(&long, &long, &long, &long, &long),
        SearchKey::new(junk, junk, junk, junk, junk),
        SearchKey::new("İstanbul 張三", "", "", "", ""),
    ];
    for query in [long.as_str(), junk, "İ", "'", "zeng", "ceng", "-", "+"] {
        for key in &keys {
            if let Some(hit) = m.matches(query, key) {
                // Highlight indices always point inside the name.
                let n = key.part(Part::Name).chars().count();
                assert!(hit.name_indices.iter().all(|&i| i < n));
            }
        }
    }
}

#[test]
fn tiers_of_matches() {
    use Tier::*;
    // (query, name, code, contact, phone, email, tier)
    let cases: &[(&str, &str, &str, &str, &str, &str, Tier)] = &[
        // Words of a name, each on its own.
        ("hall", "Henry Hall", "", "", "", "", Exact),
        ("henry", "Henry Hall", "", "", "", "", Exact),
        ("hal", "Henry Hall", "", "", "", "", Prefix),
        ("all", "Henry Hall", "", "", "", "", Inside),
        ("hall", "Harbour Hill Labs", "", "", "", "", Scattered),
        ("evil", "Neville Ltd", "", "", "", "", Inside),
        ("evil", "Everton Vilnius", "", "", "", "", Scattered),
        ("o'brien", "O'Brien Ltd", "", "", "", "", Prefix),
        // Several words: each must match, the worst counts.
        ("smith ltd", "Smith Ltd", "", "", "", "", Exact),
        ("smith l", "Smith Ltd", "", "", "", "", Prefix),
        ("mith ltd", "Smith Ltd", "", "", "", "", Inside),
        ("sl", "Smith Ltd", "", "", "", "", Initials),
        // Code, phone, e-mail and contact.
        ("c2024-0815", "张三", "C2024-0815", "", "", "", Exact),
        ("c2024", "张三", "C2024-0815", "", "", "", Prefix),
        ("0815", "张三", "C2024-0815", "", "", "", Inside),
        ("13812345678", "张三", "", "", "138-1234-5678", "", Exact),
        // A country code typed before a number stored without one.
        ("+8613812345678", "张三", "", "", "138-1234-5678", "", Exact),
        ("+86 138 1234 5678", "张三", "", "", "13812345678", "", Exact),
        ("138", "张三", "", "", "138-1234-5678", "", Prefix),
        ("138 1234", "张三", "", "", "138-1234-5678", "", Prefix),
        ("5678", "张三", "", "", "138-1234-5678", "", Inside),
        (
            "zhang.san@example.com",
            "张三",
            "",
            "",
            "",
            "zhang.san@example.com",
            Exact,
        ),
        ("zhang.san", "李四", "", "", "", "zhang.san@example.com", Exact),
        ("zhang", "李四", "", "", "", "zhang.san@example.com", Prefix),
        ("example", "李四", "", "", "", "zhang.san@example.com", Inside),
        ("acme", "张三", "", "ACME Trading", "", "", Exact),
        // Chinese text: the name, its start, inside it.
        ("张三", "张三", "", "", "", "", Exact),
        ("张", "张三", "", "", "", "", Prefix),
        ("三", "张三", "", "", "", "", Inside),
        ("北京", "北京华联商厦", "", "", "", "", Prefix),
        ("华联", "北京华联商厦", "", "", "", "", Inside),
        ("联商厦", "北京华联商厦", "", "", "", "", Inside),
        // Pinyin: the whole spelling, its start, a run inside, initials.
        ("zhangsan", "张三", "", "", "", "", Exact),
        ("zhang san", "张三", "", "", "", "", Exact),
        ("zhangs", "张三", "", "", "", "", Prefix),
        ("zh", "张三", "", "", "", "", Prefix),
        ("san", "张三", "", "", "", "", Inside),
        ("zs", "张三", "", "", "", "", Initials),
        ("zhsan", "张三", "", "", "", "", Initials),
        ("zsan", "张三", "", "", "", "", Initials),
        // Heteronyms: any reading of a char matches.
        ("yinhang", "银行", "", "", "", "", Exact),
        ("yinxing", "银行", "", "", "", "", Exact),
        ("yinh", "银行", "", "", "", "", Prefix),
        ("yh", "银行", "", "", "", "", Initials),
        ("yx", "银行", "", "", "", "", Initials),
        ("changcheng", "长城", "", "", "", "", Exact),
        ("zhangcheng", "长城", "", "", "", "", Exact),
        ("yinyue", "音乐", "", "", "", "", Exact),
        ("danwei", "单位", "", "", "", "", Exact),
        ("zhongguoyinhang", "中国银行", "", "", "", "", Exact),
        ("zgyh", "中国银行", "", "", "", "", Initials),
        ("yinhang", "中国银行", "", "", "", "", Inside),
        // Surnames keep their surname reading.
        ("zengguofan", "曾国藩", "", "", "", "", Exact),
        ("zeng", "曾国藩", "", "", "", "", Prefix),
        ("shanxiongxin", "单雄信", "", "", "", "", Exact),
        ("xiejin", "解缙", "", "", "", "", Exact),
        ("qiuming", "仇明", "", "", "", "", Exact),
        ("ouming", "区明", "", "", "", "", Exact),
        ("yuchigong", "尉迟恭", "", "", "", "", Exact),
        // ü typed as v or u; Latin letters in a Chinese name.
        ("lvbu", "吕布", "", "", "", "", Exact),
        ("lubu", "吕布", "", "", "", "", Exact),
        ("wanglily", "王Lily", "", "", "", "", Exact),
        ("wl", "王Lily", "", "", "", "", Initials),
    ];
    let m = Matcher::new();
    for &(query, name, code, contact, phone, email, want) in cases {
        let key = SearchKey::new(name, code, contact, phone, email);
        let got = m.matches(query, &key).map(|h| h.tier());
        assert_eq!(got, Some(want), "query {query:?} on {name:?}");
    }
}

#[test]
fn ranks_like_a_person() {
    // (query, candidates, the order expected). The candidates' activity
    // runs the other way, so recency alone would reverse each list.
    let cases: &[(&str, &[&str], &[&str])] = &[
        (
            "hall",
            &[
                "Harbour Hill Labs",
                "Marshall Ltd",
                "Hallmark Foods",
                "Henry Hall",
                "Hall & Co",
            ],
            &["Hall & Co", "Henry Hall", "Hallmark Foods", "Marshall Ltd"],
        ),
        ("hal", &["Harbour Labs", "Henry Hall"], &["Henry Hall"]),
        (
            "evil",
            &["Everton Vilnius", "Neville Ltd", "Evil Corp"],
            &["Evil Corp", "Neville Ltd"],
        ),
        // Nothing better: the scattered match is shown.
        ("evil", &["Everton Vilnius", "Eva Liu"], &["Everton Vilnius"]),
        (
            "henry hall",
            &["Henry Smith", "Hall Henry Ltd", "Henry Hall"],
            &["Henry Hall", "Hall Henry Ltd"],
        ),
        ("yinhang", &["中国银行", "银行"], &["银行", "中国银行"]),
        ("zs", &["赵文胜", "张三丰", "张三"], &["张三", "张三丰"]),
        ("zh", &["李张", "张三"], &["张三", "李张"]),
        ("华联", &["华联", "北京华联商厦"], &["华联", "北京华联商厦"]),
        (
            "smi",
            &["Osmium Imports", "Smith Ltd"],
            &["Smith Ltd", "Osmium Imports"],
        ),
    ];
    let m = Matcher::new();
    for &(query, names, want) in cases {
        let keys: Vec<SearchKey> = names.iter().map(|n| name_key(n)).collect();
        let ranked = rank(&m, query, keys.iter().zip(names).zip(0..).map(|((k, n), a)| (k, a, *n)));
        let got: Vec<&str> = ranked.iter().map(|(_, n)| *n).collect();
        assert_eq!(got, want, "query {query:?}");
    }
}

/// A word of the customer's own name ranks above the same word in a
/// company's contact person or e-mail, whatever the lengths.
#[test]
fn the_own_name_ranks_above_the_contact_and_the_email() {
    let m = Matcher::new();
    let keys = [
        SearchKey::new(
            "Harbour Electronics PLC",
            "C1",
            "Ethan Hall",
            "",
            "ethan.hall41@harbour.example",
        ),
        SearchKey::new("Robert Hall", "C2", "", "", "robert.hall44@example.net"),
    ];
    let ranked = rank(
        &m,
        "hall",
        keys.iter().zip(["Harbour", "Robert Hall"]).map(|(k, n)| (k, 0, n)),
    );
    let got: Vec<&str> = ranked.iter().map(|(_, n)| *n).collect();
    assert_eq!(got, ["Robert Hall", "Harbour"]);
}

#[test]
fn scattered_matches_are_kept_by_rank_all_and_dropped_after() {
    let m = Matcher::new();
    let keys = [name_key("Harbour Hill Labs"), name_key("Henry Hall")];
    let mut all = rank_all(&m, "hall", keys.iter().zip([2, 1]).map(|(k, a)| (k, a, a)));
    assert_eq!(all.iter().map(|(_, a)| *a).collect::<Vec<_>>(), vec![1, 2]);
    assert!(drop_scattered(&mut all, |(hit, _)| hit.score));
    assert_eq!(all.iter().map(|(_, a)| *a).collect::<Vec<_>>(), vec![1]);
    // Scattered matches alone are all kept.
    let mut alone = rank_all(&m, "hall", keys.iter().take(1).map(|k| (k, 0, 0)));
    assert!(!drop_scattered(&mut alone, |(hit, _)| hit.score));
    assert_eq!(alone.len(), 1);
}

#[test]
fn long_polyphonic_names_are_read_without_blowing_up() {
    // Every char has several readings: spelling out every combination
    // would be 2^200 strings.
    let name = "行长".repeat(100);
    let key = name_key(&name);
    let m = Matcher::new();
    let query = "hangzhang".repeat(7);
    assert_eq!(m.matches(&query, &key).map(|h| h.tier()), Some(Tier::Prefix));
    assert_eq!(m.matches("xingchangq", &key), None);
}

/// Run with `cargo test --release -- --ignored --nocapture`.
#[test]
#[ignore]
fn timing_100k_keys() {
    use std::time::Instant;
    const N: usize = 100_000;
    let surnames = ["张", "王", "李", "曾", "单", "欧阳", "赵", "陈", "吕", "尉迟"];
    let given = [
        '伟', '芳', '娜', '敏', '静', '强', '磊', '洋', '艳', '杰', '涛', '明', '银', '行',
    ];
    // A small linear congruential generator: deterministic, no dependency.
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize % n
    };
    let names: Vec<String> = (0..N)
        .map(|_| {
            let mut s = String::from(surnames[next(surnames.len())]);
            for _ in 0..1 + next(2) {
                s.push(given[next(given.len())]);
            }
            s
        })
        .collect();

    // The machine is shared, so each step runs a few times and the best
    // run is reported: the others measure the neighbours.
    fn best_of<R>(mut f: impl FnMut() -> R) -> (std::time::Duration, R) {
        let mut best = None;
        let mut result = None;
        for _ in 0..5 {
            let start = Instant::now();
            let r = f();
            let t = start.elapsed();
            best = Some(best.map_or(t, |b: std::time::Duration| b.min(t)));
            result = Some(r);
        }
        (best.unwrap_or_default(), result.expect("ran at least once"))
    }

    // Spelling only, without the allocation a key needs.
    let (pinyin_time, letters) = best_of(|| {
        let mut letters = 0usize;
        for n in &names {
            spell(n, |_, syllable| letters += syllable.v.len());
        }
        letters
    });

    // Keys with only a name: one allocation each, plus the spelling.
    let (name_keys_time, _) = best_of(|| names.iter().map(|n| name_key(n)).collect::<Vec<_>>());

    let codes: Vec<String> = (0..N).map(|i| format!("C{i:06}")).collect();
    let (keys_time, keys) = best_of(|| {
        names
            .iter()
            .zip(&codes)
            .map(|(n, code)| SearchKey::new(n, code, "某某贸易有限公司", "138-1234-5678", "someone@example.com"))
            .collect::<Vec<_>>()
    });

    let m = Matcher::new();
    let mut ranks = String::new();
    for query in ["zgf", "zs", "yinhang", "hall", "138", ""] {
        let (time, hits) = best_of(|| rank(&m, query, keys.iter().map(|k| (k, 0, ()))));
        ranks.push_str(&format!(" rank({query:?}) {time:?} ({} hits),", hits.len()));
    }
    // English names, where "hall" finds whole words and the rest scatter.
    let first = [
        "Henry", "Harbour", "Olivia", "Marshall", "Ann", "Hallie", "Evan", "Vilma",
    ];
    let last = ["Hall", "Labs", "Smith", "Trading", "Lee", "Ltd", "Wong", "Evans"];
    let english: Vec<SearchKey> = (0..N)
        .map(|i| {
            let name = format!("{} {}", first[next(first.len())], last[next(last.len())]);
            SearchKey::new(&name, &codes[i], "", &format!("138{i:08}"), "someone@example.com")
        })
        .collect();
    for query in ["hall", "evil", "138"] {
        let (time, hits) = best_of(|| rank(&m, query, english.iter().map(|k| (k, 0, ()))));
        ranks.push_str(&format!(" english rank({query:?}) {time:?} ({} hits),", hits.len()));
    }

    println!(
        "100k names (best of 5): pinyin spelling {pinyin_time:?} ({letters} bytes), \
         name-only keys {name_keys_time:?}, full SearchKey::new {keys_time:?},{ranks}"
    );
    assert_eq!(keys.len(), N);
}
