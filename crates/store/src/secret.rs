//! The installation's one secret: 32 random bytes generated on first start and kept outside
//! the code and outside the database (a file, or the `BRYGGA_SECRET` environment variable for
//! several instances). Everything Brygga keys — CSRF tokens, the hash of client addresses for
//! rate limits, the audit chain — derives its own key from it by purpose, so one use never
//! reveals another's key.

use std::fmt;
use std::io::Write;
use std::path::Path;

use hmac::digest::KeyInit;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// The installation secret. Not `Debug`-printable and never serialised.
#[derive(Clone)]
pub struct Secret([u8; 32]);

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(…)")
    }
}

/// Why the secret could not be read or made.
#[derive(Debug, thiserror::Error)]
pub enum SecretError {
    #[error("reading or writing the secret file {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("the secret in {0} is not 64 hexadecimal characters")]
    Malformed(String),
}

impl Secret {
    /// A fresh random secret (tests, first start).
    pub fn random() -> Secret {
        Secret(rand::random())
    }

    /// A fixed secret from its bytes (tests that restart an installation).
    pub fn from_bytes(bytes: [u8; 32]) -> Secret {
        Secret(bytes)
    }

    /// Parse 64 hexadecimal characters (surrounding whitespace ignored); `origin` names where
    /// they came from in the error.
    pub fn from_hex(s: &str, origin: &str) -> Result<Secret, SecretError> {
        let bytes = hex::decode(s.trim()).map_err(|_| SecretError::Malformed(origin.into()))?;
        let bytes: [u8; 32] = bytes
            .try_into()
            .map_err(|_| SecretError::Malformed(origin.into()))?;
        Ok(Secret(bytes))
    }

    /// The secret kept in `path`; created (readable by the owner only) on first start.
    pub fn load_or_create(path: &Path) -> Result<Secret, SecretError> {
        let io = |source| SecretError::Io {
            path: path.display().to_string(),
            source,
        };
        match std::fs::read_to_string(path) {
            Ok(s) => Secret::from_hex(&s, &path.display().to_string()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                    std::fs::create_dir_all(dir).map_err(io)?;
                }
                let secret = Secret::random();
                let mut opts = std::fs::OpenOptions::new();
                opts.write(true).create_new(true);
                #[cfg(unix)]
                {
                    use std::os::unix::fs::OpenOptionsExt;
                    opts.mode(0o600);
                }
                match opts.open(path) {
                    Ok(mut f) => {
                        f.write_all(hex::encode(secret.0).as_bytes())
                            .and_then(|_| f.sync_all())
                            .map_err(io)?;
                        Ok(secret)
                    }
                    // Another instance made it first: use theirs.
                    Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                        let s = std::fs::read_to_string(path).map_err(io)?;
                        Secret::from_hex(&s, &path.display().to_string())
                    }
                    Err(e) => Err(io(e)),
                }
            }
            Err(e) => Err(io(e)),
        }
    }

    /// The key for one purpose ("csrf", "client", "audit"…): HMAC-SHA256(secret, purpose).
    pub fn key(&self, purpose: &str) -> [u8; 32] {
        mac_raw(&self.0, purpose.as_bytes())
    }

    /// HMAC-SHA256 of `data` under the key for `purpose`.
    pub fn mac(&self, purpose: &str, data: &[u8]) -> [u8; 32] {
        mac_raw(&self.key(purpose), data)
    }

    /// `mac` as lower-case hexadecimal.
    pub fn mac_hex(&self, purpose: &str, data: &[u8]) -> String {
        hex::encode(self.mac(purpose, data))
    }

    /// Whether `tag` (hexadecimal) is the MAC of `data` for `purpose`, compared in constant time.
    pub fn verify_hex(&self, purpose: &str, data: &[u8], tag: &str) -> bool {
        let Ok(tag) = hex::decode(tag) else {
            return false;
        };
        let mut m = hmac(&self.key(purpose));
        m.update(data);
        m.verify_slice(&tag).is_ok()
    }
}

/// HMAC-SHA256 keyed with a 32-byte key, zero-padded to the hash's 64-byte block as HMAC
/// itself pads short keys (so the result is the standard HMAC of the 32-byte key).
fn hmac(key: &[u8; 32]) -> Hmac<Sha256> {
    let mut block = [0u8; 64];
    block[..32].copy_from_slice(key);
    <Hmac<Sha256> as KeyInit>::new(&block.into())
}

fn mac_raw(key: &[u8; 32], data: &[u8]) -> [u8; 32] {
    let mut m = hmac(key);
    m.update(data);
    m.finalize().into_bytes().into()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn keys_differ_by_purpose_and_by_secret() {
        let a = Secret::from_bytes([1; 32]);
        let b = Secret::from_bytes([2; 32]);
        assert_ne!(a.key("csrf"), a.key("audit"));
        assert_ne!(a.key("csrf"), b.key("csrf"));
        assert_eq!(a.mac("x", b"data"), a.clone().mac("x", b"data"));
    }

    #[test]
    fn the_mac_is_standard_hmac_sha256() {
        // RFC 4231 test case 2 uses a 4-byte key; HMAC pads short keys with zeros, so a 32-byte
        // key holding "Jefe" and 28 zeros gives the same result.
        let mut key = [0u8; 32];
        key[..4].copy_from_slice(b"Jefe");
        assert_eq!(
            hex::encode(mac_raw(&key, b"what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn verify_accepts_its_own_tag_only() {
        let s = Secret::random();
        let tag = s.mac_hex("csrf", b"hello");
        assert!(s.verify_hex("csrf", b"hello", &tag));
        assert!(!s.verify_hex("csrf", b"hellO", &tag));
        assert!(!s.verify_hex("client", b"hello", &tag));
        assert!(!s.verify_hex("csrf", b"hello", "zz"));
    }

    #[test]
    fn the_file_is_created_once_private_and_then_reused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/secret.key");
        let first = Secret::load_or_create(&path).unwrap();
        let again = Secret::load_or_create(&path).unwrap();
        assert_eq!(first.key("a"), again.key("a"));
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.len(), 64);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        std::fs::write(&path, "not hex").unwrap();
        assert!(matches!(
            Secret::load_or_create(&path),
            Err(SecretError::Malformed(_))
        ));
    }
}
