//! Web stories: clearance.
#![allow(unused_imports)]

use super::*;
