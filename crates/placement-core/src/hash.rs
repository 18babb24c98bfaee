//! Content hashes: SHA-256 over a canonical binary encoding of a value's serde data model.
//!
//! The encoding writes, for every value, a one-byte tag and then its content: integers and the
//! bit patterns of floats in little-endian, strings and byte strings with their length (as a
//! LEB128 varint), enum variants by index, struct fields in declaration order (their names are
//! fixed by the type, so they are not written), map entries with their keys, sequences with
//! their length. Maps in this crate are `BTreeMap`s and country lists are sorted, so equal
//! values always encode to equal bytes. It is several times faster than hashing JSON text
//! (floats are not formatted, names are not repeated). A hash identifies a value within one
//! version of the types; the record's `schema_version` covers changes of the types.

use serde::ser::{self, Serialize};
use sha2::{Digest, Sha256};

/// SHA-256 of a value's canonical encoding, as lower-case hex.
pub(crate) fn sha256_json<T: Serialize + ?Sized>(value: &T) -> String {
    hex(&sha256(value))
}

/// SHA-256 of a value's canonical encoding, as bytes.
pub(crate) fn sha256<T: Serialize + ?Sized>(value: &T) -> [u8; 32] {
    let mut enc = Encoder(Vec::with_capacity(BUFFER), Sha256::new(), Recent::default());
    // Serialising plain data cannot fail; on the impossible error the bytes so far are hashed,
    // which still differs from any complete encoding.
    let _ = value.serialize(&mut enc);
    enc.1.update(&enc.0);
    enc.1.finalize().into()
}

/// Lower-case hex of a digest.
pub(crate) fn hex(digest: &[u8]) -> String {
    let mut out = String::with_capacity(2 * digest.len());
    for &b in digest {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 0xf)]));
    }
    out
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Bytes are gathered in a small buffer and fed to the hasher whenever it fills.
const BUFFER: usize = 1 << 14;

struct Encoder(Vec<u8>, Sha256, Recent);

/// The last few long strings written: a string equal to one of them is written as a one-byte
/// back-reference (evidence sources repeat for every value of a country). Deterministic: it
/// depends only on the sequence of strings.
#[derive(Default)]
struct Recent {
    slots: [String; 4],
    next: usize,
}

impl Recent {
    const MIN_LEN: usize = 24;

    fn find(&self, s: &str) -> Option<usize> {
        self.slots.iter().position(|x| x == s)
    }

    fn remember(&mut self, s: &str) {
        let slot = &mut self.slots[self.next];
        slot.clear();
        slot.push_str(s);
        self.next = (self.next + 1) % self.slots.len();
    }
}

/// The (never produced) error of the encoder.
#[derive(Debug)]
struct EncodeError(String);

impl std::fmt::Display for EncodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for EncodeError {}
impl ser::Error for EncodeError {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        EncodeError(msg.to_string())
    }
}

impl Encoder {
    fn flush_if_full(&mut self) {
        if self.0.len() >= BUFFER - 64 {
            self.1.update(&self.0);
            self.0.clear();
        }
    }
    fn tag(&mut self, t: u8) {
        self.flush_if_full();
        self.0.push(t);
    }
    fn len(&mut self, n: usize) {
        let mut n = n as u64;
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.0.push(byte);
                break;
            }
            self.0.push(byte | 0x80);
        }
    }
    fn str(&mut self, s: &str) {
        self.len(s.len());
        if s.len() > 64 {
            self.1.update(&self.0);
            self.0.clear();
            self.1.update(s.as_bytes());
        } else {
            self.0.extend_from_slice(s.as_bytes());
        }
    }
}

type R = Result<(), EncodeError>;

