//! The network-plan options shared by `advise` and `reconcile` (included with
//! `#[path = "common/plan.rs"] mod plan_args;`).
#![allow(dead_code)]

use std::path::PathBuf;

use placement_reconcile::{actual_network, ActualNetwork, PlanSettings};

/// `--capacity`, `--budget`, `--against`.
#[derive(clap::Args)]
pub struct PlanArgs {
    /// Liaisons in the network plan; default: the number of host countries with a Dutch post
    /// in the network of --against (35 for the 2025 network).
    #[arg(long)]
    pub capacity: Option<u32>,
    /// Budget of the network plan, EUR per year; default: no budget limit.
    #[arg(long)]
    pub budget: Option<f64>,
    /// The actual network to compare with (format of fixtures/network-2025.json); default: the
    /// embedded 2025 network (seed 003).
    #[arg(long, value_name = "FILE")]
    pub against: Option<PathBuf>,
}

impl PlanArgs {
    /// The actual network and the plan settings these options name.
    pub fn load(&self) -> anyhow::Result<(ActualNetwork, PlanSettings)> {
        let network = match &self.against {
            Some(path) => {
                // Bounded, regular files only (placement_core::io).
                let text = placement_core::io::read_input(path)?;
                actual_network(&path.display().to_string(), &text)?
            }
            None => actual_network("network-2025.json", placement_network::NETWORK_2025)?,
        };
        // In the language of --lang (read from the command line: these options come first).
        let lang = placement_text::Lang::from_args(std::env::args_os());
        if let Some(b) = self.budget {
            if !b.is_finite() || b <= 0.0 {
                anyhow::bail!(
                    "--budget {b}: {}",
                    lang.pick(
                        "give a positive amount in EUR per year, e.g. --budget 8400000",
                        "geef een positief bedrag in euro per jaar, bijvoorbeeld --budget 8400000"
                    )
                );
            }
        }
        if self.capacity == Some(0) {
            anyhow::bail!(
                "--capacity 0: {}",
                lang.pick(
                    "give at least one liaison, e.g. --capacity 30",
                    "geef minstens één liaison, bijvoorbeeld --capacity 30"
                )
            );
        }
        let mut settings = PlanSettings::for_network(&network);
        settings.capacity = self.capacity;
        settings.budget = self.budget;
        Ok((network, settings))
    }
}
