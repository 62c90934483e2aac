//! The Data quality view: entering and leaving it, moving, opening or
//! editing the customer of a row, the merge and archive confirmations, and
//! the lists and results coming back.

use crate::app::action::Action;
use crate::app::keys::Key;
use crate::app::model::Model;
use crate::app::msg::{Effect, Msg};
use crate::app::quality::{ArchiveConfirm, Confirm, MergeConfirm, Quality, Row};
use crate::app::screens::Screen;
use crate::domain::text::sanitize_line;
use crate::i18n::fill;
use crate::service::quality::DEFAULT_INACTIVE_DAYS;

/// `h`: the full-screen Data quality view. The one place that turns it
/// on, so the other full-screen modes give way here.
pub fn enter(model: &mut Model) -> Vec<Effect> {
    model.screens.enter(Screen::Quality(Quality {
        loading: true,
        ..Quality::default()
    }));
    vec![Effect::LoadQuality]
}

/// Esc or `q`: back to the panes, read again as merges, archiving and
/// edits made here changed them.
pub fn leave(model: &mut Model) -> Vec<Effect> {
    model.screens.leave_screen();
    super::reload(model)
}

/// Everything on screen is read again: the lists, and what an open
/// confirmation counted (another agent may have added a ticket, or
/// contacted a customer about to be archived). Not while a change is sent.
pub fn reload_effects(model: &Model) -> Vec<Effect> {
    let Some(quality) = model.screens.quality() else {
        return Vec::new();
    };
    let mut effects = vec![Effect::LoadQuality];
    match &quality.confirm {
        Some(Confirm::Merge(m)) if !m.busy => effects.push(Effect::LoadMergeCounts(m.keep.id, m.duplicate.id)),
        Some(Confirm::Archive(a)) if !a.busy => effects.extend(a.days().map(Effect::FindInactive)),
        _ => {}
    }
    effects
}

/// Rows of the list on screen (its box).
pub fn list_height(model: &Model) -> usize {
    let (_, height) = crate::app::layout::inner_size(model.screen().body);
    height
}

pub fn movement(model: &mut Model, action: Action) {
    let height = list_height(model);
    if let Some(quality) = model.screens.quality_mut() {
        quality.apply(action, height);
    }
}

/// The mouse wheel over the list.
pub fn shift(model: &mut Model, delta: isize) {
    if let Some(quality) = model.screens.quality_mut()
        && quality.confirm.is_none()
    {
        quality.shift(delta);
    }
}

/// Enter: the card of the row's customer (a pair's first) over the list.
pub fn open(model: &mut Model) -> Vec<Effect> {
    match model
        .screens
        .quality()
        .and_then(|q| q.selected_customer())
        .map(|c| c.id)
    {
        Some(id) => super::actions::open_card(model, id),
        None => Vec::new(),
    }
}

/// What the view does with its own actions and with Close; `None` for
/// actions it leaves to the rest of the app.
pub fn apply(model: &mut Model, action: Action) -> Option<Vec<Effect>> {
    let confirming = model.screens.quality().is_some_and(|q| q.confirm.is_some());
    Some(match action {
        Action::Merge => ask_merge(model),
        Action::ArchiveInactive => ask_archive(model),
        Action::SwapKeep => {
            if let Some(Confirm::Merge(m)) = confirm_mut(model)
                && !m.busy
            {
                m.swap();
            }
            Vec::new()
        }
        Action::Confirm => confirm(model),
        Action::Close if confirming => {
            // A change already sent is not taken back by closing.
            if let Some(quality) = model.screens.quality_mut()
                && !quality.confirm.as_ref().is_some_and(busy)
            {
                quality.confirm = None;
            }
            Vec::new()
        }
        _ => return None,
    })
}

fn busy(confirm: &Confirm) -> bool {
    match confirm {
        Confirm::Merge(m) => m.busy,
        Confirm::Archive(a) => a.busy,
    }
}

fn confirm_mut(model: &mut Model) -> Option<&mut Confirm> {
    model.screens.quality_mut()?.confirm.as_mut()
}

/// `M` on a pair: the confirmation, the first customer kept, while what
/// each would bring along is counted.
fn ask_merge(model: &mut Model) -> Vec<Effect> {
    let s = model.strings.quality;
    let Some(quality) = model.screens.quality_mut() else {
        return Vec::new();
    };
    let pair = match quality.selected() {
        Some(Row::Pair(pair)) => pair.clone(),
        other => {
            let why = if other.is_some() {
                s.msg_not_a_pair
            } else {
                s.msg_no_row
            };
            model.warn(why.to_string());
            return Vec::new();
        }
    };
    let (first, second) = (pair.first.id, pair.second.id);
    quality.confirm = Some(Confirm::Merge(Box::new(MergeConfirm {
        keep: pair.first,
        duplicate: pair.second,
        counts: None,
        error: None,
        busy: false,
    })));
    vec![Effect::LoadMergeCounts(first, second)]
}

