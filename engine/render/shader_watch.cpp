#include "render/shader_watch.h"

#include "render/shader_library.h"

namespace friche::render {

namespace {

std::filesystem::file_time_type latestWrite(const std::filesystem::path& dir) {
    auto latest =
        std::filesystem::file_time_type::min();  // the clock's epoch is not the earliest time
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
        const auto t = e.last_write_time(ec);
        if (!ec && t > latest) latest = t;
    }
    return latest;
}

}  // namespace

ShaderWatch::ShaderWatch() : dir_(shaderFolder()) {
    if (dir_) latest_ = latestWrite(*dir_);
}

bool ShaderWatch::changed() {
    if (!dir_) return false;
    const auto now = latestWrite(*dir_);
    if (now == latest_) return false;
    latest_ = now;
    return true;
}

}  // namespace friche::render
