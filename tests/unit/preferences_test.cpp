// The viewer's preferences (io/preferences.h): the defaults without a file, a
// round trip through it, a key it does not know read past with a warning, and
// a broken file said at its JSON pointer and kept aside, never overwritten.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "io/preferences.h"
#include "support/test_files.h"

namespace fs = std::filesystem;
using namespace friche;

namespace {

std::string textOf(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST(Preferences, LiveInTheUsersConfigFolder) {
    EXPECT_EQ(io::preferencesFile(*io::configFolder("/x/conf", "/home/a")),
              fs::path("/x/conf/friche/viewer.json"));
    EXPECT_EQ(io::preferencesFile(*io::configFolder(nullptr, "/home/a")),
              fs::path("/home/a/.config/friche/viewer.json"));
    EXPECT_FALSE(io::configFolder("", nullptr));
}

TEST(Preferences, WithoutAFileAreTheDefaults) {
    const io::PreferencesRead read = io::readPreferences(test::freshDir() / "viewer.json");
    EXPECT_TRUE(read.problems.empty());
    EXPECT_TRUE(read.preferences.livingAtRest);
    EXPECT_FALSE(read.blocksSaving());
}

TEST(Preferences, ReadBackWhatWasSaved) {
    const fs::path file = test::freshDir() / "config" / "friche" / "viewer.json";
    std::string error;
    ASSERT_TRUE(io::writePreferences(file, {.livingAtRest = false}, error)) << error;
    EXPECT_EQ(textOf(file), "{\n  \"livingAtRest\": false\n}\n");
    EXPECT_FALSE(io::readPreferences(file).preferences.livingAtRest);
    ASSERT_TRUE(io::writePreferences(file, {.livingAtRest = true}, error)) << error;
    EXPECT_TRUE(io::readPreferences(file).preferences.livingAtRest);
}

// A later version's key does not cost the user the ones this one knows.
TEST(Preferences, AKeyNotKnownIsAWarningAndTheRestIsRead) {
    const fs::path file = test::writeText(test::freshDir() / "viewer.json",
                                          R"({"livingAtRest": false, "theme": "dark"})");
    const io::PreferencesRead read = io::readPreferences(file);
    EXPECT_FALSE(read.problems.hasErrors());
    EXPECT_EQ(read.problems.count(core::Severity::Warning), 1);
    EXPECT_FALSE(read.preferences.livingAtRest);
    EXPECT_FALSE(read.keptAside);
    EXPECT_TRUE(fs::exists(file));
}

TEST(Preferences, ABrokenFileIsSaidKeptAsideAndTheDefaultsUsed) {
    const fs::path dir = test::freshDir();
    const std::string wrongType = R"({"livingAtRest": "no"})";
    const fs::path file = test::writeText(dir / "viewer.json", wrongType);
    const io::PreferencesRead read = io::readPreferences(file);
    ASSERT_TRUE(read.problems.hasErrors());
    EXPECT_EQ(read.problems.list().front().where, "/livingAtRest");
    EXPECT_TRUE(read.preferences.livingAtRest);
    ASSERT_TRUE(read.keptAside);
    EXPECT_EQ(*read.keptAside, dir / "viewer.json.bad");
    EXPECT_EQ(textOf(*read.keptAside), wrongType);
    EXPECT_FALSE(fs::exists(file));
    EXPECT_FALSE(read.blocksSaving());

    // Cut short by a crash of something else: a second one goes beside the first.
    test::writeText(file, R"({"livingAtRest": fa)");
    const io::PreferencesRead cut = io::readPreferences(file);
    ASSERT_TRUE(cut.keptAside);
    EXPECT_EQ(*cut.keptAside, dir / "viewer.json.bad-2");
    EXPECT_TRUE(cut.preferences.livingAtRest);
}
