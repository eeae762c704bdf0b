//! Certificates: issuing an internship or competence certificate from the signed end
//! assessment, signing it as an Open Badges 3.0 credential (a VC-JWT, EdDSA) with the
//! installation's Ed25519 key, its PDF with the QR code to the verification page, revoking it,
//! and verifying a credential as anyone may: by its id, or a credential file pasted in.
//!
//! The key is derived from the installation secret, so every instance signs with the same key
//! without a key file to share; each key that has signed is kept in the database and published
//! (`/.well-known/jwks.json`), so a credential still verifies after the secret has changed.

use std::collections::BTreeMap;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use brygga_domain::certificate::{
    self, CertificateContent, CertificateDocument, CertificateKind, CredentialWords,
    DOCUMENT_LABELS, DocumentWords, Issuer, RevokeDraft, Verdict, Verification,
};
use brygga_domain::learning::GenericCriterion;
use brygga_domain::refdata::RefData;
use brygga_domain::{FieldError, FieldErrors};
use brygga_i18n::{I18n, Lang};
use brygga_store::certificate::{CertificateView, Certificates, CredentialKey, NewCertificate};
use brygga_store::{Actor, Store};
use chrono::Utc;
use ed25519_dalek::pkcs8::EncodePrivateKey;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::{App, Error, Result};

/// The purpose the signing key is derived under from the installation secret.
const KEY_PURPOSE: &str = "credential-signing-key-ed25519";

/// The installation's signing key with its public half as a JWK's `x` and its `kid` (the
/// RFC 7638 thumbprint).
struct SigningKey {
    key: ed25519_dalek::SigningKey,
    key_id: String,
    public_key: String,
}

impl SigningKey {
    fn of(store: &Store) -> SigningKey {
        let key = ed25519_dalek::SigningKey::from_bytes(&store.secret().key(KEY_PURPOSE));
        let public_key = URL_SAFE_NO_PAD.encode(key.verifying_key().as_bytes());
        SigningKey {
            key,
            key_id: thumbprint(&public_key),
            public_key,
        }
    }

    fn sign(&self, claims: &Value) -> Result<String> {
        let der = self
            .key
            .to_pkcs8_der()
            .map_err(|e| Error::Internal(format!("signing key: {e}")))?;
        let mut header = Header::new(Algorithm::EdDSA);
        header.kid = Some(self.key_id.clone());
        header.typ = Some("JWT".into());
        jsonwebtoken::encode(&header, claims, &EncodingKey::from_ed_der(der.as_bytes()))
            .map_err(|e| Error::Internal(format!("signing: {e}")))
    }
}

