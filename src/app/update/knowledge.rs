//! The knowledge base: `K` opens its screen, `<C-k>` in a reply or a note
//! its search over the form; searching as typed, reading, adding, and the
//! chosen article going into the text.

use crate::app::action::Action;
use crate::app::forms::article;
use crate::app::keys::Key;
use crate::app::knowledge::{self, Knowledge};
use crate::app::model::Model;
use crate::app::msg::{Effect, Msg, Saved};
use crate::app::screens::{Kind, Screen};
use crate::domain::text::sanitize_line;
use crate::i18n::fill;

/// What the knowledge base does with an action: its own key (`knowledge`)
/// from anywhere, and the keys of its screen or search when on top.
/// `None`: the usual handling.
pub fn apply(model: &mut Model, action: Action) -> Option<Vec<Effect>> {
    match model.screens.top_kind() {
        Kind::KnowledgePick => return pick_action(model, action),
        Kind::Knowledge => {
            if let Some(effects) = screen_action(model, action) {
                return Some(effects);
            }
        }
        _ => {}
    }
    if action != Action::Knowledge {
        return None;
    }
    Some(match model.screens.top_kind() {
        Kind::Form => from_form(model),
        _ => enter(model),
    })
}

/// `K`: the full screen, most used first. Already there, it stays as it is.
fn enter(model: &mut Model) -> Vec<Effect> {
    if model.screens.knowledge().is_some() {
        return Vec::new();
    }
    model.screens.enter(Screen::Knowledge(Knowledge::browse()));
    vec![Effect::LoadArticles(String::new())]
}

/// `<C-k>` in a form: over a reply or a note, the search that inserts into
/// it. Other forms keep the key's editing meaning (cut to the end of the
/// line), as their fields had it before the knowledge base took the key.
fn from_form(model: &mut Model) -> Vec<Effect> {
    let Some(form) = model.screens.form_mut() else {
        return Vec::new();
    };
    match knowledge::ticket_of(form) {
        Some(ticket) => {
            // Opened anew on top, even if an old one was left under a form.
            model.screens.take_knowledge_pick();
            model.screens.open_knowledge_pick(Knowledge::pick(ticket));
            vec![Effect::LoadArticles(String::new())]
        }
        None => {
            form.handle_key(Key::ctrl('k'));
            Vec::new()
        }
    }
}

/// Rows of the list of the screen or of the search on top.
fn list_height(model: &Model, picking: bool) -> usize {
    let body = model.screen().body;
    let area = if picking {
        knowledge::pick_area(body)
    } else {
        knowledge::screen_area(body)
    };
    usize::from(knowledge::parts(knowledge::inner(area)).list.height)
}

/// Lines of the article being read on the screen, and the rows they show in.
fn reading_size(model: &Model) -> (usize, usize) {
    let inner = knowledge::inner(knowledge::screen_area(model.screen().body));
    let lines = model
        .screens
        .knowledge()
        .and_then(Knowledge::read_article)
        .map_or(0, |a| {
            knowledge::article_doc(model.strings, a, usize::from(inner.width))
                .lines
                .len()
        });
    (lines, usize::from(inner.height))
}

fn screen_action(model: &mut Model, action: Action) -> Option<Vec<Effect>> {
    let height = list_height(model, false);
    let (lines, rows) = reading_size(model);
    let k = model.screens.knowledge_mut()?;
    if k.searching {
        return Some(match action {
            // Enter keeps the search and gives the list the keys.
            Action::Open => {
                k.searching = false;
                Vec::new()
            }
            // Esc drops the search: all the articles again.
            Action::Close => {
                k.searching = false;
                k.query.clear();
                vec![Effect::LoadArticles(String::new())]
            }
            _ if action.is_movement() => {
                k.cursor.apply(action, k.articles.len(), height);
                Vec::new()
            }
            _ => return None,
        });
    }
    Some(match action {
        Action::Close if k.reading.is_some() => {
            k.reading = None;
            Vec::new()
        }
        Action::Close => {
            model.screens.leave_screen();
            Vec::new()
        }
        _ if action.is_movement() => {
            match &mut k.reading {
                Some((_, scroll)) => scroll.apply(action, lines, rows),
                None => k.cursor.apply(action, k.articles.len(), height),
            };
            Vec::new()
        }
        Action::Open => {
            k.reading = k.selected().map(|a| (a.id, Default::default()));
            Vec::new()
        }
        Action::Filter => {
            k.reading = None;
            k.searching = true;
            Vec::new()
        }
        Action::Refresh => vec![Effect::LoadArticles(k.query.text().to_string())],
        Action::New => {
            let form = article::new_article(model.strings);
            super::records::open_form(model, form);
            Vec::new()
        }
        _ => return None,
    })
}

