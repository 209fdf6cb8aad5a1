#include "remote/pin_gate.h"

#include "core/pin.h"

namespace friche::remote {
namespace {

// 128 bits: no one guesses a token while the PIN's pause holds back the PIN.
constexpr std::size_t kTokenBytes = 16;

}  // namespace

PinGate::PinGate(std::optional<std::string> pin) {
    if (pin) digest_ = core::sha256(*pin);
}

PinGate::Access PinGate::admit(std::optional<std::string_view> pin,
                               std::optional<std::string_view> token) {
    if (!digest_) return Access::Granted;
    std::lock_guard lock(mutex_);
    if (pin) return checkPin(*pin);
    if (!token) return Access::Missing;
    bool known = false;
    for (const std::string& t : tokens_) known |= core::equalInConstantTime(t, *token);
    return known ? Access::Granted : Access::Wrong;
}

PinGate::Access PinGate::login(std::string_view pin, std::string& token) {
    std::lock_guard lock(mutex_);
    const Access access = digest_ ? checkPin(pin) : Access::Granted;
    if (access != Access::Granted || !digest_) return access;
    token = core::toHex(core::randomBytes(kTokenBytes));
    tokens_.push_back(token);
    if (tokens_.size() > kMaxSessions) tokens_.pop_front();
    return access;
}

PinGate::Access PinGate::checkPin(std::string_view pin) {
    const auto now = std::chrono::steady_clock::now();
    if (failures_ >= kFreeTries && now - lastFailure_ < kPause) return Access::TooSoon;
    if (core::equalInConstantTime(core::sha256(pin), *digest_)) {
        failures_ = 0;
        return Access::Granted;
    }
    ++failures_;
    lastFailure_ = now;
    return Access::Wrong;
}

}  // namespace friche::remote
