//! Uploaded and generated files: metadata in the database, bytes behind an object-store
//! interface (a local folder by default, S3-compatible storage for several instances),
//! access-controlled like the record they belong to.

use std::path::PathBuf;
use std::sync::Arc;

use brygga_domain::{FieldError, FieldErrors};
use bytes::Bytes;
use object_store::local::LocalFileSystem;
use object_store::path::Path as ObjectPath;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload};
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, Set};
use sha2::{Digest, Sha256};

use crate::audit::{AuditAction, record};
use crate::entities::stored_file;
use crate::{Actor, Result, Store, StoreError};

/// A stored file's metadata.
#[derive(Clone, Debug, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct StoredFile {
    pub id: i32,
    pub object_key: String,
    pub filename: String,
    pub content_type: String,
    pub size: i64,
    pub sha256: String,
    /// The record the file belongs to ("agreement"), whose access rules it shares.
    pub owner_kind: String,
    pub owner_id: i32,
    pub uploaded_by: Option<i32>,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

impl From<stored_file::Model> for StoredFile {
    fn from(m: stored_file::Model) -> Self {
        StoredFile {
            id: m.id,
            object_key: m.object_key,
            filename: m.filename,
            content_type: m.content_type,
            size: m.size,
            sha256: m.sha256,
            owner_kind: m.owner_kind,
            owner_id: m.owner_id,
            uploaded_by: m.uploaded_by,
            created_at: m.created_at,
        }
    }
}

/// The largest file accepted: 10 MiB.
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;

/// The owner kind of files that belong to an agreement.
pub const OWNER_AGREEMENT: &str = "agreement";

/// Where file bytes live. Cheap to clone; one per process.
#[derive(Clone, Debug)]
pub struct FileStore {
    backend: Backend,
}

#[derive(Clone, Debug)]
enum Backend {
    /// A local folder, created on first use.
    Local(PathBuf),
    /// Any other object store (S3-compatible storage when several instances run).
    Remote(Arc<dyn ObjectStore>),
}

/// Errors of the object store itself (not of the caller's input).
fn os_err(e: object_store::Error) -> StoreError {
    StoreError::Db(sea_orm::DbErr::Custom(format!("file storage: {e}")))
}

impl FileStore {
    /// A local folder (created on first write).
    pub fn local(root: impl Into<PathBuf>) -> FileStore {
        FileStore {
            backend: Backend::Local(root.into()),
        }
    }

    /// Any object store, for example an in-memory one in tests.
    pub fn with_object_store(store: Arc<dyn ObjectStore>) -> FileStore {
        FileStore {
            backend: Backend::Remote(store),
        }
    }

    /// S3-compatible storage from a `s3://bucket/prefix` URL. Credentials, region and endpoint
    /// come from the standard `AWS_*` environment variables (`AWS_ACCESS_KEY_ID`,
    /// `AWS_SECRET_ACCESS_KEY`, `AWS_REGION`, `AWS_ENDPOINT` for other S3-compatible servers).
    #[cfg(feature = "s3")]
    pub fn from_url(url: &str) -> Result<FileStore> {
        use object_store::aws::AmazonS3Builder;
        use object_store::prefix::PrefixStore;
        let rest = url.strip_prefix("s3://").ok_or_else(|| {
            StoreError::Db(sea_orm::DbErr::Custom(format!(
                "file storage: not an s3:// URL: {url}"
            )))
        })?;
        let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
        let s3 = AmazonS3Builder::from_env()
            .with_bucket_name(bucket)
            .build()
            .map_err(os_err)?;
        let store: Arc<dyn ObjectStore> = if prefix.trim_matches('/').is_empty() {
            Arc::new(s3)
        } else {
            Arc::new(PrefixStore::new(s3, prefix.trim_matches('/')))
        };
        Ok(FileStore::with_object_store(store))
    }

    /// What the configuration names: an `s3://bucket/prefix` URL (with the `s3` feature), or
    /// else a local folder.
    pub fn from_config(s: &str) -> Result<FileStore> {
        if s.starts_with("s3://") {
            #[cfg(feature = "s3")]
            return FileStore::from_url(s);
            #[cfg(not(feature = "s3"))]
            return Err(StoreError::Db(sea_orm::DbErr::Custom(
                "file storage: this build has no S3 support (feature `s3`)".into(),
            )));
        }
        Ok(FileStore::local(s))
    }

