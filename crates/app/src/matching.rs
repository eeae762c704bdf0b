//! Matching as coordinators use it: profiles from stored records, an index over the actor's
//! programmes, rankings, the cohort plan, the matching-meeting schedule and each programme's
//! weights. The rules themselves live in the `matching` crate.

use std::collections::HashMap;
use std::sync::Arc;

use brygga_domain::model::{DrivingLicence, OrgKind};
use brygga_domain::policy::{Action, Resource};
use brygga_domain::{FieldError, FieldErrors};
use brygga_matching::assign::{self, AssignError, Assignment, StableOutcome};
use brygga_matching::cohort::{Capacity, Standing, cohort_instance};
use brygga_matching::schedule::{MeetingInput, Schedule, ScheduleError, schedule};
use brygga_matching::{
    CandidateFilter, Explanation, Fit, Gap, Geo, HardKind, Index, NearMiss, ParticipantProfile,
    PlacementProfile, Ranked, Settings,
};
use brygga_store::Actor;
use brygga_store::matching::{MatchRule, ProposalFact, RuleKind, proposal_is_live};
use brygga_store::participant::ParticipantRecord;
use brygga_store::placement::PlacementRecord;

use crate::match_index::Entry;
use crate::{App, Error, Result};

pub fn participant_profile(r: &ParticipantRecord) -> ParticipantProfile {
    ParticipantProfile {
        id: r.id,
        swedish: r.swedish_level,
        languages: r
            .languages
            .iter()
            .map(|l| (l.language.clone(), l.level))
            .collect(),
        experience: r
            .experience
            .iter()
            .map(|x| (x.occupation.clone(), x.years))
            .collect(),
        wished: r.wished_occupations.clone(),
        skills: r.skills.clone(),
        available_days: u8::try_from(r.available_days.len()).unwrap_or(7),
        max_commute_km: u32::try_from(r.max_commute_km).unwrap_or(0),
        municipality: r.municipality_code.clone(),
        licences: match r.driving_licence {
            DrivingLicence::None => vec![],
            l => vec![l],
        },
        needs: r.needed_accommodations.clone().unwrap_or_default(),
        // Matching records carry everything (`for_matching`); unknown is the safe reading.
        eligibility: r
            .eligibility
            .unwrap_or(brygga_domain::model::EligibilityStatus::Unknown),
        education: r.education_level,
    }
    .normalised()
}

pub fn placement_profile(r: &PlacementRecord, free_places: u32) -> PlacementProfile {
    PlacementProfile {
        id: r.id,
        ssyk: r.ssyk_code.clone(),
        required_skills: r.required_skills.clone(),
        desired_skills: r.desired_skills.clone(),
        min_swedish: r.min_swedish,
        other_languages: r
            .other_languages
            .iter()
            .map(|l| (l.language.clone(), l.level))
            .collect(),
        driving_licence: r.driving_licence,
        days_per_week: u8::try_from(r.days_per_week).unwrap_or(7),
        municipality: r.municipality_code.clone(),
        accommodations: r.accommodations.clone(),
        free_places,
        status: r.status,
        education: r.education_level,
    }
    .normalised()
}

/// The participants and placements the actor matches between, as an index, with the names to
/// show beside the results.
pub struct Pool {
    pub index: Index,
    pub participants: HashMap<i32, ParticipantRecord>,
    pub placements: HashMap<i32, PlacementRecord>,
    pub free_places: HashMap<i32, u32>,
    /// Each open placement's places and what takes them (internships, live proposals).
    pub capacities: HashMap<i32, Capacity>,
    /// Where each participant stands (loaded for plans and meetings only, by `load_plan`;
    /// a participant without a standing is not planned).
    pub standings: HashMap<i32, Standing>,
    /// The live proposals of the programme's participants: kept, not planned over.
    pub kept: Vec<ProposalFact>,
}

impl Pool {
    /// Everyone in the actor's programmes and every open placement; `extra` adds a placement
    /// that is not published (a draft being planned), so it can be ranked for too.
    pub async fn load(app: &App, actor: &Actor, extra: Option<PlacementRecord>) -> Result<Pool> {
        let programmes = programmes(app, actor)
            .await?
            .into_iter()
            .map(|o| o.id)
            .collect();
        Self::load_programmes(app, actor, programmes, extra).await
    }

    /// The participants of the given programmes and every open placement.
    pub async fn load_programmes(
        app: &App,
        actor: &Actor,
        programmes: Vec<i32>,
        extra: Option<PlacementRecord>,
    ) -> Result<Pool> {
        let mut participants = HashMap::new();
        for programme in programmes.iter().copied() {
            for r in app.store.matching_participants(actor, programme).await? {
                participants.insert(r.id, r);
            }
        }
        let open = app.store.matching_placements(actor).await?;
        let capacities = open
            .iter()
            .map(|o| {
                let c = Capacity {
                    places: u32::try_from(o.placement.places).unwrap_or(0),
                    internships: o.internships,
                    proposals: o.proposals,
                };
                (o.placement.id, c)
            })
            .collect();
        let mut placements: HashMap<i32, (PlacementRecord, u32)> = open
            .into_iter()
            .map(|o| (o.placement.id, (o.placement, o.free_places)))
            .collect();
        if let Some(x) = extra {
            let places = u32::try_from(x.places).unwrap_or(0);
            placements.entry(x.id).or_insert((x, places));
        }
        let mut people: Vec<ParticipantProfile> =
            participants.values().map(participant_profile).collect();
        people.sort_by_key(|p| p.id);
        let mut jobs: Vec<PlacementProfile> = placements
            .values()
            .map(|(r, free)| placement_profile(r, *free))
            .collect();
        jobs.sort_by_key(|x| x.id);
        // One programme: its own weights; several: the defaults, so rankings stay comparable.
        let settings = match programmes.as_slice() {
            [only] => settings_of(app, actor, *only).await?,
            _ => Settings::default(),
        };
        let index = Index::build(people, jobs, Geo::new(&app.refdata), settings)
            .map_err(|e| Error::Internal(e.to_string()))?;
        let free_places = placements
            .iter()
            .map(|(id, (_, free))| (*id, *free))
            .collect();
        Ok(Pool {
            index,
            participants,
            placements: placements.into_iter().map(|(id, (r, _))| (id, r)).collect(),
            free_places,
            capacities,
            standings: HashMap::new(),
            kept: vec![],
        })
    }

