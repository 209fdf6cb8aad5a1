#include "media/signal_stop.h"

#include <atomic>
#include <csignal>
#include <iterator>

#include <signal.h>

namespace friche::media {

namespace {

// Lock-free, so writing it is safe inside a signal handler.
std::atomic<int> caught{0};
static_assert(std::atomic<int>::is_always_lock_free);

constexpr int kSignals[] = {SIGINT, SIGTERM};
struct sigaction previous[std::size(kSignals)];

}  // namespace

// C language linkage, as POSIX expects of a handler; static, as nothing else
// may call it.
extern "C" {
static void fricheStopSignal(int number) {
    caught.store(number, std::memory_order_relaxed);
}
}

SignalStop::SignalStop() {
    caught.store(0);
    struct sigaction action = {};
    action.sa_handler = fricheStopSignal;
    sigemptyset(&action.sa_mask);
    // SA_RESETHAND: the next one is the default action (see the header).
    // SA_RESTART: a write() or read() in progress goes on rather than failing
    // with EINTR somewhere deep in FFmpeg or the GL driver.
    action.sa_flags = SA_RESETHAND | SA_RESTART;
    for (std::size_t i = 0; i < std::size(kSignals); ++i)
        sigaction(kSignals[i], &action, &previous[i]);
}

SignalStop::~SignalStop() {
    for (std::size_t i = 0; i < std::size(kSignals); ++i)
        sigaction(kSignals[i], &previous[i], nullptr);
}

bool SignalStop::requested() const {
    return caught.load(std::memory_order_relaxed) != 0;
}

int SignalStop::signal() const {
    return caught.load(std::memory_order_relaxed);
}

}  // namespace friche::media
