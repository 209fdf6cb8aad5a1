// The tablet remote in-process: a server on a free port of the loopback over
// an in-memory session, asked with cpp-httplib's client as the page and curl
// would ask it. Every route, the refusals (each names its problem), the PIN,
// the event stream, and a stop that never hangs.
#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "remote/remote_server.h"

using namespace friche;
using nlohmann::json;
using remote::Command;
using remote::ScreenState;
using std::chrono::steady_clock;

namespace {

constexpr const char* kJsonType = "application/json";
constexpr const char* kPin = "2468";

ScreenState droixhe() {
    ScreenState s;
    s.phase = "industry";
    s.position = 0.5;
    s.lang = "fr";
    s.tour = "visit";
    s.step = 0;
    s.steps = {
        {"Le crassier", "Que voyez-vous ?"}, {"L'étang", ""}, {"Le quartier", "Et demain ?"}};
    s.phases = {{"industry", "Industrie", {}},
                {"pond", "L'étang", {{"garden", "Jardin"}, {"housing", "Logements"}}}};
    s.lookAt = {1.0f, 2.0f, 3.0f};
    return s;
}

remote::Options options(const std::string& address, int port, std::optional<std::string> pin) {
    remote::Options o;
    o.address = address;
    o.port = port;
    o.pin = std::move(pin);
    return o;
}

workshop::Pin makePin(const std::string& phase, const std::string& text) {
    workshop::Pin pin;
    pin.phase = phase;
    pin.text = text;
    return pin;
}

workshop::Group makeGroup(const std::string& name, int dots) {
    workshop::Group g;
    g.name = name;
    g.dots = dots;
    return g;
}

class RemoteServerTest : public ::testing::Test {
protected:
    void SetUp() override { startServer({}); }

    void startServer(const remote::Options& o) {
        server.reset();
        std::string error;
        server = remote::RemoteServer::start(o, *store, error);
        ASSERT_TRUE(server) << error;
        server->publish(droixhe());
        client = std::make_unique<httplib::Client>("127.0.0.1", server->port());
    }

    httplib::Result post(const std::string& path, const std::string& body,
                         const httplib::Headers& headers = {}) {
        return client->Post(path.c_str(), headers, body, kJsonType);
    }

    // The request was refused with `status` and a JSON error that says `says`.
    void expectRefused(const httplib::Result& r, int status, const std::string& says) {
        ASSERT_TRUE(r) << httplib::to_string(r.error());
        EXPECT_EQ(r->status, status) << r->body;
        const json body = json::parse(r->body, nullptr, false);
        ASSERT_TRUE(body.is_object() && body.contains("error")) << r->body;
        EXPECT_NE(body["error"].get<std::string>().find(says), std::string::npos)
            << "error: " << body["error"] << "\nexpected it to say: " << says;
    }

    json getJson(const std::string& path) {
        const auto r = client->Get(path.c_str());
        EXPECT_TRUE(r && r->status == 200) << (r ? r->body : httplib::to_string(r.error()));
        return r ? json::parse(r->body, nullptr, false) : json();
    }

    std::unique_ptr<workshop::SessionStore> store =
        workshop::SessionStore::inMemory({"droixhe", "scenes/droixhe.json"});
    std::unique_ptr<remote::RemoteServer> server;
    std::unique_ptr<httplib::Client> client;
};

// What an event stream received so far, read on another thread.
class EventLog {
public:
    bool receive(const char* data, std::size_t size) {
        std::lock_guard lock(mutex_);
        text_.append(data, size);
        arrived_.notify_all();
        return !stop_;
    }
    // Until `needle` has arrived `times` times.
    bool waitFor(const std::string& needle, std::chrono::milliseconds timeout, int times = 1) {
        std::unique_lock lock(mutex_);
        return arrived_.wait_for(lock, timeout, [&] {
            int found = 0;
            for (std::size_t at = text_.find(needle); at != std::string::npos;
                 at = text_.find(needle, at + 1))
                ++found;
            return found >= times;
        });
    }
    void stop() {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }

private:
    std::mutex mutex_;
    std::condition_variable arrived_;
    std::string text_;
    bool stop_ = false;
};

// A thread that holds GET /api/events open until the log is stopped or the server ends it.
std::thread openStream(int port, EventLog& log, httplib::Headers headers = {}) {
    return std::thread([port, &log, headers] {
        httplib::Client c("127.0.0.1", port);
        c.set_read_timeout(30);
        c.Get("/api/events", headers,
              [&](const char* data, std::size_t size) { return log.receive(data, size); });
    });
}

}  // namespace

