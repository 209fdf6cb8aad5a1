#include "core/problem.h"

#include <algorithm>
#include <cstdio>

namespace friche::core {

void Problems::error(std::string code, std::string where, std::string message) {
    list_.push_back({Severity::Error, std::move(code), std::move(where), std::move(message)});
}

void Problems::warning(std::string code, std::string where, std::string message) {
    list_.push_back({Severity::Warning, std::move(code), std::move(where), std::move(message)});
}

void Problems::info(std::string code, std::string where, std::string message) {
    list_.push_back({Severity::Info, std::move(code), std::move(where), std::move(message)});
}

void Problems::append(const Problems& other) {
    list_.insert(list_.end(), other.list_.begin(), other.list_.end());
}

int Problems::count(Severity s) const {
    return static_cast<int>(std::count_if(list_.begin(), list_.end(),
                                          [s](const Problem& p) { return p.severity == s; }));
}

const char* severityName(Severity s) {
    switch (s) {
        case Severity::Error:
            return "error";
        case Severity::Warning:
            return "warning";
        case Severity::Info:
            return "info";
    }
    return "error";
}

std::string formatProblem(const std::string& file, const Problem& p) {
    std::string line = file + ": " + severityName(p.severity) + ": ";
    if (!p.where.empty() && p.where != file) line += p.where + ": ";
    line += p.message;
    if (!p.code.empty()) line += " [" + p.code + "]";
    return line;
}

void printProblems(const std::string& file, const Problems& problems) {
    for (const Problem& p : problems.list())
        std::fprintf(stderr, "%s\n", formatProblem(file, p).c_str());
}

}  // namespace friche::core
