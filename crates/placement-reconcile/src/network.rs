//! The actual network a plan is compared with: a file in the format of
//! `fixtures/network-2025.json` (seed 003's table, with ISO codes).

use serde::Serialize;

/// An actual liaison network as given: its origin (file name) and JSON text. Its Dutch posts
/// (NP, KMar and unlabelled rows; the Belgian GPI rows are the partner network) are read by
/// placement-network when the plan is built.
#[derive(Debug, Clone, Serialize)]
pub struct ActualNetwork {
    /// Where it came from (shown in every output).
    pub origin: String,
    /// The JSON text.
    #[serde(skip)]
    pub json: String,
}

/// The actual network from a file's name and text (read with a size limit by the caller).
///
/// # Errors
/// Never for now; malformed JSON is reported, with the file name, when the plan is built.
pub fn actual_network(origin: &str, json: &str) -> Result<ActualNetwork, crate::ReconcileError> {
    Ok(ActualNetwork {
        origin: origin.to_string(),
        json: json.to_string(),
    })
}
