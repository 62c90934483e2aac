//! The terminal's lifecycle: raw mode, the alternate screen and mouse
//! reporting on entry; all of it undone on quit, on error (a guard), on
//! panic (a hook that restores before the message is printed), and around
//! Ctrl-Z and `$EDITOR`.

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use std::io::{self, Stdout, stdout};

pub type Term = Terminal<CrosstermBackend<Stdout>>;

fn take_over() -> io::Result<()> {
    enable_raw_mode()?;
    // Bracketed paste: a paste arrives as text, not as keys that would
    // move between fields or run commands.
    execute!(stdout(), EnterAlternateScreen, EnableMouseCapture, EnableBracketedPaste)
}

/// Gives the terminal back as it was. Every step is tried even if one
/// fails, so a half-restored terminal is as rare as can be.
pub fn restore() -> io::Result<()> {
    let raw = disable_raw_mode();
    let screen = execute!(
        stdout(),
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        ratatui::crossterm::cursor::Show
    );
    raw.and(screen)
}

/// Restores the terminal when dropped: on return and on error alike.
pub struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = restore();
    }
}

/// Restores the terminal before the panic message is printed, so the
/// message is readable and the shell usable afterwards.
pub fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = restore();
        previous(info);
    }));
}

/// Takes the terminal over; the guard gives it back.
pub fn enter() -> io::Result<(Term, Guard)> {
    take_over()?;
    let guard = Guard;
    let terminal = Terminal::new(CrosstermBackend::new(stdout()))?;
    Ok((terminal, guard))
}

/// Runs `f` with the terminal given back (for `$EDITOR` or a shell), then
/// takes it over again and schedules a full redraw.
pub fn suspended<T>(terminal: &mut Term, f: impl FnOnce() -> T) -> io::Result<T> {
    restore()?;
    let out = f();
    take_over()?;
    terminal.clear()?;
    Ok(out)
}

/// Ctrl-Z: stops the process as the shell's job control expects; it goes
/// on here when the shell continues it (`fg`).
pub fn suspend(terminal: &mut Term) -> io::Result<()> {
    suspended(terminal, || {
        #[cfg(unix)]
        // SAFETY: raise() only sends a signal to this process; SIGTSTP's
        // default action stops it until SIGCONT, then raise returns.
        unsafe {
            libc::raise(libc::SIGTSTP);
        }
    })
}
