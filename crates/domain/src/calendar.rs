//! Brygga's calendar is Sweden's: "today", deadlines and meeting times are dates and times in
//! Europe/Stockholm, whatever time zone the server runs in.

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveDateTime, TimeZone, Utc, Weekday};
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

// ------------------------------------------------------------------ public holidays

/// Sweden's public holidays (allmänna helgdagar, lag 1989:253) and the eves that are de-facto
/// days off (midsommarafton, julafton, nyårsafton, påskafton): computed, never downloaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HolidayKind {
    Nyarsdagen,
    TrettondedagJul,
    Langfredagen,
    Paskafton,
    Paskdagen,
    AnnandagPask,
    ForstaMaj,
    KristiHimmelsfard,
    Pingstdagen,
    Nationaldagen,
    Midsommarafton,
    Midsommardagen,
    AllaHelgonsDag,
    Julafton,
    Juldagen,
    AnnandagJul,
    Nyarsafton,
}

impl HolidayKind {
    pub fn as_str(self) -> &'static str {
        use HolidayKind::*;
        match self {
            Nyarsdagen => "nyarsdagen",
            TrettondedagJul => "trettondedag_jul",
            Langfredagen => "langfredagen",
            Paskafton => "paskafton",
            Paskdagen => "paskdagen",
            AnnandagPask => "annandag_pask",
            ForstaMaj => "forsta_maj",
            KristiHimmelsfard => "kristi_himmelsfard",
            Pingstdagen => "pingstdagen",
            Nationaldagen => "nationaldagen",
            Midsommarafton => "midsommarafton",
            Midsommardagen => "midsommardagen",
            AllaHelgonsDag => "alla_helgons_dag",
            Julafton => "julafton",
            Juldagen => "juldagen",
            AnnandagJul => "annandag_jul",
            Nyarsafton => "nyarsafton",
        }
    }

    /// The message key of the holiday's name (`schedule.ftl`).
    pub fn label_key(self) -> String {
        format!("holiday-{}", self.as_str().replace('_', "-"))
    }

    /// An eve: not a public holiday in law, but a day off in practice (and in most collective
    /// agreements), so no one is scheduled on it either.
    pub fn is_eve(self) -> bool {
        matches!(
            self,
            HolidayKind::Paskafton
                | HolidayKind::Midsommarafton
                | HolidayKind::Julafton
                | HolidayKind::Nyarsafton
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Holiday {
    pub date: NaiveDate,
    pub kind: HolidayKind,
}

impl Holiday {
    pub fn is_eve(&self) -> bool {
        self.kind.is_eve()
    }
}

/// Easter Sunday of a Gregorian year (the anonymous Gregorian computus of Meeus, Jones and
/// Butcher). `None` only for a year chrono cannot hold.
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The first `weekday` on or after `from`.
fn first_on_or_after(from: NaiveDate, weekday: Weekday) -> NaiveDate {
    let ahead = (7 + weekday.num_days_from_monday() - from.weekday().num_days_from_monday()) % 7;
    from + Days::new(u64::from(ahead))
}

/// Every public holiday and day-off eve of `year`, in date order.
pub fn holidays(year: i32) -> Vec<Holiday> {
    use HolidayKind::*;
    let ymd = |m, d| NaiveDate::from_ymd_opt(year, m, d);
    let mut out: Vec<(Option<NaiveDate>, HolidayKind)> = vec![
        (ymd(1, 1), Nyarsdagen),
        (ymd(1, 6), TrettondedagJul),
        (ymd(5, 1), ForstaMaj),
        (ymd(6, 6), Nationaldagen),
        (ymd(12, 24), Julafton),
        (ymd(12, 25), Juldagen),
        (ymd(12, 26), AnnandagJul),
        (ymd(12, 31), Nyarsafton),
    ];
    if let Some(easter) = easter_sunday(year) {
        let off = |days: i64| easter.checked_add_signed(chrono::Duration::days(days));
        out.extend([
            (off(-2), Langfredagen),
            (off(-1), Paskafton),
            (Some(easter), Paskdagen),
            (off(1), AnnandagPask),
            (off(39), KristiHimmelsfard),
            (off(49), Pingstdagen),
        ]);
    }
    // Midsommardagen: the Saturday in 20–26 June; its eve the Friday before.
    if let Some(day) = ymd(6, 20).map(|d| first_on_or_after(d, Weekday::Sat)) {
        out.push((day.pred_opt(), Midsommarafton));
        out.push((Some(day), Midsommardagen));
    }
    // Alla helgons dag: the Saturday in 31 October – 6 November.
    out.push((
        ymd(10, 31).map(|d| first_on_or_after(d, Weekday::Sat)),
        AllaHelgonsDag,
    ));
    let mut out: Vec<Holiday> = out
        .into_iter()
        .filter_map(|(d, kind)| d.map(|date| Holiday { date, kind }))
        .collect();
    out.sort_by_key(|h| h.date);
    out
}

/// The holiday (or day-off eve) on `date`, if any.
pub fn holiday_on(date: NaiveDate) -> Option<Holiday> {
    holidays(date.year()).into_iter().find(|h| h.date == date)
}

// ------------------------------------------------------------------ ISO weeks

/// The Monday of the ISO week `date` is in.
pub fn week_start(date: NaiveDate) -> NaiveDate {
    date - Days::new(u64::from(date.weekday().num_days_from_monday()))
}

/// An ISO week as `YYYY-Www` (what an `<input type="week">` sends), e.g. `2026-W05`.
pub fn week_label(date: NaiveDate) -> String {
    let w = date.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

/// The Monday of a week written `YYYY-Www`; `None` for anything else (or a week the year does
/// not have).
pub fn parse_week(s: &str) -> Option<NaiveDate> {
    let (y, w) = s.trim().split_once("-W")?;
    if y.len() != 4 || w.len() != 2 {
        return None;
    }
    let year: i32 = y.parse().ok()?;
    let week: u32 = w.parse().ok()?;
    NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)
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

    fn names(year: i32) -> Vec<(String, HolidayKind)> {
        holidays(year)
            .into_iter()
            .map(|h| (h.date.to_string(), h.kind))
            .collect()
    }

    #[test]
    fn the_holidays_of_2025_2026_and_2027_are_the_almanacs() {
        use HolidayKind::*;
        let expect = |year: i32, moving: &[(&str, HolidayKind)]| {
            let mut want: Vec<(String, HolidayKind)> = [
                ("01-01", Nyarsdagen),
                ("01-06", TrettondedagJul),
                ("05-01", ForstaMaj),
                ("06-06", Nationaldagen),
                ("12-24", Julafton),
                ("12-25", Juldagen),
                ("12-26", AnnandagJul),
                ("12-31", Nyarsafton),
            ]
            .iter()
            .map(|(md, k)| (format!("{year}-{md}"), *k))
            .chain(moving.iter().map(|(d, k)| (d.to_string(), *k)))
            .collect();
            want.sort();
            let mut got = names(year);
            got.sort();
            assert_eq!(got, want, "{year}");
        };
        expect(
            2025,
            &[
                ("2025-04-18", Langfredagen),
                ("2025-04-19", Paskafton),
                ("2025-04-20", Paskdagen),
                ("2025-04-21", AnnandagPask),
                ("2025-05-29", KristiHimmelsfard),
                ("2025-06-08", Pingstdagen),
                ("2025-06-20", Midsommarafton),
                ("2025-06-21", Midsommardagen),
                ("2025-11-01", AllaHelgonsDag),
            ],
        );
        expect(
            2026,
            &[
                ("2026-04-03", Langfredagen),
                ("2026-04-04", Paskafton),
                ("2026-04-05", Paskdagen),
                ("2026-04-06", AnnandagPask),
                ("2026-05-14", KristiHimmelsfard),
                ("2026-05-24", Pingstdagen),
                ("2026-06-19", Midsommarafton),
                ("2026-06-20", Midsommardagen),
                ("2026-10-31", AllaHelgonsDag),
            ],
        );
        expect(
            2027,
            &[
                ("2027-03-26", Langfredagen),
                ("2027-03-27", Paskafton),
                ("2027-03-28", Paskdagen),
                ("2027-03-29", AnnandagPask),
                ("2027-05-06", KristiHimmelsfard),
                ("2027-05-16", Pingstdagen),
                ("2027-06-25", Midsommarafton),
                ("2027-06-26", Midsommardagen),
                ("2027-11-06", AllaHelgonsDag),
            ],
        );
    }

    #[test]
    fn eves_are_flagged_and_holidays_are_found_by_date() {
        let eves: Vec<HolidayKind> = holidays(2026)
            .into_iter()
            .filter(|h| h.is_eve())
            .map(|h| h.kind)
            .collect();
        assert_eq!(
            eves,
            vec![
                HolidayKind::Paskafton,
                HolidayKind::Midsommarafton,
                HolidayKind::Julafton,
                HolidayKind::Nyarsafton
            ]
        );
        assert_eq!(
            holiday_on(date("2026-06-19")).map(|h| h.kind),
            Some(HolidayKind::Midsommarafton)
        );
        assert_eq!(holiday_on(date("2026-06-18")), None);
        assert_eq!(
            HolidayKind::AnnandagPask.label_key(),
            "holiday-annandag-pask"
        );
    }

    #[test]
    fn iso_weeks_read_and_write() {
        assert_eq!(parse_week("2026-W01"), Some(date("2025-12-29")));
        assert_eq!(parse_week("2025-W53"), None, "2025 has 52 weeks");
        assert_eq!(parse_week("2026-W53"), Some(date("2026-12-28")));
        assert_eq!(parse_week("2020-W53"), Some(date("2020-12-28")));
        for bad in ["", "2026-W1", "2026W01", "x-W01", "2026-W00", "2026-Wxx"] {
            assert_eq!(parse_week(bad), None, "{bad}");
        }
        assert_eq!(week_label(date("2027-01-01")), "2026-W53");
        assert_eq!(week_start(date("2026-12-06")), date("2026-11-30"));
    }

    proptest::proptest! {
        #[test]
        fn every_year_has_its_holidays_and_easter_on_a_sunday(year in 1900i32..2500) {
            let easter = easter_sunday(year).unwrap();
            proptest::prop_assert_eq!(easter.weekday(), Weekday::Sun);
            let lo = NaiveDate::from_ymd_opt(year, 3, 22).unwrap();
            let hi = NaiveDate::from_ymd_opt(year, 4, 25).unwrap();
            proptest::prop_assert!(lo <= easter && easter <= hi, "{}", easter);
            let all = holidays(year);
            proptest::prop_assert!(all.len() >= 13);
            proptest::prop_assert!(all.iter().all(|h| h.date.year() == year));
            let mid = all.iter().find(|h| h.kind == HolidayKind::Midsommarafton).unwrap();
            proptest::prop_assert_eq!(mid.date.weekday(), Weekday::Fri);
            proptest::prop_assert!((19..=25).contains(&mid.date.day()));
            let saints = all.iter().find(|h| h.kind == HolidayKind::AllaHelgonsDag).unwrap();
            proptest::prop_assert_eq!(saints.date.weekday(), Weekday::Sat);
            for h in &all {
                proptest::prop_assert_eq!(holiday_on(h.date).map(|x| x.date), Some(h.date));
            }
        }
    }
}
