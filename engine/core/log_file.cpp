#include "core/log_file.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <system_error>

namespace friche::core {
namespace fs = std::filesystem;
namespace {

// "2024-05-01T12:34:56.789Z": the time now in UTC, ISO 8601.
std::string utcTimestamp() {
    const auto now = std::chrono::system_clock::now();
    const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
    const auto millis =
        std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() %
        1000;
    std::tm utc{};
#ifdef _WIN32
    gmtime_s(&utc, &seconds);
#else
    gmtime_r(&seconds, &utc);
#endif
    char text[32];
    const std::size_t length = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
    std::snprintf(text + length, sizeof text - length, ".%03dZ", static_cast<int>(millis));
    return text;
}

}  // namespace

LogFile::LogFile(fs::path path, std::uintmax_t maxBytes, int keep)
    : path_(std::move(path)), maxBytes_(maxBytes), keep_(keep) {}

void LogFile::write(std::string_view line) {
    std::string entry = utcTimestamp() + " ";
    entry += line;
    for (std::size_t i = entry.size() - line.size(); i < entry.size(); ++i)
        if (entry[i] == '\n' || entry[i] == '\r') entry[i] = ' ';
    entry += '\n';

    if (!file_ && !open()) return;
    // An empty file takes any line, however long: it cannot be split.
    if (size_ > 0 && size_ + entry.size() > maxBytes_) {
        rotate();
        if (!open()) return;
    }
    if (std::fwrite(entry.data(), 1, entry.size(), file_.get()) != entry.size() ||
        std::fflush(file_.get()) != 0) {
        fail("cannot write to '" + path_.string() + "': " + std::strerror(errno));
        file_.reset();  // reopened by the next write, which may find the disk freed
        return;
    }
    size_ += entry.size();
    error_.clear();
}

bool LogFile::open() {
    std::error_code ec;
    if (path_.has_parent_path()) fs::create_directories(path_.parent_path(), ec);
    file_.reset(std::fopen(path_.string().c_str(), "ab"));
    if (!file_) {
        fail("cannot open '" + path_.string() + "': " + std::strerror(errno));
        return false;
    }
    const std::uintmax_t size = fs::file_size(path_, ec);
    size_ = ec ? 0 : size;
    return true;
}

void LogFile::rotate() {
    file_.reset();
    // Failures here are not errors: a missing older file is the usual case,
    // and if the renames fail the log grows past maxBytes rather than stops.
    std::error_code ec;
    const auto numbered = [this](int n) {
        return fs::path(path_.string() + "." + std::to_string(n));
    };
    if (keep_ < 1) {
        fs::remove(path_, ec);
        return;
    }
    fs::remove(numbered(keep_), ec);
    for (int n = keep_ - 1; n >= 1; --n) fs::rename(numbered(n), numbered(n + 1), ec);
    fs::rename(path_, numbered(1), ec);
}

void LogFile::fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
}

}  // namespace friche::core
