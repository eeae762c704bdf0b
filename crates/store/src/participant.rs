//! Participants: the most sensitive records. Lists are filtered by the actor's scope in SQL,
//! every read of a record is audited, and special needs are only returned (and then audited
//! separately) to the roles the policy allows.

use brygga_domain::model::{
    Accommodation, ConsentPurpose, DrivingLicence, EducationLevel, EligibilityStatus, Weekday,
};
use brygga_domain::policy::{Action, Relation, Resource, Visible, list_scope};
use brygga_domain::registry::{
    Consent, Experience, LanguageLevel, LanguageSkill, ParticipantDraft, ParticipantInput,
    WorkExperience,
};
use brygga_domain::values::{Cefr, Gender, SfiCourse};
use brygga_domain::{FieldError, FieldErrors};
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use serde::Serialize;

use crate::actor::{decide_any, enforce};
use crate::audit::{AuditAction, record};
use crate::entities::{
    candidate_proposal, case_share, internship, organisation, participant, placement,
};
use crate::stored::Stored;
use crate::{Actor, Page, Result, Store, StoreError, from_json, to_json};

#[derive(Debug, Clone, Default)]
pub struct ParticipantFilter {
    pub q: String,
    pub municipality_code: String,
    pub programme_id: Option<i32>,
    pub eligibility: Option<EligibilityStatus>,
    pub page: u64,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ParticipantSummary {
    pub id: i32,
    pub first_name: String,
    pub last_name: String,
    pub municipality_code: String,
    pub programme_id: i32,
    pub birth_year: i32,
    pub swedish_level: Option<String>,
    /// `None` when the actor may not see eligibility.
    pub eligibility: Option<String>,
}

impl ParticipantSummary {
    fn of(m: participant::Model, visible: &Visible) -> Self {
        ParticipantSummary {
            id: m.id,
            first_name: m.first_name,
            last_name: m.last_name,
            municipality_code: m.municipality_code,
            programme_id: m.programme_id,
            birth_year: m.birth_year,
            swedish_level: m.swedish_level.map(|c| c.get().as_str().to_string()),
            eligibility: visible
                .eligibility
                .then(|| m.eligibility.get().as_str().to_string()),
        }
    }
}

/// A phone number as dialled within Sweden, digits only: "+46 70-123 45 67", "0046701234567"
/// and "070-123 45 67" are the same number.
fn phone_key(s: &str) -> String {
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    let national = if s.trim_start().starts_with('+') {
        digits.strip_prefix("46")
    } else {
        digits.strip_prefix("0046")
    };
    match national {
        Some(rest) => format!("0{rest}"),
        None => digits,
    }
}

/// A participant as the actor may see it.
#[derive(Debug, Clone, Serialize)]
pub struct ParticipantRecord {
    pub id: i32,
    pub version: i32,
    pub programme_id: i32,
    pub cohort_id: Option<i32>,
    pub first_name: String,
    pub last_name: String,
    pub personnummer: Option<String>,
    pub email: String,
    pub phone: String,
    pub municipality_code: String,
    pub gender: Gender,
    pub birth_year: i32,
    pub swedish_level: Option<Cefr>,
    pub languages: Vec<LanguageLevel>,
    pub sfi_level: Option<SfiCourse>,
    pub education_level: EducationLevel,
    pub education_field: String,
    pub education_country: String,
    pub experience: Vec<WorkExperience>,
    pub skills: Vec<String>,
    pub wished_occupations: Vec<String>,
    pub available_days: Vec<Weekday>,
    pub max_commute_km: i32,
    pub driving_licence: DrivingLicence,
    /// `None` when the actor may not see special needs.
    pub special_needs: Option<String>,
    /// `None` when the actor may not see special-category data.
    pub needed_accommodations: Option<Vec<Accommodation>>,
    /// `None` when the actor may not see eligibility.
    pub eligibility: Option<EligibilityStatus>,
    /// Empty when the actor may not see consents.
    pub consents: Vec<Consent>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
    /// Which classes of personal data this actor sees here (the policy's `Visible`); the page,
    /// the API and the edit form show only these.
    pub visible: Visible,
    /// What the actor may do with the record, as the policy decides.
    pub may_edit: bool,
    pub may_delete: bool,
    /// Whether the clearance and agreement pages would open for the actor.
    pub may_read_clearance: bool,
    pub may_read_agreements: bool,
    /// Whether the participant's internships page would open for the actor.
    pub may_read_internships: bool,
    /// Whether the follow-up meetings and the case log would open for the actor.
    pub may_read_meetings: bool,
    pub may_read_caselog: bool,
}

impl ParticipantRecord {
    /// The one place a participant's fields are masked: what the policy says the actor's role
    /// sees through every relation the actor has to the participant.
    fn for_actor(m: participant::Model, actor: &Actor, rels: &[Relation]) -> Self {
        let visible = Visible::of(actor.role, rels);
        let mut r = Self::from_model(m, visible);
        let may = |a| decide_any(actor, a, Resource::Participant, rels).allowed();
        r.may_edit = may(Action::Update);
        r.may_delete = may(Action::Delete);
        r.may_read_clearance = decide_any(actor, Action::Read, Resource::Clearance, rels).allowed();
        r.may_read_agreements = !list_scope(actor.role, Resource::Agreement).is_empty();
        r.may_read_internships = !list_scope(actor.role, Resource::Internship).is_empty();
        r.may_read_meetings = !list_scope(actor.role, Resource::Meeting).is_empty();
        r.may_read_caselog = decide_any(actor, Action::Read, Resource::CaseLog, rels).allowed();
        r
    }

