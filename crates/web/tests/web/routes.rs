//! The route × role matrix: every route the router serves, for every role and for a visitor who
//! is not logged in, answers as the access policy says. The routes are read from the web crate's
//! source and from the OpenAPI document, so a new route without a row here fails the suite.

use std::collections::{BTreeMap, BTreeSet};

use brygga_domain::model::Role;
use brygga_domain::policy::{Action, Relation, Resource, list_scope, may_ever};
use reqwest::{Method, StatusCode};

use super::*;

/// Who may use a route.
#[derive(Clone, Copy, Debug)]
enum Rule {
    /// Anyone, logged in or not.
    Public,
    /// Anyone logged in.
    Login,
    /// Those the policy may ever let do `Action` on `Resource` (for some record).
    May(Action, Resource),
    /// Those who list `Resource` through `Relation` (the board: a programme's participants).
    Scope(Resource, Relation),
}

impl Rule {
    fn allows(self, role: Role) -> bool {
        match self {
            Rule::Public | Rule::Login => true,
            Rule::May(action, resource) => may_ever(role, action, resource),
            Rule::Scope(resource, relation) => list_scope(role, resource).contains(&relation),
        }
    }
}

use Action::{Create, Delete, List, Read, Update};
use Resource::{
    Absence, Agreement, Assessment, AuditLog, CaseLog, Certificate, Checklist, Clearance, Course,
    CourseProgress, DevelopmentPlan, Employer, EvaluationExport, Event, Gain, GainTable,
    Indicators, Interest, Internship, Interview, Invitation, Job, Lesson, Meeting, MeetingAction,
    Organisation, Participant as P, Placement, ProcessMap, ProgressLog, Proposal, Schedule,
    StaffRegister, User,
};

/// Matching (rankings, plans) covers whole programmes: only those who may edit participants.
const MATCH: Rule = Rule::May(Update, P);

