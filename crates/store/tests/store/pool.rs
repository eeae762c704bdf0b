//! Store cases: pool.
#![allow(unused_imports)]

use super::*;
