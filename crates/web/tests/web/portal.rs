//! Web stories: portal.
#![allow(unused_imports)]

use super::*;
