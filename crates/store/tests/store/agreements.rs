//! Store cases: agreements.
#![allow(unused_imports)]

use super::*;
