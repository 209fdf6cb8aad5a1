#include "core/file.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <mutex>
#include <system_error>

#include <fcntl.h>
#include <unistd.h>

namespace friche::core {

namespace {

// The size of a regular file; nullopt with `error` for anything else (a
// device, a pipe, a folder, a missing path).
std::optional<std::uintmax_t> regularFileSize(const std::filesystem::path& path,
                                              std::string& error) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        error = "'" + path.string() + "' is not a readable file";
        return std::nullopt;
    }
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    if (ec) {
        error = "cannot get the size of '" + path.string() + "': " + ec.message();
        return std::nullopt;
    }
    return size;
}

// `count` bytes from the start of `path`.
std::optional<std::vector<std::uint8_t>> readBytes(const std::filesystem::path& path,
                                                   std::uintmax_t count, std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot open '" + path.string() + "'";
        return std::nullopt;
    }
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(count));
    if (count > 0 &&
        !in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(count))) {
        error = "cannot read '" + path.string() + "'";
        return std::nullopt;
    }
    return bytes;
}

}  // namespace

std::optional<std::vector<std::uint8_t>> readFile(const std::filesystem::path& path,
                                                  std::string& error, std::uintmax_t maxBytes) {
    const std::optional<std::uintmax_t> size = regularFileSize(path, error);
    if (!size) return std::nullopt;
    if (*size > maxBytes) {
        error = "'" + path.string() + "' is " + std::to_string(*size) +
                " bytes, more than the limit of " + std::to_string(maxBytes);
        return std::nullopt;
    }
    return readBytes(path, *size, error);
}

std::optional<std::vector<std::uint8_t>> readFileHead(const std::filesystem::path& path,
                                                      std::size_t count, std::uintmax_t& size,
                                                      std::string& error) {
    const std::optional<std::uintmax_t> found = regularFileSize(path, error);
    if (!found) return std::nullopt;
    size = *found;
    return readBytes(path, std::min<std::uintmax_t>(count, size), error);
}

namespace {

std::string systemError(const std::string& what, const std::filesystem::path& path) {
    return "cannot " + what + " '" + path.string() + "': " + std::strerror(errno);
}

// Every byte to `fd`, through short writes and signals.
bool writeAll(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

std::mutex temporariesLock;
std::map<std::filesystem::path, std::filesystem::path> temporaries;  // temporary -> output

}  // namespace

void syncFolder(const std::filesystem::path& folder) {
    const int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

std::filesystem::path temporaryPathFor(const std::filesystem::path& path) {
    std::filesystem::path temp = path;
    temp.replace_filename("." + path.filename().string() + ".partial-" +
                          std::to_string(::getpid()));
    return temp;
}

void trackTemporary(const std::filesystem::path& temporary, const std::filesystem::path& output) {
    const std::lock_guard lock(temporariesLock);
    temporaries.emplace(temporary, output);
}

void untrackTemporary(const std::filesystem::path& temporary) {
    const std::lock_guard lock(temporariesLock);
    temporaries.erase(temporary);
}

std::vector<std::filesystem::path> removeTrackedTemporaries() {
    const std::lock_guard lock(temporariesLock);
    std::vector<std::filesystem::path> outputs;
    for (const auto& [temporary, output] : temporaries) {
        ::unlink(temporary.c_str());
        outputs.push_back(output);
    }
    temporaries.clear();
    return outputs;
}

bool writeFileAtomically(const std::filesystem::path& path, std::string_view bytes,
                         std::string& error) {
    std::error_code ec;
    if (std::filesystem::exists(path, ec) && !std::filesystem::is_regular_file(path, ec)) {
        error = "cannot write '" + path.string() + "': it is not a regular file";
        return false;
    }
    const std::filesystem::path temp = temporaryPathFor(path);
    trackTemporary(temp, path);
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        error = systemError("create", temp);
        untrackTemporary(temp);
        return false;
    }
    bool ok = writeAll(fd, bytes);
    if (!ok) error = systemError("write", temp);
    if (ok && ::fsync(fd) != 0) {
        error = systemError("sync", temp);
        ok = false;
    }
    if (::close(fd) != 0 && ok) {
        error = systemError("close", temp);
        ok = false;
    }
    if (ok && std::rename(temp.c_str(), path.c_str()) != 0) {
        error = systemError("rename into place", path);
        ok = false;
    }
    if (!ok) ::unlink(temp.c_str());
    untrackTemporary(temp);
    if (!ok) return false;
    syncFolder(path.parent_path());
    return true;
}

std::string lowerExtension(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    if (!ext.empty() && ext[0] == '.') ext.erase(0, 1);
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

}  // namespace friche::core
