// Files written by a test into a folder of its own, so that tests run in
// parallel under ctest never share one.
//
//   const fs::path dir = friche::test::freshDir();      // <tmp>/friche_test/<suite>/<test>
//   const fs::path obj = friche::test::writeText(dir / "a.obj", "v 0 0 0\n");
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace friche::test {

// Emptied at each call.
inline std::filesystem::path freshDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / "friche_test" /
                                      info->test_suite_name() / info->name();
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

// Its folder made if need be.
inline std::filesystem::path writeText(const std::filesystem::path& path, const std::string& text) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

// Whether this test runs under AddressSanitizer, whose shadow memory makes an
// address-space limit (prlimit --as, RLIMIT_AS) impossible to honour.
// The tests' own code is compiled without the sanitizers (tests/CMakeLists.txt),
// so the build says so.
inline bool underAddressSanitizer() {
#ifdef FRICHE_SANITIZED
    return true;
#else
    return false;
#endif
}

}  // namespace friche::test
