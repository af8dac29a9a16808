//! The CLI's standard output. A reader that goes away (`fisc payment propose ... | head -1`) closes the
//! pipe; `println!` would then panic (exit code 101) in the middle of work that may already have landed.
//! Here the rest of the output is dropped and the command goes on to its own exit code.

use std::fmt;
use std::io::{ErrorKind, Write};

/// Writes to standard output; a closed pipe drops the output, any other failure is reported on stderr.
pub fn write(args: fmt::Arguments<'_>) {
    if let Err(e) = std::io::stdout().lock().write_fmt(args) {
        if e.kind() != ErrorKind::BrokenPipe {
            eprintln!("fisc: cannot write the output: {e}");
        }
    }
}

/// Whether an error came from a reader of standard output that went away: the output was not wanted
/// any more, which is no failure of the command.
pub fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .chain()
        .filter_map(|cause| cause.downcast_ref::<std::io::Error>())
        .any(|e| e.kind() == ErrorKind::BrokenPipe)
}
