// Ctrl+C (SIGINT) or SIGTERM as a request to stop a long export cleanly, instead
// of killing the process halfway through a file.
//
//   media::SignalStop stop;                 // handlers installed from here...
//   for (...) { if (stop.requested()) break; render; encode; }
//   if (stop.requested()) return 128 + stop.signal();   // 130 for Ctrl+C
//                                           // ...and the previous ones back when it goes
//
// The loop notices at its next check, unwinds, and the VideoEncoder's destructor
// deletes its temporary file. Only the first of each is caught: a second Ctrl+C
// (or TERM) gets the default action and ends the process at once, for an export
// that hangs.
// One SignalStop at a time: the flag is process-wide, as signals are.
//
// A command that must end promptly whatever it is doing (`render`, `check`,
// `video`: a service stop, a user's Ctrl+C) gives a grace period: if it has
// not stopped that long after the signal (deep in a model's import or a
// frame's draw), a watchdog thread removes the temporary files being written
// (core::trackTemporary) and ends the process with 128 + the signal.
#pragma once

#include <chrono>
#include <memory>

namespace friche::media {

// The grace of a command that must end within a second of a signal.
inline constexpr std::chrono::milliseconds kCommandGrace{600};

class SignalStop {
public:
    SignalStop();  // installs the handlers and clears the flag
    explicit SignalStop(std::chrono::milliseconds grace);  // ...and forces the end after `grace`
    ~SignalStop();  // restores the handlers that were there before
    SignalStop(const SignalStop&) = delete;
    SignalStop& operator=(const SignalStop&) = delete;

    // Whether SIGINT or SIGTERM arrived since construction.
    bool requested() const;
    // The signal that arrived (SIGINT, SIGTERM), or 0.
    int signal() const;

private:
    struct Watchdog;
    std::unique_ptr<Watchdog> watchdog_;
};

}  // namespace friche::media