TEST(RemoteAddress, ParsesPortAndAddress) {
    const auto port = remote::parseRemoteAddress("8080");
    ASSERT_TRUE(port);
    EXPECT_EQ(port->address, "127.0.0.1");
    EXPECT_EQ(port->port, 8080);
    const auto any = remote::parseRemoteAddress("0.0.0.0:8080");
    ASSERT_TRUE(any);
    EXPECT_EQ(any->address, "0.0.0.0");
    EXPECT_EQ(any->port, 8080);
    const auto v6 = remote::parseRemoteAddress("[::1]:9000");
    ASSERT_TRUE(v6);
    EXPECT_EQ(v6->address, "::1");
    EXPECT_EQ(v6->port, 9000);
    for (const char* junk : {"", "http", "80a", ":8080", "host:", "0", "65536", "-1", "::1:8080",
                             "[::1]", "[]:80", "[::1]:", "1.2.3.4:99999", "8080 "})
        EXPECT_FALSE(remote::parseRemoteAddress(junk)) << junk;
}

TEST_F(RemoteServerTest, RefusesToStartWhereItWouldBeOpenToAll) {
    std::string error;
    EXPECT_FALSE(remote::RemoteServer::start(options("0.0.0.0", 0, {}), *store, error));
    EXPECT_NE(error.find("0.0.0.0:0 without a PIN"), std::string::npos) << error;
    EXPECT_FALSE(remote::RemoteServer::start(options("127.0.0.1", 0, "12"), *store, error));
    EXPECT_NE(error.find("4 to 12 digits"), std::string::npos) << error;
    EXPECT_FALSE(
        remote::RemoteServer::start(options("127.0.0.1", server->port(), {}), *store, error));
    EXPECT_NE(error.find("cannot listen on 127.0.0.1:" + std::to_string(server->port())),
              std::string::npos)
        << error;
}

TEST_F(RemoteServerTest, StateIsTheLastPublished) {
    json state = getJson("/api/state");
    EXPECT_EQ(state["phase"], "industry");
    EXPECT_EQ(state["position"], 0.5);
    EXPECT_EQ(state["lang"], "fr");
    EXPECT_EQ(state["step"], 0);
    EXPECT_EQ(state["steps"][0]["question"], "Que voyez-vous ?");
    EXPECT_EQ(state["phases"][1]["variants"][0]["id"], "garden");
    EXPECT_EQ(state["lookAt"], json::array({1.0, 2.0, 3.0}));

    ScreenState next = droixhe();
    next.step = 2;
    next.variantShown = {{"pond", "housing"}};
    server->publish(next);
    state = getJson("/api/state");
    EXPECT_EQ(state["step"], 2);
    EXPECT_EQ(state["variantShown"]["pond"], "housing");
}

TEST_F(RemoteServerTest, ServesTheTouchPage) {
    const auto r = client->Get("/");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->get_header_value("Content-Type"), "text/html; charset=utf-8");
    EXPECT_NE(r->body.find("id=\"next\""), std::string::npos);
    EXPECT_NE(r->body.find("EventSource('/api/events')"), std::string::npos);
    // Self-contained: nothing fetched from elsewhere.
    EXPECT_EQ(r->body.find("http://"), std::string::npos);
    EXPECT_EQ(r->body.find("https://"), std::string::npos);
}

