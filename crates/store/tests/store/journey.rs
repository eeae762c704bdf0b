//! Store cases: journey.
#![allow(unused_imports)]

use super::*;