    fn from_model(m: participant::Model, visible: Visible) -> Self {
        let contact = |s: String| if visible.contact { s } else { String::new() };
        ParticipantRecord {
            id: m.id,
            version: m.version,
            programme_id: m.programme_id,
            cohort_id: m.cohort_id,
            first_name: m.first_name,
            last_name: m.last_name,
            personnummer: m.personnummer.filter(|_| visible.identity_number),
            email: contact(m.email),
            phone: contact(m.phone),
            municipality_code: m.municipality_code,
            gender: m.gender.get(),
            birth_year: m.birth_year,
            swedish_level: m.swedish_level.map(Stored::get),
            languages: from_json(&m.languages),
            sfi_level: m.sfi_level.map(Stored::get),
            education_level: m.education_level.get(),
            education_field: m.education_field,
            education_country: m.education_country,
            experience: from_json(&m.experience),
            skills: from_json(&m.skills),
            wished_occupations: from_json(&m.wished_occupations),
            available_days: from_json(&m.available_days),
            max_commute_km: m.max_commute_km,
            driving_licence: m.driving_licence.get(),
            needed_accommodations: visible
                .special_category
                .then(|| from_json(&m.needed_accommodations)),
            special_needs: visible.special_category.then_some(m.special_needs),
            eligibility: visible.eligibility.then(|| m.eligibility.get()),
            consents: if visible.consents {
                from_json(&m.consents)
            } else {
                vec![]
            },
            created_at: m.created_at,
            updated_at: m.updated_at,
            visible,
            may_edit: false,
            may_delete: false,
            may_read_clearance: false,
            may_read_agreements: false,
            may_read_internships: false,
            may_read_meetings: false,
            may_read_caselog: false,
        }
    }

    /// The whole record, needs included, for building a matching profile (never displayed).
    pub(crate) fn for_matching(m: participant::Model) -> Self {
        let all = Visible {
            identity_number: true,
            contact: true,
            special_category: true,
            consents: true,
            eligibility: true,
            staff_notes: true,
        };
        Self::from_model(m, all)
    }

    /// Consents given and not withdrawn.
    pub fn active_consents(&self) -> Vec<ConsentPurpose> {
        self.consents
            .iter()
            .filter(|c| c.withdrawn_at.is_none())
            .map(|c| c.purpose)
            .collect()
    }

