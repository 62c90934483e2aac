//! Tests of duplicates.rs: keys, edit distance and whole lists of customers.

use super::*;

fn c(id: i64, name: &str, phone: &str, email: &str) -> Candidate {
    Candidate {
        id,
        name: name.into(),
        phone: phone.into(),
        email: email.into(),
    }
}

#[test]
fn phone_keys() {
    let cases = [
        ("13812345678", Some("13812345678")),
        ("+86 138-1234-5678", Some("13812345678")),
        ("0086 13812345678", Some("13812345678")),
        ("１３８１２３４５６７８", Some("13812345678")),
        ("(020) 8765 4321", Some("02087654321")),
        // Not a mobile number after the 86: kept whole.
        ("86 20 8765 4321", Some("862087654321")),
        ("", None),
        ("12", None),
    ];
    for (input, want) in cases {
        assert_eq!(phone_key(input).as_deref(), want, "{input:?}");
    }
}

#[test]
fn name_and_email_keys() {
    let cases = [
        ("Zhang San", Some("zhangsan")),
        (" zhang-san. ", Some("zhangsan")),
        ("ＡＣＭＥ Ltd.", Some("acmeltd")),
        ("张 三", Some("张三")),
        ("...", None),
    ];
    for (input, want) in cases {
        assert_eq!(name_key(input).as_deref(), want, "{input:?}");
    }
    assert_eq!(
        email_key(" Zhang.San@Example.COM ").as_deref(),
        Some("zhang.san@example.com")
    );
    assert_eq!(email_key("  "), None);
}

#[test]
fn one_edit_apart() {
    let cases = [
        ("johnsmith", "jonsmith", true),
        ("johnsmith", "johnsmyth", true),
        ("johnsmith", "jhonsmith", true),
        ("johnsmith", "johnsmiths", true),
        ("johnsmith", "johnsmith", true),
        ("johnsmith", "jonsmyth", false),
        ("johnsmith", "smithjohn", false),
        ("abc", "bca", false),
        ("", "a", true),
    ];
    for (a, b, want) in cases {
        assert_eq!(within_one_edit(a, b), want, "{a} {b}");
        assert_eq!(within_one_edit(b, a), want, "{b} {a}");
    }
}

fn found(list: &[Candidate]) -> Vec<(i64, i64, Vec<&'static str>)> {
    found_by(list, &FxChars)
}

fn found_by(list: &[Candidate], hasher: &dyn KeyHash) -> Vec<(i64, i64, Vec<&'static str>)> {
    find_with(list, hasher)
        .into_iter()
        .map(|p| (p.first, p.second, p.evidence.iter().map(|e| e.key()).collect()))
        .collect()
}

#[test]
fn pairs_and_their_evidence() {
    let list = [
        c(1, "张三", "13812345678", ""),
        c(2, "章三", "+86 138-1234-5678", ""),
        c(3, "Zhang San", "", "zs@example.com"),
        c(4, "张叁", "", "ZS@example.com"),
        c(5, "John Smith", "", ""),
        c(6, "Jon Smith", "", ""),
        c(7, "李四", "13900000000", ""),
        c(8, "Acme Ltd.", "", ""),
        c(9, "ACME Ltd", "", ""),
        c(10, "王伟", "", ""),
        c(11, "Wang", "", ""),
    ];
    assert_eq!(
        found(&list),
        vec![
            (1, 2, vec!["same_phone", "same_pinyin"]),
            (3, 4, vec!["same_email", "same_pinyin"]),
            (8, 9, vec!["same_name"]),
            (1, 3, vec!["same_pinyin"]),
            (1, 4, vec!["same_pinyin"]),
            (2, 3, vec!["same_pinyin"]),
            (2, 4, vec!["same_pinyin"]),
            (5, 6, vec!["similar_name"]),
        ]
    );
}

#[test]
fn short_and_chinese_names_are_not_near_matches() {
    // One char apart, but different people: 张三 / 张三丰, Li Na / Li Ne.
    let list = [
        c(1, "张三", "", ""),
        c(2, "张三丰", "", ""),
        c(3, "Li Na", "", ""),
        c(4, "Li Ne", "", ""),
    ];
    assert!(found(&list).is_empty());
}

#[test]
fn values_shared_by_many_are_not_evidence() {
    let mut list: Vec<Candidate> = (1..=11).map(|i| c(i, &format!("客户{i}"), "4008123123", "")).collect();
    assert!(found(&list).is_empty(), "a switchboard number shared by 11");
    list.truncate(MAX_GROUP);
    assert_eq!(found(&list).len(), MAX_GROUP * (MAX_GROUP - 1) / 2);
}

/// Hashes every key alike: all keys collide.
struct Constant;

impl KeyHash for Constant {
    fn hash(&self, _: &mut dyn Iterator<Item = char>) -> u64 {
        7
    }
}

/// Hashes by length only: keys of one length collide, others do not.
struct ByLength;

impl KeyHash for ByLength {
    fn hash(&self, chars: &mut dyn Iterator<Item = char>) -> u64 {
        chars.count() as u64
    }
}

