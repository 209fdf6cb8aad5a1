// Assimp in a child process (io/import_child.h): files that crash, hang or
// exhaust Assimp 5.2 come back as errors naming the file and the importer,
// within their time limit; files that reach outside their folder are refused;
// a normal file loads exactly as it does in this process.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "io/load.h"
#include "io/model_wire.h"
#include "scene/draw_list.h"
#include "support/collada_text.h"
#include "support/hostile_models.h"
#include "support/problem_text.h"
#include "support/test_files.h"
#include "support/wire_bytes.h"

namespace fs = std::filesystem;
using namespace friche;
using test::describe;
using test::freshDir;
using test::wireBytes;
using test::writeText;

namespace {

// Sets an environment variable for one test (each test is its own process
// under ctest, so nothing else sees it).
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : name_(name) { setenv(name, value, 1); }
    ~ScopedEnv() { unsetenv(name_); }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* name_;
};

const core::Problem* find(const io::LoadResult& r, const std::string& code) {
    for (const auto& p : r.problems.list())
        if (p.code == code) return &p;
    return nullptr;
}

// The one error a hostile file must give: not ok, and a message that names
// the file and the importer.
void expectErrorNaming(const io::LoadResult& r, const fs::path& file, const std::string& importer) {
    ASSERT_FALSE(r.ok()) << describe(r);
    const std::string all = describe(r);
    EXPECT_NE(all.find(file.filename().string()), std::string::npos) << all;
    EXPECT_NE(all.find(importer), std::string::npos) << all;
}

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST(AssimpIsolation, DeeplyNestedColladaIsAnErrorNotACrash) {
    const fs::path dae = writeText(freshDir() / "nested.dae", test::nestedCollada(10000));
    const auto start = std::chrono::steady_clock::now();
    const io::LoadResult r = io::loadWithAssimp(dae);
    expectErrorNaming(r, dae, "Collada");
    EXPECT_LT(secondsSince(start), 5.0);
}

TEST(AssimpIsolation, SelfInstancingColladaNodeIsAnErrorNotACrash) {
    const fs::path dae = writeText(freshDir() / "self.dae", test::selfInstancingCollada());
    const auto start = std::chrono::steady_clock::now();
    const io::LoadResult r = io::loadWithAssimp(dae);
    expectErrorNaming(r, dae, "Collada");
    EXPECT_LT(secondsSince(start), 5.0);
}

TEST(AssimpIsolation, ObjThatTakesTooLongIsStoppedAtTheTimeLimit) {
    const fs::path obj = writeText(freshDir() / "groups.obj", test::objWithMaterialGroups(200000));
    const ScopedEnv limit("FRICHE_IMPORT_SECONDS", "1");
    const auto start = std::chrono::steady_clock::now();
    const io::LoadResult r = io::loadWithAssimp(obj);
    const double took = secondsSince(start);
    expectErrorNaming(r, obj, "Wavefront Object");
    const core::Problem* timeout = find(r, "IMPORT_TIMEOUT");
    ASSERT_NE(timeout, nullptr) << describe(r);
    EXPECT_NE(timeout->message.find("longer than 1 s"), std::string::npos) << timeout->message;
    EXPECT_GE(took, 1.0);
    EXPECT_LT(took, 3.0);
}

TEST(AssimpIsolation, ObjThatNeedsTooMuchMemoryIsStoppedAtTheMemoryLimit) {
    if (friche::test::underAddressSanitizer())
        GTEST_SKIP() << "no memory limit under AddressSanitizer";
    // Assimp reads the whole 4 MB file into memory first: more than 2 MiB.
    const fs::path obj = writeText(freshDir() / "groups.obj", test::objWithMaterialGroups(200000));
    const ScopedEnv limit("FRICHE_IMPORT_MEMORY_MIB", "2");
    const io::LoadResult r = io::loadWithAssimp(obj);
    expectErrorNaming(r, obj, "Wavefront Object");
    const core::Problem* oom = find(r, "IMPORT_OUT_OF_MEMORY");
    ASSERT_NE(oom, nullptr) << describe(r);
    EXPECT_NE(oom->message.find("more than 2 MiB"), std::string::npos) << oom->message;
}

TEST(AssimpIsolation, LimitThatIsNotANumberIsAnErrorNamingTheVariable) {
    const fs::path obj = writeText(freshDir() / "a.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n");
    const ScopedEnv limit("FRICHE_IMPORT_SECONDS", "soon");
    const io::LoadResult r = io::loadWithAssimp(obj);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(describe(r).find("FRICHE_IMPORT_SECONDS=soon"), std::string::npos) << describe(r);
}

TEST(AssimpIsolation, MaterialLibraryOutsideTheModelsFolderIsRefused) {
    const fs::path dir = freshDir();
    // A material library one folder up, which the model must not read.
    writeText(dir / "secret.mtl", "newmtl leaked\nKd 1 0 0\n");
    fs::create_directories(dir / "model");
    const std::string passwd = "../../../../../../../../../../etc/passwd";
    const fs::path obj = writeText(dir / "model" / "a.obj",
                                   "mtllib ../secret.mtl\nmtllib " + passwd +
                                       "\nv 0 0 0\nv 1 0 0\nv 0 1 0\nusemtl leaked\nf 1 2 3\n");
    const io::LoadResult r = io::loadWithAssimp(obj);
    ASSERT_TRUE(r.ok()) << describe(r);  // the model itself is fine
    // Assimp makes a default material for the name `usemtl` asks for; not the red one.
    for (const auto& m : r.model.materials) EXPECT_NE(m.baseColorFactor, glm::vec4(1, 0, 0, 1));
    const std::string all = describe(r);
    EXPECT_NE(all.find("PATH_REFUSED"), std::string::npos) << all;
    EXPECT_NE(all.find("'" + (dir / "secret.mtl").string() + "'"), std::string::npos) << all;
    EXPECT_NE(all.find("'/etc/passwd', outside the model's folder"), std::string::npos) << all;
}

