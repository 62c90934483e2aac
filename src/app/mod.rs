//! The terminal UI without a terminal: the model, the actions, the keymap
//! routing, the forms and `update`. No I/O here — `tui/` runs the effects
//! `update` asks for, `ui/` draws the model — so all of it can be driven by
//! key sequences in tests.

pub mod action;
pub mod alerts;
pub mod conflict;
pub mod conflict_doc;
pub mod dashboard;
pub mod detail;
pub mod doc;
pub mod format;
pub mod forms;
pub mod help;
pub mod input;
pub mod keymap;
pub mod keys;
pub mod knowledge;
pub mod layout;
pub mod macros;
pub mod mail;
pub mod model;
pub mod msg;
pub mod navigation;
pub mod palette;
pub mod panes;
pub mod presence;
pub mod quality;
pub mod quality_doc;
pub mod reminders;
pub mod saves;
pub mod screens;
pub mod sections;
pub mod theme;
pub mod tiles;
pub mod triage;
pub mod tui_settings;
pub mod update;

pub use action::Action;
pub use model::Model;
pub use msg::{Effect, Msg};
pub use update::update;
