#include "remote/remote_server.h"

#include <httplib.h>

#include <atomic>
#include <charconv>
#include <condition_variable>
#include <functional>
#include <thread>
#include <utility>

#include "core/pin.h"
#include "remote/pin_gate.h"
#include "remote/remote_api.h"
#include "remote/remote_page.h"

namespace friche::remote {
namespace {

using api::json;
using Clock = std::chrono::steady_clock;

// A request is a few hundred bytes of JSON; 64 KiB is far above any of ours.
constexpr std::size_t kMaxBodyBytes = 64u << 10;
// Event streams open at once: a few tablets and a laptop. Each holds one of
// the server's threads for as long as it is open.
constexpr int kMaxStreams = 8;
// The streams' threads, and as many again for the API's short requests.
constexpr std::size_t kThreads = 2 * kMaxStreams;
// A stream with nothing new sends a comment this often, so a tablet that went
// away is noticed (the write fails) and its thread freed.
constexpr auto kPingInterval = std::chrono::seconds(10);
// At most ten events a second per stream: a camera flight changes the
// position every frame, and a tablet needs no more.
constexpr auto kMinEventInterval = std::chrono::milliseconds(100);
// An idle keep-alive connection holds a thread this long, and stopping the
// server waits for it (cpp-httplib 0.11 does not cut it short).
constexpr time_t kKeepAliveSeconds = 2;
constexpr time_t kReadWriteSeconds = 5;

constexpr const char* kJson = "application/json";
constexpr const char* kPinHeader = "X-Friche-Pin";
constexpr std::string_view kCookie = "friche_remote";

bool isLoopback(const std::string& address) {
    return address == "127.0.0.1" || address == "localhost" || address == "::1";
}

// Whether the Host header names the loopback: "localhost:8080", "[::1]:8080".
bool loopbackHost(std::string_view host) {
    if (!host.starts_with('[')) return isLoopback(std::string(host.substr(0, host.find(':'))));
    const std::size_t close = host.find(']');
    return close != std::string_view::npos && isLoopback(std::string(host.substr(1, close - 1)));
}

std::optional<std::string_view> header(const httplib::Request& req, const char* name) {
    // The value lives in req.headers, which outlives the view.
    const auto it = req.headers.find(name);
    if (it == req.headers.end()) return std::nullopt;
    return std::string_view(it->second);
}

// The value of cookie `name` in the request's Cookie header ("a=1; b=2").
std::optional<std::string_view> cookie(const httplib::Request& req, std::string_view name) {
    const auto cookies = header(req, "Cookie");
    if (!cookies) return std::nullopt;
    for (std::size_t start = 0; start < cookies->size();) {
        std::size_t end = cookies->find(';', start);
        if (end == std::string_view::npos) end = cookies->size();
        std::string_view pair = cookies->substr(start, end - start);
        pair.remove_prefix(std::min(pair.find_first_not_of(' '), pair.size()));
        if (pair.starts_with(name) && pair.substr(name.size()).starts_with('='))
            return pair.substr(name.size() + 1);
        start = end + 1;
    }
    return std::nullopt;
}

std::string inQuotes(std::string_view text) {
    return "\"" + std::string(text) + "\"";
}

void answer(httplib::Response& res, int status, const std::string& body) {
    res.status = status;
    res.set_content(body, kJson);
}

void fail(httplib::Response& res, int status, const std::string& message) {
    answer(res, status, api::errorJson(message));
}

std::string dump(const json& value) {
    return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

// "/api/comments/:id" matches "/api/comments/12" with `id` 12.
bool matches(std::string_view pattern, std::string_view path, std::int64_t& id) {
    constexpr std::string_view kId = ":id";
    if (!pattern.ends_with(kId)) return pattern == path;
    pattern.remove_suffix(kId.size());
    if (!path.starts_with(pattern)) return false;
    const std::string_view digits = path.substr(pattern.size());
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
    return ec == std::errc() && end == digits.data() + digits.size() && id > 0;
}

}  // namespace

struct RemoteServer::Impl {
    struct Call {
        const httplib::Request& req;
        httplib::Response& res;
        std::int64_t id = 0;  // of a route on one comment
    };
    using Handler = std::function<void(Impl&, Call&)>;
    struct Route {
        const char* method;
        const char* path;
        bool open;  // served without the PIN (the page shows its PIN pad; the login)
        Handler handle;
    };
    using StateCheck = std::optional<Command> (*)(const json&, const ScreenState&, std::string&);
    // The revisions a stream has sent (0: none yet), and when.
    struct Sent {
        std::uint64_t state = 0, store = 0;
        Clock::time_point at;
    };

