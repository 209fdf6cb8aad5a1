// A scenario written from JSON and loaded, and what its problems must say, for
// the scenario loader's tests (see support/scenario_fixture.h).
//
//   const io::ScenarioResult r = test::load("bad-date", doc);
//   test::expectError(r, "BAD_DATE", "/phases/1/date", "2031-13-01");
#pragma once

#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "io/scenario_loader.h"
#include "support/problem_text.h"
#include "support/scenario_fixture.h"

namespace friche::test {

inline io::ScenarioResult load(const std::string& name, const nlohmann::json& doc) {
    return io::loadScenario(writeScenario(name, doc), {});
}

// The problem with this code at this place, or nullptr.
inline const core::Problem* findProblem(const core::Problems& problems, const std::string& code,
                                        const std::string& where) {
    for (const core::Problem& p : problems.list())
        if (p.code == code && p.where == where) return &p;
    return nullptr;
}

// A problem of this severity, code and place whose message says `words`.
inline void expectProblem(const io::ScenarioResult& r, core::Severity severity,
                          const std::string& code, const std::string& where,
                          const std::string& words) {
    const core::Problem* p = findProblem(r.problems, code, where);
    ASSERT_NE(p, nullptr) << "no " << code << " at " << where << " in:\n" << describe(r.problems);
    EXPECT_EQ(p->severity, severity);
    EXPECT_NE(p->message.find(words), std::string::npos) << p->message;
}

// An error, in a file that does not load.
inline void expectError(const io::ScenarioResult& r, const std::string& code,
                        const std::string& where, const std::string& words = "") {
    EXPECT_FALSE(r.ok());
    expectProblem(r, core::Severity::Error, code, where, words);
}

// A warning, in a file that still loads.
inline void expectWarning(const io::ScenarioResult& r, const std::string& code,
                          const std::string& where, const std::string& words = "") {
    EXPECT_TRUE(r.ok()) << describe(r.problems);
    expectProblem(r, core::Severity::Warning, code, where, words);
}

}  // namespace friche::test
