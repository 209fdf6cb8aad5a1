// Ctrl+C during an export sets a flag instead of killing the process, and the
// handlers that were there before come back afterwards.
#include <gtest/gtest.h>

#include <csignal>

#include <signal.h>

#include "media/signal_stop.h"

using friche::media::SignalStop;

namespace {

// Whatever handled `number` before the test, restored when it ends.
class SavedHandler {
public:
    explicit SavedHandler(int number) : number_(number) { sigaction(number, nullptr, &saved_); }
    ~SavedHandler() { sigaction(number_, &saved_, nullptr); }

private:
    int number_;
    struct sigaction saved_ = {};
};

void (*handlerOf(int number))(int) {
    struct sigaction now = {};
    sigaction(number, nullptr, &now);
    return now.sa_handler;
}

}  // namespace

TEST(SignalStop, ASignalIsARequestAndThePreviousHandlerComesBack) {
    for (int number : {SIGINT, SIGTERM}) {
        SavedHandler saved(number);
        std::signal(number, SIG_IGN);  // a recognisable previous handler
        {
            SignalStop stop;
            EXPECT_FALSE(stop.requested());
            EXPECT_EQ(stop.signal(), 0);
            std::raise(number);  // delivered to this thread before raise returns
            EXPECT_TRUE(stop.requested()) << number;
            EXPECT_EQ(stop.signal(), number);
        }
        EXPECT_EQ(handlerOf(number), SIG_IGN) << number;
    }
}

TEST(SignalStop, ANewStopStartsUnrequested) {
    SavedHandler saved(SIGINT);
    {
        SignalStop stop;
        std::raise(SIGINT);
    }
    SignalStop again;
    EXPECT_FALSE(again.requested());
}