    Impl(workshop::SessionStore& s, std::optional<std::string> pin) : store(s), gate(pin) {}
    ~Impl();

    void setUp();
    void dispatch(const httplib::Request& req, httplib::Response& res);
    std::optional<json> body(Call& c);
    ScreenState screen();
    void queue(Command command);
    // Tells the streams when the store's revision moved (this server's
    // comments and votes, or the viewer's).
    void noticeStore();
    // A comment or a vote is in the store: the viewer and the streams are told.
    void stored();
    bool stream(Sent& sent, httplib::DataSink& sink);

    // Handlers
    void page(Call& c);
    void login(Call& c);
    void events(Call& c);
    void command(Call& c,
                 const std::function<std::optional<Command>(const json&, std::string&)>& check);
    // A route whose body, checked against the state last published, is a command.
    static Handler commandOn(StateCheck check);
    void vote(Call& c);
    void comments(Call& c);
    void addComment(Call& c);
    void editComment(Call& c);

    static const std::vector<Route> kRoutes;

    workshop::SessionStore& store;
    PinGate gate;
    httplib::Server server;
    std::thread thread;
    int port = 0;
    std::atomic<int> streams{0};

    std::mutex mutex;  // guards what follows
    std::condition_variable changed;
    bool stopping = false;
    ScreenState state;
    std::string stateJson = dump(api::stateJson(state));
    std::uint64_t stateRevision = 1;
    std::uint64_t storeRevision = 1;
    std::uint64_t storeSeen = 0;  // store.revision() when last noticed
    std::vector<Command> commands;
};

const std::vector<RemoteServer::Impl::Route> RemoteServer::Impl::kRoutes = {
    {"GET", "/", true, &Impl::page},
    {"POST", "/api/login", true, &Impl::login},
    {"GET", "/api/state", false,
     [](Impl& s, Call& c) {
         std::lock_guard lock(s.mutex);
         answer(c.res, 200, s.stateJson);
     }},
    {"GET", "/api/events", false, &Impl::events},
    {"POST", "/api/phase", false, commandOn(api::checkPhase)},
    {"POST", "/api/lang", false, commandOn(api::checkLang)},
    {"POST", "/api/step", false, commandOn(api::checkStep)},
    {"POST", "/api/compare", false, commandOn(api::checkCompare)},
    {"POST", "/api/variant", false, commandOn(api::checkVariant)},
    {"POST", "/api/select", false,
     [](Impl& s, Call& c) {
         s.command(c,
                   [&](const json& b, std::string& e) { return api::checkSelect(b, s.store, e); });
     }},
    {"GET", "/api/votes", false,
     [](Impl& s, Call& c) { answer(c.res, 200, dump(api::votesJson(s.store))); }},
    {"POST", "/api/vote", false, &Impl::vote},
    {"GET", "/api/comments", false, &Impl::comments},
    {"POST", "/api/comments", false, &Impl::addComment},
    {"PATCH", "/api/comments/:id", false, &Impl::editComment},
};

void RemoteServer::Impl::setUp() {
    server.new_task_queue = [] { return new httplib::ThreadPool(kThreads); };
    server.set_payload_max_length(kMaxBodyBytes);
    server.set_keep_alive_timeout(kKeepAliveSeconds);
    server.set_read_timeout(kReadWriteSeconds);
    server.set_write_timeout(kReadWriteSeconds);
    // cpp-httplib's default adds SO_REUSEPORT, with which a second friche
    // would share the port instead of being told it is in use. SO_REUSEADDR
    // alone lets a restarted friche listen again at once.
    server.set_socket_options([](socket_t sock) {
        const int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    server.set_default_headers(
        {{"Cache-Control", "no-store"}, {"X-Content-Type-Options", "nosniff"}});
    // Every method on every path goes through one table, so that an unknown
    // path is told apart from a known one asked with the wrong method.
    const auto handler = [this](const httplib::Request& req, httplib::Response& res) {
        dispatch(req, res);
    };
    server.Get(".*", handler).Post(".*", handler).Put(".*", handler);
    server.Patch(".*", handler).Delete(".*", handler).Options(".*", handler);
    // cpp-httplib's own refusals (a body over the limit, a request it cannot
    // parse) come with no body: give them a JSON one like ours.
    server.set_error_handler(
        httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
            if (!res.body.empty() || res.is_chunked_content_provider_)
                return httplib::Server::HandlerResponse::Unhandled;
            fail(res, res.status,
                 res.status == 413
                     ? "the request body is over " + std::to_string(kMaxBodyBytes) + " bytes"
                     : "the request could not be read (HTTP " + std::to_string(res.status) + ")");
            return httplib::Server::HandlerResponse::Handled;
        }));
    server.set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
            std::string why = "an unknown exception";
            try {
                std::rethrow_exception(ep);
            } catch (const std::exception& e) {
                why = e.what();
            } catch (...) {
            }
            fail(res, 500, "the remote failed on this request: " + why);
        });
}