    /// The record as an edit form's starting values.
    pub fn to_draft(&self) -> ParticipantDraft {
        ParticipantDraft {
            programme_id: self.programme_id.to_string(),
            cohort_id: self.cohort_id.map(|c| c.to_string()).unwrap_or_default(),
            first_name: self.first_name.clone(),
            last_name: self.last_name.clone(),
            personnummer: self.personnummer.clone().unwrap_or_default(),
            email: self.email.clone(),
            phone: self.phone.clone(),
            municipality_code: self.municipality_code.clone(),
            gender: self.gender.as_str().to_string(),
            birth_year: self.birth_year.to_string(),
            swedish_level: self
                .swedish_level
                .map(|c| c.as_str().to_string())
                .unwrap_or_default(),
            languages: self
                .languages
                .iter()
                .map(|l| LanguageSkill {
                    language: l.language.clone(),
                    level: l.level.as_str().to_string(),
                })
                .collect(),
            sfi_level: self
                .sfi_level
                .map(|s| s.as_str().to_string())
                .unwrap_or_default(),
            education_level: self.education_level.as_str().to_string(),
            education_field: self.education_field.clone(),
            education_country: self.education_country.clone(),
            experience: self
                .experience
                .iter()
                .map(|x| Experience {
                    occupation: x.occupation.clone(),
                    years: x.years.to_string(),
                    country: x.country.clone(),
                })
                .collect(),
            skills: vec![self.skills.join(", ")],
            wished_occupations: self.wished_occupations.clone(),
            available_days: self
                .available_days
                .iter()
                .map(|d| d.as_str().to_string())
                .collect(),
            max_commute_km: self.max_commute_km.to_string(),
            driving_licence: self.driving_licence.as_str().to_string(),
            special_needs: self.special_needs.clone().unwrap_or_default(),
            needed_accommodations: self
                .needed_accommodations
                .iter()
                .flatten()
                .map(|a| a.as_str().to_string())
                .collect(),
            eligibility: self
                .eligibility
                .map(|e| e.as_str().to_string())
                .unwrap_or_default(),
            consents: self
                .active_consents()
                .iter()
                .map(|c| c.as_str().to_string())
                .collect(),
        }
    }
}

/// Consents after an edit: newly given ones get today's date, removed ones are marked
/// withdrawn (never deleted, so the history of what was agreed stays).
fn merge_consents(
    old: &[Consent],
    wanted: &[ConsentPurpose],
    now: chrono::DateTime<chrono::Utc>,
) -> Vec<Consent> {
    let mut out: Vec<Consent> = old.to_vec();
    for c in out.iter_mut() {
        if c.withdrawn_at.is_none() && !wanted.contains(&c.purpose) {
            c.withdrawn_at = Some(now);
        }
    }
    for p in wanted {
        if !out
            .iter()
            .any(|c| c.purpose == *p && c.withdrawn_at.is_none())
        {
            out.push(Consent {
                purpose: *p,
                given_at: now,
                withdrawn_at: None,
            });
        }
    }
    out
}

fn apply(m: &mut participant::ActiveModel, i: &ParticipantInput, consents: &[Consent]) {
    m.programme_id = Set(i.programme_id);
    m.cohort_id = Set(i.cohort_id);
    m.first_name = Set(i.first_name.clone());
    m.last_name = Set(i.last_name.clone());
    m.personnummer = Set(i.personnummer.as_ref().map(|p| p.as_str().to_string()));
    m.email = Set(i
        .email
        .as_ref()
        .map(|e| e.as_str().to_string())
        .unwrap_or_default());
    m.phone = Set(i
        .phone
        .as_ref()
        .map(|p| p.as_str().to_string())
        .unwrap_or_default());
    m.municipality_code = Set(i.municipality_code.clone());
    m.gender = Set(i.gender.into());
    m.birth_year = Set(i.birth_year);
    m.swedish_level = Set(i.swedish_level.map(Stored));
    m.languages = Set(to_json(&i.languages));
    m.sfi_level = Set(i.sfi_level.map(Stored));
    m.education_level = Set(i.education_level.into());
    m.education_field = Set(i.education_field.clone());
    m.education_country = Set(i.education_country.clone());
    m.experience = Set(to_json(&i.experience));
    m.skills = Set(to_json(&i.skills));
    m.wished_occupations = Set(to_json(&i.wished_occupations));
    m.available_days = Set(to_json(&i.available_days));
    m.max_commute_km = Set(i.max_commute_km);
    m.driving_licence = Set(i.driving_licence.into());
    m.special_needs = Set(i.special_needs.clone());
    m.needed_accommodations = Set(to_json(&i.needed_accommodations));
    m.eligibility = Set(i.eligibility.into());
    m.consents = Set(to_json(&consents));
    m.shares_with_employers = Set(consents
        .iter()
        .any(|c| c.purpose == ConsentPurpose::ShareWithEmployers && c.withdrawn_at.is_none()));
    m.search_text = Set(crate::search_text(&[
        &i.first_name,
        &i.last_name,
        i.personnummer.as_ref().map(|p| p.as_str()).unwrap_or(""),
        i.email.as_ref().map(|e| e.as_str()).unwrap_or(""),
        i.phone.as_ref().map(|p| p.as_str()).unwrap_or(""),
    ]));
}

/// What the rows of a participant list show: every row is there because of a relation in the
/// role's list scope, so that scope decides.
fn list_visibility(actor: &Actor) -> Visible {
    Visible::of(actor.role, list_scope(actor.role, Resource::Participant))
}

/// Whether stored consents (JSON) include an active consent to share with employers.
pub(crate) fn consents_share_with_employers(json: &str) -> bool {
    from_json::<Vec<Consent>>(json)
        .iter()
        .any(|c| c.purpose == ConsentPurpose::ShareWithEmployers && c.withdrawn_at.is_none())
}

/// Whether stored consents (JSON) include an active consent to be contacted by e-mail.
pub(crate) fn consents_contact_by_email(json: &str) -> bool {
    from_json::<Vec<Consent>>(json)
        .iter()
        .any(|c| c.purpose == ConsentPurpose::ContactByEmail && c.withdrawn_at.is_none())
}

/// Proposals that no longer link a candidate to the employer.
fn ended_proposals() -> [&'static str; 2] {
    use brygga_domain::model::ProposalStatus;
    [
        ProposalStatus::Rejected.as_str(),
        ProposalStatus::Withdrawn.as_str(),
    ]
}

fn dup_pnr(e: sea_orm::DbErr) -> StoreError {
    StoreError::unique(e, "personnummer", "error-duplicate-personnummer")
}

impl Store {
    /// How a participant relates to the actor.
    pub(crate) async fn participant_relations(
        &self,
        actor: &Actor,
        p: &participant::Model,
    ) -> Result<Vec<Relation>> {
        let mut rels = vec![];
        if actor.org_scope.contains(&p.programme_id)
            || p.cohort_id.is_some_and(|c| actor.org_scope.contains(&c))
        {
            rels.push(Relation::InOrgScope);
        }
        if actor.user_id.is_some() && p.user_id == actor.user_id {
            rels.push(Relation::OwnRecord);
        }
        if !actor.supervisor_ids.is_empty()
            && internship::Entity::find()
                .filter(internship::Column::ParticipantId.eq(p.id))
                .filter(internship::Column::SupervisorId.is_in(actor.supervisor_ids.clone()))
                .count(&self.db)
                .await?
                > 0
        {
            rels.push(Relation::Supervised);
        }
        // A relation through an employer holds only while the participant shares with employers.
        if let Some(emp) = actor.employer_id.filter(|_| p.shares_with_employers) {
            let proposed = candidate_proposal::Entity::find()
                .filter(candidate_proposal::Column::ParticipantId.eq(p.id))
                .filter(candidate_proposal::Column::Status.is_not_in(ended_proposals()))
                .filter(
                    candidate_proposal::Column::PlacementId.in_subquery(
                        Query::select()
                            .column(placement::Column::Id)
                            .from(placement::Entity)
                            .and_where(placement::Column::EmployerId.eq(emp))
                            .to_owned(),
                    ),
                )
                .count(&self.db)
                .await?;
            if proposed > 0 {
                rels.push(Relation::ProposedToOwnEmployer);
            }
        }
        if let Some(uid) = actor.user_id {
            let shared = case_share::Entity::find()
                .filter(case_share::Column::ParticipantId.eq(p.id))
                .filter(case_share::Column::UserId.eq(uid))
                .count(&self.db)
                .await?;
            if shared > 0 {
                rels.push(Relation::SharedCase);
            }
        }
        Ok(rels)
    }

