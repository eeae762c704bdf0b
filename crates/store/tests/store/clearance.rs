//! Store cases: clearance.
#![allow(unused_imports)]

use super::*;
