//! A ticket's attachments and their contents, for `mail attachments`,
//! `mail save` and `ticket show`. Contents are handed out as bytes to
//! write; nothing here runs or renders them.

use crate::domain::error::Entity;
use crate::domain::mail::AttachmentInfo;
use crate::service::Error;
use crate::store::Store;

/// The attachments of ticket `ticket_id` (which must exist), in arrival order.
pub fn of_ticket(store: &mut Store, ticket_id: i64) -> Result<Vec<AttachmentInfo>, Error> {
    store.read(|tx| {
        tx.ticket(ticket_id)?;
        Ok(tx.ticket_attachments(ticket_id)?)
    })
}

/// One attachment and its bytes; an unknown id is not found.
pub fn content(store: &mut Store, id: i64) -> Result<(AttachmentInfo, Vec<u8>), Error> {
    store
        .read(|tx| Ok::<_, Error>(tx.attachment_content(id)?))?
        .ok_or(Error::NotFound {
            entity: Entity::Attachment,
            key: id.to_string(),
        })
}
