//! Store cases: mail.
#![allow(unused_imports)]

use super::*;