    /// The local folder, if files are kept in one.
    pub fn root(&self) -> Option<&std::path::Path> {
        match &self.backend {
            Backend::Local(root) => Some(root),
            Backend::Remote(_) => None,
        }
    }

    fn store(&self) -> Result<Arc<dyn ObjectStore>> {
        match &self.backend {
            Backend::Local(root) => {
                std::fs::create_dir_all(root).map_err(|e| {
                    StoreError::Db(sea_orm::DbErr::Custom(format!(
                        "file storage: {}: {e}",
                        root.display()
                    )))
                })?;
                Ok(Arc::new(
                    LocalFileSystem::new_with_prefix(root).map_err(os_err)?,
                ))
            }
            Backend::Remote(s) => Ok(s.clone()),
        }
    }

    async fn put(&self, key: &str, bytes: Bytes) -> Result<()> {
        self.store()?
            .put(&ObjectPath::from(key), PutPayload::from(bytes))
            .await
            .map_err(os_err)?;
        Ok(())
    }

    async fn get(&self, key: &str) -> Result<Bytes> {
        self.store()?
            .get(&ObjectPath::from(key))
            .await
            .map_err(os_err)?
            .bytes()
            .await
            .map_err(os_err)
    }

    /// Remove an object again (best effort: its metadata row was rolled back).
    pub(crate) async fn discard(&self, key: &str) {
        if let Ok(s) = self.store() {
            let _ = s.delete(&ObjectPath::from(key)).await;
        }
    }
}

/// A file as it arrived: the name the sender gave it and its bytes.
#[derive(Debug, Clone)]
pub struct Upload {
    pub filename: String,
    pub bytes: Bytes,
}

/// The content type of an accepted file, sniffed from its bytes (the name says nothing).
/// PDF, PNG and JPEG only; the error is a field error on `field`.
pub fn check_upload(field: &str, bytes: &[u8]) -> Result<&'static str, FieldError> {
    if bytes.is_empty() {
        return Err(FieldError::new(field, "file-error-empty"));
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FieldError::new(field, "file-error-too-large"));
    }
    match infer::get(bytes).map(|t| t.mime_type()) {
        Some(m @ ("application/pdf" | "image/png" | "image/jpeg")) => Ok(m),
        _ => Err(FieldError::new(field, "file-error-type")),
    }
}

/// The largest photo accepted as sent: 10 MiB (it is kept smaller: see [`clean_photo`]).
pub const MAX_PHOTO_BYTES: usize = MAX_FILE_BYTES;
/// A kept photo's longest side, in pixels: enough to read a whiteboard, small on a phone.
pub const PHOTO_SIDE_MAX: u32 = 2048;

/// A photo as it may be kept: a JPEG or PNG (by its content, not its name) that decodes, turned
/// upright by its orientation tag, at most [`PHOTO_SIDE_MAX`] pixels a side, and encoded anew as
/// a JPEG,
/// so that nothing of the original's metadata (the place it was taken, the camera) survives.
/// CPU work: call it off the async threads.
pub fn clean_photo(field: &str, bytes: &[u8]) -> Result<Upload, FieldError> {
    use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};
    if bytes.is_empty() {
        return Err(FieldError::new(field, "file-error-empty"));
    }
    if bytes.len() > MAX_PHOTO_BYTES {
        return Err(FieldError::new(field, "learning-error-photo-size"));
    }
    let format = match infer::get(bytes).map(|t| t.mime_type()) {
        Some("image/jpeg") => ImageFormat::Jpeg,
        Some("image/png") => ImageFormat::Png,
        _ => return Err(FieldError::new(field, "learning-error-photo-type")),
    };
    let bad = || FieldError::new(field, "learning-error-photo-type");
    let mut reader = ImageReader::with_format(std::io::Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(12_000);
    limits.max_image_height = Some(12_000);
    limits.max_alloc = Some(512 * 1024 * 1024);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(|_| bad())?;
    // An orientation tag that cannot be read leaves the photo as it is.
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut img = DynamicImage::from_decoder(decoder).map_err(|_| bad())?;
    img.apply_orientation(orientation);
    if img.width() > PHOTO_SIDE_MAX || img.height() > PHOTO_SIDE_MAX {
        img = img.resize(
            PHOTO_SIDE_MAX,
            PHOTO_SIDE_MAX,
            image::imageops::FilterType::Triangle,
        );
    }
    // Kept as a JPEG whatever it came as: a photo, small enough for a phone on a weak
    // connection (a detailed PNG of the same size could be many times larger).
    let mut out = Vec::new();
    img.to_rgb8()
        .write_with_encoder(image::codecs::jpeg::JpegEncoder::new_with_quality(
            &mut out, 85,
        ))
        .map_err(|_| bad())?;
    Ok(Upload {
        filename: "photo.jpg".to_string(),
        bytes: Bytes::from(out),
    })
}

