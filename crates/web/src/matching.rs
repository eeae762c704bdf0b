//! Glue between stored records and the matching engine: build profiles and an index for the
//! actor's programmes, and rank. The rules themselves live in the `matching` crate.

use std::collections::HashMap;

use brygga_domain::model::{DrivingLicence, OrgKind};
use brygga_domain::policy::{Action, Resource};
use brygga_matching::assign::{self, AssignError, Assignment, Instance, StableOutcome};
use brygga_matching::schedule::{MeetingInput, Schedule, ScheduleError, schedule};
use brygga_matching::{
    CandidateFilter, Fit, Geo, Index, ParticipantProfile, PlacementProfile, Ranked, Settings,
};
use brygga_store::matching::{MatchRule, RuleKind};
use brygga_store::participant::ParticipantRecord;
use brygga_store::placement::PlacementRecord;
use brygga_store::{Actor, StoreError};

use crate::AppState;

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
        eligibility: r.eligibility,
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
}

impl Pool {
    /// Everyone in the actor's programmes and every open placement; `extra` adds a placement
    /// that is not published (a draft being planned), so it can be ranked for too.
    pub async fn load(
        s: &AppState,
        actor: &Actor,
        extra: Option<PlacementRecord>,
    ) -> Result<Pool, StoreError> {
        let programmes = programmes(s, actor)
            .await?
            .into_iter()
            .map(|o| o.id)
            .collect();
        Self::load_programmes(s, actor, programmes, extra).await
    }

    /// The participants of the given programmes and every open placement.
    pub async fn load_programmes(
        s: &AppState,
        actor: &Actor,
        programmes: Vec<i32>,
        extra: Option<PlacementRecord>,
    ) -> Result<Pool, StoreError> {
        let mut participants = HashMap::new();
        for programme in programmes.iter().copied() {
            for r in s.store.matching_participants(actor, programme).await? {
                participants.insert(r.id, r);
            }
        }
        let mut placements: HashMap<i32, (PlacementRecord, u32)> = s
            .store
            .matching_placements(actor)
            .await?
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
            [only] => settings_of(s, actor, *only).await?,
            _ => Settings::default(),
        };
        let index = Index::build(people, jobs, Geo::new(&s.refdata), settings)
            .map_err(|e| StoreError::Db(sea_orm_err(e.to_string())))?;
        let free_places = placements
            .iter()
            .map(|(id, (_, free))| (*id, *free))
            .collect();
        Ok(Pool {
            index,
            participants,
            placements: placements.into_iter().map(|(id, (r, _))| (id, r)).collect(),
            free_places,
        })
    }

    pub fn candidates(
        &self,
        placement_id: i32,
        k: usize,
        include_failing: bool,
    ) -> Result<Vec<Ranked>, StoreError> {
        let filter = CandidateFilter {
            include_failing,
            ..CandidateFilter::default()
        };
        self.index
            .top_candidates(placement_id, k, &filter)
            .map_err(|_| StoreError::NotFound)
    }

    pub fn suggestions(
        &self,
        participant_id: i32,
        k: usize,
        include_failing: bool,
    ) -> Result<Vec<Ranked>, StoreError> {
        let filter = CandidateFilter {
            include_failing,
            ..CandidateFilter::default()
        };
        self.index
            .top_placements(participant_id, k, &filter)
            .map_err(|_| StoreError::NotFound)
    }
}

/// A programme's matching settings (the defaults where none are stored or they do not parse).
pub async fn settings_of(
    s: &AppState,
    actor: &Actor,
    programme: i32,
) -> Result<Settings, StoreError> {
    Ok(s.store
        .matching_settings(actor, programme)
        .await?
        .and_then(|json| serde_json::from_str::<Settings>(&json).ok())
        .unwrap_or_default())
}

