//! Mail into tickets: a generated mbox of FRONTDESK_BENCH_MAILS messages
//! (default 10,000) read by `mail fetch`'s path (`mbox:` source, one
//! transaction per message, each stored once), then read again (every
//! message a duplicate). Messages from 2,000 senders; every third one a
//! reply by In-Reply-To; every fifth in GBK; one in fifty an auto-reply;
//! one in twenty with a small attachment. Prints messages per second.
//! Run: `cargo bench --bench mail`.

use frontdesk::config::Config;
use frontdesk::service::Ctx;
use frontdesk::service::mail::fetch;
use frontdesk::service::progress::Quiet;
use frontdesk::store::{OpenOptions, Store};
use std::fmt::Write as _;
use std::time::Instant;

fn message(n: usize) -> Vec<u8> {
    let sender = n % 2000;
    let mut head = format!(
        "From: Customer {sender} <customer{sender}@example.test>\nTo: support@acme.test\n\
         Message-ID: <m{n}@example.test>\nDate: Mon, 30 Nov 2026 09:{:02}:00 +0800\n",
        n % 60
    );
    if n % 3 == 2 {
        let _ = writeln!(head, "In-Reply-To: <m{}@example.test>", n - 2);
    }
    if n % 50 == 7 {
        head.push_str("Auto-Submitted: auto-replied\n");
    }
    let mut out = Vec::new();
    if n % 20 == 3 {
        let _ = write!(
            head,
            "Subject: Invoice {n}\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b\"\n\n\
             --b\nContent-Type: text/plain; charset=UTF-8\n\nPlease see the invoice.\n\
             --b\nContent-Type: application/pdf; name=\"invoice-{n}.pdf\"\nContent-Transfer-Encoding: base64\n\n\
             JVBERi0xLjQKJSBiZW5jaAo=\n--b--\n"
        );
        out.extend_from_slice(head.as_bytes());
    } else if n.is_multiple_of(5) {
        let _ = write!(
            head,
            "Subject: =?UTF-8?B?6YCA5qy+6L+b5bqm?=\nMIME-Version: 1.0\nContent-Type: text/plain; charset=GBK\n\n"
        );
        out.extend_from_slice(head.as_bytes());
        // "您好，我的订单还没有收到，请帮忙查询。" in GBK.
        out.extend_from_slice(&[
            0xc4, 0xfa, 0xba, 0xc3, 0xa3, 0xac, 0xce, 0xd2, 0xb5, 0xc4, 0xb6, 0xa9, 0xb5, 0xa5, 0xbb, 0xb9, 0xc3, 0xbb,
            0xd3, 0xd0, 0xca, 0xd5, 0xb5, 0xbd, 0xa3, 0xac, 0xc7, 0xeb, 0xb0, 0xef, 0xc3, 0xa6, 0xb2, 0xe9, 0xd1, 0xaf,
            0xa1, 0xa3, b'\n',
        ]);
    } else {
        let _ = write!(
            head,
            "Subject: Order {n} has not arrived\nContent-Type: text/plain; charset=UTF-8\n\n\
             Hello, my order {n} has not arrived yet. Could you check it, please?\nThanks\n"
        );
        out.extend_from_slice(head.as_bytes());
    }
    out
}

fn main() {
    let count: usize = std::env::var("FRONTDESK_BENCH_MAILS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let mbox = dir.path().join("inbox.mbox");
    let mut bytes = Vec::new();
    for n in 0..count {
        bytes.extend_from_slice(b"From customer@example.test Mon Nov 30 09:00:00 2026\n");
        bytes.extend_from_slice(&message(n));
        bytes.push(b'\n');
    }
    std::fs::write(&mbox, &bytes).expect("write the mbox");
    let mut store = Store::create(&dir.path().join("mail.db"), &OpenOptions::default()).expect("database");
    let mut config = Config::defaults().mail;
    config.address = "support@acme.test".into();
    config.sources = vec![format!("mbox:{}", mbox.display())];
    let ctx = Ctx::new("bench", chrono::Utc::now());
    println!("mbox of {count} messages, {:.1} MB", bytes.len() as f64 / 1e6);
    for pass in ["first fetch", "fetched again"] {
        let start = Instant::now();
        let report = fetch::fetch(&mut store, &ctx, &config, &Quiet, &|e| e.to_string()).expect("fetch");
        let secs = start.elapsed().as_secs_f64();
        assert!(report.failed.is_empty(), "{:?}", report.failed);
        println!(
            "{pass:>14}: {:>6} read, {:>5} new tickets, {:>5} replies, {:>5} duplicates, {:>4} set aside in {secs:.2} s = {:.0} messages/s",
            report.read,
            report.new_tickets,
            report.replies,
            report.duplicates,
            report.set_aside.values().sum::<usize>(),
            report.read as f64 / secs
        );
    }
}
