// A log file for a kiosk left alone for weeks: each line is stamped, written
// and flushed at once (a kill loses nothing written), and the file rotates so
// it never fills the disk.
//
//   LogFile log(stateDir / "kiosk.log", 1 << 20, 5);
//   log.write("started");
//   if (!log.lastError().empty()) ...  // shown once, logging carries on
//
// One writer: a LogFile is not shared between threads.
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace friche::core {

class LogFile {
public:
    // Writes to `path`, creating its folder if need be. When a line would take
    // the file past `maxBytes`, path.(keep-1) becomes path.keep, ..., path
    // becomes path.1, and a new file starts; path.keep's old lines are lost.
    LogFile(std::filesystem::path path, std::uintmax_t maxBytes, int keep);

    // Appends "2024-05-01T12:34:56.789Z line\n" (newlines in `line` become
    // spaces, so each entry is one line). Never throws: a failure sets
    // lastError() and the next write tries again from opening the file.
    void write(std::string_view line);

    // Why the last write failed, or empty when it succeeded. It names the
    // first failure of a run of failures, so a caller shows it once.
    const std::string& lastError() const { return error_; }

private:
    bool open();
    void rotate();
    void fail(std::string message);

    struct Close {
        void operator()(std::FILE* f) const { std::fclose(f); }
    };

    std::filesystem::path path_;
    std::uintmax_t maxBytes_;
    int keep_;
    std::unique_ptr<std::FILE, Close> file_;
    std::uintmax_t size_ = 0;
    std::string error_;
};

}  // namespace friche::core
