//! The HTTP foundation every feature folder builds on: one error type mapped to responses once,
//! the extractors (who is asking, record ids), the page chrome every page carries, form
//! outcomes, pick lists, and the security middleware (headers, CSRF, static files).

pub mod api;
pub mod chrome;
pub mod error;
pub mod extract;
pub mod form;
pub mod lists;
pub mod security;

pub use brygga_i18n::{I18n, Lang};
pub use chrome::{Chrome, UserInfo};
pub use error::{ApiError, ApiErrorBody, ApiFieldError, WebError};
pub use extract::{ApiActor, Id, IdPair, Staff, Visitor, urlencode};
pub use form::{Errors, form_errors, form_status, save};
pub use lists::Lists;

/// A page carries its chrome (language, user, CSRF token) in a field named `chrome`; this lets
/// its template read `i18n`, `user` and `csrf` as if they were the page's own fields.
macro_rules! page_chrome {
    ($page:ty) => {
        impl std::ops::Deref for $page {
            type Target = $crate::http::Chrome;
            fn deref(&self) -> &Self::Target {
                &self.chrome
            }
        }
    };
}
pub(crate) use page_chrome;