/// Every route with its rule, as (method, path as the router writes it, rule).
const RULES: &[(&str, &str, Rule)] = &[
    // Public pages and probes.
    ("GET", "/healthz", Rule::Public),
    ("GET", "/readyz", Rule::Public),
    ("GET", "/static/{*path}", Rule::Public),
    ("GET", "/login", Rule::Public),
    ("POST", "/login", Rule::Public),
    ("GET", "/lang/{code}", Rule::Public),
    ("GET", "/open-placements", Rule::Public),
    ("GET", "/open-placements/{id}", Rule::Public),
    ("GET", "/open-placements/{id}/interest", Rule::Public),
    ("POST", "/open-placements/{id}/interest", Rule::Public),
    ("GET", "/open-events", Rule::Public),
    ("GET", "/open-events/{id}", Rule::Public),
    // Certificates are verified by anyone, with the issuer's keys and revocations public.
    ("GET", "/verify", Rule::Public),
    ("POST", "/verify", Rule::Public),
    ("GET", "/verify/{credential}", Rule::Public),
    ("GET", "/.well-known/jwks.json", Rule::Public),
    ("GET", "/credentials/issuer", Rule::Public),
    ("GET", "/credentials/revocations", Rule::Public),
    ("POST", "/api/v1/credentials/verify", Rule::Public),
    // The follow-up survey is answered from its personal link, without a login.
    ("GET", "/survey/{token}", Rule::Public),
    ("POST", "/survey/{token}", Rule::Public),
    ("GET", "/api/v1/surveys/{token}", Rule::Public),
    ("POST", "/api/v1/surveys/{token}", Rule::Public),
    ("GET", "/open-events/{id}/register", Rule::Public),
    ("POST", "/open-events/{id}/register", Rule::Public),
    ("GET", "/api/v1/openapi.json", Rule::Public),
    // Every logged-in user.
    ("GET", "/", Rule::Login),
    ("GET", "/password", Rule::Login),
    ("POST", "/password", Rule::Login),
    ("POST", "/logout", Rule::Login),
    // One's own API tokens.
    ("GET", "/account/tokens", Rule::Login),
    ("POST", "/account/tokens", Rule::Login),
    ("POST", "/account/tokens/{id}/revoke", Rule::Login),
    ("GET", "/account/notifications", Rule::Login),
    ("POST", "/account/notifications", Rule::Login),
    ("GET", "/interview-guide", Rule::Login),
    ("GET", "/admin/organisations", Rule::May(List, Organisation)),
    (
        "POST",
        "/admin/organisations",
        Rule::May(Create, Organisation),
    ),
    // Participants.
    ("GET", "/participants", Rule::May(List, P)),
    ("GET", "/participants/export", Rule::May(List, P)),
    ("POST", "/participants", Rule::May(Create, P)),
    ("GET", "/participants/new", Rule::May(Create, P)),
    ("GET", "/participants/{id}", Rule::May(Read, P)),
    ("POST", "/participants/{id}", Rule::May(Update, P)),
    ("GET", "/participants/{id}/edit", Rule::May(Update, P)),
    ("GET", "/participants/{id}/exit", Rule::May(Update, P)),
    // Learning at the workplace.
    ("GET", "/learning", Rule::May(List, Checklist)),
    (
        "GET",
        "/internships/{id}/checklist",
        Rule::May(Read, Checklist),
    ),
    (
        "POST",
        "/internships/{id}/checklist/draw",
        Rule::May(Create, Checklist),
    ),
    (
        "POST",
        "/internships/{id}/checklist/criteria",
        Rule::May(Create, Checklist),
    ),
    (
        "POST",
        "/internships/{id}/checklist/criteria/{criterion}",
        Rule::May(Create, Checklist),
    ),
    (
        "POST",
        "/internships/{id}/checklist/criteria/{criterion}/remove",
        Rule::May(Delete, Checklist),
    ),
    (
        "POST",
        "/internships/{id}/checklist/criteria/{criterion}/tick",
        Rule::May(Update, Checklist),
    ),
    ("GET", "/internships/{id}/log", Rule::May(Read, ProgressLog)),
    (
        "POST",
        "/internships/{id}/log",
        Rule::May(Create, ProgressLog),
    ),
    (
        "POST",
        "/internships/{id}/log/{entry}/comments",
        Rule::May(Create, ProgressLog),
    ),
    (
        "GET",
        "/internships/{id}/assessments",
        Rule::May(Read, Assessment),
    ),
    (
        "GET",
        "/internships/{id}/assessments/{kind}",
        Rule::May(Create, Assessment),
    ),
    (
        "POST",
        "/internships/{id}/assessments/{kind}",
        Rule::May(Create, Assessment),
    ),
    (
        "POST",
        "/internships/{id}/assessments/{kind}/revise",
        Rule::May(Update, Assessment),
    ),
    (
        "GET",
        "/participants/{id}/plan",
        Rule::May(Read, DevelopmentPlan),
    ),
    (
        "POST",
        "/participants/{id}/plan/steps",
        Rule::May(Create, DevelopmentPlan),
    ),
    (
        "POST",
        "/participants/{id}/plan/steps/{step}",
        Rule::May(Update, DevelopmentPlan),
    ),
    (
        "POST",
        "/participants/{id}/plan/steps/{step}/edit",
        Rule::May(Create, DevelopmentPlan),
    ),
    (
        "POST",
        "/participants/{id}/plan/steps/{step}/remove",
        Rule::May(Delete, DevelopmentPlan),
    ),
    (
        "GET",
        "/admin/programmes/{id}/checklist-template",
        Rule::May(Update, ProcessMap),
    ),
    (
        "POST",
        "/admin/programmes/{id}/checklist-template",
        Rule::May(Update, ProcessMap),
    ),
    (
        "GET",
        "/api/v1/internships/{id}/checklist",
        Rule::May(Read, Checklist),
    ),
    (
        "POST",
        "/api/v1/internships/{id}/checklist/criteria/{criterion}/ticks",
        Rule::May(Update, Checklist),
    ),
    (
        "POST",
        "/api/v1/internships/{id}/checklist/draw",
        Rule::May(Create, Checklist),
    ),
    (
        "POST",
        "/api/v1/internships/{id}/checklist/criteria",
        Rule::May(Create, Checklist),
    ),
    (
        "POST",
        "/api/v1/internships/{id}/log/{entry}/comments",
        Rule::May(Create, ProgressLog),
    ),
    (
        "PUT",
        "/api/v1/programmes/{id}/checklist-template",
        Rule::May(Update, ProcessMap),
    ),
    (
        "GET",
        "/api/v1/internships/{id}/log",
        Rule::May(Read, ProgressLog),
    ),
    (
        "POST",
        "/api/v1/internships/{id}/log",
        Rule::May(Create, ProgressLog),
    ),
    (
        "GET",
        "/api/v1/internships/{id}/assessments",
        Rule::May(Read, Assessment),
    ),
    (
        "PUT",
        "/api/v1/internships/{id}/assessments/{kind}",
        Rule::May(Create, Assessment),
    ),
    (
        "GET",
        "/api/v1/participants/{id}/plan",
        Rule::May(Read, DevelopmentPlan),
    ),
    (
        "POST",
        "/api/v1/participants/{id}/plan/steps",
        Rule::May(Create, DevelopmentPlan),
    ),
    ("POST", "/participants/{id}/exit", Rule::May(Update, P)),
    ("POST", "/participants/{id}/exit/undo", Rule::May(Update, P)),
    ("GET", "/participants/{id}/journey", Rule::May(Read, P)),
    ("POST", "/participants/{id}/journey", Rule::May(Update, P)),
    ("GET", "/board", Rule::Scope(P, Relation::InOrgScope)),
    (
        "GET",
        "/participants/{id}/clearance",
        Rule::May(Read, Clearance),
    ),
    (
        "POST",
        "/participants/{id}/clearance/confirmation",
        Rule::May(Create, Clearance),
    ),
    (
        "POST",
        "/participants/{id}/clearance/decision",
        Rule::May(Create, Clearance),
    ),
    (
        "POST",
        "/participants/{id}/clearance/confirmation/{record}/withdraw",
        Rule::May(Update, Clearance),
    ),
    (
        "POST",
        "/participants/{id}/clearance/decision/{record}/withdraw",
        Rule::May(Update, Clearance),
    ),
    (
        "POST",
        "/participants/{id}/clearance/share",
        Rule::May(Update, P),
    ),
    (
        "POST",
        "/participants/{id}/clearance/unshare",
        Rule::May(Update, P),
    ),
    ("GET", "/participants/{id}/suggestions", MATCH),
    (
        "GET",
        "/participants/{id}/agreements",
        Rule::May(List, Agreement),
    ),
    (
        "POST",
        "/participants/{id}/agreements",
        Rule::May(Create, Agreement),
    ),
    // Schedules, absences and calendar feeds.
    ("GET", "/schedule", Rule::Login),
    ("POST", "/schedule/absence", Rule::May(Create, Absence)),
    ("GET", "/absences", Rule::May(List, Absence)),
    ("GET", "/account/calendar", Rule::Login),
    ("POST", "/account/calendar", Rule::Login),
    ("POST", "/account/calendar/{id}/revoke", Rule::Login),
    ("GET", "/calendar/{file}", Rule::Public),
    (
        "GET",
        "/participants/{id}/schedule",
        Rule::May(Read, Schedule),
    ),
    (
        "POST",
        "/participants/{id}/schedule/entries",
        Rule::May(Create, Schedule),
    ),
    (
        "GET",
        "/participants/{id}/schedule/entries/{entry}",
        Rule::May(Update, Schedule),
    ),
    (
        "POST",
        "/participants/{id}/schedule/entries/{entry}",
        Rule::May(Update, Schedule),
    ),
    (
        "POST",
        "/participants/{id}/schedule/entries/{entry}/delete",
        Rule::May(Delete, Schedule),
    ),
    (
        "POST",
        "/participants/{id}/schedule/template",
        Rule::May(Create, Schedule),
    ),
    (
        "POST",
        "/participants/{id}/absences",
        Rule::May(Create, Absence),
    ),
    (
        "GET",
        "/api/v1/participants/{id}/schedule",
        Rule::May(Read, Schedule),
    ),
    (
        "POST",
        "/api/v1/participants/{id}/schedule",
        Rule::May(Create, Schedule),
    ),
    (
        "PUT",
        "/api/v1/participants/{id}/schedule/{entry}",
        Rule::May(Update, Schedule),
    ),
    (
        "DELETE",
        "/api/v1/participants/{id}/schedule/{entry}",
        Rule::May(Delete, Schedule),
    ),
    (
        "GET",
        "/api/v1/participants/{id}/absences",
        Rule::May(List, Absence),
    ),
    (
        "POST",
        "/api/v1/participants/{id}/absences",
        Rule::May(Create, Absence),
    ),
    ("GET", "/api/v1/absences", Rule::May(List, Absence)),
    // Internships.
    (
        "GET",
        "/participants/{id}/internships",
        Rule::May(List, Internship),
    ),
    (
        "POST",
        "/participants/{id}/internships",
        Rule::May(Create, Internship),
    ),
    ("GET", "/internships/{id}", Rule::May(Read, Internship)),
    (
        "POST",
        "/internships/{id}/end",
        Rule::May(Update, Internship),
    ),
    // Employers.
    ("GET", "/employers", Rule::May(List, Employer)),
    ("GET", "/employers/export", Rule::May(List, Employer)),
    ("POST", "/employers", Rule::May(Create, Employer)),
    ("GET", "/employers/new", Rule::May(Create, Employer)),
    ("GET", "/employers/{id}", Rule::May(Read, Employer)),
    ("POST", "/employers/{id}", Rule::May(Update, Employer)),
    ("GET", "/employers/{id}/edit", Rule::May(Update, Employer)),
    (
        "GET",
        "/employers/{id}/agreements",
        Rule::May(List, Agreement),
    ),
    (
        "POST",
        "/employers/{id}/agreements",
        Rule::May(Create, Agreement),
    ),
    // Placements, their pool, candidates and interviews.
    ("GET", "/placements", Rule::May(List, Placement)),
    ("GET", "/placements/export", Rule::May(List, Placement)),
    ("POST", "/placements", Rule::May(Create, Placement)),
    ("GET", "/placements/new", Rule::May(Create, Placement)),
    ("GET", "/placements/{id}", Rule::May(Read, Placement)),
    ("POST", "/placements/{id}", Rule::May(Update, Placement)),
    ("GET", "/placements/{id}/edit", Rule::May(Update, Placement)),
    ("GET", "/placements/{id}/candidates", MATCH),
    ("POST", "/placements/{id}/candidates/{participant}", MATCH),
    ("GET", "/placements/{id}/pool", Rule::May(List, Proposal)),
    ("POST", "/placements/{id}/pool", Rule::May(Create, Proposal)),
    (
        "POST",
        "/proposals/{id}/status",
        Rule::May(Update, Proposal),
    ),
    // Coordinators, and employer contacts for their own employer's placements (issue 10).
    (
        "GET",
        "/proposals/{id}/interview",
        Rule::May(Create, Interview),
    ),
    (
        "POST",
        "/proposals/{id}/interview",
        Rule::May(Create, Interview),
    ),
    // Follow-up meetings, their notes and actions, and the case log.
    (
        "GET",
        "/participants/{id}/meetings",
        Rule::May(List, Meeting),
    ),
    (
        "POST",
        "/participants/{id}/meetings",
        Rule::May(Create, Meeting),
    ),
    (
        "GET",
        "/participants/{id}/meetings/new",
        Rule::May(Create, Meeting),
    ),
    ("GET", "/meetings/{id}", Rule::May(Read, Meeting)),
    ("GET", "/meetings/{id}/edit", Rule::May(Update, Meeting)),
    ("POST", "/meetings/{id}/edit", Rule::May(Update, Meeting)),
    ("POST", "/meetings/{id}/cancel", Rule::May(Update, Meeting)),
    ("POST", "/meetings/{id}/notes", Rule::May(Update, Meeting)),
    (
        "POST",
        "/meetings/{id}/actions",
        Rule::May(Create, MeetingAction),
    ),
    (
        "POST",
        "/meeting-actions/{id}/done",
        Rule::May(Update, MeetingAction),
    ),
    (
        "GET",
        "/participants/{id}/caselog",
        Rule::May(Read, CaseLog),
    ),
    (
        "POST",
        "/participants/{id}/caselog",
        Rule::May(Create, CaseLog),
    ),
    (
        "GET",
        "/api/v1/participants/{id}/meetings",
        Rule::May(List, Meeting),
    ),
    (
        "POST",
        "/api/v1/participants/{id}/meetings",
        Rule::May(Create, Meeting),
    ),
    ("GET", "/api/v1/meetings/{id}", Rule::May(Read, Meeting)),
    ("PUT", "/api/v1/meetings/{id}", Rule::May(Update, Meeting)),
    (
        "POST",
        "/api/v1/meetings/{id}/cancel",
        Rule::May(Update, Meeting),
    ),
    (
        "POST",
        "/api/v1/meetings/{id}/notes",
        Rule::May(Update, Meeting),
    ),
    (
        "POST",
        "/api/v1/meetings/{id}/actions",
        Rule::May(Create, MeetingAction),
    ),
    (
        "POST",
        "/api/v1/meeting-actions/{id}/done",
        Rule::May(Update, MeetingAction),
    ),
    (
        "GET",
        "/api/v1/participants/{id}/caselog",
        Rule::May(Read, CaseLog),
    ),
    (
        "POST",
        "/api/v1/participants/{id}/caselog",
        Rule::May(Create, CaseLog),
    ),
    ("GET", "/interviews/{id}", Rule::May(Read, Interview)),
    (
        "POST",
        "/interviews/{id}/outcome",
        Rule::May(Update, Interview),
    ),
    (
        "POST",
        "/interviews/{id}/cancel",
        Rule::May(Update, Interview),
    ),
    // Agreements and their files.
    ("GET", "/agreements/{id}", Rule::May(Read, Agreement)),
    (
        "POST",
        "/agreements/{id}/generate",
        Rule::May(Update, Agreement),
    ),
    (
        "POST",
        "/agreements/{id}/sent",
        Rule::May(Update, Agreement),
    ),
    ("POST", "/agreements/{id}/end", Rule::May(Update, Agreement)),
    (
        "POST",
        "/agreements/{id}/signed",
        Rule::May(Update, Agreement),
    ),
    ("GET", "/files/{id}", Rule::May(Read, Agreement)),
    // Courses, their sessions, enrolments, attendance and progress notes.
    ("GET", "/courses", Rule::May(List, Course)),
    ("GET", "/courses/export", Rule::May(List, Course)),
    ("POST", "/courses", Rule::May(Create, Course)),
    ("GET", "/courses/new", Rule::May(Create, Course)),
    ("GET", "/courses/{id}", Rule::May(Read, Course)),
    ("POST", "/courses/{id}", Rule::May(Update, Course)),
    ("GET", "/courses/{id}/edit", Rule::May(Update, Course)),
    ("POST", "/courses/{id}/sessions", Rule::May(Update, Course)),
    (
        "GET",
        "/courses/{id}/sessions/{record}",
        Rule::May(Read, CourseProgress),
    ),
    (
        "POST",
        "/courses/{id}/sessions/{record}",
        Rule::May(Create, CourseProgress),
    ),
    (
        "POST",
        "/courses/{id}/sessions/{record}/delete",
        Rule::May(Update, Course),
    ),
    (
        "POST",
        "/courses/{id}/enrolments",
        Rule::May(Update, Course),
    ),
    (
        "POST",
        "/courses/{id}/enrolments/{record}",
        Rule::May(Update, Course),
    ),
    (
        "POST",
        "/courses/{id}/enrolments/{record}/notes",
        Rule::May(Create, CourseProgress),
    ),
    // The portal's inbox.
    ("GET", "/inbox", Rule::May(List, Interest)),
    ("GET", "/inbox/{id}", Rule::May(Read, Interest)),
    ("POST", "/inbox/{id}", Rule::May(Update, Interest)),
    // Cohort plans and matching meetings.
    ("GET", "/plan", MATCH),
    ("GET", "/plan/{id}", MATCH),
    ("POST", "/plan/{id}/rules", MATCH),
    ("POST", "/plan/{id}/accept", MATCH),
    ("POST", "/plan/{id}/accept/confirm", MATCH),
    ("POST", "/plan/{id}/free", MATCH),
    ("GET", "/plan/{id}/meeting", MATCH),
    ("GET", "/plan/{id}/settings", MATCH),
    ("POST", "/plan/{id}/settings", MATCH),
    // Administration.
    ("GET", "/audit", Rule::May(List, AuditLog)),
    // Events, the staff register, a fair's timetable; the kinds are the admin's.
    ("GET", "/events", Rule::May(List, Event)),
    ("GET", "/events/export", Rule::May(List, Event)),
    ("POST", "/events", Rule::May(Create, Event)),
    ("GET", "/events/new", Rule::May(Create, Event)),
    ("GET", "/events/{id}", Rule::May(Read, Event)),
    ("POST", "/events/{id}", Rule::May(Update, Event)),
    ("GET", "/events/{id}/edit", Rule::May(Update, Event)),
    ("POST", "/events/{id}/sessions", Rule::May(Update, Event)),
    (
        "GET",
        "/events/{id}/sessions/{record}",
        Rule::May(Update, Event),
    ),
    (
        "POST",
        "/events/{id}/sessions/{record}",
        Rule::May(Update, Event),
    ),
    (
        "POST",
        "/events/{id}/sessions/{record}/delete",
        Rule::May(Update, Event),
    ),
    (
        "POST",
        "/events/{id}/registrations",
        Rule::May(Update, Event),
    ),
    ("POST", "/events/{id}/register", Rule::May(Update, Event)),
    (
        "POST",
        "/events/{id}/registrations/{record}/cancel",
        Rule::May(Update, Event),
    ),
    ("POST", "/events/{id}/invitations", Rule::May(Update, Event)),
    ("POST", "/events/{id}/employers", Rule::May(Update, Event)),
    ("GET", "/events/{id}/timetable", Rule::May(Read, Event)),
    ("POST", "/events/{id}/timetable", Rule::May(Update, Event)),
    (
        "POST",
        "/events/{id}/timetable/send",
        Rule::May(Update, Event),
    ),
    (
        "POST",
        "/events/{id}/timetable/{record}",
        Rule::May(Update, Event),
    ),
    ("POST", "/events/{id}/wishes", Rule::May(Update, Event)),
    ("GET", "/events/people", Rule::May(List, StaffRegister)),
    (
        "GET",
        "/events/people/export",
        Rule::May(List, StaffRegister),
    ),
    ("POST", "/events/people", Rule::May(Create, StaffRegister)),
    (
        "GET",
        "/events/people/{id}",
        Rule::May(Update, StaffRegister),
    ),
    (
        "POST",
        "/events/people/{id}",
        Rule::May(Update, StaffRegister),
    ),
    ("GET", "/admin/event-kinds", Rule::May(List, AuditLog)),
    ("POST", "/admin/event-kinds", Rule::May(List, AuditLog)),
    ("GET", "/api/v1/events", Rule::May(List, Event)),
    ("POST", "/api/v1/events", Rule::May(Create, Event)),
    ("GET", "/api/v1/events/{id}", Rule::May(Read, Event)),
    (
        "POST",
        "/api/v1/events/{id}/sessions",
        Rule::May(Update, Event),
    ),
    (
        "POST",
        "/api/v1/events/{id}/registrations",
        Rule::May(Update, Event),
    ),
    (
        "POST",
        "/api/v1/events/{id}/register",
        Rule::May(Update, Event),
    ),
    (
        "POST",
        "/api/v1/events/{id}/registrations/{registration}/cancel",
        Rule::May(Update, Event),
    ),
    (
        "POST",
        "/api/v1/events/{id}/invitations",
        Rule::May(Update, Event),
    ),
    (
        "PUT",
        "/api/v1/events/{id}/sessions/{session}/attendance",
        Rule::May(Update, Event),
    ),
    (
        "GET",
        "/api/v1/staff-register",
        Rule::May(List, StaffRegister),
    ),
    (
        "POST",
        "/api/v1/staff-register",
        Rule::May(Create, StaffRegister),
    ),
    (
        "POST",
        "/api/v1/events/{id}/employers",
        Rule::May(Update, Event),
    ),
    (
        "POST",
        "/api/v1/events/{id}/timetable",
        Rule::May(Update, Event),
    ),
    (
        "POST",
        "/api/v1/events/{id}/timetable/send",
        Rule::May(Update, Event),
    ),
    (
        "PUT",
        "/api/v1/events/{id}/timetable/{meeting}",
        Rule::May(Update, Event),
    ),
    (
        "PUT",
        "/api/v1/events/{id}/wishes",
        Rule::May(Update, Event),
    ),
    (
        "GET",
        "/internships/{id}/certificates",
        Rule::May(Read, Certificate),
    ),
    (
        "POST",
        "/internships/{id}/certificates",
        Rule::May(Create, Certificate),
    ),
    (
        "POST",
        "/certificates/{id}/revoke",
        Rule::May(Update, Certificate),
    ),
    (
        "GET",
        "/certificates/{id}/pdf",
        Rule::May(Read, Certificate),
    ),
    (
        "GET",
        "/certificates/{id}/credential",
        Rule::May(Read, Certificate),
    ),
    (
        "GET",
        "/api/v1/internships/{id}/certificates",
        Rule::May(Read, Certificate),
    ),
    (
        "POST",
        "/api/v1/internships/{id}/certificates",
        Rule::May(Create, Certificate),
    ),
    (
        "POST",
        "/api/v1/certificates/{id}/revoke",
        Rule::May(Update, Certificate),
    ),
    (
        "GET",
        "/api/v1/certificates/{id}/credential",
        Rule::May(Read, Certificate),
    ),
    ("POST", "/participants/{id}/outcomes", Rule::May(Update, P)),
    (
        "GET",
        "/api/v1/participants/{id}/outcomes",
        Rule::May(Update, P),
    ),
    (
        "POST",
        "/api/v1/participants/{id}/outcomes",
        Rule::May(Update, P),
    ),
    ("POST", "/participants/{id}/surveys", Rule::May(Update, P)),
    ("GET", "/dashboard", Rule::May(List, Indicators)),
    (
        "GET",
        "/programmes/{id}/dashboard",
        Rule::May(Read, Indicators),
    ),
    (
        "GET",
        "/api/v1/programmes/{id}/indicators",
        Rule::May(Read, Indicators),
    ),
    (
        "POST",
        "/programmes/{id}/project",
        Rule::May(Update, Indicators),
    ),
    (
        "POST",
        "/programmes/{id}/goals",
        Rule::May(Update, Indicators),
    ),
    ("POST", "/goals/{id}/delete", Rule::May(Update, Indicators)),
    (
        "GET",
        "/programmes/{id}/esf-report",
        Rule::May(Read, Indicators),
    ),
    (
        "GET",
        "/api/v1/programmes/{id}/esf-report",
        Rule::May(Read, Indicators),
    ),
    (
        "GET",
        "/api/v1/programmes/{id}/project",
        Rule::May(Read, Indicators),
    ),
    (
        "PUT",
        "/api/v1/programmes/{id}/project",
        Rule::May(Update, Indicators),
    ),
    (
        "POST",
        "/api/v1/programmes/{id}/goals",
        Rule::May(Update, Indicators),
    ),
    (
        "DELETE",
        "/api/v1/goals/{id}",
        Rule::May(Update, Indicators),
    ),
    ("GET", "/evaluation", Rule::May(Read, EvaluationExport)),
    (
        "GET",
        "/programmes/{id}/evaluation.csv",
        Rule::May(Read, EvaluationExport),
    ),
    (
        "GET",
        "/api/v1/programmes/{id}/evaluation-export",
        Rule::May(Read, EvaluationExport),
    ),
    ("GET", "/gain", Rule::May(List, Gain)),
    ("GET", "/gain/values", Rule::May(List, GainTable)),
    ("POST", "/gain/values", Rule::May(Create, GainTable)),
    ("POST", "/gain/values/{id}", Rule::May(Update, GainTable)),
    (
        "POST",
        "/gain/values/{id}/delete",
        Rule::May(Delete, GainTable),
    ),
    ("GET", "/programmes/{id}/gain", Rule::May(Read, Gain)),
    ("POST", "/programmes/{id}/gain", Rule::May(Update, Gain)),
    ("GET", "/api/v1/gain/values", Rule::May(List, GainTable)),
    ("POST", "/api/v1/gain/values", Rule::May(Create, GainTable)),
    (
        "PUT",
        "/api/v1/gain/values/{id}",
        Rule::May(Update, GainTable),
    ),
    (
        "DELETE",
        "/api/v1/gain/values/{id}",
        Rule::May(Delete, GainTable),
    ),
    ("GET", "/api/v1/programmes/{id}/gain", Rule::May(Read, Gain)),
    (
        "PUT",
        "/api/v1/programmes/{id}/gain",
        Rule::May(Update, Gain),
    ),
    (
        "POST",
        "/api/v1/participants/{id}/surveys",
        Rule::May(Update, P),
    ),
    ("GET", "/lessons", Rule::May(List, Lesson)),
    ("GET", "/lessons/export", Rule::May(List, Lesson)),
    ("POST", "/lessons", Rule::May(Create, Lesson)),
    ("POST", "/lessons/{id}", Rule::May(Update, Lesson)),
    ("GET", "/api/v1/lessons", Rule::May(List, Lesson)),
    ("POST", "/api/v1/lessons", Rule::May(Create, Lesson)),
    ("PUT", "/api/v1/lessons/{id}", Rule::May(Update, Lesson)),
    ("GET", "/admin/users", Rule::May(List, User)),
    ("POST", "/admin/users", Rule::May(Create, User)),
    ("GET", "/admin/users/new", Rule::May(Create, User)),
    ("POST", "/admin/users/{id}/active", Rule::May(Update, User)),
    ("GET", "/admin/users/{id}/edit", Rule::May(Update, User)),
    ("POST", "/admin/users/{id}/edit", Rule::May(Update, User)),
    ("POST", "/admin/users/{id}/reset", Rule::May(Update, User)),
    // Logins for the people in the records, and the one-time links' public page.
    ("GET", "/invitations/new", Rule::May(Create, Invitation)),
    ("POST", "/invitations", Rule::May(Create, Invitation)),
    ("POST", "/accounts/link", Rule::May(Update, Invitation)),
    ("POST", "/accounts/unlink", Rule::May(Update, Invitation)),
    ("GET", "/invitation/{token}", Rule::Public),
    ("POST", "/invitation/{token}", Rule::Public),
    ("GET", "/admin/users/{id}/tokens", Rule::May(Update, User)),
    ("POST", "/admin/users/{id}/tokens", Rule::May(Update, User)),
    (
        "POST",
        "/admin/users/{id}/tokens/{token}/revoke",
        Rule::May(Update, User),
    ),
    ("GET", "/admin/jobs", Rule::May(List, Job)),
    ("POST", "/admin/jobs/{id}/retry", Rule::May(Update, Job)),
    ("POST", "/admin/jobs/test", Rule::May(Create, Job)),
    ("GET", "/admin/process", Rule::May(Update, ProcessMap)),
    (
        "GET",
        "/admin/process/{programme_id}",
        Rule::May(Update, ProcessMap),
    ),
    (
        "POST",
        "/admin/process/{programme_id}",
        Rule::May(Update, ProcessMap),
    ),
    // The JSON API.
    ("GET", "/api/v1/participants", Rule::May(List, P)),
    ("POST", "/api/v1/participants", Rule::May(Create, P)),
    ("GET", "/api/v1/participants/{id}", Rule::May(Read, P)),
    ("PUT", "/api/v1/participants/{id}", Rule::May(Update, P)),
    ("DELETE", "/api/v1/participants/{id}", Rule::May(Delete, P)),
    (
        "GET",
        "/api/v1/participants/{id}/exit",
        Rule::May(Update, P),
    ),
    (
        "PUT",
        "/api/v1/participants/{id}/exit",
        Rule::May(Update, P),
    ),
    (
        "DELETE",
        "/api/v1/participants/{id}/exit",
        Rule::May(Update, P),
    ),
    ("GET", "/api/v1/participants/{id}/suggestions", MATCH),
    ("GET", "/api/v1/participants/{id}/near-misses", MATCH),
    ("GET", "/api/v1/employers", Rule::May(List, Employer)),
    ("POST", "/api/v1/employers", Rule::May(Create, Employer)),
    ("GET", "/api/v1/employers/{id}", Rule::May(Read, Employer)),
    ("PUT", "/api/v1/employers/{id}", Rule::May(Update, Employer)),
    ("GET", "/api/v1/placements", Rule::May(List, Placement)),
    ("POST", "/api/v1/placements", Rule::May(Create, Placement)),
    ("GET", "/api/v1/placements/{id}", Rule::May(Read, Placement)),
    ("GET", "/api/v1/courses", Rule::May(List, Course)),
    ("POST", "/api/v1/courses", Rule::May(Create, Course)),
    ("GET", "/api/v1/courses/{id}", Rule::May(Read, Course)),
    ("PUT", "/api/v1/courses/{id}", Rule::May(Update, Course)),
    (
        "GET",
        "/api/v1/courses/{id}/sessions",
        Rule::May(Read, Course),
    ),
    (
        "POST",
        "/api/v1/courses/{id}/sessions",
        Rule::May(Update, Course),
    ),
    (
        "GET",
        "/api/v1/courses/{id}/enrolments",
        Rule::May(Read, Course),
    ),
    (
        "POST",
        "/api/v1/courses/{id}/enrolments",
        Rule::May(Update, Course),
    ),
    (
        "PUT",
        "/api/v1/courses/{id}/enrolments/{record}",
        Rule::May(Update, Course),
    ),
    (
        "GET",
        "/api/v1/courses/{id}/sessions/{record}/attendance",
        Rule::May(Read, CourseProgress),
    ),
    (
        "PUT",
        "/api/v1/courses/{id}/sessions/{record}/attendance",
        Rule::May(Create, CourseProgress),
    ),
    (
        "GET",
        "/api/v1/courses/{id}/enrolments/{record}/notes",
        Rule::May(Read, CourseProgress),
    ),
    (
        "POST",
        "/api/v1/courses/{id}/enrolments/{record}/notes",
        Rule::May(Create, CourseProgress),
    ),
    (
        "PUT",
        "/api/v1/placements/{id}",
        Rule::May(Update, Placement),
    ),
    (
        "DELETE",
        "/api/v1/placements/{id}",
        Rule::May(Delete, Placement),
    ),
    ("GET", "/api/v1/placements/{id}/candidates", MATCH),
    (
        "POST",
        "/api/v1/placements/{id}/candidates/{participant}",
        MATCH,
    ),
    ("GET", "/api/v1/interests", Rule::May(List, Interest)),
    ("GET", "/api/v1/interests/{id}", Rule::May(Read, Interest)),
    ("PUT", "/api/v1/interests/{id}", Rule::May(Update, Interest)),
    (
        "GET",
        "/api/v1/placements/{id}/proposals",
        Rule::May(List, Proposal),
    ),
    (
        "POST",
        "/api/v1/placements/{id}/proposals",
        Rule::May(Create, Proposal),
    ),
    ("GET", "/api/v1/proposals/{id}", Rule::May(Read, Proposal)),
    (
        "PUT",
        "/api/v1/proposals/{id}/status",
        Rule::May(Update, Proposal),
    ),
    (
        "POST",
        "/api/v1/proposals/{id}/interviews",
        Rule::May(Create, Interview),
    ),
    (
        "GET",
        "/api/v1/placements/{id}/interviews",
        Rule::May(List, Interview),
    ),
    ("GET", "/api/v1/interviews/{id}", Rule::May(Read, Interview)),
    (
        "PUT",
        "/api/v1/interviews/{id}/outcome",
        Rule::May(Update, Interview),
    ),
    (
        "POST",
        "/api/v1/interviews/{id}/cancel",
        Rule::May(Update, Interview),
    ),
    (
        "GET",
        "/api/v1/participants/{id}/clearance",
        Rule::May(Read, Clearance),
    ),
    (
        "POST",
        "/api/v1/participants/{id}/eligibility-confirmations",
        Rule::May(Create, Clearance),
    ),
    (
        "POST",
        "/api/v1/participants/{id}/decisions",
        Rule::May(Create, Clearance),
    ),
    ("GET", "/api/v1/agreements/{id}", Rule::May(Read, Agreement)),
    (
        "GET",
        "/api/v1/employers/{id}/agreements",
        Rule::May(List, Agreement),
    ),
    (
        "GET",
        "/api/v1/participants/{id}/agreements",
        Rule::May(List, Agreement),
    ),
    (
        "GET",
        "/api/v1/participants/{id}/journey",
        Rule::May(Read, P),
    ),
    (
        "POST",
        "/api/v1/participants/{id}/journey",
        Rule::May(Update, P),
    ),
    (
        "POST",
        "/api/v1/participants/{id}/checkpoints",
        Rule::May(Update, P),
    ),
    ("POST", "/api/v1/invitations", Rule::May(Create, Invitation)),
    ("GET", "/api/v1/users/{id}", Rule::May(Read, User)),
    ("PUT", "/api/v1/users/{id}", Rule::May(Update, User)),
    (
        "GET",
        "/api/v1/participants/{id}/internships",
        Rule::May(List, Internship),
    ),
    (
        "POST",
        "/api/v1/participants/{id}/internships",
        Rule::May(Create, Internship),
    ),
    (
        "GET",
        "/api/v1/internships/{id}",
        Rule::May(Read, Internship),
    ),
    (
        "POST",
        "/api/v1/internships/{id}/end",
        Rule::May(Update, Internship),
    ),
];