    /// Load a participant the actor may act on, with its relations to the actor.
    pub(crate) async fn participant_checked(
        &self,
        actor: &Actor,
        id: i32,
        action: Action,
    ) -> Result<(participant::Model, Vec<Relation>)> {
        let p = participant::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        let rels = self.participant_relations(actor, &p).await?;
        enforce(decide_any(actor, action, Resource::Participant, &rels))?;
        Ok((p, rels))
    }

    /// The SQL form of the policy's list scope for this actor.
    pub(crate) fn participant_scope(actor: &Actor) -> Result<Condition> {
        let rels = list_scope(actor.role, Resource::Participant);
        if rels.is_empty() {
            return Err(StoreError::Forbidden);
        }
        if rels.contains(&Relation::Unrelated) {
            return Ok(Condition::all());
        }
        let mut any = Condition::any();
        let never = Expr::cust("1 = 0");
        for rel in rels {
            any = any.add(match rel {
                Relation::InOrgScope => Condition::any()
                    .add(participant::Column::ProgrammeId.is_in(actor.org_scope.iter().copied()))
                    .add(participant::Column::CohortId.is_in(actor.org_scope.iter().copied()))
                    .into(),
                Relation::OwnRecord => match actor.user_id {
                    Some(u) => participant::Column::UserId.eq(u),
                    None => never.clone(),
                },
                Relation::Supervised => participant::Column::Id.in_subquery(
                    Query::select()
                        .column(internship::Column::ParticipantId)
                        .from(internship::Entity)
                        .and_where(
                            internship::Column::SupervisorId.is_in(actor.supervisor_ids.clone()),
                        )
                        .to_owned(),
                ),
                Relation::ProposedToOwnEmployer => Condition::all()
                    .add(participant::Column::SharesWithEmployers.eq(true))
                    .add(
                        participant::Column::Id.in_subquery(
                            Query::select()
                                .column(candidate_proposal::Column::ParticipantId)
                                .from(candidate_proposal::Entity)
                                .and_where(
                                    candidate_proposal::Column::Status.is_not_in(ended_proposals()),
                                )
                                .and_where(
                                    candidate_proposal::Column::PlacementId.in_subquery(
                                        Query::select()
                                            .column(placement::Column::Id)
                                            .from(placement::Entity)
                                            .and_where(
                                                placement::Column::EmployerId
                                                    .eq(actor.employer_id.unwrap_or(-1)),
                                            )
                                            .to_owned(),
                                    ),
                                )
                                .to_owned(),
                        ),
                    )
                    .into(),
                Relation::SharedCase => participant::Column::Id.in_subquery(
                    Query::select()
                        .column(case_share::Column::ParticipantId)
                        .from(case_share::Entity)
                        .and_where(case_share::Column::UserId.eq(actor.user_id.unwrap_or(-1)))
                        .to_owned(),
                ),
                Relation::OwnEmployer
                | Relation::Public
                | Relation::Teaches
                | Relation::Unrelated => never.clone(),
            });
        }
        Ok(any)
    }

