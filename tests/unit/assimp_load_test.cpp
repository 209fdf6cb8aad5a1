// The Assimp route: small OBJ, PLY, STL, COLLADA and FBX files written by the test
// itself, so every expected count, bound and colour is known exactly.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>

#include "io/load.h"
#include "scene/draw_list.h"
#include "support/collada_text.h"
#include "support/problem_text.h"
#include "support/test_files.h"

namespace fs = std::filesystem;
using namespace friche;
using test::describe;
using test::freshDir;
using test::writeText;

namespace {

bool hasProblem(const io::LoadResult& r, const std::string& code) {
    for (const auto& p : r.problems.list())
        if (p.code == code) return true;
    return false;
}

scene::Stats stats(const scene::Model& m) {
    return scene::computeStats(m, scene::buildDrawList(m, m.defaultScene));
}

scene::Bounds bounds(const scene::Model& m) {
    return scene::worldBounds(m, scene::buildDrawList(m, m.defaultScene));
}

float srgbToLinear(float c) {
    return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f);
}

const scene::Node* findNode(const scene::Model& m, const std::string& name) {
    for (const auto& n : m.nodes)
        if (n.name == name) return &n;
    return nullptr;
}

void expectVec3(const glm::vec3& actual, const glm::vec3& expected, float tolerance = 1e-4f) {
    EXPECT_NEAR(actual.x, expected.x, tolerance);
    EXPECT_NEAR(actual.y, expected.y, tolerance);
    EXPECT_NEAR(actual.z, expected.z, tolerance);
}

}  // namespace

TEST(AssimpLoad, ObjWithMaterialAndMissingTexture) {
    const fs::path dir = freshDir();
    writeText(dir / "hall.mtl",
              "newmtl brick\nKd 0.8 0.2 0.2\nNs 100\nd 0.5\nmap_Kd textures/missing.png\n");
    // A unit quad (one polygon, two triangles) and a triangle above it.
    const fs::path obj =
        writeText(dir / "hall.obj",
                  "mtllib hall.mtl\no floor\nv 0 0 0\nv 4 0 0\nv 4 0 2\nv 0 0 2\n"
                  "vt 0 0\nvt 1 0\nvt 1 1\nvt 0 1\nusemtl brick\nf 1/1 2/2 3/3 4/4\n"
                  "o gable\nv 0 3 0\nv 4 3 0\nv 2 5 0\nf 5 6 7\n");
    const io::LoadResult r = io::loadWithAssimp(obj);
    ASSERT_TRUE(r.ok()) << describe(r);
    EXPECT_TRUE(hasProblem(r, "TEXTURE_MISSING")) << describe(r);
    EXPECT_NE(r.model.format.find("Wavefront"), std::string::npos) << r.model.format;

    EXPECT_EQ(stats(r.model).triangles, 3u);
    const scene::Bounds b = bounds(r.model);
    expectVec3(b.min, {0, 0, 0});
    expectVec3(b.max, {4, 5, 2});

    const auto brick = std::find_if(r.model.materials.begin(), r.model.materials.end(),
                                    [](const scene::Material& m) { return m.name == "brick"; });
    ASSERT_NE(brick, r.model.materials.end());
    EXPECT_NEAR(brick->baseColorFactor.r, srgbToLinear(0.8f), 1e-4f);
    EXPECT_NEAR(brick->baseColorFactor.g, srgbToLinear(0.2f), 1e-4f);
    EXPECT_NEAR(brick->baseColorFactor.a, 0.5f, 1e-4f);
    EXPECT_EQ(brick->alphaMode, scene::AlphaMode::Blend);
    EXPECT_EQ(brick->metallicFactor, 0.0f);
    EXPECT_LT(brick->roughnessFactor, 0.6f);  // Ns 100 is fairly glossy
    ASSERT_TRUE(brick->baseColorTexture);
    const scene::Texture& tex =
        r.model.textures.at(static_cast<std::size_t>(brick->baseColorTexture.texture));
    EXPECT_EQ(r.model.images.at(static_cast<std::size_t>(tex.image)).width, 0);
}

