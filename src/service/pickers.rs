//! What the forms' pick lists offer: the team's agents, and the categories
//! and departments already in use. Read with the overview, so a list is as
//! fresh as the screen behind the form.

use super::Error;
use crate::domain::ticket::CATEGORIES;
use crate::store::{Store, Tx};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct PickLists {
    /// Each agent's name and department, by name.
    pub agents: Vec<(String, Option<String>)>,
    /// The categories named in the source documents first, then the others in use.
    pub categories: Vec<String>,
    pub departments: Vec<String>,
}

/// Every ticket tag in use, in order: what the tags form offers. Not read
/// with the overview, as the lists above are: finding them reads every
/// ticket, so only the form that offers them asks.
pub fn tags_in_use(store: &mut Store) -> Result<Vec<String>, Error> {
    store.read(|tx| Ok(tx.known_tags()?))
}

pub fn lists_in(tx: &Tx) -> Result<PickLists, Error> {
    let agents = tx.agents()?.into_iter().map(|a| (a.name, a.department)).collect();
    let mut categories: Vec<String> = CATEGORIES.iter().map(|c| c.to_string()).collect();
    for used in tx.known_categories()? {
        if !categories.contains(&used) {
            categories.push(used);
        }
    }
    Ok(PickLists {
        agents,
        categories,
        departments: tx.known_departments()?,
    })
}
