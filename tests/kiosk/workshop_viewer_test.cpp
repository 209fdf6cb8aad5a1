// A workshop as a facilitator runs it, in the viewer's own loop (SDL's
// offscreen driver, a stepped clock): the clicker walks Droixhe's tour and the
// session file remembers the step; a tablet drives the screen over HTTP and
// its comment is stored; a session of another scenario is refused.
#include <gtest/gtest.h>

#include <SDL.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "app/viewer.h"
#include "app/workshop.h"
#include "support/sdl_keys.h"
#include "support/seed_sites.h"
#include "support/test_files.h"
#include "workshop/session_store.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

void push(Uint32 type) {
    SDL_Event e{};
    e.type = type;
    SDL_PushEvent(&e);
}

using friche::test::kDroixhe;
using friche::test::pushKey;

// A port nobody listens on now (the kernel's pick, released).
int freePort() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    socklen_t size = sizeof a;
    getsockname(fd, reinterpret_cast<sockaddr*>(&a), &size);
    close(fd);
    return ntohs(a.sin_port);
}

// The viewer on `cmd`, its clock stepping half a second a turn (a step's
// flight, 3 s, takes six); `act(turn)` before
// each turn (it may push events); the loop ends when `act` says so or after
// `maxTurns`. The viewer's exit status.
int runWorkshop(const friche::app::ViewerCommand& cmd, const std::function<bool(int)>& act,
                int maxTurns = 600) {
    setenv("FRICHE_IDLE_SECONDS", "0", 1);
    double now = 0.0;
    friche::app::ViewerHooks hooks;
    hooks.windowSize = friche::test::kSmallWindow;
    hooks.clock = [&] { return now; };
    hooks.beforeTurn = [&](int turn) {
        now += 0.5;
        if (!act(turn) || turn >= maxTurns) push(SDL_QUIT);
        push(SDL_USEREVENT);  // a frame every turn
    };
    const int status = friche::app::runViewer(cmd, hooks);
    unsetenv("FRICHE_IDLE_SECONDS");
    return status;
}

std::unique_ptr<friche::workshop::SessionStore> reopen(const fs::path& session) {
    std::string error;
    auto store = friche::workshop::SessionStore::openExisting(session, error);
    EXPECT_TRUE(store) << error;
    return store;
}

}  // namespace

TEST(WorkshopViewer, ClickerKeysAreThosePresentationClickersSend) {
    using friche::app::ClickerKey;
    const auto key = [](SDL_Keycode sym, Uint16 mod = KMOD_NONE) {
        SDL_Event e{};
        e.type = SDL_KEYDOWN;
        e.key.keysym.sym = sym;
        e.key.keysym.mod = mod;
        return friche::app::clickerKey(e);
    };
    for (SDL_Keycode k : {SDLK_PAGEDOWN, SDLK_RIGHT, SDLK_SPACE})
        EXPECT_EQ(key(k), ClickerKey::Next);
    for (SDL_Keycode k : {SDLK_PAGEUP, SDLK_LEFT}) EXPECT_EQ(key(k), ClickerKey::Previous);
    EXPECT_EQ(key(SDLK_b), ClickerKey::Blackout);
    EXPECT_EQ(key(SDLK_PERIOD), ClickerKey::Blackout);
    EXPECT_EQ(key(SDLK_F5), ClickerKey::StartTour);
    EXPECT_EQ(key(SDLK_F5, KMOD_LSHIFT), ClickerKey::ResumeTour);
    EXPECT_EQ(key(SDLK_ESCAPE), ClickerKey::None);  // none of them quits
    EXPECT_EQ(key(SDLK_q), ClickerKey::None);
    EXPECT_EQ(key(SDLK_F3), ClickerKey::None);  // the viewer's frame stats
}

TEST(WorkshopViewer, TheClickerWalksTheTourAndTheSessionRemembersTheStep) {
    const fs::path folder = friche::test::freshDir();
    const fs::path session = folder / "atelier.friche";
    friche::app::ViewerCommand cmd;
    cmd.path = kDroixhe;
    cmd.tour = "atelier";
    cmd.session = session.string();
    // Two steps forward, one back, a black screen and back: step 2 of 6 (index 1),
    // saved as soon as asked, before the story has flown there.
    EXPECT_EQ(runWorkshop(cmd,
                          [](int turn) {
                              if (turn == 2 || turn == 3) pushKey(SDLK_PAGEDOWN);
                              if (turn == 4) pushKey(SDLK_PAGEUP);
                              if (turn == 5) pushKey(SDLK_b);
                              if (turn == 6) pushKey(SDLK_PERIOD);
                              return turn < 8;
                          }),
              0);
    auto store = reopen(session);
    ASSERT_TRUE(store);
    EXPECT_EQ(store->owner().scenarioId, "droixhe");
    ASSERT_TRUE(store->place());
    EXPECT_EQ(store->place()->tour, "atelier");
    EXPECT_EQ(store->place()->step, 1);
    EXPECT_EQ(store->place()->position, 1.0);  // the step's phase: "difficulty"
    store.reset();

    // Opened again with the same tour, it resumes there; the next step is the third.
    EXPECT_EQ(runWorkshop(cmd,
                          [](int turn) {
                              if (turn == 2) pushKey(SDLK_SPACE);
                              return turn < 4;
                          }),
              0);
    store = reopen(session);
    EXPECT_EQ(store->place()->step, 2);
}