TEST_F(RemoteServerTest, ValidRequestsQueueCommandsInOrder) {
    std::string error;
    const auto pin = store->addPin(makePin("pond", "Un banc ici"), error);
    ASSERT_TRUE(pin) << error;
    const std::pair<const char*, std::string> requests[] = {
        {"/api/phase", R"({"phase": "pond"})"},
        {"/api/lang", R"({"lang": "nl"})"},
        {"/api/step", R"({"step": 2})"},
        {"/api/compare", R"({"mode": "swipe", "a": "pond/garden", "b": "pond"})"},
        {"/api/variant", R"({"phase": "pond", "variant": "housing"})"},
        {"/api/variant", R"({"phase": "pond", "variant": ""})"},
        {"/api/select", json{{"pin", *pin}}.dump()},
        {"/api/compare", R"({"mode": "off"})"},
    };
    for (const auto& [path, body] : requests) {
        const auto r = post(path, body);
        ASSERT_TRUE(r) << path;
        EXPECT_EQ(r->status, 202) << path << " " << body << ": " << r->body;
    }
    const std::vector<Command> commands = server->take();
    ASSERT_EQ(commands.size(), std::size(requests));
    EXPECT_EQ(std::get<remote::SetPhase>(commands[0]).phase, "pond");
    EXPECT_EQ(std::get<remote::SetLang>(commands[1]).lang, "nl");
    EXPECT_EQ(std::get<remote::SetStep>(commands[2]).step, 2);
    const auto& compare = std::get<remote::SetCompare>(commands[3]);
    EXPECT_EQ(compare.mode, "swipe");
    EXPECT_EQ(compare.a, "pond/garden");
    EXPECT_EQ(compare.b, "pond");
    EXPECT_EQ(std::get<remote::SetVariant>(commands[4]).variant, "housing");
    EXPECT_EQ(std::get<remote::SetVariant>(commands[5]).variant, "");
    EXPECT_EQ(std::get<remote::SelectPin>(commands[6]).pin, *pin);
    EXPECT_EQ(std::get<remote::SetCompare>(commands[7]).mode, "off");
    EXPECT_TRUE(server->take().empty());
}