void RemoteServer::Impl::dispatch(const httplib::Request& req, httplib::Response& res) {
    Call call{req, res};
    const Route* route = nullptr;
    std::string allowed;
    for (const Route& r : kRoutes) {
        std::int64_t id = 0;
        if (!matches(r.path, req.path, id)) continue;
        allowed += (allowed.empty() ? "" : ", ") + std::string(r.method);
        if (req.method == r.method || (req.method == "HEAD" && r.method == std::string("GET"))) {
            route = &r;
            call.id = id;
        }
    }
    if (allowed.empty())
        return fail(res, 404, "no route " + req.path + " (the API: docs/remote.md)");
    if (!route) {
        res.set_header("Allow", allowed);
        return fail(res, 405,
                    req.method + " is not allowed on " + req.path + " (allowed: " + allowed + ")");
    }
    const std::string host = req.get_header_value("Host");
    if (gate.open() && !loopbackHost(host))
        // A page elsewhere whose name was made to resolve to 127.0.0.1 (DNS
        // rebinding) would be same-origin with us: without a PIN, only the
        // loopback's own names are answered.
        return fail(res, 403,
                    "this remote has no PIN and answers only to localhost, 127.0.0.1 "
                    "or [::1], not to " +
                        inQuotes(host));
    if (!route->open) {
        switch (gate.admit(header(req, kPinHeader), cookie(req, kCookie))) {
            case PinGate::Access::Granted:
                break;
            case PinGate::Access::Missing:
                return fail(res, 401,
                            "this remote needs its PIN: send the header X-Friche-Pin, or log in "
                            "with POST /api/login");
            case PinGate::Access::Wrong:
                return fail(res, 401, "wrong PIN, or a session that has ended: log in again");
            case PinGate::Access::TooSoon:
                return fail(res, 429, "too many wrong PINs: wait a second before the next");
        }
    }
    if ((req.method == "POST" || req.method == "PATCH") &&
        !req.get_header_value("Content-Type").starts_with(kJson))
        // A page elsewhere can post plain text to the loopback without asking;
        // JSON needs the browser to ask first, which this server never allows.
        return fail(res, 415, "send the body as Content-Type: application/json");
    route->handle(*this, call);
}

std::optional<json> RemoteServer::Impl::body(Call& c) {
    std::string error;
    auto parsed = api::parseBody(c.req.body, error);
    if (!parsed) fail(c.res, 400, error);
    return parsed;
}

ScreenState RemoteServer::Impl::screen() {
    std::lock_guard lock(mutex);
    return state;
}

void RemoteServer::Impl::queue(Command command) {
    std::lock_guard lock(mutex);
    commands.push_back(std::move(command));
}

void RemoteServer::Impl::noticeStore() {
    const std::uint64_t revision = store.revision();
    {
        std::lock_guard lock(mutex);
        if (revision == storeSeen) return;
        storeSeen = revision;
        ++storeRevision;
    }
    changed.notify_all();
}

void RemoteServer::Impl::stored() {
    queue(PinsChanged{});
    noticeStore();
}

