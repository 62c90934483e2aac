//! A ticket's clock history as one column of its row (`at:id:event,…`, kept
//! by the triggers of 0021 in `ticket_history`), and its reading.
//!
//! The queue reads its tickets and their events by one statement, a round
//! trip less per page on a server, and the report reads the histories of a
//! month's tickets (90k on the demo's busiest month): the text is read a
//! byte at a time, without a string check or a second list, since it is read
//! for every ticket of every such read.

use super::tickets::{History, parse_event};
use crate::domain::sla::TicketEvent;
use crate::domain::time::from_unix;

/// The history of ticket `t` as a column. The history kept by triggers is one
/// lookup by id, where aggregating the events cost each ticket an index scan.
pub(super) const HISTORY_COLUMN: &str = "(SELECT h.events FROM ticket_history h WHERE h.ticket_id = t.id)";

/// [`HISTORY_COLUMN`]'s text as events in order (time, then id); an event
/// this binary does not know, or an item it cannot read, is left out, as
/// everywhere the events are read.
pub(super) fn parse_history(text: &[u8]) -> History {
    // The triggers append each event as it is logged, so the text is almost
    // always in order already: read it straight into the history, and sort
    // only a text that turns out not to be.
    let mut events = History::with_capacity(text.len() / 24 + 1);
    let mut last = (i64::MIN, i64::MIN);
    for (at, id, event) in items(text) {
        if (at, id) < last {
            return sorted(text);
        }
        last = (at, id);
        events.push((from_unix(at), event));
    }
    events
}

fn sorted(text: &[u8]) -> History {
    let mut events: Vec<_> = items(text).collect();
    events.sort_unstable_by_key(|&(at, id, _)| (at, id));
    events
        .into_iter()
        .map(|(at, _, event)| (from_unix(at), event))
        .collect()
}

fn items(text: &[u8]) -> impl Iterator<Item = (i64, i64, TicketEvent)> + '_ {
    text.split(|&b| b == b',').filter_map(item)
}

/// One `at:id:event`, read as `splitn(3, ':')` would split it.
fn item(item: &[u8]) -> Option<(i64, i64, TicketEvent)> {
    let (at, rest) = number_then_colon(item)?;
    let (id, event) = number_then_colon(rest)?;
    Some((at, id, parse_event(event)?))
}

/// The number before the first `:` of `bytes`, and what follows that colon.
fn number_then_colon(bytes: &[u8]) -> Option<(i64, &[u8])> {
    let colon = bytes.iter().position(|&b| b == b':')?;
    Some((number(&bytes[..colon])?, &bytes[colon + 1..]))
}

/// A decimal number as `i64::from_str` reads it: plain digits at once, any
/// other form (a sign, too many digits) by the standard parser.
fn number(bytes: &[u8]) -> Option<i64> {
    // 18 digits cannot overflow an i64.
    if (1..=18).contains(&bytes.len()) {
        let mut n = 0;
        for &b in bytes {
            let digit = b.wrapping_sub(b'0');
            if digit > 9 {
                return std::str::from_utf8(bytes).ok()?.parse().ok();
            }
            n = n * 10 + i64::from(digit);
        }
        return Some(n);
    }
    std::str::from_utf8(bytes).ok()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_history_column_is_read_in_order_of_time_then_id() {
        let at = |s: i64| from_unix(s);
        let cases: &[(&[u8], History)] = &[
            (b"", vec![]),
            (b"5:1:opened", vec![(at(5), TicketEvent::Opened)]),
            (
                b"10:1:opened,20:2:paused,20:3:responded",
                vec![
                    (at(10), TicketEvent::Opened),
                    (at(20), TicketEvent::Paused),
                    (at(20), TicketEvent::Responded),
                ],
            ),
            // Out of order: sorted by time, then id.
            (
                b"20:3:responded,10:1:opened,20:2:paused",
                vec![
                    (at(10), TicketEvent::Opened),
                    (at(20), TicketEvent::Paused),
                    (at(20), TicketEvent::Responded),
                ],
            ),
            // Numbers in any form the standard parser takes, and no other.
            (
                b"-5:+1:opened,0019:2:resolved,99999999999999999999:3:closed",
                vec![(at(-5), TicketEvent::Opened), (at(19), TicketEvent::Resolved)],
            ),
            // An event this binary does not know, and damage, are left out.
            (
                b"7:1:escalated,x:2:opened,8:3:closed,9:4,:5:opened,9:6:closed:x,\xff:7:opened",
                vec![(at(8), TicketEvent::Closed)],
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(&parse_history(text), expected, "{:?}", String::from_utf8_lossy(text));
        }
    }

    #[test]
    fn a_number_is_read_as_the_standard_parser_reads_it() {
        for text in [
            "0",
            "7",
            "1790000000",
            "999999999999999999",
            "9223372036854775807",
            "9223372036854775808",
            "-1",
            "+2",
            "",
            "1a",
            " 1",
            "١",
        ] {
            assert_eq!(number(text.as_bytes()), text.parse::<i64>().ok(), "{text:?}");
        }
    }
}
