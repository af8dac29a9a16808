//! The property tests' runner: 1,000 cases by default (`FISC_PROPTEST_CASES` to change), from a fixed
//! seed so that every run of the suite checks the same sequences; `FISC_PROPTEST_RANDOM=1` (the soak)
//! draws fresh ones.

use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

/// A runner for the property tests.
pub fn runner() -> TestRunner {
    let cases = std::env::var("FISC_PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000);
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    if std::env::var("FISC_PROPTEST_RANDOM").as_deref() == Ok("1") {
        TestRunner::new(config)
    } else {
        TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &[7; 32]))
    }
}
