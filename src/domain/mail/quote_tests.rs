use super::*;

/// (what it is, the mail text, the new text, the quoted history).
const CASES: &[(&str, &str, &str, &str)] = &[
    (
        "nothing quoted",
        "你好，\n屏幕还是坏的。\n",
        "你好，\n屏幕还是坏的。",
        "",
    ),
    ("empty", "", "", ""),
    (
        "bottom quote with an English attribution",
        "Still broken.\n\nOn Mon, 1 Dec 2026 at 10:00, Support <help@acme.cn> wrote:\n> Please restart it.\n>\n> Thanks\n",
        "Still broken.",
        "On Mon, 1 Dec 2026 at 10:00, Support <help@acme.cn> wrote:\n> Please restart it.\n>\n> Thanks",
    ),
    (
        "an attribution wrapped over two lines",
        "Done.\nOn Mon, 1 Dec 2026 at 10:00, Support Team <\nhelp@acme.cn> wrote:\n> Try again\n",
        "Done.",
        "On Mon, 1 Dec 2026 at 10:00, Support Team <\nhelp@acme.cn> wrote:\n> Try again",
    ),
    (
        "Chinese attribution (… 写道：)",
        "已经重启过了，还是不行。\r\n\r\n张三 <zhang@example.cn> 于2026年12月1日周一 10:00写道：\r\n> 请重启设备。\r\n",
        "已经重启过了，还是不行。",
        "张三 <zhang@example.cn> 于2026年12月1日周一 10:00写道：\r\n> 请重启设备。",
    ),
    (
        "Chinese attribution (在 … 写道：)",
        "好的\n在 2026-12-01 10:00，客服 写道：\n> 已安排上门\n",
        "好的",
        "在 2026-12-01 10:00，客服 写道：\n> 已安排上门",
    ),
    (
        "quotes without an attribution",
        "收到\n> 上一封\n> 邮件\n",
        "收到",
        "> 上一封\n> 邮件",
    ),
    (
        "an answer written between the quotes stays",
        "> Which model?\nX200\n> Since when?\nMonday\n",
        "> Which model?\nX200\n> Since when?\nMonday",
        "",
    ),
    (
        "only the trailing block of an interleaved answer folds",
        "> Which model?\nX200\n\nOn Tue, Support wrote:\n> Which model?\n> Since when?\n",
        "> Which model?\nX200",
        "On Tue, Support wrote:\n> Which model?\n> Since when?",
    ),
    (
        "Outlook's Original Message",
        "Thanks.\n\n-----Original Message-----\nFrom: Support <help@acme.cn>\nSent: Monday, December 1, 2026 10:00 AM\nTo: Li\nSubject: RE: broken\n\nPlease restart it.\n",
        "Thanks.",
        "-----Original Message-----\nFrom: Support <help@acme.cn>\nSent: Monday, December 1, 2026 10:00 AM\nTo: Li\nSubject: RE: broken\n\nPlease restart it.",
    ),
    (
        "Outlook's header block under a rule",
        "OK\n\n________________________________\nFrom: Support <help@acme.cn>\nSent: 1 December 2026 10:00\nSubject: broken\n\nPlease restart it.\n",
        "OK",
        "________________________________\nFrom: Support <help@acme.cn>\nSent: 1 December 2026 10:00\nSubject: broken\n\nPlease restart it.",
    ),
    (
        "Chinese Outlook header block",
        "谢谢\n\n发件人: 客服 <help@acme.cn>\n发送时间: 2026年12月1日 10:00\n主题: 故障\n\n请重启。\n",
        "谢谢",
        "发件人: 客服 <help@acme.cn>\n发送时间: 2026年12月1日 10:00\n主题: 故障\n\n请重启。",
    ),
    (
        "QQ / Foxmail's 原始邮件",
        "还是不行\n\n------------------ 原始邮件 ------------------\n发件人: \"客服\"<help@acme.cn>;\n发送时间: 2026年12月1日(星期一) 上午10:00\n\n请重启。\n",
        "还是不行",
        "------------------ 原始邮件 ------------------\n发件人: \"客服\"<help@acme.cn>;\n发送时间: 2026年12月1日(星期一) 上午10:00\n\n请重启。",
    ),
    (
        "Gmail's Forwarded message",
        "See below.\n\n---------- Forwarded message ---------\nFrom: Wang <wang@example.cn>\nDate: Mon, Dec 1, 2026\n\nThe screen flickers.\n",
        "See below.",
        "---------- Forwarded message ---------\nFrom: Wang <wang@example.cn>\nDate: Mon, Dec 1, 2026\n\nThe screen flickers.",
    ),
    (
        "the first separator wins over a later quote block",
        "Top\n-----Original Message-----\nFrom: a\nSent: b\n\nOn Mon, x wrote:\n> old\n",
        "Top",
        "-----Original Message-----\nFrom: a\nSent: b\n\nOn Mon, x wrote:\n> old",
    ),
    (
        "a line that merely mentions From: is not a header block",
        "From: the shop, not the factory.\nIt broke again.\n",
        "From: the shop, not the factory.\nIt broke again.",
        "",
    ),
    (
        "a few dashes around ordinary words are not a separator",
        "--- Original ---ish\nstill new\n",
        "--- Original ---ish\nstill new",
        "",
    ),
    ("all of it quoted", "> only\n> quotes\n", "", "> only\n> quotes"),
];

#[test]
fn splits_new_text_from_the_quoted_history() {
    for (what, text, new, quoted) in CASES {
        let got = split(text);
        assert_eq!((got.new, got.quoted), (*new, *quoted), "{what}");
    }
}

#[test]
fn counts_the_quoted_lines() {
    assert_eq!(split("a\n> b\n> c\n").quoted_lines(), 2);
    assert_eq!(split("a\n").quoted_lines(), 0);
}

/// Whatever the bytes, the split borrows whole characters and never panics.
#[test]
fn never_panics_on_odd_text() {
    for text in [">", "\n\n>", "——原始邮件——", "\r\n> x\r", "写道：\n>", "On\n wrote:\n>"] {
        let got = split(text);
        assert!(got.new.len() + got.quoted.len() <= text.len(), "{text:?}");
    }
}
