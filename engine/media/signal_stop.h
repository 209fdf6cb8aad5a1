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
#pragma once

namespace friche::media {

class SignalStop {
public:
    SignalStop();   // installs the handlers and clears the flag
    ~SignalStop();  // restores the handlers that were there before
    SignalStop(const SignalStop&) = delete;
    SignalStop& operator=(const SignalStop&) = delete;

    // Whether SIGINT or SIGTERM arrived since construction.
    bool requested() const;
    // The signal that arrived (SIGINT, SIGTERM), or 0.
    int signal() const;
};

}  // namespace friche::media