TEST(AssimpLoad, ObjTextureBesideTheModelIsDecoded) {
    const fs::path dir = freshDir();
    // A 1x1 red PNG, so the texture path is proven to load, not only to warn.
    static const unsigned char png[] = {
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48,
        0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00,
        0x00, 0x90, 0x77, 0x53, 0xde, 0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x78,
        0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0x00, 0x00, 0x03, 0x01, 0x01, 0x00, 0xc9, 0xfe, 0x92,
        0xef, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};
    writeText(dir / "red.png", std::string(reinterpret_cast<const char*>(png), sizeof png));
    // A Windows path from the author's disk: only the file name matches.
    writeText(dir / "a.mtl", "newmtl m\nKd 1 1 1\nmap_Kd C:\\Users\\arch\\maps\\red.png\n");
    const fs::path obj =
        writeText(dir / "a.obj",
                  "mtllib a.mtl\nv 0 0 0\nv 1 0 0\nv 0 1 0\nvt 0 0\nvt 1 0\nvt 0 1\n"
                  "usemtl m\nf 1/1 2/2 3/3\n");
    const io::LoadResult r = io::loadWithAssimp(obj);
    ASSERT_TRUE(r.ok()) << describe(r);
    EXPECT_FALSE(hasProblem(r, "TEXTURE_MISSING")) << describe(r);
    ASSERT_EQ(r.model.images.size(), 1u);
    ASSERT_EQ(r.model.images[0].width, 1);
    EXPECT_EQ(r.model.images[0].rgba[0], 255);
    EXPECT_EQ(r.model.images[0].rgba[1], 0);
    // glTF's V runs down the image: OBJ's v = 1 (top) becomes 0.
    const scene::Primitive& p = r.model.meshes.at(0).primitives.at(0);
    ASSERT_EQ(p.uv0.size(), 3u);
    const auto top = std::find(p.positions.begin(), p.positions.end(), glm::vec3(0, 1, 0));
    ASSERT_NE(top, p.positions.end());
    EXPECT_NEAR(p.uv0[static_cast<std::size_t>(top - p.positions.begin())].y, 0.0f, 1e-6f);
}

// A red quad and a blue triangle; the quad is one 4-sided face.
const std::string kSlabPly =
    "ply\nformat ascii 1.0\nelement vertex 5\nproperty float x\nproperty float y\n"
    "property float z\nproperty uchar red\nproperty uchar green\nproperty uchar blue\n"
    "element face 2\nproperty list uchar int vertex_indices\nend_header\n"
    "0 0 0 255 0 0\n2 0 0 255 0 0\n2 1 0 255 0 0\n0 1 0 255 0 0\n1 2 -1 0 0 255\n"
    "4 0 1 2 3\n3 2 3 4\n";

TEST(AssimpLoad, AsciiPlyWithVertexColours) {
    const fs::path dir = freshDir();
    const fs::path ply = writeText(dir / "slab.ply", kSlabPly);
    const io::LoadResult r = io::loadWithAssimp(ply);
    ASSERT_TRUE(r.ok()) << describe(r);
    EXPECT_EQ(stats(r.model).triangles, 3u);
    const scene::Bounds b = bounds(r.model);
    expectVec3(b.min, {0, 0, -1});
    expectVec3(b.max, {2, 2, 0});
    const scene::Primitive& p = r.model.meshes.at(0).primitives.at(0);
    ASSERT_EQ(p.colors.size(), p.positions.size());
    EXPECT_EQ(p.normals.size(), p.positions.size());  // generated: the file has none
    for (std::size_t i = 0; i < p.positions.size(); ++i) {
        const float blue = p.positions[i].z < -0.5f ? 1.0f : 0.0f;
        EXPECT_NEAR(p.colors[i].b, blue, 1e-3f);
        EXPECT_NEAR(p.colors[i].r, 1.0f - blue, 1e-3f);
    }
}

TEST(AssimpLoad, AsciiStlTetrahedron) {
    const fs::path dir = freshDir();
    const auto facet = [](const char* a, const char* b, const char* c) {
        return std::string("facet normal 0 0 0\nouter loop\nvertex ") + a + "\nvertex " + b +
               "\nvertex " + c + "\nendloop\nendfacet\n";
    };
    const char *o = "0 0 0", *x = "1 0 0", *y = "0 1 0", *z = "0 0 1";
    const fs::path stl =
        writeText(dir / "tetra.stl", "solid tetra\n" + facet(o, y, x) + facet(o, x, z) +
                                         facet(o, z, y) + facet(x, y, z) + "endsolid tetra\n");
    const io::LoadResult r = io::loadWithAssimp(stl);
    ASSERT_TRUE(r.ok()) << describe(r);
    EXPECT_EQ(stats(r.model).triangles, 4u);
    const scene::Bounds b = bounds(r.model);
    expectVec3(b.min, {0, 0, 0});
    expectVec3(b.max, {1, 1, 1});
    EXPECT_FALSE(r.model.meshes.at(0).primitives.at(0).normals.empty());
}

