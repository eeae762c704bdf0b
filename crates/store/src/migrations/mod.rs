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
mod m0013_followup;

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
            Box::new(m0013_followup::Migration),
        ]
    }
}