    pub async fn participant_list(
        &self,
        actor: &Actor,
        f: &ParticipantFilter,
    ) -> Result<Page<ParticipantSummary>> {
        self.participant_list_paged(actor, f, crate::PER_PAGE).await
    }

    /// A page of `EXPORT_PER_PAGE` rows of the list, for its export (the same rows and
    /// columns the actor sees on the list, page by page).
    pub async fn participant_list_export(
        &self,
        actor: &Actor,
        f: &ParticipantFilter,
    ) -> Result<Page<ParticipantSummary>> {
        let page = self
            .participant_list_paged(actor, f, crate::EXPORT_PER_PAGE)
            .await?;
        // An export takes the rows out of Brygga: recorded once, with the columns it holds.
        if f.page <= 1 {
            let mut fields = vec!["name", "birth_year", "municipality_code", "swedish_level"];
            if list_visibility(actor).eligibility {
                fields.push("eligibility");
            }
            self.audit(
                actor,
                AuditAction::Read,
                "participant_list_export",
                None,
                &fields,
            )
            .await?;
        }
        Ok(page)
    }

    async fn participant_list_paged(
        &self,
        actor: &Actor,
        f: &ParticipantFilter,
        per_page: u64,
    ) -> Result<Page<ParticipantSummary>> {
        // What the rows show is also what they may be searched and filtered by: a search for a
        // personnummer, an address or a number must not confirm one to a reader who may not
        // see it, nor a filter an eligibility she may not see.
        let visible = list_visibility(actor);
        let by_name_only = !(visible.identity_number && visible.contact);
        let mut q = participant::Entity::find().filter(Self::participant_scope(actor)?);
        if !by_name_only && let Some(found) = crate::search(&f.q, participant::Column::SearchText)?
        {
            q = q.filter(found);
        }
        if !f.municipality_code.trim().is_empty() {
            q = q.filter(participant::Column::MunicipalityCode.eq(f.municipality_code.trim()));
        }
        if let Some(p) = f.programme_id {
            q = q.filter(participant::Column::ProgrammeId.eq(p));
        }
        if let Some(e) = f.eligibility.filter(|_| visible.eligibility) {
            q = q.filter(participant::Column::Eligibility.eq(e.as_str()));
        }
        let q = q
            .order_by_asc(participant::Column::LastName)
            .order_by_asc(participant::Column::FirstName)
            .order_by_asc(participant::Column::Id);
        let page = match brygga_domain::text::search(&f.q) {
            Err(e) => return Err(StoreError::Invalid(brygga_domain::FieldErrors(vec![e]))),
            // A name search for those who see only names: their lists are their own interns,
            // candidates or cases (tens, not thousands), so it runs over the rows in scope.
            Ok(typed) if by_name_only && !typed.trim().is_empty() => {
                let words: Vec<String> = typed.split_whitespace().map(str::to_lowercase).collect();
                let rows: Vec<participant::Model> = q
                    .all(&self.db)
                    .await?
                    .into_iter()
                    .filter(|m| {
                        let name = format!("{} {}", m.first_name, m.last_name).to_lowercase();
                        words.iter().all(|w| name.contains(w.as_str()))
                    })
                    .collect();
                Page::of_all(rows, f.page, per_page)
            }
            Ok(_) => crate::paged(&self.db, q, f.page, per_page).await?,
        };
        Ok(page.map(|m| ParticipantSummary::of(m, &visible)))
    }

