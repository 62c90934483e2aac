//! How the columns of a table share a pane's width. Each column has a
//! least width and a rank in which it is given up when the pane is narrow
//! (0 = never); the ones that grow share what is left in proportion to
//! their share, each up to its own limit.
//!
//! Identifiers (ticket numbers, customer codes) are sized by their values
//! ([`whole`]) and never given up, so a narrow terminal drops a less
//! useful column before it cuts `#10234` to `#102…`.

use crate::domain::text::width;

/// A column of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Col {
    /// The least width (the whole width of a column that does not grow).
    pub width: usize,
    /// Columns with the highest rank are given up first; 0 = never.
    pub drop_rank: u8,
    /// Share of the spare width this column takes (0 = it does not grow).
    pub grow: u16,
    /// The column grows no wider than this: its widest value.
    pub max: usize,
}

pub const fn col(width: usize, drop_rank: u8) -> Col {
    Col {
        width,
        drop_rank,
        grow: 0,
        max: usize::MAX,
    }
}

/// A column that is never given up and takes what is left.
pub const fn flex(min: usize) -> Col {
    grows(min, 1, 0)
}

/// A column of at least `min` that takes `share` parts of the spare width.
pub const fn grows(min: usize, share: u16, drop_rank: u8) -> Col {
    Col {
        width: min,
        drop_rank,
        grow: share,
        max: usize::MAX,
    }
}

impl Col {
    /// Grows no wider than `max` (never below its least width): a column of
    /// short names stops at its longest name and leaves the rest to others.
    pub fn up_to(self, max: usize) -> Col {
        Col {
            max: max.max(self.width),
            ..self
        }
    }
}

/// A column as wide as the widest of `labels` (a language's words for the
/// values it shows, and its title), so each shows whole in every language:
/// the English "after-sales" and the Chinese "社交媒体" alike.
pub fn col_for<'a>(labels: impl IntoIterator<Item = &'a str>, drop_rank: u8) -> Col {
    col(labels.into_iter().map(width).max().unwrap_or(0), drop_rank)
}

/// A column for identifiers: as wide as the widest value shown and its
/// title, and never given up — a cut number names another record.
pub fn whole<'a>(title: &'a str, values: impl IntoIterator<Item = &'a str>) -> Col {
    col_for(values.into_iter().chain([title]), 0)
}

/// Widths of the columns that fit in `total` (0 for a dropped one), one
/// space between columns; growing columns share the rest.
pub fn widths(cols: &[Col], total: usize) -> Vec<usize> {
    let mut keep: Vec<bool> = vec![true; cols.len()];
    let need = |keep: &[bool]| -> usize {
        let shown: Vec<&Col> = cols.iter().zip(keep).filter(|(_, k)| **k).map(|(c, _)| c).collect();
        shown.iter().map(|c| c.width).sum::<usize>() + shown.len().saturating_sub(1)
    };
    let mut ranks: Vec<u8> = cols.iter().map(|c| c.drop_rank).filter(|r| *r > 0).collect();
    ranks.sort_unstable_by(|a, b| b.cmp(a));
    ranks.dedup();
    for rank in ranks {
        if need(&keep) <= total {
            break;
        }
        for (k, c) in keep.iter_mut().zip(cols) {
            if c.drop_rank == rank {
                *k = false;
            }
        }
    }
    let mut out: Vec<usize> = cols
        .iter()
        .zip(&keep)
        .map(|(c, k)| if *k { c.width } else { 0 })
        .collect();
    share_out(cols, &keep, &mut out, total.saturating_sub(need(&keep)));
    out
}

/// Gives `spare` columns to the shown growing columns by their shares, each
/// up to its limit; what a full column cannot take goes to the others.
fn share_out(cols: &[Col], keep: &[bool], out: &mut [usize], mut spare: usize) {
    loop {
        let open: Vec<usize> = (0..cols.len())
            .filter(|&i| keep[i] && cols[i].grow > 0 && out[i] < cols[i].max)
            .collect();
        let shares: usize = open.iter().map(|&i| usize::from(cols[i].grow)).sum();
        if spare == 0 || shares == 0 {
            return;
        }
        let mut given = 0;
        for &i in &open {
            let part = (spare * usize::from(cols[i].grow) / shares).min(cols[i].max - out[i]);
            out[i] += part;
            given += part;
        }
        // Rounding left a few columns: one each, in order, to whoever has room.
        if given == 0 {
            for &i in &open {
                if given < spare && out[i] < cols[i].max {
                    out[i] += 1;
                    given += 1;
                }
            }
        }
        spare -= given;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A column sized for its words counts a Chinese character as two
    /// columns, so in every language each word of its vocabulary fits.
    #[test]
    fn a_column_for_a_vocabulary_fits_its_widest_word() {
        assert_eq!(col_for(["phone", "meeting", "SMS"], 1).width, 7);
        assert_eq!(col_for(["电话", "在线客服", "社交媒体"], 1).width, 8);
        assert_eq!(col_for(["Tier", "HV", "RISK"], 0).width, 4);
        assert_eq!(whole("#", ["7", "10234", "99"]), col(5, 0));
        assert_eq!(whole("单号", ["7"]), col(4, 0));
        for lang in crate::i18n::Lang::ALL {
            let s = lang.strings();
            let channels = col_for(s.channels.iter().map(|c| c.1), 1);
            for (_, label) in s.channels {
                assert_eq!(
                    super::super::cells::cell(label, channels.width).trim_end(),
                    *label,
                    "{lang:?}"
                );
            }
        }
    }

    #[test]
    fn columns_give_way_in_rank_order() {
        let cols = [col(7, 0), flex(10), col(8, 1), col(10, 2)];
        assert_eq!(widths(&cols, 60), vec![7, 32, 8, 10]);
        assert_eq!(widths(&cols, 30), vec![7, 13, 8, 0]);
        assert_eq!(widths(&cols, 18), vec![7, 10, 0, 0]);
        assert_eq!(widths(&cols, 5), vec![7, 10, 0, 0]);
    }

    /// (total, widths): a name column of share 1 up to 20 and a subject of
    /// share 2 without limit; the name stops at its longest value and the
    /// subject takes the rest; a spare column left by rounding is not lost.
    #[test]
    fn growing_columns_share_the_spare_width_up_to_their_limits() {
        let cols = [col(5, 0), grows(10, 1, 1), grows(12, 2, 0)];
        let cases: [(usize, [usize; 3]); 6] = [
            (29, [5, 10, 12]),
            (30, [5, 11, 12]),
            (32, [5, 11, 14]),
            (59, [5, 20, 32]),
            (200, [5, 20, 173]),
            (20, [5, 0, 14]),
        ];
        for (total, want) in cases {
            let got = widths(&[cols[0], cols[1].up_to(20), cols[2]], total);
            assert_eq!(got, want, "at {total}");
            if got[1] > 0 {
                assert_eq!(got.iter().sum::<usize>() + 2, total.max(29), "at {total}");
            }
        }
        // A limit below the least width keeps the least width.
        assert_eq!(grows(10, 1, 0).up_to(4).max, 10);
    }
}
