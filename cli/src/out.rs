//! The CLI's standard output. A reader that goes away (`fisc payment propose ... | head -1`) closes the
//! pipe; `println!` would then panic (exit code 101) in the middle of work that may already have landed.
//! Here the rest of the output is dropped and the command goes on to its own exit code.

use std::fmt;
use std::io::{ErrorKind, Write};

/// Writes to standard output; a closed pipe drops the output, any other failure is reported on stderr.
pub fn write(args: fmt::Arguments<'_>) {
    let mut stdout = Stdout::default();
    if let Err(e) = stdout.write_fmt(args) {
        if !stdout.closed() {
            eprintln!("fisc: cannot write the output: {e}");
        }
    }
}

/// Standard output as a writer that remembers whether its reader went away, so that a command can
/// tell that failure (the output was not wanted any more) from any other, such as a database's
/// connection broken mid-export.
#[derive(Default)]
pub struct Stdout {
    closed: bool,
}

impl Stdout {
    /// Whether a write found the pipe closed.
    pub fn closed(&self) -> bool {
        self.closed
    }

    fn note<T>(&mut self, result: std::io::Result<T>) -> std::io::Result<T> {
        if matches!(&result, Err(e) if e.kind() == ErrorKind::BrokenPipe) {
            self.closed = true;
        }
        result
    }
}

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let result = std::io::stdout().lock().write(buf);
        self.note(result)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let result = std::io::stdout().lock().flush();
        self.note(result)
    }
}