namespace {

// A triangle in a two-level hierarchy: "parent" translates by (1,2,3), "child"
// scales by 2 with a <matrix>, so vertex (1,0,0) lands at (3,2,3) in Y-up.
std::string collada(const std::string& upAxis) {
    return R"(<?xml version="1.0" encoding="utf-8"?>
<COLLADA xmlns="http://www.collada.org/2005/11/COLLADASchema" version="1.4.1">
  <asset><unit name="meter" meter="1"/><up_axis>)" +
           upAxis + R"(</up_axis></asset>
  <library_effects><effect id="fx"><profile_COMMON><technique sid="t"><lambert>
    <diffuse><color>0.5 0.25 1 1</color></diffuse>
  </lambert></technique></profile_COMMON></effect></library_effects>
  <library_materials><material id="steel" name="steel"><instance_effect url="#fx"/></material></library_materials>
  )" + test::colladaTriangle("1 0 0 0 1 0 0 0 1") +
           R"(
  <library_cameras><camera id="cam" name="cam"><optics><technique_common><perspective>
    <yfov>60</yfov><aspect_ratio>1.5</aspect_ratio><znear>0.1</znear><zfar>1000</zfar>
  </perspective></technique_common></optics></camera></library_cameras>
  <library_lights><light id="sun" name="sun"><technique_common><directional>
    <color>2 1 0.5</color>
  </directional></technique_common></light></library_lights>
  <library_visual_scenes><visual_scene id="s">
    <node id="viewpoint" name="viewpoint"><translate>0 0 10</translate><instance_camera url="#cam"/></node>
    <node id="lamp" name="lamp"><instance_light url="#sun"/></node>
    <node id="parent" name="parent"><translate>1 2 3</translate>
      <node id="child" name="child">
        <matrix>2 0 0 0 0 2 0 0 0 0 2 0 0 0 0 1</matrix>
        <instance_geometry url="#tri"><bind_material><technique_common>
          <instance_material symbol="m" target="#steel"/>
        </technique_common></bind_material></instance_geometry>
      </node>
    </node>
  </visual_scene></library_visual_scenes>
  <scene><instance_visual_scene url="#s"/></scene>
</COLLADA>
)";
}

glm::mat4 worldOf(const scene::Model& m, const scene::Node* node) {
    glm::mat4 world(1.0f);
    for (; node != nullptr;
         node = node->parent >= 0 ? &m.nodes[static_cast<std::size_t>(node->parent)] : nullptr)
        world = node->local * world;
    return world;
}

}  // namespace

TEST(AssimpLoad, ColladaHierarchyAndTransforms) {
    const fs::path dir = freshDir();
    const io::LoadResult r = io::loadWithAssimp(writeText(dir / "site.dae", collada("Y_UP")));
    ASSERT_TRUE(r.ok()) << describe(r);
    const scene::Node* parent = findNode(r.model, "parent");
    const scene::Node* child = findNode(r.model, "child");
    ASSERT_TRUE(parent && child);
    EXPECT_EQ(&r.model.nodes[static_cast<std::size_t>(child->parent)], parent);
    // Translation sits in the last column of a column-major glm matrix.
    expectVec3(glm::vec3(parent->local[3]), {1, 2, 3});
    expectVec3(glm::vec3(child->local[0]), {2, 0, 0});
    expectVec3(glm::vec3(worldOf(r.model, child) * glm::vec4(1, 0, 0, 1)), {3, 2, 3});
    const scene::Bounds b = bounds(r.model);
    expectVec3(b.min, {1, 2, 3});
    expectVec3(b.max, {3, 4, 5});
    EXPECT_EQ(stats(r.model).triangles, 1u);

    ASSERT_GE(child->mesh, 0);
    const int material =
        r.model.meshes[static_cast<std::size_t>(child->mesh)].primitives.at(0).material;
    ASSERT_GE(material, 0);
    const glm::vec4 colour = r.model.materials[static_cast<std::size_t>(material)].baseColorFactor;
    EXPECT_NEAR(colour.r, srgbToLinear(0.5f), 1e-3f);
    EXPECT_NEAR(colour.g, srgbToLinear(0.25f), 1e-3f);
    EXPECT_NEAR(colour.b, 1.0f, 1e-3f);
}

