#include "io/import_child.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <new>
#include <sstream>

#include "io/model_wire.h"

// AddressSanitizer reserves terabytes of address space for its shadow memory,
// so under it an RLIMIT_AS of a few GiB would fail every allocation: the
// sanitizer builds run the child without a memory limit.
#if defined(__SANITIZE_ADDRESS__)
#define FRICHE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FRICHE_ASAN 1
#endif
#endif

namespace friche::io {
namespace {

// How a child that did not crash says why it wrote no result.
constexpr int kExitOutOfMemory = 3;
constexpr int kExitWriteFailed = 4;

// A real import of any size fits in this: Assimp's own structures, our
// model, and the decoded images (io/image_decode.h allows 2 GiB of pixels).
constexpr std::uint64_t kMaxMemoryMiB = 4096;
// Assimp 5.2 reads a 100 MB FBX in a few seconds; a minute is a hang.
constexpr double kDefaultSeconds = 60;

bool readPositive(const char* name, double& value, std::string& error) {
    const char* set = std::getenv(name);
    if (set == nullptr || *set == '\0') return true;
    char* end = nullptr;
    const double parsed = std::strtod(set, &end);
    if (*end != '\0' || !std::isfinite(parsed) || parsed <= 0) {
        error = std::string(name) + "=" + set + " is not a positive number";
        return false;
    }
    value = parsed;
    return true;
}

// ---- the child --------------------------------------------------------------

[[noreturn]] void exitOutOfMemory() {
    _exit(kExitOutOfMemory);
}

#ifndef FRICHE_ASAN
// The child's address space now, so that the limit is what the import may add:
// friche may already have mapped gigabytes (a GPU driver, a large site) that
// the child inherits without using.
std::uint64_t addressSpaceBytes() {
    std::uint64_t pages = 0;
    std::ifstream("/proc/self/statm") >> pages;
    return pages * static_cast<std::uint64_t>(sysconf(_SC_PAGESIZE));
}
#endif

void limitChild(int resultFd, pid_t parent, const ImportLimits& limits) {
#ifdef __linux__
    // Killed with friche, whatever kills friche (the thread that forked it
    // waits for it, so that thread cannot end first).
    prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
    if (getppid() != parent) _exit(EXIT_FAILURE);  // friche died before prctl
    // A SignalStop's handler, inherited, would only set a flag nobody reads
    // here: Ctrl+C on the terminal reaches the child too, and must end it.
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGPIPE, SIG_IGN);  // a write to a friche that went away fails instead
    // Nothing friche had open is the child's business (the GL driver's
    // files, another import's pipe whose end-of-file it would hold back).
    if (resultFd > 3) close_range(3, static_cast<unsigned>(resultFd) - 1, 0);
    close_range(static_cast<unsigned>(resultFd) + 1, ~0u, 0);
#ifndef FRICHE_ASAN
    if (const std::uint64_t used = addressSpaceBytes(); used > 0) {
        const rlim_t cap = used + limits.memoryMiB * (1ull << 20);
        const rlimit as{cap, cap};
        setrlimit(RLIMIT_AS, &as);
    }
#else
    (void)limits;
#endif
    // Out of memory in C++ code (Assimp, our conversion) is told apart from a
    // crash, even where a bad_alloc would meet a noexcept frame and abort.
    std::set_new_handler(exitOutOfMemory);
}

// After fork() in a process with threads (the viewer's, a GL driver's), only
// async-signal-safe calls are promised to work in the child. Running a whole
// import there is a deliberate bet: glibc makes malloc safe in a forked
// child, and nothing the import uses (Assimp, stb, std::thread) waits on a
// lock another of friche's threads could have held. The child never touches
// OpenGL or SDL. Leaving with _exit() runs no atexit handler or destructor of
// friche's, and flushes no stdio buffer friche still holds.
[[noreturn]] void runChild(int resultFd, pid_t parent, const std::function<ImportedModel()>& import,
                           const ImportLimits& limits) {
    limitChild(resultFd, parent, limits);
    const ImportedModel imported = import();
    _exit(writeImportedModel(resultFd, imported) ? EXIT_SUCCESS : kExitWriteFailed);
}

// ---- friche's side ----------------------------------------------------------

using Clock = std::chrono::steady_clock;

// The child's end of the pipe as the wire reader's source: buffered for the
// small fields, straight into the model's memory for the large arrays. It
// reads as the child writes (a pipe holds little, so the child would block on
// a full one if friche waited for it to end first), until the deadline.
class PipeSource : public ByteSource {
public:
    PipeSource(int fd, Clock::time_point deadline) : fd_(fd), deadline_(deadline) {}

