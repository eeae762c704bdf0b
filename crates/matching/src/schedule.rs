//! Matching-meeting (matchningsträff) scheduler.
//!
//! `N` participants, `M` employers (one table each) and `T` time slots. The input lists the
//! pairs that may meet with their mutual fit (`score ≥ 0`; a pair that is not listed cannot
//! meet), `k` = the most meetings one participant may have, and per employer a table capacity
//! `c_e` = how many participants it can meet in one slot. The output books meetings
//! `(participant, employer, slot)` such that
//!
//! * a participant has at most `min(k, T)` meetings and at most one per slot,
//! * no pair meets twice,
//! * an employer meets at most `c_e` participants in any one slot,
//!
//! and the total fit of the booked meetings is **maximal** over all schedules that obey these
//! rules.
//!
//! # Method, and why it is exact
//!
//! 1. **Which pairs meet** — a maximum-weight b-matching on the bipartite graph of allowed pairs,
//!    with participant degree `≤ min(k, T)` and employer degree `≤ c_e·T`, solved exactly by
//!    the crate's one min-cost-flow solver ([`crate::flow`], the one cohort assignment uses).
//! 2. **When they meet** — every employer is split into `min(c_e, its degree)` table copies
//!    and its chosen pairs are dealt to the copies round-robin, so every copy has degree
//!    `≤ ⌈c_e·T / c_e⌉ = T`, and every participant has degree `≤ min(k, T) ≤ T`. By König's
//!    edge-colouring theorem a bipartite multigraph of maximum degree `Δ` has a proper edge
//!    colouring with `Δ` colours; it is built here edge by edge, repairing conflicts by swapping
//!    an alternating two-colour path (Kempe chain). Colours are slots: a participant gets at
//!    most one meeting per slot, and a table copy at most one, hence an employer at most `c_e`.
//!
//! Every schedule's set of pairs is a feasible b-matching (a participant meets at most one
//! employer per slot and at most `k`; an employer at most `c_e` per slot over `T` slots), so the
//! b-matching optimum bounds any schedule's total from above; step 2 **always** succeeds, so
//! the schedule reaches that bound: **the schedule's total fit equals the b-matching optimum,
//! which is the optimum over all valid schedules.**
//!
//! Numerical notes: the solver works on integers, so fits become
//! `round(fit · R / largest fit)` with `R` the finest resolution its exact 64-bit arithmetic
//! allows for the instance's size (about `2⁵⁷ / (N + M)²`: `3·10¹⁰` at 2,000 + 200, far more
//! for small instances). The schedule is optimal for those integers, so its total falls short
//! of the true optimum by at most `E / R` times the largest fit, `E` = the most meetings a
//! schedule can hold (in practice it is equal up to rounding). A meeting whose integer weight is 0 (a fit of 0, or one below
//! `1 / (2R)` of the largest) is never booked just to fill a slot: it adds nothing.
//!
//! Slots used are `0..Δ` where `Δ ≤ T` is the largest degree after splitting (early slots fill
//! first). The result is deterministic: it depends only on the input's contents, not on the
//! order of `fits` (they are sorted first); among equally good schedules the solver's fixed
//! processing order picks one.
//!
//! Cost: step 1 is one min-cost-flow solve over `N + M + 1` nodes and one arc per allowed
//! pair (see [`crate::flow`]); step 2 is `O(E·(T + path length))` for `E` booked meetings.
//! Release build, 2 cores, seeded 2,000 × 200 × 8 slots, `k = 4` (`bench_schedule`): about
//! 50–60 ms with 40 allowed employers per participant and 0.2–0.25 s with all 400,000 pairs
//! allowed. No I/O, no allocation proportional to `T` beyond `Δ ≤ E`, and no panics.

use crate::flow::{self, Edge, Problem, SolveError};
use serde::{Deserialize, Serialize};

/// An instance of the matching-meeting problem.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingInput {
    /// Number of participants `N`; participants are `0..N`.
    pub participants: usize,
    /// Table capacity per slot `c_e` of each employer; employers are `0..M`.
    pub employers: Vec<u32>,
    /// Number of time slots `T` (must be ≥ 1); slots are `0..T`.
    pub slots: u32,
    /// `k`: the most meetings one participant may have.
    pub max_meetings: u32,
    /// `(participant, employer, fit)` for each pair that may meet; `fit` finite and `≥ 0`.
    pub fits: Vec<(usize, usize, f64)>,
}

/// One booked meeting.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Meeting {
    pub participant: usize,
    pub employer: usize,
    pub slot: u32,
    pub fit: f64,
}

/// A complete schedule: `meetings` sorted by `(participant, slot)`, and their total fit.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Schedule {
    pub meetings: Vec<Meeting>,
    pub total_fit: f64,
}

impl Schedule {
    /// One row per participant `0..n`, each sorted by slot (meetings of participants `≥ n`
    /// are left out).
    pub fn by_participant(&self, n: usize) -> Vec<Vec<Meeting>> {
        group(&self.meetings, n, |m| m.participant)
    }

