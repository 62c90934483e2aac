use super::*;

#[test]
fn sanitize_line_cases() {
    let cases: &[(&str, &str)] = &[
        // Clean text, Chinese included, goes through unchanged.
        ("", ""),
        ("hello", "hello"),
        ("张三 Lily", "张三 Lily"),
        ("👨‍👩‍👧 e\u{301}", "👨‍👩‍👧 e\u{301}"),
        // Line breaks and tabs become one space each.
        ("a\tb", "a b"),
        ("a\nb", "a b"),
        ("a\r\nb", "a b"),
        ("a\rb", "a b"),
        ("第一行\n\n第三行", "第一行  第三行"),
        // Other C0 controls, DEL and C1 controls go.
        ("a\0b\x07c\x08d", "abcd"),
        ("a\x7fb", "ab"),
        ("a\u{80}b", "ab"),
        // Line and paragraph separators and NEL break the line like \n.
        ("a\u{2028}b\u{2029}c\u{85}d", "a b c d"),
        ("张三\u{2028}", "张三 "),
        // Invisible format characters go; the joiner of emoji stays.
        ("a\u{200b}b\u{200c}c\u{200e}d\u{200f}e", "abcde"),
        ("\u{feff}张\u{ad}三\u{2060}\u{2061}", "张三"),
        ("\u{600}1\u{61c}2\u{180e}3", "123"),
        ("名\u{3164}\u{ffa0}\u{115f}\u{1160}字", "名字"),
        ("🏴\u{e0067}\u{e0062}\u{e007f}", "🏴"),
        // A joiner between two emoji holds a sequence together; anywhere
        // else it joins nothing, and terminals that glue what follows onto
        // the cell before it shift the rest of the line.
        (
            "🏳\u{fe0f}\u{200d}🌈 ❤\u{fe0f}\u{200d}🔥",
            "🏳\u{fe0f}\u{200d}🌈 ❤\u{fe0f}\u{200d}🔥",
        ),
        ("Zw\u{200d}j", "Zwj"),
        ("subject \u{200d}宽字符", "subject 宽字符"),
        ("\u{200d}👍 👍\u{200d} 👍\u{200d}x a\u{200d}👍", "👍 👍 👍x a👍"),
        // CSI sequences, whole.
        ("\x1b[31m红色\x1b[0m", "红色"),
        ("\x1b[2J\x1b[H清屏", "清屏"),
        ("\x1b[?1049h全屏", "全屏"),
        ("客户\x1b[38;2;255;0;0m名称", "客户名称"),
        // 8-bit CSI.
        ("\u{9b}31m红色", "红色"),
        // OSC ended by BEL, by ESC \, by the C1 ST.
        ("标题\x1b]0;title\x07正文", "标题正文"),
        ("链接\x1b]8;;https://evil.example\x1b\\点我\x1b]8;;\x1b\\", "链接点我"),
        ("标题\u{9d}0;title\u{9c}正文", "标题正文"),
        // DCS, SOS, PM, APC.
        ("前\x1bPq#0;2;0;0;0\x1b\\后", "前后"),
        ("前\x1bXsos\x1b\\后", "前后"),
        ("前\x1b^pm\x1b\\后", "前后"),
        ("前\x1b_apc\x1b\\后", "前后"),
        ("前\u{90}dcs\u{9c}后", "前后"),
        // A string sequence cut short by another sequence: both go.
        ("\x1b]0;t\x1b[31m红", "红"),
        // Unterminated: the payload goes to the end of the line.
        ("a\x1b]0;title", "a"),
        ("a\x1b]0;title\nb", "a b"),
        // Two-char and charset sequences.
        ("\x1bc重置", "重置"),
        ("\x1b7保存\x1b8", "保存"),
        ("\x1b(B中文", "中文"),
        ("\x1b\\中文", "中文"),
        // ESC before text or another ESC: only the ESC goes.
        ("\x1b张三", "张三"),
        ("\x1b\x1b[31m红", "红"),
        // A CSI broken by a char that cannot be in it ends there.
        ("\x1b[31张三", "张三"),
        // A lone trailing ESC, and ESC + introducer at the very end.
        ("张三\x1b", "张三"),
        ("张三\x1b[", "张三"),
        ("张三\x1b]", "张三"),
        ("张三\u{9b}", "张三"),
        // Bidi overrides and isolates.
        ("abc\u{202e}def\u{2066}g\u{2069}", "abcdefg"),
        ("张\u{202a}\u{202b}\u{202c}\u{202d}三", "张三"),
    ];
    for &(input, want) in cases {
        assert_eq!(sanitize_line(input), want, "{input:?}");
    }
}

