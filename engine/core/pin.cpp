#include "core/pin.h"

#include <algorithm>
#include <fstream>
#include <random>

#include "core/sha256.h"

namespace friche::core {
namespace {

constexpr std::string_view kScheme = "pbkdf2-sha256";
// RFC 8018 §4.1 asks for a salt of at least 64 bits.
constexpr std::size_t kMinSaltBytes = 8;
constexpr std::size_t kMaxSaltBytes = 64;

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

// Splits "a$b$c" into its fields.
std::vector<std::string_view> splitFields(std::string_view text) {
    std::vector<std::string_view> fields;
    for (std::size_t start = 0;;) {
        const std::size_t end = text.find('$', start);
        fields.push_back(text.substr(start, end - start));
        if (end == std::string_view::npos) return fields;
        start = end + 1;
    }
}

std::optional<std::uint32_t> parseIterations(std::string_view text) {
    if (text.empty() || text.size() > 8) return std::nullopt;  // 10^7 has 8 digits
    std::uint32_t value = 0;
    for (char c : text) {
        if (!isDigit(c)) return std::nullopt;
        value = value * 10 + static_cast<std::uint32_t>(c - '0');
    }
    return value;
}

}  // namespace

bool validPin(std::string_view pin) {
    return pin.size() >= 4 && pin.size() <= 12 && std::all_of(pin.begin(), pin.end(), isDigit);
}

std::vector<std::uint8_t> randomBytes(std::size_t count) {
    std::vector<std::uint8_t> bytes(count);
    std::ifstream urandom("/dev/urandom", std::ios::binary);
    if (urandom.read(reinterpret_cast<char*>(bytes.data()),
                     static_cast<std::streamsize>(bytes.size())))
        return bytes;
    std::random_device device;
    for (std::uint8_t& b : bytes) b = static_cast<std::uint8_t>(device());
    return bytes;
}

std::vector<std::uint8_t> randomSalt() {
    return randomBytes(kPinSaltBytes);
}

PinHash hashPin(std::string_view pin, std::vector<std::uint8_t> salt, std::uint32_t iterations) {
    PinHash result;
    result.iterations = iterations;
    result.hash = pbkdf2Sha256(pin, salt, iterations, kPinHashBytes);
    result.salt = std::move(salt);
    return result;
}

std::string formatPinHash(const PinHash& pinHash) {
    return std::string(kScheme) + "$" + std::to_string(pinHash.iterations) + "$" +
           toHex(pinHash.salt) + "$" + toHex(pinHash.hash);
}

std::optional<PinHash> parsePinHash(std::string_view text, std::string& error) {
    const std::vector<std::string_view> fields = splitFields(text);
    if (fields.size() != 4) {
        error = "a PIN hash has four fields separated by '$': " + std::string(kScheme) +
                "$ITERATIONS$SALT_HEX$HASH_HEX";
        return std::nullopt;
    }
    if (fields[0] != kScheme) {
        error = "the PIN hash scheme is '" + std::string(fields[0]) + "', expected '" +
                std::string(kScheme) + "'";
        return std::nullopt;
    }
    const std::optional<std::uint32_t> iterations = parseIterations(fields[1]);
    if (!iterations || *iterations < 1 || *iterations > kMaxPinIterations) {
        error = "the PIN hash iteration count '" + std::string(fields[1]) +
                "' is not a whole number from 1 to " + std::to_string(kMaxPinIterations);
        return std::nullopt;
    }
    std::optional<std::vector<std::uint8_t>> salt = fromHex(fields[2]);
    if (!salt) {
        error = "the PIN hash salt is not hexadecimal";
        return std::nullopt;
    }
    if (salt->size() < kMinSaltBytes || salt->size() > kMaxSaltBytes) {
        error = "the PIN hash salt is " + std::to_string(salt->size()) + " bytes, expected " +
                std::to_string(kMinSaltBytes) + " to " + std::to_string(kMaxSaltBytes);
        return std::nullopt;
    }
    std::optional<std::vector<std::uint8_t>> hash = fromHex(fields[3]);
    if (!hash) {
        error = "the PIN hash's hash is not hexadecimal";
        return std::nullopt;
    }
    if (hash->size() != kPinHashBytes) {
        error = "the PIN hash's hash is " + std::to_string(hash->size()) + " bytes, expected " +
                std::to_string(kPinHashBytes);
        return std::nullopt;
    }
    return PinHash{*iterations, std::move(*salt), std::move(*hash)};
}

bool verifyPin(std::string_view pin, const PinHash& pinHash) {
    const std::vector<std::uint8_t> candidate =
        pbkdf2Sha256(pin, pinHash.salt, pinHash.iterations, kPinHashBytes);
    return equalInConstantTime(candidate, pinHash.hash);
}

}  // namespace friche::core
