//! Words and labels in English and Dutch.
//!
//! They live in the `placement-text` crate, which every renderer in the workspace shares; this
//! module re-exports it so `placement_explain::Lang` and `placement_explain::i18n::num` keep
//! working for embedding tools.

pub use placement_text::{num, num_full, signed, Lang};
