//! Brygga's calendar is Sweden's: "today", deadlines and meeting times are dates and times in
//! Europe/Stockholm, whatever time zone the server runs in.

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Europe::Stockholm;

/// The date in Stockholm at `instant` (testable form of [`today`]).
pub fn date_at(instant: DateTime<Utc>) -> NaiveDate {
    instant.with_timezone(&Stockholm).date_naive()
}

/// Today's date in Stockholm.
pub fn today() -> NaiveDate {
    date_at(Utc::now())
}

/// Swedish local time as UTC. A time that does not exist (the hour skipped in March) is refused;
/// one that exists twice (October) is read as summer time.
pub fn stockholm_to_utc(local: NaiveDateTime) -> Option<DateTime<Utc>> {
    Stockholm
        .from_local_datetime(&local)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
}

/// UTC as Swedish local time.
pub fn utc_to_stockholm(utc: DateTime<Utc>) -> NaiveDateTime {
    utc.with_timezone(&Stockholm).naive_local()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn just_after_midnight_in_stockholm_it_is_already_tomorrow_while_utc_is_still_today() {
        // Winter (UTC+1): 23:30 UTC is 00:30 the next day in Stockholm.
        assert_eq!(date_at(at("2026-01-14T23:30:00Z")), date("2026-01-15"));
        assert_eq!(date_at(at("2026-01-14T22:59:59Z")), date("2026-01-14"));
        // Summer (UTC+2): 22:15 UTC is 00:15 the next day.
        assert_eq!(date_at(at("2026-06-30T22:15:00Z")), date("2026-07-01"));
        assert_eq!(date_at(at("2026-06-30T21:59:59Z")), date("2026-06-30"));
        // New Year's Eve at 23:00 UTC is already next year.
        assert_eq!(date_at(at("2026-12-31T23:00:00Z")), date("2027-01-01"));
    }

    #[test]
    fn local_times_around_the_clock_changes() {
        let local = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap();
        assert_eq!(stockholm_to_utc(local("2030-03-31T02:30")), None);
        assert_eq!(
            stockholm_to_utc(local("2030-10-27T02:30")),
            Some(at("2030-10-27T00:30:00Z")),
            "the first (summer time) of the two"
        );
        assert_eq!(
            utc_to_stockholm(at("2030-07-01T08:00:00Z")),
            local("2030-07-01T10:00")
        );
    }
}
