//! An in-memory index over participants and placements answering top-k queries in both
//! directions: the best candidates for a placement and the best placements for a participant.
//!
//! Each side is kept as columns (one vector per feature: Swedish level as a number, licence
//! and accommodation bitmasks, municipality index, SSYK codes as integers, skills and languages
//! as interned ids). A query rejects pairs on the hard constraints with integer comparisons,
//! scores only the survivors with the same arithmetic as [`fit`], keeps the best `k` in a bounded
//! heap, and builds the full [`Fit`] with its explanations for those `k` only.
//!
//! Order: score descending, then soft score descending (only matters among those that fail a
//! hard constraint, whose score is 0), then id ascending. Deterministic whatever the number of
//! threads or the order profiles were added in.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap};

use brygga_domain::model::EligibilityStatus;

use crate::geo::Geo;
use crate::near::{self, NearMiss};
use crate::profile::{ParticipantProfile, PlacementProfile, normalise_term};
use crate::score::{
    self, Fit, RELATED_LEVEL, Settings, accommodation_mask, cefr_rank, combine, commute_value,
    education_rank, eligibility_outcome, experience_value, is_open, language_value, licence_mask,
    licence_required_bit, skills_value, ssyk_number, ssyk_relation, wish_value, wishes_value,
};

/// Which pairs a query returns.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct CandidateFilter {
    /// Only these municipality codes (the participant's for candidates, the placement's for
    /// suggestions); empty: any.
    pub municipalities: Vec<String>,
    /// Only pairs scoring at least this.
    pub min_score: f64,
    /// Also pairs failing a hard constraint (score 0, ranked by their soft score).
    pub include_failing: bool,
}

/// One result of a query: the other side's id and the full fit.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Ranked {
    pub id: i32,
    pub fit: Fit,
}

impl Ranked {
    /// The ranking order: `Less` when `self` comes first.
    pub fn rank_cmp(&self, other: &Ranked) -> Ordering {
        rank_order(
            (self.fit.score, self.fit.soft_score, self.id),
            (other.fit.score, other.fit.soft_score, other.id),
        )
    }
}

