//! A list of rows in sections, as the Reminders and Data quality views
//! show it: each section a heading with its count, perhaps its column
//! titles, then its rows; one row selected, moving over rows only, and the
//! screen scrolled so that row shows (keys move it with
//! `panes::cursor::moved`, headings and titles are not stops). Pure: what a section or a row is
//! stays with each view; here only indices and the lines they make.

/// A line of a sectioned list: a section heading with its count, the
/// section's column titles, or a row (its index over all the rows).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line<S> {
    Heading(S, usize),
    Titles(S),
    Row(usize),
}

/// The lines for `sections`, each with the indices of its rows: the
/// heading (always: an empty section says "0"), the column titles when
/// `titles` and the section has rows, then its rows. A view leaves out a
/// section it does not want headed at all.
pub fn lines<S: Copy>(sections: impl IntoIterator<Item = (S, Vec<usize>)>, titles: bool) -> Vec<Line<S>> {
    let mut out = Vec::new();
    for (section, rows) in sections {
        out.push(Line::Heading(section, rows.len()));
        if titles && !rows.is_empty() {
            out.push(Line::Titles(section));
        }
        out.extend(rows.into_iter().map(Line::Row));
    }
    out
}

/// The first line to show so the selected row is on screen, with its
/// section heading and column titles when there is room.
pub fn first_line<S>(lines: &[Line<S>], selected: usize, height: usize) -> usize {
    let height = height.max(1);
    let Some(at) = lines.iter().position(|l| matches!(l, Line::Row(i) if *i == selected)) else {
        return 0;
    };
    // The heading and titles of the row's section, when they are just above.
    let mut with_heading = at;
    while with_heading > 0 && !matches!(lines[with_heading - 1], Line::Row(_)) {
        with_heading -= 1;
        if matches!(lines[with_heading], Line::Heading(..)) {
            break;
        }
    }
    if with_heading + height > at + 1 {
        // Scrolling as little as possible: from the top while it fits.
        (at + 1).saturating_sub(height).min(with_heading)
    } else {
        at + 1 - height
    }
}

/// The mouse wheel: `delta` rows down (or up), within the list.
pub fn shifted(selected: usize, delta: isize, len: usize) -> usize {
    selected.saturating_add_signed(delta).min(len.saturating_sub(1))
}

/// The selection after the rows were read again: the row that was
/// selected (`before`, its identity) if it is still among the `len` new
/// ones, otherwise whatever took its place, so a row done or merged leaves
/// the cursor on its neighbour; always within the list.
pub fn reselected<I: PartialEq>(
    selected: usize,
    before: Option<I>,
    len: usize,
    identity: impl Fn(usize) -> Option<I>,
) -> usize {
    let kept = before.and_then(|b| (0..len).position(|i| identity(i).as_ref() == Some(&b)));
    kept.unwrap_or(selected).min(len.saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::Line::*;
    use super::*;

    #[test]
    fn lines_head_every_section_and_title_only_those_with_rows() {
        type Case = (Vec<(char, Vec<usize>)>, bool, Vec<Line<char>>);
        let cases: Vec<Case> = vec![
            (
                vec![('a', vec![0, 1]), ('b', vec![]), ('c', vec![2])],
                false,
                vec![
                    Heading('a', 2),
                    Row(0),
                    Row(1),
                    Heading('b', 0),
                    Heading('c', 1),
                    Row(2),
                ],
            ),
            (
                vec![('a', vec![0]), ('b', vec![1, 2])],
                true,
                vec![
                    Heading('a', 1),
                    Titles('a'),
                    Row(0),
                    Heading('b', 2),
                    Titles('b'),
                    Row(1),
                    Row(2),
                ],
            ),
            (
                vec![('a', vec![]), ('b', vec![0])],
                true,
                vec![Heading('a', 0), Heading('b', 1), Titles('b'), Row(0)],
            ),
            (
                vec![('a', vec![]), ('b', vec![])],
                true,
                vec![Heading('a', 0), Heading('b', 0)],
            ),
            (vec![], true, vec![]),
        ];
        for (sections, titles, want) in cases {
            let label = format!("{sections:?} titles {titles}");
            assert_eq!(lines(sections, titles), want, "{label}");
        }
    }

    #[test]
    fn the_selected_row_stays_on_screen_with_its_heading_when_it_fits() {
        // H 0..4 H(empty) H 5..9 → 13 lines, no titles.
        let plain = lines(
            [('o', (0..5).collect()), ('t', vec![]), ('u', (5..10).collect())],
            false,
        );
        // H T 0 1 H T 2 3 4 5 → ten lines.
        let titled = lines([('d', vec![0, 1]), ('m', vec![2, 3, 4, 5])], true);
        let cases = [
            // (lines, selected, height, first line)
            (&plain, 0, 4, 0),
            (&plain, 3, 4, 1),
            (&plain, 4, 4, 2),
            (&plain, 5, 4, 5),
            (&plain, 9, 4, 9),
            (&plain, 9, 20, 0),
            (&plain, 5, 1, 8),
            (&titled, 0, 3, 0),
            (&titled, 1, 3, 1),
            // Scrolled as little as possible: the heading shows, and a row above.
            (&titled, 2, 4, 3),
            (&titled, 2, 3, 4),
            (&titled, 5, 4, 6),
            (&titled, 5, 20, 0),
            (&titled, 5, 1, 9),
            // A row that is not there: from the top.
            (&titled, 42, 3, 0),
        ];
        for (lines, selected, height, want) in cases {
            assert_eq!(first_line(lines, selected, height), want, "{selected} in {height}");
        }
    }

    #[test]
    fn the_wheel_stops_at_the_ends() {
        let wheel = [(0, -3, 5, 0), (1, 3, 5, 4), (4, 2, 5, 4), (2, -1, 5, 1), (0, 1, 0, 0)];
        for (selected, delta, len, want) in wheel {
            assert_eq!(shifted(selected, delta, len), want, "{delta} from {selected}");
        }
    }

    #[test]
    fn a_reload_keeps_the_same_row_or_its_place() {
        let cases: [(usize, Option<i64>, &[i64], usize); 6] = [
            // (selected, its identity, the new rows, selected after)
            // Another row came in before it: the selection follows it.
            (1, Some(2), &[9, 1, 2, 3], 2),
            // It is gone: its neighbour takes its place.
            (2, Some(2), &[9, 1, 3], 2),
            // It and everything after it are gone: the last row.
            (2, Some(3), &[9], 0),
            (0, Some(9), &[], 0),
            // Nothing was selected before.
            (3, None, &[1, 2], 1),
            (0, None, &[1, 2], 0),
        ];
        for (selected, before, rows, want) in cases {
            let identity = |i: usize| rows.get(i).copied();
            assert_eq!(
                reselected(selected, before, rows.len(), identity),
                want,
                "{before:?} in {rows:?}"
            );
        }
    }
}
