// The tablet remote: an HTTP server (cpp-httplib) on its own threads, serving
// a touch page and a JSON API, and pushing the screen's state to the page with
// server-sent events. It never touches the viewer: the viewer publishes what
// the screen shows (publish) and takes the page's requests as commands (take)
// once a frame; the server checks each request against the last published
// state, so a command it queues names a phase, step, language or variant that
// exists. Comments and votes go straight to the session store, stored before
// the request is answered. CPU only, no GL.
//
//   std::string error;
//   auto remote = remote::RemoteServer::start({.port = 8080}, store, error);
//   if (!remote) { std::cerr << error; return 1; }       // names the address and why
//   each frame:  for (const remote::Command& c : remote->take()) apply(c);
//                remote->publish(stateOfTheScreen);     // pushed to the page when it changed
//
// The API, every route with its bodies, answers and errors: docs/remote.md.
// GET / the page; GET /api/state; GET /api/events (server-sent events);
// POST /api/phase, /api/lang, /api/step, /api/compare, /api/variant,
// /api/select, /api/vote, /api/login; GET /api/votes; GET and POST
// /api/comments (201 with the id once stored); PATCH /api/comments/ID. With a
// PIN, every request carries it (header X-Friche-Pin, or the cookie the page's
// login sets) or gets 401. Errors: a 4xx JSON {"error": "..."}.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <glm/glm.hpp>

#include "workshop/session_store.h"

namespace friche::remote {

// What the screen shows, as the page and GET /api/state see it.
struct ScreenState {
    struct Variant {
        std::string id;
        std::string name;  // in the current language
        bool operator==(const Variant&) const = default;
    };
    struct Phase {
        std::string id;
        std::string title;              // in the current language
        std::vector<Variant> variants;  // the phase's alternative proposals
        bool operator==(const Phase&) const = default;
    };
    struct Step {
        std::string title;     // in the current language
        std::string question;  // empty: none
        bool operator==(const Step&) const = default;
    };
    std::string phase;  // the phase at (or heading for) the position
    double position = 0.0;
    std::string lang;  // one of langs
    std::vector<std::string> langs{"fr", "en", "nl", "de"};
    std::string tour;  // empty: none running
    int step = -1;     // index into steps, -1: none
    std::vector<Step> steps;
    std::vector<Phase> phases;
    std::string compare = "off";                                    // "off", "swipe", "side"
    std::string compareA, compareB;                                 // "PHASE" or "PHASE/VARIANT"
    std::vector<std::pair<std::string, std::string>> variantShown;  // {phase, variant}
    std::int64_t selectedPin = 0;                                   // 0: none
    // Where a comment from the page is pinned when no pin is selected: the
    // point the camera looks at.
    glm::vec3 lookAt{0.0f};
    bool blackout = false;
    bool operator==(const ScreenState&) const = default;
};

// The page's requests, checked, for the viewer to carry out.
struct SetPhase {
    std::string phase;
};
struct SetLang {
    std::string lang;
};
struct SetStep {
    int step = 0;
};
struct SetCompare {
    std::string mode;  // "off", "swipe", "side"
    std::string a, b;  // "PHASE" or "PHASE/VARIANT"; empty when off
};
struct SetVariant {
    std::string phase;
    std::string variant;  // empty: as planned
};
struct SelectPin {
    std::int64_t pin = 0;  // 0: none
};
struct PinsChanged {};  // a comment or a vote was stored: read the store again
using Command =
    std::variant<SetPhase, SetLang, SetStep, SetCompare, SetVariant, SelectPin, PinsChanged>;

struct Options {
    std::string address = "127.0.0.1";  // any other than 127.0.0.1, localhost, ::1 needs a pin
    int port = 0;                       // 0: any free port (tests)
    std::optional<std::string> pin;     // 4 to 12 digits: what the page's PIN pad can enter
};

class RemoteServer {
public:
    // Listening when it returns; nullptr with `error`, a sentence naming the
    // address (in use, not local without a pin, a pin that is not 4 to 12 digits).
    static std::unique_ptr<RemoteServer> start(const Options& options,
                                               workshop::SessionStore& store, std::string& error);
    ~RemoteServer();  // stops the server and closes the event streams, promptly
    RemoteServer(const RemoteServer&) = delete;
    RemoteServer& operator=(const RemoteServer&) = delete;

    int port() const;
    // What the screen shows now; the page's event streams get it when it
    // changed, and are told when the store changed (another thread's comment).
    void publish(const ScreenState& state);
    // The commands received since the last call, in order.
    std::vector<Command> take();

private:
    struct Impl;
    explicit RemoteServer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// "--remote [ADDR:]PORT" as options: "8080", "0.0.0.0:8080", "[::1]:8080";
// nullopt when it does not parse (no port, a port out of 1 to 65535, an IPv6
// address without brackets).
std::optional<Options> parseRemoteAddress(const std::string& text);

}  // namespace friche::remote
