//! Web stories: agreements.
#![allow(unused_imports)]

use super::*;