/// Enter puts the selected article into the reply or note under the
/// search; Esc goes back to it unchanged.
fn pick_action(model: &mut Model, action: Action) -> Option<Vec<Effect>> {
    let height = list_height(model, true);
    let picker = model.screens.knowledge_pick_mut()?;
    match action {
        _ if action.is_movement() => {
            picker.cursor.apply(action, picker.articles.len(), height);
        }
        Action::Close => {
            model.screens.take_knowledge_pick();
        }
        Action::Open => insert(model),
        _ => return None,
    }
    Some(Vec::new())
}

fn insert(model: &mut Model) {
    let Some(picker) = model.screens.knowledge_pick() else {
        return;
    };
    let knowledge::Mode::Pick { ticket } = picker.mode else {
        return;
    };
    // Nothing found: nothing to insert, the search stays for another try.
    let Some(chosen) = picker.selected().cloned() else {
        return;
    };
    model.screens.take_knowledge_pick();
    let Some(form) = model
        .screens
        .form_mut()
        .filter(|f| knowledge::ticket_of(f) == Some(ticket))
    else {
        return;
    };
    knowledge::insert(form, &chosen);
    let text = fill(model.strings.knowledge.inserted, &[("title", &chosen.title)]);
    model.say(sanitize_line(&text).into_owned());
}

/// A key bound to nothing while the search line has the keys: the search
/// changes, and is run again.
pub fn text(model: &mut Model, key: Key) -> Vec<Effect> {
    let k = match model.screens.top_kind() {
        Kind::KnowledgePick => model.screens.knowledge_pick_mut(),
        Kind::Knowledge => model.screens.knowledge_mut().filter(|k| k.searching),
        _ => None,
    };
    match k {
        Some(k) => {
            if k.query.handle(key) {
                vec![Effect::LoadArticles(k.query.text().to_string())]
            } else {
                Vec::new()
            }
        }
        None => Vec::new(),
    }
}

/// The screen changed size: the selected article stays in sight.
pub fn clamp(model: &mut Model) {
    let (screen_rows, pick_rows) = (list_height(model, false), list_height(model, true));
    if let Some(k) = model.screens.knowledge_mut() {
        k.cursor.clamp(k.articles.len(), screen_rows);
    }
    if let Some(k) = model.screens.knowledge_pick_mut() {
        k.cursor.clamp(k.articles.len(), pick_rows);
    }
}

/// The mouse wheel over the list.
pub fn shift(model: &mut Model, delta: isize) {
    let picking = model.screens.top_kind() == Kind::KnowledgePick;
    let height = list_height(model, picking);
    let k = if picking {
        model.screens.knowledge_pick_mut()
    } else {
        model.screens.knowledge_mut().filter(|k| k.reading.is_none())
    };
    if let Some(k) = k {
        k.cursor.shift(delta, k.articles.len(), height);
    }
}

/// Articles read: for the screen, the search over a form, or both.
pub fn result(model: &mut Model, msg: Msg) -> Vec<Effect> {
    let Msg::Articles(query, result) = msg else {
        return Vec::new();
    };
    let articles = match result {
        Ok(articles) => articles,
        Err(why) => {
            model.warn(fill(model.strings.msg_error, &[("why", &why)]));
            return Vec::new();
        }
    };
    let (screen_rows, pick_rows) = (list_height(model, false), list_height(model, true));
    if let Some(k) = model.screens.knowledge_mut() {
        k.loaded(&query, articles.clone(), screen_rows);
    }
    if let Some(k) = model.screens.knowledge_pick_mut() {
        k.loaded(&query, articles, pick_rows);
    }
    Vec::new()
}

/// An article was added from the form: said, and the list read again.
pub fn saved(model: &mut Model, saved: Saved) -> Vec<Effect> {
    let Saved::ArticleAdded { id, title } = saved else {
        return Vec::new();
    };
    let text = fill(
        model.strings.knowledge.added,
        &[("id", &id.to_string()), ("title", &title)],
    );
    model.say(sanitize_line(&text).into_owned());
    reload_effects(model)
}

/// Another agent wrote, or an article was added: the searches on screen
/// run again.
pub fn reload_effects(model: &Model) -> Vec<Effect> {
    let mut effects: Vec<Effect> = Vec::new();
    let queries = [model.screens.knowledge(), model.screens.knowledge_pick()];
    for k in queries.into_iter().flatten() {
        let query = k.query.text().to_string();
        if !effects
            .iter()
            .any(|e| matches!(e, Effect::LoadArticles(q) if *q == query))
        {
            effects.push(Effect::LoadArticles(query));
        }
    }
    effects
}