    /// A programme's pool for a plan or a matching meeting: as `load_programmes`, with where
    /// each participant stands (journey phase, internships, proposals) and their live proposals.
    pub async fn load_plan(app: &App, actor: &Actor, programme_id: i32) -> Result<Pool> {
        let mut pool = Self::load_programmes(app, actor, vec![programme_id], None).await?;
        let facts = app.store.matching_standing(actor, programme_id).await?;
        let mut standings: HashMap<i32, Standing> = pool
            .participants
            .keys()
            .map(|id| {
                let s = Standing {
                    phase: facts
                        .phases
                        .get(id)
                        .copied()
                        .unwrap_or(brygga_domain::journey::JourneyPhase::Looking),
                    has_internship: facts.with_internship.contains(id),
                    left: facts.left.contains(id),
                    ..Standing::looking()
                };
                (*id, s)
            })
            .collect();
        for f in &facts.proposals {
            if let Some(s) = standings.get_mut(&f.participant_id) {
                if proposal_is_live(f.status) {
                    s.live_proposals.push(f.placement_id);
                } else {
                    s.closed_proposals.push(f.placement_id);
                }
            }
        }
        pool.kept = facts
            .proposals
            .into_iter()
            .filter(|f| proposal_is_live(f.status))
            .filter(|f| {
                standings.get(&f.participant_id).is_some_and(|s| {
                    s.phase == brygga_domain::journey::JourneyPhase::Looking
                        && !s.has_internship
                        && !s.left
                })
            })
            .collect();
        pool.standings = standings;
        Ok(pool)
    }

    /// How many participants a plan leaves out because they have an internship, have gone
    /// past looking or have left the programme (those kept by a live proposal are listed apart,
    /// not counted here).
    pub fn placed_or_finished(&self) -> usize {
        self.standings
            .values()
            .filter(|s| {
                s.has_internship
                    || s.left
                    || s.phase != brygga_domain::journey::JourneyPhase::Looking
            })
            .count()
    }

    /// The participants a plan or meeting considers: those still looking, ascending.
    pub fn looking(&self) -> Vec<i32> {
        let mut ids: Vec<i32> = self
            .standings
            .iter()
            .filter(|(_, s)| s.still_looking())
            .map(|(id, _)| *id)
            .collect();
        ids.sort_unstable();
        ids
    }

    /// The pool's index and placements, to rank with.
    pub fn ranker(&self) -> Ranker<'_> {
        Ranker {
            index: &self.index,
            placements: &self.placements,
        }
    }
}

/// An index with the records of its placements: what a ranking is read from, whether the
/// instance's kept index (`match_index`) or a pool loaded for one plan.
pub struct Ranker<'a> {
    pub index: &'a Index,
    pub placements: &'a HashMap<i32, PlacementRecord>,
}

impl<'a> Ranker<'a> {
    pub fn candidates(
        &self,
        placement_id: i32,
        k: usize,
        include_failing: bool,
    ) -> Result<Vec<Ranked>> {
        let filter = CandidateFilter {
            include_failing,
            ..CandidateFilter::default()
        };
        self.index
            .top_candidates(placement_id, k, &filter)
            .map_err(|_| Error::NotFound)
    }

    pub fn suggestions(
        &self,
        participant_id: i32,
        k: usize,
        include_failing: bool,
    ) -> Result<Vec<Ranked>> {
        let filter = CandidateFilter {
            include_failing,
            ..CandidateFilter::default()
        };
        self.index
            .top_placements(participant_id, k, &filter)
            .map_err(|_| Error::NotFound)
    }

    /// The `k` best placements for a participant, with their records.
    fn ranked_placements(
        &self,
        participant_id: i32,
        k: usize,
        include_failing: bool,
    ) -> Result<Ranking<PlacementRecord>> {
        Ok(self
            .suggestions(participant_id, k, include_failing)?
            .into_iter()
            .filter_map(|r| Some((self.placements.get(&r.id)?.clone(), r.fit)))
            .collect())
    }

    /// The fit of one pair in this index; `None` when either is not in it.
    pub fn fit(&self, participant_id: i32, placement_id: i32) -> Option<Fit> {
        let p = self.index.participant(participant_id)?;
        let x = self.index.placement(placement_id)?;
        Some(brygga_matching::fit(
            p,
            x,
            self.index.geo(),
            self.index.settings(),
        ))
    }

