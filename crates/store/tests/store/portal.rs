//! Store cases: portal.
#![allow(unused_imports)]

use super::*;