/// The programmes the actor matches in.
pub async fn programmes(
    s: &AppState,
    actor: &Actor,
) -> Result<Vec<brygga_store::org::Organisation>, StoreError> {
    Ok(s.store
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
    pub fn build(pool: &Pool, rules: &[MatchRule], min_score: f64) -> Result<Plan, AssignError> {
        let mut participant_ids: Vec<i32> = pool.participants.keys().copied().collect();
        participant_ids.sort_unstable();
        let mut placement_ids: Vec<i32> = pool.placements.keys().copied().collect();
        placement_ids.sort_unstable();
        let p_index: HashMap<i32, usize> = participant_ids
            .iter()
            .enumerate()
            .map(|(i, id)| (*id, i))
            .collect();
        let x_index: HashMap<i32, usize> = placement_ids
            .iter()
            .enumerate()
            .map(|(i, id)| (*id, i))
            .collect();
        let mut fits = HashMap::new();
        let mut edges = vec![];
        for (pi, pid) in participant_ids.iter().enumerate() {
            let ranked = pool
                .suggestions(*pid, PLAN_EDGES_PER_PARTICIPANT, false)
                .unwrap_or_default();
            for r in ranked {
                if let Some(xi) = x_index.get(&r.id) {
                    edges.push((pi, *xi, r.fit.score));
                    fits.insert((*pid, r.id), r.fit);
                }
            }
        }
        let pair = |r: &MatchRule| {
            Some((
                *p_index.get(&r.participant_id)?,
                *x_index.get(&r.placement_id)?,
            ))
        };
        let of_kind = |k: RuleKind| -> Vec<(i32, i32)> {
            rules
                .iter()
                .filter(|r| r.kind == k)
                .map(|r| (r.participant_id, r.placement_id))
                .collect()
        };
        let instance = Instance {
            participants: participant_ids.iter().map(|i| i.to_string()).collect(),
            placements: placement_ids
                .iter()
                .map(|id| {
                    (
                        id.to_string(),
                        pool.free_places.get(id).copied().unwrap_or(0),
                    )
                })
                .collect(),
            edges,
            min_score,
            locked: rules
                .iter()
                .filter(|r| r.kind == RuleKind::Lock)
                .filter_map(pair)
                .collect(),
            excluded: rules
                .iter()
                .filter(|r| r.kind == RuleKind::Exclude)
                .filter_map(pair)
                .collect(),
        };
        let optimum = assign::solve(&instance)?;
        let stable = assign::solve_stable(&instance)?;
        Ok(Plan {
            participant_ids,
            placement_ids,
            fits,
            optimum,
            stable,
            locked: of_kind(RuleKind::Lock),
            excluded: of_kind(RuleKind::Exclude),
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
        let mut participants: Vec<(i32, String)> = pool
            .participants
            .values()
            .map(|p| (p.id, format!("{} {}", p.first_name, p.last_name)))
            .collect();
        participants.sort();
        let mut employers: Vec<(i32, String)> = pool
            .placements
            .values()
            .map(|x| (x.employer_id, x.employer_name.clone()))
            .collect();
        employers.sort();
        employers.dedup();
        let e_index: HashMap<i32, usize> = employers
            .iter()
            .enumerate()
            .map(|(i, (id, _))| (*id, i))
            .collect();
        let mut best: HashMap<(usize, usize), f64> = HashMap::new();
        for (pi, (pid, _)) in participants.iter().enumerate() {
            for r in pool
                .suggestions(*pid, PLAN_EDGES_PER_PARTICIPANT, false)
                .unwrap_or_default()
            {
                let Some(employer) = pool.placements.get(&r.id).map(|x| x.employer_id) else {
                    continue;
                };
                let Some(ei) = e_index.get(&employer) else {
                    continue;
                };
                let entry = best.entry((pi, *ei)).or_insert(0.0);
                *entry = entry.max(r.fit.score);
            }
        }
        let mut fits: Vec<(usize, usize, f64)> =
            best.into_iter().map(|((p, e), f)| (p, e, f)).collect();
        fits.sort_by_key(|f| (f.0, f.1));
        let input = MeetingInput {
            participants: participants.len(),
            employers: vec![tables; employers.len()],
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

fn sea_orm_err(message: String) -> brygga_store::DbErr {
    brygga_store::DbErr::Custom(message)
}

/// Matching reads and proposes for whole programmes: whoever may update participants.
pub fn may_match(actor: &Actor) -> bool {
    actor.may(Action::Update, Resource::Participant)
}
