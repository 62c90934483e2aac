use super::*;
use unicode_width::UnicodeWidthStr;

#[test]
fn index_text_splits_english_words_from_cjk_characters_and_pairs() {
    let cases: &[(&[&str], &str, &str, &str)] = &[
        (&["Refund please"], "Refund please", "", ""),
        (&["照片"], " ", "照 片", "照片"),
        (&["iPhone照片模糊"], "iPhone ", "照 片 模 糊", "照片 片模 模糊"),
        // Runs are kept apart: 北京华 must not match across the comma.
        (&["北京，京华"], " ， ", "北 京 京 华", "北京 0 京华"),
        // Texts never join into one run or one word.
        (&["北京", "京华"], "   ", "北 京 京 华", "北京 0 京华"),
        (&["abc", "def"], "abc def", "", ""),
        (&["银"], " ", "银", ""),
        (&[""], "", "", ""),
    ];
    for (texts, words, cjk1, cjk2) in cases {
        let got = IndexText::of(texts);
        assert_eq!(
            (got.words.as_str(), got.cjk1.as_str(), got.cjk2.as_str()),
            (*words, *cjk1, *cjk2),
            "{texts:?}"
        );
    }
}

#[test]
fn terms_split_latin_words_and_cjk_runs_mixed_freely() {
    use Term::{Cjk, Word};
    let w = |s: &str| Word(s.to_string());
    let c = |s: &str| Cjk(s.to_string());
    let cases: &[(&str, Vec<Term>)] = &[
        ("refund", vec![w("refund")]),
        ("iPhone照片 refund", vec![w("iPhone"), c("照片"), w("refund")]),
        ("照", vec![c("照")]),
        ("北京华联", vec![c("北京华联")]),
        (
            "\"refund\" OR -x* NEAR(a:b)",
            vec![w("refund"), w("OR"), w("x"), w("NEAR"), w("a"), w("b")],
        ),
        ("refund refund", vec![w("refund")]),
        ("café", vec![w("café")]),
        ("  \"*:-^ ", vec![]),
        ("", vec![]),
    ];
    for (text, expected) in cases {
        assert_eq!(&terms(text), expected, "{text:?}");
    }
}

#[test]
fn match_expressions_quote_every_term_and_look_in_its_columns() {
    let columns = Columns {
        words: &["s_words", "words"],
        cjk1: &["cjk1"],
        cjk2: &["cjk2"],
    };
    let cases = [
        ("refund", Some(r#"{s_words words} : "refund""#)),
        ("照", Some(r#"{cjk1} : "照""#)),
        ("照片", Some(r#"{cjk2} : "照片""#)),
        ("北京华联", Some(r#"{cjk2} : "北京 京华 华联""#)),
        ("iPhone照片", Some(r#"{s_words words} : "iPhone" AND {cjk2} : "照片""#)),
        ("NEAR", Some(r#"{s_words words} : "NEAR""#)),
        ("\"*", None),
        ("", None),
    ];
    for (text, expected) in cases {
        assert_eq!(match_expression(text, &columns).as_deref(), expected, "{text:?}");
    }
}

#[test]
fn snippets_show_the_first_match_within_eighty_columns() {
    let long = format!("{} the refunded amount was wrong {}", "x ".repeat(40), "y ".repeat(60));
    let cases: &[(&[&str], &str, Option<&str>)] = &[
        (&["Refunds are late"], "refund", Some("Refunds are late")),
        (&["nothing here", "we REFUNDED it"], "refunding", Some("we REFUNDED it")),
        (&["无关", "客户上传的照片模糊"], "照片", Some("客户上传的照片模糊")),
        (&["prefund is not a match"], "refund", None),
        (&["no match"], "照片", None),
        (&["bell\u{7} refund"], "refund", Some("bell refund")),
    ];
    for (texts, text, expected) in cases {
        assert_eq!(snippet(texts, text).as_deref(), *expected, "{texts:?} {text:?}");
    }
    let cut = snippet(&[&long], "refund").unwrap();
    assert!(cut.starts_with('…') && cut.ends_with('…'), "{cut}");
    assert!(cut.contains("refunded amount"), "{cut}");
    assert!(cut.width() <= SNIPPET_COLUMNS, "{cut}");
    let wide = "照".repeat(100);
    let cut = snippet(&[&format!("{wide}照片{wide}")], "照片").unwrap();
    assert!(cut.width() <= SNIPPET_COLUMNS, "{}", cut.width());
}

#[test]
fn terminal_controls_are_not_indexed_as_words() {
    let index = IndexText::of(&["evil \u{1b}[31mRED\u{1b}[0m subject"]);
    assert!(index.words.contains("RED"), "{:?}", index.words);
    assert!(!index.words.contains("31m"), "{:?}", index.words);
}

#[test]
fn postgres_terms_mirror_the_match_expression() {
    let weights = Weights { words: "AC" };
    let words = |q: &str| TsTerm {
        config: TsConfig::Words,
        query: q.into(),
    };
    let cjk = |q: &str| TsTerm {
        config: TsConfig::Simple,
        query: q.into(),
    };
    let cases: &[(&str, Vec<TsTerm>)] = &[
        ("refund", vec![words("refund")]),
        ("照", vec![cjk("照")]),
        ("照片", vec![cjk("照片")]),
        ("北京华联", vec![cjk("北京 <-> 京华 <-> 华联")]),
        ("iPhone照片", vec![words("iPhone"), cjk("照片")]),
        ("a & b | !c:*", vec![words("a"), words("b"), words("c")]),
        // The separator between CJK runs is a word only under the words' weights.
        ("0 10", vec![words("0:AC"), words("10")]),
        ("\"*", vec![]),
        ("", vec![]),
    ];
    for (text, expected) in cases {
        assert_eq!(&ts_terms(text, &weights), expected, "{text:?}");
    }
}

#[test]
fn words_are_split_as_fts5_splits_them() {
    let cases = [
        ("mail a@b.com now", "mail a b com now"),
        ("12.5 e-mail don't", "12 5 e mail don t"),
        ("  iPhone12   café ", "iPhone12 café"),
        ("", ""),
    ];
    for (words, expected) in cases {
        assert_eq!(separated_words(words), expected, "{words:?}");
    }
}
