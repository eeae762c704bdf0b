//! Certificates: the internship certificate ("praktikintyg": period, workplace, occupation,
//! tasks, supervisor) and the validated competence certificate ("validerat kompetensbevis":
//! every criterion with its level and evidence from the signed end assessment, and the four
//! generic criteria). What a certificate says is fixed when it is issued; the PDF and the
//! signed Open Badges 3.0 credential are both made from that content, so the two never differ.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::learning::GenericCriterion;
use crate::model::str_enum;
use crate::text::{self, NOTE_MAX};
use crate::{FieldError, FieldErrors};

str_enum!(
    /// The two certificates an internship ends in.
    CertificateKind, "certificate-kind" {
        Internship = "internship",
        Competence = "competence",
    }
);

/// One rated line of a competence certificate: a criterion of the checklist (with its learning
/// goal) or one of the four generic criteria, with the level and the supervisor's evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct CertifiedRating {
    /// The learning goal; empty for a generic criterion.
    pub goal: String,
    /// The criterion in words (for a generic one, its name in Swedish).
    pub text: String,
    /// A generic criterion's code (`initiative` …), else `None`.
    #[schema(value_type = Option<String>)]
    pub generic: Option<GenericCriterion>,
    /// 1–4.
    pub level: i32,
    pub evidence: String,
}

/// What a certificate says, as issued.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct CertificateContent {
    #[schema(value_type = String)]
    pub kind: CertificateKind,
    /// The credential's public id (a UUID): the verification page's address.
    pub credential_id: String,
    pub participant_name: String,
    pub programme: String,
    /// The coordinating organisation: the issuer.
    pub organisation: String,
    pub employer_name: String,
    /// The workplace (unit) and its address.
    pub workplace: String,
    pub placement_title: String,
    /// The occupation in SSYK 2012 words, and its code.
    pub occupation: String,
    pub ssyk_code: String,
    pub tasks: String,
    pub supervisor: String,
    pub period_start: NaiveDate,
    /// The internship's last day (its end, or the day it ended early).
    pub period_end: NaiveDate,
    pub days_per_week: i32,
    pub hours_per_week: i32,
    pub issued_on: NaiveDate,
    pub issued_by: String,
    /// Who signed the end assessment, and when.
    pub assessed_by: String,
    pub assessed_on: NaiveDate,
    /// The rated criteria: the checklist's, then the four generic ones (competence certificate
    /// only; empty on an internship certificate).
    pub ratings: Vec<CertifiedRating>,
}

/// A certificate as its PDF shows it: the content, where it is verified (the QR code), and
/// its words in Swedish followed by the participant's language where she chose one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CertificateDocument {
    pub content: CertificateContent,
    pub verify_url: String,
    pub words: Vec<DocumentWords>,
}

/// The PDF's labels in one language, by key (`title`, `period`, `level-3`, `generic-initiative` …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocumentWords {
    pub lang: String,
    pub rtl: bool,
    pub labels: std::collections::BTreeMap<String, String>,
}

/// The label keys a certificate's PDF uses besides the levels and generic criteria.
pub const DOCUMENT_LABELS: &[&str] = &[
    "title",
    "intro",
    "participant",
    "period",
    "employer",
    "workplace",
    "occupation",
    "tasks",
    "supervisor",
    "scope",
    "criterion",
    "level",
    "evidence",
    "assessed",
    "issued",
    "issuer",
    "verify",
];

/// The highest level of the assessment scale (its lowest is 1).
pub const LEVEL_TOP: i32 = 4;

/// The issuer as a verifier sees it: the installation's profile and the key that signs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issuer {
    /// The profile's URL (a JSON document with the public key).
    pub id: String,
    pub name: String,
    /// The installation's public address.
    pub url: String,
    /// Where a credential is verified: `{verify_base}/{credential_id}`.
    pub verify_base: String,
    /// The public revocation list.
    pub revocations: String,
}

/// The words a credential carries, in Swedish (from the translation files).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CredentialWords {
    pub achievement_name: String,
    pub achievement_description: String,
    pub criteria_narrative: String,
    /// The scale's levels 1–4 in words.
    pub levels: [String; 4],
}

