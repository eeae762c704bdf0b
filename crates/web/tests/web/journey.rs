//! Web stories: journey.
#![allow(unused_imports)]

use super::*;
