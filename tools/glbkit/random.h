// A tiny, portable hash for "random" but reproducible choices in generated
// models: std:: distributions are not specified bit-exactly across standard
// libraries, and generated files must be the same bytes everywhere.
//
//   float jitter = glbkit::unitHash(seed * 16 + i);   // in [0, 1)
#pragma once

#include <cstdint>

namespace glbkit {

// splitmix64's finaliser; 24 bits of the result as a float in [0, 1).
inline float unitHash(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    x ^= x >> 31;
    return static_cast<float>(x >> 40) / static_cast<float>(1u << 24);
}

}  // namespace glbkit
