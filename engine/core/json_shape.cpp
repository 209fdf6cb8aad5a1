#include "core/json_shape.h"

#include <algorithm>
#include <vector>

namespace friche::core {

std::size_t JsonShape::topLevelCount(std::string_view key) const {
    const auto it = topLevelArrays.find(key);
    return it == topLevelArrays.end() ? 0 : it->second;
}

JsonShape measureJson(std::string_view text, int maxDepth) {
    JsonShape shape;
    struct Open {
        bool object = false;
        bool hasElement = false;  // since the opening bracket or the last comma
        std::size_t elements = 0;
    };
    std::vector<Open> open;
    std::string key;       // the last key read in the top-level object
    std::string arrayKey;  // the top-level member whose array is open
    bool expectKey = false;
    // A value or a key starts: its container's first element, or one after a comma.
    auto element = [&] {
        if (open.empty() || open.back().hasElement) return;
        open.back().hasElement = true;
        ++open.back().elements;
    };
    constexpr std::string_view kDelimiters = ",]}: \t\n\r";
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"') {
            const std::size_t start = i + 1;
            for (++i; i < text.size() && text[i] != '"'; ++i)
                if (text[i] == '\\') ++i;
            const std::size_t length = std::min(i, text.size()) - start;
            shape.stringBytes += length;
            element();
            if (expectKey) {
                ++shape.members;
                if (open.size() == 1) key.assign(text.substr(start, length));
                expectKey = false;
            } else {
                ++shape.values;
            }
        } else if (c == '[' || c == '{') {
            element();
            if (static_cast<int>(open.size()) >= maxDepth) {
                shape.tooDeepAt = i;
                return shape;
            }
            ++shape.values;
            ++shape.containers;
            if (c == '[' && open.size() == 1 && open.front().object) arrayKey = key;
            open.push_back({c == '{', false, 0});
            expectKey = c == '{';
        } else if (c == ']' || c == '}') {
            if (open.empty()) continue;
            if (c == ']' && open.size() == 2 && open.front().object)
                shape.topLevelArrays[arrayKey] = open.back().elements;
            open.pop_back();
            expectKey = false;
        } else if (c == ',') {
            if (open.empty()) continue;
            open.back().hasElement = false;
            expectKey = open.back().object;
        } else if (kDelimiters.find(c) == std::string_view::npos) {
            // A number, true, false or null: one value, up to the next delimiter.
            element();
            ++shape.values;
            while (i + 1 < text.size() && kDelimiters.find(text[i + 1]) == std::string_view::npos)
                ++i;
        }
    }
    return shape;
}

}  // namespace friche::core
