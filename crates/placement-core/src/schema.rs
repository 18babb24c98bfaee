//! JSON Schemas of the core's formats (feature `schema`): the assessment set and rulebook
//! inputs (the structure their TOML and JSON share) and the decision records output, derived
//! with `schemars` from the same serde types that read and write them. `docs/schemas/` is
//! generated from these by the workspace's `tests/schemas.rs` (`UPDATE_SCHEMAS=1`).
//!
//! The hand-written `JsonSchema` impls here belong to types with hand-written serde impls and
//! describe the JSON those impls read and write.

use std::borrow::Cow;
use std::collections::BTreeMap;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};

use crate::criterion_map::CriterionMap;
use crate::evidence::Date;
use crate::{CountryCode, Criterion};

/// The schema of an assessment set file (TOML or JSON), as its reader accepts it.
pub fn assessment_set(generator: SchemaGenerator) -> Schema {
    generator.into_root_schema_for::<crate::assessment::RawSet>()
}

/// The schema of a rulebook or rulebook patch file (TOML or JSON), as its reader accepts it.
pub fn rulebook(generator: SchemaGenerator) -> Schema {
    generator.into_root_schema_for::<crate::rulebook::raw::RawRulebook>()
}

impl JsonSchema for CountryCode {
    fn schema_name() -> Cow<'static, str> {
        "CountryCode".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^[A-Z]{2}$",
            "description": "ISO 3166-1 alpha-2 country code, upper case (readers also accept lower case; `UK` is refused: use `GB`)"
        })
    }
}

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": "A calendar date, YYYY-MM-DD"
        })
    }
}

/// A JSON object keyed by criterion id, exactly as `BTreeMap<Criterion, V>` (the serde impls
/// of [`CriterionMap`] read and write that shape).
impl<V: JsonSchema> JsonSchema for CriterionMap<V> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        format!("CriterionMap_{}", V::schema_name()).into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        <BTreeMap<Criterion, V>>::json_schema(generator)
    }
}