/// A small deterministic generator (no dependency, the same list on every machine).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % below as u64) as usize
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.next(from.len())]
    }
}

/// A name one edit away: a letter added, dropped, changed, or two swapped.
fn misspelt(rng: &mut Lcg, name: &str) -> String {
    let mut chars: Vec<char> = name.chars().collect();
    let at = rng.next(chars.len().max(1));
    match rng.next(4) {
        0 => chars.insert(at, 'x'),
        1 if !chars.is_empty() => {
            chars.remove(at);
        }
        2 if !chars.is_empty() => chars[at] = 'q',
        _ if at + 1 < chars.len() => chars.swap(at, at + 1),
        _ => chars.push('e'),
    }
    chars.into_iter().collect()
}

/// Customers as a large file has them: common names many times over (past
/// the group cap), misspellings, homophones, doubled letters ("Anna",
/// "Bobby": keys that agree within a name), CJK and mixed names, full-width
/// forms, empty and punctuation-only fields, shared and reformatted phones.
fn generated(seed: u64, count: usize) -> Vec<Candidate> {
    let mut rng = Lcg(seed);
    let given = [
        "Anna",
        "Bobby",
        "Jon",
        "John",
        "Emma",
        "Lee",
        "Mississippi",
        "Ｊｏｈｎ",
        "",
        "...",
    ];
    let family = ["Smith", "Smyth", "Wallace", "Zhang", "Li", "Hall", "Ng", ""];
    let chinese = [
        "张三",
        "章三",
        "张叁",
        "李四",
        "李丽",
        "王伟",
        "汪伟",
        "欧阳娜",
        "陈小明",
        "陈晓明",
    ];
    let phones = [
        "",
        "13812345678",
        "+86 138-1234-5678",
        "4008123123",
        "020-8765-4321",
        "12",
    ];
    let mut list = Vec::new();
    for id in 1..=count {
        let name = match rng.next(5) {
            0 => rng.pick(&chinese).to_string(),
            1 => format!("{}{}", rng.pick(&chinese), rng.pick(&given)),
            _ => format!("{} {}", rng.pick(&given), rng.pick(&family)),
        };
        let name = if rng.next(3) == 0 {
            misspelt(&mut rng, &name)
        } else {
            name
        };
        let phone = match rng.next(3) {
            0 => rng.pick(&phones).to_string(),
            1 => format!("1390000{:04}", rng.next(40)),
            _ => String::new(),
        };
        let email = match rng.next(3) {
            0 => format!("User{}@Example.com", rng.next(30)),
            1 => format!(" user{}@example.COM ", rng.next(30)),
            _ => String::new(),
        };
        list.push(c(id as i64, &name, &phone, &email));
    }
    list
}

#[test]
fn hashed_keys_find_exactly_what_string_keys_found() {
    // The last list is past `TWO_CORES_FROM`: normalised and grouped on two cores.
    const { assert!(5000 >= super::TWO_CORES_FROM) };
    for (seed, count) in [(1, 40), (2, 300), (3, 1500), (4, 5000)] {
        let list = generated(seed, count);
        let want = reference::find(&list);
        assert!(!want.is_empty(), "seed {seed}: the list has duplicates to find");
        assert_eq!(find(&list), want, "seed {seed}");
        assert_eq!(find_with(&list, &ByLength), want, "seed {seed}, lengths collide");
        if count <= 1500 {
            assert_eq!(find_with(&list, &Constant), want, "seed {seed}, every key collides");
        }
    }
}

#[test]
fn a_collision_neither_joins_keys_nor_hides_a_group() {
    // Under `Constant` the 11 switchboard sharers and the real pair hash
    // alike: the pair must still come out, and the 11 stay over the cap.
    let mut list: Vec<Candidate> = (1..=11).map(|i| c(i, &format!("客户{i}"), "4008123123", "")).collect();
    list.push(c(20, "Anna Smith", "13812345678", ""));
    list.push(c(21, "Bobby Hall", "+86 13812345678", ""));
    list.push(c(22, "Jonathan", "", ""));
    list.push(c(23, "Jonathon", "", ""));
    let want = vec![(20, 21, vec!["same_phone"]), (22, 23, vec!["similar_name"])];
    assert_eq!(found(&list), want);
    assert_eq!(found_by(&list, &Constant), want);
}

#[test]
fn doubled_letters_and_empty_fields() {
    let list = [
        c(1, "Anna Bell", "", ""),
        c(2, "Ana Bell", "", ""),
        c(3, "Annna Bell", "", ""),
        c(4, "", "", ""),
        c(5, "", "", ""),
        c(6, "---", " ", "  "),
        c(7, "陈小明", "", ""),
        c(8, "陈晓明", "", ""),
        c(9, "陈小明", "", ""),
    ];
    assert_eq!(
        found(&list),
        vec![
            // The same name is not a homophone of itself.
            (7, 9, vec!["same_name"]),
            (7, 8, vec!["same_pinyin"]),
            (8, 9, vec!["same_pinyin"]),
            (1, 2, vec!["similar_name"]),
            (1, 3, vec!["similar_name"]),
        ]
    );
    assert_eq!(find(&list), reference::find(&list));
}
