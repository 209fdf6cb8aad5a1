// Running the built `friche` binary from a test, as a user would, with a time
// limit so a hang fails the test instead of stalling CI.
#pragma once

#include <string>
#include <vector>

namespace friche::test {

struct RunResult {
    int exitCode = -1;  // -1: killed by a signal or by the time limit
    int signal = 0;     // the signal that ended it, 0 if it exited
    bool timedOut = false;
    std::string output;                 // stdout and stderr together
    double secondsAfterInterrupt = -1;  // from the Interrupt's signal to the end
};

// Sends `signal` to the program once its output first contains `after` (a
// user pressing Ctrl+C partway through), or `afterMs` after it started when
// that is set.
struct Interrupt {
    std::string after;
    int signal = 0;
    int afterMs = -1;
};

// Runs FRICHE_BINARY with `args` (no shell), under SDL's offscreen video driver.
RunResult runFriche(const std::vector<std::string>& args, int timeoutSeconds = 60,
                    const Interrupt& interrupt = {});

// Runs any built program the same way (the tools: sitegen, biggen).
RunResult runProgram(const std::string& program, const std::vector<std::string>& args,
                     int timeoutSeconds = 60, const Interrupt& interrupt = {});

}  // namespace friche::test
