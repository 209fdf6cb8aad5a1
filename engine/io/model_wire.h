// A LoadResult (the model and its problems) as bytes, for an importer that runs
// in a child process (io/import_child.h) to hand its result to friche.
//
//   writeLoadResult(pipeFd, result);                     // in the child
//   auto back = readLoadResult(bytes, error);            // in friche: nullopt, error said
//
// Both ends are the same build of friche, so numbers go in the machine's own
// layout. The reader still trusts nothing: a crashed or confused child can hand
// over any prefix of a stream, so every count is checked against the bytes that
// are left before anything is allocated, every enum and bool against its range,
// and the stream must end exactly where the result does.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "io/load.h"

namespace friche::io {

// Writes `result` to `fd` as it goes (no second copy of the model in memory).
// False when a write fails (the reader went away).
bool writeLoadResult(int fd, const LoadResult& result);

// The result `bytes` hold, or nullopt with `error` saying what was wrong and at
// which byte.
std::optional<LoadResult> readLoadResult(std::span<const std::uint8_t> bytes, std::string& error);

}  // namespace friche::io
