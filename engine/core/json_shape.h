// What a JSON text will cost to hold, found in one pass over its bytes before
// any parser sees them: how deep it nests, how many values and object members
// it has, and how long each top-level array is.
//
//   const core::JsonShape shape = core::measureJson(text, 64);
//   if (shape.tooDeepAt) refuse("byte " + std::to_string(*shape.tooDeepAt));
//   estimate += shape.values * ...;
//
// Recursive parsers and printers (tinygltf's conversion, nlohmann's dump) use
// one stack frame per level, so a file nested 100,000 deep overflows the stack:
// the depth limit is checked here, iteratively. The scan does not validate the
// syntax (the parser does that next); on broken text its counts are only rough.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace friche::core {

// Nesting deeper than this is refused before parsing, in every JSON friche
// reads: glTF itself nests about eight deep, a scenario a little more, and
// extras a few levels.
inline constexpr int kMaxJsonDepth = 64;

struct JsonShape {
    std::size_t values = 0;       // scalars, arrays and objects
    std::size_t containers = 0;   // arrays and objects
    std::size_t members = 0;      // object members, at every level
    std::size_t stringBytes = 0;  // inside strings, keys included
    // Elements of each array that is a member of the top-level object:
    // {"materials": 100000, "nodes": 12, ...}.
    std::map<std::string, std::size_t, std::less<>> topLevelArrays;
    // The byte of the first '[' or '{' that nests deeper than the limit; the
    // scan stops there and the counts cover what came before.
    std::optional<std::size_t> tooDeepAt;

    std::size_t topLevelCount(std::string_view key) const;
};

JsonShape measureJson(std::string_view text, int maxDepth);

}  // namespace friche::core
