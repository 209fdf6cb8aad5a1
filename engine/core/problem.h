// Problems found in input, as values: what went wrong and where.
//
// Loaders and validators never throw across module boundaries; they append to a
// Problems list and the caller decides. `where` names the place a person can find:
// a JSON pointer ("/accessors/3/count"), a byte offset ("byte 12"), or file:line.
#pragma once

#include <string>
#include <vector>

namespace friche::core {

enum class Severity { Error, Warning, Info };

struct Problem {
    Severity severity = Severity::Error;
    std::string code;     // short machine-readable id, e.g. "ACCESSOR_OUT_OF_BOUNDS"
    std::string where;    // JSON pointer, "byte N", or "file:line"
    std::string message;  // one sentence for a person
};

class Problems {
public:
    void error(std::string code, std::string where, std::string message);
    void warning(std::string code, std::string where, std::string message);
    void info(std::string code, std::string where, std::string message);
    void add(Problem p) { list_.push_back(std::move(p)); }
    void append(const Problems& other);

    bool hasErrors() const { return count(Severity::Error) > 0; }
    int count(Severity s) const;
    const std::vector<Problem>& list() const { return list_; }
    bool empty() const { return list_.empty(); }

private:
    std::vector<Problem> list_;
};

// "error", "warning", "info"
const char* severityName(Severity s);

// One line for a terminal: "file: error: /accessors/3: message [CODE]".
std::string formatProblem(const std::string& file, const Problem& p);

// Every problem, one formatted line each, to standard error.
void printProblems(const std::string& file, const Problems& problems);

}  // namespace friche::core
