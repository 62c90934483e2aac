//! The three panes' states; their views are in `ui/panes`.

pub mod cursor;
pub mod customers;
pub mod filtered;
pub mod queue;
pub mod queue_query;
pub mod timeline;
pub mod views_bar;

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PaneId {
    Customers,
    Queue,
    Timeline,
}

impl PaneId {
    pub const ALL: [PaneId; 3] = [PaneId::Customers, PaneId::Queue, PaneId::Timeline];

    pub fn next(self) -> PaneId {
        match self {
            PaneId::Customers => PaneId::Queue,
            PaneId::Queue => PaneId::Timeline,
            PaneId::Timeline => PaneId::Customers,
        }
    }

    pub fn prev(self) -> PaneId {
        self.next().next()
    }
}
