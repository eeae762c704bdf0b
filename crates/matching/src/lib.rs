//! Brygga's matching engine: explainable fit scores, top-k ranking, and (see `assign`) the
//! best plan for a whole cohort. Pure: no I/O.
//!
//! - [`profile`]: the engine's own inputs, built by the server from stored records.
//! - [`geo`]: municipality distances and occupation names from the reference data.
//! - [`score`]: hard constraints and soft components of one pair ([`score::fit`]).
//! - [`explain`]: the Swedish and English sentence behind every check and component.
//! - [`rank`]: an in-memory index answering top-k queries in both directions.
//! - [`near`]: near misses, placements in the person's trade that fail one hard rule.
//! - [`quality`]: ranking quality against graded judgements (NDCG@k, precision@1).
//! - [`generate`]: a seeded generator of realistic profiles for benchmarks and demos.

// Tests may unwrap: a failure there is the test failing.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod assign;
pub mod cohort;
pub mod explain;
pub mod file;
pub mod flow;
pub mod generate;
pub mod geo;
pub mod instances;
pub mod near;
pub mod profile;
pub mod quality;
pub mod rank;
pub mod schedule;
pub mod score;
pub mod stable;

pub use explain::Explanation;
pub use geo::Geo;
pub use near::{Gap, NearMiss, near_misses};
pub use profile::{ParticipantProfile, PlacementProfile, normalise_term};
pub use rank::{CandidateFilter, Index, IndexError, Ranked};
pub use score::{
    Component, ComponentKind, EligibilityRule, Fit, HardCheck, HardKind, Settings, Weights,
    WeightsError, fit,
};

#[cfg(test)]
mod proptests;