TEST_F(RemoteServerTest, BadRequestsAreRefusedNamingTheProblem) {
    const struct {
        const char* path;
        std::string body;
        const char* says;
    } cases[] = {
        {"/api/phase", R"({"phase": "pond")", "malformed JSON at byte 17"},
        {"/api/phase", "", "malformed JSON at byte 1"},
        {"/api/phase", R"({"phase": 1e999})", "a number beyond a double's range"},
        {"/api/phase", std::string(100, '[') + std::string(100, ']'), "nests deeper than 64"},
        {"/api/phase", R"(["pond"])", "must be a JSON object, not an array"},
        {"/api/phase", R"({"id": "pond"})", "the body has no \"phase\""},
        {"/api/phase", R"({"phase": 3})", "\"phase\" must be a string, not a number"},
        {"/api/phase", R"({"phase": "moon"})",
         "unknown phase \"moon\" (the phases: industry, pond)"},
        {"/api/lang", R"({"lang": "es"})", "unknown language \"es\" (offered: fr, en, nl, de)"},
        {"/api/lang", R"({"lang": null})", "\"lang\" must be a string, not null"},
        {"/api/step", R"({"step": 3})",
         "step 3 is out of range: the tour \"visit\" has steps 0 to 2"},
        {"/api/step", R"({"step": -1})", "step -1 is out of range"},
        {"/api/step", R"({"step": 1.5})", "\"step\" must be a whole number, not a number"},
        {"/api/step", R"({"step": "1"})", "\"step\" must be a whole number, not a string"},
        {"/api/step", R"({"step": 18446744073709551615})", "\"step\" is too large"},
        {"/api/compare", R"({"mode": "blink"})", "\"mode\" must be \"off\", \"swipe\" or \"side\""},
        {"/api/compare", R"({"mode": "side", "a": "pond"})", "the body has no \"b\""},
        {"/api/compare", R"({"mode": "side", "a": "pond/lake", "b": "pond"})",
         "unknown variant \"lake\" of phase \"pond\" (its variants: garden, housing)"},
        {"/api/variant", R"({"phase": "industry", "variant": "garden"})",
         "unknown variant \"garden\" of phase \"industry\" (its variants: none)"},
        {"/api/select", R"({"pin": 42})", "unknown comment 42"},
        {"/api/vote", R"({"group": 7, "target": "pin:1", "delta": 1})", "unknown group 7"},
        {"/api/comments", R"({"text": "  ", "phase": "pond", "anchor": [0, 0, 0]})",
         "\"text\" is empty"},
        {"/api/comments", json{{"text", std::string(2001, 'a')}, {"phase", "pond"}}.dump(),
         "\"text\" is 2001 bytes long, at most 2000"},
        {"/api/comments", R"({"text": "ici", "phase": "moon", "anchor": [0, 0, 0]})",
         "unknown phase \"moon\""},
        {"/api/comments", R"({"text": "ici", "phase": "pond"})", "the body has no \"anchor\""},
        {"/api/comments", R"({"text": "ici", "phase": "pond", "anchor": [0, 0]})",
         "\"anchor\" must be an array of three numbers [x, y, z], not an array"},
        {"/api/comments", R"({"text": "ici", "phase": "pond", "anchor": [0, 1e300, 0]})",
         "\"anchor\"[1] must be a finite number, not 1e+300"},
        {"/api/comments", R"({"text": "ici", "phase": "pond", "anchor": [0, 0, "z"]})",
         "\"anchor\"[2] must be a finite number, not a string"},
        {"/api/comments", R"({"text": "ici", "phase": "pond", "anchor": [0, 0, 0], "group": 9})",
         "unknown group 9"},
        {"/api/login", R"({"pin": 1234})", "\"pin\" must be a string, not a number"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(std::string(c.path) + " " + c.body.substr(0, 80));
        expectRefused(post(c.path, c.body), 400, c.says);
    }
    EXPECT_TRUE(server->take().empty());
    EXPECT_TRUE(store->pins().empty());
}

TEST_F(RemoteServerTest, StepsNeedATour) {
    ScreenState state = droixhe();
    state.tour.clear();
    state.step = -1;
    state.steps.clear();
    server->publish(state);
    expectRefused(post("/api/step", R"({"step": 0})"), 400, "no tour is running");
}

TEST_F(RemoteServerTest, RefusesOversizedBodiesUnknownRoutesAndWrongMethods) {
    const std::string huge = R"({"text": ")" + std::string(70 << 10, 'a') + R"("})";
    expectRefused(post("/api/comments", huge), 413, "over 65536 bytes");
    expectRefused(client->Get("/api/nothing"), 404, "no route /api/nothing");
    expectRefused(post("/api/comments/x", "{}"), 404, "no route /api/comments/x");
    const auto r = client->Delete("/api/state");
    expectRefused(r, 405, "DELETE is not allowed on /api/state (allowed: GET)");
    EXPECT_EQ(r->get_header_value("Allow"), "GET");
    expectRefused(client->Get("/api/phase"), 405, "allowed: POST");
    expectRefused(client->Post("/api/phase", R"({"phase": "pond"})", "text/plain"), 415,
                  "application/json");
    expectRefused(client->Get("/api/state", {{"Host", "evil.example:80"}}), 403,
                  "answers only to localhost, 127.0.0.1 or [::1], not to \"evil.example:80\"");
    EXPECT_EQ(client->Get("/api/state", {{"Host", "localhost:80"}})->status, 200);
    EXPECT_EQ(client->Get("/api/state", {{"Host", "[::1]"}})->status, 200);
}

TEST_F(RemoteServerTest, CommentIsAnsweredOnceStored) {
    std::string error;
    const auto group = store->addGroup(makeGroup("Les voisins", 3), error);
    ASSERT_TRUE(group) << error;
    ScreenState state = droixhe();
    state.variantShown = {{"pond", "garden"}};
    server->publish(state);

    const auto r = post(
        "/api/comments",
        json{
            {"text", "Un banc ici"}, {"phase", "pond"}, {"anchor", {1.5, 0, -2}}, {"group", *group}}
            .dump());
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 201) << r->body;
    const std::int64_t id = json::parse(r->body).at("id");
    const auto stored = store->pin(id);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->text, "Un banc ici");
    EXPECT_EQ(stored->variant, "garden");  // the one shown
    EXPECT_EQ(stored->anchor, glm::vec3(1.5f, 0.0f, -2.0f));
    EXPECT_EQ(stored->group, *group);
    const std::vector<Command> commands = server->take();
    ASSERT_EQ(commands.size(), 1u);
    EXPECT_TRUE(std::holds_alternative<remote::PinsChanged>(commands[0]));

    const json list = getJson("/api/comments");
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0]["id"], id);
    EXPECT_EQ(list[0]["text"], "Un banc ici");
    EXPECT_EQ(list[0]["phase"], "pond");
    EXPECT_EQ(list[0]["anchor"], json::array({1.5, 0.0, -2.0}));
    EXPECT_EQ(list[0]["resolved"], false);

    const auto edited = client->Patch(("/api/comments/" + std::to_string(id)).c_str(),
                                      R"({"text": "Deux bancs"})", kJsonType);
    ASSERT_TRUE(edited);
    EXPECT_EQ(edited->status, 200) << edited->body;
    EXPECT_EQ(store->pin(id)->text, "Deux bancs");
    expectRefused(client->Patch("/api/comments/999", R"({"text": "x"})", kJsonType), 404,
                  "unknown comment 999");
}

