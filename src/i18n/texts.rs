//! Every text a catalogue holds, listed with its path (`triage.remaining`,
//! `tiers[High]`), so a test can walk two languages side by side and name
//! what one of them lacks. The catalogue structs are declared through
//! [`catalogue_struct!`], which writes their walk beside them: a field
//! added to a struct is walked without anyone remembering to.

use super::Plural;
use std::fmt::Debug;

/// Something holding catalogue texts.
pub trait Texts {
    /// Appends every text held, each with its path below `path`.
    fn texts(&self, path: &str, out: &mut Vec<(String, String)>);

    /// How this value is named as an element of a list: its key in a label
    /// table, else its position (so two languages listing a table's entries
    /// in a different order still pair up).
    fn key(&self, index: usize) -> String {
        index.to_string()
    }
}

impl Texts for str {
    fn texts(&self, path: &str, out: &mut Vec<(String, String)>) {
        out.push((path.to_string(), self.to_string()));
    }
}

impl<T: Texts + ?Sized> Texts for &T {
    fn texts(&self, path: &str, out: &mut Vec<(String, String)>) {
        (**self).texts(path, out);
    }
    fn key(&self, index: usize) -> String {
        (**self).key(index)
    }
}

impl<T: Texts> Texts for [T] {
    fn texts(&self, path: &str, out: &mut Vec<(String, String)>) {
        for (index, item) in self.iter().enumerate() {
            item.texts(&format!("{path}[{}]", item.key(index)), out);
        }
    }
}

/// A label table's entry: (value, label).
impl<K: Debug> Texts for (K, &'static str) {
    fn texts(&self, path: &str, out: &mut Vec<(String, String)>) {
        self.1.texts(path, out);
    }
    fn key(&self, _: usize) -> String {
        format!("{:?}", self.0)
    }
}

/// A label table's entry: (value, label, short form).
impl<K: Debug> Texts for (K, &'static str, &'static str) {
    fn texts(&self, path: &str, out: &mut Vec<(String, String)>) {
        self.1.texts(path, out);
        self.2.texts(&format!("{path}.short"), out);
    }
    fn key(&self, _: usize) -> String {
        format!("{:?}", self.0)
    }
}

impl Texts for Plural {
    fn texts(&self, path: &str, out: &mut Vec<(String, String)>) {
        self.one.texts(&format!("{path}.one"), out);
        self.other.texts(&format!("{path}.other"), out);
    }
}

/// `path.field`, or `field` at the top.
pub fn join(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_string()
    } else {
        format!("{path}.{field}")
    }
}

/// Declares a catalogue struct (doc comments kept) and its [`Texts`] walk,
/// which visits every field by name.
macro_rules! catalogue_struct {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $(
                $(#[$field_meta:meta])*
                pub $field:ident : $ty:ty
            ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        pub struct $name {
            $(
                $(#[$field_meta])*
                pub $field: $ty,
            )*
        }

        impl $crate::i18n::texts::Texts for $name {
            #[allow(unused_variables)]
            fn texts(&self, path: &str, out: &mut Vec<(String, String)>) {
                $(
                    $crate::i18n::texts::Texts::texts(
                        &self.$field,
                        &$crate::i18n::texts::join(path, stringify!($field)),
                        out,
                    );
                )*
            }
        }
    };
}
pub(crate) use catalogue_struct;
