//! English: navigation.

use crate::i18n::catalog::navigation::NavigationStrings;

pub const NAVIGATION: NavigationStrings = NavigationStrings {
    palette_ticket: "Open ticket #{ticket}",
    palette_customer: "Open customer {code} {name}",
    back_to_ticket: "{key} back to #{ticket}",
    back_to_customer: "{key} back to {customer}",
};
