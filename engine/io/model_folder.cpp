#include "io/model_folder.h"

#include <algorithm>
#include <system_error>

namespace friche::io {

namespace {

namespace fs = std::filesystem;

fs::path resolved(const fs::path& path) {
    std::error_code ec;
    fs::path r = fs::weakly_canonical(fs::absolute(path, ec), ec);
    if (ec) r = fs::absolute(path, ec).lexically_normal();
    // "dir/" resolves to "dir/" with an empty last element: compare without it.
    return r.has_filename() ? r : r.parent_path();
}

}  // namespace

// The folder as the model's path names it: a model that is a link elsewhere
// still reads its materials from beside the link, as Assimp looks for them.
ModelFolder::ModelFolder(const fs::path& model) {
    std::error_code ec;
    folder_ = resolved(fs::absolute(model, ec).parent_path());
}

std::optional<ModelFolder::Refusal> ModelFolder::refusal(const fs::path& path) const {
    const fs::path target = resolved(path);
    std::error_code ec;
    const fs::file_status status = fs::status(target, ec);
    if (!fs::exists(status) || fs::is_directory(status)) return std::nullopt;
    const auto [inFolder, inTarget] =
        std::mismatch(folder_.begin(), folder_.end(), target.begin(), target.end());
    if (inFolder != folder_.end() || inTarget == target.end())
        return Refusal{target, "'" + path.string() + "' resolves to '" + target.string() +
                                   "', outside the model's folder '" + folder_.string() + "'"};
    if (!fs::is_regular_file(status))
        return Refusal{target, "'" + path.string() + "' is not a regular file"};
    return std::nullopt;
}

}  // namespace friche::io