TEST(WorkshopViewer, ATabletDrivesTheScreenAndItsCommentIsStored) {
    const fs::path folder = friche::test::freshDir();
    const fs::path session = folder / "atelier.friche";
    const int port = freePort();
    friche::app::ViewerCommand cmd;
    cmd.path = kDroixhe;
    cmd.tour = "atelier";
    cmd.session = session.string();
    cmd.remote = "127.0.0.1:" + std::to_string(port);
    std::atomic<bool> done{false};
    std::string failure;
    std::int64_t commentId = 0;
    std::thread tablet([&] {
        httplib::Client client("127.0.0.1", port);
        client.set_read_timeout(5, 0);
        const auto state = [&]() -> json {
            const auto r = client.Get("/api/state");
            return r && r->status == 200 ? json::parse(r->body, nullptr, false) : json();
        };
        // Until the viewer listens, then until each change shows in the state.
        const auto waitFor = [&](const std::function<bool(const json&)>& seen) {
            for (int i = 0; i < 400; ++i) {
                const json s = state();
                if (s.is_object() && seen(s)) return true;
                std::this_thread::sleep_for(std::chrono::milliseconds(25));
            }
            return false;
        };
        if (!waitFor([](const json& s) { return s.value("step", -1) == 0; })) {
            failure = "the remote never showed step 0";
        } else if (auto r = client.Post("/api/step", R"({"step": 3})", "application/json");
                   !r || r->status != 202) {
            failure = "POST /api/step failed";
        } else if (!waitFor([](const json& s) { return s.value("step", -1) == 3; })) {
            failure = "the screen did not go to step 3";
        } else if (auto l = client.Post("/api/lang", R"({"lang": "nl"})", "application/json");
                   !l || l->status != 202 ||
                   !waitFor([](const json& s) { return s.value("lang", "") == "nl"; })) {
            failure = "the language did not change";
        } else if (
            auto c = client.Post(
                "/api/comments",
                R"({"text": "Un banc à l'ombre", "phase": "pilot-projects", "anchor": [10, 1, 20]})",
                "application/json");
            !c || c->status != 201) {
            failure = "POST /api/comments did not answer 201";
        } else {
            commentId = json::parse(c->body).value("id", std::int64_t{0});
            if (auto bad = client.Post("/api/step", R"({"step": 99})", "application/json");
                !bad || bad->status / 100 != 4)
                failure = "a step out of range was not refused";
        }
        done = true;
    });
    const int status = runWorkshop(
        cmd, [&](int) { return !done; }, 100000);
    tablet.join();
    EXPECT_EQ(status, 0);
    EXPECT_EQ(failure, "");
    auto store = reopen(session);
    ASSERT_TRUE(store);
    const auto pin = store->pin(commentId);
    ASSERT_TRUE(pin) << "comment " << commentId;
    EXPECT_EQ(pin->text, "Un banc à l'ombre");
    EXPECT_EQ(pin->phase, "pilot-projects");
    EXPECT_EQ(store->place()->step, 3);
    EXPECT_EQ(store->place()->lang, "nl");
}

TEST(WorkshopViewer, ASessionOfAnotherScenarioIsRefusedAndLeftAsItWas) {
    const fs::path folder = friche::test::freshDir();
    const fs::path session = folder / "seraing.friche";
    {
        std::string error;
        auto store =
            friche::workshop::SessionStore::open(session, {"seraing", "seraing.json"}, error);
        ASSERT_TRUE(store) << error;
    }
    const auto before = fs::file_size(session);
    friche::app::ViewerCommand cmd;
    cmd.path = kDroixhe;
    cmd.session = session.string();
    EXPECT_EQ(runWorkshop(cmd, [](int) { return false; }), 1);
    EXPECT_EQ(fs::file_size(session), before);
    cmd.session.reset();
    cmd.tour = "no-such-tour";
    EXPECT_EQ(runWorkshop(cmd, [](int) { return false; }), 1);
}
