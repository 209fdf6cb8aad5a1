// Problems as text, one formatted line each, for a failing test's message.
#pragma once

#include <string>

#include "core/problem.h"
#include "io/load.h"

namespace friche::test {

inline std::string describe(const core::Problems& problems, const std::string& file = "") {
    std::string text;
    for (const core::Problem& p : problems.list()) text += core::formatProblem(file, p) + "\n";
    return text;
}

inline std::string describe(const io::LoadResult& r) {
    return describe(r.problems, r.model.source);
}

}  // namespace friche::test