fn iso(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The credential's `urn:uuid:` id.
pub fn credential_urn(credential_id: &str) -> String {
    format!("urn:uuid:{credential_id}")
}

/// The Open Badges 3.0 credential (an `OpenBadgeCredential` in the W3C Verifiable Credentials
/// data model) for a certificate: the achievement (with a result description per rated
/// criterion on a competence certificate), the subject named in plain words (her name is on the
/// paper certificate too; no personal identity number), the results and the evidence.
pub fn open_badge(
    c: &CertificateContent,
    issuer: &Issuer,
    words: &CredentialWords,
    issued_at: DateTime<Utc>,
) -> Value {
    let verify = format!("{}/{}", issuer.verify_base, c.credential_id);
    let achievement_id = format!("{}/achievements/{}", issuer.url, c.kind.as_str());
    let rubric = |i: usize| format!("{achievement_id}/criteria/{}", i + 1);
    let levels: Vec<Value> = (1..=LEVEL_TOP)
        .map(|n| {
            json!({
                "id": format!("level-{n}"),
                "type": ["RubricCriterionLevel"],
                "name": words.levels[(n - 1) as usize],
                "level": n.to_string(),
            })
        })
        .collect();
    let descriptions: Vec<Value> = c
        .ratings
        .iter()
        .enumerate()
        .map(|(i, r)| {
            json!({
                "id": rubric(i),
                "type": ["ResultDescription"],
                "name": if r.goal.is_empty() { r.text.clone() } else { format!("{}: {}", r.goal, r.text) },
                "resultType": "RubricCriterionLevel",
                "rubricCriterionLevel": levels,
            })
        })
        .collect();
    let results: Vec<Value> = c
        .ratings
        .iter()
        .enumerate()
        .map(|(i, r)| {
            json!({
                "type": ["Result"],
                "resultDescription": rubric(i),
                "achievedLevel": format!("level-{}", r.level),
            })
        })
        .collect();
    let mut achievement = json!({
        "id": achievement_id,
        "type": ["Achievement"],
        "achievementType": "Certificate",
        "name": words.achievement_name,
        "description": words.achievement_description,
        "criteria": { "narrative": words.criteria_narrative },
        "fieldOfStudy": c.occupation,
        "tag": [c.ssyk_code],
    });
    let mut subject = json!({
        "type": ["AchievementSubject"],
        "identifier": [{
            "type": "IdentityObject",
            "identityHash": c.participant_name,
            "identityType": "name",
            "hashed": false,
        }],
        "achievement": {},
        "activityStartDate": format!("{}T00:00:00Z", c.period_start),
        "activityEndDate": format!("{}T00:00:00Z", c.period_end),
        "role": c.placement_title,
    });
    if !descriptions.is_empty() {
        achievement["resultDescription"] = Value::Array(descriptions);
        subject["result"] = Value::Array(results);
    }
    subject["achievement"] = achievement;
    let evidence: Vec<Value> = c
        .ratings
        .iter()
        .filter(|r| !r.evidence.is_empty())
        .map(|r| {
            json!({
                "type": ["Evidence"],
                "name": r.text,
                "narrative": r.evidence,
            })
        })
        .collect();
    let mut vc = json!({
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "id": credential_urn(&c.credential_id),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": words.achievement_name,
        "issuer": {
            "id": issuer.id,
            "type": ["Profile"],
            "name": issuer.name,
            "url": issuer.url,
        },
        "validFrom": iso(issued_at),
        "credentialSubject": subject,
        "credentialStatus": {
            "id": issuer.revocations,
            "type": "1EdTechRevocationList",
        },
    });
    vc["evidence"] = if evidence.is_empty() {
        json!([{ "type": ["Evidence"], "id": verify }])
    } else {
        Value::Array(evidence)
    };
    vc
}

/// The claims of the credential as a VC-JWT (Open Badges 3.0, JSON Web Token proof format):
/// the credential under `vc` with the registered claims that repeat it.
pub fn jwt_claims(vc: &Value, issued_at: DateTime<Utc>) -> Value {
    json!({
        "iss": vc["issuer"]["id"],
        "jti": vc["id"],
        "nbf": issued_at.timestamp(),
        "iat": issued_at.timestamp(),
        "sub": vc["credentialSubject"]["identifier"][0]["identityHash"],
        "vc": vc,
    })
}

/// What a verifier is shown of a credential whose signature holds: read from the signed
/// credential itself, not from Brygga's records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct CredentialSummary {
    pub id: String,
    pub name: String,
    pub recipient: String,
    pub issuer: String,
    pub valid_from: String,
    pub start: String,
    pub end: String,
    pub role: String,
    pub occupation: String,
    /// Each rated criterion with the level reached, in words.
    pub results: Vec<(String, String)>,
}

