//! Errors of reconciliation.

use thiserror::Error;

/// Why a plan or a reconciliation could not be made.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum ReconcileError {
    /// The network file could not be read into a planning instance.
    #[error(transparent)]
    Network(#[from] placement_network::NetworkError),
    /// The explainer could not explain a record (the evaluation and the input do not match).
    #[error(transparent)]
    Explain(#[from] placement_explain::ExplainError),
    /// The network file has no Dutch post at all, so there is nothing to compare with.
    #[error("{origin}: the network has no Dutch (NP or KMar) post; give a network file in the format of fixtures/network-2025.json")]
    EmptyNetwork {
        /// The file.
        origin: String,
    },
}
