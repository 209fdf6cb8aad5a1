// The kiosk operator's PIN, kept in the kiosk config only as a salted hash:
//
//   "pin": "pbkdf2-sha256$60000$<salt hex>$<hash hex>"
//
// `friche kiosk-pin` makes the line with hashPin(pin, randomSalt()) and
// formatPinHash(); the kiosk reads it with parsePinHash() and checks what the
// operator types with verifyPin().
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace friche::core {

// New hashes take about 50 ms on a 2020s PC (measured: 40-50 ms on a shared
// x86-64 core): nothing for an operator who unlocks the kiosk now and then,
// slow for anyone who tries every PIN from a copy of the config.
inline constexpr std::uint32_t kPinIterations = 60000;
// Parsing refuses more than this, so a hand-edited config cannot freeze the
// kiosk for minutes at each unlock.
inline constexpr std::uint32_t kMaxPinIterations = 10000000;
inline constexpr std::size_t kPinSaltBytes = 16;
inline constexpr std::size_t kPinHashBytes = 32;

struct PinHash {
    std::uint32_t iterations = kPinIterations;
    std::vector<std::uint8_t> salt;
    std::vector<std::uint8_t> hash;  // PBKDF2-HMAC-SHA256 of the PIN, kPinHashBytes long
};

// 4 to 12 digits, nothing else: what a touch-screen keypad can enter.
bool validPin(std::string_view pin);

// `count` bytes from /dev/urandom, or from std::random_device where that
// cannot be read: salts, and the tablet remote's session tokens.
std::vector<std::uint8_t> randomBytes(std::size_t count);
// kPinSaltBytes of randomBytes.
std::vector<std::uint8_t> randomSalt();

PinHash hashPin(std::string_view pin, std::vector<std::uint8_t> salt,
                std::uint32_t iterations = kPinIterations);

// "pbkdf2-sha256$ITERATIONS$SALT_HEX$HASH_HEX"
std::string formatPinHash(const PinHash& pinHash);

// The hash in a config line, or nullopt with `error` set to a sentence saying
// what is wrong with it.
std::optional<PinHash> parsePinHash(std::string_view text, std::string& error);

// Whether `pin` hashes to `pinHash`; the comparison takes the same time
// wherever the hashes differ.
bool verifyPin(std::string_view pin, const PinHash& pinHash);

}  // namespace friche::core