/// The summary of an Open Badges credential (its `vc`), or `None` when it lacks what a
/// certificate of Brygga's has.
pub fn summary(vc: &Value) -> Option<CredentialSummary> {
    let s = |v: &Value| v.as_str().map(str::to_string);
    let date = |v: &Value| s(v).map(|d| d.chars().take(10).collect::<String>());
    let subject = &vc["credentialSubject"];
    let achievement = &subject["achievement"];
    let descriptions = achievement["resultDescription"].as_array();
    let results = subject["result"]
        .as_array()
        .map(|rs| {
            rs.iter()
                .filter_map(|r| {
                    let d = descriptions?
                        .iter()
                        .find(|d| d["id"] == r["resultDescription"])?;
                    let level = d["rubricCriterionLevel"]
                        .as_array()?
                        .iter()
                        .find(|l| l["id"] == r["achievedLevel"])?;
                    Some((
                        s(&d["name"])?,
                        format!("{} – {}", s(&level["level"])?, s(&level["name"])?),
                    ))
                })
                .collect()
        })
        .unwrap_or_default();
    Some(CredentialSummary {
        id: s(&vc["id"])?,
        name: s(&achievement["name"]).or_else(|| s(&vc["name"]))?,
        recipient: s(&subject["identifier"][0]["identityHash"])?,
        issuer: s(&vc["issuer"]["name"])?,
        valid_from: date(&vc["validFrom"])?,
        start: date(&subject["activityStartDate"]).unwrap_or_default(),
        end: date(&subject["activityEndDate"]).unwrap_or_default(),
        role: s(&subject["role"]).unwrap_or_default(),
        occupation: s(&achievement["fieldOfStudy"]).unwrap_or_default(),
        results,
    })
}

/// What a verification found.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The signature holds and the credential is not revoked.
    Valid,
    /// The signature holds, but the issuer has revoked it.
    Revoked,
    /// The signature does not hold (the credential was changed, or not signed by this issuer).
    Invalid,
    /// No credential with that id was issued here.
    Unknown,
}

/// A verification: the verdict, and what the credential says when its signature holds.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Verification {
    pub verdict: Verdict,
    pub credential: Option<CredentialSummary>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub revoked_reason: Option<String>,
}

impl Verification {
    pub fn of(verdict: Verdict) -> Verification {
        Verification {
            verdict,
            credential: None,
            revoked_at: None,
            revoked_reason: None,
        }
    }
}

/// A revocation as typed: the reason is required (it is shown on the public verification page).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct RevokeDraft {
    pub reason: String,
    pub version: i32,
}

impl RevokeDraft {
    pub fn validate(&self) -> Result<String, FieldErrors> {
        let mut errs = FieldErrors::default();
        let reason = text::collect(
            &mut errs,
            text::required("reason", &self.reason, NOTE_MAX),
            &self.reason,
        );
        if errs.is_empty() {
            Ok(reason)
        } else {
            Err(errs)
        }
    }
}