    /// The participant's near misses with their placements, as `reader_sees_needs` allows
    /// (see [`redact_needs`]).
    pub fn near_misses(
        &self,
        participant_id: i32,
        limit: usize,
        reader_sees_needs: bool,
    ) -> Result<Vec<(PlacementRecord, NearMiss)>> {
        let found = self
            .index
            .near_misses(participant_id, limit)
            .map_err(|_| Error::NotFound)?;
        Ok(found
            .into_iter()
            .filter_map(|mut n| {
                if !reader_sees_needs {
                    redact_needs(&mut n);
                }
                Some((self.placements.get(&n.id)?.clone(), n))
            })
            .collect())
    }
}

impl crate::match_index::EntryState {
    pub fn ranker(&self) -> Ranker<'_> {
        Ranker {
            index: &self.index,
            placements: &self.placements,
        }
    }
}

/// A programme's matching settings (the defaults where none are stored or they do not parse).
pub async fn settings_of(app: &App, actor: &Actor, programme: i32) -> Result<Settings> {
    Ok(crate::match_index::parse_settings(
        app.store.matching_settings(actor, programme).await?,
    ))
}

/// The programmes the actor matches in.
pub async fn programmes(app: &App, actor: &Actor) -> Result<Vec<brygga_store::org::Organisation>> {
    require_matching(actor)?;
    Ok(app
        .store
        .programmes_for(actor)
        .await?
        .into_iter()
        .filter(|o| o.kind == OrgKind::Programme)
        .collect())
}

/// How many placements per participant enter the cohort plan (the best by fit).
pub const PLAN_EDGES_PER_PARTICIPANT: usize = 50;

/// A programme's cohort plan: the assignment instance (participants × open placements, scored,
/// with the coordinator's locks and exclusions), the exact optimum and deferred acceptance's
/// stable plan beside it.
pub struct Plan {
    pub participant_ids: Vec<i32>,
    pub placement_ids: Vec<i32>,
    pub fits: HashMap<(i32, i32), Fit>,
    pub optimum: Assignment,
    pub stable: StableOutcome,
    pub locked: Vec<(i32, i32)>,
    pub excluded: Vec<(i32, i32)>,
}

impl Plan {
    /// The plan over the participants still looking (`pool.standings`) and the placements'
    /// free places once live internships and proposals are counted.
    pub fn build(pool: &Pool, rules: &[MatchRule], min_score: f64) -> Result<Plan, AssignError> {
        let mut fits = HashMap::new();
        let mut edges = vec![];
        for pid in pool.looking() {
            let ranked = pool
                .ranker()
                .suggestions(pid, PLAN_EDGES_PER_PARTICIPANT, false)
                .unwrap_or_default();
            for r in ranked {
                if pool.capacities.contains_key(&r.id) {
                    edges.push((pid, r.id, r.fit.score));
                    fits.insert((pid, r.id), r.fit);
                }
            }
        }
        let of_kind = |k: RuleKind| -> Vec<(i32, i32)> {
            rules
                .iter()
                .filter(|r| r.kind == k)
                .map(|r| (r.participant_id, r.placement_id))
                .collect()
        };
        let locked = of_kind(RuleKind::Lock);
        let excluded = of_kind(RuleKind::Exclude);
        let cohort = cohort_instance(
            &pool.standings,
            &pool.capacities,
            &edges,
            min_score,
            &locked,
            &excluded,
        );
        let optimum = assign::solve(&cohort.instance)?;
        let stable = assign::solve_stable(&cohort.instance)?;
        Ok(Plan {
            participant_ids: cohort.participant_ids,
            placement_ids: cohort.placement_ids,
            fits,
            optimum,
            stable,
            locked,
            excluded,
        })
    }

    /// The optimum as (participant id, placement id, score).
    pub fn pairs(&self) -> Vec<(i32, i32, f64)> {
        self.optimum
            .pairs
            .iter()
            .filter_map(|(p, x, s)| {
                Some((
                    *self.participant_ids.get(*p)?,
                    *self.placement_ids.get(*x)?,
                    *s,
                ))
            })
            .collect()
    }

    pub fn unassigned(&self) -> Vec<i32> {
        self.optimum
            .unassigned
            .iter()
            .filter_map(|p| self.participant_ids.get(*p).copied())
            .collect()
    }
}

/// The least fit of a pair at a matching fair (a newcomer from the public portal without a
/// profile to score, an employer without a place open yet): low, so the best-fitting meetings
/// come first, but above nothing, so the tables left free are still used.
pub const WALK_IN_FIT: f64 = 0.05;

/// A matching meeting (matchningsträff) for a programme: every employer with open placements
/// at a table, participants meeting up to `k` of them, fit = the best fit with any of the
/// employer's placements.
pub struct MeetingPlan {
    pub participants: Vec<(i32, String)>,
    pub employers: Vec<(i32, String)>,
    pub schedule: Schedule,
}

impl MeetingPlan {
    pub fn build(
        pool: &Pool,
        slots: u32,
        k: u32,
        tables: u32,
    ) -> Result<MeetingPlan, ScheduleError> {
        // Only those still looking meet employers, and only employers with a place left.
        let mut participants: Vec<(i32, String)> = pool
            .looking()
            .into_iter()
            .filter_map(|id| pool.participants.get(&id))
            .map(|p| (p.id, format!("{} {}", p.first_name, p.last_name)))
            .collect();
        participants.sort();
        let has_place =
            |x: &&PlacementRecord| pool.capacities.get(&x.id).is_some_and(|c| c.free() > 0);
        let mut employers: Vec<(i32, String)> = pool
            .placements
            .values()
            .filter(has_place)
            .map(|x| (x.employer_id, x.employer_name.clone()))
            .collect();
        employers.sort();
        employers.dedup();
        let tables = vec![tables; employers.len()];
        Self::for_people(pool, participants, employers, tables, slots, k, None)
    }