    bool read(std::span<std::uint8_t> out) override {
        const std::size_t buffered = std::min(out.size(), end_ - at_);
        std::copy_n(buffer_.begin() + static_cast<std::ptrdiff_t>(at_), buffered, out.begin());
        at_ += buffered;
        out = out.subspan(buffered);
        while (!out.empty()) {
            if (out.size() >= buffer_.size()) {  // large: no detour through the buffer
                const std::size_t n = fill(out);
                if (n == 0) return false;
                out = out.subspan(n);
                continue;
            }
            end_ = fill(buffer_);
            at_ = std::min(end_, out.size());
            if (end_ == 0) return false;
            std::copy_n(buffer_.begin(), at_, out.begin());
            out = out.subspan(at_);
        }
        return true;
    }

    // Reads to the end of the stream (the child's exit); the bytes found on
    // the way, which a well-behaved child does not send.
    std::uint64_t drain() {
        std::uint64_t extra = end_ - at_;
        at_ = end_;
        while (const std::size_t n = fill(buffer_)) extra += n;
        return extra;
    }

    bool timedOut() const { return timedOut_; }

private:
    // Some bytes into `out`, waiting for them up to the deadline; 0 at the
    // end of the stream, on an error or past the deadline.
    std::size_t fill(std::span<std::uint8_t> out) {
        for (;;) {
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - Clock::now())
                    .count();
            if (left <= 0) {
                timedOut_ = true;
                return 0;
            }
            pollfd ready{fd_, POLLIN, 0};
            // EINTR: a signal friche handles (a SignalStop, SDL's quit); its
            // flag is read after the load, which the deadline bounds.
            if (poll(&ready, 1, static_cast<int>(std::min<long long>(left, 1000))) <= 0) continue;
            const ssize_t n = ::read(fd_, out.data(), out.size());
            if (n > 0) return static_cast<std::size_t>(n);
            if (n == 0 || (errno != EINTR && errno != EAGAIN)) return 0;
        }
    }

    int fd_;
    Clock::time_point deadline_;
    bool timedOut_ = false;
    std::array<std::uint8_t, 1 << 16> buffer_{};
    std::size_t at_ = 0, end_ = 0;
};

std::string signalName(int number) {
    const char* abbrev = sigabbrev_np(number);
    return "signal " + std::to_string(number) +
           (abbrev != nullptr ? ", SIG" + std::string(abbrev) : std::string());
}

// How the import went, from what the child sent and how it ended.
struct Outcome {
    std::optional<ImportedModel> imported;  // the child's, read whole
    std::string malformed;                  // why not, when it sent something else
    bool timedOut = false;
    int status = 0;  // from waitpid
};

