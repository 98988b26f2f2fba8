//! `govlint::fuzzing::office` under libFuzzer (see `src/fuzzing.rs` for what it checks).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| govlint::fuzzing::office(data));