#[test]
fn sanitize_block_cases() {
    let cases: &[(&str, &str)] = &[
        ("a\nb", "a\nb"),
        ("a\r\nb\rc", "a\nb\nc"),
        ("a\r\n\r\nb", "a\n\nb"),
        // Tabs go to the next multiple of four columns, CJK counting two.
        ("a\tb", "a   b"),
        ("\tx", "    x"),
        ("中\tx", "中  x"),
        ("abcd\tx", "abcd    x"),
        ("ab\ncd\tx", "ab\ncd  x"),
        // Escapes and controls go as in single lines; line breaks stay.
        ("第一行\x1b[1m\n第二行\x1b[0m", "第一行\n第二行"),
        ("a\x1b]0;title\nb", "a\nb"),
        ("\u{202e}反转\u{202c}\n\x07正常", "反转\n正常"),
        ("一\u{2028}二\u{2029}三\u{85}四", "一\n二\n三\n四"),
        ("a\u{2028}\tb", "a\n    b"),
        ("\u{200b}\u{feff}x", "x"),
        ("张三\x1b", "张三"),
    ];
    for &(input, want) in cases {
        assert_eq!(sanitize_block(input), want, "{input:?}");
    }
}

#[test]
fn clean_text_is_not_copied() {
    for s in ["", "plain", "张三", "emoji 👍"] {
        assert!(matches!(sanitize_line(s), Cow::Borrowed(_)), "{s:?}");
        assert!(matches!(sanitize_block(s), Cow::Borrowed(_)), "{s:?}");
    }
    assert!(matches!(sanitize_block("a\nb"), Cow::Borrowed(_)));
    assert!(matches!(sanitize_line("a\nb"), Cow::Owned(_)));
    assert!(matches!(truncate("张三", 4), Cow::Borrowed(_)));
}

#[test]
fn widths() {
    let cases: &[(&str, usize)] = &[
        ("", 0),
        ("abc", 3),
        ("张三", 4),
        ("王Lily", 6),
        ("ｈｉ", 4),
        ("，。", 4),
        ("👍", 2),
        ("👍🏽", 2),
        ("👨‍👩‍👧", 2),
        ("🇨🇳", 2),
        ("e\u{301}", 1),
        ("…", 1),
        ("\u{200b}", 0),
    ];
    for &(s, want) in cases {
        assert_eq!(width(s), want, "{s:?}");
    }
}

#[test]
fn truncate_cases() {
    let cases: &[(&str, usize, &str)] = &[
        ("hello", 10, "hello"),
        ("hello", 5, "hello"),
        ("hello world", 5, "hell…"),
        ("hello", 1, "…"),
        ("hello", 0, ""),
        ("", 0, ""),
        // Wide chars: an odd limit leaves one column unused, never half a char.
        ("中文字符", 8, "中文字符"),
        ("中文字符", 7, "中文字…"),
        ("中文字符", 6, "中文…"),
        ("中文字符", 5, "中文…"),
        ("中文字符", 4, "中…"),
        ("中文字符", 3, "中…"),
        ("中文字符", 2, "…"),
        ("中文字符", 1, "…"),
        ("王Lily很好", 7, "王Lily…"),
        // Marks and emoji sequences stay with their base.
        ("e\u{301}e\u{301}e\u{301}", 2, "e\u{301}…"),
        ("👨‍👩‍👧👍", 3, "👨‍👩‍👧…"),
        ("👍🏽👍🏽", 3, "👍🏽…"),
        ("🇨🇳🇺🇸", 3, "🇨🇳…"),
    ];
    for &(s, max, want) in cases {
        assert_eq!(truncate(s, max), want, "{s:?} at {max}");
    }
}