    /// The schedule for chosen participants and employers (`tables[i]`: how many candidates
    /// employer `i` meets at once): fit = the best fit with any of the employer's placements
    /// that has a place left. A fair (`fair = Some(walk_ins)`) fills its tables: any candidate
    /// may meet any employer at no less than `WALK_IN_FIT` (an employer presenting itself
    /// before it has a place open still meets people), and `walk_ins` more candidates without a
    /// profile to score (indices after the participants') take the tables left free.
    pub fn for_people(
        pool: &Pool,
        participants: Vec<(i32, String)>,
        employers: Vec<(i32, String)>,
        tables: Vec<u32>,
        slots: u32,
        k: u32,
        fair: Option<usize>,
    ) -> Result<MeetingPlan, ScheduleError> {
        let has_place =
            |x: &&PlacementRecord| pool.capacities.get(&x.id).is_some_and(|c| c.free() > 0);
        let e_index: HashMap<i32, usize> = employers
            .iter()
            .enumerate()
            .map(|(i, (id, _))| (*id, i))
            .collect();
        let mut best: HashMap<(usize, usize), f64> = HashMap::new();
        for (pi, (pid, _)) in participants.iter().enumerate() {
            for r in pool
                .ranker()
                .suggestions(*pid, PLAN_EDGES_PER_PARTICIPANT, false)
                .unwrap_or_default()
            {
                let Some(employer) = pool
                    .placements
                    .get(&r.id)
                    .filter(has_place)
                    .map(|x| x.employer_id)
                else {
                    continue;
                };
                let Some(ei) = e_index.get(&employer) else {
                    continue;
                };
                let entry = best.entry((pi, *ei)).or_insert(0.0);
                *entry = entry.max(r.fit.score);
            }
        }
        let walk_ins = fair.unwrap_or(0);
        let mut fits: Vec<(usize, usize, f64)> = if fair.is_some() {
            let mut all = Vec::with_capacity((participants.len() + walk_ins) * employers.len());
            for p in 0..participants.len() + walk_ins {
                for e in 0..employers.len() {
                    let f = best.get(&(p, e)).copied().unwrap_or(0.0);
                    all.push((p, e, f.max(WALK_IN_FIT)));
                }
            }
            all
        } else {
            best.into_iter().map(|((p, e), f)| (p, e, f)).collect()
        };
        fits.sort_by_key(|f| (f.0, f.1));
        let input = MeetingInput {
            participants: participants.len() + walk_ins,
            employers: tables,
            slots,
            max_meetings: k,
            fits,
        };
        Ok(MeetingPlan {
            schedule: schedule(&input)?,
            participants,
            employers,
        })
    }

    /// Rows per participant: name, then the employer met in each slot ("" for a free slot).
    pub fn by_participant(&self, slots: u32) -> Vec<(String, Vec<String>)> {
        let rows = self.schedule.by_participant(self.participants.len());
        self.participants
            .iter()
            .zip(rows)
            .map(|((_, name), meetings)| {
                let mut cells = vec![String::new(); slots as usize];
                for m in meetings {
                    if let (Some(cell), Some((_, e))) = (
                        cells.get_mut(m.slot as usize),
                        self.employers.get(m.employer),
                    ) {
                        *cell = e.clone();
                    }
                }
                (name.clone(), cells)
            })
            .collect()
    }

    /// Rows per employer: name, then the participants met in each slot.
    pub fn by_employer(&self, slots: u32) -> Vec<(String, Vec<String>)> {
        let rows = self.schedule.by_employer(self.employers.len());
        self.employers
            .iter()
            .zip(rows)
            .map(|((_, name), meetings)| {
                let mut cells = vec![String::new(); slots as usize];
                for m in meetings {
                    if let (Some(cell), Some((_, p))) = (
                        cells.get_mut(m.slot as usize),
                        self.participants.get(m.participant),
                    ) {
                        if !cell.is_empty() {
                            cell.push_str(", ");
                        }
                        cell.push_str(p);
                    }
                }
                (name.clone(), cells)
            })
            .collect()
    }
}

/// Matching reads and proposes for whole programmes: whoever may update participants.
pub fn may_match(actor: &Actor) -> bool {
    actor.may(Action::Update, Resource::Participant)
}

/// A ranking: each ranked record with its fit, best first.
pub type Ranking<T> = Vec<(T, Fit)>;

/// Refuse anyone who may not match (the rankings and plans cover whole programmes). Every
/// matching use case starts here (directly, or through `programmes`).
pub fn require_matching(actor: &Actor) -> Result<()> {
    if may_match(actor) {
        Ok(())
    } else {
        Err(Error::Forbidden)
    }
}

/// The index over the actor's programmes, kept in memory and current with the database.
async fn actor_index(app: &App, actor: &Actor) -> Result<Arc<Entry>> {
    let mut ids: Vec<i32> = programmes(app, actor)
        .await?
        .into_iter()
        .map(|o| o.id)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    app.match_index.entry(app, &ids).await
}