/// The page routes as the web crate's source registers them (`.route("…", get(…).post(…))`).
fn page_routes() -> BTreeSet<(String, String)> {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![src];
    let mut routes = BTreeSet::new();
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let mut rest = text.as_str();
        while let Some(i) = rest.find(".route(") {
            rest = &rest[i + ".route(".len()..];
            // The call's arguments, up to the matching parenthesis.
            let mut depth = 1;
            let end = rest
                .char_indices()
                .find(|(_, c)| {
                    match c {
                        '(' => depth += 1,
                        ')' => depth -= 1,
                        _ => {}
                    }
                    depth == 0
                })
                .map(|(i, _)| i)
                .unwrap();
            let args = &rest[..end];
            let path = args.split('"').nth(1).unwrap().to_string();
            // The OpenAPI document is nested under the API prefix.
            let path = if path == "/openapi.json" {
                "/api/v1/openapi.json".to_string()
            } else {
                path
            };
            for method in ["get", "post", "put", "patch", "delete"] {
                let call = format!("{method}(");
                let found = args.match_indices(&call).any(|(i, _)| {
                    i == 0 || !args[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_')
                });
                if found {
                    routes.insert((method.to_uppercase(), path.clone()));
                }
            }
        }
    }
    routes
}

/// The API routes as the OpenAPI document lists them.
async fn api_routes(v: &Visitor) -> BTreeSet<(String, String)> {
    let doc: Value = v.get("/api/v1/openapi.json").await.json().await.unwrap();
    let mut routes = BTreeSet::new();
    for (path, ops) in doc["paths"].as_object().unwrap() {
        for method in ops.as_object().unwrap().keys() {
            routes.insert((method.to_uppercase(), format!("/api/v1{path}")));
        }
    }
    routes
}

