//! Who a cohort plan (and a matching meeting) may place, and how many places are left: the rule
//! that a plan considers only participants who are still looking, and counts live proposals and
//! internships as taken places. Pure: the server gathers the facts.

use std::collections::{HashMap, HashSet};

use brygga_domain::journey::JourneyPhase;

use crate::assign::Instance;

/// What is recorded about a participant that decides whether she is still looking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    /// The phase of her current journey stage.
    pub phase: JourneyPhase,
    /// She has an internship, upcoming, running or ended.
    pub has_internship: bool,
    /// She has left the programme (whatever her stage says).
    pub left: bool,
    /// The placements she has a live proposal to (not rejected, not withdrawn).
    pub live_proposals: Vec<i32>,
    /// The placements a proposal of hers was rejected by or withdrawn from: not planned again.
    pub closed_proposals: Vec<i32>,
}

impl Standing {
    /// Nothing recorded yet: looking.
    pub fn looking() -> Standing {
        Standing {
            phase: JourneyPhase::Looking,
            has_internship: false,
            left: false,
            live_proposals: vec![],
            closed_proposals: vec![],
        }
    }

    /// Still looking for a placement: in the programme, at a stage before the internship, with
    /// no internship of any kind, and no live proposal (that one is kept until a coordinator
    /// frees her).
    pub fn still_looking(&self) -> bool {
        self.phase == JourneyPhase::Looking
            && !self.left
            && !self.has_internship
            && self.live_proposals.is_empty()
    }
}

/// A placement's places and what takes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Capacity {
    pub places: u32,
    /// Internships not ended (running or upcoming).
    pub internships: u32,
    /// Live proposals of participants who have no internship there (once the internship
    /// exists, it holds the place).
    pub proposals: u32,
}

impl Capacity {
    /// The places a plan may still fill.
    pub fn free(&self) -> u32 {
        self.places
            .saturating_sub(self.internships)
            .saturating_sub(self.proposals)
    }
}

/// A cohort plan's instance with the ids behind its indexes.
#[derive(Debug, Clone)]
pub struct Cohort {
    pub instance: Instance,
    pub participant_ids: Vec<i32>,
    pub placement_ids: Vec<i32>,
}

