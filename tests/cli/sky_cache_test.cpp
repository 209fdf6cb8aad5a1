// The baked sky kept across launches (render/environment.h): a second
// `friche render` under the same sky reads the first one's bake and draws the
// same still; a damaged cache file is baked anew and written over, and a cache
// that cannot be written costs nothing but the bake.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <vector>

#include "cli/render_image.h"

using namespace friche::test;
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> bakes(const fs::path& folder) {
    std::vector<fs::path> found;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec))
        if (entry.path().extension() == ".bin") found.push_back(entry.path());
    return found;
}

}  // namespace

TEST(SkyCache, ASecondLaunchReadsTheFirstBakeAndDrawsTheSameStill) {
    const fs::path cache = fs::path(FRICHE_TEST_OUT) / "sky-cache";
    fs::remove_all(cache);
    const StillOptions options{.env = {{"XDG_CACHE_HOME", cache.string()}}};
    const Image baked = renderStill(glb("Duck"), "sky_cache_baked", options);
    ASSERT_FALSE(baked.rgb.empty());
    const auto files = bakes(cache / "friche");
    ASSERT_EQ(files.size(), 1u) << "the first launch kept no bake";
    const auto size = fs::file_size(files[0]);
    EXPECT_GT(size, 1u << 20);
    const auto written = fs::last_write_time(files[0]);

    const Image read = renderStill(glb("Duck"), "sky_cache_read", options);
    EXPECT_EQ(read.rgb, baked.rgb) << "the sky read back draws another still";
    EXPECT_EQ(fs::last_write_time(files[0]), written) << "baked again instead of read";

    // Cut short, as a full disk would leave a file not written atomically.
    fs::resize_file(files[0], 1000);
    const Image rebaked = renderStill(glb("Duck"), "sky_cache_rebaked", options);
    EXPECT_EQ(rebaked.rgb, baked.rgb);
    EXPECT_EQ(fs::file_size(files[0]), size) << "the damaged bake was not written over";

    // A cache "folder" that is a file: nothing kept, the same still.
    const fs::path blocked = fs::path(FRICHE_TEST_OUT) / "sky-cache-blocked";
    fs::remove_all(blocked);
    std::ofstream(blocked) << "not a folder";
    const Image uncached = renderStill(glb("Duck"), "sky_cache_blocked",
                                       {.env = {{"XDG_CACHE_HOME", blocked.string()}}});
    EXPECT_EQ(uncached.rgb, baked.rgb);
}