/// `A`: the confirmation with the default days, while a dry run counts.
fn ask_archive(model: &mut Model) -> Vec<Effect> {
    let Some(quality) = model.screens.quality_mut() else {
        return Vec::new();
    };
    quality.confirm = Some(Confirm::Archive(ArchiveConfirm::new(DEFAULT_INACTIVE_DAYS)));
    vec![Effect::FindInactive(DEFAULT_INACTIVE_DAYS)]
}

/// `y` or Enter in a confirmation: the change is sent once.
fn confirm(model: &mut Model) -> Vec<Effect> {
    enum Next {
        Send(Effect),
        NothingToDo,
        StillLooking,
        Ignore,
    }
    let s = model.strings.quality;
    let next = match confirm_mut(model) {
        Some(Confirm::Merge(m)) if !m.busy => {
            m.busy = true;
            Next::Send(Effect::Merge {
                keep: m.keep.id,
                duplicate: m.duplicate.id,
            })
        }
        Some(Confirm::Archive(a)) if !a.busy => match (a.found.as_ref().map(Vec::len), a.days()) {
            (Some(found), Some(days)) if found > 0 => {
                a.busy = true;
                Next::Send(Effect::ArchiveInactive(days))
            }
            (Some(_), Some(_)) => Next::NothingToDo,
            // Days refused by the dry run: the dialog shows why already.
            _ if a.error.is_some() => Next::Ignore,
            _ => Next::StillLooking,
        },
        _ => Next::Ignore,
    };
    match next {
        Next::Send(effect) => return vec![effect],
        Next::NothingToDo => {
            if let Some(quality) = model.screens.quality_mut() {
                quality.confirm = None;
            }
            model.say(s.msg_nothing_to_archive.to_string());
        }
        Next::StillLooking => model.warn(s.msg_still_counting.to_string()),
        Next::Ignore => {}
    }
    Vec::new()
}

/// A key bound to nothing while the archive confirmation is open: digits
/// and Backspace change the days, and the dry run runs again. True when
/// the key was taken.
pub fn text(model: &mut Model, key: Key) -> Option<Vec<Effect>> {
    let Some(Confirm::Archive(a)) = confirm_mut(model) else {
        return None;
    };
    if a.busy || !a.edit(key) {
        return Some(Vec::new());
    }
    Some(a.days().map(Effect::FindInactive).into_iter().collect())
}

/// The lists, counts, dry runs and changes coming back.
pub fn result(model: &mut Model, msg: Msg) -> Vec<Effect> {
    let s = model.strings.quality;
    match msg {
        Msg::Quality(Ok(review)) => {
            if let Some(quality) = model.screens.quality_mut() {
                quality.load(*review);
            }
        }
        Msg::Quality(Err(why)) => {
            if let Some(quality) = model.screens.quality_mut() {
                quality.failed();
            }
            model.warn(fill(model.strings.msg_error, &[("why", &why)]));
        }
        Msg::MergeCounts(first, second, counts) => {
            if let Some(Confirm::Merge(m)) = confirm_mut(model) {
                // The counts are (first's, second's); the dialog may have
                // been swapped meanwhile.
                let ordered = |(a, b)| if m.keep.id == first { (a, b) } else { (b, a) };
                let same_pair = [first, second].contains(&m.keep.id) && [first, second].contains(&m.duplicate.id);
                if same_pair {
                    match counts {
                        Ok(pair) => m.counts = Some(ordered(pair)),
                        Err(why) => m.error = Some(why),
                    }
                }
            }
        }
        Msg::Merged(Ok(report)) => {
            let moved = crate::app::quality_doc::moved_text(s, &report.moved);
            let text = fill(
                s.msg_merged,
                &[
                    ("duplicate", &report.duplicate.code),
                    ("keep", &report.keep.code),
                    ("moved", &moved),
                ],
            );
            return done(model, text);
        }
        Msg::Merged(Err(why)) => return refused(model, fill(s.msg_merge_failed, &[("reason", &why)])),
        Msg::InactiveFound(days, found) => {
            if let Some(Confirm::Archive(a)) = confirm_mut(model)
                && a.days() == Some(days)
            {
                match found {
                    Ok(list) => a.found = Some(list),
                    Err(why) => a.error = Some(why),
                }
            }
        }
        Msg::ArchivedInactive(days, Ok(count)) => {
            let text = s.msg_archived.of(count as i64, &[("days", &days.to_string())]);
            return done(model, text);
        }
        Msg::ArchivedInactive(_, Err(why)) => {
            return refused(model, fill(s.msg_archive_failed, &[("reason", &why)]));
        }

        _ => {}
    }
    Vec::new()
}

/// A change made: the dialog closes, it is announced, and everything on
/// screen (the lists too) is read again.
fn done(model: &mut Model, text: String) -> Vec<Effect> {
    if let Some(quality) = model.screens.quality_mut() {
        quality.confirm = None;
    }
    model.say(sanitize_line(&text).into_owned());
    super::reload(model)
}

/// A change refused (role, archived, the same customer): nothing was
/// written; the dialog closes and the footer gives the service's words.
fn refused(model: &mut Model, text: String) -> Vec<Effect> {
    if let Some(quality) = model.screens.quality_mut() {
        quality.confirm = None;
    }
    model.warn(sanitize_line(&text).into_owned());
    Vec::new()
}
