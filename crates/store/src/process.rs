//! Each programme's process map (ordered stages, each with checkpoints), the participant
//! events the current stage is derived from, and the coordinator's board.
