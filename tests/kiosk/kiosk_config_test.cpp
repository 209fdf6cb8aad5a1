// The kiosk config: the example shipped in tools/kiosk reads, every mistake is
// an error naming its JSON pointer, and the operator's settings are written
// back whole.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "app/kiosk_config.h"
#include "core/pin.h"

namespace {

namespace fs = std::filesystem;
using friche::app::KioskConfig;
using friche::app::readKioskConfig;
using friche::core::Problems;
using friche::scene::Language;
using nlohmann::json;

const fs::path kSource = FRICHE_SOURCE_DIR;

fs::path outFolder(const std::string& name) {
    const fs::path folder = fs::path(FRICHE_TEST_OUT) / "kiosk-config" / name;
    fs::remove_all(folder);
    fs::create_directories(folder);
    return folder;
}

fs::path writeConfig(const std::string& name, const json& config) {
    const fs::path file = outFolder(name) / "kiosk.json";
    std::ofstream(file) << config.dump(2);
    return file;
}

json goodConfig() {
    const std::string scenes = (kSource / "scenes").string();
    return {{"sites", {scenes + "/seraing.json", scenes + "/droixhe.json"}},
            {"languages", {"fr", "de"}},
            {"language", "de"},
            {"idleSeconds", 90},
            {"uiScale", 2.5}};
}

std::string dump(const Problems& problems) {
    std::ostringstream out;
    for (const auto& p : problems.list())
        out << p.code << " " << p.where << ": " << p.message << "\n";
    return out.str();
}

// The error `code` at `where` is among the problems.
void expectError(const json& config, const std::string& code, const std::string& where) {
    Problems problems;
    EXPECT_FALSE(readKioskConfig(writeConfig(code, config), problems));
    bool found = false;
    for (const auto& p : problems.list()) found = found || (p.code == code && p.where == where);
    EXPECT_TRUE(found) << "no " << code << " at " << where << " in:\n" << dump(problems);
}

TEST(KioskConfig, TheShippedExampleReads) {
    Problems problems;
    const auto config = readKioskConfig(kSource / "tools/kiosk/example-kiosk.json", problems);
    ASSERT_TRUE(config) << dump(problems);
    EXPECT_EQ(config->sites.size(), 5u);
    EXPECT_EQ(config->sites.front().filename(), "seraing.json");
    EXPECT_TRUE(fs::exists(config->sites.front()));  // relative to the config's folder
    EXPECT_TRUE(config->pin);
    EXPECT_EQ(config->languages.front(), Language::Fr);
    EXPECT_TRUE(friche::app::isKioskConfig(kSource / "tools/kiosk/example-kiosk.json"));
    EXPECT_FALSE(friche::app::isKioskConfig(kSource / "scenes/seraing.json"));
}

TEST(KioskConfig, ReadsEveryKey) {
    json c = goodConfig();
    c["pin"] = friche::core::formatPinHash(
        friche::core::hashPin("2468", friche::core::randomSalt(), 1000));
    c["display"] = 1;
    c["countdownSeconds"] = 5;
    c["attract"] = (kSource / "scenes/droixhe.json").string();
    c["log"] = "logs/kiosk.log";
    Problems problems;
    const fs::path file = writeConfig("every-key", c);
    const auto config = readKioskConfig(file, problems);
    ASSERT_TRUE(config) << dump(problems);
    EXPECT_EQ(config->languages, (std::vector<Language>{Language::Fr, Language::De}));
    EXPECT_EQ(config->language, Language::De);
    EXPECT_DOUBLE_EQ(config->idleSeconds, 90.0);
    EXPECT_DOUBLE_EQ(config->countdownSeconds, 5.0);
    EXPECT_EQ(config->display, 1);
    EXPECT_FLOAT_EQ(*config->uiScale, 2.5f);
    EXPECT_EQ(config->attractSite().filename(), "droixhe.json");
    EXPECT_EQ(config->log, file.parent_path() / "logs/kiosk.log");
    EXPECT_TRUE(friche::core::verifyPin("2468", *config->pin));
    EXPECT_FALSE(friche::core::verifyPin("1111", *config->pin));
}

TEST(KioskConfig, MistakesNameTheirPointer) {
    json c = goodConfig();
    c["idleSecond"] = 60;  // a typo is not silently ignored: the kiosk would never go idle
    expectError(c, "KIOSK_UNKNOWN_KEY", "/idleSecond");
    c = goodConfig();
    c["sites"][1] = (kSource / "scenes/nowhere.json").string();
    expectError(c, "KIOSK_SITE", "/sites/1");
    c = goodConfig();
    c["languages"][1] = "es";
    expectError(c, "SCENARIO_TYPE", "/languages/1");
    c = goodConfig();
    c["language"] = "nl";  // not among the offered fr, de
    expectError(c, "KIOSK_LANGUAGE", "/language");
    c = goodConfig();
    c["pin"] = "1234";  // a PIN in clear is refused
    expectError(c, "KIOSK_PIN", "/pin");
    c = goodConfig();
    c["uiScale"] = 50;
    expectError(c, "VALUE_OUT_OF_RANGE", "/uiScale");
    c = goodConfig();
    c["sites"] = json::array();
    expectError(c, "KIOSK_SITES", "/sites");
    c = goodConfig();
    c.erase("sites");
    expectError(c, "MISSING_FIELD", "/sites");
}

TEST(KioskConfig, BrokenFilesAreErrorsNotCrashes) {
    const fs::path folder = outFolder("broken");
    std::ofstream(folder / "cut.json") << R"({"sites": ["a.json")";
    std::ofstream(folder / "deep.json") << std::string(100000, '[') << std::string(100000, ']');
    std::ofstream(folder / "array.json") << "[1, 2]";
    for (const char* name : {"cut.json", "deep.json", "array.json", "missing.json"}) {
        Problems problems;
        EXPECT_FALSE(readKioskConfig(folder / name, problems)) << name;
        EXPECT_TRUE(problems.hasErrors()) << name;
    }
}

TEST(KioskConfig, TheOperatorsSettingsAreWrittenBackWithEverythingElseKept) {
    json c = goodConfig();
    c["log"] = "kiosk.log";
    const fs::path file = writeConfig("write-back", c);
    Problems problems;
    auto config = readKioskConfig(file, problems);
    ASSERT_TRUE(config) << dump(problems);
    config->language = Language::Fr;
    config->idleSeconds = 300;
    config->uiScale = 3.0f;
    ASSERT_TRUE(friche::app::writeKioskConfig(*config, problems)) << dump(problems);
    const auto again = readKioskConfig(file, problems);
    ASSERT_TRUE(again) << dump(problems);
    EXPECT_EQ(again->language, Language::Fr);
    EXPECT_DOUBLE_EQ(again->idleSeconds, 300.0);
    EXPECT_FLOAT_EQ(*again->uiScale, 3.0f);
    EXPECT_EQ(again->sites, config->sites);
    EXPECT_EQ(again->log, config->log);
    // Written through a temporary file renamed into place: nothing left beside it.
    int files = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(file.parent_path())) ++files;
    EXPECT_EQ(files, 1);
}

TEST(KioskConfig, AFailedWriteKeepsTheOldFile) {
    const fs::path file = writeConfig("read-only", goodConfig());
    Problems problems;
    auto config = readKioskConfig(file, problems);
    ASSERT_TRUE(config);
    config->file = file.parent_path() / "no-such-folder" / "kiosk.json";
    EXPECT_FALSE(friche::app::writeKioskConfig(*config, problems));
    EXPECT_TRUE(problems.hasErrors());
}

}  // namespace
