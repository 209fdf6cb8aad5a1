#include "core/sha256.h"

#include <algorithm>
#include <cstring>

namespace friche::core {
namespace {

// FIPS 180-4 §4.2.2: the first 32 bits of the fractional parts of the cube
// roots of the first 64 primes.
constexpr std::array<std::uint32_t, 64> kRound = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

// FIPS 180-4 §5.3.3: the first 32 bits of the fractional parts of the square
// roots of the first 8 primes.
constexpr std::array<std::uint32_t, 8> kInitial = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};

constexpr std::uint32_t rotr(std::uint32_t x, int n) {
    return (x >> n) | (x << (32 - n));
}

std::uint32_t loadBigEndian(const std::uint8_t* p) {
    return std::uint32_t{p[0]} << 24 | std::uint32_t{p[1]} << 16 | std::uint32_t{p[2]} << 8 |
           std::uint32_t{p[3]};
}

void storeBigEndian(std::uint32_t v, std::uint8_t* p) {
    for (int i = 0; i < 4; ++i) p[i] = static_cast<std::uint8_t>(v >> (24 - 8 * i));
}

// HMAC with the key absorbed once: the inner and outer hashes start from
// copies of these states, which halves the work of PBKDF2's many rounds.
class Hmac {
public:
    explicit Hmac(ByteView key) {
        std::array<std::uint8_t, Sha256::kBlockBytes> block{};
        if (key.size > block.size()) {
            const Sha256Digest hashed = sha256(key);
            std::copy(hashed.begin(), hashed.end(), block.begin());
        } else if (key.size > 0) {
            std::memcpy(block.data(), key.data, key.size);
        }
        for (std::uint8_t& b : block) b ^= 0x36;  // ipad
        inner_.update(block);
        for (std::uint8_t& b : block) b ^= 0x36 ^ 0x5c;  // undo ipad, apply opad
        outer_.update(block);
    }

    // The MAC of `first` followed by `second`.
    Sha256Digest mac(ByteView first, ByteView second = {}) const {
        Sha256 inner = inner_;
        inner.update(first);
        inner.update(second);
        Sha256 outer = outer_;
        outer.update(inner.finish());
        return outer.finish();
    }

private:
    Sha256 inner_;
    Sha256 outer_;
};

}  // namespace

Sha256::Sha256() : state_(kInitial) {}

void Sha256::update(ByteView bytes) {
    // An empty view may have no data at all: memcpy must not see its null pointer.
    if (bytes.size == 0) return;
    totalBytes_ += bytes.size;
    const std::uint8_t* p = bytes.data;
    std::size_t left = bytes.size;
    if (buffered_ > 0) {
        const std::size_t take = std::min(left, kBlockBytes - buffered_);
        std::memcpy(buffer_.data() + buffered_, p, take);
        buffered_ += take;
        p += take;
        left -= take;
        if (buffered_ < kBlockBytes) return;
        compress(buffer_.data());
        buffered_ = 0;
    }
    for (; left >= kBlockBytes; p += kBlockBytes, left -= kBlockBytes) compress(p);
    if (left > 0) std::memcpy(buffer_.data(), p, left);
    buffered_ = left;
}

Sha256Digest Sha256::finish() {
    // §5.1.1: a 1 bit, zeros up to 56 bytes into the last block, then the
    // message length in bits as a 64-bit big-endian number.
    const std::uint64_t bits = totalBytes_ * 8;
    const std::uint8_t one = 0x80;
    update(ByteView(&one, 1));
    const std::array<std::uint8_t, kBlockBytes> zeros{};
    update(ByteView(zeros.data(), (kBlockBytes + 56 - buffered_) % kBlockBytes));
    std::array<std::uint8_t, 8> length;
    for (int i = 0; i < 8; ++i) length[i] = static_cast<std::uint8_t>(bits >> (56 - 8 * i));
    update(length);

    Sha256Digest digest;
    for (int i = 0; i < 8; ++i) storeBigEndian(state_[i], digest.data() + 4 * i);
    return digest;
}

void Sha256::compress(const std::uint8_t* block) {
    // §6.2.2: the message schedule, then 64 rounds.
    std::array<std::uint32_t, 64> w;
    for (int t = 0; t < 16; ++t) w[t] = loadBigEndian(block + 4 * t);
    for (int t = 16; t < 64; ++t) {
        const std::uint32_t s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3);
        const std::uint32_t s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10);
        w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    std::uint32_t a = state_[0], b = state_[1], c = state_[2], d = state_[3];
    std::uint32_t e = state_[4], f = state_[5], g = state_[6], h = state_[7];
    for (int t = 0; t < 64; ++t) {
        const std::uint32_t sum1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
        const std::uint32_t choose = (e & f) ^ (~e & g);
        const std::uint32_t t1 = h + sum1 + choose + kRound[t] + w[t];
        const std::uint32_t sum0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
        const std::uint32_t majority = (a & b) ^ (a & c) ^ (b & c);
        const std::uint32_t t2 = sum0 + majority;
        h = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    state_[0] += a;
    state_[1] += b;
    state_[2] += c;
    state_[3] += d;
    state_[4] += e;
    state_[5] += f;
    state_[6] += g;
    state_[7] += h;
}

Sha256Digest sha256(ByteView message) {
    Sha256 hash;
    hash.update(message);
    return hash.finish();
}

Sha256Digest hmacSha256(ByteView key, ByteView message) {
    return Hmac(key).mac(message);
}

std::vector<std::uint8_t> pbkdf2Sha256(ByteView password, ByteView salt, std::uint32_t iterations,
                                       std::size_t length) {
    // RFC 8018 §5.2: block i is U1 ^ U2 ^ ... ^ Uc, where U1 = PRF(P, S || INT(i))
    // and Uj = PRF(P, Uj-1).
    const Hmac prf(password);
    std::vector<std::uint8_t> key;
    key.reserve(length);
    for (std::uint32_t block = 1; key.size() < length; ++block) {
        std::array<std::uint8_t, 4> index;
        storeBigEndian(block, index.data());
        Sha256Digest u = prf.mac(salt, index);
        Sha256Digest t = u;
        for (std::uint32_t j = 1; j < iterations; ++j) {
            u = prf.mac(u);
            for (std::size_t k = 0; k < t.size(); ++k) t[k] ^= u[k];
        }
        const std::size_t take = std::min(t.size(), length - key.size());
        key.insert(key.end(), t.begin(), t.begin() + static_cast<std::ptrdiff_t>(take));
    }
    return key;
}

std::string toHex(ByteView bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string text;
    text.reserve(bytes.size * 2);
    for (std::size_t i = 0; i < bytes.size; ++i) {
        text += kDigits[bytes.data[i] >> 4];
        text += kDigits[bytes.data[i] & 0xf];
    }
    return text;
}

std::optional<std::vector<std::uint8_t>> fromHex(std::string_view hex) {
    const auto digit = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    if (hex.size() % 2 != 0) return std::nullopt;
    std::vector<std::uint8_t> bytes;
    bytes.reserve(hex.size() / 2);
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        const int high = digit(hex[i]);
        const int low = digit(hex[i + 1]);
        if (high < 0 || low < 0) return std::nullopt;
        bytes.push_back(static_cast<std::uint8_t>(high << 4 | low));
    }
    return bytes;
}

bool equalInConstantTime(ByteView a, ByteView b) {
    if (a.size != b.size) return false;
    std::uint8_t difference = 0;
    for (std::size_t i = 0; i < a.size; ++i)
        difference = static_cast<std::uint8_t>(difference | (a.data[i] ^ b.data[i]));
    return difference == 0;
}

}  // namespace friche::core
