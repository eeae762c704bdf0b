//! Calendar files (RFC 5545) through the `icalendar` crate: the value cleaning every invitation,
//! feed and meeting file shares, so that no name or place typed by a user can start a property
//! of its own.

/// A TEXT value for the calendar file. The `icalendar` crate escapes backslash, comma, semicolon
/// and LF (RFC 5545 3.3.11) but passes CR and other control characters through, which a reader
/// may take as a line break: line breaks become one LF (escaped as `\n` by the crate) and every
/// other control character is dropped, so no value can start a property of its own.
pub fn text(s: &str) -> String {
    s.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| *c == '\n' || !c.is_control())
        .collect()
}

/// A parameter value (a `CN`): always DQUOTE-wrapped (RFC 5545 3.2, so colon, semicolon and comma
/// are plain text), without DQUOTE or control characters, which a quoted value cannot hold.
/// The crate passes a value already wrapped in quotes through as it is.
pub fn param(s: &str) -> String {
    let inner: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .filter(|c| *c != '"')
        .collect();
    format!("\"{}\"", inner.trim())
}
