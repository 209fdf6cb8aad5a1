// The GLB container check (glTF 2.0 spec, "Binary glTF Layout"), before
// tinygltf reads it. Codes and offsets follow the Khronos glTF-Validator's GLB
// reader, so a report can be compared with its expected output.
#include <algorithm>
#include <cstdio>
#include <string>

#include "io/glb_format.h"
#include "io/gltf_validate.h"

namespace friche::io {
namespace {

constexpr std::uint64_t kHeaderBytes = 12;
constexpr std::uint64_t kChunkHeaderBytes = 8;

std::string byteAt(std::uint64_t offset) {
    return "byte " + std::to_string(offset);
}

std::string chunkName(std::uint32_t type) {
    char hex[16];
    std::snprintf(hex, sizeof hex, "0x%08x", type);
    return hex;
}

// Walks the chunk table between the header and `end` (the declared length or
// the file's end, whichever comes first). Every sum is 64-bit: a chunk length
// near 2^32 cannot wrap around to a small offset.
class ChunkWalker {
public:
    ChunkWalker(std::span<const std::uint8_t> bytes, std::uint64_t declared,
                core::Problems& problems)
        : bytes_(bytes), declared_(declared), problems_(problems) {}

    void walk(std::uint64_t end) {
        std::uint64_t pos = kHeaderBytes;
        while (pos < end) {
            if (end - pos < kChunkHeaderBytes) {
                problems_.error("GLB_UNEXPECTED_END_OF_CHUNK_HEADER", byteAt(end),
                                "the GLB ends inside a chunk header");
                return;
            }
            const std::uint64_t length = glb::readU32(bytes_, pos);
            const std::uint32_t type = glb::readU32(bytes_, pos + 4);
            checkChunk(pos, length, type);
            const std::uint64_t next = pos + kChunkHeaderBytes + length;
            if (next > end) {
                problems_.error("GLB_UNEXPECTED_END_OF_CHUNK_DATA", byteAt(end),
                                "the GLB ends inside chunk " + chunkName(type));
                return;
            }
            pos = next;
            ++index_;
        }
        if (!sawJson_)
            problems_.error("GLB_MISSING_JSON_CHUNK", byteAt(kHeaderBytes),
                            "the GLB has no JSON chunk");
    }

private:
    void checkChunk(std::uint64_t pos, std::uint64_t length, std::uint32_t type) {
        const std::string where = byteAt(pos);
        const std::string name = chunkName(type);
        if (length % 4 != 0)
            problems_.error("GLB_CHUNK_LENGTH_UNALIGNED", where,
                            "chunk " + name + " has a length that is not a multiple of 4");
        if (pos + kChunkHeaderBytes + length > declared_)
            problems_.error("GLB_CHUNK_TOO_BIG", where,
                            "chunk " + name + " of " + std::to_string(length) +
                                " bytes runs past the declared GLB length");
        if (index_ == 0 && type != glb::kChunkJson)
            problems_.error("GLB_UNEXPECTED_FIRST_CHUNK", where,
                            "the first chunk must be JSON, found " + name);
        if (type == glb::kChunkJson) {
            if (length == 0) problems_.error("GLB_EMPTY_CHUNK", where, "the JSON chunk is empty");
            if (startsWithBom(pos + kChunkHeaderBytes, length))
                problems_.error("INVALID_JSON", byteAt(pos + kChunkHeaderBytes),
                                "the JSON chunk starts with a byte order mark");
            noteSeen(sawJson_, where, name);
        } else if (type == glb::kChunkBin) {
            // tinygltf only looks for BIN right after JSON; so does the spec.
            if (index_ > 1 && !sawBin_)
                problems_.error("GLB_UNEXPECTED_BIN_CHUNK", where,
                                "the BIN chunk must be the second chunk");
            if (length == 0)
                problems_.info("GLB_EMPTY_BIN_CHUNK", where,
                               "an empty BIN chunk should be omitted");
            noteSeen(sawBin_, where, name);
        } else {
            problems_.warning("GLB_UNKNOWN_CHUNK_TYPE", where,
                              "unknown chunk type " + name + ", skipped");
        }
    }

    bool startsWithBom(std::uint64_t at, std::uint64_t length) const {
        return at + length <= bytes_.size() &&
               startsWithUtf8Bom(
                   bytes_.subspan(static_cast<std::size_t>(at), static_cast<std::size_t>(length)));
    }

    void noteSeen(bool& seen, const std::string& where, const std::string& name) {
        if (seen)
            problems_.error("GLB_DUPLICATE_CHUNK", where,
                            "a second chunk of type " + name + " (at most one is allowed)");
        seen = true;
    }

    std::span<const std::uint8_t> bytes_;
    std::uint64_t declared_;
    core::Problems& problems_;
    int index_ = 0;
    bool sawJson_ = false;
    bool sawBin_ = false;
};

// Header fields; false (with an error) when nothing after them can be trusted.
bool checkHeader(std::span<const std::uint8_t> bytes, core::Problems& problems) {
    if (bytes.size() < kHeaderBytes) {
        problems.error("GLB_UNEXPECTED_END_OF_HEADER", byteAt(bytes.size()),
                       "the file is shorter than the 12-byte GLB header");
        return false;
    }
    if (const std::uint32_t magic = glb::readU32(bytes, 0); magic != glb::kMagic) {
        problems.error("GLB_INVALID_MAGIC", byteAt(0),
                       "not a GLB file: the magic is " + chunkName(magic) + ", not 'glTF'");
        return false;
    }
    if (const std::uint32_t version = glb::readU32(bytes, 4); version != 2) {
        problems.error("GLB_INVALID_VERSION", byteAt(4),
                       "GLB version " + std::to_string(version) + " (only version 2 is supported)");
        return false;
    }
    return true;
}

}  // namespace

bool startsWithUtf8Bom(std::span<const std::uint8_t> text) {
    return text.size() >= 3 && text[0] == 0xEF && text[1] == 0xBB && text[2] == 0xBF;
}

bool checkGlbFraming(std::span<const std::uint8_t> bytes, core::Problems& problems) {
    core::Problems found;
    if (!checkHeader(bytes, found)) {
        problems.append(found);
        return false;
    }
    const std::uint64_t size = bytes.size();
    const std::uint64_t declared = glb::readU32(bytes, 8);
    if (declared <= kHeaderBytes)
        found.error("GLB_LENGTH_TOO_SMALL", byteAt(8),
                    "the declared GLB length (" + std::to_string(declared) + ") is too small");
    if (declared > size || declared < kHeaderBytes) {
        found.error("GLB_LENGTH_MISMATCH", byteAt(size),
                    "the declared GLB length (" + std::to_string(declared) +
                        ") does not match the file size (" + std::to_string(size) + ")");
    } else if (declared < size) {
        found.warning("GLB_EXTRA_DATA", byteAt(declared),
                      std::to_string(size - declared) + " bytes after the end of the GLB, ignored");
    }
    if (declared > kHeaderBytes) ChunkWalker(bytes, declared, found).walk(std::min(declared, size));
    problems.append(found);
    return !found.hasErrors();
}

}  // namespace friche::io
