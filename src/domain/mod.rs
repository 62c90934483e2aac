//! Plain types and rules with no I/O. Time always enters as an argument.

pub mod agent;
pub mod audit;
pub mod cadence;
pub mod calendar;
pub mod churn;
pub mod customer;
pub mod duplicates;
pub mod duration;
pub mod enums;
pub mod error;
pub mod interaction;
pub mod kb;
pub mod kpi;
pub mod occasions;
pub mod order;
pub mod period;
pub mod policy;
pub mod search;
pub mod segments;
pub mod sla;
pub mod survey;
pub mod text;
pub mod ticket;
pub mod time;
pub mod urgency;
pub mod validate;