/// The `k` best candidates for a placement among the actor's programmes (with those failing a
/// hard constraint too if asked), and the placement itself.
pub async fn candidates(
    app: &App,
    actor: &Actor,
    placement_id: i32,
    k: usize,
    include_failing: bool,
) -> Result<(PlacementRecord, Ranking<ParticipantRecord>)> {
    require_matching(actor)?;
    let placement = app.store.placement_get(actor, placement_id).await?;
    let entry = actor_index(app, actor).await?;
    let kept = {
        let state = entry.read();
        state
            .index
            .placement(placement_id)
            .map(|_| state.ranker().candidates(placement_id, k, include_failing))
            .transpose()?
    };
    let ranked = match kept {
        Some(r) => r,
        // A draft placement is not among the open ones the index holds: rank for it over a
        // pool loaded for this request.
        None => Pool::load(app, actor, Some(placement.clone()))
            .await?
            .ranker()
            .candidates(placement_id, k, include_failing)?,
    };
    let ids: Vec<i32> = ranked.iter().map(|r| r.id).collect();
    let mut shown: HashMap<i32, ParticipantRecord> = app
        .store
        .matching_shown(actor, &ids)
        .await?
        .into_iter()
        .map(|r| (r.id, r))
        .collect();
    let rows = ranked
        .into_iter()
        .filter_map(|r| Some((shown.remove(&r.id)?, r.fit)))
        .collect();
    Ok((placement, rows))
}

/// The `k` best placements for a participant, and the participant.
pub async fn suggestions(
    app: &App,
    actor: &Actor,
    participant_id: i32,
    k: usize,
    include_failing: bool,
) -> Result<(ParticipantRecord, Ranking<PlacementRecord>)> {
    let (participant, indexed) = participant_index(app, actor, participant_id).await?;
    let Indexed::In(entry) = indexed else {
        return Ok((participant, vec![]));
    };
    let rows = entry
        .read()
        .ranker()
        .ranked_placements(participant_id, k, include_failing)?;
    Ok((participant, rows))
}

/// Where a participant's rankings come from.
enum Indexed {
    /// The index over the actor's programmes.
    In(Arc<Entry>),
    /// She has left the programme: ranked for nothing.
    Left(brygga_store::exit::ExitRecord),
}

/// The participant as the actor may read her, and where her rankings come from.
async fn participant_index(
    app: &App,
    actor: &Actor,
    participant_id: i32,
) -> Result<(ParticipantRecord, Indexed)> {
    require_matching(actor)?;
    let participant = app.store.participant_get(actor, participant_id).await?;
    if let Some(exit) = crate::exit::of(app, actor, participant_id).await? {
        return Ok((participant, Indexed::Left(exit)));
    }
    let entry = actor_index(app, actor).await?;
    Ok((participant, Indexed::In(entry)))
}

/// How many near misses the suggestions page shows beside the ranking.
pub const NEAR_MISSES: usize = 10;

/// A missing accommodation names the participant's needs (special-category data). For a reader
/// who may not read her special needs, the same rule as the participant's record: the gap
/// says that an accommodation is missing, not which.
pub fn redact_needs(n: &mut NearMiss) {
    let Gap::Accommodations { missing } = &mut n.gap else {
        return;
    };
    missing.clear();
    let unnamed = Explanation::new(
        "Kräver en anpassning som arbetsplatsen inte erbjuder",
        "Requires an accommodation the workplace does not offer",
    );
    for h in &mut n.fit.hard {
        if h.kind == HardKind::Accommodations {
            h.explanation = unnamed.clone();
        }
    }
    n.missing = unnamed;
}

/// The suggestions page: the ranking, and beside it the near misses.
pub struct Suggestions {
    pub participant: ParticipantRecord,
    pub ranking: Ranking<PlacementRecord>,
    pub near: Vec<(PlacementRecord, NearMiss)>,
    /// Her internship that has not ended (upcoming or running), if any: she is placed, and
    /// the page says so before it suggests anything.
    pub placed: Option<brygga_store::internship::InternshipRecord>,
    /// Her leaving of the programme, if recorded: nothing is suggested.
    pub left: Option<brygga_store::exit::ExitRecord>,
}

/// The `k` best placements for a participant and her first `near` near misses, from one index.
pub async fn suggestions_with_near(
    app: &App,
    actor: &Actor,
    participant_id: i32,
    k: usize,
    include_failing: bool,
    near: usize,
) -> Result<Suggestions> {
    let (participant, indexed) = participant_index(app, actor, participant_id).await?;
    let (ranking, near, left) = match indexed {
        Indexed::Left(exit) => (vec![], vec![], Some(exit)),
        Indexed::In(entry) => {
            let state = entry.read();
            let ranker = state.ranker();
            (
                ranker.ranked_placements(participant_id, k, include_failing)?,
                ranker.near_misses(participant_id, near, sees_needs(&participant))?,
                None,
            )
        }
    };
    let placed = match app
        .store
        .internships_for_participant(actor, participant_id)
        .await
    {
        Ok(all) => all.into_iter().find(|i| i.is_live()),
        Err(brygga_store::StoreError::Forbidden) => None,
        Err(e) => return Err(e.into()),
    };
    Ok(Suggestions {
        participant,
        ranking,
        near,
        placed,
        left,
    })
}

