//! What a run reports: findings (`diagnostic`), less what suppression comments silence
//! (`suppress`) and what a baseline already holds (`baseline`).

pub mod baseline;
pub mod diagnostic;
pub mod message;
pub mod suppress;
