//! The form for a new knowledge-base article (`n` in the knowledge base):
//! title, kind (FAQ, case or reply script), tags and the text inserted
//! into replies. Each field is checked with the rule `kb add` applies.

use super::{Field, FieldKind, Form, FormKind, Submission, options};
use crate::domain::kb::ArticleKind;
use crate::domain::validate::{self, LINE_MAX, TEXT_MAX};
use crate::i18n::Strings;

/// A new article as typed, for `service::kb::add`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleInput {
    pub title: String,
    pub body: String,
    pub kind: String,
    pub tags: Option<String>,
}

const KINDS: [ArticleKind; 3] = [ArticleKind::Faq, ArticleKind::Case, ArticleKind::Script];

pub fn new_article(s: &Strings) -> Form {
    let fields = vec![
        Field::new("title", FieldKind::Line, "")
            .required()
            .check(|v| validate::required("title", v, LINE_MAX).map(drop)),
        Field::new(
            "kind",
            options(KINDS.iter().map(|k| k.key()), false),
            ArticleKind::Faq.key(),
        ),
        Field::new("tags", FieldKind::Line, "").check(|v| validate::tags(v).map(drop)),
        // Its own key, not `body`: a ticket's body is its description, an
        // article's is the text that goes into replies.
        Field::new("text", FieldKind::Long, "")
            .required()
            .check(|v| validate::required("body", v, TEXT_MAX).map(drop)),
    ];
    Form::new(FormKind::NewArticle, s.knowledge.form_title.to_string(), fields)
}

pub(super) fn submission(form: &Form) -> Option<Submission> {
    Some(Submission::Article(ArticleInput {
        title: form.value("title").to_string(),
        body: form.value("text").to_string(),
        kind: form.value("kind").to_string(),
        tags: form.given("tags"),
    }))
}
