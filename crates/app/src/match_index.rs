//! The matching index held in memory across requests. Building it from the database takes
//! about half a second at 200,000 participants, a ranking over it a few milliseconds, so each
//! instance keeps one index per set of programmes it has been asked to rank for, and keeps them
//! current from the database's change feed (`brygga_store::match_feed`): before every ranking
//! it reads the feed rows after the last it applied and reloads what they name. A change made
//! through any instance on the same database is therefore seen by the next ranking on every
//! instance.
//!
//! The feed's ids are taken when a row is inserted but seen when its transaction commits, so on
//! PostgreSQL a smaller id can appear after a larger one. The feed keeps the highest id below
//! which it has seen every row (`low`) and the ids above it already applied; a missing id is
//! waited for (`GAP_WAIT`) before it is taken for a rolled-back transaction's.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use brygga_matching::{Geo, Index, Settings};
use brygga_store::Actor;
use brygga_store::match_feed::{ChangedEntity, MatchingChange};
use brygga_store::placement::PlacementRecord;

use crate::matching::{participant_profile, placement_profile};
use crate::{App, Error, Result};

/// How long a missing feed id is waited for before it is taken as never coming.
const GAP_WAIT: Duration = Duration::from_secs(60);
/// An instance that has not read the feed for this long rebuilds rather than replays (the feed
/// keeps rows for `FEED_KEEP_SECONDS`).
const STALE_AFTER: Duration = Duration::from_secs(10 * 60);
/// How long the feed keeps its rows.
const FEED_KEEP_SECONDS: i64 = 30 * 60;
/// How often an instance prunes the feed.
const PRUNE_EVERY: Duration = Duration::from_secs(5 * 60);
/// More changes than this at once: rebuild instead of applying them one by one.
const REPLAY_MAX: u64 = 5_000;
/// Feed rows replayed after a restart.
const REPLAY_MARGIN: i64 = 100;
/// Indexes kept per instance (one per set of programmes asked for), least recently used
/// dropped first.
const ENTRIES_MAX: usize = 8;

/// The instance's matching indexes and its place in the change feed.
#[derive(Default)]
pub struct MatchIndex {
    feed: tokio::sync::Mutex<Feed>,
    entries: RwLock<Vec<Arc<Entry>>>,
    tick: AtomicU64,
}

#[derive(Default)]
struct Feed {
    /// Every feed row up to this id has been applied (or given up for).
    low: i64,
    /// Rows after `low` already applied.
    seen: BTreeSet<i64>,
    /// The first missing id after `low`, and since when it has been missed.
    gap: Option<(i64, Instant)>,
    /// When the feed was last read; `None` before the first time.
    read_at: Option<Instant>,
    pruned_at: Option<Instant>,
}

/// One index: the participants of a set of programmes and every open placement.
pub struct Entry {
    programmes: Vec<i32>,
    state: RwLock<EntryState>,
    used: AtomicU64,
}

/// What an entry holds: the index and the records of its placements (shown beside a ranking).
pub struct EntryState {
    pub index: Index,
    pub placements: HashMap<i32, PlacementRecord>,
}

impl Entry {
    /// Read the index (briefly: never held across an await).
    pub fn read(&self) -> std::sync::RwLockReadGuard<'_, EntryState> {
        self.state.read().unwrap_or_else(|e| e.into_inner())
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, EntryState> {
        self.state.write().unwrap_or_else(|e| e.into_inner())
    }
}

/// What a batch of feed rows asks to reload.
#[derive(Default)]
struct Changed {
    participants: HashSet<i32>,
    placements: HashSet<i32>,
    all_placements: bool,
    programmes: HashSet<i32>,
    rebuild: bool,
}

impl Changed {
    fn add(&mut self, c: &MatchingChange) {
        match c.entity {
            ChangedEntity::Participant => {
                self.participants.insert(c.entity_id);
            }
            ChangedEntity::Placement => {
                self.placements.insert(c.entity_id);
            }
            // An employer's name shows on each of its placements; employers change seldom.
            ChangedEntity::Employer => self.all_placements = true,
            ChangedEntity::Programme => {
                self.programmes.insert(c.entity_id);
            }
            ChangedEntity::Other => self.rebuild = true,
        }
    }

    fn is_empty(&self) -> bool {
        self.participants.is_empty()
            && self.placements.is_empty()
            && !self.all_placements
            && self.programmes.is_empty()
            && !self.rebuild
    }
}

fn system() -> Actor {
    Actor::system_for("matching index")
}