/// A participant's first `limit` near misses (the API beside the suggestions).
pub async fn near_misses(
    app: &App,
    actor: &Actor,
    participant_id: i32,
    limit: usize,
) -> Result<Vec<(PlacementRecord, NearMiss)>> {
    let (participant, indexed) = participant_index(app, actor, participant_id).await?;
    match indexed {
        Indexed::Left(_) => Ok(vec![]),
        Indexed::In(entry) => {
            entry
                .read()
                .ranker()
                .near_misses(participant_id, limit, sees_needs(&participant))
        }
    }
}

/// Whether the reader may read the participant's needs: the record as read carries them only
/// then.
fn sees_needs(participant: &ParticipantRecord) -> bool {
    participant.needed_accommodations.is_some()
}

/// What a proposal from the matching pages became.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposed {
    pub id: i32,
    /// The hard rules the proposal overrode (empty when the pair passes every one).
    pub overridden: Vec<HardKind>,
}

/// Propose a participant to a placement from a ranking, a near miss or by hand, with a note
/// for staff (may be empty). A pair that passes every hard rule is proposed as before (any
/// reason is not needed and not kept); one that fails a rule is proposed anyway only with the
/// coordinator's reason, recorded with the rules it overrides (`override_reason` beside the
/// field when missing).
pub async fn propose(
    app: &App,
    actor: &Actor,
    placement_id: i32,
    participant_id: i32,
    note: &str,
    reason: &str,
) -> Result<Proposed> {
    require_matching(actor)?;
    let placement = app.store.placement_get(actor, placement_id).await?;
    let entry = actor_index(app, actor).await?;
    let fit = {
        let state = entry.read();
        let ranker = state.ranker();
        ranker
            .index
            .placement(placement_id)
            .map(|_| ranker.fit(participant_id, placement_id))
    };
    let fit = match fit {
        Some(f) => f,
        None => Pool::load(app, actor, Some(placement))
            .await?
            .ranker()
            .fit(participant_id, placement_id),
    };
    let overridden: Vec<HardKind> = fit
        .map(|f| f.failed().map(|h| h.kind).collect())
        .unwrap_or_default();
    let id = if overridden.is_empty() {
        // Passing, or not in the actor's pool (the store refuses what is out of scope).
        app.store
            .propose(actor, participant_id, placement_id, note)
            .await?
    } else {
        let rule = overridden
            .iter()
            .map(|k| k.as_str())
            .collect::<Vec<_>>()
            .join(",");
        let over = brygga_store::pool::Override {
            reason,
            rule: &rule,
        };
        app.store
            .propose_override(actor, participant_id, placement_id, note, over)
            .await?
    };
    Ok(Proposed { id, overridden })
}

/// One of the actor's programmes by id; any other id is unknown to them.
pub async fn programme_of(
    app: &App,
    actor: &Actor,
    id: i32,
) -> Result<brygga_store::org::Organisation> {
    programmes(app, actor)
        .await?
        .into_iter()
        .find(|o| o.id == id)
        .ok_or(Error::NotFound)
}

/// The lowest fit a plan accepts, as typed ("0,4" or "0.4"); anything unreadable is no minimum.
pub fn min_score(typed: &str) -> f64 {
    typed
        .trim()
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .map(|v| v.clamp(0.0, 1.0))
        .unwrap_or(0.0)
}

/// A programme's plan as it stands: the pool it was built from, the coordinator's rules, and
/// the plan itself — or, when locks contradict each other, the reason in words.
pub struct PlanView {
    pub programme: brygga_store::org::Organisation,
    pub pool: Pool,
    pub rules: Vec<MatchRule>,
    pub plan: Result<Plan, String>,
}

/// Solve a programme's cohort plan with its rules and a minimum score.
pub async fn plan(app: &App, actor: &Actor, programme_id: i32, min: f64) -> Result<PlanView> {
    let programme = programme_of(app, actor, programme_id).await?;
    let pool = Pool::load_plan(app, actor, programme_id).await?;
    let rules = app.store.match_rules(actor, programme_id).await?;
    let plan = Plan::build(&pool, &rules, min).map_err(|e| e.to_string());
    Ok(PlanView {
        programme,
        pool,
        rules,
        plan,
    })
}

/// One row of a plan about to be accepted.
#[derive(Debug, Clone, PartialEq)]
pub struct PreviewRow {
    pub participant_id: i32,
    pub placement_id: i32,
    pub score: f64,
}

/// What accepting the selected rows would do: the proposals it creates, and the selected rows
/// it cannot (the participant does not share with employers).
pub struct PlanPreview {
    pub view: PlanView,
    pub create: Vec<PreviewRow>,
    pub no_consent: Vec<PreviewRow>,
}

fn contradictory() -> Error {
    Error::Invalid(FieldErrors(vec![FieldError::new(
        "rules",
        "plan-error-contradictory-locks",
    )]))
}

/// The refusal of a selected row that is not in the plan as it stands now.
fn not_in_plan(p: i32, x: i32) -> Error {
    Error::Invalid(FieldErrors(vec![FieldError::new(
        format!("pair:{p}:{x}"),
        "plan-error-stale-changed",
    )]))
}

