//! Simplified Chinese: navigation.

use crate::i18n::catalog::navigation::NavigationStrings;

pub const NAVIGATION: NavigationStrings = NavigationStrings {
    palette_ticket: "打开工单 #{ticket}",
    palette_customer: "打开客户 {code} {name}",
    back_to_ticket: "{key} 返回工单 #{ticket}",
    back_to_customer: "{key} 返回客户 {customer}",
};
