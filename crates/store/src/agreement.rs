//! Collaboration agreements (employer level) and internship agreements (per intern):
//! generated, sent, signed, with their files.
