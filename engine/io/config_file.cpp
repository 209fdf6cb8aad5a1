#include "io/config_file.h"

#include "core/file.h"

namespace friche::io {

namespace fs = std::filesystem;

namespace {

// Moves a broken file out of the way: file.bad, or file.bad-2, ... (never
// over an earlier one).
std::optional<fs::path> keepAside(const fs::path& file) {
    fs::path aside = file.string() + ".bad";
    std::error_code ec;
    for (int n = 2; fs::exists(aside, ec); ++n) aside = file.string() + ".bad-" + std::to_string(n);
    fs::rename(file, aside, ec);
    return ec ? std::nullopt : std::optional<fs::path>(aside);
}

}  // namespace

std::optional<fs::path> configFolder(const char* xdgConfigHome, const char* home) {
    if (xdgConfigHome && *xdgConfigHome) return fs::path(xdgConfigHome) / "friche";
    if (home && *home) return fs::path(home) / ".config" / "friche";
    return std::nullopt;
}

ConfigRead readConfigFile(const fs::path& file, std::uintmax_t maxBytes, const char* what,
                          const std::function<void(const std::string&, core::Problems&)>& parse) {
    ConfigRead read;
    std::error_code ec;
    if (!fs::exists(file, ec)) return read;
    std::string error;
    const auto bytes = core::readFile(file, error, maxBytes);
    if (!bytes)
        read.problems.error("READ_FAILED", "", error);
    else
        parse(std::string(bytes->begin(), bytes->end()), read.problems);
    if (!read.problems.hasErrors()) return read;
    read.keptAside = keepAside(file);
    if (read.keptAside)
        read.problems.info("KEPT_ASIDE", "",
                           "the file was moved to " + read.keptAside->string() +
                               " so that it is not overwritten: fix it there, or delete it");
    else
        read.problems.error("NOT_KEPT_ASIDE", "",
                            std::string("the file could not be moved aside: ") + what +
                                " are not saved until it is fixed or removed");
    return read;
}

bool writeConfigFile(const fs::path& file, const std::string& bytes, std::string& error) {
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    if (ec) {
        error = "cannot create " + file.parent_path().string() + ": " + ec.message();
        return false;
    }
    return core::writeFileAtomically(file, bytes, error);
}

}  // namespace friche::io
