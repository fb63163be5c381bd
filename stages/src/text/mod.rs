//! Text helpers shared by the stages, one concept a module: reading the data files
//! ([`data_lines`], [`entries`], [`class_lines`]), lowercasing ([`lowercase_into`]), cutting on a
//! character boundary ([`prefix`]), quotation marks ([`is_quote_mark`],
//! [`is_paired_quote_mark`], [`quote_pairs`]), people's names ([`NameIndex`], [`latest_before`];
//! [`names`] says what the quotes and sentiment resolvers share and what they do not). Language codes have one table, in
//! [`crate::lang`] ([`iso639_1`](crate::lang::iso639_1),
//! [`language_name`](crate::lang::language_name)).
//!
//! Where do I put…
//!
//! | a helper that… | goes in |
//! | --- | --- |
//! | reads a word list or table under `stages/src/*/data` | [`data_lines`] / [`entries`] / [`class_lines`] |
//! | tells quotation marks apart | [`is_quote_mark`], [`is_paired_quote_mark`], [`quote_pairs`] |
//! | resolves a person's name (fullest name, latest mention) | [`NameIndex`], [`latest_before`] |
//! | tells a person's gender (given names, titles, pronouns) | [`gender`] |
//! | maps a language code | [`crate::lang::iso639_1`], [`crate::lang::language_name`] |
//! | is used by one stage only | that stage's module |
//! | is used by two stages or more | a module here, one concept a file |

mod data_lines;
pub mod gender;
mod lowercase;
pub mod names;
mod packed;
mod quote_marks;

pub use data_lines::{class_lines, data_lines, entries};
pub use lowercase::{lowercase_into, prefix};
pub use names::{latest_before, NameIndex};
pub use packed::{pack_word, PACKED_WORD_BYTES};
pub use quote_marks::{is_paired_quote_mark, is_quote_mark, quote_pairs};