TEST_F(RemoteServerTest, VotesGoToTheStoreUntilTheGroupHasNoDotLeft) {
    std::string error;
    const auto group = store->addGroup(makeGroup("Les voisins", 1), error);
    ASSERT_TRUE(group) << error;
    const auto vote = [&](const std::string& target, int delta) {
        return post("/api/vote",
                    json{{"group", *group}, {"target", target}, {"delta", delta}}.dump());
    };
    const auto status = [](const httplib::Result& r) { return r ? r->status : 0; };

    ASSERT_EQ(status(vote("variant:pond/garden", 1)), 200);
    EXPECT_EQ(store->dotsOnTarget(workshop::variantTarget("pond", "garden")), 1);
    const json tallies = getJson("/api/votes");
    EXPECT_EQ(tallies["groups"][0]["left"], 0);
    EXPECT_EQ(tallies["votes"][0]["target"], "variant:pond/garden");
    EXPECT_EQ(tallies["votes"][0]["dots"], 1);
    EXPECT_EQ(status(vote("variant:pond/housing", 1)), 409);  // no dot left

    EXPECT_EQ(status(vote("variant:pond/garden", -1)), 200);  // taken back
    EXPECT_EQ(store->dotsOnTarget(workshop::variantTarget("pond", "garden")), 0);
    EXPECT_EQ(status(vote("variant:pond/garden", -1)), 409);  // none there

    expectRefused(vote("variant:pond/lake", 1), 400, "unknown variant \"lake\"");
    expectRefused(vote("pin:12", 1), 400, "unknown comment 12");
    expectRefused(vote("pond", 1), 400, "\"variant:PHASE/VARIANT\" or \"pin:ID\"");
    expectRefused(vote("variant:pond/garden", 2), 400, "\"delta\" must be 1 (place a dot) or -1");
    EXPECT_EQ(server->take().size(), 2u);  // PinsChanged, for each dot stored
}

TEST_F(RemoteServerTest, PinGuardsEveryRequest) {
    startServer(options("127.0.0.1", 0, kPin));
    expectRefused(client->Get("/api/state"), 401, "needs its PIN");
    expectRefused(post("/api/lang", R"({"lang": "en"})"), 401, "needs its PIN");
    const auto page = client->Get("/");
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 401);  // the page, which shows its PIN pad
    EXPECT_NE(page->body.find("id=\"pin-pad\""), std::string::npos);

    EXPECT_EQ(client->Get("/api/state", {{"X-Friche-Pin", kPin}})->status, 200);
    expectRefused(client->Get("/api/state", {{"X-Friche-Pin", "1357"}}), 401, "wrong PIN");

    expectRefused(post("/api/login", R"({"pin": "1357"})"), 401, "wrong PIN");
    const auto login = post("/api/login", json{{"pin", kPin}}.dump());
    ASSERT_TRUE(login);
    ASSERT_EQ(login->status, 200) << login->body;
    const std::string setCookie = login->get_header_value("Set-Cookie");
    EXPECT_NE(setCookie.find("HttpOnly"), std::string::npos) << setCookie;
    EXPECT_NE(setCookie.find("SameSite=Strict"), std::string::npos) << setCookie;
    EXPECT_EQ(setCookie.find(kPin), std::string::npos) << "the cookie is not the PIN itself";
    const std::string cookie = setCookie.substr(0, setCookie.find(';'));
    EXPECT_EQ(client->Get("/api/state", {{"Cookie", "theme=dark; " + cookie}})->status, 200);
    EXPECT_EQ(post("/api/lang", R"({"lang": "en"})", {{"Cookie", cookie}})->status, 202);
    expectRefused(client->Get("/api/state", {{"Cookie", "friche_remote=0123456789abcdef"}}), 401,
                  "log in again");
}

TEST_F(RemoteServerTest, WrongPinsInARowArePaused) {
    startServer(options("0.0.0.0", 0, kPin));
    const httplib::Headers wrong{{"X-Friche-Pin", "0000"}};
    for (int i = 0; i < 5; ++i) expectRefused(client->Get("/api/state", wrong), 401, "wrong PIN");
    // Even the right PIN waits for the pause: a script cannot tell it apart.
    expectRefused(client->Get("/api/state", {{"X-Friche-Pin", kPin}}), 429, "wait a second");
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    EXPECT_EQ(client->Get("/api/state", {{"X-Friche-Pin", kPin}})->status, 200);
}

