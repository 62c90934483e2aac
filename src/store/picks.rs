//! The values a form offers to pick from: categories and departments in use.

use super::sql::params;
use super::{StoreError, Tx};

impl Tx<'_> {
    /// Every category a ticket or a routing rule names, in order.
    pub fn known_categories(&self) -> Result<Vec<String>, StoreError> {
        self.texts(
            "SELECT category FROM tickets WHERE category <> '' \
             UNION SELECT match_category FROM routing_rules WHERE match_category <> '' \
             ORDER BY 1",
        )
    }

    /// Every department listed, or named by a ticket, an agent or a routing rule, in order.
    pub fn known_departments(&self) -> Result<Vec<String>, StoreError> {
        self.texts(
            "SELECT name FROM departments WHERE name <> '' \
             UNION SELECT department FROM tickets WHERE department <> '' \
             UNION SELECT department FROM agents WHERE department <> '' \
             UNION SELECT department FROM routing_rules WHERE department <> '' \
             ORDER BY 1",
        )
    }

    /// Every ticket tag in use, in order, each once. The column holds a
    /// ticket's tags joined by commas (a tag never holds one).
    pub fn known_tags(&self) -> Result<Vec<String>, StoreError> {
        let lists = self.texts("SELECT DISTINCT tags FROM tickets WHERE tags <> ''")?;
        let tags: std::collections::BTreeSet<String> = lists.iter().flat_map(|l| super::rows::split_tags(l)).collect();
        Ok(tags.into_iter().collect())
    }

    fn texts(&self, sql: &str) -> Result<Vec<String>, StoreError> {
        let mut stmt = self.db.prepare(sql)?;
        let rows = stmt.query_map(params![], |r| r.get(0))?;
        Ok(rows)
    }
}
