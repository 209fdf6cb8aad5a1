// An imported model (the model, its problems, its images still encoded) as
// bytes, for an importer that runs in a child process (io/import_child.h) to
// hand its result to friche.
//
//   writeImportedModel(pipeFd, imported);                   // in the child
//   auto back = readImportedModel(pipe, maxBytes, error);   // in friche: nullopt, error said
//
// Both ends are the same build of friche, so numbers go in the machine's own
// layout. The reader still trusts nothing: a crashed or confused child can hand
// over any prefix of a stream, so every count is checked against what is left of
// the limit before anything is allocated (and memory is touched only as bytes
// arrive), every enum and bool against its range, and the stream must end with
// its end mark.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "io/image_decode.h"
#include "io/load.h"

namespace friche::io {

// A model whose images are still the files' bytes (PNG, JPEG): friche decodes
// them (io/image_decode.h, bounded as for glTF files), so that the pipe carries
// megabytes of files rather than hundreds of megabytes of pixels.
struct ImportedModel {
    LoadResult result;
    std::vector<EncodedImage> images;       // to decode
    std::vector<std::size_t> imageTargets;  // their places in result.model.images
};

// Writes `imported` to `fd` as it goes (no second copy of the model in memory).
// False when a write fails (the reader went away).
bool writeImportedModel(int fd, const ImportedModel& imported);

// Where the reader's bytes come from (a pipe from the child, memory).
class ByteSource {
public:
    virtual ~ByteSource() = default;
    // Fills `out` whole; false when the stream ends or fails first.
    virtual bool read(std::span<std::uint8_t> out) = 0;
};

// What `source` holds, read up to its end mark and no more than `maxBytes`, or
// nullopt with `error` saying what was wrong and at which byte.
std::optional<ImportedModel> readImportedModel(ByteSource& source, std::uint64_t maxBytes,
                                               std::string& error);

// The same from memory, which must end at the end mark.
std::optional<ImportedModel> readImportedModel(std::span<const std::uint8_t> bytes,
                                               std::string& error);

}  // namespace friche::io