void RemoteServer::Impl::page(Call& c) {
    // Without the PIN the same page comes with 401: it shows its PIN pad.
    const bool admitted =
        gate.admit(header(c.req, kPinHeader), cookie(c.req, kCookie)) == PinGate::Access::Granted;
    c.res.status = admitted ? 200 : 401;
    // Everything is inline; a comment's text can never run as script.
    c.res.set_header("Content-Security-Policy",
                     "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
                     "connect-src 'self'; img-src data:");
    c.res.set_content(kRemotePage.data(), kRemotePage.size(), "text/html; charset=utf-8");
}

void RemoteServer::Impl::login(Call& c) {
    const auto b = body(c);
    if (!b) return;
    std::string error, token;
    const auto pin = api::checkLogin(*b, error);
    if (!pin) return fail(c.res, 400, error);
    switch (gate.login(*pin, token)) {
        case PinGate::Access::Granted:
            if (!token.empty())
                c.res.set_header("Set-Cookie", std::string(kCookie) + "=" + token +
                                                   "; Path=/; HttpOnly; SameSite=Strict");
            return answer(c.res, 200, R"({"ok":true})");
        case PinGate::Access::TooSoon:
            return fail(c.res, 429, "too many wrong PINs: wait a second before the next");
        default:
            return fail(c.res, 401, "wrong PIN");
    }
}

void RemoteServer::Impl::events(Call& c) {
    if (streams.fetch_add(1) >= kMaxStreams) {
        streams.fetch_sub(1);
        return fail(c.res, 503,
                    "too many event streams are open (at most " + std::to_string(kMaxStreams) +
                        "): close a page of the remote elsewhere");
    }
    c.res.set_chunked_content_provider(
        "text/event-stream",
        [this, sent = Sent{}](std::size_t, httplib::DataSink& sink) mutable {
            return stream(sent, sink);
        },
        [this](bool) { streams.fetch_sub(1); });
}

// One call sends what changed since the last (the state at once on the first
// call), or a ping after kPingInterval of nothing; false ends the stream.
bool RemoteServer::Impl::stream(Sent& sent, httplib::DataSink& sink) {
    std::string message;
    {
        std::unique_lock lock(mutex);
        changed.wait_until(lock, sent.at + kMinEventInterval, [&] { return stopping; });
        changed.wait_for(lock, kPingInterval, [&] {
            return stopping || sent.state != stateRevision || sent.store != storeRevision;
        });
        if (stopping) return false;
        if (sent.state != stateRevision) message += "event: state\ndata: " + stateJson + "\n\n";
        if (sent.store != storeRevision)
            message += "event: store\ndata: " + std::to_string(storeRevision) + "\n\n";
        sent.state = stateRevision;
        sent.store = storeRevision;
    }
    sent.at = Clock::now();
    if (message.empty()) message = ": ping\n\n";
    return sink.write(message.data(), message.size());
}

RemoteServer::Impl::Handler RemoteServer::Impl::commandOn(StateCheck check) {
    return [check](Impl& s, Call& c) {
        s.command(c, [&](const json& b, std::string& e) { return check(b, s.screen(), e); });
    };
}

void RemoteServer::Impl::command(
    Call& c, const std::function<std::optional<Command>(const json&, std::string&)>& check) {
    const auto b = body(c);
    if (!b) return;
    std::string error;
    auto checked = check(*b, error);
    if (!checked) return fail(c.res, 400, error);
    queue(std::move(*checked));
    // Accepted: the viewer carries it out on its next frame, and the state shows it.
    answer(c.res, 202, R"({"ok":true})");
}

void RemoteServer::Impl::vote(Call& c) {
    const auto b = body(c);
    if (!b) return;
    std::string error;
    const auto v = api::checkVote(*b, screen(), store, error);
    if (!v) return fail(c.res, 400, error);
    if (!store.vote(v->group, v->target, v->delta, error)) return fail(c.res, 409, error);
    stored();
    answer(c.res, 200, dump(api::votesJson(store)));
}

void RemoteServer::Impl::comments(Call& c) {
    json list = json::array();
    for (const workshop::Pin& pin : store.pins()) list.push_back(api::pinJson(pin));
    answer(c.res, 200, dump(list));
}

