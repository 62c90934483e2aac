//! English: cli_admin.

use crate::i18n::catalog::cli_admin::CliAdminStrings;

pub const CLI_ADMIN: CliAdminStrings = CliAdminStrings {};