TEST_F(RemoteServerTest, EventStreamSendsTheStateThenEachChange) {
    EventLog log;
    std::thread stream = openStream(server->port(), log);
    EXPECT_TRUE(log.waitFor("\"lang\":\"fr\"", std::chrono::seconds(5)));
    EXPECT_TRUE(log.waitFor("event: state\ndata: {", std::chrono::seconds(1)));

    ScreenState next = droixhe();
    next.lang = "de";
    server->publish(next);
    EXPECT_TRUE(log.waitFor("\"lang\":\"de\"", std::chrono::seconds(5)));

    // A comment stored by anyone moves the store's revision: the page reloads them.
    std::string error;
    ASSERT_TRUE(store->addPin(makePin("pond", "ici"), error)) << error;
    ASSERT_TRUE(log.waitFor("event: store", std::chrono::seconds(1)));
    server->publish(next);
    EXPECT_TRUE(log.waitFor("event: store", std::chrono::seconds(5), 2));
    log.stop();
    next.lang = "en";  // the client stops at the next event it receives
    server->publish(next);
    stream.join();
}

TEST_F(RemoteServerTest, TooManyStreamsAreRefused) {
    std::vector<std::unique_ptr<EventLog>> logs;
    std::vector<std::thread> streams;
    for (int i = 0; i < 8; ++i) {
        logs.push_back(std::make_unique<EventLog>());
        streams.push_back(openStream(server->port(), *logs.back()));
        ASSERT_TRUE(logs.back()->waitFor("event: state", std::chrono::seconds(5)));
    }
    expectRefused(client->Get("/api/events"), 503, "too many event streams");
    server.reset();
    for (std::thread& s : streams) s.join();
}

TEST_F(RemoteServerTest, StoppingEndsOpenStreamsPromptly) {
    EventLog log;
    std::thread stream = openStream(server->port(), log);
    ASSERT_TRUE(log.waitFor("event: state", std::chrono::seconds(5)));
    const auto start = steady_clock::now();
    server.reset();
    const auto took = steady_clock::now() - start;
    // The idle keep-alive wait of cpp-httplib (2 s) is the most it may take.
    EXPECT_LT(took, std::chrono::milliseconds(2500))
        << std::chrono::duration_cast<std::chrono::milliseconds>(took).count() << " ms";
    stream.join();
}

TEST_F(RemoteServerTest, SurvivesManyClientsWhilePublishing) {
    std::string error;
    const auto group = store->addGroup(makeGroup("A", 1000), error);
    ASSERT_TRUE(group) << error;
    const std::string vote =
        json{{"group", *group}, {"target", "variant:pond/garden"}, {"delta", 1}}.dump();
    constexpr const char* kComment = R"({"text": "t", "phase": "pond", "anchor": [0, 0, 0]})";
    std::atomic<int> answered = 0, finished = 0;
    EventLog log;
    std::thread stream = openStream(server->port(), log);
    std::vector<std::thread> clients;
    for (int t = 0; t < 4; ++t)
        clients.emplace_back([&, t] {
            httplib::Client c("127.0.0.1", server->port());
            for (int i = 0; i < 40; ++i) {
                const std::string n = std::to_string(i % 3);
                const httplib::Result r = [&] {
                    switch ((t + i) % 5) {
                        case 0:
                            return c.Get("/api/state");
                        case 1:
                            return c.Post("/api/step", R"({"step": )" + n + "}", kJsonType);
                        case 2:
                            return c.Post("/api/comments", kComment, kJsonType);
                        case 3:
                            return c.Post("/api/vote", vote, kJsonType);
                        default:
                            return c.Post("/api/step", "{\"step\": [", kJsonType);
                    }
                }();
                if (r && r->status > 0) ++answered;
            }
            ++finished;
        });
    ScreenState state = droixhe();
    for (int i = 0; finished < 4; ++i) {
        state.position = i;
        server->publish(state);
        server->take();
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    for (std::thread& c : clients) c.join();
    EXPECT_EQ(answered, 160);
    EXPECT_EQ(store->pins().size(), 32u);
    log.stop();
    server.reset();
    stream.join();
}
