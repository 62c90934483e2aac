//! frontdesk: a keyboard-driven helpdesk and CRM for the terminal.
//!
//! `domain` holds pure types and rules, `store` all SQL, `service` the use
//! cases shared by `cli` and the terminal UI, `config` paths and settings.

pub mod app;
pub mod cli;
pub mod config;
pub mod domain;
pub mod i18n;
pub mod service;
pub mod store;
pub mod tui;
pub mod ui;
