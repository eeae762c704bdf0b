//! Journey rules: a programme's process map (ordered stages with checkpoints), what each
//! checkpoint requires, and whether a participant may move from one stage to another given the
//! facts recorded about them. No I/O: the store gathers the facts.