/// The selected rows of the plan (all rows with a placement when `selected` is `None`), solved
/// again: a selected row no longer in the plan is refused (the data changed since the page was
/// shown). Nothing is written.
pub async fn preview_plan(
    app: &App,
    actor: &Actor,
    programme_id: i32,
    min: f64,
    selected: Option<&[(i32, i32)]>,
) -> Result<PlanPreview> {
    require_matching(actor)?;
    let view = plan(app, actor, programme_id, min).await?;
    // Contradictory locks: nothing to accept until they are cleared; what stands in the way
    // is the rules the coordinator set, said beside them.
    let pairs = view.plan.as_ref().map_err(|_| contradictory())?.pairs();
    let stale = selected.and_then(|s| {
        s.iter()
            .find(|s| !pairs.iter().any(|(p, x, _)| (*p, *x) == **s))
    });
    if let Some((p, x)) = stale {
        return Err(not_in_plan(*p, *x));
    }
    let (create, no_consent) = pairs
        .into_iter()
        .filter(|(p, x, _)| selected.is_none_or(|s| s.contains(&(*p, *x))))
        .map(|(p, x, score)| PreviewRow {
            participant_id: p,
            placement_id: x,
            score,
        })
        .partition(|r| {
            view.pool
                .participants
                .get(&r.participant_id)
                .is_some_and(|p| {
                    p.active_consents()
                        .contains(&brygga_domain::model::ConsentPurpose::ShareWithEmployers)
                })
        });
    Ok(PlanPreview {
        view,
        create,
        no_consent,
    })
}

/// Create the proposals a preview listed, all or none. Each participant must still be looking
/// (her stage is read again here; proposals, internships, consent and free places are checked
/// by the store under its write lock). A pair already proposed is the same confirmation sent
/// twice and is not created again. Returns how many proposals were created.
pub async fn accept_plan(
    app: &App,
    actor: &Actor,
    programme_id: i32,
    pairs: &[(i32, i32)],
) -> Result<usize> {
    programme_of(app, actor, programme_id).await?;
    let standing = app.store.matching_standing(actor, programme_id).await?;
    for (p, x) in pairs {
        if standing
            .phases
            .get(p)
            .is_some_and(|ph| *ph != brygga_domain::journey::JourneyPhase::Looking)
        {
            return Err(Error::Invalid(FieldErrors(vec![FieldError::new(
                format!("pair:{p}:{x}"),
                "plan-error-stale-proposed",
            )])));
        }
    }
    Ok(app.store.accept_plan(actor, programme_id, pairs).await?)
}

/// Free a participant's kept proposal (withdraw it, as read at `version`), so that the plan
/// places her again. Only a live proposal of one of the programme's participants.
pub async fn free_proposal(
    app: &App,
    actor: &Actor,
    programme_id: i32,
    proposal_id: i32,
    version: i32,
) -> Result<()> {
    programme_of(app, actor, programme_id).await?;
    let standing = app.store.matching_standing(actor, programme_id).await?;
    if !standing
        .proposals
        .iter()
        .any(|f| f.id == proposal_id && proposal_is_live(f.status))
    {
        return Err(Error::NotFound);
    }
    app.store
        .proposal_set_status(
            actor,
            proposal_id,
            version,
            brygga_domain::model::ProposalStatus::Withdrawn,
            "",
        )
        .await?;
    Ok(())
}

/// A matching meeting's size as typed: time slots, meetings per participant, tables per
/// employer.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(default)]
pub struct MeetingDraft {
    pub slots: String,
    pub meetings: String,
    pub tables: String,
}

impl Default for MeetingDraft {
    fn default() -> Self {
        MeetingDraft {
            slots: "6".into(),
            meetings: "3".into(),
            tables: "1".into(),
        }
    }
}

/// A validated meeting size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MeetingSize {
    pub slots: u32,
    pub meetings: u32,
    pub tables: u32,
}

impl MeetingDraft {
    pub fn validate(&self) -> Result<MeetingSize, FieldErrors> {
        let mut errors = FieldErrors::default();
        let mut number = |field: &str, typed: &str, max: i64| {
            errors
                .check(
                    field,
                    brygga_domain::values::parse_int_range(field, typed, 1, max),
                )
                .and_then(|v| u32::try_from(v).ok())
                .unwrap_or(1)
        };
        let size = MeetingSize {
            slots: number("slots", &self.slots, 24),
            meetings: number("meetings", &self.meetings, 12),
            tables: number("tables", &self.tables, 20),
        };
        if errors.is_empty() {
            Ok(size)
        } else {
            Err(errors)
        }
    }
}

/// A programme's matching-meeting schedule for a validated size; a size no schedule fits is an
/// error beside the slots.
pub async fn meeting(
    app: &App,
    actor: &Actor,
    programme_id: i32,
    size: MeetingSize,
) -> Result<MeetingPlan> {
    let pool = Pool::load_plan(app, actor, programme_id).await?;
    MeetingPlan::build(&pool, size.slots, size.meetings, size.tables).map_err(|e| {
        tracing::warn!("meeting schedule: {e}");
        Error::Invalid(FieldErrors(vec![FieldError::new(
            "slots",
            "error-invalid-choice",
        )]))
    })
}

/// A programme's weights and eligibility rule as typed on its settings page.
#[derive(Debug, serde::Deserialize, Default, Clone)]
#[serde(default)]
pub struct SettingsDraft {
    pub occupation: String,
    pub skills: String,
    pub language: String,
    pub wishes: String,
    pub commute: String,
    /// "flag" or "exclude".
    pub eligibility: String,
    /// The checkbox "eligibility confirmed before an interview is booked" (absent when off).
    pub confirm_before_interview: bool,
}

