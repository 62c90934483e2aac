//! Key-sequence tests of `update`: no terminal, no file.