/// Score descending, soft score descending, id ascending.
fn rank_order(a: (f64, f64, i32), b: (f64, f64, i32)) -> Ordering {
    b.0.total_cmp(&a.0)
        .then(b.1.total_cmp(&a.1))
        .then(a.2.cmp(&b.2))
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IndexError {
    #[error("participant {0} is given twice")]
    DuplicateParticipant(i32),
    #[error("placement {0} is given twice")]
    DuplicatePlacement(i32),
    #[error("participant {0} is not in the matching index")]
    UnknownParticipant(i32),
    #[error("placement {0} is not in the matching index")]
    UnknownPlacement(i32),
}

/// Rows of variable length in one vector.
#[derive(Debug, Clone)]
struct Rows<T> {
    start: Vec<u32>,
    items: Vec<T>,
}

impl<T: Copy> Rows<T> {
    fn new() -> Rows<T> {
        Rows {
            start: vec![0],
            items: vec![],
        }
    }

    fn push(&mut self, row: impl IntoIterator<Item = T>) {
        self.items.extend(row);
        self.start
            .push(u32::try_from(self.items.len()).unwrap_or(u32::MAX));
    }

    fn row(&self, i: usize) -> &[T] {
        match (self.start.get(i), self.start.get(i + 1)) {
            (Some(&a), Some(&b)) => self.items.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }
}

/// Names (skills, languages, municipality codes) as dense ids.
#[derive(Debug, Clone, Default)]
struct Interner {
    ids: HashMap<String, u32>,
    len: u32,
}

impl Interner {
    fn intern(&mut self, name: String) -> u32 {
        let next = self.len;
        let id = *self.ids.entry(name).or_insert(next);
        if id == next {
            self.len += 1;
        }
        id
    }

    fn get(&self, name: &str) -> Option<u32> {
        self.ids.get(name).copied()
    }
}

/// A distance the index does not know (a municipality missing from the reference data).
const UNKNOWN_KM: u32 = u32::MAX;

/// Participants as columns; slot `i` of every vector is one participant.
#[derive(Debug, Clone)]
struct People {
    profiles: Vec<ParticipantProfile>,
    alive: Vec<bool>,
    id: Vec<i32>,
    eligible: Vec<bool>,
    swedish: Vec<u8>,
    days: Vec<u8>,
    licences: Vec<u16>,
    needs: Vec<u8>,
    muni: Vec<u32>,
    max_km: Vec<u32>,
    education: Vec<u8>,
    experience: Rows<(u16, u8)>,
    wished: Rows<u16>,
    /// Sorted, without duplicates.
    skills: Rows<u32>,
    /// Sorted by language id, one entry per language with its highest level.
    languages: Rows<(u32, u8)>,
}

/// Placements as columns.
#[derive(Debug, Clone)]
struct Places {
    profiles: Vec<PlacementProfile>,
    alive: Vec<bool>,
    id: Vec<i32>,
    open: Vec<bool>,
    min_swedish: Vec<u8>,
    licence_bit: Vec<u16>,
    days: Vec<u8>,
    offered: Vec<u8>,
    muni: Vec<u32>,
    ssyk: Vec<u16>,
    /// 0: no requirement (`EducationLevel::None` ranks 0).
    education: Vec<u8>,
    required: Rows<u32>,
    desired: Rows<u32>,
    languages: Rows<(u32, u8)>,
}

/// The in-memory matching index of one programme.
#[derive(Debug, Clone)]
pub struct Index {
    geo: Geo,
    settings: Settings,
    weights: [f64; 5],
    threads: usize,
    /// Below this many participant slots a query runs on one thread.
    parallel_min: usize,
    skills: Interner,
    languages: Interner,
    munis: Interner,
    people: People,
    places: Places,
    person_slot: HashMap<i32, u32>,
    place_slot: HashMap<i32, u32>,
    dead_people: usize,
    dead_places: usize,
}

/// Below this many participants a query runs on one thread.
const PARALLEL_MIN: usize = 32_768;

impl Index {
    /// Index the given profiles. Ids must be unique on each side.
    pub fn build(
        participants: Vec<ParticipantProfile>,
        placements: Vec<PlacementProfile>,
        geo: Geo,
        settings: Settings,
    ) -> Result<Index, IndexError> {
        let mut munis = Interner::default();
        for code in geo.municipality_codes() {
            munis.intern(code.clone());
        }
        let threads = std::thread::available_parallelism()
            .map(|n| n.get().min(2))
            .unwrap_or(1);
        let mut index = Index {
            weights: settings.weights.effective(),
            geo,
            settings,
            threads,
            parallel_min: PARALLEL_MIN,
            skills: Interner::default(),
            languages: Interner::default(),
            munis,
            people: People::with_capacity(participants.len()),
            places: Places::with_capacity(placements.len()),
            person_slot: HashMap::with_capacity(participants.len()),
            place_slot: HashMap::with_capacity(placements.len()),
            dead_people: 0,
            dead_places: 0,
        };
        for p in participants {
            if index.person_slot.contains_key(&p.id) {
                return Err(IndexError::DuplicateParticipant(p.id));
            }
            index.push_participant(p);
        }
        for x in placements {
            if index.place_slot.contains_key(&x.id) {
                return Err(IndexError::DuplicatePlacement(x.id));
            }
            index.push_placement(x);
        }
        Ok(index)
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn geo(&self) -> &Geo {
        &self.geo
    }

    pub fn participant_count(&self) -> usize {
        self.person_slot.len()
    }

    pub fn placement_count(&self) -> usize {
        self.place_slot.len()
    }

    /// Threads one query may use (at least 1; default: up to 2 of the machine's cores).
    pub fn set_threads(&mut self, threads: usize) {
        self.threads = threads.max(1);
    }

    /// Lets tests run the threaded scan on small inputs.
    #[cfg(test)]
    pub(crate) fn set_parallel_min(&mut self, n: usize) {
        self.parallel_min = n;
    }

    pub fn participant(&self, id: i32) -> Option<&ParticipantProfile> {
        let slot = *self.person_slot.get(&id)?;
        self.people.profiles.get(slot as usize)
    }

    pub fn placement(&self, id: i32) -> Option<&PlacementProfile> {
        let slot = *self.place_slot.get(&id)?;
        self.places.profiles.get(slot as usize)
    }

    /// Add a participant or replace the one with its id.
    pub fn upsert_participant(&mut self, p: ParticipantProfile) {
        self.remove_participant(p.id);
        self.push_participant(p);
    }

    /// Remove a participant; `false` if it was not there.
    pub fn remove_participant(&mut self, id: i32) -> bool {
        let Some(slot) = self.person_slot.remove(&id) else {
            return false;
        };
        if let Some(a) = self.people.alive.get_mut(slot as usize) {
            *a = false;
        }
        self.dead_people += 1;
        if self.dead_people > 1024 && self.dead_people > self.person_slot.len() {
            self.compact_people();
        }
        true
    }

    /// Add a placement or replace the one with its id.
    pub fn upsert_placement(&mut self, x: PlacementProfile) {
        self.remove_placement(x.id);
        self.push_placement(x);
    }

    /// Remove a placement; `false` if it was not there.
    pub fn remove_placement(&mut self, id: i32) -> bool {
        let Some(slot) = self.place_slot.remove(&id) else {
            return false;
        };
        if let Some(a) = self.places.alive.get_mut(slot as usize) {
            *a = false;
        }
        self.dead_places += 1;
        if self.dead_places > 1024 && self.dead_places > self.place_slot.len() {
            self.compact_places();
        }
        true
    }

    /// The `k` best candidates for a placement.
    pub fn top_candidates(
        &self,
        placement_id: i32,
        k: usize,
        filter: &CandidateFilter,
    ) -> Result<Vec<Ranked>, IndexError> {
        let xi = *self
            .place_slot
            .get(&placement_id)
            .ok_or(IndexError::UnknownPlacement(placement_id))? as usize;
        if k == 0 {
            return Ok(vec![]);
        }
        let q = self.candidate_query(xi, filter);
        let n = self.people.id.len();
        let entries = if self.threads > 1 && n >= self.parallel_min {
            let chunk = n.div_ceil(self.threads);
            std::thread::scope(|s| {
                let handles: Vec<_> = (0..self.threads)
                    .map(|t| {
                        let q = &q;
                        let range = (t * chunk).min(n)..((t + 1) * chunk).min(n);
                        s.spawn(move || self.scan_people(q, range, k))
                    })
                    .collect();
                let mut all = vec![];
                for h in handles {
                    // A scan cannot panic on any input; if a thread died anyway, scan again
                    // on this one rather than answer with part of the participants.
                    match h.join() {
                        Ok(mut part) => all.append(&mut part),
                        Err(_) => return None,
                    }
                }
                Some(all)
            })
            .unwrap_or_else(|| self.scan_people(&q, 0..n, k))
        } else {
            self.scan_people(&q, 0..n, k)
        };
        let x = &self.places.profiles[xi];
        Ok(self.finish(entries, k, |slot| {
            let p = &self.people.profiles[slot];
            (p.id, score::fit(p, x, &self.geo, &self.settings))
        }))
    }

    /// The `k` best placements for a participant.
    pub fn top_placements(
        &self,
        participant_id: i32,
        k: usize,
        filter: &CandidateFilter,
    ) -> Result<Vec<Ranked>, IndexError> {
        let pi = self.person_index(participant_id)?;
        if k == 0 {
            return Ok(vec![]);
        }
        let pe = &self.people;
        let pl = &self.places;
        let allowed = self.muni_filter(&filter.municipalities);
        let row = self.km_row(pe.muni[pi]);
        let (elig_pass, _) = eligibility_outcome(pe.eligible[pi], self.settings.eligibility);
        let skills = pe.skills.row(pi);
        let mut top = TopK::new(k);
        for xi in 0..pl.id.len() {
            if !pl.alive[xi] || allowed.as_ref().is_some_and(|a| !flag(a, pl.muni[xi])) {
                continue;
            }
            let km = row.get(pl.muni[xi] as usize).copied().unwrap_or(UNKNOWN_KM);
            let pass = pl.open[xi]
                && elig_pass
                && pe.days[pi] >= pl.days[xi]
                && pe.swedish[pi] >= pl.min_swedish[xi]
                && (pl.licence_bit[xi] == 0 || pe.licences[pi] & pl.licence_bit[xi] != 0)
                && pe.needs[pi] & !pl.offered[xi] == 0
                && km != UNKNOWN_KM
                && km <= pe.max_km[pi];
            if !pass && !filter.include_failing {
                continue;
            }
            let held = |id: &u32| skills.binary_search(id).is_ok();
            let req_met = pl.required.row(xi).iter().filter(|s| held(s)).count() as u32;
            let des_met = pl.desired.row(xi).iter().filter(|s| held(s)).count() as u32;
            let cheap = self.cheap_parts(pi, xi, km);
            let soft = self.soft(pi, xi, req_met, des_met, &cheap);
            let score = if pass { soft } else { 0.0 };
            if score < filter.min_score {
                continue;
            }
            top.offer(Entry {
                score,
                soft,
                id: pl.id[xi],
                slot: xi as u32,
            });
        }
        let p = &pe.profiles[pi];
        Ok(self.finish(top.into_vec(), k, |slot| {
            let x = &pl.profiles[slot];
            (x.id, score::fit(p, x, &self.geo, &self.settings))
        }))
    }

    /// The participant's row in the index.
    fn person_index(&self, participant_id: i32) -> Result<usize, IndexError> {
        self.person_slot
            .get(&participant_id)
            .map(|slot| *slot as usize)
            .ok_or(IndexError::UnknownParticipant(participant_id))
    }

    /// The first `limit` near misses of a participant: open placements in the participant's
    /// own or a neighbouring trade that fail exactly one hard rule (see [`crate::near`]).
    /// The same as [`crate::near::near_misses`] over the index's placements.
    pub fn near_misses(
        &self,
        participant_id: i32,
        limit: usize,
    ) -> Result<Vec<NearMiss>, IndexError> {
        let pi = self.person_index(participant_id)?;
        if limit == 0 {
            return Ok(vec![]);
        }
        let pe = &self.people;
        let pl = &self.places;
        let row = self.km_row(pe.muni[pi]);
        let (elig_pass, _) = eligibility_outcome(pe.eligible[pi], self.settings.eligibility);
        let trades: Vec<u16> = pe
            .experience
            .row(pi)
            .iter()
            .map(|&(code, _)| code)
            .chain(pe.wished.row(pi).iter().copied())
            .collect();
        let skills = pe.skills.row(pi);
        let mut top = TopK::new(limit);
        for xi in 0..pl.id.len() {
            if !pl.alive[xi] || !pl.open[xi] {
                continue;
            }
            let target = pl.ssyk[xi];
            let relation = trades
                .iter()
                .map(|&c| ssyk_relation(c, target))
                .max()
                .unwrap_or(0);
            if relation < RELATED_LEVEL {
                continue;
            }
            let km = row.get(pl.muni[xi] as usize).copied().unwrap_or(UNKNOWN_KM);
            let fails = u8::from(!elig_pass)
                + u8::from(pe.days[pi] < pl.days[xi])
                + u8::from(pe.swedish[pi] < pl.min_swedish[xi])
                + u8::from(pl.licence_bit[xi] != 0 && pe.licences[pi] & pl.licence_bit[xi] == 0)
                + u8::from(pe.needs[pi] & !pl.offered[xi] != 0)
                + u8::from(km == UNKNOWN_KM || km > pe.max_km[pi]);
            if fails != 1 {
                continue;
            }
            let held = |id: &u32| skills.binary_search(id).is_ok();
            let req_met = pl.required.row(xi).iter().filter(|s| held(s)).count() as u32;
            let des_met = pl.desired.row(xi).iter().filter(|s| held(s)).count() as u32;
            let cheap = self.cheap_parts(pi, xi, km);
            let soft = self.soft(pi, xi, req_met, des_met, &cheap);
            // The entry order (score, soft score descending, id ascending) with the relation
            // in the score's place is the near-miss order.
            top.offer(Entry {
                score: f64::from(relation),
                soft,
                id: pl.id[xi],
                slot: xi as u32,
            });
        }
        let mut entries = top.into_vec();
        entries.sort_unstable();
        let p = &pe.profiles[pi];
        let mut out: Vec<NearMiss> = entries
            .iter()
            .filter_map(|e| {
                let x = &pl.profiles[e.slot as usize];
                let fit = score::fit(p, x, &self.geo, &self.settings);
                #[cfg(test)]
                assert_eq!(
                    fit.soft_score.to_bits(),
                    e.soft.to_bits(),
                    "soft score of {}",
                    x.id
                );
                near::near_miss(p, x, fit, &self.geo)
            })
            .collect();
        out.sort_by(near::near_miss_cmp);
        Ok(out)
    }

    // ------------------------------------------------------------ queries

    fn candidate_query(&self, xi: usize, filter: &CandidateFilter) -> CandidateQuery {
        let pl = &self.places;
        let mut skill_counts = vec![(0u32, 0u32); self.skills.len as usize];
        for &s in pl.required.row(xi) {
            if let Some(c) = skill_counts.get_mut(s as usize) {
                c.0 += 1;
            }
        }
        for &s in pl.desired.row(xi) {
            if let Some(c) = skill_counts.get_mut(s as usize) {
                c.1 += 1;
            }
        }
        CandidateQuery {
            xi,
            open: pl.open[xi],
            min_swedish: pl.min_swedish[xi],
            licence_bit: pl.licence_bit[xi],
            days: pl.days[xi],
            not_offered: !pl.offered[xi],
            km: self.km_row(pl.muni[xi]),
            skill_counts,
            allowed: self.muni_filter(&filter.municipalities),
            min_score: filter.min_score,
            include_failing: filter.include_failing,
            ineligible_pass: eligibility_outcome(false, self.settings.eligibility).0,
        }
    }

    /// The best `k` of participant slots `range` for the query's placement.
    fn scan_people(
        &self,
        q: &CandidateQuery,
        range: std::ops::Range<usize>,
        k: usize,
    ) -> Vec<Entry> {
        let pe = &self.people;
        let mut top = TopK::new(k);
        if !q.open && !q.include_failing {
            return vec![];
        }
        for i in range {
            if !pe.alive[i] {
                continue;
            }
            let muni = pe.muni[i];
            if let Some(a) = &q.allowed
                && !flag(a, muni)
            {
                continue;
            }
            let km = q.km.get(muni as usize).copied().unwrap_or(UNKNOWN_KM);
            // Non-short-circuit `&`: one well-predicted branch instead of eight random ones.
            let pass = q.open
                & (pe.swedish[i] >= q.min_swedish)
                & (pe.days[i] >= q.days)
                & (q.ineligible_pass | pe.eligible[i])
                & (pe.licences[i] & q.licence_bit == q.licence_bit)
                & (pe.needs[i] & q.not_offered == 0)
                & (km <= pe.max_km[i])
                & (km != UNKNOWN_KM);
            if !pass && (!q.include_failing || q.min_score > 0.0) {
                continue;
            }
            let worst = top.worst();
            // A failing pair scores 0: it cannot displace a kept pair that scores above 0.
            if !pass && worst.is_some_and(|w| w.score > 0.0) {
                continue;
            }
            let cheap = self.cheap_parts(i, q.xi, km);
            // Occupation and skills can add at most their full value: skip the pair if even
            // that cannot reach the worst kept (IEEE arithmetic is monotone, so the bound holds
            // exactly).
            if pass
                && let Some(w) = worst
                && cheap.bound(&self.weights) < w.score
            {
                continue;
            }
            let (mut req_met, mut des_met) = (0, 0);
            for &s in pe.skills.row(i) {
                if let Some(&(r, d)) = q.skill_counts.get(s as usize) {
                    req_met += r;
                    des_met += d;
                }
            }
            let soft = self.soft(i, q.xi, req_met, des_met, &cheap);
            let score = if pass { soft } else { 0.0 };
            if score < q.min_score {
                continue;
            }
            top.offer(Entry {
                score,
                soft,
                id: pe.id[i],
                slot: i as u32,
            });
        }
        top.into_vec()
    }

    /// The cheap components of a pair: language, wishes and commute.
    fn cheap_parts(&self, pi: usize, xi: usize, km: u32) -> Cheap {
        let pe = &self.people;
        let pl = &self.places;
        let target = pl.ssyk[xi];
        let mut wish_level: Option<u8> = None;
        for &code in pe.wished.row(pi) {
            let level = ssyk_relation(code, target);
            wish_level = Some(wish_level.map_or(level, |b| b.max(level)));
        }
        let wanted = pl.languages.row(xi);
        let mut other_met = 0;
        if !wanted.is_empty() {
            let have = pe.languages.row(pi);
            for &(lang, level) in wanted {
                if let Ok(j) = have.binary_search_by_key(&lang, |&(l, _)| l)
                    && have[j].1 >= level
                {
                    other_met += 1;
                }
            }
        }
        let km = (km != UNKNOWN_KM).then_some(km);
        Cheap {
            language: language_value(
                pe.swedish[pi],
                pl.min_swedish[xi],
                other_met,
                wanted.len() as u32,
            ),
            wishes: wishes_value(wish_level),
            commute: commute_value(km, pe.max_km[pi]),
            wish_level,
        }
    }

    /// The soft score of a pair, from the columns; the same arithmetic as [`score::fit`].
    fn soft(&self, pi: usize, xi: usize, req_met: u32, des_met: u32, cheap: &Cheap) -> f64 {
        let pe = &self.people;
        let pl = &self.places;
        let target = pl.ssyk[xi];

        // The best wish counts like the best of the wishes: the value rises with the level.
        let mut occupation = cheap.wish_level.map_or(0.0, wish_value);
        for &(code, years) in pe.experience.row(pi) {
            occupation = occupation.max(experience_value(ssyk_relation(code, target), years));
        }

        let edu_req = pl.education[xi];
        let (mut req_met, mut req_total) = (req_met, pl.required.row(xi).len() as u32);
        if edu_req > 0 {
            req_total += 1;
            req_met += u32::from(pe.education[pi] >= edu_req);
        }
        let skills = skills_value(req_met, req_total, des_met, pl.desired.row(xi).len() as u32);

        let values = [
            occupation,
            skills,
            cheap.language,
            cheap.wishes,
            cheap.commute,
        ];
        combine(&values, &self.weights)
    }

    /// Sort the candidates, keep `k`, and build their full fits.
    fn finish(
        &self,
        mut entries: Vec<Entry>,
        k: usize,
        fit_of: impl Fn(usize) -> (i32, Fit),
    ) -> Vec<Ranked> {
        entries.sort_unstable();
        entries.truncate(k);
        let mut out: Vec<Ranked> = entries
            .iter()
            .map(|e| {
                let (id, fit) = fit_of(e.slot as usize);
                // The scan's arithmetic and `fit`'s are the same; tests hold them to it.
                #[cfg(test)]
                {
                    assert_eq!(fit.score.to_bits(), e.score.to_bits(), "score of {id}");
                    assert_eq!(
                        fit.soft_score.to_bits(),
                        e.soft.to_bits(),
                        "soft score of {id}"
                    );
                }
                Ranked { id, fit }
            })
            .collect();
        out.sort_by(Ranked::rank_cmp);
        out
    }

    /// Municipality ids allowed by a filter; `None`: any.
    fn muni_filter(&self, codes: &[String]) -> Option<Vec<bool>> {
        if codes.is_empty() {
            return None;
        }
        let mut allowed = vec![false; self.munis.len as usize];
        for c in codes {
            if let Some(m) = self.munis.get(c)
                && let Some(a) = allowed.get_mut(m as usize)
            {
                *a = true;
            }
        }
        Some(allowed)
    }

    /// Distance in km from municipality `from` to every municipality id ([`UNKNOWN_KM`] where
    /// unknown).
    fn km_row(&self, from: u32) -> Vec<u32> {
        (0..self.munis.len)
            .map(|to| {
                if to == from {
                    0
                } else {
                    match (u16::try_from(from), u16::try_from(to)) {
                        (Ok(a), Ok(b)) => self.geo.distance_by_index(a, b).unwrap_or(UNKNOWN_KM),
                        _ => UNKNOWN_KM,
                    }
                }
            })
            .collect()
    }

    // ------------------------------------------------------------ building

    fn push_participant(&mut self, p: ParticipantProfile) {
        let slot = self.people.id.len() as u32;
        let pe = &mut self.people;
        pe.alive.push(true);
        pe.id.push(p.id);
        pe.eligible
            .push(p.eligibility == EligibilityStatus::Eligible);
        pe.swedish.push(cefr_rank(p.swedish));
        pe.days.push(p.available_days);
        pe.licences.push(licence_mask(&p.licences));
        pe.needs.push(accommodation_mask(&p.needs));
        pe.muni.push(self.munis.intern(p.municipality.clone()));
        pe.max_km.push(p.max_commute_km);
        pe.education.push(education_rank(p.education));
        pe.experience.push(
            p.experience
                .iter()
                .map(|(code, years)| (ssyk_number(code), *years)),
        );
        pe.wished.push(p.wished.iter().map(|c| ssyk_number(c)));
        let mut skills: Vec<u32> = p
            .skills
            .iter()
            .map(|s| self.skills.intern(normalise_term(s)))
            .collect();
        skills.sort_unstable();
        skills.dedup();
        pe.skills.push(skills);
        let mut langs: Vec<(u32, u8)> = p
            .languages
            .iter()
            .map(|(l, c)| {
                (
                    self.languages.intern(normalise_term(l)),
                    cefr_rank(Some(*c)),
                )
            })
            .collect();
        // Highest level first within a language, then keep that one.
        langs.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        langs.dedup_by_key(|l| l.0);
        pe.languages.push(langs);
        self.person_slot.insert(p.id, slot);
        pe.profiles.push(p);
    }

    fn push_placement(&mut self, x: PlacementProfile) {
        let slot = self.places.id.len() as u32;
        let pl = &mut self.places;
        pl.alive.push(true);
        pl.id.push(x.id);
        pl.open.push(is_open(x.status, x.free_places));
        pl.min_swedish.push(cefr_rank(Some(x.min_swedish)));
        pl.licence_bit.push(licence_required_bit(x.driving_licence));
        pl.days.push(x.days_per_week);
        pl.offered.push(accommodation_mask(&x.accommodations));
        pl.muni.push(self.munis.intern(x.municipality.clone()));
        pl.ssyk.push(ssyk_number(&x.ssyk));
        pl.education.push(education_rank(x.education));
        let skills = &mut self.skills;
        pl.required.push(
            x.required_skills
                .iter()
                .map(|s| skills.intern(normalise_term(s)))
                .collect::<Vec<_>>(),
        );
        pl.desired.push(
            x.desired_skills
                .iter()
                .map(|s| skills.intern(normalise_term(s)))
                .collect::<Vec<_>>(),
        );
        let languages = &mut self.languages;
        pl.languages.push(
            x.other_languages
                .iter()
                .map(|(l, c)| (languages.intern(normalise_term(l)), cefr_rank(Some(*c))))
                .collect::<Vec<_>>(),
        );
        self.place_slot.insert(x.id, slot);
        pl.profiles.push(x);
    }

    fn compact_people(&mut self) {
        let old = std::mem::replace(
            &mut self.people,
            People::with_capacity(self.person_slot.len()),
        );
        self.person_slot.clear();
        self.dead_people = 0;
        for (p, alive) in old.profiles.into_iter().zip(old.alive) {
            if alive {
                self.push_participant(p);
            }
        }
    }

    fn compact_places(&mut self) {
        let old = std::mem::replace(
            &mut self.places,
            Places::with_capacity(self.place_slot.len()),
        );
        self.place_slot.clear();
        self.dead_places = 0;
        for (x, alive) in old.profiles.into_iter().zip(old.alive) {
            if alive {
                self.push_placement(x);
            }
        }
    }
}

fn flag(allowed: &[bool], muni: u32) -> bool {
    allowed.get(muni as usize).copied().unwrap_or(false)
}

impl People {
    fn with_capacity(n: usize) -> People {
        People {
            profiles: Vec::with_capacity(n),
            alive: Vec::with_capacity(n),
            id: Vec::with_capacity(n),
            eligible: Vec::with_capacity(n),
            swedish: Vec::with_capacity(n),
            days: Vec::with_capacity(n),
            licences: Vec::with_capacity(n),
            needs: Vec::with_capacity(n),
            muni: Vec::with_capacity(n),
            max_km: Vec::with_capacity(n),
            education: Vec::with_capacity(n),
            experience: Rows::new(),
            wished: Rows::new(),
            skills: Rows::new(),
            languages: Rows::new(),
        }
    }
}

impl Places {
    fn with_capacity(n: usize) -> Places {
        Places {
            profiles: Vec::with_capacity(n),
            alive: Vec::with_capacity(n),
            id: Vec::with_capacity(n),
            open: Vec::with_capacity(n),
            min_swedish: Vec::with_capacity(n),
            licence_bit: Vec::with_capacity(n),
            days: Vec::with_capacity(n),
            offered: Vec::with_capacity(n),
            muni: Vec::with_capacity(n),
            ssyk: Vec::with_capacity(n),
            education: Vec::with_capacity(n),
            required: Rows::new(),
            desired: Rows::new(),
            languages: Rows::new(),
        }
    }
}

/// A placement's requirements, precomputed for a scan over participants.
struct CandidateQuery {
    xi: usize,
    open: bool,
    min_swedish: u8,
    licence_bit: u16,
    days: u8,
    not_offered: u8,
    /// km from the placement's municipality, by municipality id.
    km: Vec<u32>,
    /// By skill id: how many of the placement's required and desired skills it is.
    skill_counts: Vec<(u32, u32)>,
    allowed: Option<Vec<bool>>,
    min_score: f64,
    include_failing: bool,
    /// Whether a participant not confirmed eligible passes the eligibility check.
    ineligible_pass: bool,
}

/// The components of a pair that cost little to compute.
struct Cheap {
    language: f64,
    wishes: f64,
    commute: f64,
    /// The closest wished occupation's relation to the placement's.
    wish_level: Option<u8>,
}

impl Cheap {
    /// The highest soft score the pair can have: occupation and skills at 1.
    fn bound(&self, weights: &[f64; 5]) -> f64 {
        combine(
            &[1.0, 1.0, self.language, self.wishes, self.commute],
            weights,
        )
    }
}

/// A scored pair during a scan. Ordered by rank: `Less` comes first.
#[derive(Debug, Clone, Copy)]
struct Entry {
    score: f64,
    soft: f64,
    id: i32,
    slot: u32,
}

impl Ord for Entry {
    fn cmp(&self, other: &Entry) -> Ordering {
        rank_order(
            (self.score, self.soft, self.id),
            (other.score, other.soft, other.id),
        )
    }
}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Entry) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Entry {
    fn eq(&self, other: &Entry) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Entry {}

/// The best `k` entries seen: a max-heap whose top is the worst kept.
struct TopK {
    k: usize,
    heap: BinaryHeap<Entry>,
}

impl TopK {
    fn new(k: usize) -> TopK {
        TopK {
            k,
            heap: BinaryHeap::with_capacity(k.min(4096) + 1),
        }
    }

    fn offer(&mut self, e: Entry) {
        if self.heap.len() < self.k {
            self.heap.push(e);
        } else if let Some(mut worst) = self.heap.peek_mut()
            && e < *worst
        {
            *worst = e;
        }
    }

    /// The worst entry kept, once `k` are kept.
    fn worst(&self) -> Option<Entry> {
        if self.heap.len() < self.k {
            None
        } else {
            self.heap.peek().copied()
        }
    }

    fn into_vec(self) -> Vec<Entry> {
        self.heap.into_vec()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use brygga_domain::refdata::RefData;

    type R = Result<(), Box<dyn std::error::Error>>;

    fn index(n: usize) -> Result<Index, Box<dyn std::error::Error>> {
        let refdata = RefData::load()?;
        let people = crate::generate::participants(&refdata, n, 11);
        let places = crate::generate::placements(&refdata, 40, 11);
        Ok(Index::build(
            people,
            places,
            Geo::new(&refdata),
            Settings::default(),
        )?)
    }

    /// A published placement with candidates.
    fn busy_placement(ix: &Index) -> Result<i32, Box<dyn std::error::Error>> {
        for id in 1..=40 {
            if ix.top_candidates(id, 5, &CandidateFilter::default())?.len() == 5 {
                return Ok(id);
            }
        }
        Err("no placement with five candidates".into())
    }

    #[test]
    fn the_index_can_be_shared_between_threads() {
        fn shared<T: Send + Sync>() {}
        shared::<Index>();
    }

    #[test]
    fn unknown_and_duplicate_ids_are_errors() -> R {
        let ix = index(50)?;
        let f = CandidateFilter::default();
        assert_eq!(
            ix.top_candidates(999, 5, &f),
            Err(IndexError::UnknownPlacement(999))
        );
        assert_eq!(
            ix.top_placements(-1, 5, &f),
            Err(IndexError::UnknownParticipant(-1))
        );
        assert_eq!(ix.top_candidates(1, 0, &f), Ok(vec![]));
        let refdata = RefData::load()?;
        let mut people = crate::generate::participants(&refdata, 3, 1);
        people[2].id = people[0].id;
        let err = Index::build(people, vec![], Geo::new(&refdata), Settings::default()).err();
        assert_eq!(err, Some(IndexError::DuplicateParticipant(1)));
        let mut places = crate::generate::placements(&refdata, 2, 1);
        places[1].id = 1;
        let err = Index::build(vec![], places, Geo::new(&refdata), Settings::default()).err();
        assert_eq!(err, Some(IndexError::DuplicatePlacement(1)));
        Ok(())
    }

    #[test]
    fn results_come_best_first_with_full_explanations() -> R {
        let ix = index(3000)?;
        let id = busy_placement(&ix)?;
        let top = ix.top_candidates(id, 20, &CandidateFilter::default())?;
        assert!(
            top.windows(2)
                .all(|w| w[0].rank_cmp(&w[1]) == Ordering::Less)
        );
        for r in &top {
            assert!(r.fit.passes() && r.fit.score > 0.0);
            assert_eq!(r.fit.hard.len(), 7);
            assert!(
                r.fit
                    .components
                    .iter()
                    .all(|c| !c.explanation.sv.is_empty() && !c.explanation.en.is_empty())
            );
        }
        Ok(())
    }

    #[test]
    fn filters_limit_municipality_score_and_failing_pairs() -> R {
        let ix = index(3000)?;
        let id = busy_placement(&ix)?;
        let goteborg = CandidateFilter {
            municipalities: vec!["1480".into()],
            ..CandidateFilter::default()
        };
        for r in ix.top_candidates(id, 50, &goteborg)? {
            assert_eq!(
                ix.participant(r.id).map(|p| p.municipality.as_str()),
                Some("1480")
            );
        }
        let nowhere = CandidateFilter {
            municipalities: vec!["0000".into()],
            ..CandidateFilter::default()
        };
        assert!(ix.top_candidates(id, 50, &nowhere)?.is_empty());

        let all = ix.top_candidates(id, 3000, &CandidateFilter::default())?;
        let min = all.get(all.len() / 2).map(|r| r.fit.score).unwrap_or(0.5);
        let high = CandidateFilter {
            min_score: min,
            ..CandidateFilter::default()
        };
        let above = ix.top_candidates(id, 3000, &high)?;
        assert!(above.iter().all(|r| r.fit.score >= min));
        assert_eq!(
            above.len(),
            all.iter().filter(|r| r.fit.score >= min).count()
        );

        // Including those that fail: every passing candidate first, then the near misses.
        let with_failing = CandidateFilter {
            include_failing: true,
            ..CandidateFilter::default()
        };
        let every = ix.top_candidates(id, 3000, &with_failing)?;
        assert_eq!(every.len(), 3000);
        let passing = every.iter().take_while(|r| r.fit.passes()).count();
        assert_eq!(passing, all.len());
        assert!(
            every[passing..]
                .iter()
                .all(|r| !r.fit.passes() && r.fit.score == 0.0)
        );
        assert!(
            every[passing..]
                .windows(2)
                .all(|w| w[0].fit.soft_score >= w[1].fit.soft_score)
        );
        Ok(())
    }

    #[test]
    fn suggestions_for_a_participant_are_open_placements() -> R {
        let ix = index(500)?;
        let mut found = 0;
        for id in 1..=500 {
            for r in ix.top_placements(id, 5, &CandidateFilter::default())? {
                let x = ix.placement(r.id).ok_or("unknown placement")?;
                assert!(
                    x.status == brygga_domain::model::PlacementStatus::Published
                        && x.free_places > 0
                );
                found += 1;
            }
        }
        assert!(found > 0);
        Ok(())
    }

    #[test]
    fn removing_and_replacing_profiles_updates_the_results() -> R {
        let mut ix = index(2000)?;
        let id = busy_placement(&ix)?;
        let f = CandidateFilter::default();
        let top = ix.top_candidates(id, 1, &f)?;
        let best = top.first().ok_or("no candidate")?.id;
        assert!(ix.remove_participant(best));
        assert!(!ix.remove_participant(best));
        assert!(ix.top_candidates(id, 20, &f)?.iter().all(|r| r.id != best));
        assert_eq!(ix.participant_count(), 1999);
        // Closing the placement leaves it without candidates.
        let mut x = ix.placement(id).ok_or("no placement")?.clone();
        x.status = brygga_domain::model::PlacementStatus::Closed;
        ix.upsert_placement(x);
        assert!(ix.top_candidates(id, 20, &f)?.is_empty());
        assert_eq!(ix.placement_count(), 40);
        // Many removals compact the columns without changing the answers.
        let present = (1..=1500).filter(|p| ix.participant(*p).is_some()).count();
        let before = ix.participant_count();
        for pid in 1..=1500 {
            ix.remove_participant(pid);
        }
        assert_eq!(ix.participant_count(), before - present);
        assert!(ix.dead_people < 1024, "compacted");
        let left: Vec<ParticipantProfile> = (1..=2000)
            .filter_map(|p| ix.participant(p).cloned())
            .collect();
        let places: Vec<PlacementProfile> =
            (1..=40).filter_map(|x| ix.placement(x).cloned()).collect();
        let fresh = Index::build(left, places, ix.geo().clone(), Settings::default())?;
        let all = CandidateFilter {
            include_failing: true,
            ..CandidateFilter::default()
        };
        for x in 1..=40 {
            assert_eq!(
                ix.top_candidates(x, 30, &all)?,
                fresh.top_candidates(x, 30, &all)?
            );
        }
        Ok(())
    }
}
