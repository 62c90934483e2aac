//! The words of `copy` (a whole database from one engine to another),
//! kept beside the main catalogue and reached through `Strings::copy`.

crate::i18n::texts::catalogue_struct! {
    pub struct CopyStrings {
        /// The destination holds data: `{target}` the database, `{table}`
        /// the first table found with rows. Nothing was written.
        pub not_empty: &'static str,
        /// The user pressed Ctrl-C: the destination was left as it was.
        pub cancelled: &'static str,
        /// Done: `{rows}` rows of `{tables}` tables from `{from}` to `{to}`.
        pub copied: &'static str,
        /// `doctor` on a server: the label of the constraints' line.
        pub doctor_constraints: &'static str,
        /// A constraint added NOT VALID: rows may break it.
        pub unvalidated: &'static str,
        /// A table of the schema missing from the server's database.
        pub missing_table: &'static str,
    }
}