TEST(AssimpIsolation, ColladaImageOutsideTheModelsFolderIsRefused) {
    const fs::path dir = freshDir();
    fs::create_directories(dir / "model");
    writeText(dir / "secret.png", "not read");
    const fs::path dae = writeText(dir / "model" / "a.dae", R"(<?xml version="1.0"?>
<COLLADA xmlns="http://www.collada.org/2005/11/COLLADASchema" version="1.4.1">
  <library_images><image id="img"><init_from>../secret.png</init_from></image></library_images>
  <library_effects><effect id="fx"><profile_COMMON>
    <newparam sid="surf"><surface type="2D"><init_from>img</init_from></surface></newparam>
    <newparam sid="samp"><sampler2D><source>surf</source></sampler2D></newparam>
    <technique sid="t"><lambert><diffuse><texture texture="samp" texcoord="uv"/></diffuse></lambert></technique>
  </profile_COMMON></effect></library_effects>
  <library_materials><material id="mat"><instance_effect url="#fx"/></material></library_materials>
  )" + test::colladaTriangle("0 0 0 1 0 0 0 1 0") +
                                                                R"(
  <library_visual_scenes><visual_scene id="s"><node id="n">
    <instance_geometry url="#tri"><bind_material><technique_common>
      <instance_material symbol="m" target="#mat"/></technique_common></bind_material></instance_geometry>
  </node></visual_scene></library_visual_scenes>
  <scene><instance_visual_scene url="#s"/></scene>
</COLLADA>
)");
    const io::LoadResult r = io::loadWithAssimp(dae);
    ASSERT_TRUE(r.ok()) << describe(r);
    const std::string all = describe(r);
    EXPECT_NE(all.find("'" + (dir / "secret.png").string() + "', outside the model's folder"),
              std::string::npos)
        << all;
    for (const auto& image : r.model.images) EXPECT_EQ(image.width, 0) << image.name;
}

TEST(AssimpIsolation, PathThatIsNotARegularFileIsRefusedBeforeAnyImport) {
    const fs::path dir = freshDir();
    const std::string withNul = (dir / "a.obj").string() + std::string(1, '\0') + ".obj";
    writeText(dir / "a.obj", "v 0 0 0\n");
    const io::LoadResult nul = io::loadWithAssimp(fs::path(withNul));
    ASSERT_FALSE(nul.ok());
    EXPECT_NE(describe(nul).find("NUL"), std::string::npos) << describe(nul);

    // A FIFO nobody writes to would block a reader forever.
    const fs::path fifo = dir / "pipe.obj";
    ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
    const auto start = std::chrono::steady_clock::now();
    EXPECT_FALSE(io::loadWithAssimp(fifo).ok());
    EXPECT_FALSE(io::loadWithAssimp("/dev/zero").ok());
    EXPECT_LT(secondsSince(start), 1.0);
}

// The child hands back exactly what the same import gives in this process:
// every field, compared through the wire's bytes.
TEST(AssimpIsolation, NormalFilesLoadAsTheyDoInProcess) {
    const fs::path dir = freshDir();
    writeText(dir / "hall.mtl", "newmtl brick\nKd 0.8 0.2 0.2\nmap_Kd missing.png\n");
    const fs::path obj =
        writeText(dir / "hall.obj",
                  "mtllib hall.mtl\no floor\nv 0 0 0\nv 4 0 0\nv 4 0 2\nv 0 0 2\n"
                  "vt 0 0\nvt 1 0\nvt 1 1\nvt 0 1\nusemtl brick\nf 1/1 2/2 3/3 4/4\n"
                  "o gable\nv 0 3 0\nv 4 3 0\nv 2 5 0\nf 5 6 7\n");
    const fs::path nested = writeText(dir / "nested.dae", test::nestedCollada(20));
    for (const fs::path& file : {obj, nested}) {
        const io::LoadResult here = io::importWithAssimpHere(file);
        const io::LoadResult isolated = io::loadWithAssimp(file);
        ASSERT_TRUE(isolated.ok()) << describe(isolated);
        EXPECT_EQ(describe(isolated), describe(here));
        const auto statsOf = [](const scene::Model& m) {
            return scene::computeStats(m, scene::buildDrawList(m, m.defaultScene));
        };
        EXPECT_EQ(statsOf(isolated.model).nodes, statsOf(here.model).nodes);
        EXPECT_EQ(statsOf(isolated.model).triangles, statsOf(here.model).triangles);
        EXPECT_EQ(wireBytes(isolated), wireBytes(here)) << file;
    }
    const io::LoadResult r = io::loadWithAssimp(obj);
    ASSERT_EQ(r.model.meshes.size(), 2u);  // floor and gable
    const auto& floor = r.model.meshes[0].primitives.at(0).positions;
    EXPECT_NE(std::find(floor.begin(), floor.end(), glm::vec3(4, 0, 2)), floor.end());
}
