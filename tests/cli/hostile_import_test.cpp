// `friche check` on files that crash or hang Assimp 5.2: exit 1 with the file
// and the importer named, never a crash of friche itself (issue 13).
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>

#include "support/hostile_models.h"
#include "support/run.h"
#include "support/test_files.h"

using namespace friche::test;

TEST(AssimpIsolationCli, CheckOnColladaThatCrashesAssimpExitsOne) {
    const auto dae = writeText(freshDir() / "hostile.dae", selfInstancingCollada());
    const RunResult r = runFriche({"check", dae.string()}, 20);
    EXPECT_EQ(r.signal, 0) << r.output;
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find(dae.string()), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("Assimp's Collada importer"), std::string::npos) << r.output;
}

TEST(AssimpIsolationCli, CheckOnObjThatHangsAssimpExitsOneAtTheTimeLimit) {
    const auto obj = writeText(freshDir() / "groups.obj", objWithMaterialGroups(200000));
    setenv("FRICHE_IMPORT_SECONDS", "1", 1);  // inherited by friche; this test's process only
    const auto start = std::chrono::steady_clock::now();
    const RunResult r = runFriche({"check", obj.string()}, 20);
    const double took =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    unsetenv("FRICHE_IMPORT_SECONDS");
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("IMPORT_TIMEOUT"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find(obj.string()), std::string::npos) << r.output;
    EXPECT_LT(took, 4.0);
}