/// A route pattern as a regular-expression-free matcher: segments, `{…}` matching one segment.
fn matches(pattern: &str, path: &str) -> bool {
    let p: Vec<&str> = pattern.split('/').collect();
    let s: Vec<&str> = path.split('/').collect();
    p.len() == s.len()
        && p.iter().zip(&s).all(|(p, s)| {
            if p.starts_with('{') {
                !s.is_empty() && s.chars().all(|c| c.is_ascii_digit())
            } else {
                p == s
            }
        })
}

/// Real URLs for the patterns: every link and form action on the pages an administrator and a
/// coordinator reach from their home pages, a few levels deep.
async fn concrete_paths(visitors: &[&Visitor]) -> BTreeMap<String, String> {
    let patterns: Vec<&str> = RULES.iter().map(|(_, p, _)| *p).collect();
    let mut found: BTreeMap<String, String> = BTreeMap::new();
    for v in visitors {
        let mut queue: Vec<String> = vec![
            "/".into(),
            "/participants".into(),
            "/employers".into(),
            "/placements".into(),
            "/inbox".into(),
            "/plan".into(),
            "/admin/users".into(),
            "/admin/jobs".into(),
            "/admin/process".into(),
        ];
        let mut seen = BTreeSet::new();
        let mut visits_per_pattern: BTreeMap<&str, usize> = BTreeMap::new();
        while let Some(path) = queue.pop() {
            if !seen.insert(path.clone()) || seen.len() > 400 {
                continue;
            }
            let res = v.get(&path).await;
            if res.status() != StatusCode::OK
                || !res
                    .headers()
                    .get(CONTENT_TYPE)
                    .is_some_and(|c| c.to_str().unwrap_or("").starts_with("text/html"))
            {
                continue;
            }
            let body = res.text().await.unwrap();
            for tag in html::tags(&body, "a")
                .iter()
                .filter_map(|t| html::attr(t, "href"))
                .chain(
                    html::tags(&body, "form")
                        .iter()
                        .filter_map(|t| html::attr(t, "action")),
                )
            {
                let link = tag.split(['?', '#']).next().unwrap_or("").to_string();
                if !link.starts_with('/') {
                    continue;
                }
                for p in &patterns {
                    if p.contains('{') && matches(p, &link) {
                        found.entry(p.to_string()).or_insert_with(|| link.clone());
                        // Follow a few of each kind of page, not all forty participants.
                        let n = visits_per_pattern.entry(p).or_default();
                        if *n < 6 {
                            *n += 1;
                            queue.push(link.clone());
                        }
                    }
                }
            }
        }
    }
    found
}

