//! Web stories: mail.
#![allow(unused_imports)]

use super::*;
