#include "media/signal_stop.h"

#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <thread>

#include <signal.h>

#include "core/file.h"

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

struct SignalStop::Watchdog {
    std::atomic<bool> done{false};
    std::thread thread;
};

SignalStop::SignalStop(std::chrono::milliseconds grace) : SignalStop() {
    watchdog_ = std::make_unique<Watchdog>();
    watchdog_->thread = std::thread([grace, &done = watchdog_->done] {
        // Polled rather than woken: nothing a signal handler may call wakes a
        // thread portably, and 50 ms of sleep costs nothing.
        constexpr auto kPoll = std::chrono::milliseconds(50);
        auto since = std::chrono::steady_clock::time_point::max();
        while (!done.load()) {
            std::this_thread::sleep_for(kPoll);
            const int number = caught.load(std::memory_order_relaxed);
            if (number == 0) continue;
            const auto now = std::chrono::steady_clock::now();
            if (since == std::chrono::steady_clock::time_point::max()) since = now;
            if (now - since < grace || done.load()) continue;
            for (const auto& output : core::removeTrackedTemporaries())
                std::fprintf(stderr, "friche: stopped by signal %d; %s was not written\n", number,
                             output.c_str());
            std::_Exit(128 + number);
        }
    });
}

SignalStop::~SignalStop() {
    if (watchdog_) {
        watchdog_->done.store(true);
        watchdog_->thread.join();
    }
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
