//! Versioned migrations, one set for both backends. Never edit a migration that has shipped;
//! add a new one.

use sea_orm_migration::prelude::*;

mod m0001_initial;
mod m0002_matching;
mod m0003_programme_settings;
mod m0004_journeys;
mod m0005_auth;
mod m0006_uniques;
mod m0007_audit;
mod m0008_policy;
mod m0009_invitations;
mod m0010_internship;
mod m0011_schedule;
mod m0012_courses;
mod m0013_followup;
mod m0014_notifications;
mod m0016_proposal_override;
mod m0017_matching_changes;
mod m0018_participant_exits;
mod m0019_learning;
mod m0020_events;
mod m0021_certificates;
mod m0022_lessons;
mod m0023_outcomes;
mod m0024_surveys;
mod m0025_gain;
mod m0026_projects;

pub struct Migrator;

impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m0001_initial::Migration),
            Box::new(m0002_matching::Migration),
            Box::new(m0003_programme_settings::Migration),
            Box::new(m0004_journeys::Migration),
            Box::new(m0005_auth::Migration),
            Box::new(m0006_uniques::Migration),
            Box::new(m0007_audit::Migration),
            Box::new(m0008_policy::Migration),
            Box::new(m0009_invitations::Migration),
            Box::new(m0010_internship::Migration),
            Box::new(m0011_schedule::Migration),
            Box::new(m0012_courses::Migration),
            Box::new(m0013_followup::Migration),
            Box::new(m0014_notifications::Migration),
            Box::new(m0016_proposal_override::Migration),
            Box::new(m0017_matching_changes::Migration),
            Box::new(m0018_participant_exits::Migration),
            Box::new(m0019_learning::Migration),
            Box::new(m0020_events::Migration),
            Box::new(m0021_certificates::Migration),
            Box::new(m0022_lessons::Migration),
            Box::new(m0023_outcomes::Migration),
            Box::new(m0024_surveys::Migration),
            Box::new(m0025_gain::Migration),
            Box::new(m0026_projects::Migration),
        ]
    }
}