#[test]
fn truncate_and_fit_respect_widths_for_every_limit() {
    let samples = [
        "plain ascii text",
        "张三丰的太极拳",
        "王Lily 😀 很好",
        "👨‍👩‍👧👍🏽🇨🇳e\u{301}x",
        "ｆｕｌｌ　ｗｉｄｔｈ",
        "a\u{200b}b\u{fe0f}c",
    ];
    for s in samples {
        for max in 0..=width(s) + 2 {
            let t = truncate(s, max);
            assert!(width(&t) <= max, "{s:?} at {max}: {t:?}");
            let kept = t.strip_suffix('…').unwrap_or(&t);
            assert!(s.starts_with(kept), "{s:?} at {max}: {t:?}");
            let f = fit(s, max);
            assert_eq!(width(&f), max, "{s:?} fit {max}: {f:?}");
        }
    }
}

#[test]
fn fit_cases() {
    let cases: &[(&str, usize, &str)] = &[
        ("abc", 5, "abc  "),
        ("abc", 3, "abc"),
        ("abcd", 3, "ab…"),
        ("", 3, "   "),
        ("abc", 0, ""),
        ("张三", 6, "张三  "),
        ("中文字符", 5, "中文…"),
        // The column a wide char could not use is padded.
        ("中文字符", 4, "中… "),
    ];
    for &(s, cols, want) in cases {
        assert_eq!(fit(s, cols), want, "{s:?} in {cols}");
    }
}

#[test]
fn mask_phone_cases() {
    let cases: &[(&str, &str)] = &[
        ("13812345678", "138****5678"),
        ("  13812345678 ", "138****5678"),
        ("+86 138-1234-5678", "+86 1**-****-5678"),
        ("010-62345678", "010-****5678"),
        ("4155550123", "415***0123"),
        ("62345678", "****5678"),
        ("1234567", "***4567"),
        ("12345", "***45"),
        ("1234", "**34"),
        ("110", "***"),
        ("", ""),
        ("n/a", "***"),
        ("１３８１２３４５６７８", "１３８****５６７８"),
        ("\x1b[31m13812345678\x1b[0m", "138****5678"),
    ];
    for &(input, want) in cases {
        assert_eq!(mask_phone(input), want, "{input:?}");
    }
}

#[test]
fn mask_email_cases() {
    let cases: &[(&str, &str)] = &[
        ("zhang.san@example.com", "z*******@example.com"),
        ("  Zhang.San@Example.com ", "Z*******@Example.com"),
        ("abc@x.com", "a*******@x.com"),
        ("ab@x.com", "********@x.com"),
        ("a@b.c", "********@b.c"),
        ("张三@例子.中国", "********@例子.中国"),
        ("张三丰@例子.中国", "张*******@例子.中国"),
        ("\"a@b\"@example.com", "\"*******@example.com"),
        ("not-an-email", "n*******"),
        ("@example.com", "@example.com"),
        ("", ""),
        ("z\x1b]0;x\x07hang@example.com", "z*******@example.com"),
    ];
    for &(input, want) in cases {
        assert_eq!(mask_email(input), want, "{input:?}");
    }
}

#[test]
fn hostile_input_does_not_panic() {
    let nasty = [
        "\x1b".repeat(10_000),
        "\x1b]".repeat(10_000),
        "\x1b[".repeat(10_000),
        "\u{9d}\x1b".repeat(10_000),
        "\u{301}".repeat(10_000),
        "\u{200d}👍".repeat(1_000),
        "🇨".repeat(1_001),
        "\r".repeat(1_000),
        "\u{2028}\u{200b}\u{feff}".repeat(1_000),
    ];
    for s in &nasty {
        let line = sanitize_line(s);
        assert!(!line.chars().any(is_unsafe_for_terminal));
        let block = sanitize_block(s);
        assert!(!block.chars().any(|c| is_unsafe_for_terminal(c) && c != '\n'));
        for max in [0, 1, 2, 3, 80] {
            assert!(width(&truncate(s, max)) <= max);
            assert_eq!(width(&fit(&line, max)), max);
        }
        let _ = mask_phone(s);
        let _ = mask_email(s);
    }
}
