//! Data parallelism behind the `parallel` feature (default on). With it, the engine's
//! per-country steps and the set's fingerprint run on rayon's thread pool; without it, the
//! same calls (`par_iter`, `into_par_iter`, `par_drain`) are the standard sequential
//! iterators, so an embedding tool can build the core without rayon. Every parallel step maps
//! each country independently and collects in order, so the output is byte-identical either
//! way (tested in `tests/parallel.rs`, which CI runs with and without the feature).

#[cfg(feature = "parallel")]
pub(crate) use rayon::prelude::*;

#[cfg(not(feature = "parallel"))]
pub(crate) use sequential::*;

#[cfg(not(feature = "parallel"))]
mod sequential {
    /// `par_iter` over a slice, sequentially.
    pub(crate) trait ParIter<T> {
        /// The slice's iterator.
        fn par_iter(&self) -> std::slice::Iter<'_, T>;
    }

    impl<T> ParIter<T> for [T] {
        fn par_iter(&self) -> std::slice::Iter<'_, T> {
            self.iter()
        }
    }

    /// `into_par_iter` of a vector, sequentially.
    pub(crate) trait IntoParIter<T> {
        /// The vector's owning iterator.
        fn into_par_iter(self) -> std::vec::IntoIter<T>;
    }

    impl<T> IntoParIter<T> for Vec<T> {
        fn into_par_iter(self) -> std::vec::IntoIter<T> {
            self.into_iter()
        }
    }

    /// `par_drain` of a vector, sequentially.
    pub(crate) trait ParDrain<T> {
        /// The vector's draining iterator.
        fn par_drain(&mut self, range: std::ops::RangeFull) -> std::vec::Drain<'_, T>;
    }

    impl<T> ParDrain<T> for Vec<T> {
        fn par_drain(&mut self, range: std::ops::RangeFull) -> std::vec::Drain<'_, T> {
            self.drain(range)
        }
    }
}