    /// Participants the actor may see who are likely the person about to be registered: the
    /// same name and birth year, the same e-mail (any case) or the same phone number (digits
    /// only, "+46" read as "0"). A personnummer already registered is not a likely duplicate
    /// but a certain one, which the create itself refuses as a field error, so then this
    /// answers nothing and the create gives that error.
    pub async fn participant_duplicates(
        &self,
        actor: &Actor,
        i: &ParticipantInput,
    ) -> Result<Vec<ParticipantSummary>> {
        if let Some(pnr) = &i.personnummer {
            let taken = participant::Entity::find()
                .filter(participant::Column::Personnummer.eq(pnr.as_str()))
                .count(&self.db)
                .await?;
            if taken > 0 {
                return Ok(vec![]);
            }
        }
        let fold = |s: &str| s.trim().to_lowercase();
        let (first, last) = (fold(&i.first_name), fold(&i.last_name));
        let email = i.email.as_ref().map(|e| fold(e.as_str()));
        let phone = i.phone.as_ref().map(|p| phone_key(p.as_str()));
        // Compared here rather than in SQL: SQLite's LOWER folds only ASCII ("Öberg").
        let rows: Vec<(i32, String, String, i32, String, String)> = participant::Entity::find()
            .filter(Self::participant_scope(actor)?)
            .select_only()
            .columns([
                participant::Column::Id,
                participant::Column::FirstName,
                participant::Column::LastName,
                participant::Column::BirthYear,
                participant::Column::Email,
                participant::Column::Phone,
            ])
            .into_tuple()
            .all(&self.db)
            .await?;
        let ids: Vec<i32> = rows
            .into_iter()
            .filter(|(_, f, l, year, e, p)| {
                (fold(f) == first && fold(l) == last && *year == i.birth_year)
                    || email
                        .as_ref()
                        .is_some_and(|x| !e.is_empty() && fold(e) == *x)
                    || phone
                        .as_ref()
                        .is_some_and(|x| !p.is_empty() && phone_key(p) == *x)
            })
            .map(|r| r.0)
            .collect();
        if ids.is_empty() {
            return Ok(vec![]);
        }
        let visible = list_visibility(actor);
        Ok(participant::Entity::find()
            .filter(participant::Column::Id.is_in(ids))
            .order_by_asc(participant::Column::LastName)
            .order_by_asc(participant::Column::FirstName)
            .order_by_asc(participant::Column::Id)
            .all(&self.db)
            .await?
            .into_iter()
            .map(|m| ParticipantSummary::of(m, &visible))
            .collect())
    }

