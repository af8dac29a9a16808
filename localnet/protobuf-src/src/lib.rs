//! The API of crates.io's `protobuf-src` (`protoc()`, `include()`), answered with the system's protobuf
//! compiler instead of one built from source. `scripts/setup.sh` installs Debian's `protobuf-compiler`.

use std::path::PathBuf;

/// Debian's `protoc`. (A build script that honours `$PROTOC`, as solana-storage-proto's does, asks for
/// this only when `$PROTOC` is unset.)
pub fn protoc() -> PathBuf {
    PathBuf::from("/usr/bin/protoc")
}

/// The directory holding protobuf's well-known `.proto` files (`google/protobuf/*.proto`).
pub fn include() -> PathBuf {
    PathBuf::from("/usr/include")
}
