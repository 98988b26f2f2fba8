//! Output formats. Each renders the same sorted diagnostics of a run; none of them decides
//! what is a finding or what the exit code is.

pub mod human;
pub mod json;
