//! Text helpers shared by the stages, one concept a module: reading the data files
//! ([`data_lines`]), lowercasing ([`lowercase_into`]), cutting on a character boundary
//! ([`prefix`]).
//!
//! Where do I put…
//!
//! | a helper that… | goes in |
//! | --- | --- |
//! | reads a word list or table under `stages/src/*/data` | [`data_lines`] / [`entries`] |
//! | is used by one stage only | that stage's module |
//! | is used by two stages or more | a module here, one concept a file |

mod data_lines;
mod lowercase;

pub use data_lines::{data_lines, entries};
pub use lowercase::{lowercase_into, prefix};
