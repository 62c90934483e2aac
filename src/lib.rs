//! frontdesk: a keyboard-driven helpdesk and CRM for the terminal.
//!
//! `domain` holds pure types and rules, `store` all SQL, `service` the use
//! cases shared by `cli` and the terminal UI, `config` paths and settings.

pub mod app;
pub mod cli;
pub mod config;
pub mod domain;
pub mod service;
pub mod store;
pub mod strings;
pub mod strings_background;
pub mod strings_care;
pub mod strings_crm;
pub mod strings_dashboard;
pub mod strings_forms;
pub mod strings_occasions;
pub mod strings_quality;
pub mod strings_triage;
pub mod tui;
pub mod ui;
