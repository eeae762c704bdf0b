//! A programme's indicators, computed from its records and split as ESF reports them: by gender
//! and by age group. What each person counts for is gathered by the store; the counting is here.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::FieldError;
use crate::evaluation::AgeGroup;
use crate::model::str_enum;
use crate::outcome::OutcomeGroup;
use crate::values::Gender;

str_enum!(
    /// What the dashboard counts, each person once.
    Indicator, "indicator" {
        Participants = "participants",
        InternshipStarted = "internship_started",
        InternshipCompleted = "internship_completed",
        Certified = "certified",
        Left = "left",
        WorkOrStudiesWeek4 = "work_or_studies_week4",
        WorkOrStudiesMonth6 = "work_or_studies_month6",
        StaffTrained = "staff_trained",
    }
);

impl Indicator {
    /// Whether the indicator counts participants (the newcomers), whose age group is known; the
    /// others count the programme's trained staff, whose birth year is not recorded.
    pub fn counts_participants(self) -> bool {
        self != Indicator::StaffTrained
    }
}

/// One person as the indicators see her.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonFacts {
    pub gender: Gender,
    pub age: AgeGroup,
    pub internship_started: bool,
    pub internship_completed: bool,
    pub certified: bool,
    pub left: bool,
    /// Where she stood within four weeks of leaving and after six months, when recorded.
    pub week4: Option<OutcomeGroup>,
    pub month6: Option<OutcomeGroup>,
}

impl PersonFacts {
    fn counts_for(&self, i: Indicator) -> bool {
        let working_or_studying =
            |g: Option<OutcomeGroup>| matches!(g, Some(OutcomeGroup::Work | OutcomeGroup::Studies));
        match i {
            Indicator::Participants => true,
            Indicator::InternshipStarted => self.internship_started,
            Indicator::InternshipCompleted => self.internship_completed,
            Indicator::Certified => self.certified,
            Indicator::Left => self.left,
            Indicator::WorkOrStudiesWeek4 => working_or_studying(self.week4),
            Indicator::WorkOrStudiesMonth6 => working_or_studying(self.month6),
            Indicator::StaffTrained => false,
        }
    }
}

/// A count split by gender and by age group.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Split {
    pub total: u32,
    /// Women, men, and those of another or unstated gender.
    pub women: u32,
    pub men: u32,
    pub other: u32,
    #[schema(value_type = BTreeMap<String, u32>)]
    pub by_age: BTreeMap<AgeGroup, u32>,
}

impl Split {
    fn add(&mut self, p: &PersonFacts) {
        self.add_gender(p.gender);
        *self.by_age.entry(p.age).or_insert(0) += 1;
    }

    fn add_gender(&mut self, g: Gender) {
        self.total += 1;
        match g {
            Gender::Female => self.women += 1,
            Gender::Male => self.men += 1,
            _ => self.other += 1,
        }
    }

    /// Counted from the people who match `counts`.
    pub fn of(people: &[PersonFacts], counts: impl Fn(&PersonFacts) -> bool) -> Split {
        let mut s = Split::default();
        for p in people.iter().filter(|p| counts(p)) {
            s.add(p);
        }
        s
    }

    /// The count in an age group (0 when nobody).
    pub fn age(&self, a: AgeGroup) -> u32 {
        self.by_age.get(&a).copied().unwrap_or(0)
    }
}

/// Every indicator, in order, with its split: the participants' from `people`, the trained
/// staff's (by gender only) from `staff`, the gender of each member of staff who attended a
/// training.
pub fn tally(people: &[PersonFacts], staff: &[Gender]) -> Vec<(Indicator, Split)> {
    Indicator::ALL
        .iter()
        .map(|i| {
            let s = if i.counts_participants() {
                Split::of(people, |p| p.counts_for(*i))
            } else {
                let mut s = Split::default();
                for g in staff {
                    s.add_gender(*g);
                }
                s
            };
            (*i, s)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn person(gender: Gender, age: AgeGroup) -> PersonFacts {
        PersonFacts {
            gender,
            age,
            internship_started: false,
            internship_completed: false,
            certified: false,
            left: false,
            week4: None,
            month6: None,
        }
    }

    #[test]
    fn each_person_counts_once_per_indicator_by_gender_and_age() {
        let finished = PersonFacts {
            internship_started: true,
            internship_completed: true,
            certified: true,
            left: true,
            week4: Some(OutcomeGroup::Seeking),
            month6: Some(OutcomeGroup::Work),
            ..person(Gender::Female, AgeGroup::From25To54)
        };
        let studying = PersonFacts {
            internship_started: true,
            left: true,
            week4: Some(OutcomeGroup::Studies),
            ..person(Gender::Male, AgeGroup::Under25)
        };
        let t = tally(
            &[
                finished,
                studying,
                person(Gender::Unspecified, AgeGroup::From55To64),
            ],
            &[Gender::Female, Gender::Female, Gender::Male],
        );
        let get = |i: Indicator| t.iter().find(|(j, _)| *j == i).unwrap().1.clone();
        let all = get(Indicator::Participants);
        assert_eq!((all.total, all.women, all.men, all.other), (3, 1, 1, 1));
        assert_eq!(all.age(AgeGroup::From55To64), 1);
        assert_eq!(get(Indicator::InternshipStarted).total, 2);
        assert_eq!(get(Indicator::Certified).women, 1);
        let w4 = get(Indicator::WorkOrStudiesWeek4);
        assert_eq!((w4.total, w4.men, w4.age(AgeGroup::Under25)), (1, 1, 1));
        let m6 = get(Indicator::WorkOrStudiesMonth6);
        assert_eq!((m6.total, m6.women), (1, 1));
        assert_eq!(t.len(), Indicator::ALL.len());
        // The trained staff are counted apart from the participants, by gender only.
        let staff = get(Indicator::StaffTrained);
        assert_eq!((staff.total, staff.women, staff.men), (3, 2, 1));
        assert!(staff.by_age.is_empty());
    }
}