impl MatchIndex {
    /// The index over `programmes` (sorted, without repeats), current with every change
    /// committed before this call.
    pub async fn entry(&self, app: &App, programmes: &[i32]) -> Result<Arc<Entry>> {
        let mut feed = self.feed.lock().await;
        self.catch_up(app, &mut feed).await?;
        let tick = self.tick.fetch_add(1, Ordering::Relaxed);
        let found = self
            .entries()
            .iter()
            .find(|e| e.programmes == programmes)
            .cloned();
        let entry = match found {
            Some(e) => e,
            None => {
                // Built from what is committed now, at least everything up to the feed's
                // place; rows after it are applied again by the next call (reloading is
                // idempotent).
                let e = Arc::new(build(app, programmes, tick).await?);
                let mut all = self.entries.write().unwrap_or_else(|e| e.into_inner());
                all.push(e.clone());
                if all.len() > ENTRIES_MAX {
                    all.sort_by_key(|e| std::cmp::Reverse(e.used.load(Ordering::Relaxed)));
                    all.truncate(ENTRIES_MAX);
                }
                e
            }
        };
        entry.used.store(tick, Ordering::Relaxed);
        Ok(entry)
    }

    /// Build the index of each programme (as many as are kept) before anyone asks, so that a
    /// coordinator's first ranking after a start does not wait for it. Run in the background.
    pub async fn warm(&self, app: &App) -> Result<()> {
        let mut programmes: Vec<i32> = app
            .store
            .orgs(&system())
            .await?
            .into_iter()
            .filter(|o| o.kind == brygga_domain::model::OrgKind::Programme)
            .map(|o| o.id)
            .collect();
        programmes.sort_unstable();
        for id in programmes.into_iter().take(ENTRIES_MAX) {
            self.entry(app, &[id]).await?;
        }
        Ok(())
    }

