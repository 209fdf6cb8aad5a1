#include "media/signal_stop.h"

#include <atomic>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <mutex>
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
    std::mutex mutex;
    std::condition_variable ended;
    bool done = false;  // under `mutex`
    std::thread thread;
};

SignalStop::SignalStop(std::chrono::milliseconds grace) : SignalStop() {
    watchdog_ = std::make_unique<Watchdog>();
    watchdog_->thread = std::thread([grace, &w = *watchdog_] {
        // The signal is polled: nothing a signal handler may call wakes a
        // thread portably, and a look every 50 ms costs nothing. The end of
        // the command wakes it at once (a render's last wait was up to 50 ms).
        constexpr auto kPoll = std::chrono::milliseconds(50);
        auto since = std::chrono::steady_clock::time_point::max();
        std::unique_lock lock(w.mutex);
        while (!w.ended.wait_for(lock, kPoll, [&w] { return w.done; })) {
            const int number = caught.load(std::memory_order_relaxed);
            if (number == 0) continue;
            const auto now = std::chrono::steady_clock::now();
            if (since == std::chrono::steady_clock::time_point::max()) since = now;
            if (now - since < grace) continue;
            for (const auto& output : core::removeTrackedTemporaries())
                std::fprintf(stderr, "friche: stopped by signal %d; %s was not written\n", number,
                             output.c_str());
            std::_Exit(128 + number);
        }
    });
}

SignalStop::~SignalStop() {
    if (watchdog_) {
        {
            const std::lock_guard lock(watchdog_->mutex);
            watchdog_->done = true;
        }
        watchdog_->ended.notify_one();
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
