//! Classical multi-criteria decision methods on plain decision matrices.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