impl SettingsDraft {
    /// The form showing stored settings.
    pub fn of(s: &Settings) -> Self {
        let w = &s.weights;
        SettingsDraft {
            occupation: w.occupation.to_string(),
            skills: w.skills.to_string(),
            language: w.language.to_string(),
            wishes: w.wishes.to_string(),
            commute: w.commute.to_string(),
            eligibility: match s.eligibility {
                brygga_matching::EligibilityRule::Exclude => "exclude".into(),
                brygga_matching::EligibilityRule::Flag => "flag".into(),
            },
            confirm_before_interview: s.confirm_before_interview,
        }
    }

    /// Every weight a number ≥ 0, at least one above 0; each wrong field reported.
    pub fn validate(&self) -> Result<Settings, FieldErrors> {
        let mut e = FieldErrors::default();
        let mut num = |field: &str, v: &str| {
            let parsed = v
                .trim()
                .replace(',', ".")
                .parse::<f64>()
                .ok()
                .filter(|x| x.is_finite() && *x >= 0.0);
            if parsed.is_none() {
                e.push(FieldError::new(field, "error-weight"));
            }
            parsed.unwrap_or(0.0)
        };
        let weights = brygga_matching::Weights {
            occupation: num("occupation", &self.occupation),
            skills: num("skills", &self.skills),
            language: num("language", &self.language),
            wishes: num("wishes", &self.wishes),
            commute: num("commute", &self.commute),
        };
        let eligibility = match self.eligibility.as_str() {
            "exclude" => brygga_matching::EligibilityRule::Exclude,
            "flag" => brygga_matching::EligibilityRule::Flag,
            _ => {
                e.push(FieldError::new("eligibility", "error-invalid-choice"));
                brygga_matching::EligibilityRule::Flag
            }
        };
        if e.is_empty() && weights.validate().is_err() {
            e.push(FieldError::new("occupation", "error-weights-all-zero"));
        }
        if e.is_empty() {
            Ok(Settings {
                weights,
                eligibility,
                confirm_before_interview: self.confirm_before_interview,
            })
        } else {
            Err(e)
        }
    }
}

/// Save a programme's weights and eligibility rule.
pub async fn save_settings(
    app: &App,
    actor: &Actor,
    programme_id: i32,
    draft: &SettingsDraft,
) -> Result<()> {
    programme_of(app, actor, programme_id).await?;
    let settings = draft.validate()?;
    let json = serde_json::to_string(&settings).map_err(|e| Error::Internal(e.to_string()))?;
    app.store
        .set_matching_settings(actor, programme_id, &json)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn weights_must_be_numbers_and_not_all_zero() {
        let ok = SettingsDraft {
            occupation: "2,5".into(),
            skills: "1".into(),
            language: "0".into(),
            wishes: "0.5".into(),
            commute: "1".into(),
            eligibility: "exclude".into(),
            confirm_before_interview: true,
        };
        let s = ok.validate().unwrap();
        assert!(s.confirm_before_interview);
        assert_eq!(s.weights.occupation, 2.5);
        assert_eq!(s.eligibility, brygga_matching::EligibilityRule::Exclude);
        assert_eq!(SettingsDraft::of(&s).validate().unwrap(), s);

        let bad = SettingsDraft {
            skills: "-1".into(),
            language: "NaN".into(),
            eligibility: "maybe".into(),
            ..ok.clone()
        };
        let errors = bad.validate().unwrap_err();
        let fields: Vec<&str> = errors.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["skills", "language", "eligibility"]);

        let zero = SettingsDraft {
            occupation: "0".into(),
            skills: "0".into(),
            language: "0".into(),
            wishes: "0".into(),
            commute: "0".into(),
            eligibility: "flag".into(),
            confirm_before_interview: false,
        };
        assert_eq!(
            zero.validate().unwrap_err().0[0].key,
            "error-weights-all-zero"
        );
    }

    #[test]
    fn eligibility_before_interview_is_on_by_default_and_can_be_turned_off() {
        // Stored before the setting existed: on.
        let old: Settings = serde_json::from_str(r#"{"eligibility":"flag"}"#).unwrap();
        assert!(old.confirm_before_interview);
        assert!(Settings::default().confirm_before_interview);
        // The unchecked box (absent from the form) turns it off, and it is stored so.
        let off = SettingsDraft {
            confirm_before_interview: false,
            ..SettingsDraft::of(&Settings::default())
        };
        let json = serde_json::to_string(&off.validate().unwrap()).unwrap();
        assert!(
            json.contains(r#""confirm_before_interview":false"#),
            "{json}"
        );
    }

    #[test]
    fn meeting_sizes_are_bounded() {
        assert_eq!(
            MeetingDraft::default().validate().unwrap(),
            MeetingSize {
                slots: 6,
                meetings: 3,
                tables: 1
            }
        );
        let bad = MeetingDraft {
            slots: "25".into(),
            meetings: "0".into(),
            tables: "x".into(),
        };
        assert_eq!(bad.validate().unwrap_err().0.len(), 3);
    }

    #[test]
    fn min_score_reads_commas_and_clamps() {
        assert_eq!(min_score("0,4"), 0.4);
        assert_eq!(min_score(" 2 "), 1.0);
        assert_eq!(min_score("inf"), 0.0);
        assert_eq!(min_score(""), 0.0);
    }
}
