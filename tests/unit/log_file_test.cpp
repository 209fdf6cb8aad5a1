// The kiosk's rotating log: whole stamped lines, rotation in order, no more
// old files than asked, and a bad path that reports instead of crashing.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "core/log_file.h"

using friche::core::LogFile;
namespace fs = std::filesystem;

namespace {

// "2024-05-01T12:34:56.789Z " is 25 bytes, so "line NN" makes 33 with its
// newline: three entries fill 100 bytes.
constexpr std::uintmax_t kThreeLines = 100;

std::vector<std::string> readLines(const fs::path& path) {
    std::vector<std::string> lines;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// The text after each line's timestamp.
std::vector<std::string> messages(const fs::path& path) {
    std::vector<std::string> result;
    for (const std::string& line : readLines(path)) result.push_back(line.substr(25));
    return result;
}

std::string numbered(int n) {
    return (n < 10 ? "line 0" : "line ") + std::to_string(n);
}

class LogFileTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::path(FRICHE_TEST_OUT) / "log_file" /
               ::testing::UnitTest::GetInstance()->current_test_info()->name();
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }

    fs::path dir_;
};

}  // namespace

TEST_F(LogFileTest, EachLineIsStampedAndWhole) {
    LogFile log(dir_ / "kiosk.log", 1 << 20, 5);
    log.write("started");
    log.write("two\nlines");
    EXPECT_EQ(log.lastError(), "");
    const std::vector<std::string> lines = readLines(dir_ / "kiosk.log");
    ASSERT_EQ(lines.size(), 2u);
    const std::regex stamped(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z .*)");
    for (const std::string& line : lines) EXPECT_TRUE(std::regex_match(line, stamped)) << line;
    EXPECT_EQ(messages(dir_ / "kiosk.log"), (std::vector<std::string>{"started", "two lines"}));
}

TEST_F(LogFileTest, RotatesNewestFirstAndKeepsNoMoreThanAsked) {
    const fs::path path = dir_ / "kiosk.log";
    {
        LogFile log(path, kThreeLines, 2);
        for (int i = 0; i < 12; ++i) log.write(numbered(i));
        EXPECT_EQ(log.lastError(), "");
    }
    EXPECT_EQ(messages(path), (std::vector<std::string>{"line 09", "line 10", "line 11"}));
    EXPECT_EQ(messages(dir_ / "kiosk.log.1"),
              (std::vector<std::string>{"line 06", "line 07", "line 08"}));
    EXPECT_EQ(messages(dir_ / "kiosk.log.2"),
              (std::vector<std::string>{"line 03", "line 04", "line 05"}));
    EXPECT_FALSE(fs::exists(dir_ / "kiosk.log.3"));
    for (const auto& entry : fs::directory_iterator(dir_))
        EXPECT_LE(fs::file_size(entry.path()), kThreeLines) << entry.path();
}

TEST_F(LogFileTest, ContinuesAnExistingFileAcrossRestarts) {
    const fs::path path = dir_ / "kiosk.log";
    LogFile(path, kThreeLines, 1).write(numbered(0));
    LogFile(path, kThreeLines, 1).write(numbered(1));
    LogFile second(path, kThreeLines, 1);
    second.write(numbered(2));
    second.write(numbered(3));  // the file's size counts what the first runs wrote
    EXPECT_EQ(messages(path), std::vector<std::string>{"line 03"});
    EXPECT_EQ(messages(dir_ / "kiosk.log.1"),
              (std::vector<std::string>{"line 00", "line 01", "line 02"}));
}

TEST_F(LogFileTest, ALineLongerThanTheLimitStillGoesInWhole) {
    const fs::path path = dir_ / "kiosk.log";
    LogFile log(path, kThreeLines, 1);
    log.write("short");
    const std::string longLine(300, 'x');
    log.write(longLine);
    EXPECT_EQ(messages(path), std::vector<std::string>{longLine});
    EXPECT_EQ(messages(dir_ / "kiosk.log.1"), std::vector<std::string>{"short"});
}

TEST_F(LogFileTest, CreatesAMissingFolder) {
    const fs::path path = dir_ / "state" / "friche" / "kiosk.log";
    LogFile log(path, 1 << 20, 5);
    log.write("started");
    EXPECT_EQ(log.lastError(), "");
    EXPECT_EQ(messages(path), std::vector<std::string>{"started"});
}

TEST_F(LogFileTest, AnUnusablePathReportsAndRetries) {
    // A folder that cannot be made, even by root: a plain file stands in its way.
    std::ofstream(dir_ / "plain") << "not a folder";
    const fs::path path = dir_ / "plain" / "kiosk.log";
    LogFile log(path, 1 << 20, 5);
    log.write("lost");
    const std::string first = log.lastError();
    EXPECT_NE(first.find(path.string()), std::string::npos) << first;
    log.write("lost too");
    EXPECT_EQ(log.lastError(), first);  // the same failure, reported once

    fs::remove(dir_ / "plain");
    log.write("back");
    EXPECT_EQ(log.lastError(), "");
    EXPECT_EQ(messages(path), std::vector<std::string>{"back"});
}

TEST_F(LogFileTest, AFullDiskReportsInsteadOfThrowing) {
    if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full here";
    LogFile log("/dev/full", 1 << 20, 5);  // every write fails: no space left
    log.write("lost");
    EXPECT_NE(log.lastError().find("cannot write to '/dev/full'"), std::string::npos)
        << log.lastError();
}