    /// Whether `actor` may filter participants by eligibility (and is shown the filter).
    pub fn may_filter_by_eligibility(actor: &Actor) -> bool {
        list_visibility(actor).eligibility
    }

    /// Read one participant's record. The read is audited; so, separately, is the read of
    /// special needs when the actor may see them.
    pub async fn participant_get(&self, actor: &Actor, id: i32) -> Result<ParticipantRecord> {
        self.participant_read(actor, id, &[]).await
    }

    /// The participant page: the record and, for those who may follow it, the journey, audited
    /// as one read (its fields name the journey when it was shown).
    pub async fn participant_view(
        &self,
        actor: &Actor,
        id: i32,
    ) -> Result<(ParticipantRecord, Option<crate::process::Journey>)> {
        let journey = match self.journey_unaudited(actor, id).await {
            Ok(j) => Some(j),
            Err(StoreError::NotFound | StoreError::Forbidden) => None,
            Err(e) => return Err(e),
        };
        let fields: &[&str] = if journey.is_some() { &["journey"] } else { &[] };
        let rec = self.participant_read(actor, id, fields).await?;
        Ok((rec, journey))
    }

    async fn participant_read(
        &self,
        actor: &Actor,
        id: i32,
        fields: &[&str],
    ) -> Result<ParticipantRecord> {
        let (m, rels) = self.participant_checked(actor, id, Action::Read).await?;
        let special = Visible::of(actor.role, &rels).special_category;
        let tx = crate::begin_write(&self.db).await?;
        record(
            &tx,
            &self.secret,
            actor,
            AuditAction::Read,
            "participant",
            Some(id),
            fields,
        )
        .await?;
        if special {
            record(
                &tx,
                &self.secret,
                actor,
                AuditAction::ReadSpecialNeeds,
                "participant",
                Some(id),
                &["special_needs"],
            )
            .await?;
        }
        tx.commit().await?;
        Ok(ParticipantRecord::for_actor(m, actor, &rels))
    }

    /// The programme must be a programme, and the cohort (if any) one of its cohorts.
    async fn check_programme(&self, i: &ParticipantInput) -> Result<()> {
        use brygga_domain::model::OrgKind;
        let invalid = |field: &str| {
            StoreError::Invalid(FieldErrors(vec![FieldError::new(
                field,
                "error-invalid-choice",
            )]))
        };
        let programme = organisation::Entity::find_by_id(i.programme_id)
            .one(&self.db)
            .await?;
        if programme.is_none_or(|o| o.kind.get() != OrgKind::Programme) {
            return Err(invalid("programme_id"));
        }
        if let Some(c) = i.cohort_id {
            let cohort = organisation::Entity::find_by_id(c).one(&self.db).await?;
            if cohort.is_none_or(|o| {
                o.kind.get() != OrgKind::Cohort || o.parent_id != Some(i.programme_id)
            }) {
                return Err(invalid("cohort_id"));
            }
        }
        Ok(())
    }

    /// A coordinator of the programme, or of the cohort the participant is placed in.
    fn creation_relation(actor: &Actor, i: &ParticipantInput) -> Relation {
        if actor.org_scope.contains(&i.programme_id)
            || i.cohort_id.is_some_and(|c| actor.org_scope.contains(&c))
        {
            Relation::InOrgScope
        } else {
            Relation::Unrelated
        }
    }

    pub async fn participant_create(&self, actor: &Actor, i: &ParticipantInput) -> Result<i32> {
        self.participant_create_from(actor, i, None).await
    }

