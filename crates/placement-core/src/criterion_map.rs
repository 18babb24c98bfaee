//! [`CriterionMap`]: a small map keyed by criterion, in catalogue order, for what a decision
//! record holds per criterion (inputs used, contributions).
//!
//! The engine builds one per record and country, 250 times an evaluation: a vector of
//! `(criterion, value)` in catalogue order is one allocation, built in order with no sorting and
//! no tree nodes, where a `BTreeMap` cost a sort, a tree build and a tree walk to drop. It reads
//! like a `BTreeMap` (`get`, `iter`, `values`, `for (c, v) in &map`) and serialises as the same
//! JSON object, keys in catalogue order, so the record's JSON is unchanged.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::criteria::Criterion;

/// A map from [`Criterion`] to `V`, ordered by criterion (catalogue order, as
/// [`Criterion::ALL`] and `Criterion`'s `Ord`), each criterion at most once.
///
/// ```
/// use placement_core::{criterion_map::CriterionMap, Criterion};
/// let mut m: CriterionMap<f64> = [(Criterion::Socta, 2.0), (Criterion::CrimeRelation, 1.0)]
///     .into_iter()
///     .collect();
/// assert_eq!(m.get(&Criterion::Socta), Some(&2.0));
/// assert_eq!(m.keys().copied().collect::<Vec<_>>(), [Criterion::CrimeRelation, Criterion::Socta]);
/// assert_eq!(serde_json::to_string(&m).unwrap(), r#"{"crime_relation":1.0,"socta":2.0}"#);
/// m.insert(Criterion::Socta, 3.0);
/// assert_eq!(m.len(), 2);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct CriterionMap<V> {
    /// Sorted by criterion, no criterion twice.
    entries: Vec<(Criterion, V)>,
}

impl<V> Default for CriterionMap<V> {
    fn default() -> Self {
        CriterionMap {
            entries: Vec::new(),
        }
    }
}

/// The iterator of [`CriterionMap::iter`]: `(criterion, value)` in catalogue order.
pub type Iter<'a, V> = std::iter::Map<
    std::slice::Iter<'a, (Criterion, V)>,
    fn(&'a (Criterion, V)) -> (&'a Criterion, &'a V),
>;

fn pair<V>(e: &(Criterion, V)) -> (&Criterion, &V) {
    (&e.0, &e.1)
}

impl<V> CriterionMap<V> {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// From entries already in catalogue order without repeats (the engine builds them so);
    /// any other order is sorted (the last of a repeated criterion kept).
    pub(crate) fn from_ordered(entries: Vec<(Criterion, V)>) -> Self {
        if entries.windows(2).all(|w| w[0].0 < w[1].0) {
            CriterionMap { entries }
        } else {
            entries.into_iter().collect()
        }
    }

    fn position(&self, c: Criterion) -> Result<usize, usize> {
        self.entries.binary_search_by(|(k, _)| k.cmp(&c))
    }

    /// The value of `c`.
    pub fn get(&self, c: &Criterion) -> Option<&V> {
        self.position(*c).ok().map(|i| &self.entries[i].1)
    }

    /// The value of `c`, to change.
    pub fn get_mut(&mut self, c: &Criterion) -> Option<&mut V> {
        match self.position(*c) {
            Ok(i) => Some(&mut self.entries[i].1),
            Err(_) => None,
        }
    }

    /// Whether `c` has a value.
    pub fn contains_key(&self, c: &Criterion) -> bool {
        self.position(*c).is_ok()
    }

    /// Sets the value of `c`, returning the old one.
    pub fn insert(&mut self, c: Criterion, v: V) -> Option<V> {
        match self.position(c) {
            Ok(i) => Some(std::mem::replace(&mut self.entries[i].1, v)),
            Err(i) => {
                self.entries.insert(i, (c, v));
                None
            }
        }
    }

    /// Removes the value of `c`.
    pub fn remove(&mut self, c: &Criterion) -> Option<V> {
        self.position(*c).ok().map(|i| self.entries.remove(i).1)
    }

    /// How many criteria have a value.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no criterion has a value.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// `(criterion, value)` in catalogue order.
    pub fn iter(&self) -> Iter<'_, V> {
        self.entries
            .iter()
            .map(pair as fn(&(Criterion, V)) -> (&Criterion, &V))
    }

    /// The criteria, in catalogue order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &Criterion> + ExactSizeIterator {
        self.entries.iter().map(|(k, _)| k)
    }

    /// The values, in catalogue order.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + ExactSizeIterator {
        self.entries.iter().map(|(_, v)| v)
    }
}

impl<'a, V> IntoIterator for &'a CriterionMap<V> {
    type Item = (&'a Criterion, &'a V);
    type IntoIter = Iter<'a, V>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<V> IntoIterator for CriterionMap<V> {
    type Item = (Criterion, V);
    type IntoIter = std::vec::IntoIter<(Criterion, V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl<V> FromIterator<(Criterion, V)> for CriterionMap<V> {
    /// Any order; for a repeated criterion the last value is kept (as a `BTreeMap` does).
    fn from_iter<I: IntoIterator<Item = (Criterion, V)>>(iter: I) -> Self {
        let mut entries: Vec<(Criterion, V)> = Vec::new();
        for (c, v) in iter {
            match entries.binary_search_by(|(k, _)| k.cmp(&c)) {
                Ok(i) => entries[i].1 = v,
                Err(i) => entries.insert(i, (c, v)),
            }
        }
        CriterionMap { entries }
    }
}

impl<V> From<BTreeMap<Criterion, V>> for CriterionMap<V> {
    fn from(m: BTreeMap<Criterion, V>) -> Self {
        CriterionMap {
            entries: m.into_iter().collect(),
        }
    }
}

impl<V: Serialize> Serialize for CriterionMap<V> {
    /// A JSON object, keys in catalogue order: the bytes a `BTreeMap<Criterion, V>` gives.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for CriterionMap<V> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        BTreeMap::<Criterion, V>::deserialize(d).map(CriterionMap::from)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn reads_writes_and_serialises_as_a_btreemap() {
        let pairs = [
            (Criterion::RuleOfLaw, 3.0),
            (Criterion::CrimeRelation, 1.0),
            (Criterion::Socta, 2.0),
            (Criterion::CrimeRelation, 4.0),
        ];
        let tree: BTreeMap<Criterion, f64> = pairs.into_iter().collect();
        let ours: CriterionMap<f64> = pairs.into_iter().collect();
        assert_eq!(
            serde_json::to_string_pretty(&ours).unwrap(),
            serde_json::to_string_pretty(&tree).unwrap()
        );
        assert!(ours.iter().eq(tree.iter()));
        let back: CriterionMap<f64> =
            serde_json::from_str(&serde_json::to_string(&tree).unwrap()).unwrap();
        assert_eq!(back, ours);
        assert_eq!(CriterionMap::from_ordered(pairs.to_vec()), ours);
        let mut m = ours.clone();
        assert_eq!(m.remove(&Criterion::Socta), Some(2.0));
        assert!(!m.contains_key(&Criterion::Socta));
        assert_eq!(m.insert(Criterion::RuleOfLaw, 5.0), Some(3.0));
        assert_eq!(m.values().copied().collect::<Vec<_>>(), [4.0, 5.0]);
    }
}