/// The assignment instance of a cohort plan: the participants still looking (by `standings`;
/// one without a standing is not planned), the placements with their free places, the scored
/// pairs among them, the coordinator's locks and exclusions, and each participant's closed
/// proposals excluded too. Pairs naming anyone or anything outside are dropped.
pub fn cohort_instance(
    standings: &HashMap<i32, Standing>,
    capacities: &HashMap<i32, Capacity>,
    edges: &[(i32, i32, f64)],
    min_score: f64,
    locked: &[(i32, i32)],
    excluded: &[(i32, i32)],
) -> Cohort {
    let mut participant_ids: Vec<i32> = standings
        .iter()
        .filter(|(_, s)| s.still_looking())
        .map(|(id, _)| *id)
        .collect();
    participant_ids.sort_unstable();
    let mut placement_ids: Vec<i32> = capacities.keys().copied().collect();
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
    let pair = |(p, x): &(i32, i32)| Some((*p_index.get(p)?, *x_index.get(x)?));
    let mut seen = HashSet::new();
    let edges = edges
        .iter()
        .filter_map(|(p, x, s)| {
            let (pi, xi) = pair(&(*p, *x))?;
            seen.insert((pi, xi)).then_some((pi, xi, *s))
        })
        .collect();
    let mut excluded: Vec<(usize, usize)> = excluded.iter().filter_map(pair).collect();
    for id in &participant_ids {
        if let Some(s) = standings.get(id) {
            excluded.extend(s.closed_proposals.iter().filter_map(|x| pair(&(*id, *x))));
        }
    }
    excluded.sort_unstable();
    excluded.dedup();
    let instance = Instance {
        participants: participant_ids.iter().map(i32::to_string).collect(),
        placements: placement_ids
            .iter()
            .map(|id| {
                let free = capacities.get(id).map(Capacity::free).unwrap_or(0);
                (id.to_string(), free)
            })
            .collect(),
        edges,
        min_score,
        locked: locked.iter().filter_map(pair).collect(),
        excluded,
    };
    Cohort {
        instance,
        participant_ids,
        placement_ids,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assign::{solve, solve_stable};
    use proptest::prelude::*;

    fn phase() -> impl Strategy<Value = JourneyPhase> {
        prop_oneof![
            3 => Just(JourneyPhase::Looking),
            1 => Just(JourneyPhase::Placed),
            1 => Just(JourneyPhase::Finished),
        ]
    }

    fn standing(placements: usize) -> impl Strategy<Value = Standing> {
        let x = 0..placements as i32;
        (
            phase(),
            prop::bool::weighted(0.2),
            prop::bool::weighted(0.15),
            prop::collection::vec(x.clone(), 0..2),
            prop::collection::vec(x, 0..2),
        )
            .prop_map(|(phase, has_internship, left, live, closed)| Standing {
                phase,
                has_internship,
                left,
                live_proposals: live,
                closed_proposals: closed,
            })
    }

    /// Up to 12 participants and 5 placements, what is recorded about each, random scores.
    #[allow(clippy::type_complexity)]
    fn world() -> impl Strategy<
        Value = (
            HashMap<i32, Standing>,
            HashMap<i32, Capacity>,
            Vec<(i32, i32, f64)>,
            Vec<(i32, i32)>,
        ),
    > {
        (1usize..=12, 1usize..=5).prop_flat_map(|(np, nx)| {
            (
                prop::collection::vec(standing(nx), np),
                prop::collection::vec((0u32..4, 0u32..3, 0u32..3), nx),
                prop::collection::vec((0..np as i32, 0..nx as i32, 0.0f64..1.0), 0..40),
                prop::collection::vec((0..np as i32, 0..nx as i32), 0..3),
            )
                .prop_map(|(people, places, edges, locks)| {
                    let standings = people.into_iter().enumerate().map(|(i, s)| (i as i32, s));
                    let capacities = places.into_iter().enumerate().map(|(i, (p, n, q))| {
                        (
                            i as i32,
                            Capacity {
                                places: p,
                                internships: n,
                                proposals: q,
                            },
                        )
                    });
                    (standings.collect(), capacities.collect(), edges, locks)
                })
        })
    }

    proptest! {
        /// Whatever is recorded and whatever the coordinator locks, a plan (the optimum and the
        /// stable one) places only participants still looking (not finished, not placed, not
        /// left the programme, not already proposed), never at a placement a proposal of
        /// theirs was closed at, and never more than the places left once internships and live
        /// proposals are counted.
        #[test]
        fn a_plan_places_only_those_still_looking_within_the_free_places(
            (standings, capacities, edges, locks) in world(),
            min in 0.0f64..0.5,
        ) {
            let cohort = cohort_instance(&standings, &capacities, &edges, min, &locks, &[]);
            let stable = solve_stable(&cohort.instance).map(|s| s.assignment);
            for assignment in [solve(&cohort.instance), stable] {
                // Contradictory locks are refused, not planned around.
                let Ok(assignment) = assignment else { continue };
                let mut used: HashMap<i32, u32> = HashMap::new();
                for (pi, xi, _) in &assignment.pairs {
                    let pid = cohort.participant_ids[*pi];
                    let xid = cohort.placement_ids[*xi];
                    let s = &standings[&pid];
                    prop_assert_eq!(s.phase, JourneyPhase::Looking);
                    prop_assert!(!s.left, "{pid} has left the programme");
                    prop_assert!(!s.has_internship, "{pid} has an internship");
                    prop_assert!(s.live_proposals.is_empty(), "{pid} is already proposed");
                    prop_assert!(!s.closed_proposals.contains(&xid));
                    *used.entry(xid).or_default() += 1;
                }
                for (xid, n) in used {
                    let c = capacities[&xid];
                    prop_assert!(
                        n + c.internships + c.proposals <= c.places,
                        "placement {xid}: {n} planned beside {c:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn taken_places_are_counted_and_never_below_zero() {
        let c = Capacity {
            places: 3,
            internships: 1,
            proposals: 1,
        };
        assert_eq!(c.free(), 1);
        let over = Capacity {
            places: 1,
            internships: 1,
            proposals: 2,
        };
        assert_eq!(over.free(), 0);
    }

    #[test]
    fn only_someone_at_a_looking_stage_without_internship_or_proposal_is_looking() {
        assert!(Standing::looking().still_looking());
        let closed = Standing {
            closed_proposals: vec![3],
            ..Standing::looking()
        };
        assert!(closed.still_looking(), "a withdrawn proposal frees her");
        for s in [
            Standing {
                phase: JourneyPhase::Finished,
                ..Standing::looking()
            },
            Standing {
                phase: JourneyPhase::Placed,
                ..Standing::looking()
            },
            Standing {
                has_internship: true,
                ..Standing::looking()
            },
            Standing {
                left: true,
                ..Standing::looking()
            },
            Standing {
                live_proposals: vec![1],
                ..Standing::looking()
            },
        ] {
            assert!(!s.still_looking(), "{s:?}");
        }
    }
}