TEST(AssimpLoad, ColladaCameraAndLightLookDownMinusZ) {
    const fs::path dir = freshDir();
    const io::LoadResult r = io::loadWithAssimp(writeText(dir / "site.dae", collada("Y_UP")));
    ASSERT_TRUE(r.ok()) << describe(r);
    ASSERT_EQ(r.model.cameras.size(), 1u);
    const scene::Camera& cam = r.model.cameras[0];
    EXPECT_NEAR(cam.yfov, glm::radians(60.0f), 1e-3f);
    EXPECT_NEAR(cam.aspectRatio.value_or(0), 1.5f, 1e-4f);
    EXPECT_NEAR(cam.znear, 0.1f, 1e-5f);
    const auto camNode = std::find_if(r.model.nodes.begin(), r.model.nodes.end(),
                                      [](const scene::Node& n) { return n.camera == 0; });
    ASSERT_NE(camNode, r.model.nodes.end());
    const glm::mat4 camWorld = worldOf(r.model, &*camNode);
    expectVec3(glm::vec3(camWorld[3]), {0, 0, 10});
    expectVec3(glm::vec3(camWorld * glm::vec4(0, 0, -1, 0)), {0, 0, -1});

    ASSERT_EQ(r.model.lights.size(), 1u);
    const scene::Light& sun = r.model.lights[0];
    EXPECT_EQ(sun.type, scene::Light::Type::Directional);
    EXPECT_NEAR(sun.intensity, 2.0f, 1e-4f);
    expectVec3(sun.color, {1, 0.5f, 0.25f});
}

TEST(AssimpLoad, ColladaZUpComesInYUp) {
    const fs::path dir = freshDir();
    const io::LoadResult r = io::loadWithAssimp(writeText(dir / "zup.dae", collada("Z_UP")));
    ASSERT_TRUE(r.ok()) << describe(r);
    // In the file, +Z is up: the parent's (1,2,3) is 3 m high, so +Y = 3 in glTF.
    const scene::Bounds b = bounds(r.model);
    EXPECT_NEAR(b.max.y, 5.0f, 1e-4f);
    EXPECT_NEAR(b.min.y, 3.0f, 1e-4f);
}

namespace {

// A 3ds Max-style ASCII FBX: Z up, -Y front, and `cmPerUnit` centimetres per
// unit. One triangle standing in the file's XZ plane, on a node lifted 10 units.
std::string fbxZUp(const std::string& cmPerUnit) {
    return R"(; FBX 7.5.0 project file
FBXHeaderExtension:  {
	FBXHeaderVersion: 1003
	FBXVersion: 7500
}
GlobalSettings:  {
	Version: 1000
	Properties70:  {
		P: "UpAxis", "int", "Integer", "", 2
		P: "UpAxisSign", "int", "Integer", "", 1
		P: "FrontAxis", "int", "Integer", "", 1
		P: "FrontAxisSign", "int", "Integer", "", -1
		P: "CoordAxis", "int", "Integer", "", 0
		P: "CoordAxisSign", "int", "Integer", "", 1
		P: "UnitScaleFactor", "double", "Number", "", )" +
           cmPerUnit + R"(
	}
}
Objects:  {
	Geometry: 1, "Geometry::tri", "Mesh" {
		Vertices: *9 {
			a: 0,0,0,1,0,0,0,0,1
		}
		PolygonVertexIndex: *3 {
			a: 0,1,-3
		}
		GeometryVersion: 124
	}
	Model: 2, "Model::mast", "Mesh" {
		Version: 232
		Properties70:  {
			P: "Lcl Translation", "Lcl Translation", "", "A", 0, 0, 10
		}
	}
}
Connections:  {
	C: "OO", 2, 0
	C: "OO", 1, 2
}
)";
}

}  // namespace

