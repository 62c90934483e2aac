//! The customer list: every live customer, filtered as you type with the
//! CLI's fuzzy and pinyin matching over an index built once per load.

use super::filtered::{Filtered, Row};
use crate::service::customers::SearchIndex;
use crate::store::CustomerRow;

impl Row for CustomerRow {
    fn id(&self) -> i64 {
        self.id
    }
}

#[derive(Default)]
pub struct CustomersPane {
    pub list: Filtered<CustomerRow>,
    index: Option<SearchIndex>,
}

impl CustomersPane {
    pub fn load(&mut self, rows: Vec<CustomerRow>, index: SearchIndex, height: usize) {
        self.index = Some(index);
        let index = self.index.as_ref();
        self.list
            .replace(rows, |q| index.map(|i| i.find_with_hits(q)).unwrap_or_default(), height);
    }

    /// Runs the filter again after its text changed: one pass of the
    /// matcher over the prepared keys, no I/O.
    pub fn refilter(&mut self, height: usize) {
        let index = self.index.as_ref();
        self.list
            .refilter(|q| index.map(|i| i.find_with_hits(q)).unwrap_or_default(), height);
    }

    pub fn selected(&self) -> Option<&CustomerRow> {
        self.list.selected()
    }
}