    /// Register a participant, from an interest in the inbox when `interest_id` is given: the
    /// interest is marked registered in the same transaction (if it is still open).
    pub async fn participant_create_from(
        &self,
        actor: &Actor,
        i: &ParticipantInput,
        interest_id: Option<i32>,
    ) -> Result<i32> {
        enforce(decide_any(
            actor,
            Action::Create,
            Resource::Participant,
            &[Self::creation_relation(actor, i)],
        ))
        .map_err(|_| StoreError::Forbidden)?;
        self.check_programme(i).await?;
        let now = crate::now();
        let consents = merge_consents(&[], &i.consents, now);
        let mut m = participant::ActiveModel {
            user_id: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
            ..Default::default()
        };
        apply(&mut m, i, &consents);
        let tx = crate::begin_write(&self.db).await?;
        let m = m.insert(&tx).await.map_err(dup_pnr)?;
        let fields: Vec<String> = crate::changed_fields(
            &serde_json::json!({}),
            &serde_json::to_value(&m).unwrap_or_default(),
        );
        let fields: Vec<&str> = fields.iter().map(String::as_str).collect();
        record(
            &tx,
            &self.secret,
            actor,
            AuditAction::Create,
            "participant",
            Some(m.id),
            &fields,
        )
        .await?;
        if let Some(interest) = interest_id {
            Self::interest_mark_registered(&tx, &self.secret, actor, interest, m.id).await?;
        }
        tx.commit().await?;
        Ok(m.id)
    }

    /// Save an edit made on version `version`; `Conflict` if someone saved in between.
    pub async fn participant_update(
        &self,
        actor: &Actor,
        id: i32,
        version: i32,
        i: &ParticipantInput,
    ) -> Result<()> {
        let (old, rels) = self.participant_checked(actor, id, Action::Update).await?;
        enforce(decide_any(
            actor,
            Action::Update,
            Resource::Participant,
            &[Self::creation_relation(actor, i)],
        ))
        .map_err(|_| StoreError::Forbidden)?;
        self.check_programme(i).await?;
        let now = crate::now();
        let mut input = i.clone();
        // Roles that may not read special needs cannot have seen them, so they keep what is there.
        if !decide_any(
            actor,
            Action::ReadSpecialNeeds,
            Resource::Participant,
            &rels,
        )
        .allowed()
        {
            input.special_needs = old.special_needs.clone();
            input.needed_accommodations = from_json(&old.needed_accommodations);
        }
        let consents = merge_consents(
            &from_json::<Vec<Consent>>(&old.consents),
            &input.consents,
            now,
        );
        let mut am: participant::ActiveModel = old.clone().into();
        apply(&mut am, &input, &consents);
        am.updated_at = Set(now);
        let tx = crate::begin_write(&self.db).await?;
        crate::update_versioned(
            &tx,
            participant::Entity::update_many().set(am),
            id,
            version,
            dup_pnr,
        )
        .await?;
        let new = participant::Entity::find_by_id(id)
            .one(&tx)
            .await?
            .ok_or(StoreError::NotFound)?;
        let fields = crate::changed_fields(&old, &new);
        let fields: Vec<&str> = fields.iter().map(String::as_str).collect();
        self.commit_audited(
            tx,
            actor,
            AuditAction::Update,
            "participant",
            Some(id),
            &fields,
        )
        .await?;
        Ok(())
    }

    pub async fn participant_delete(&self, actor: &Actor, id: i32) -> Result<()> {
        self.participant_checked(actor, id, Action::Delete).await?;
        let tx = crate::begin_write(&self.db).await?;
        participant::Entity::delete_by_id(id).exec(&tx).await?;
        self.commit_audited(tx, actor, AuditAction::Delete, "participant", Some(id), &[])
            .await?;
        Ok(())
    }

    /// Link a participant record to a user account (self-service login).
    pub async fn participant_link_user(
        &self,
        actor: &Actor,
        participant_id: i32,
        user_id: i32,
    ) -> Result<()> {
        self.participant_checked(actor, participant_id, Action::Update)
            .await?;
        let tx = crate::begin_write(&self.db).await?;
        participant::Entity::update_many()
            .col_expr(participant::Column::UserId, Expr::value(user_id))
            .filter(participant::Column::Id.eq(participant_id))
            .exec(&tx)
            .await?;
        self.commit_audited(
            tx,
            actor,
            AuditAction::Update,
            "participant",
            Some(participant_id),
            &["user_id"],
        )
        .await?;
        Ok(())
    }
}

#[cfg(test)]
mod phone_tests {
    use super::phone_key;

    #[test]
    fn one_number_in_any_format_is_one_key() {
        for typed in [
            "070-123 45 67",
            "+46 70 123 45 67",
            "0046701234567",
            "(070) 1234567",
        ] {
            assert_eq!(phone_key(typed), "0701234567", "{typed}");
        }
        assert_ne!(phone_key("+47 70 123 45 67"), "0701234567");
    }
}
