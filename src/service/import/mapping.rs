//! `--map FILE`: how another system's export lines up with our columns.
//!
//! ```toml
//! subject = "Ticket Subject"          # canonical = "Their Column"
//! ignore = ["Customer Age"]           # their columns to leave out
//! [values.priority]                   # their value = our value
//! Critical = "urgent"
//! [defaults]                          # for canonical columns the file lacks
//! kind = "complaint"
//! ```

use crate::config::suggest::nearest;
use crate::domain::error::Invalid;
use crate::domain::excerpt::{VALUE_CHARS, excerpt};
use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone, Default)]
pub struct ColumnMap {
    /// their column → canonical column
    columns: HashMap<String, String>,
    ignore: HashSet<String>,
    /// canonical column → (their value → our value)
    values: HashMap<String, HashMap<String, String>>,
    defaults: HashMap<String, String>,
    /// The map file, named in the messages about its entries.
    file: String,
}

impl ColumnMap {
    /// Reads a map for an import whose canonical columns are `known`. An
    /// entry naming any other column (a slip like `nmae = "Full Name"`) is
    /// refused: ignored, it would leave the column it meant empty.
    pub fn parse(text: &str, file: &str, known: &[&str]) -> Result<ColumnMap, Invalid> {
        // toml's messages and the keys quote the file: a short excerpt only.
        let bad = |why: crate::domain::error::MapProblem| {
            Invalid::new("map", file, crate::domain::error::Reason::Map(Box::new(why)))
        };
        let short = |text: &str| excerpt(text, VALUE_CHARS);
        let table: toml::Table = toml::from_str(text).map_err(|e| {
            bad(crate::domain::error::MapProblem::Syntax {
                detail: excerpt(e.message(), VALUE_CHARS * 2),
            })
        })?;
        let canonical = |entry: &str, column: &str| -> Result<(), Invalid> {
            if known.contains(&column) {
                return Ok(());
            }
            let names: Vec<String> = known.iter().map(|k| k.to_string()).collect();
            // The entry quotes the file (a short excerpt); the known columns are ours, in full.
            Err(bad(crate::domain::error::MapProblem::UnknownEntry {
                entry: short(entry),
                nearest: nearest(column, &names).map(str::to_string),
                known: names.clone(),
            }))
        };
        let mut map = ColumnMap {
            file: file.to_string(),
            ..ColumnMap::default()
        };
        for (key, value) in table {
            match (key.as_str(), value) {
                ("ignore", toml::Value::Array(list)) => {
                    for item in list {
                        let name = item
                            .as_str()
                            .ok_or_else(|| bad(crate::domain::error::MapProblem::IgnoreNotNames))?;
                        map.ignore.insert(name.to_string());
                    }
                }
                ("values", toml::Value::Table(fields)) => {
                    for (field, pairs) in fields {
                        canonical(&format!("[values.{field}]"), &field)?;
                        let pairs = pairs.as_table().ok_or_else(|| {
                            bad(crate::domain::error::MapProblem::NotATable {
                                entry: short(&format!("[values.{field}]")),
                            })
                        })?;
                        let entry = map.values.entry(field.clone()).or_default();
                        for (theirs, ours) in pairs {
                            let ours = ours.as_str().ok_or_else(|| {
                                bad(crate::domain::error::MapProblem::NotText {
                                    entry: short(&format!("values.{field}.{theirs}")),
                                })
                            })?;
                            entry.insert(theirs.clone(), ours.to_string());
                        }
                    }
                }
                ("defaults", toml::Value::Table(fields)) => {
                    for (field, value) in fields {
                        canonical(&format!("[defaults] {field}"), &field)?;
                        let value = value.as_str().ok_or_else(|| {
                            bad(crate::domain::error::MapProblem::NotText {
                                entry: short(&format!("defaults.{field}")),
                            })
                        })?;
                        map.defaults.insert(field, value.to_string());
                    }
                }
                (ours, toml::Value::String(theirs)) => {
                    canonical(ours, ours)?;
                    map.columns.insert(theirs, ours.to_string());
                }
                (other, _) => {
                    return Err(bad(crate::domain::error::MapProblem::Unquoted { key: short(other) }));
                }
            }
        }
        Ok(map)
    }

