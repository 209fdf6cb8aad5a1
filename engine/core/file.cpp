#include "core/file.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <system_error>

namespace friche::core {

std::optional<std::vector<std::uint8_t>> readFile(const std::filesystem::path& path,
                                                  std::string& error, std::uintmax_t maxBytes) {
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
    if (size > maxBytes) {
        error = "'" + path.string() + "' is " + std::to_string(size) +
                " bytes, more than the limit of " + std::to_string(maxBytes);
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot open '" + path.string() + "'";
        return std::nullopt;
    }
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
    if (size > 0 &&
        !in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(size))) {
        error = "cannot read '" + path.string() + "'";
        return std::nullopt;
    }
    return bytes;
}

std::string lowerExtension(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    if (!ext.empty() && ext[0] == '.') ext.erase(0, 1);
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

}  // namespace friche::core