TEST(AssimpLoad, FbxAxesAndUnitsBecomeYUpMetres) {
    const fs::path dir = freshDir();
    const io::LoadResult metres = io::loadWithAssimp(writeText(dir / "metres.fbx", fbxZUp("100")));
    ASSERT_TRUE(metres.ok()) << describe(metres);
    EXPECT_EQ(metres.model.format, "Autodesk FBX Importer");
    ASSERT_NE(findNode(metres.model, "mast"), nullptr);
    scene::Bounds b = bounds(metres.model);
    expectVec3(b.min, {0, 10, 0});
    expectVec3(b.max, {1, 11, 0});

    const io::LoadResult centimetres = io::loadWithAssimp(writeText(dir / "cm.fbx", fbxZUp("1")));
    ASSERT_TRUE(centimetres.ok()) << describe(centimetres);
    b = bounds(centimetres.model);
    expectVec3(b.min, {0, 0.1f, 0});
    expectVec3(b.max, {0.01f, 0.11f, 0});
}

TEST(AssimpLoad, GarbageIsAnErrorNotACrash) {
    const fs::path dir = freshDir();
    std::string noise(4096, '\0');
    for (std::size_t i = 0; i < noise.size(); ++i)
        noise[i] = static_cast<char>((i * 2654435761u) >> 13);
    for (const char* name :
         {"noise.fbx", "noise.dae", "noise.3ds", "noise.ply", "noise.stl", "noise.ifc"}) {
        const io::LoadResult r = io::loadWithAssimp(writeText(dir / name, noise));
        EXPECT_FALSE(r.ok()) << name;
        ASSERT_FALSE(r.problems.list().empty()) << name;
        EXPECT_NE(r.problems.list()[0].message.find(name), std::string::npos) << describe(r);
    }
    EXPECT_FALSE(io::loadWithAssimp(dir / "does-not-exist.obj").ok());
    EXPECT_FALSE(io::loadWithAssimp(dir).ok());  // a directory
}

// Two ways Assimp 5.2 itself fails on a cut-off PLY: it loops forever on a
// header without end_header, and a failed internal assertion aborts in the
// triangulation of a truncated vertex list. Both must come back as errors.
TEST(AssimpLoad, TruncatedPlyIsAnErrorNotAHangOrAbort) {
    const fs::path dir = freshDir();
    const std::size_t headerEnd = kSlabPly.find("end_header");
    const io::LoadResult noEnd =
        io::loadWithAssimp(writeText(dir / "no_end.ply", kSlabPly.substr(0, headerEnd)));
    EXPECT_FALSE(noEnd.ok());
    // Cut inside the fourth vertex.
    const io::LoadResult cut =
        io::loadWithAssimp(writeText(dir / "cut.ply", kSlabPly.substr(0, headerEnd + 57)));
    EXPECT_FALSE(cut.ok()) << describe(cut);
}

TEST(AssimpLoad, GltfThroughAssimpMatchesTheGltfLoader) {
    const fs::path helmet = fs::path(FRICHE_CORPUS_DIR) /
                            "glTF-Sample-Assets/Models/DamagedHelmet/glTF-Binary/DamagedHelmet.glb";
    const io::LoadResult viaGltf = io::loadGltf(helmet);
    if (!viaGltf.ok())
        GTEST_SKIP() << "the glTF loader does not read it yet: " << describe(viaGltf);
    const io::LoadResult viaAssimp = io::loadWithAssimp(helmet);
    ASSERT_TRUE(viaAssimp.ok()) << describe(viaAssimp);
    EXPECT_EQ(stats(viaAssimp.model).triangles, stats(viaGltf.model).triangles);
    EXPECT_EQ(stats(viaAssimp.model).triangles, 15452u);
    // The helmet's textures are embedded in the glb: Assimp names them "*N".
    const scene::Model& m = viaAssimp.model;
    const int material = m.meshes.at(0).primitives.at(0).material;
    ASSERT_GE(material, 0);
    const scene::Material& mat = m.materials[static_cast<std::size_t>(material)];
    for (const scene::TextureRef* ref :
         {&mat.baseColorTexture, &mat.normalTexture, &mat.emissiveTexture}) {
        ASSERT_TRUE(*ref);
        const auto& image = m.images[static_cast<std::size_t>(
            m.textures[static_cast<std::size_t>(ref->texture)].image)];
        EXPECT_EQ(image.width, 2048) << image.name;
    }
    EXPECT_EQ(viaAssimp.model.format, "glTF2 Importer");
}