    /// One row per employer `0..m`, each sorted by slot, then participant (meetings of
    /// employers `≥ m` are left out).
    pub fn by_employer(&self, m: usize) -> Vec<Vec<Meeting>> {
        group(&self.meetings, m, |x| x.employer)
    }
}

fn group(meetings: &[Meeting], n: usize, key: impl Fn(&Meeting) -> usize) -> Vec<Vec<Meeting>> {
    let mut rows: Vec<Vec<Meeting>> = vec![Vec::new(); n];
    for m in meetings {
        if let Some(row) = rows.get_mut(key(m)) {
            row.push(*m);
        }
    }
    for row in &mut rows {
        row.sort_by(|a, b| {
            (a.slot, a.participant, a.employer).cmp(&(b.slot, b.participant, b.employer))
        });
    }
    rows
}

/// Why an instance was rejected.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ScheduleError {
    #[error("a matching meeting needs at least one time slot")]
    ZeroSlots,
    #[error("fit #{index} names participant {participant}, but there are only {participants}")]
    ParticipantOutOfRange {
        index: usize,
        participant: usize,
        participants: usize,
    },
    #[error("fit #{index} names employer {employer}, but there are only {employers}")]
    EmployerOutOfRange {
        index: usize,
        employer: usize,
        employers: usize,
    },
    #[error("fit #{index} has score {score}, which is not a finite number ≥ 0")]
    InvalidScore { index: usize, score: f64 },
    #[error("fit #{index} repeats the pair (participant {participant}, employer {employer})")]
    DuplicatePair {
        index: usize,
        participant: usize,
        employer: usize,
    },
    #[error("{employers} employers is more than the scheduler supports ({max})")]
    TooManyEmployers { employers: usize, max: usize },
    /// The pairing step's min-cost-flow solver refused the instance (far too large).
    #[error("choosing the pairs failed: {0}")]
    Solver(#[from] SolveError),
    /// Never expected: an internal invariant failed (a bug). Returned instead of panicking.
    #[error("internal error in the meeting scheduler: {0}")]
    Internal(&'static str),
}

/// Schedules the matching meeting; see the module documentation.
pub fn schedule(input: &MeetingInput) -> Result<Schedule, ScheduleError> {
    let pairs = sorted_pairs(input)?;
    let per_participant = input.max_meetings.min(input.slots);
    let mut chosen = if per_participant == 0 {
        Vec::new()
    } else {
        max_weight_b_matching(input, per_participant, &pairs)?
    };
    chosen.sort_by_key(|x| (x.1, x.0));
    let slots = colour_slots(input.participants, &input.employers, input.slots, &chosen)?;
    let mut meetings: Vec<Meeting> = chosen
        .iter()
        .zip(slots)
        .map(|(&(participant, employer, fit), slot)| Meeting {
            participant,
            employer,
            slot,
            fit,
        })
        .collect();
    meetings.sort_by_key(|x| (x.participant, x.slot));
    let total_fit = meetings.iter().map(|m| m.fit).sum();
    Ok(Schedule {
        meetings,
        total_fit,
    })
}

/// The allowed pairs, validated and sorted by `(participant, employer)`.
fn sorted_pairs(input: &MeetingInput) -> Result<Vec<(usize, usize, f64)>, ScheduleError> {
    if input.slots == 0 {
        return Err(ScheduleError::ZeroSlots);
    }
    let n = input.participants;
    let m = input.employers.len();
    if m > MAX_EMPLOYERS {
        return Err(ScheduleError::TooManyEmployers {
            employers: m,
            max: MAX_EMPLOYERS,
        });
    }
    if n > u32::MAX as usize || m > u32::MAX as usize || input.fits.len() > u32::MAX as usize {
        return Err(ScheduleError::Internal(
            "instance too large for 32-bit indices",
        ));
    }
    for (index, &(participant, employer, score)) in input.fits.iter().enumerate() {
        if participant >= n {
            return Err(ScheduleError::ParticipantOutOfRange {
                index,
                participant,
                participants: n,
            });
        }
        if employer >= m {
            return Err(ScheduleError::EmployerOutOfRange {
                index,
                employer,
                employers: m,
            });
        }
        if !score.is_finite() || score < 0.0 {
            return Err(ScheduleError::InvalidScore { index, score });
        }
    }
    let mut order: Vec<usize> = (0..input.fits.len()).collect();
    let key = |i: usize| input.fits.get(i).map(|f| (f.0, f.1));
    order.sort_by_key(|&i| (key(i), i));
    let mut pairs = Vec::with_capacity(order.len());
    let mut previous: Option<(usize, usize)> = None;
    for &i in &order {
        let Some(&(p, e, score)) = input.fits.get(i) else {
            return Err(ScheduleError::Internal("fit index"));
        };
        if previous == Some((p, e)) {
            return Err(ScheduleError::DuplicatePair {
                index: i,
                participant: p,
                employer: e,
            });
        }
        previous = Some((p, e));
        pairs.push((p, e, score));
    }
    Ok(pairs)
}

/// Kept from the earlier solver's interface as a sanity bound on the input; the flow solver
/// itself needs only memory linear in the number of pairs.
pub const MAX_EMPLOYERS: usize = 4096;
const NONE: u32 = u32::MAX;

/// Step 1: which pairs meet. `pairs` sorted by `(participant, employer)`; returns the chosen
/// ones as `(participant, employer, fit)`.
fn max_weight_b_matching(
    input: &MeetingInput,
    per_participant: u32,
    pairs: &[(usize, usize, f64)],
) -> Result<Vec<(usize, usize, f64)>, ScheduleError> {
    let max_fit = pairs.iter().fold(0.0f64, |m, p| m.max(p.2));
    if max_fit <= 0.0 {
        return Ok(Vec::new());
    }
    // The solver needs weight · nodes² · 64 to fit in an i64; take the finest resolution that
    // does (it has at most `participants + employers + 1` nodes).
    let nodes = (input.participants + input.employers.len() + 2) as f64;
    let resolution = (i64::MAX as f64 / 64.0 / (nodes * nodes)).floor();
    if resolution < 1.0 {
        return Err(ScheduleError::Solver(SolveError::TooLarge {
            what: format!("{nodes} nodes leave no room for exact 64-bit costs"),
        }));
    }
    let scale = resolution / max_fit;
    let problem = Problem {
        left_capacity: vec![per_participant; input.participants],
        right_capacity: input
            .employers
            .iter()
            .map(|&c| u32::try_from(u64::from(c) * u64::from(input.slots)).unwrap_or(u32::MAX))
            .collect(),
        edges: pairs
            .iter()
            .map(|&(p, e, fit)| Edge {
                left: p as u32,
                right: e as u32,
                weight: (fit * scale).round() as i64,
            })
            .collect(),
    };
    let solution = flow::solve(&problem)?;
    solution
        .chosen
        .iter()
        .map(|&i| {
            pairs
                .get(i)
                .copied()
                .ok_or(ScheduleError::Internal("edge index out of range"))
        })
        .collect()
}

/// Slots for `pairs` (sorted by employer, then participant), in the same order.
fn colour_slots(
    participants: usize,
    capacities: &[u32],
    slots: u32,
    pairs: &[(usize, usize, f64)],
) -> Result<Vec<u32>, ScheduleError> {
    // Split each employer into min(c_e, degree) tables, dealing its pairs round-robin.
    let mut ends: Vec<(usize, usize)> = Vec::with_capacity(pairs.len());
    let mut next_table = participants;
    let mut i = 0;
    while i < pairs.len() {
        let e = pairs.get(i).map_or(0, |x| x.1);
        let mut j = i;
        while pairs.get(j).is_some_and(|x| x.1 == e) {
            j += 1;
        }
        let tables = (capacities.get(e).copied().unwrap_or(0) as usize).min(j - i);
        if tables == 0 {
            return Err(ScheduleError::Internal(
                "meeting at an employer without capacity",
            ));
        }
        for (r, pair) in pairs.get(i..j).unwrap_or(&[]).iter().enumerate() {
            ends.push((pair.0, next_table + r % tables));
        }
        next_table += tables;
        i = j;
    }
    let nodes = next_table;
    let mut degree = vec![0usize; nodes];
    for &(u, v) in &ends {
        for x in [u, v] {
            match degree.get_mut(x) {
                Some(d) => *d += 1,
                None => return Err(ScheduleError::Internal("colouring node out of range")),
            }
        }
    }
    let delta = degree.iter().copied().max().unwrap_or(0);
    if delta > slots as usize {
        return Err(ScheduleError::Internal("degree above the number of slots"));
    }
    edge_colour(nodes, delta, &ends)
}

/// Proper edge colouring of a bipartite graph (left ends `u`, right ends `v`, as node ids in
/// `0..nodes`) with `delta ≥` maximum degree colours, by Kempe-chain swaps.
fn edge_colour(
    nodes: usize,
    delta: usize,
    ends: &[(usize, usize)],
) -> Result<Vec<u32>, ScheduleError> {
    let mut at = vec![NONE; nodes * delta];
    let mut colour = vec![NONE; ends.len()];
    let free = |at: &[u32], x: usize| (0..delta).find(|&c| at.get(x * delta + c) == Some(&NONE));
    let mut path: Vec<usize> = Vec::new();
    for (ed, &(u, v)) in ends.iter().enumerate() {
        let (Some(a), Some(b)) = (free(&at, u), free(&at, v)) else {
            return Err(ScheduleError::Internal("no free colour"));
        };
        if at.get(v * delta + a) != Some(&NONE) {
            // Swap colours a/b on the alternating path from v that starts with colour a.
            // (In a bipartite graph it cannot reach u, and it cannot return to v.)
            path.clear();
            let (mut x, mut c) = (v, a);
            while let Some(&e2) = at.get(x * delta + c) {
                if e2 == NONE {
                    break;
                }
                if path.len() > ends.len() {
                    return Err(ScheduleError::Internal("alternating path does not end"));
                }
                path.push(e2 as usize);
                let (p, q) = ends.get(e2 as usize).copied().unwrap_or((x, x));
                x = if p == x { q } else { p };
                c = if c == a { b } else { a };
            }
            for &e2 in &path {
                let (p, q) = ends.get(e2).copied().unwrap_or((0, 0));
                let old = colour.get(e2).copied().unwrap_or(NONE) as usize;
                for y in [p, q] {
                    if let Some(s) = at.get_mut(y * delta + old) {
                        *s = NONE;
                    }
                }
            }
            for &e2 in &path {
                let (p, q) = ends.get(e2).copied().unwrap_or((0, 0));
                let Some(cl) = colour.get_mut(e2) else {
                    continue;
                };
                let new = if *cl as usize == a { b } else { a };
                *cl = new as u32;
                for y in [p, q] {
                    if let Some(s) = at.get_mut(y * delta + new) {
                        *s = e2 as u32;
                    }
                }
            }
            if at.get(v * delta + a) != Some(&NONE) || at.get(u * delta + a) != Some(&NONE) {
                return Err(ScheduleError::Internal(
                    "Kempe swap did not free the colour",
                ));
            }
        }
        if let Some(cl) = colour.get_mut(ed) {
            *cl = a as u32;
        }
        for y in [u, v] {
            if let Some(s) = at.get_mut(y * delta + a) {
                *s = ed as u32;
            }
        }
    }
    Ok(colour)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn input(
        participants: usize,
        employers: &[u32],
        slots: u32,
        max_meetings: u32,
        fits: &[(usize, usize, f64)],
    ) -> MeetingInput {
        MeetingInput {
            participants,
            employers: employers.to_vec(),
            slots,
            max_meetings,
            fits: fits.to_vec(),
        }
    }

    /// Every hard rule; `Err` names the first one broken.
    fn check_valid(inp: &MeetingInput, s: &Schedule) -> Result<(), String> {
        use std::collections::{HashMap, HashSet};
        let allowed: HashMap<(usize, usize), f64> =
            inp.fits.iter().map(|&(p, e, f)| ((p, e), f)).collect();
        let mut pair_seen = HashSet::new();
        let mut busy = HashSet::new();
        let mut per_participant: HashMap<usize, u32> = HashMap::new();
        let mut table: HashMap<(usize, u32), u32> = HashMap::new();
        for m in &s.meetings {
            let Some(&f) = allowed.get(&(m.participant, m.employer)) else {
                return Err(format!("{m:?} is not a given pair"));
            };
            if f.to_bits() != m.fit.to_bits() {
                return Err(format!("{m:?} has the wrong fit"));
            }
            if m.slot >= inp.slots {
                return Err(format!("{m:?} slot out of range"));
            }
            if !pair_seen.insert((m.participant, m.employer)) {
                return Err(format!("{m:?} repeats a pair"));
            }
            if !busy.insert((m.participant, m.slot)) {
                return Err(format!("{m:?} double-books the participant"));
            }
            let c = per_participant.entry(m.participant).or_default();
            *c += 1;
            if *c > inp.max_meetings.min(inp.slots) {
                return Err(format!("participant {} above k", m.participant));
            }
            let t = table.entry((m.employer, m.slot)).or_default();
            *t += 1;
            if *t > inp.employers[m.employer] {
                return Err(format!(
                    "employer {} over capacity in slot {}",
                    m.employer, m.slot
                ));
            }
        }
        let total: f64 = s.meetings.iter().map(|m| m.fit).sum();
        if (total - s.total_fit).abs() > 1e-9 * (1.0 + total.abs()) {
            return Err("total_fit is not the sum of the fits".into());
        }
        let mut sorted = s.meetings.clone();
        sorted.sort_by_key(|x| (x.participant, x.slot));
        if sorted != s.meetings {
            return Err("meetings not sorted by (participant, slot)".into());
        }
        Ok(())
    }

    /// The optimum over all valid schedules, by enumerating every subset of pairs (heaviest
    /// first) and searching for slots for it by backtracking. Knows nothing of b-matchings.
    fn brute_force(inp: &MeetingInput) -> f64 {
        let pairs = &inp.fits;
        assert!(pairs.len() <= 16);
        let mut masks: Vec<(f64, u32)> = (0u32..(1 << pairs.len()))
            .map(|mask| {
                let w = (0..pairs.len())
                    .filter(|i| mask >> i & 1 == 1)
                    .map(|i| pairs[i].2)
                    .sum();
                (w, mask)
            })
            .collect();
        masks.sort_by(|a, b| b.0.total_cmp(&a.0));
        for (w, mask) in masks {
            let chosen: Vec<(usize, usize)> = (0..pairs.len())
                .filter(|i| mask >> i & 1 == 1)
                .map(|i| (pairs[i].0, pairs[i].1))
                .collect();
            let mut count = vec![0u32; inp.participants];
            for &(p, _) in &chosen {
                count[p] += 1;
            }
            if count.iter().any(|&c| c > inp.max_meetings) {
                continue;
            }
            let t = inp.slots as usize;
            let mut busy = vec![false; inp.participants * t];
            let mut load = vec![0u32; inp.employers.len() * t];
            if place(&chosen, 0, t, &inp.employers, &mut busy, &mut load) {
                return w;
            }
        }
        0.0
    }

    fn place(
        chosen: &[(usize, usize)],
        i: usize,
        t: usize,
        caps: &[u32],
        busy: &mut [bool],
        load: &mut [u32],
    ) -> bool {
        let Some(&(p, e)) = chosen.get(i) else {
            return true;
        };
        for s in 0..t {
            if !busy[p * t + s] && load[e * t + s] < caps[e] {
                busy[p * t + s] = true;
                load[e * t + s] += 1;
                if place(chosen, i + 1, t, caps, busy, load) {
                    return true;
                }
                busy[p * t + s] = false;
                load[e * t + s] -= 1;
            }
        }
        false
    }

    /// Independent reference for the b-matching optimum: plain successive shortest paths
    /// with Bellman–Ford on an explicit source/sink network, unscaled fits.
    fn reference_optimum(inp: &MeetingInput) -> f64 {
        let n = inp.participants;
        let m = inp.employers.len();
        let (s, t) = (n + m, n + m + 1);
        // (to, cap, cost, rev)
        let mut adj: Vec<Vec<(usize, i64, f64, usize)>> = vec![Vec::new(); n + m + 2];
        let add = |adj: &mut Vec<Vec<(usize, i64, f64, usize)>>,
                   u: usize,
                   v: usize,
                   cap: i64,
                   cost: f64| {
            let (ru, rv) = (adj[v].len(), adj[u].len());
            adj[u].push((v, cap, cost, ru));
            adj[v].push((u, 0, -cost, rv));
        };
        let k = i64::from(inp.max_meetings.min(inp.slots));
        for p in 0..n {
            add(&mut adj, s, p, k, 0.0);
        }
        for (e, &c) in inp.employers.iter().enumerate() {
            add(&mut adj, n + e, t, i64::from(c) * i64::from(inp.slots), 0.0);
        }
        for &(p, e, f) in &inp.fits {
            add(&mut adj, p, n + e, 1, -f);
        }
        let mut total = 0.0;
        loop {
            let mut dist = vec![f64::INFINITY; n + m + 2];
            let mut prev: Vec<Option<(usize, usize)>> = vec![None; n + m + 2];
            dist[s] = 0.0;
            for _ in 0..n + m + 2 {
                let mut changed = false;
                for u in 0..n + m + 2 {
                    if dist[u] == f64::INFINITY {
                        continue;
                    }
                    for (i, &(v, cap, cost, _)) in adj[u].iter().enumerate() {
                        if cap > 0 && dist[u] + cost < dist[v] - 1e-12 {
                            dist[v] = dist[u] + cost;
                            prev[v] = Some((u, i));
                            changed = true;
                        }
                    }
                }
                if !changed {
                    break;
                }
            }
            if dist[t] >= -1e-12 {
                return total;
            }
            total -= dist[t];
            let mut v = t;
            while let Some((u, i)) = prev[v] {
                let rev = adj[u][i].3;
                adj[u][i].1 -= 1;
                adj[v][rev].1 += 1;
                v = u;
            }
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-7 * (1.0 + a.abs().max(b.abs()))
    }

    fn score() -> impl Strategy<Value = f64> {
        prop_oneof![(0u8..=5).prop_map(f64::from), 0.0f64..10.0]
    }

    fn instance(
        max_n: usize,
        max_m: usize,
        max_t: u32,
        max_k: u32,
        max_cap: u32,
    ) -> impl Strategy<Value = MeetingInput> {
        // Sizes lean to the maximum; some employers have no capacity; ~80 % of pairs allowed.
        (
            prop_oneof![Just(max_n), 0..=max_n],
            prop_oneof![Just(max_m), 1..=max_m],
            1..=max_t,
            0..=max_k,
        )
            .prop_flat_map(move |(n, m, t, k)| {
                (
                    Just(n),
                    prop::collection::vec(prop_oneof![4 => 1..=max_cap, 1 => Just(0)], m),
                    Just(t),
                    Just(k),
                    prop::collection::vec(prop::option::weighted(0.8, score()), n * m),
                )
            })
            .prop_map(|(n, caps, t, k, cells)| {
                let m = caps.len();
                let fits = cells
                    .into_iter()
                    .enumerate()
                    .filter_map(|(i, c)| c.map(|f| (i / m, i % m, f)))
                    .collect();
                MeetingInput {
                    participants: n,
                    employers: caps,
                    slots: t,
                    max_meetings: k,
                    fits,
                }
            })
    }

    // ---- unit tests -------------------------------------------------------------------

    #[test]
    fn empty_instances_give_empty_schedules() {
        let s = schedule(&input(0, &[], 3, 2, &[])).unwrap();
        assert_eq!(s, Schedule::default());
        let s = schedule(&input(5, &[1, 2], 3, 2, &[])).unwrap();
        assert!(s.meetings.is_empty());
        let s = schedule(&input(1, &[1], 3, 0, &[(0, 0, 4.0)])).unwrap();
        assert!(s.meetings.is_empty(), "k = 0 allows no meeting");
    }

    #[test]
    fn zero_slots_is_an_error() {
        assert_eq!(
            schedule(&input(1, &[1], 0, 1, &[(0, 0, 1.0)])),
            Err(ScheduleError::ZeroSlots)
        );
    }

    #[test]
    fn out_of_range_indices_are_errors() {
        assert_eq!(
            schedule(&input(2, &[1], 1, 1, &[(0, 0, 1.0), (2, 0, 1.0)])),
            Err(ScheduleError::ParticipantOutOfRange {
                index: 1,
                participant: 2,
                participants: 2
            })
        );
        assert_eq!(
            schedule(&input(2, &[1], 1, 1, &[(0, 1, 1.0)])),
            Err(ScheduleError::EmployerOutOfRange {
                index: 0,
                employer: 1,
                employers: 1
            })
        );
    }

    #[test]
    fn bad_scores_are_errors() {
        for bad in [f64::NAN, -0.5, f64::INFINITY, f64::NEG_INFINITY] {
            let r = schedule(&input(1, &[1], 1, 1, &[(0, 0, 1.0), (0, 0, bad)][1..]));
            assert!(
                matches!(r, Err(ScheduleError::InvalidScore { index: 0, .. })),
                "{bad}: {r:?}"
            );
        }
        // −0.0 is a valid zero.
        assert!(schedule(&input(1, &[1], 1, 1, &[(0, 0, -0.0)])).is_ok());
    }

    #[test]
    fn duplicate_pairs_are_errors() {
        let r = schedule(&input(1, &[1], 1, 1, &[(0, 0, 1.0), (0, 0, 2.0)]));
        assert_eq!(
            r,
            Err(ScheduleError::DuplicatePair {
                index: 1,
                participant: 0,
                employer: 0
            })
        );
    }

    #[test]
    fn error_messages_are_readable() {
        let e = ScheduleError::InvalidScore {
            index: 3,
            score: -1.0,
        };
        assert_eq!(
            e.to_string(),
            "fit #3 has score -1, which is not a finite number ≥ 0"
        );
    }

    #[test]
    fn greedy_would_lose_but_the_optimum_exchanges() {
        // Greedy books p0–e0 (10) and stops there; the optimum is p0–e1 + p1–e0 = 9 + 8 = 17.
        let inp = input(2, &[1, 1], 1, 1, &[(0, 0, 10.0), (0, 1, 9.0), (1, 0, 8.0)]);
        let s = schedule(&inp).unwrap();
        check_valid(&inp, &s).unwrap();
        assert_eq!(s.total_fit, 17.0);
        assert_eq!(s.meetings.len(), 2);
        assert_eq!((s.meetings[0].participant, s.meetings[0].employer), (0, 1));
        assert_eq!((s.meetings[1].participant, s.meetings[1].employer), (1, 0));
    }

    #[test]
    fn a_better_fit_displaces_an_earlier_participant() {
        // p0 is added first and takes e0's only seat; p1 fits better and takes it over.
        let inp = input(2, &[1], 1, 1, &[(0, 0, 1.0), (1, 0, 5.0)]);
        let s = schedule(&inp).unwrap();
        assert_eq!(
            s.meetings,
            vec![Meeting {
                participant: 1,
                employer: 0,
                slot: 0,
                fit: 5.0
            }]
        );
    }

    #[test]
    fn employer_capacity_per_slot_is_held() {
        // Capacity 2 per slot, 1 slot: only the two best of three participants.
        let inp = input(3, &[2], 1, 3, &[(0, 0, 1.0), (1, 0, 3.0), (2, 0, 2.0)]);
        let s = schedule(&inp).unwrap();
        check_valid(&inp, &s).unwrap();
        assert_eq!(s.total_fit, 5.0);
        // Two slots: all three, spread so no slot has more than two.
        let inp = input(3, &[2], 2, 3, &[(0, 0, 1.0), (1, 0, 3.0), (2, 0, 2.0)]);
        let s = schedule(&inp).unwrap();
        check_valid(&inp, &s).unwrap();
        assert_eq!(s.meetings.len(), 3);
    }

    #[test]
    fn employer_with_no_capacity_meets_no_one() {
        let inp = input(2, &[0, 1], 2, 2, &[(0, 0, 9.0), (1, 0, 9.0), (1, 1, 1.0)]);
        let s = schedule(&inp).unwrap();
        check_valid(&inp, &s).unwrap();
        assert_eq!(
            s.meetings,
            vec![Meeting {
                participant: 1,
                employer: 1,
                slot: 0,
                fit: 1.0
            }]
        );
    }

    #[test]
    fn participant_limit_is_min_of_k_and_slots() {
        let fits: Vec<_> = (0..5).map(|e| (0, e, 1.0 + e as f64)).collect();
        // k = 3 < T = 4: the three best.
        let s = schedule(&input(1, &[1; 5], 4, 3, &fits)).unwrap();
        assert_eq!(s.total_fit, 5.0 + 4.0 + 3.0);
        // k = 5 > T = 2: only two slots, the two best.
        let inp = input(1, &[1; 5], 2, 5, &fits);
        let s = schedule(&inp).unwrap();
        check_valid(&inp, &s).unwrap();
        assert_eq!(s.total_fit, 9.0);
        assert_eq!(
            s.meetings.iter().map(|m| m.slot).collect::<Vec<_>>(),
            vec![0, 1]
        );
    }

    #[test]
    fn one_participant_is_never_double_booked() {
        // One employer with a big table, many slots, one participant: one meeting only.
        let inp = input(1, &[5], 6, 6, &[(0, 0, 2.0)]);
        let s = schedule(&inp).unwrap();
        assert_eq!(s.meetings.len(), 1, "no pair meets twice");
    }

    #[test]
    fn small_fits_count_next_to_huge_ones() {
        let inp = input(2, &[1, 1], 1, 1, &[(0, 0, 1e6), (1, 1, 1e-3), (1, 0, 2e-3)]);
        let s = schedule(&inp).unwrap();
        check_valid(&inp, &s).unwrap();
        assert_eq!(s.meetings.len(), 2);
        assert_eq!(s.total_fit, 1e6 + 1e-3);
    }

    #[test]
    fn too_many_employers_is_an_error() {
        let inp = input(1, &vec![1; MAX_EMPLOYERS + 1], 1, 1, &[(0, 0, 1.0)]);
        assert_eq!(
            schedule(&inp),
            Err(ScheduleError::TooManyEmployers {
                employers: MAX_EMPLOYERS + 1,
                max: MAX_EMPLOYERS
            })
        );
    }

    #[test]
    fn zero_fit_meetings_are_not_booked_for_nothing() {
        let inp = input(2, &[1], 2, 1, &[(0, 0, 0.0), (1, 0, 0.0)]);
        assert!(schedule(&inp).unwrap().meetings.is_empty());
        let inp = input(2, &[1], 2, 1, &[(0, 0, 0.0), (1, 0, 3.0)]);
        let s = schedule(&inp).unwrap();
        assert_eq!(s.meetings.len(), 1);
        assert_eq!(s.total_fit, 3.0);
    }

    #[test]
    fn huge_slot_and_capacity_numbers_do_not_allocate_per_slot() {
        let fits: Vec<_> = (0..3)
            .flat_map(|p| (0..2).map(move |e| (p, e, 1.0)))
            .collect();
        let inp = input(3, &[u32::MAX, u32::MAX], u32::MAX, u32::MAX, &fits);
        let s = schedule(&inp).unwrap();
        check_valid(&inp, &s).unwrap();
        assert_eq!(s.meetings.len(), 6);
        assert!(s.meetings.iter().all(|m| m.slot < 2), "{s:?}");
    }

    #[test]
    fn slots_come_from_colouring_when_tables_are_full() {
        // 3 participants × 3 employers, all pairs, k = T = 3, capacity 1: a Latin square.
        let fits: Vec<_> = (0..3)
            .flat_map(|p| (0..3).map(move |e| (p, e, 1.0)))
            .collect();
        let inp = input(3, &[1, 1, 1], 3, 3, &fits);
        let s = schedule(&inp).unwrap();
        check_valid(&inp, &s).unwrap();
        assert_eq!(s.meetings.len(), 9);
    }

    #[test]
    fn kempe_swap_repairs_a_conflict() {
        // Nodes u0 = 0, u1 = 1 (left), v0 = 2, v1 = 3, v2 = 4 (right). With first-fit, the
        // last edge (u0, v2) finds colour 1 free at u0 but used at v2: a swap is needed.
        let ends = [(0, 2), (1, 3), (1, 4), (0, 4)];
        let c = edge_colour(5, 2, &ends).unwrap();
        for (i, a) in ends.iter().enumerate() {
            for (j, b) in ends.iter().enumerate() {
                if i < j && (a.0 == b.0 || a.1 == b.1) {
                    assert_ne!(c[i], c[j], "{ends:?} {c:?}");
                }
            }
        }
        assert!(c.iter().all(|&x| x < 2));
    }

    #[test]
    fn per_participant_and_per_employer_tables() {
        let inp = input(
            3,
            &[1, 2],
            2,
            2,
            &[
                (0, 0, 3.0),
                (0, 1, 1.0),
                (1, 0, 2.0),
                (1, 1, 2.0),
                (2, 1, 1.5),
            ],
        );
        let s = schedule(&inp).unwrap();
        check_valid(&inp, &s).unwrap();
        let rows = s.by_participant(3);
        assert_eq!(rows.len(), 3);
        assert_eq!(rows.iter().map(Vec::len).sum::<usize>(), s.meetings.len());
        for (p, row) in rows.iter().enumerate() {
            assert!(row.iter().all(|m| m.participant == p));
            assert!(row.windows(2).all(|w| w[0].slot < w[1].slot));
        }
        let cols = s.by_employer(2);
        assert_eq!(cols.len(), 2);
        assert_eq!(cols.iter().map(Vec::len).sum::<usize>(), s.meetings.len());
        for (e, col) in cols.iter().enumerate() {
            assert!(col.iter().all(|m| m.employer == e));
            assert!(col.windows(2).all(|w| w[0].slot <= w[1].slot));
        }
        // Too few rows: the rest is left out; more rows: empty ones.
        assert_eq!(s.by_participant(1).len(), 1);
        assert!(s.by_employer(4)[3].is_empty());
    }

    #[test]
    fn serde_round_trip() {
        let inp = input(2, &[1, 2], 2, 2, &[(0, 0, 1.5), (1, 1, 2.0)]);
        let json = serde_json::to_string(&inp).unwrap();
        assert_eq!(serde_json::from_str::<MeetingInput>(&json).unwrap(), inp);
        let s = schedule(&inp).unwrap();
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(serde_json::from_str::<Schedule>(&json).unwrap(), s);
    }

    #[test]
    fn medium_instance_matches_reference_and_is_valid() {
        // A fixed pseudo-random 60 × 8 × 4 instance.
        let mut x = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let mut fits = Vec::new();
        for p in 0..60 {
            for e in 0..8 {
                if next() % 3 != 0 {
                    fits.push((p, e, (next() % 1000) as f64 / 100.0));
                }
            }
        }
        let caps: Vec<u32> = (0..8).map(|_| (next() % 3) as u32 + 1).collect();
        let inp = input(60, &caps, 4, 3, &fits);
        let s = schedule(&inp).unwrap();
        check_valid(&inp, &s).unwrap();
        assert!(
            close(s.total_fit, reference_optimum(&inp)),
            "{} vs {}",
            s.total_fit,
            reference_optimum(&inp)
        );
    }

    // ---- property tests ---------------------------------------------------------------

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn tiny_instances_reach_the_brute_force_optimum(inp in instance(4, 3, 3, 4, 2)) {
            let s = schedule(&inp).unwrap();
            prop_assert_eq!(check_valid(&inp, &s), Ok(()));
            let best = brute_force(&inp);
            prop_assert!(close(s.total_fit, best), "ours {} brute force {}", s.total_fit, best);
        }

        #[test]
        fn schedules_obey_every_rule_and_reach_the_reference(inp in instance(30, 6, 5, 6, 3)) {
            let s = schedule(&inp).unwrap();
            prop_assert_eq!(check_valid(&inp, &s), Ok(()));
            let r = reference_optimum(&inp);
            prop_assert!(close(s.total_fit, r), "ours {} reference {}", s.total_fit, r);
        }

        #[test]
        fn output_is_deterministic_and_ignores_fit_order(
            inp in instance(20, 5, 4, 4, 3),
            seed in any::<u64>(),
        ) {
            let a = schedule(&inp).unwrap();
            let b = schedule(&inp).unwrap();
            prop_assert_eq!(&a, &b);
            // Any permutation of `fits` gives the identical schedule.
            let mut shuffled = inp.clone();
            let mut x = seed | 1;
            for i in (1..shuffled.fits.len()).rev() {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                shuffled.fits.swap(i, (x % (i as u64 + 1)) as usize);
            }
            prop_assert_eq!(&a, &schedule(&shuffled).unwrap());
        }

        #[test]
        fn edge_colouring_is_proper_with_max_degree_colours(
            left in 1usize..8,
            right in 1usize..8,
            raw in prop::collection::vec((0usize..8, 0usize..8), 0..40),
        ) {
            // A bipartite multigraph (parallel edges allowed).
            let ends: Vec<(usize, usize)> =
                raw.iter().map(|&(u, v)| (u % left, left + v % right)).collect();
            let mut deg = vec![0usize; left + right];
            for &(u, v) in &ends {
                deg[u] += 1;
                deg[v] += 1;
            }
            let delta = deg.iter().copied().max().unwrap_or(0);
            let c = edge_colour(left + right, delta, &ends).unwrap();
            for (i, a) in ends.iter().enumerate() {
                prop_assert!((c[i] as usize) < delta);
                for (j, b) in ends.iter().enumerate().skip(i + 1) {
                    if a.0 == b.0 || a.1 == b.1 {
                        prop_assert_ne!(c[i], c[j]);
                    }
                }
            }
        }
    }
}
