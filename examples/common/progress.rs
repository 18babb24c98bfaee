//! Progress of long runs (SMAA-2) on standard error, only when it is a terminal: nothing is
//! printed when stderr is piped or redirected. Included with
//! `#[path = "common/progress.rs"] mod progress;`.

use std::io::{IsTerminal as _, Write as _};
use std::time::Instant;

/// A progress line `SMAA-2: 40% (400,000 of 1,000,000 samples), about 3 s left`,
/// redrawn at most every 200 ms and cleared when the run ends.
pub struct Progress {
    label: &'static str,
    start: Instant,
    last: Option<Instant>,
    enabled: bool,
}

fn grouped(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl Progress {
    /// A progress line for `label`, shown if stderr is a terminal.
    pub fn new(label: &'static str) -> Self {
        Progress {
            label,
            start: Instant::now(),
            last: None,
            enabled: std::io::stderr().is_terminal(),
        }
    }

    /// Reports `done` of `total`.
    pub fn update(&mut self, done: u64, total: u64) {
        if !self.enabled {
            return;
        }
        let now = Instant::now();
        if done < total
            && self
                .last
                .is_some_and(|t| now.duration_since(t).as_millis() < 200)
        {
            return;
        }
        self.last = Some(now);
        let mut err = std::io::stderr().lock();
        if done >= total {
            let _ = write!(err, "\r\x1b[2K");
            return;
        }
        let elapsed = now.duration_since(self.start).as_secs_f64();
        let left = if done > 0 {
            elapsed * (total - done) as f64 / done as f64
        } else {
            0.0
        };
        let _ = write!(
            err,
            "\r\x1b[2K{}: {:.0}% ({} of {} samples), about {:.0} s left",
            self.label,
            100.0 * done as f64 / total as f64,
            grouped(done),
            grouped(total),
            left.ceil()
        );
        let _ = err.flush();
    }
}
