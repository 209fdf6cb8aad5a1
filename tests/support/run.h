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
    std::string output;  // stdout and stderr together
};

// Runs FRICHE_BINARY with `args` (no shell), under SDL's offscreen video driver.
RunResult runFriche(const std::vector<std::string>& args, int timeoutSeconds = 60);

// Runs any built program the same way (the tools: sitegen, biggen).
RunResult runProgram(const std::string& program, const std::vector<std::string>& args,
                     int timeoutSeconds = 60);

}  // namespace friche::test
