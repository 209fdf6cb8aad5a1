// Who may use the tablet remote. Without a PIN, anyone who reaches the server
// (which then listens on the loopback only). With one, a request carries it
// (header X-Friche-Pin) or a session token that a login with it gave (the
// page's cookie: a random token, so the PIN itself is never stored in the
// browser). Secrets are compared in constant time; after kFreeTries wrong
// PINs in a row, a PIN is checked at most once a second. Thread-safe.
//
//   PinGate gate(options.pin);
//   switch (gate.admit(headerPin, cookieToken)) { case PinGate::Access::Granted: ... }
//   std::string token;
//   if (gate.login(typedPin, token) == PinGate::Access::Granted) setCookie(token);
#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "core/sha256.h"

namespace friche::remote {

class PinGate {
public:
    // Wrong PINs in a row before the next needs a pause: a mistyped PIN or two
    // costs nothing, a script trying all 10,000 four-digit PINs takes hours.
    static constexpr int kFreeTries = 5;
    static constexpr std::chrono::seconds kPause{1};
    // Tablets logged in at once; the oldest session ends beyond it.
    static constexpr std::size_t kMaxSessions = 32;

    enum class Access {
        Granted,
        Missing,  // neither a PIN nor a session token
        Wrong,    // a wrong PIN, or a token no login gave
        TooSoon,  // a PIN tried within kPause of the last wrong one
    };

    explicit PinGate(std::optional<std::string> pin);
    bool open() const { return !digest_; }

    Access admit(std::optional<std::string_view> pin, std::optional<std::string_view> token);
    // Granted with a new session token in `token` when `pin` is right.
    Access login(std::string_view pin, std::string& token);

private:
    Access checkPin(std::string_view pin);  // mutex_ held

    std::optional<core::Sha256Digest> digest_;  // of the PIN: compared whatever its length
    std::mutex mutex_;
    std::deque<std::string> tokens_;
    int failures_ = 0;
    std::chrono::steady_clock::time_point lastFailure_;
};

}  // namespace friche::remote