/// The links a signed-in user is shown that do not lead to a page: starting from the home page,
/// every `<a href>` on every page reached (a few of each kind of record), as "page → link: status".
async fn dead_links(v: &Visitor, role: Role) -> Vec<String> {
    let patterns: Vec<&str> = RULES.iter().map(|(_, p, _)| *p).collect();
    let mut queue: Vec<(String, String)> = vec![("(start)".into(), "/".into())];
    let mut seen = BTreeSet::new();
    let mut per_pattern: BTreeMap<String, usize> = BTreeMap::new();
    let mut dead = vec![];
    while let Some((from, path)) = queue.pop() {
        if !seen.insert(path.clone()) || seen.len() > 300 {
            continue;
        }
        let res = v.get(&path).await;
        let status = res.status();
        if !(status.is_success() || status.is_redirection()) {
            dead.push(format!("{from} → {path}: {status}"));
            continue;
        }
        let html_page = res
            .headers()
            .get(CONTENT_TYPE)
            .is_some_and(|c| c.to_str().unwrap_or("").starts_with("text/html"));
        if !status.is_success() || !html_page {
            continue;
        }
        let body = res.text().await.unwrap();
        // A form its reader may not send is not shown either.
        for form in html::tags(&body, "form") {
            let method = html::attr(&form, "method").unwrap_or_default();
            let action = html::attr(&form, "action").unwrap_or_default();
            let action = html::unescape(action.split(['?', '#']).next().unwrap_or(""));
            if !method.eq_ignore_ascii_case("post") || !action.starts_with('/') {
                continue;
            }
            let rule = RULES
                .iter()
                .find(|(m, p, _)| *m == "POST" && (*p == action || matches(p, &action)));
            if let Some((_, _, rule)) = rule
                && !rule.allows(role)
            {
                dead.push(format!("{path} shows a form to {action} ({rule:?})"));
            }
        }
        for href in html::tags(&body, "a")
            .iter()
            .filter_map(|t| html::attr(t, "href"))
        {
            let link = html::unescape(&href);
            // Same-site pages only; the language switch and file downloads are not pages.
            if !link.starts_with('/') || link.starts_with("/lang/") || link.starts_with("//") {
                continue;
            }
            let bare = link.split(['?', '#']).next().unwrap_or("");
            let kind = patterns
                .iter()
                .find(|p| p.contains('{') && matches(p, bare))
                .map(|p| p.to_string())
                .unwrap_or_else(|| bare.to_string());
            let n = per_pattern.entry(kind).or_default();
            if *n < 3 {
                *n += 1;
                queue.push((path.clone(), link));
            }
        }
    }
    dead
}