/// Which certificate is asked for, as typed.
pub fn parse_kind(s: &str) -> Result<CertificateKind, FieldErrors> {
    CertificateKind::parse(s).map_err(|e| FieldErrors(vec![FieldError::new("kind", e.key)]))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    pub(crate) fn content(kind: CertificateKind) -> CertificateContent {
        CertificateContent {
            kind,
            credential_id: "0b7c6c4e-6f0e-4a57-9d65-3f2b7f6d1a11".into(),
            participant_name: "Amina Yusuf".into(),
            programme: "Praktik Göteborg".into(),
            organisation: "Göteborgs Stad".into(),
            employer_name: "Vårdhemmet Solgläntan".into(),
            workplace: "Solgläntan, Storgatan 1".into(),
            placement_title: "Undersköterska".into(),
            occupation: "Undersköterskor, vård- och specialavdelning".into(),
            ssyk_code: "5321".into(),
            tasks: "Morgonrutiner".into(),
            supervisor: "Per Handledare".into(),
            period_start: "2026-09-01".parse().unwrap(),
            period_end: "2026-11-27".parse().unwrap(),
            days_per_week: 4,
            hours_per_week: 32,
            issued_on: "2026-12-01".parse().unwrap(),
            issued_by: "Karin Koordinator".into(),
            assessed_by: "Per Handledare".into(),
            assessed_on: "2026-11-27".parse().unwrap(),
            ratings: if kind == CertificateKind::Competence {
                vec![
                    CertifiedRating {
                        goal: "Hygien".into(),
                        text: "Följer basala hygienrutiner".into(),
                        generic: None,
                        level: 3,
                        evidence: "Observerat varje pass".into(),
                    },
                    CertifiedRating {
                        goal: String::new(),
                        text: "Punktlighet".into(),
                        generic: Some(GenericCriterion::Punctuality),
                        level: 4,
                        evidence: String::new(),
                    },
                ]
            } else {
                vec![]
            },
        }
    }

    fn issuer() -> Issuer {
        Issuer {
            id: "https://brygga.example.org/credentials/issuer".into(),
            name: "Göteborgs Stad".into(),
            url: "https://brygga.example.org".into(),
            verify_base: "https://brygga.example.org/verify".into(),
            revocations: "https://brygga.example.org/credentials/revocations".into(),
        }
    }

    fn words() -> CredentialWords {
        CredentialWords {
            achievement_name: "Validerat kompetensbevis".into(),
            achievement_description: "d".into(),
            criteria_narrative: "n".into(),
            levels: ["1".into(), "2".into(), "3".into(), "4".into()],
        }
    }

    #[test]
    fn a_competence_credential_carries_each_rating_as_a_result_with_its_evidence() {
        let at: DateTime<Utc> = "2026-12-01T10:00:00Z".parse().unwrap();
        let vc = open_badge(
            &content(CertificateKind::Competence),
            &issuer(),
            &words(),
            at,
        );
        assert_eq!(
            vc["type"],
            json!(["VerifiableCredential", "OpenBadgeCredential"])
        );
        assert_eq!(vc["id"], "urn:uuid:0b7c6c4e-6f0e-4a57-9d65-3f2b7f6d1a11");
        assert_eq!(vc["validFrom"], "2026-12-01T10:00:00Z");
        let subject = &vc["credentialSubject"];
        assert_eq!(subject["identifier"][0]["identityHash"], "Amina Yusuf");
        let descriptions = subject["achievement"]["resultDescription"]
            .as_array()
            .unwrap();
        assert_eq!(descriptions.len(), 2);
        assert_eq!(
            descriptions[0]["name"],
            "Hygien: Följer basala hygienrutiner"
        );
        assert_eq!(subject["result"][1]["achievedLevel"], "level-4");
        assert_eq!(
            subject["result"][1]["resultDescription"],
            descriptions[1]["id"]
        );
        assert_eq!(vc["evidence"][0]["narrative"], "Observerat varje pass");
        assert_eq!(vc["evidence"].as_array().unwrap().len(), 1);
        let sum = summary(&vc).unwrap();
        assert_eq!(sum.recipient, "Amina Yusuf");
        assert_eq!(sum.issuer, "Göteborgs Stad");
        assert_eq!(sum.valid_from, "2026-12-01");
        assert_eq!(sum.end, "2026-11-27");
        assert_eq!(
            sum.results,
            vec![
                (
                    "Hygien: Följer basala hygienrutiner".to_string(),
                    "3 – 3".to_string()
                ),
                ("Punktlighet".to_string(), "4 – 4".to_string()),
            ]
        );
        assert!(summary(&json!({"id": "x"})).is_none());
        let claims = jwt_claims(&vc, at);
        assert_eq!(claims["iss"], issuer().id);
        assert_eq!(claims["jti"], vc["id"]);
        assert_eq!(claims["nbf"], at.timestamp());
    }

    #[test]
    fn an_internship_credential_has_no_results_and_points_at_its_verification_page() {
        let at: DateTime<Utc> = "2026-12-01T10:00:00Z".parse().unwrap();
        let vc = open_badge(
            &content(CertificateKind::Internship),
            &issuer(),
            &words(),
            at,
        );
        assert!(vc["credentialSubject"].get("result").is_none());
        assert_eq!(
            vc["evidence"][0]["id"],
            "https://brygga.example.org/verify/0b7c6c4e-6f0e-4a57-9d65-3f2b7f6d1a11"
        );
        assert_eq!(
            vc["credentialSubject"]["activityEndDate"],
            "2026-11-27T00:00:00Z"
        );
    }

    #[test]
    fn a_revocation_needs_a_reason_on_one_line() {
        let ok = RevokeDraft {
            reason: "  Utfärdat av misstag ".into(),
            version: 1,
        };
        assert_eq!(ok.validate().unwrap(), "Utfärdat av misstag");
        let e = RevokeDraft::default().validate().unwrap_err();
        assert_eq!(e.get("reason").map(|e| e.key), Some("error-required"));
        let e = RevokeDraft {
            reason: "a\u{7}b".into(),
            version: 1,
        }
        .validate()
        .unwrap_err();
        assert!(e.get("reason").is_some());
        assert!(parse_kind("competence").is_ok());
        assert!(parse_kind("diploma").unwrap_err().get("kind").is_some());
    }
}
