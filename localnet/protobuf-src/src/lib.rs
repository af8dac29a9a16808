//! The API of crates.io's `protobuf-src` (`protoc()`, `include()`), answered with the system's protobuf
//! compiler instead of one built from source. `scripts/setup.sh` installs Debian's `protobuf-compiler`.

use std::path::PathBuf;

/// The system's `protoc`: `$PROTOC_SYSTEM` if set, else `/usr/bin/protoc`.
pub fn protoc() -> PathBuf {
    std::env::var_os("PROTOC_SYSTEM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/protoc"))
}

/// The directory holding protobuf's well-known `.proto` files (`google/protobuf/*.proto`).
pub fn include() -> PathBuf {
    PathBuf::from("/usr/include")
}