/// The ids of a demo record for a pattern that no page links to, in the pattern's order.
async fn record_ids(app: &TestApp, pattern: &str) -> Option<Vec<i64>> {
    use sea_orm::ConnectionTrait;
    let sql = match pattern {
        p if p.starts_with("/open-placements/") => {
            "SELECT min(id) FROM placements WHERE status = 'published'"
        }
        p if p.contains("/confirmation/{record}") => {
            "SELECT participant_id, id FROM es_confirmations ORDER BY id LIMIT 1"
        }
        p if p.contains("/decision/{record}") => {
            "SELECT participant_id, id FROM es_decisions ORDER BY id LIMIT 1"
        }
        p if p.ends_with("/unshare") => {
            "SELECT participant_id FROM case_shares ORDER BY id LIMIT 1"
        }
        p if p.contains("/courses/{id}/sessions/{record}") => {
            "SELECT course_id, id FROM course_sessions ORDER BY id LIMIT 1"
        }
        p if p.contains("/courses/{id}/enrolments/{record}") => {
            "SELECT course_id, id FROM course_enrolments ORDER BY id LIMIT 1"
        }
        p if p.contains("/courses/") => "SELECT min(id) FROM courses",
        p if p.starts_with("/open-events/") => {
            "SELECT min(e.id) FROM events e JOIN event_sessions s ON s.event_id = e.id WHERE e.public AND s.starts_at > CURRENT_TIMESTAMP"
        }
        p if p.contains("/sessions/{record}") || p.contains("/sessions/{session}") => {
            "SELECT event_id, id FROM event_sessions ORDER BY id LIMIT 1"
        }
        p if p.contains("/registrations/{record}")
            || p.contains("/registrations/{registration}") =>
        {
            "SELECT event_id, id FROM event_registrations ORDER BY id LIMIT 1"
        }
        p if p.contains("/timetable/{record}") || p.contains("/timetable/{meeting}") => {
            "SELECT event_id, id FROM fair_meetings ORDER BY id LIMIT 1"
        }
        p if p.starts_with("/events/people/") => "SELECT min(id) FROM event_people",
        p if p.starts_with("/events/") || p.starts_with("/api/v1/events/") => {
            "SELECT min(id) FROM events"
        }
        p if p.starts_with("/interviews/") => "SELECT min(id) FROM interviews",
        p if p.starts_with("/meetings/") => "SELECT min(id) FROM meetings",
        p if p.starts_with("/meeting-actions/") => "SELECT min(id) FROM meeting_actions",
        p if p.starts_with("/agreements/") => "SELECT min(id) FROM agreements",
        p if p.contains("/checklist/criteria/{criterion}") => {
            "SELECT internship_id, id FROM learning_criteria ORDER BY id LIMIT 1"
        }
        p if p.contains("/log/{entry}") => {
            "SELECT internship_id, id FROM progress_entries ORDER BY id LIMIT 1"
        }
        p if p.contains("/plan/steps/{step}") => {
            "SELECT participant_id, id FROM development_steps ORDER BY id LIMIT 1"
        }
        p if p.starts_with("/admin/programmes/") => {
            "SELECT min(id) FROM organisations WHERE kind = 'programme'"
        }
        p if p.starts_with("/internships/") || p.starts_with("/api/v1/internships/") => {
            "SELECT min(id) FROM internships"
        }
        p if p.starts_with("/files/") => "SELECT min(id) FROM stored_files",
        p if p.starts_with("/lessons/") || p.starts_with("/api/v1/lessons/") => {
            "SELECT min(id) FROM lessons"
        }
        p if p.starts_with("/certificates/") || p.starts_with("/api/v1/certificates/") => {
            "SELECT min(id) FROM certificates"
        }
        p if p.starts_with("/plan/") => {
            "SELECT min(id) FROM organisations WHERE kind = 'programme'"
        }
        p if p.starts_with("/admin/jobs/") => "SELECT min(id) FROM jobs",
        p if p.starts_with("/api/v1/interests/") => "SELECT min(id) FROM interests",
        p if p.starts_with("/api/v1/proposals/") => "SELECT min(id) FROM candidate_proposals",
        p if p.starts_with("/api/v1/placements/") => {
            "SELECT min(placement_id) FROM candidate_proposals"
        }
        p if p.starts_with("/api/v1/participants/") => {
            "SELECT min(participant_id) FROM case_shares"
        }
        p if p.starts_with("/api/v1/users/") => "SELECT min(id) FROM users",
        p if p.starts_with("/account/tokens/") => "SELECT min(id) FROM api_tokens",
        p if p.starts_with("/account/calendar/") => "SELECT min(id) FROM calendar_feeds",
        p if p.contains("/schedule/entries/{entry}") || p.ends_with("/schedule/{entry}") => {
            "SELECT participant_id, id FROM schedule_entries ORDER BY id LIMIT 1"
        }
        p if p.starts_with("/admin/users/{id}/tokens/") => {
            "SELECT user_id, id FROM api_tokens ORDER BY id LIMIT 1"
        }
        _ => return None,
    };
    let db = app.store.connection();
    let row = db
        .query_one_raw(sea_orm::Statement::from_string(
            db.get_database_backend(),
            sql,
        ))
        .await
        .unwrap()?;
    let n = pattern.matches('{').count();
    (0..n)
        .map(|i| {
            row.try_get_by_index::<Option<i32>>(i)
                .ok()
                .flatten()
                .map(i64::from)
        })
        .collect()
}

