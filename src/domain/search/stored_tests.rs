use super::super::{Matcher, rank};
use super::*;

fn keys() -> Vec<SearchKey> {
    vec![
        SearchKey::new("张三", "C2024-0815", "ACME", "138-1234-5678", "boss@example.com"),
        SearchKey::new("曾国藩", "", "", "", ""),
        SearchKey::new("Smith Ltd", "C1", "Robert Hall", "+86 138 0013 8000", "s@x.org"),
        SearchKey::new("İstanbul 張三 émile", "", "", "", ""),
        SearchKey::default(),
    ]
}

#[test]
fn a_decoded_key_matches_exactly_as_the_key_it_was_encoded_from() {
    let m = Matcher::new();
    let keys = keys();
    let mut arena = KeyArena::default();
    let blobs: Vec<Vec<u8>> = keys.iter().map(SearchKey::encode).collect();
    for blob in &blobs {
        arena.push_view(KeyView::decode(blob).unwrap());
    }
    assert_eq!(arena.len(), keys.len());
    for query in [
        "zs",
        "zhangsan",
        "zgf",
        "smith",
        "sl",
        "hall",
        "138 1234",
        "+86 13800138000",
        "c20",
        "istan",
        "三",
        "x",
    ] {
        for (i, key) in keys.iter().enumerate() {
            let view = arena.get(i).unwrap();
            let decoded = rank(&m, query, std::iter::once((view, 0, ())))
                .pop()
                .map(|(hit, _)| hit);
            assert_eq!(decoded, m.matches(query, key), "{query} on key {i}");
        }
    }
}

#[test]
fn a_blob_this_build_did_not_write_is_refused() {
    let good = keys()[0].encode();
    let mut truncated = good.clone();
    truncated.truncate(good.len() - 1);
    let mut version = good.clone();
    version[0] = 0;
    let mut not_utf8 = good.clone();
    *not_utf8.last_mut().unwrap() = 0xff;
    let mut backwards = good.clone();
    // The first part's end beyond the second's.
    backwards[17..21].copy_from_slice(&u32::MAX.to_le_bytes());
    let mut mid_char = SearchKey::new("张三", "", "", "", "").encode();
    // The name part ending inside 张.
    mid_char[17..21].copy_from_slice(&1u32.to_le_bytes());
    for blob in [
        &[][..],
        &good[..10],
        &truncated,
        &version,
        &not_utf8,
        &backwards,
        &mid_char,
    ] {
        assert!(KeyView::decode(blob).is_none(), "{blob:?}");
    }
    assert!(KeyView::decode(&good).is_some());
}