    /// The canonical name of each header column (`None` = ignored), or why
    /// the header cannot be read: a column that is unknown, one that says
    /// the same thing as another (its values would silently replace the
    /// other's), or a map entry naming a column the file lacks (the user
    /// expects that field filled, and it would stay empty).
    pub fn resolve(&self, header: &[String], known: &[&str]) -> Result<Vec<Option<String>>, Invalid> {
        let mut out: Vec<Option<String>> = Vec::new();
        let mut unknown = Vec::new();
        for column in header {
            let name = column.trim();
            if self.ignore.contains(name) || (name.is_empty() && self.ignore.contains("")) {
                out.push(None);
            } else if let Some(canonical) = self.columns.get(name) {
                out.push(Some(canonical.clone()));
            } else if known.contains(&name) {
                out.push(Some(name.to_string()));
            } else {
                unknown.push(name.to_string());
                out.push(None);
            }
        }
        if !unknown.is_empty() {
            return Err(Invalid::new(
                "column",
                excerpt(&unknown.join(", "), VALUE_CHARS),
                crate::domain::error::Reason::Map(Box::new(crate::domain::error::MapProblem::UnknownColumns {
                    known: known.iter().map(|k| k.to_string()).collect(),
                })),
            ));
        }
        for (index, canonical) in out.iter().enumerate() {
            let Some(canonical) = canonical else { continue };
            if let Some(earlier) = out[..index].iter().position(|c| c.as_ref() == Some(canonical)) {
                return Err(Invalid::new(
                    "column",
                    header[index].trim(),
                    crate::domain::error::Reason::Map(Box::new(crate::domain::error::MapProblem::SecondTime {
                        canonical: canonical.clone(),
                        first: earlier + 1,
                        second: index + 1,
                    })),
                ));
            }
        }
        let mut missing: Vec<&String> = self
            .columns
            .keys()
            .filter(|theirs| !header.iter().any(|h| h.trim() == theirs.as_str()))
            .collect();
        missing.sort();
        if let Some(theirs) = missing.first() {
            return Err(Invalid::new(
                "map",
                self.file.as_str(),
                crate::domain::error::Reason::Map(Box::new(crate::domain::error::MapProblem::Lacks {
                    entry: self.columns[theirs.as_str()].clone(),
                    column: theirs.to_string(),
                    header: header.iter().map(|h| h.trim().to_string()).collect(),
                })),
            ));
        }
        Ok(out)
    }

    /// A row's value after value mapping.
    pub fn value(&self, canonical: &str, raw: &str) -> String {
        self.values
            .get(canonical)
            .and_then(|pairs| pairs.get(raw.trim()))
            .cloned()
            .unwrap_or_else(|| raw.to_string())
    }

    pub fn default_for(&self, canonical: &str) -> Option<&String> {
        self.defaults.get(canonical)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_columns_values_and_ignores() {
        let map = ColumnMap::parse(
            "subject = \"Ticket Subject\"\nignore = [\"Age\"]\n[values.priority]\nCritical = \"urgent\"\n[defaults]\nkind = \"complaint\"\n",
            "m.toml",
            &["subject", "priority", "kind"],
        )
        .unwrap();
        let header = vec!["Ticket Subject".to_string(), "Age".to_string(), "priority".to_string()];
        let resolved = map.resolve(&header, &["subject", "priority", "kind"]).unwrap();
        assert_eq!(resolved, vec![Some("subject".into()), None, Some("priority".into())]);
        assert_eq!(map.value("priority", "Critical"), "urgent");
        assert_eq!(map.value("priority", "low"), "low");
        assert_eq!(map.default_for("kind").map(String::as_str), Some("complaint"));
        let err = map.resolve(&["Shoe size".to_string()], &["subject"]).unwrap_err();
        assert_eq!((err.field.as_str(), err.value.as_str()), ("column", "Shoe size"));
        let err = ColumnMap::parse("subject = 3", "m.toml", &["subject"]).unwrap_err();
        assert_eq!(
            err.reason,
            crate::domain::error::Reason::Map(Box::new(crate::domain::error::MapProblem::Unquoted {
                key: "subject".into()
            }))
        );
        // A column given twice, and a map entry the file does not have.
        let twice = vec!["Ticket Subject".to_string(), "subject".to_string()];
        let err = map.resolve(&twice, &["subject"]).unwrap_err();
        assert_eq!((err.field.as_str(), err.value.as_str()), ("column", "subject"));
        let second = crate::domain::error::MapProblem::SecondTime {
            canonical: "subject".into(),
            first: 1,
            second: 2,
        };
        assert_eq!(err.reason, crate::domain::error::Reason::Map(Box::new(second)));
        let err = map.resolve(&["Age".to_string()], &["subject"]).unwrap_err();
        assert_eq!((err.field.as_str(), err.value.as_str()), ("map", "m.toml"));
        let crate::domain::error::Reason::Map(problem) = &err.reason else {
            panic!("{err}")
        };
        assert!(matches!(
            problem.as_ref(),
            crate::domain::error::MapProblem::Lacks { entry, column, .. } if entry == "subject" && column == "Ticket Subject"
        ));
        assert!(ColumnMap::parse("[values]\npriority = 1", "m.toml", &["priority"]).is_err());
    }

    #[test]
    fn an_entry_naming_no_column_is_refused_with_the_nearest() {
        let known = ["name", "phone", "kind"];
        let cases = [
            ("nmae = \"Full Name\"", "nmae", Some("name")),
            ("[defaults]\nknid = \"company\"", "[defaults] knid", Some("kind")),
            ("[values.phoen]\nx = \"y\"", "[values.phoen]", Some("phone")),
            ("shoe_size = \"Size\"", "shoe_size", None),
        ];
        for (text, entry, nearest) in cases {
            let err = ColumnMap::parse(text, "m.toml", &known).unwrap_err();
            assert_eq!((err.field.as_str(), err.value.as_str()), ("map", "m.toml"), "{text}");
            let want = crate::domain::error::MapProblem::UnknownEntry {
                entry: entry.into(),
                nearest: nearest.map(str::to_string),
                known: known.map(str::to_string).to_vec(),
            };
            assert_eq!(err.reason, crate::domain::error::Reason::Map(Box::new(want)), "{text}");
        }
    }
}
