// SHA-256 (FIPS 180-4), HMAC-SHA256 (RFC 2104) and PBKDF2-HMAC-SHA256
// (RFC 8018), for the kiosk operator's PIN; not for bulk data.
//
//   Sha256Digest d = sha256("abc");
//   std::string text = toHex(d);
//   auto key = pbkdf2Sha256("password", salt, 4096, 32);
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace friche::core {

// A read-only run of bytes that text, vectors and digests convert to
// (C++17 has no std::span).
struct ByteView {
    const std::uint8_t* data = nullptr;
    std::size_t size = 0;

    ByteView() = default;
    ByteView(const std::uint8_t* d, std::size_t n) : data(d), size(n) {}
    ByteView(std::string_view s)
        : data(reinterpret_cast<const std::uint8_t*>(s.data())), size(s.size()) {}
    ByteView(const char* s) : ByteView(std::string_view(s)) {}
    ByteView(const std::string& s) : ByteView(std::string_view(s)) {}
    ByteView(const std::vector<std::uint8_t>& v) : data(v.data()), size(v.size()) {}
    template <std::size_t N>
    ByteView(const std::array<std::uint8_t, N>& a) : data(a.data()), size(N) {}
};

using Sha256Digest = std::array<std::uint8_t, 32>;

// Incremental hashing: update() any number of times, then finish() once.
class Sha256 {
public:
    static constexpr std::size_t kBlockBytes = 64;

    Sha256();
    void update(ByteView bytes);
    Sha256Digest finish();

private:
    void compress(const std::uint8_t* block);

    std::array<std::uint32_t, 8> state_;
    std::array<std::uint8_t, kBlockBytes> buffer_{};
    std::size_t buffered_ = 0;
    std::uint64_t totalBytes_ = 0;
};

Sha256Digest sha256(ByteView message);

Sha256Digest hmacSha256(ByteView key, ByteView message);

// The derived key of `length` bytes; iterations must be at least 1.
std::vector<std::uint8_t> pbkdf2Sha256(ByteView password, ByteView salt, std::uint32_t iterations,
                                       std::size_t length);

// Lower-case hex, two digits a byte.
std::string toHex(ByteView bytes);

// The bytes of an even-length run of hex digits (either case), or nullopt.
std::optional<std::vector<std::uint8_t>> fromHex(std::string_view hex);

// Whether `a` and `b` hold the same bytes, for secrets: every byte is compared
// whatever the first difference, so the time taken says nothing about how much
// of a guess was right (only the lengths may differ faster).
bool equalInConstantTime(ByteView a, ByteView b);

}  // namespace friche::core
