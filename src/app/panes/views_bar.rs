//! The queue's views bar: the default "Queue" (every active ticket in
//! triage order) then each saved view with its live count. Selecting a
//! view has the queue show that view's tickets; the reads run on the
//! background worker (`Effect::LoadViews`), never on the event loop.

use crate::domain::views::SavedView;
use crate::service::views::ViewsRead;

#[derive(Debug, Clone, Default)]
pub struct ViewsBar {
    /// The saved views in the bar's order, with their counts as last read
    /// (`None` before the first count arrives).
    pub views: Vec<(SavedView, Option<usize>)>,
    /// 0: the queue; `n`: the `n`th view.
    pub selected: usize,
}

impl ViewsBar {
    /// The view selected, if not the queue.
    pub fn selected_view(&self) -> Option<&SavedView> {
        self.selected
            .checked_sub(1)
            .and_then(|i| self.views.get(i))
            .map(|(v, _)| v)
    }

    /// The queue shows the default queue (no view selected).
    pub fn on_queue(&self) -> bool {
        self.selected_view().is_none()
    }

    /// The expression of the view selected, to which the queue's `/`
    /// narrows ("" on the queue).
    pub fn expression(&self) -> &str {
        self.selected_view().map_or("", |v| v.query.as_str())
    }

    /// Selects entry `index` (0 the queue, `n` the `n`th view); true when
    /// the selection changed. An entry the bar does not have is ignored.
    pub fn select(&mut self, index: usize) -> bool {
        if index > self.views.len() || index == self.selected {
            return false;
        }
        self.selected = index;
        true
    }

    /// `]`: the next entry, from the last back to the queue.
    pub fn select_next(&mut self) -> bool {
        self.select((self.selected + 1) % (self.views.len() + 1))
    }

    /// `[`: the previous entry, from the queue round to the last.
    pub fn select_prev(&mut self) -> bool {
        let entries = self.views.len() + 1;
        self.select((self.selected + entries - 1) % entries)
    }

    /// The views and counts read again. The selection follows its view by
    /// name; a view removed meanwhile selects the queue (true: the queue's
    /// tickets must be read again).
    pub fn loaded(&mut self, read: &ViewsRead) -> bool {
        let was = self.selected_view().map(|v| v.name.clone());
        self.views = read.counted.clone();
        let Some(name) = was else { return false };
        match self.views.iter().position(|(v, _)| v.name == name) {
            Some(i) => {
                self.selected = i + 1;
                false
            }
            None => {
                self.selected = 0;
                true
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(name: &str) -> SavedView {
        SavedView {
            name: name.into(),
            query: format!("tag:{name}"),
            position: 0,
            builtin: None,
            created_by: String::new(),
            created_at: chrono::DateTime::UNIX_EPOCH,
        }
    }

    fn read(names: &[&str]) -> ViewsRead {
        ViewsRead {
            counted: names.iter().map(|n| (view(n), Some(1))).collect(),
            tickets: None,
        }
    }

    #[test]
    fn the_selection_cycles_through_the_queue_and_follows_its_view() {
        let mut bar = ViewsBar::default();
        assert!(!bar.select_next(), "no view: the queue stays");
        bar.loaded(&read(&["a", "b"]));
        type Step = fn(&mut ViewsBar) -> bool;
        let steps: &[(Step, usize, &str)] = &[
            (ViewsBar::select_next, 1, "tag:a"),
            (ViewsBar::select_next, 2, "tag:b"),
            (ViewsBar::select_next, 0, ""),
            (ViewsBar::select_prev, 2, "tag:b"),
        ];
        for (step, selected, expr) in steps {
            assert!(step(&mut bar));
            assert_eq!((bar.selected, bar.expression()), (*selected, *expr));
        }
        assert!(!bar.select(3), "no third view");
        assert!(!bar.select(2), "already there");
        // "b" moves to first place: it stays selected.
        assert!(!bar.loaded(&read(&["b", "a"])));
        assert_eq!(bar.expression(), "tag:b");
        // "b" is removed: back to the queue, which is read again.
        assert!(bar.loaded(&read(&["a"])));
        assert!(bar.on_queue());
    }
}
