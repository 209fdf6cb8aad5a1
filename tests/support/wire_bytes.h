// What an import child hands back, as its wire writes it (io/model_wire.h):
// the bytes compare every member of two results at once.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <vector>

#include "io/model_wire.h"

namespace friche::test {

inline std::vector<std::uint8_t> wireBytes(const io::ImportedModel& imported) {
    FILE* file = std::tmpfile();
    EXPECT_TRUE(io::writeImportedModel(fileno(file), imported));
    std::fseek(file, 0, SEEK_END);
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(std::ftell(file)));
    std::rewind(file);
    EXPECT_EQ(std::fread(bytes.data(), 1, bytes.size(), file), bytes.size());
    std::fclose(file);
    return bytes;
}

inline std::vector<std::uint8_t> wireBytes(const io::LoadResult& result) {
    return wireBytes(io::ImportedModel{result, {}, {}});
}

}  // namespace friche::test
