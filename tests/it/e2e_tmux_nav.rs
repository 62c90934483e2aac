//! End-to-end, the real binary in tmux: a ticket page, its customer's card,
//! the ticket again from the card's list, and back the same way with Esc to
//! the panes (the harness is `e2e_tmux`'s).

use crate::e2e_tmux::{Session, open_fresh_ticket, ticket_page, tmux_missing};

/// The title row of the box on top.
fn title(screen: &str) -> &str {
    screen.lines().nth(1).unwrap_or("")
}

#[test]
fn ticket_to_customer_to_ticket_and_back() {
    if tmux_missing() {
        return;
    }
    let s = Session::start("nav_round_trip", 120, 40);
    let id = open_fresh_ticket(&s, "Navigator", "Round trip");
    // The customer line is selected: Enter opens the card, over the ticket.
    s.keys(&["Enter"]);
    let back_to_ticket = format!("Esc back to #{id}");
    s.wait("the customer's card", |screen| {
        title(screen).contains("Navigator") && title(screen).contains(&back_to_ticket)
    });
    // Its only ticket line is selected: Enter opens the ticket again.
    s.keys(&["Enter"]);
    s.wait("the ticket page over the card", |screen| {
        ticket_page(screen) == Some(id) && title(screen).contains("Esc back to C")
    });
    s.keys(&["Escape"]);
    s.wait("back on the card", |screen| {
        title(screen).contains("Navigator") && title(screen).contains(&back_to_ticket)
    });
    s.keys(&["Escape"]);
    s.wait("back on the first ticket page", |screen| {
        ticket_page(screen) == Some(id) && !title(screen).contains("back to")
    });
    s.keys(&["Escape"]);
    s.wait("back on the panes", |screen| {
        ticket_page(screen).is_none() && screen.contains("Customers") && screen.contains("/Navigator")
    });
    s.keys(&["q"]);
    assert_eq!(s.exit(), "exit=0");
}