// The child's result, or an error naming the file and the importer.
ImportedModel interpret(const std::filesystem::path& path, const std::string& importer,
                        const ImportLimits& limits, Outcome& o) {
    const int status = o.status;
    if (o.imported && WIFEXITED(status) && WEXITSTATUS(status) == EXIT_SUCCESS)
        return std::move(*o.imported);
    ImportedModel failed;
    failed.result.model.source = path.string();
    const std::string& file = failed.result.model.source;
    const std::string cannot = "cannot read '" + file + "': ";
    core::Problems& problems = failed.result.problems;
    if (o.timedOut) {
        std::ostringstream seconds;
        seconds << limits.seconds;
        problems.error(
            "IMPORT_TIMEOUT", file,
            cannot + importer + " took longer than " + seconds.str() +
                " s on this file and was stopped (FRICHE_IMPORT_SECONDS sets the limit)");
    } else if (WIFEXITED(status) && WEXITSTATUS(status) == kExitOutOfMemory) {
        problems.error("IMPORT_OUT_OF_MEMORY", file,
                       cannot + importer + " needed more than " + std::to_string(limits.memoryMiB) +
                           " MiB on this file (FRICHE_IMPORT_MEMORY_MIB sets the limit)");
    } else if (WIFSIGNALED(status)) {
        const int sig = WTERMSIG(status);
        if (sig == SIGINT || sig == SIGTERM || sig == SIGHUP)
            problems.error("IMPORT_INTERRUPTED", file,
                           cannot + importer + " was stopped (" + signalName(sig) + ")");
        else
            problems.error(
                "IMPORT_CRASHED", file,
                cannot + importer + " crashed on this file (" + signalName(sig) +
                    (sig == SIGKILL ? ", perhaps the system's out-of-memory killer)" : ")"));
    } else if (WEXITSTATUS(status) != EXIT_SUCCESS) {
        problems.error("IMPORT_CRASHED", file,
                       cannot + importer + " ended with status " +
                           std::to_string(WEXITSTATUS(status)) + " and no result");
    } else {
        problems.error("IMPORT_FAILED", file,
                       cannot + importer + " handed back a malformed result: " + o.malformed);
    }
    return failed;
}

}  // namespace

std::optional<ImportLimits> importLimits(std::string& error) {
    const double physicalMiB = static_cast<double>(sysconf(_SC_PHYS_PAGES)) *
                               static_cast<double>(sysconf(_SC_PAGESIZE)) / (1 << 20);
    double memoryMiB = std::min(static_cast<double>(kMaxMemoryMiB), physicalMiB / 2);
    double seconds = kDefaultSeconds;
    if (!readPositive("FRICHE_IMPORT_MEMORY_MIB", memoryMiB, error) ||
        !readPositive("FRICHE_IMPORT_SECONDS", seconds, error))
        return std::nullopt;
    // Clamped to what the arithmetic on them holds (a mebibyte count shifted
    // to bytes, seconds as nanoseconds): far beyond any machine or patience.
    return ImportLimits{static_cast<std::uint64_t>(std::clamp(memoryMiB, 1.0, 1e9)),
                        std::min(seconds, 1e6)};
}

ImportedModel importInChild(const std::filesystem::path& path, const std::string& importer,
                            const std::function<ImportedModel()>& import,
                            const ImportLimits& limits) {
    ImportedModel failed;
    failed.result.model.source = path.string();
    int fds[2] = {-1, -1};
    const pid_t parent = getpid();
    const pid_t child = pipe2(fds, O_CLOEXEC) == 0 ? fork() : -1;
    if (child < 0) {
        const int why = errno;
        if (fds[0] >= 0) {
            close(fds[0]);
            close(fds[1]);
        }
        failed.result.problems.error("IMPORT_FAILED", path.string(),
                                     "cannot read '" + path.string() +
                                         "': no process could be started for " + importer + " (" +
                                         strerror(why) + ")");
        return failed;
    }
    if (child == 0) {
        close(fds[0]);
        runChild(fds[1], parent, import, limits);
    }
    close(fds[1]);
#ifdef F_SETPIPE_SZ
    // A larger pipe: fewer round trips for a model of hundreds of megabytes.
    fcntl(fds[0], F_SETPIPE_SZ, 1 << 20);
#endif
    PipeSource pipe(fds[0], Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                               std::chrono::duration<double>(limits.seconds)));
    Outcome o;
    // The result cannot be larger than what the child could hold.
    o.imported = readImportedModel(pipe, limits.memoryMiB << 20, o.malformed);
    if (const std::uint64_t extra = pipe.drain(); extra > 0 && o.imported) {
        o.imported.reset();
        o.malformed = std::to_string(extra) + " bytes after the end mark";
    }
    // The child has closed its end (it has ended) unless it ran out of time.
    o.timedOut = pipe.timedOut();
    if (o.timedOut) kill(child, SIGKILL);
    close(fds[0]);
    while (waitpid(child, &o.status, 0) < 0 && errno == EINTR) {
    }
    return interpret(path, importer, limits, o);
}

}  // namespace friche::io
