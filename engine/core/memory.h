// How much memory a load may still take, so that a file that would need more
// is refused with a sentence before anything is allocated, instead of
// aborting (std::bad_alloc thrown through a library's noexcept frame) or
// pushing an exhibition PC into swap.
//
//   const std::uint64_t limit = core::memoryLimit();
//   if (estimate > limit) problems.error("TOO_LARGE", file, core::needsMoreMemory(estimate,
//   limit));
#pragma once

#include <cstdint>
#include <string>

namespace friche::core {

// The smallest of: what the machine has available now (MemAvailable), what the
// process may still map under its address-space limit (RLIMIT_AS, as set by
// `prlimit --as` or a service's MemoryLimit), and the cap set below.
std::uint64_t memoryLimit();

// Caps memoryLimit() for the rest of the process (an operator's
// FRICHE_MEMORY_LIMIT_MIB, read by app::readEnvironment; a test). 0: no cap.
void capMemory(std::uint64_t bytes);

// "this file needs 3800 MiB, more than the limit of 1200 MiB"
std::string needsMoreMemory(std::uint64_t neededBytes, std::uint64_t limitBytes);

}  // namespace friche::core