/// A name safe to offer in a download: the last path segment, without control characters or
/// quotes, never empty.
fn clean_filename(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = last
        .chars()
        .filter(|c| !c.is_control() && *c != '"')
        .take(120)
        .collect();
    let clean = clean.trim().to_string();
    if clean.is_empty() {
        "file".to_string()
    } else {
        clean
    }
}

/// Check and keep a file for an owner record, inside the caller's write transaction: bytes under
/// a random key, metadata (type from the content, size, sha256) in `stored_files`, audited. The
/// caller has already decided that the actor may write to the owner record.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn save(
    tx: &impl ConnectionTrait,
    secret: &crate::secret::Secret,
    files: &FileStore,
    actor: &Actor,
    owner_kind: &str,
    owner_id: i32,
    field: &str,
    upload: &Upload,
) -> Result<StoredFile> {
    let content_type = check_upload(field, &upload.bytes)
        .map_err(|e| StoreError::Invalid(FieldErrors(vec![e])))?;
    let sha256 = hex::encode(Sha256::digest(&upload.bytes));
    let key = format!("{owner_kind}/{}", hex::encode(rand::random::<[u8; 16]>()));
    files.put(&key, upload.bytes.clone()).await?;
    let inserted = stored_file::ActiveModel {
        object_key: Set(key.clone()),
        filename: Set(clean_filename(&upload.filename)),
        content_type: Set(content_type.to_string()),
        size: Set(upload.bytes.len() as i64),
        sha256: Set(sha256),
        owner_kind: Set(owner_kind.to_string()),
        owner_id: Set(owner_id),
        uploaded_by: Set(actor.user_id),
        created_at: Set(crate::now()),
        ..Default::default()
    }
    .insert(tx)
    .await;
    let file = match inserted {
        Ok(f) => f,
        Err(e) => {
            files.discard(&key).await;
            return Err(e.into());
        }
    };
    record(
        tx,
        secret,
        actor,
        AuditAction::Create,
        "stored_file",
        Some(file.id),
        &["owner_kind", "owner_id", "content_type", "size"],
    )
    .await?;
    Ok(file.into())
}

impl Store {
    /// A stored file and its bytes, if the actor may read the record the file belongs to
    /// (404 otherwise, as for the record). The read is audited.
    pub async fn file_get(
        &self,
        files: &FileStore,
        actor: &Actor,
        id: i32,
    ) -> Result<(StoredFile, Bytes)> {
        let f = stored_file::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or(StoreError::NotFound)?;
        match f.owner_kind.as_str() {
            OWNER_AGREEMENT => {
                self.agreement_checked(actor, f.owner_id, brygga_domain::policy::Action::Read)
                    .await?;
            }
            crate::learning::OWNER_PROGRESS_ENTRY => {
                self.progress_entry_readable(actor, f.owner_id).await?;
            }
            // A file whose owner kind this version does not know is nobody's to read.
            _ => return Err(StoreError::NotFound),
        }
        let bytes = files.get(&f.object_key).await?;
        let tx = crate::begin_write(&self.db).await?;
        self.commit_audited(tx, actor, AuditAction::Read, "stored_file", Some(id), &[])
            .await?;
        Ok((f.into(), bytes))
    }
}