/// What the matrix saw that it should not have.
#[derive(Default)]
struct Findings(Vec<String>);

impl Findings {
    fn check(&mut self, ok: bool, what: String) {
        if !ok {
            self.0.push(what);
        }
    }
}

both!(app: every_route_answers_every_role_as_the_policy_says);

async fn every_route_answers_every_role_as_the_policy_says(app: &TestApp) {
    let anonymous = app.visitor();

    // Every route has a rule, and every rule a route.
    let mut served = page_routes();
    served.extend(api_routes(&anonymous).await);
    let ruled: BTreeSet<(String, String)> = RULES
        .iter()
        .map(|(m, p, _)| (m.to_string(), p.to_string()))
        .collect();
    let unruled: Vec<_> = served.difference(&ruled).collect();
    let stale: Vec<_> = ruled.difference(&served).collect();
    assert!(
        unruled.is_empty(),
        "routes without an access rule in the matrix: {unruled:?}"
    );
    assert!(
        stale.is_empty(),
        "rules for routes the router no longer serves: {stale:?}"
    );

    let admin = app.logged_in(Role::Admin).await;
    let coordinator = app.logged_in(Role::Coordinator).await;
    let concrete = concrete_paths(&[&admin, &coordinator]).await;
    let mut concrete = concrete;
    for (_, pattern, _) in RULES {
        if !pattern.contains('{') || concrete.contains_key(*pattern) {
            continue;
        }
        // The API's records are the pages' records.
        if let Some(page) = pattern.strip_prefix("/api/v1")
            && let Some(found) = concrete.get(page).cloned()
        {
            concrete.insert(pattern.to_string(), format!("/api/v1{found}"));
            continue;
        }
        if let Some(ids) = record_ids(app, pattern).await {
            let mut ids = ids.into_iter();
            let path = pattern
                .split('/')
                .map(|seg| {
                    if seg.starts_with('{') {
                        ids.next()
                            .map(|i| i.to_string())
                            .unwrap_or_else(|| "1".into())
                    } else {
                        seg.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join("/");
            concrete.insert(pattern.to_string(), path);
        }
    }
    let url_for = |pattern: &str| -> String {
        if let Some(u) = concrete.get(pattern) {
            return u.clone();
        }
        pattern
            .replace("{code}", "en")
            .replace("{*path}", "app.css")
    };

    // One signed-in browser and one API token per role, with its CSRF token.
    let mut visitors = vec![];
    for role in Role::ALL {
        let v = app.logged_in(*role).await;
        let csrf = csrf_of(&v.page("/").await);
        let token = app.token(*role).await;
        visitors.push((*role, v, csrf, token));
    }

    let mut findings = Findings::default();
    // No page shows a link its reader may not follow ("Åtkomst nekad" or a missing record).
    for (role, v, _, _) in &visitors {
        for dead in dead_links(v, *role).await {
            findings.check(false, format!("{role} is shown a dead link: {dead}"));
        }
    }
    // Refusals first, then what each role may do (which may change the data), the log-out last.
    let mut order: Vec<&(&str, &str, Rule)> = RULES.iter().collect();
    // Deactivating a user (the admin's POST …/active) comes after every other write, so that
    // the user it reaches still answers as its role on the API routes sorted after it.
    order.sort_by_key(|(m, p, _)| (*p == "/logout", p.ends_with("/active"), *m != "GET"));
    for pass in [false, true] {
        for (method, pattern, rule) in &order {
            let url = url_for(pattern);
            let method = Method::from_bytes(method.as_bytes()).unwrap();
            let api = pattern.starts_with("/api/");
            let has_record = pattern.contains('{');

            if !pass {
                // Not logged in: pages send the visitor to the login page, the API answers 401.
                let res = send(&anonymous, &method, &url, None, "").await;
                let status = res.status();
                let to_login =
                    status == StatusCode::SEE_OTHER && location(&res).starts_with("/login");
                match rule {
                    Rule::Public => findings.check(
                        status != StatusCode::UNAUTHORIZED
                            && !to_login
                            && !status.is_server_error(),
                        format!("anonymous {method} {url}: {status} on a public route"),
                    ),
                    _ if api => findings.check(
                        status == StatusCode::UNAUTHORIZED,
                        format!("anonymous {method} {url}: {status}, expected 401"),
                    ),
                    _ => findings.check(
                        to_login || (method != Method::GET && status == StatusCode::FORBIDDEN),
                        format!("anonymous {method} {url}: {status}, expected the login page"),
                    ),
                }
            }

            for (role, v, csrf, token) in &visitors {
                let allowed = rule.allows(*role);
                if allowed != pass {
                    continue;
                }
                let res = if api {
                    send_api(v, &method, &url, token).await
                } else {
                    send(v, &method, &url, Some(csrf), pattern).await
                };
                let status = res.status();
                let what = format!("{role} {method} {url} ({rule:?}): {status}");
                findings.check(!status.is_server_error(), format!("{what}: a server error"));
                if allowed {
                    // A role that may act is never refused as a whole; a record outside its scope
                    // may still be hidden (404) or refused (403).
                    findings.check(status != StatusCode::UNAUTHORIZED, what.clone());
                    if !has_record {
                        findings.check(status != StatusCode::FORBIDDEN, format!("{what}: refused"));
                    }
                } else {
                    // Refused before anything is looked up or validated: 403, or 404 where the
                    // store hides a record the role has no relation to.
                    findings.check(
                        status == StatusCode::FORBIDDEN
                            || (has_record && status == StatusCode::NOT_FOUND),
                        format!("{what}: expected 403"),
                    );
                }
            }
        }
    }
    assert!(
        findings.0.is_empty(),
        "{} answers differ from the policy:\n{}",
        findings.0.len(),
        findings.0.join("\n")
    );
}

/// A page request: POSTs carry the CSRF token as a browser's form would (the upload form in
/// its query string, as multipart bodies are not read by the CSRF check).
async fn send(
    v: &Visitor,
    method: &Method,
    url: &str,
    csrf: Option<&String>,
    pattern: &str,
) -> reqwest::Response {
    let full = format!("{}{url}", v.base);
    let csrf = csrf.map(String::as_str).unwrap_or("");
    if pattern.ends_with("/signed") {
        let body = super::agreement::multipart_body(
            &[("signed_on", "2026-01-15")],
            Some(("file", "avtal.pdf", b"%PDF-1.4\n%%EOF\n")),
        );
        return v.post_multipart(&format!("{url}?csrf={csrf}"), body).await;
    }
    let req = if *method == Method::GET {
        v.client.get(&full)
    } else {
        v.client
            .request(method.clone(), &full)
            .form(&[("csrf", csrf)])
    };
    req.send()
        .await
        .unwrap_or_else(|e| panic!("{method} {url}: {e}"))
}

/// An API request with the role's bearer token and an empty JSON object as the body.
async fn send_api(v: &Visitor, method: &Method, url: &str, token: &str) -> reqwest::Response {
    let mut req = v
        .client
        .request(method.clone(), format!("{}{url}", v.base))
        .bearer_auth(token);
    if *method != Method::GET && *method != Method::DELETE {
        req = req.json(&json!({}));
    }
    req.send()
        .await
        .unwrap_or_else(|e| panic!("{method} {url}: {e}"))
}
