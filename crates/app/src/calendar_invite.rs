//! One calendar invitation (RFC 5545, METHOD:REQUEST or CANCEL) built with the `icalendar`
//! crate, every value cleaned by `ics`: the shape meeting invitations share, and that other
//! invitations can move to (the interview's writer in `interview.rs` predates it).

use chrono::{DateTime, Utc};

use crate::ics;
use crate::mail::MailSettings;

/// A person in the invitation: the organizer or an attendee.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    pub email: String,
}

/// What the calendar file says. `uid` stays the same for the life of the event, so a moved
/// event replaces the earlier one in the reader's calendar and a cancelled one removes it;
/// `sequence` grows with each change.
#[derive(Debug, Clone)]
pub struct Invite {
    pub uid: String,
    pub sequence: u32,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub summary: String,
    pub location: String,
    pub url: String,
    pub organizer: Person,
    pub attendees: Vec<Person>,
    pub cancelled: bool,
}

impl Invite {
    pub fn method(&self) -> &'static str {
        if self.cancelled { "CANCEL" } else { "REQUEST" }
    }

    /// The attachment's content type.
    pub fn content_type(&self) -> String {
        format!("text/calendar; method={}; charset=utf-8", self.method())
    }

    /// The calendar file, times in UTC.
    pub fn to_ics(&self) -> String {
        calendar_of(std::slice::from_ref(self))
    }

    fn event(&self) -> icalendar::Event {
        use icalendar::{Component, Event, EventLike, EventStatus, Property};
        let mut ev = Event::new();
        ev.uid(&ics::text(&self.uid))
            .sequence(self.sequence)
            .timestamp(Utc::now())
            .starts(self.starts_at)
            .ends(self.ends_at)
            .summary(&ics::text(&self.summary));
        if !self.location.is_empty() {
            ev.location(&ics::text(&self.location));
        }
        if !self.url.is_empty() {
            ev.url(&ics::text(&self.url));
        }
        ev.append_property(
            Property::new(
                "ORGANIZER",
                format!("mailto:{}", ics::text(&self.organizer.email)),
            )
            .add_parameter("CN", &ics::param(&self.organizer.name))
            .done(),
        );
        for a in &self.attendees {
            ev.append_multi_property(
                Property::new("ATTENDEE", format!("mailto:{}", ics::text(&a.email)))
                    .add_parameter("CN", &ics::param(&a.name))
                    .add_parameter("ROLE", "REQ-PARTICIPANT")
                    .add_parameter("RSVP", "TRUE")
                    .done(),
            );
        }
        if self.cancelled {
            ev.status(EventStatus::Cancelled);
        }
        ev.done()
    }
}

/// One calendar file holding several events (an event's sessions, a fair's meetings), with the
/// first one's method.
pub fn calendar_of(invites: &[Invite]) -> String {
    use icalendar::{Calendar, Property};
    let mut cal = Calendar::new();
    cal.append_property(Property::new(
        "METHOD",
        invites.first().map_or("REQUEST", Invite::method),
    ));
    for i in invites {
        cal.push(i.event());
    }
    cal.done().to_string()
}

/// The host name Brygga is reached at (the right-hand side of calendar UIDs).
pub fn host(mail: &MailSettings) -> String {
    mail.public_url
        .split("://")
        .nth(1)
        .unwrap_or(&mail.public_url)
        .split(['/', ':'])
        .next()
        .filter(|h| !h.is_empty())
        .unwrap_or("brygga")
        .to_string()
}

/// The sender's bare address (`Brygga <noreply@example.org>` → `noreply@example.org`).
pub fn from_address(mail: &MailSettings) -> String {
    mail.from
        .rsplit_once('<')
        .map(|(_, r)| r.trim_end_matches('>').to_string())
        .unwrap_or_else(|| mail.from.clone())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn invite(cancelled: bool) -> Invite {
        let t = DateTime::parse_from_rfc3339("2031-03-10T09:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        Invite {
            uid: "meeting-7@brygga.example".into(),
            sequence: u32::from(cancelled),
            starts_at: t,
            ends_at: t + chrono::Duration::hours(1),
            summary: "Uppföljning;\r\nX-EVIL:1".into(),
            location: "Rum 1".into(),
            url: String::new(),
            organizer: Person {
                name: "Kim \"K\"".into(),
                email: "k@example.se".into(),
            },
            attendees: vec![Person {
                name: "Eve\r\nATTENDEE:mailto:x@evil".into(),
                email: "e@example.se".into(),
            }],
            cancelled,
        }
    }

    #[test]
    fn a_request_and_its_cancel_share_the_uid() {
        let req = invite(false).to_ics();
        let cancel = invite(true).to_ics();
        assert!(req.contains("METHOD:REQUEST"), "{req}");
        assert!(cancel.contains("METHOD:CANCEL"), "{cancel}");
        assert!(cancel.contains("STATUS:CANCELLED"), "{cancel}");
        for s in [&req, &cancel] {
            assert!(s.contains("UID:meeting-7@brygga.example"), "{s}");
            assert!(!s.lines().any(|l| l.starts_with("X-EVIL")), "{s}");
            let attendees = s.lines().filter(|l| l.starts_with("ATTENDEE")).count();
            assert_eq!(attendees, 1, "a name cannot add an attendee: {s}");
        }
        assert!(cancel.contains("SEQUENCE:1"));
    }

    #[test]
    fn the_host_and_sender_come_from_the_settings() {
        let mail = MailSettings {
            public_url: "https://brygga.example:8443/x".into(),
            from: "Brygga <noreply@brygga.example>".into(),
            ..MailSettings::default()
        };
        assert_eq!(host(&mail), "brygga.example");
        assert_eq!(from_address(&mail), "noreply@brygga.example");
    }
}