impl ser::Serializer for &mut Encoder {
    type Ok = ();
    type Error = EncodeError;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    fn serialize_bool(self, v: bool) -> R {
        self.tag(1);
        self.0.push(u8::from(v));
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> R {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i16(self, v: i16) -> R {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i32(self, v: i32) -> R {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i64(self, v: i64) -> R {
        self.tag(2);
        self.0.extend_from_slice(&v.to_le_bytes());
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> R {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u16(self, v: u16) -> R {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u32(self, v: u32) -> R {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u64(self, v: u64) -> R {
        self.tag(3);
        self.0.extend_from_slice(&v.to_le_bytes());
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> R {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> R {
        self.tag(4);
        self.0.extend_from_slice(&v.to_bits().to_le_bytes());
        Ok(())
    }
    fn serialize_char(self, v: char) -> R {
        self.serialize_u64(u64::from(u32::from(v)))
    }
    fn serialize_str(self, v: &str) -> R {
        if v.len() >= Recent::MIN_LEN {
            if let Some(i) = self.2.find(v) {
                self.tag(20);
                self.0.push(i as u8);
                return Ok(());
            }
            self.2.remember(v);
        }
        self.tag(5);
        self.str(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> R {
        self.tag(6);
        self.len(v.len());
        self.1.update(&self.0);
        self.0.clear();
        self.1.update(v);
        Ok(())
    }
    fn serialize_none(self) -> R {
        self.tag(7);
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> R {
        self.tag(8);
        v.serialize(self)
    }
    fn serialize_unit(self) -> R {
        self.tag(9);
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> R {
        self.tag(10);
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, index: u32, _: &'static str) -> R {
        self.tag(11);
        self.len(index as usize);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, v: &T) -> R {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        index: u32,
        _: &'static str,
        v: &T,
    ) -> R {
        self.tag(12);
        self.len(index as usize);
        v.serialize(self)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Self, EncodeError> {
        self.tag(13);
        self.len(len.unwrap_or(usize::MAX));
        Ok(self)
    }
    fn serialize_tuple(self, len: usize) -> Result<Self, EncodeError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Self, EncodeError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        index: u32,
        _: &'static str,
        len: usize,
    ) -> Result<Self, EncodeError> {
        self.tag(14);
        self.len(index as usize);
        self.serialize_seq(Some(len))
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Self, EncodeError> {
        self.tag(15);
        self.len(len.unwrap_or(usize::MAX));
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Self, EncodeError> {
        self.tag(16);
        self.len(len);
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        index: u32,
        _: &'static str,
        len: usize,
    ) -> Result<Self, EncodeError> {
        self.tag(17);
        self.len(index as usize);
        self.serialize_struct("", len)
    }
}

macro_rules! compound {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for &mut Encoder {
            type Ok = ();
            type Error = EncodeError;
            fn $method<T: Serialize + ?Sized>(&mut self, v: &T) -> R {
                v.serialize(&mut **self)
            }
            fn end(self) -> R {
                self.tag(18);
                Ok(())
            }
        }
    )*};
}
compound!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for &mut Encoder {
    type Ok = ();
    type Error = EncodeError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, k: &T) -> R {
        k.serialize(&mut **self)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> R {
        v.serialize(&mut **self)
    }
    fn end(self) -> R {
        self.tag(18);
        Ok(())
    }
}

macro_rules! fields {
    ($($trait:ident),*) => {$(
        impl ser::$trait for &mut Encoder {
            type Ok = ();
            type Error = EncodeError;
            fn serialize_field<T: Serialize + ?Sized>(&mut self, _: &'static str, v: &T) -> R {
                v.serialize(&mut **self)
            }
            fn skip_field(&mut self, _: &'static str) -> R {
                self.tag(19);
                Ok(())
            }
            fn end(self) -> R {
                self.tag(18);
                Ok(())
            }
        }
    )*};
}
fields!(SerializeStruct, SerializeStructVariant);

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn equal_values_equal_hashes_and_small_changes_differ() {
        let a: BTreeMap<&str, f64> = [("x", 1.0), ("y", 2.0)].into_iter().collect();
        let b: BTreeMap<&str, f64> = [("y", 2.0), ("x", 1.0)].into_iter().collect();
        let c: BTreeMap<&str, f64> = [("x", 1.0), ("y", 2.000_000_000_000_001)]
            .into_iter()
            .collect();
        assert_eq!(sha256_json(&a), sha256_json(&b));
        assert_ne!(sha256_json(&a), sha256_json(&c));
        assert_eq!(sha256_json(&a).len(), 64);
        // Strings are length-prefixed: ("ab","c") and ("a","bc") differ.
        assert_ne!(sha256_json(&("ab", "c")), sha256_json(&("a", "bc")));
        // Back-references to repeated long strings keep sequences distinct.
        let long = "a string long enough to be remembered";
        let other = "another string long enough to be remembered";
        assert_ne!(
            sha256_json(&[long, long, other]),
            sha256_json(&[long, other, other])
        );
        assert_ne!(sha256_json(&[long, long]), sha256_json(&[long, other]));
    }
}
