//! Web stories: pool.
#![allow(unused_imports)]

use super::*;