/// The RFC 7638 thumbprint of an Ed25519 public key (its JWK's required members, in order).
fn thumbprint(x: &str) -> String {
    let canonical = format!(r#"{{"crv":"Ed25519","kty":"OKP","x":"{x}"}}"#);
    URL_SAFE_NO_PAD.encode(Sha256::digest(canonical.as_bytes()))
}

/// A public key as a JWK.
pub fn jwk(k: &CredentialKey) -> Value {
    serde_json::json!({
        "kty": "OKP",
        "crv": "Ed25519",
        "x": k.public_key,
        "kid": k.key_id,
        "alg": "EdDSA",
        "use": "sig",
    })
}

fn base(app: &App) -> String {
    app.mail.public_url.trim_end_matches('/').to_string()
}

/// Where a credential is verified.
pub fn verify_url(app: &App, credential_id: &str) -> String {
    format!("{}/verify/{credential_id}", base(app))
}

/// The issuer's addresses under the installation's public address `base`, with its name.
fn issuer(base: &str, name: &str) -> Issuer {
    Issuer {
        id: format!("{base}/credentials/issuer"),
        name: name.to_string(),
        url: base.to_string(),
        verify_base: format!("{base}/verify"),
        revocations: format!("{base}/credentials/revocations"),
    }
}

/// The installation's public keys as a JWK Set: the current one first, then every key that has
/// signed a credential.
pub async fn jwks(app: &App) -> Result<Value> {
    let current = SigningKey::of(&app.store);
    let mut keys = vec![CredentialKey {
        key_id: current.key_id.clone(),
        public_key: current.public_key.clone(),
    }];
    for k in app.store.credential_keys().await? {
        if k.key_id != current.key_id {
            keys.push(k);
        }
    }
    Ok(serde_json::json!({ "keys": keys.iter().map(jwk).collect::<Vec<_>>() }))
}

/// The issuer's Open Badges profile, with its keys.
pub async fn issuer_profile(app: &App, name: &str) -> Result<Value> {
    let keys = jwks(app).await?;
    let issuer = issuer(&base(app), name);
    Ok(serde_json::json!({
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "id": issuer.id,
        "type": ["Profile"],
        "name": issuer.name,
        "url": issuer.url,
        "publicKey": keys["keys"],
    }))
}

/// The public revocation list (1EdTech's revocation list shape).
pub async fn revocation_list(app: &App) -> Result<Value> {
    let revoked = app.store.credential_revocations().await?;
    let issuer = issuer(&base(app), "");
    Ok(serde_json::json!({
        "id": issuer.revocations,
        "issuer": issuer.id,
        "revokedCredentials": revoked.iter().map(|r| serde_json::json!({
            "id": certificate::credential_urn(&r.credential_id),
            "revocationDate": r.revoked_at.to_rfc3339(),
            "revocationReason": r.reason,
        })).collect::<Vec<_>>(),
    }))
}

fn kind_title(kind: CertificateKind) -> String {
    format!("certificate-pdf-title-{}", kind.as_str())
}

fn credential_words(kind: CertificateKind) -> CredentialWords {
    let sv = I18n::new(Lang::Sv);
    CredentialWords {
        achievement_name: sv.t(&kind_title(kind)),
        achievement_description: sv.t(&format!("certificate-pdf-intro-{}", kind.as_str())),
        criteria_narrative: sv.t(&format!("certificate-criteria-{}", kind.as_str())),
        levels: [1, 2, 3, 4].map(|n| sv.t(&format!("learning-level-{n}"))),
    }
}

fn document_words(lang: Lang, kind: CertificateKind) -> DocumentWords {
    let i18n = I18n::new(lang);
    let mut labels = BTreeMap::new();
    for key in DOCUMENT_LABELS {
        let msg = match *key {
            "title" => kind_title(kind),
            "intro" => format!("certificate-pdf-intro-{}", kind.as_str()),
            k => format!("certificate-pdf-{k}"),
        };
        labels.insert(key.to_string(), i18n.t(&msg));
    }
    for n in 1..=certificate::LEVEL_TOP {
        labels.insert(format!("level-{n}"), i18n.t(&format!("learning-level-{n}")));
    }
    for g in GenericCriterion::ALL {
        labels.insert(format!("generic-{}", g.as_str()), i18n.t(&g.label_key()));
    }
    DocumentWords {
        lang: lang.code().to_string(),
        rtl: lang.is_rtl(),
        labels,
    }
}

/// Issue the internship's certificate of a kind: refused while the supervisor has not signed
/// the end assessment, and while a live certificate of the kind exists.
pub async fn issue(app: &App, actor: &Actor, internship_id: i32, kind: &str) -> Result<i32> {
    issue_in(
        &app.store,
        &app.refdata,
        &base(app),
        actor,
        internship_id,
        kind,
    )
    .await
}

/// `issue` for an installation whose public address is `base` (the demo's loader calls it
/// with the store alone).
pub async fn issue_in(
    store: &Store,
    refdata: &RefData,
    base: &str,
    actor: &Actor,
    internship_id: i32,
    kind: &str,
) -> Result<i32> {
    let kind = certificate::parse_kind(kind)?;
    let src = store.certificate_source(actor, internship_id).await?;
    let Some(signed) = src.signed_end else {
        return Err(Error::Invalid(FieldErrors(vec![FieldError::new(
            "kind",
            "certificate-error-unsigned",
        )])));
    };
    let sv = I18n::new(Lang::Sv);
    let ratings = if kind == CertificateKind::Competence {
        signed
            .ratings
            .into_iter()
            .map(|mut r| {
                if let Some(g) = r.generic {
                    r.text = sv.t(&g.label_key());
                }
                r
            })
            .collect()
    } else {
        vec![]
    };
    let issued_at = Utc::now();
    let organisation = if src.organisation.is_empty() {
        src.programme.clone()
    } else {
        src.organisation.clone()
    };
    let content = CertificateContent {
        kind,
        credential_id: uuid::Uuid::new_v4().to_string(),
        participant_name: src.participant_name,
        programme: src.programme,
        organisation: organisation.clone(),
        employer_name: src.employer_name,
        workplace: src.workplace,
        placement_title: src.placement_title,
        occupation: refdata
            .ssyk_group(&src.ssyk_code)
            .map(|g| g.name_sv.clone())
            .unwrap_or_default(),
        ssyk_code: src.ssyk_code,
        tasks: src.tasks,
        supervisor: src.supervisor,
        period_start: src.period_start,
        period_end: src.period_end,
        days_per_week: src.days_per_week,
        hours_per_week: src.hours_per_week,
        issued_on: brygga_domain::calendar::date_at(issued_at),
        issued_by: actor.name().to_string(),
        assessed_by: signed.by,
        assessed_on: signed.on,
        ratings,
    };
    let vc = certificate::open_badge(
        &content,
        &issuer(base.trim_end_matches('/'), &organisation),
        &credential_words(kind),
        issued_at,
    );
    let key = SigningKey::of(store);
    let credential = key.sign(&certificate::jwt_claims(&vc, issued_at))?;
    Ok(store
        .certificate_issue(
            actor,
            internship_id,
            &NewCertificate {
                content,
                credential,
                key_id: key.key_id.clone(),
                public_key: key.public_key.clone(),
                language: src.language,
            },
        )
        .await?)
}

/// Revoke a certificate with a reason (shown to anyone who verifies it).
pub async fn revoke(app: &App, actor: &Actor, id: i32, d: &RevokeDraft) -> Result<()> {
    let reason = d.validate()?;
    Ok(app
        .store
        .certificate_revoke(actor, id, &reason, d.version)
        .await?)
}

/// An internship's certificates.
pub async fn of_internship(app: &App, actor: &Actor, internship_id: i32) -> Result<Certificates> {
    Ok(app.store.certificates(actor, internship_id).await?)
}

/// The certificate as a PDF, with its file name: Swedish, then her language where she chose
/// one other than Swedish.
pub async fn pdf(app: &App, actor: &Actor, id: i32) -> Result<(String, Vec<u8>)> {
    let (c, _) = app.store.certificate(actor, id).await?;
    let doc = document(app, &c);
    let renderer = app.renderer.clone();
    let bytes = tokio::task::spawn_blocking(move || renderer.certificate_pdf(&doc))
        .await
        .map_err(|e| Error::Internal(e.to_string()))?
        .map_err(|e| Error::Internal(e.to_string()))?;
    Ok((file_name(&c, "pdf"), bytes))
}

fn document(app: &App, c: &CertificateView) -> CertificateDocument {
    let kind = c.kind();
    let mut words = vec![document_words(Lang::Sv, kind)];
    if let Some(lang) = Lang::parse(&c.language).filter(|l| *l != Lang::Sv) {
        words.push(document_words(lang, kind));
    }
    CertificateDocument {
        verify_url: verify_url(app, &c.content.credential_id),
        content: c.content.clone(),
        words,
    }
}

fn file_name(c: &CertificateView, ext: &str) -> String {
    let kind = match c.kind() {
        CertificateKind::Internship => "praktikintyg",
        CertificateKind::Competence => "kompetensbevis",
    };
    let name: String = c
        .content
        .participant_name
        .chars()
        .map(|ch| if ch.is_alphanumeric() { ch } else { '-' })
        .collect();
    format!("{kind}-{name}-{}.{ext}", c.content.issued_on)
}

/// The signed credential file (a VC-JWT), with its file name.
pub async fn credential_file(app: &App, actor: &Actor, id: i32) -> Result<(String, String)> {
    let (c, credential) = app.store.certificate(actor, id).await?;
    Ok((file_name(&c, "jwt"), credential))
}

/// Check a VC-JWT's signature against the installation's published keys; the credential's
/// claims when it holds.
async fn check(app: &App, token: &str) -> Result<Option<Value>> {
    let Ok(header) = jsonwebtoken::decode_header(token) else {
        return Ok(None);
    };
    if header.alg != Algorithm::EdDSA {
        return Ok(None);
    }
    let keys = jwks(app).await?;
    let Some(x) = keys["keys"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|k| header.kid.as_deref() == k["kid"].as_str())
        .and_then(|k| k["x"].as_str())
    else {
        return Ok(None);
    };
    let Ok(key) = DecodingKey::from_ed_components(x) else {
        return Ok(None);
    };
    let mut validation = Validation::new(Algorithm::EdDSA);
    validation.required_spec_claims.clear();
    validation.validate_exp = false;
    // The signature is the proof; the issuer named inside must be the one the claims name.
    Ok(jsonwebtoken::decode::<Value>(token, &key, &validation)
        .ok()
        .map(|d| d.claims)
        .filter(|c| c["iss"].is_string() && c["iss"] == c["vc"]["issuer"]["id"]))
}

/// Verify the credential issued here under `credential_id` (the QR code's link).
pub async fn verify_id(app: &App, credential_id: &str) -> Result<Verification> {
    if uuid::Uuid::parse_str(credential_id).is_err() {
        return Ok(Verification::of(Verdict::Unknown));
    }
    match app.store.credential_public(credential_id).await? {
        None => Ok(Verification::of(Verdict::Unknown)),
        Some(p) => verify_token(app, &p.credential).await,
    }
}

/// Verify a credential file pasted in: its signature, then whether it was revoked here.
pub async fn verify_token(app: &App, token: &str) -> Result<Verification> {
    let token = token.trim();
    let Some(claims) = check(app, token).await? else {
        return Ok(Verification::of(Verdict::Invalid));
    };
    let Some(summary) = certificate::summary(&claims["vc"]) else {
        return Ok(Verification::of(Verdict::Invalid));
    };
    let id = summary.id.trim_start_matches("urn:uuid:").to_string();
    let public = app.store.credential_public(&id).await?;
    let (verdict, revoked_at, revoked_reason) = match public {
        Some(p) if p.revoked_at.is_some() => (Verdict::Revoked, p.revoked_at, p.revoked_reason),
        Some(_) => (Verdict::Valid, None, None),
        // Signed with this installation's key but unknown here: the record was erased.
        None => (Verdict::Unknown, None, None),
    };
    Ok(Verification {
        verdict,
        credential: Some(summary),
        revoked_at,
        revoked_reason,
    })
}