void RemoteServer::Impl::addComment(Call& c) {
    const auto b = body(c);
    if (!b) return;
    std::string error;
    const auto pin = api::checkComment(*b, screen(), store, error);
    if (!pin) return fail(c.res, 400, error);
    const auto id = store.addPin(*pin, error);
    if (!id) return fail(c.res, 500, "the comment was not stored: " + error);
    stored();
    answer(c.res, 201, dump({{"id", *id}}));
}

void RemoteServer::Impl::editComment(Call& c) {
    const auto b = body(c);
    if (!b) return;
    std::string error;
    const auto text = api::checkCommentText(*b, error);
    if (!text) return fail(c.res, 400, error);
    auto pin = store.pin(c.id);
    if (!pin) return fail(c.res, 404, "unknown comment " + std::to_string(c.id));
    pin->text = *text;
    if (!store.updatePin(*pin, error))
        return fail(c.res, 500, "the comment was not stored: " + error);
    stored();
    answer(c.res, 200, dump(api::pinJson(*pin)));
}

RemoteServer::Impl::~Impl() {
    {
        std::lock_guard lock(mutex);
        stopping = true;
    }
    changed.notify_all();  // the event streams end
    server.stop();
    if (thread.joinable()) thread.join();
}

std::unique_ptr<RemoteServer> RemoteServer::start(const Options& options,
                                                  workshop::SessionStore& store,
                                                  std::string& error) {
    const std::string where = options.address + ":" + std::to_string(options.port);
    if (options.pin && !core::validPin(*options.pin)) {
        error = "the remote's PIN must be 4 to 12 digits (what the tablet's PIN pad can enter)";
        return nullptr;
    }
    if (!options.pin && !isLoopback(options.address)) {
        error = "the remote would listen on " + where +
                " without a PIN: give one (--remote-pin), or listen on 127.0.0.1, localhost "
                "or ::1 only";
        return nullptr;
    }
    auto impl = std::make_unique<Impl>(store, options.pin);
    impl->setUp();
    impl->port =
        options.port == 0
            ? impl->server.bind_to_any_port(options.address)
            : (impl->server.bind_to_port(options.address, options.port) ? options.port : -1);
    if (impl->port <= 0) {
        error = "the remote cannot listen on " + where +
                " (the port is in use, or the address is not one of this computer's)";
        return nullptr;
    }
    impl->thread = std::thread([server = &impl->server] { server->listen_after_bind(); });
    // stop() does nothing before the loop runs: wait for it, so that the
    // destructor never waits on a loop that starts after it.
    while (!impl->server.is_running()) std::this_thread::yield();
    impl->noticeStore();
    return std::unique_ptr<RemoteServer>(new RemoteServer(std::move(impl)));
}

RemoteServer::RemoteServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
RemoteServer::~RemoteServer() = default;

int RemoteServer::port() const {
    return impl_->port;
}

void RemoteServer::publish(const ScreenState& state) {
    impl_->noticeStore();
    {
        std::lock_guard lock(impl_->mutex);
        if (state == impl_->state) return;
        impl_->state = state;
        impl_->stateJson = dump(api::stateJson(state));
        ++impl_->stateRevision;
    }
    impl_->changed.notify_all();
}

std::vector<Command> RemoteServer::take() {
    std::lock_guard lock(impl_->mutex);
    return std::exchange(impl_->commands, {});
}

std::optional<Options> parseRemoteAddress(const std::string& text) {
    Options options;
    std::string port = text;
    if (text.starts_with('[')) {
        // "[::1]:8080": an IPv6 address, in brackets because it holds colons.
        const std::size_t close = text.find("]:");
        if (close == std::string::npos || close == 1) return std::nullopt;
        options.address = text.substr(1, close - 1);
        port = text.substr(close + 2);
    } else if (const std::size_t colon = text.rfind(':'); colon != std::string::npos) {
        options.address = text.substr(0, colon);
        port = text.substr(colon + 1);
        if (options.address.empty() || options.address.find(':') != std::string::npos)
            return std::nullopt;
    }
    const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), options.port);
    if (ec != std::errc() || end != port.data() + port.size() || options.port < 1 ||
        options.port > 65535)
        return std::nullopt;
    return options;
}

}  // namespace friche::remote
