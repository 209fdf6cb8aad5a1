#include "support/run.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <optional>

namespace friche::test {

RunResult runFriche(const std::vector<std::string>& args, int timeoutSeconds,
                    const Interrupt& interrupt) {
    return runProgram(FRICHE_BINARY, args, timeoutSeconds, interrupt);
}

RunResult runProgram(const std::string& program, const std::vector<std::string>& args,
                     int timeoutSeconds, const Interrupt& interrupt) {
    RunResult result;
    int pipeFds[2];
    if (pipe(pipeFds) != 0) return result;
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(pipeFds[1], STDOUT_FILENO);
        dup2(pipeFds[1], STDERR_FILENO);
        close(pipeFds[0]);
        close(pipeFds[1]);
        setenv("SDL_VIDEODRIVER", "offscreen", 1);
        std::vector<char*> argv;
        std::string binary = program;
        argv.push_back(binary.data());
        std::vector<std::string> copy = args;
        for (std::string& a : copy) argv.push_back(a.data());
        argv.push_back(nullptr);
        execv(binary.c_str(), argv.data());
        _exit(127);
    }
    close(pipeFds[1]);
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    const auto deadline = start + std::chrono::seconds(timeoutSeconds);
    const auto interruptAt = interrupt.afterMs >= 0
                                 ? start + std::chrono::milliseconds(interrupt.afterMs)
                                 : Clock::time_point::max();
    char buffer[4096];
    std::optional<Clock::time_point> interrupted;
    auto sendInterrupt = [&] {
        kill(pid, interrupt.signal);
        interrupted = Clock::now();
    };
    for (;;) {
        const auto now = Clock::now();
        if (now >= deadline) {
            result.timedOut = true;
            kill(pid, SIGKILL);
            break;
        }
        if (interrupt.signal && !interrupted && now >= interruptAt) sendInterrupt();
        const auto until = interrupted ? deadline : std::min(deadline, interruptAt);
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - now);
        pollfd pfd{pipeFds[0], POLLIN, 0};
        if (poll(&pfd, 1, static_cast<int>(left.count()) + 1) <= 0) continue;
        const ssize_t n = read(pipeFds[0], buffer, sizeof buffer);
        if (n <= 0) break;  // the child closed its end: it is exiting
        result.output.append(buffer, static_cast<std::size_t>(n));
        if (interrupt.signal && !interrupted && interrupt.afterMs < 0 &&
            result.output.find(interrupt.after) != std::string::npos)
            sendInterrupt();
    }
    close(pipeFds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    if (interrupted)
        result.secondsAfterInterrupt =
            std::chrono::duration<double>(Clock::now() - *interrupted).count();
    if (WIFEXITED(status) && !result.timedOut) result.exitCode = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
    return result;
}

}  // namespace friche::test
