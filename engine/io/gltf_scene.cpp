// Nodes, cameras, lights and scenes: the glTF-to-scene mapping.
#include <algorithm>
#include <cmath>

#include <glm/gtc/quaternion.hpp>

#include "io/gltf_accessor.h"
#include "io/gltf_convert.h"
#include "io/gltf_value.h"

namespace friche::io::gltf {

namespace {

glm::vec3 vec3Or(const std::vector<double>& v, glm::vec3 fallback) {
    if (v.size() != 3) return fallback;
    return {static_cast<float>(v[0]), static_cast<float>(v[1]), static_cast<float>(v[2])};
}

glm::mat4 trs(const glm::vec3& t, const glm::quat& r, const glm::vec3& s) {
    glm::mat4 m = glm::mat4_cast(r);
    m[0] *= s.x;
    m[1] *= s.y;
    m[2] *= s.z;
    m[3] = glm::vec4(t, 1.0f);
    return m;
}

glm::mat4 localMatrix(const tinygltf::Node& n) {
    if (n.matrix.size() == 16) {
        glm::mat4 m;  // glTF matrices are column-major, like glm
        for (int i = 0; i < 16; ++i)
            m[i / 4][i % 4] = static_cast<float>(n.matrix[static_cast<std::size_t>(i)]);
        return m;
    }
    glm::quat r(1.0f, 0.0f, 0.0f, 0.0f);
    if (n.rotation.size() == 4) {
        r = glm::quat(static_cast<float>(n.rotation[3]), static_cast<float>(n.rotation[0]),
                      static_cast<float>(n.rotation[1]), static_cast<float>(n.rotation[2]));
    }
    return trs(vec3Or(n.translation, glm::vec3(0.0f)), r, vec3Or(n.scale, glm::vec3(1.0f)));
}

// EXT_mesh_gpu_instancing: one matrix per instance from the TRS accessors.
bool readInstances(const tinygltf::Model& in, const tinygltf::Value& ext,
                   std::vector<glm::mat4>& out, std::string& error) {
    const tinygltf::Value* attributes = member(ext, "attributes");
    if (!attributes) return true;
    std::vector<glm::vec3> t, s;
    std::vector<glm::vec4> r;
    const int ti = intOr(*attributes, "TRANSLATION", -1), ri = intOr(*attributes, "ROTATION", -1),
              si = intOr(*attributes, "SCALE", -1);
    if ((ti >= 0 && !readVectors(in, ti, t, error)) ||
        (ri >= 0 && !readVectors(in, ri, r, error)) || (si >= 0 && !readVectors(in, si, s, error)))
        return false;
    const std::size_t count = std::max({t.size(), r.size(), s.size()});
    if ((!t.empty() && t.size() != count) || (!r.empty() && r.size() != count) ||
        (!s.empty() && s.size() != count)) {
        error = "TRANSLATION, ROTATION and SCALE have different counts";
        return false;
    }
    out.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        const glm::quat q =
            r.empty() ? glm::quat(1, 0, 0, 0) : glm::quat(r[i].w, r[i].x, r[i].y, r[i].z);
        out.push_back(
            trs(t.empty() ? glm::vec3(0.0f) : t[i], q, s.empty() ? glm::vec3(1.0f) : s[i]));
    }
    return true;
}

// friche's own extras on a node: {"friche": {"drive": {"speed", "span"}}}.
void readDrive(const tinygltf::Value& friche, scene::Node& out, const std::string& where,
               core::Problems& problems) {
    const tinygltf::Value* drive = member(friche, "drive");
    if (!drive || !drive->IsObject()) return;
    const double speed = numberOr(*drive, "speed", 0.0), span = numberOr(*drive, "span", 0.0);
    if (!(std::abs(speed) <= 100.0 && span > 0.0 && span <= 100000.0)) {
        problems.warning("DRIVE_IGNORED", where + "/extras/friche/drive",
                         "a drive wants a speed within 100 m/s and a span of 0 to 100 km");
        return;
    }
    out.drive = {static_cast<float>(speed), static_cast<float>(span)};
}

// A course's axis and width, or nothing where one is broken: an end beyond
// 100 km, ends less than a metre apart, a width outside 0 to 10 km (NaN, a
// missing value or one not a number fails each).
std::optional<scene::Node::Course> readCourse(const tinygltf::Value& v) {
    if (!v.IsObject()) return std::nullopt;
    const auto at = [&](const char* key, int i) { return arrayNumberOr(v, key, i, NAN); };
    const glm::vec2 from(at("from", 0), at("from", 1)), to(at("to", 0), at("to", 1));
    const double width = numberOr(v, "width", 0.0);
    const auto near = [](glm::vec2 p) { return std::abs(p.x) <= 1e5f && std::abs(p.y) <= 1e5f; };
    if (!(near(from) && near(to) && glm::distance(from, to) >= 1.0f && width > 0.0 && width <= 1e4))
        return std::nullopt;
    return scene::Node::Course{from, to, static_cast<float>(width)};
}

constexpr const char* kCourseRule =
    "from and to (x, z within 100 km, a metre apart at least) and a width of 0 to 10 km";

// {"friche": {"river": {"from": [x, z], "to": [x, z], "width"}}}: where the
// landscape carries a river on.
void readRiver(const tinygltf::Value& friche, scene::Node& out, const std::string& where,
               core::Problems& problems) {
    const tinygltf::Value* river = member(friche, "river");
    if (!river) return;
    out.river = readCourse(*river);
    if (!out.river)
        problems.warning("RIVER_IGNORED", where + "/extras/friche/river",
                         std::string("a river wants ") + kCourseRule);
}

// The ends a road runs on beyond: "from", "to" or both, each once.
bool readBeyond(const tinygltf::Value& road, scene::Node::Road& out) {
    const tinygltf::Value* beyond = member(road, "beyond");
    if (!beyond || !beyond->IsArray() || beyond->ArrayLen() == 0 || beyond->ArrayLen() > 2)
        return false;
    for (std::size_t i = 0; i < beyond->ArrayLen(); ++i) {
        const tinygltf::Value& end = beyond->Get(static_cast<int>(i));
        const std::string name = end.IsString() ? end.Get<std::string>() : "";
        if (name != "from" && name != "to") return false;
        bool& flag = name == "from" ? out.beyondFrom : out.beyondTo;
        if (flag) return false;
        flag = true;
    }
    return true;
}

// {"friche": {"roads": [{"from", "to", "width", "color": [r, g, b], "beyond":
// ["from", "to"]}]}}: the roads the landscape carries on. A broken one is
// dropped, the others kept.
void readRoads(const tinygltf::Value& friche, scene::Node& out, const std::string& where,
               core::Problems& problems) {
    const tinygltf::Value* roads = member(friche, "roads");
    if (!roads) return;
    if (!roads->IsArray()) {
        problems.warning("ROAD_IGNORED", where + "/extras/friche/roads", "expected an array");
        return;
    }
    for (std::size_t i = 0; i < roads->ArrayLen(); ++i) {
        const tinygltf::Value& v = roads->Get(static_cast<int>(i));
        const std::optional<scene::Node::Course> course = readCourse(v);
        scene::Node::Road road{
            .course = course.value_or(scene::Node::Course{}),
            .color = glm::vec3(arrayNumberOr(v, "color", 0, NAN), arrayNumberOr(v, "color", 1, NAN),
                               arrayNumberOr(v, "color", 2, NAN))};
        const bool colorOk = glm::all(glm::greaterThanEqual(road.color, glm::vec3(0.0f))) &&
                             glm::all(glm::lessThanEqual(road.color, glm::vec3(1.0f)));
        if (course && colorOk && readBeyond(v, road)) {
            out.roads.push_back(road);
            continue;
        }
        problems.warning("ROAD_IGNORED", where + "/extras/friche/roads/" + std::to_string(i),
                         std::string("a road wants ") + kCourseRule +
                             ", a color of three numbers 0 to 1, and beyond: the ends it runs "
                             "on beyond (\"from\", \"to\")");
    }
}

scene::Node convertNode(const tinygltf::Model& in, const tinygltf::Node& n,
                        const std::string& where, core::Problems& problems) {
    scene::Node out;
    out.name = n.name;
    out.local = localMatrix(n);
    out.mesh = indexOr(n.mesh, in.meshes);
    out.camera = indexOr(n.camera, in.cameras);
    if (const auto* ext = findExtension(n.extensions, "KHR_lights_punctual"))
        out.light = indexOr(intOr(*ext, "light", -1), in.lights);
    if (const auto* ext = findExtension(n.extensions, "KHR_node_visibility"))
        out.visible = boolOr(*ext, "visible", true);
    if (const auto* ext = findExtension(n.extensions, "EXT_mesh_gpu_instancing")) {
        std::string error;
        if (!readInstances(in, *ext, out.instances, error)) {
            problems.warning("INSTANCING_IGNORED", where + "/extensions/EXT_mesh_gpu_instancing",
                             error);
            out.instances.clear();
        }
    }
    if (const tinygltf::Value* friche = member(n.extras, "friche")) {
        readDrive(*friche, out, where, problems);
        readRiver(*friche, out, where, problems);
        readRoads(*friche, out, where, problems);
    }
    return out;
}

void convertNodes(const tinygltf::Model& in, scene::Model& out, core::Problems& problems) {
    out.nodes.reserve(in.nodes.size());
    for (std::size_t i = 0; i < in.nodes.size(); ++i)
        out.nodes.push_back(convertNode(in, in.nodes[i], "/nodes/" + std::to_string(i), problems));
    // Children and parents: the first parent wins if a (broken) file gives two.
    for (std::size_t i = 0; i < in.nodes.size(); ++i) {
        for (int child : in.nodes[i].children) {
            if (indexOr(child, out.nodes) < 0 || child == static_cast<int>(i)) continue;
            scene::Node& c = out.nodes[static_cast<std::size_t>(child)];
            if (c.parent >= 0) continue;
            c.parent = static_cast<int>(i);
            out.nodes[i].children.push_back(child);
        }
    }
}

scene::Camera convertCamera(const tinygltf::Camera& c) {
    scene::Camera out;
    out.name = c.name;
    if (c.type == "orthographic") {
        out.type = scene::Camera::Type::Orthographic;
        out.xmag = static_cast<float>(c.orthographic.xmag);
        out.ymag = static_cast<float>(c.orthographic.ymag);
        out.znear = static_cast<float>(c.orthographic.znear);
        out.zfar = static_cast<float>(c.orthographic.zfar);
        return out;
    }
    const tinygltf::PerspectiveCamera& p = c.perspective;
    out.yfov = static_cast<float>(p.yfov);
    out.znear = static_cast<float>(p.znear);
    // tinygltf reads an absent aspectRatio or zfar as 0.
    if (p.aspectRatio > 0.0) out.aspectRatio = static_cast<float>(p.aspectRatio);
    if (p.zfar > 0.0) out.zfar = static_cast<float>(p.zfar);
    return out;
}

scene::Light convertLight(const tinygltf::Light& l) {
    scene::Light out;
    out.name = l.name;
    out.type = l.type == "point"  ? scene::Light::Type::Point
               : l.type == "spot" ? scene::Light::Type::Spot
                                  : scene::Light::Type::Directional;
    out.color = vec3Or(l.color, glm::vec3(1.0f));
    out.intensity = static_cast<float>(l.intensity);
    if (l.range > 0.0) out.range = static_cast<float>(l.range);  // tinygltf: 0 when absent
    out.innerConeAngle = static_cast<float>(l.spot.innerConeAngle);
    out.outerConeAngle = static_cast<float>(l.spot.outerConeAngle);
    return out;
}

void convertScenes(const tinygltf::Model& in, scene::Model& out) {
    for (const tinygltf::Scene& s : in.scenes) {
        scene::SceneRoots roots{s.name, {}};
        for (int n : s.nodes)
            if (indexOr(n, out.nodes) >= 0) roots.nodes.push_back(n);
        out.scenes.push_back(std::move(roots));
    }
    if (out.scenes.empty()) {
        // No scene in the file: show every root node rather than nothing.
        scene::SceneRoots all{"all nodes", {}};
        for (std::size_t i = 0; i < out.nodes.size(); ++i)
            if (out.nodes[i].parent < 0) all.nodes.push_back(static_cast<int>(i));
        out.scenes.push_back(std::move(all));
    }
    out.defaultScene = indexOr(in.defaultScene, out.scenes) >= 0 ? in.defaultScene : 0;
}

std::vector<std::string> variantNames(const tinygltf::Model& in) {
    std::vector<std::string> names;
    const tinygltf::Value* ext = findExtension(in.extensions, "KHR_materials_variants");
    const tinygltf::Value* variants = ext ? member(*ext, "variants") : nullptr;
    if (!variants) return names;
    for (std::size_t i = 0; i < variants->ArrayLen(); ++i) {
        const tinygltf::Value* name = member(variants->Get(static_cast<int>(i)), "name");
        names.push_back(name && name->IsString() ? name->Get<std::string>()
                                                 : "variant " + std::to_string(i));
    }
    return names;
}

}  // namespace

void convertScene(const tinygltf::Model& in, scene::Model& out, core::Problems& problems) {
    convertNodes(in, out, problems);
    out.cameras.reserve(in.cameras.size());
    for (const tinygltf::Camera& c : in.cameras) out.cameras.push_back(convertCamera(c));
    out.lights.reserve(in.lights.size());
    for (const tinygltf::Light& l : in.lights) out.lights.push_back(convertLight(l));
    convertScenes(in, out);
    out.variants = variantNames(in);
}

}  // namespace friche::io::gltf