    fn entries(&self) -> Vec<Arc<Entry>> {
        self.entries
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    fn clear(&self) {
        self.entries
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }

    /// Apply the feed rows committed since the last call, or start over.
    async fn catch_up(&self, app: &App, feed: &mut Feed) -> Result<()> {
        let now = Instant::now();
        let fresh = feed
            .read_at
            .is_some_and(|at| now.duration_since(at) < STALE_AFTER);
        if !fresh {
            self.restart(app, feed).await?;
            return Ok(());
        }
        let rows = app.store.matching_changes(feed.low, REPLAY_MAX + 1).await?;
        if rows.len() as u64 > REPLAY_MAX {
            self.restart(app, feed).await?;
            return Ok(());
        }
        let mut changed = Changed::default();
        let mut new_ids = vec![];
        for r in &rows {
            if !feed.seen.contains(&r.id) {
                changed.add(r);
                new_ids.push(r.id);
            }
        }
        if changed.rebuild {
            self.restart(app, feed).await?;
            return Ok(());
        }
        if !changed.is_empty() {
            apply(app, &self.entries(), &changed).await?;
            if !changed.programmes.is_empty() {
                let mut all = self.entries.write().unwrap_or_else(|e| e.into_inner());
                all.retain(|e| !e.programmes.iter().any(|p| changed.programmes.contains(p)));
            }
        }
        feed.seen.extend(new_ids);
        feed.advance(now);
        feed.read_at = Some(now);
        if feed
            .pruned_at
            .is_none_or(|at| now.duration_since(at) >= PRUNE_EVERY)
        {
            feed.pruned_at = Some(now);
            app.store.matching_changes_prune(FEED_KEEP_SECONDS).await?;
        }
        Ok(())
    }

    /// Drop every index (rebuilt when next asked for) and take the feed from its head.
    async fn restart(&self, app: &App, feed: &mut Feed) -> Result<()> {
        let head = app.store.matching_change_head().await?;
        self.clear();
        *feed = Feed {
            // The last rows again: on PostgreSQL one with a smaller id than the head may
            // commit after the indexes are rebuilt.
            low: head.saturating_sub(REPLAY_MARGIN).max(0),
            read_at: Some(Instant::now()),
            pruned_at: feed.pruned_at,
            ..Feed::default()
        };
        Ok(())
    }
}

impl Feed {
    /// Move `low` over the ids seen without a gap, and over a gap waited for long enough.
    fn advance(&mut self, now: Instant) {
        loop {
            while self.seen.first() == Some(&(self.low + 1)) {
                self.seen.pop_first();
                self.low += 1;
            }
            if self.seen.is_empty() {
                self.gap = None;
                return;
            }
            let missing = self.low + 1;
            match self.gap {
                Some((id, since)) if id == missing => {
                    if now.duration_since(since) < GAP_WAIT {
                        return;
                    }
                    // Never committed (a rolled-back insert): skip it.
                    self.low = missing;
                    self.gap = None;
                }
                _ => {
                    self.gap = Some((missing, now));
                    return;
                }
            }
        }
    }
}

/// Build the index over `programmes` from the database, as used at `tick`.
async fn build(app: &App, programmes: &[i32], tick: u64) -> Result<Entry> {
    let sys = system();
    let people: Vec<_> = app
        .store
        .index_participants(&sys, programmes)
        .await?
        .iter()
        .map(participant_profile)
        .collect();
    let open = app.store.index_placements(&sys, None).await?;
    let jobs = open
        .iter()
        .map(|o| placement_profile(&o.placement, o.free_places))
        .collect();
    // One programme: its own weights; several: the defaults, so rankings stay comparable.
    let settings = match programmes {
        [only] => parse_settings(app.store.index_settings(&sys, *only).await?),
        _ => Settings::default(),
    };
    let mut index = Index::build(people, jobs, Geo::new(&app.refdata), settings)
        .map_err(|e| Error::Internal(e.to_string()))?;
    // One thread per ranking: a server ranks for several people at once, and splitting each
    // scan over the cores made the slowest answers under load three times slower
    // (bench/web-load: p99 145–187 ms on two threads, 54 ms on one, at 8 connections).
    index.set_threads(1);
    let placements = open
        .into_iter()
        .map(|o| (o.placement.id, o.placement))
        .collect();
    Ok(Entry {
        programmes: programmes.to_vec(),
        state: RwLock::new(EntryState { index, placements }),
        used: AtomicU64::new(tick),
    })
}

/// Stored settings, the defaults where none are stored or they do not parse.
pub(crate) fn parse_settings(stored: Option<String>) -> Settings {
    stored
        .and_then(|s| serde_json::from_str::<Settings>(&s).ok())
        .unwrap_or_default()
}

/// Reload what `changed` names into every entry.
async fn apply(app: &App, entries: &[Arc<Entry>], changed: &Changed) -> Result<()> {
    let sys = system();
    let ids: Vec<i32> = changed.participants.iter().copied().collect();
    let people: HashMap<i32, _> = app
        .store
        .index_participants_by_id(&sys, &ids)
        .await?
        .into_iter()
        .map(|r| (r.id, r))
        .collect();
    let placement_ids: Vec<i32> = changed.placements.iter().copied().collect();
    let open = if changed.all_placements {
        app.store.index_placements(&sys, None).await?
    } else if placement_ids.is_empty() {
        vec![]
    } else {
        app.store
            .index_placements(&sys, Some(&placement_ids))
            .await?
    };
    let open: HashMap<i32, _> = open.into_iter().map(|o| (o.placement.id, o)).collect();
    for e in entries {
        let mut state = e.write();
        for id in &ids {
            match people.get(id) {
                Some(r) if e.programmes.contains(&r.programme_id) => {
                    state.index.upsert_participant(participant_profile(r));
                }
                _ => {
                    state.index.remove_participant(*id);
                }
            }
        }
        if changed.all_placements {
            let gone: Vec<i32> = state
                .placements
                .keys()
                .filter(|id| !open.contains_key(id))
                .copied()
                .collect();
            for id in gone {
                state.index.remove_placement(id);
                state.placements.remove(&id);
            }
        }
        let touched = placement_ids.iter().chain(open.keys());
        for id in touched.copied().collect::<HashSet<i32>>() {
            match open.get(&id) {
                Some(o) => {
                    state
                        .index
                        .upsert_placement(placement_profile(&o.placement, o.free_places));
                    state.placements.insert(id, o.placement.clone());
                }
                None => {
                    state.index.remove_placement(id);
                    state.placements.remove(&id);
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn feed(low: i64, seen: &[i64]) -> Feed {
        Feed {
            low,
            seen: seen.iter().copied().collect(),
            ..Feed::default()
        }
    }

    #[test]
    fn low_moves_over_ids_seen_without_a_gap() {
        let mut f = feed(3, &[4, 5, 6, 8]);
        let now = Instant::now();
        f.advance(now);
        assert_eq!(f.low, 6);
        assert_eq!(f.seen, BTreeSet::from([8]));
        assert_eq!(f.gap, Some((7, now)));
    }

    #[test]
    fn a_gap_is_waited_for_then_skipped() {
        let mut f = feed(0, &[2, 3]);
        let start = Instant::now();
        f.advance(start);
        assert_eq!(f.low, 0, "id 1 may still commit");
        f.advance(start + GAP_WAIT / 2);
        assert_eq!(f.low, 0);
        assert_eq!(
            f.gap,
            Some((1, start)),
            "the wait counts from the first miss"
        );
        f.advance(start + GAP_WAIT);
        assert_eq!(f.low, 3);
        assert!(f.seen.is_empty());
        assert_eq!(f.gap, None);
    }

    #[test]
    fn a_late_commit_fills_its_gap() {
        let mut f = feed(0, &[2]);
        let now = Instant::now();
        f.advance(now);
        f.seen.insert(1);
        f.advance(now);
        assert_eq!(f.low, 2);
        assert_eq!(f.gap, None);
    }
}
