#include "sitegen/layout.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sitegen/kit.h"

namespace sitegen {
namespace {

using nlohmann::json;

// Bounds that keep a typo from building something absurd (or nothing at all):
// every length within 10 km, every count within ten thousand.
constexpr float kMaxLength = 10'000;
constexpr int kMaxCount = 10'000;

const char* const kGroups[] = {"ground",      "heritage",     "industry", "activity", "wasteland",
                               "remediation", "reconversion", "future",   "views"};

// A bound as a reader would write it: 0.001, not 0.0010000000474974513.
std::string shortest(float x) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", static_cast<double>(x));
    return text;
}

struct LayoutError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// "object", "string", "number", ...: what a value is, for the messages.
std::string kindOf(const json& j) {
    return j.type_name();
}

// One JSON object being read: its place in the file (a JSON pointer) and the
// node it belongs to, for the messages; the keys read, so that a misspelt one
// is an error instead of a silent default.
class Reader {
public:
    Reader(const json& j, std::string pointer, std::string node)
        : j_(j), pointer_(std::move(pointer)), node_(std::move(node)) {
        if (!j_.is_object()) fail("", "expected an object, got " + kindOf(j_));
    }

    [[noreturn]] void fail(const std::string& key, const std::string& what) const {
        const std::string where = key.empty() ? pointer_ : pointer_ + "/" + key;
        throw LayoutError((where.empty() ? std::string("/") : where) +
                          (node_.empty() ? "" : " (" + node_ + ")") + ": " + what);
    }
    const std::string& node() const { return node_; }
    void setNode(std::string node) { node_ = std::move(node); }

    bool has(const std::string& key) const { return j_.contains(key); }
    const json& get(const std::string& key) {
        if (!j_.contains(key)) fail(key, "missing");
        used_.insert(key);
        return j_.at(key);
    }
    Reader object(const std::string& key) { return Reader(get(key), pointer_ + "/" + key, node_); }
    std::string string(const std::string& key) {
        const json& v = get(key);
        if (!v.is_string()) fail(key, "expected a string, got " + kindOf(v));
        return v.get<std::string>();
    }
    bool boolean(const std::string& key, bool otherwise) {
        if (!has(key)) return otherwise;
        const json& v = get(key);
        if (!v.is_boolean()) fail(key, "expected true or false, got " + kindOf(v));
        return v.get<bool>();
    }
    float number(const std::string& key, float lo = -kMaxLength, float hi = kMaxLength) {
        return toNumber(get(key), key, lo, hi);
    }
    float number(const std::string& key, float lo, float hi, float otherwise) {
        return has(key) ? number(key, lo, hi) : otherwise;
    }
    // A length that must be more than zero.
    float positive(const std::string& key) { return number(key, 1e-3f, kMaxLength); }
    int count(const std::string& key, int lo = 0, int hi = kMaxCount) {
        const json& v = get(key);
        if (!v.is_number_integer() && !v.is_number_unsigned())
            fail(key, "expected a whole number, got " + kindOf(v) + " " + v.dump());
        const auto n = v.get<long long>();
        if (n < lo || n > hi)
            fail(key, std::to_string(n) + " is out of bounds [" + std::to_string(lo) + ", " +
                          std::to_string(hi) + "]");
        return static_cast<int>(n);
    }
    std::uint32_t seed(const std::string& key = "seed") {
        return static_cast<std::uint32_t>(count(key, 0, 1 << 30));
    }
    // A height: metres, or the name of a ground layer's level ("square").
    float height(const std::string& key) { return toHeight(get(key), key); }
    float height(const std::string& key, float otherwise) {
        return has(key) ? height(key) : otherwise;
    }
    glm::vec2 vec2(const std::string& key) {
        const json& v = array(key, 2, 2);
        return {toNumber(v[0], key + "/0"), toNumber(v[1], key + "/1")};
    }
    // A size: both more than zero.
    glm::vec2 size2(const std::string& key) {
        const json& v = array(key, 2, 2);
        return {toNumber(v[0], key + "/0", 1e-3f), toNumber(v[1], key + "/1", 1e-3f)};
    }
    // A point; its height may be a level's name.
    glm::vec3 vec3(const std::string& key) {
        const json& v = array(key, 3, 3);
        return {toNumber(v[0], key + "/0"), toHeight(v[1], key + "/1"), toNumber(v[2], key + "/2")};
    }
    glm::vec3 vec3(const std::string& key, glm::vec3 otherwise) {
        return has(key) ? vec3(key) : otherwise;
    }
    std::vector<glm::vec2> points(const std::string& key) {
        const json& v = array(key, 2, kMaxCount);
        std::vector<glm::vec2> out;
        for (std::size_t i = 0; i < v.size(); ++i) {
            const std::string at = key + "/" + std::to_string(i);
            if (!v[i].is_array() || v[i].size() != 2) fail(at, "expected [x, z]");
            out.push_back({toNumber(v[i][0], at + "/0"), toNumber(v[i][1], at + "/1")});
            if (i > 0 && glm::length(out[i] - out[i - 1]) < 1e-3f)
                fail(at, "the same point as the one before it");
        }
        return out;
    }
    Mat material(const std::string& key) {
        const std::string name = string(key);
        for (int m = 0; m < static_cast<int>(Mat::Count); ++m)
            if (name == materialDef(static_cast<Mat>(m)).name) return static_cast<Mat>(m);
        fail(key, "unknown material \"" + name + "\" (README.md lists them)");
    }
    Mat material(const std::string& key, Mat otherwise) {
        return has(key) ? material(key) : otherwise;
    }
    std::vector<Mat> materials(const std::string& key) {
        const json& v = array(key, 1, 16);
        std::vector<Mat> out;
        for (std::size_t i = 0; i < v.size(); ++i) {
            const json wrapped{{"m", v[i]}};
            Reader one(wrapped, pointer_ + "/" + key + "/" + std::to_string(i), node_);
            out.push_back(one.material("m"));
        }
        return out;
    }
    const json& array(const std::string& key, std::size_t min, std::size_t max) {
        const json& v = get(key);
        if (!v.is_array()) fail(key, "expected an array, got " + kindOf(v));
        if (v.size() < min || v.size() > max)
            fail(key, "expected " +
                          (min == max ? std::to_string(min)
                                      : std::to_string(min) + " to " + std::to_string(max)) +
                          " entries, got " + std::to_string(v.size()));
        return v;
    }
    // The objects of an array, each read by `read`.
    void each(const std::string& key, const std::function<void(Reader&)>& read) {
        const json& v = array(key, 0, kMaxCount);
        for (std::size_t i = 0; i < v.size(); ++i) {
            Reader one(v[i], pointer_ + "/" + key + "/" + std::to_string(i), node_);
            read(one);
            one.finish();
        }
    }
    // Every key must have been read ("note" is a comment).
    void finish() const {
        for (const auto& [key, value] : j_.items())
            if (key != "note" && !used_.count(key)) fail(key, "unknown field");
    }

private:
    float toNumber(const json& v, const std::string& key, float lo = -kMaxLength,
                   float hi = kMaxLength) const {
        if (!v.is_number()) fail(key, "expected a number, got " + kindOf(v) + " " + v.dump());
        const double d = v.get<double>();
        if (!std::isfinite(d) || d < lo || d > hi)
            fail(key, v.dump() + " is out of bounds [" + shortest(lo) + ", " + shortest(hi) + "]");
        return static_cast<float>(d);
    }
    float toHeight(const json& v, const std::string& key) const {
        if (!v.is_string()) return toNumber(v, key);
        static const std::pair<const char*, float> levels[] = {
            {"terrain", level::kTerrain}, {"road", level::kRoad},   {"yard", level::kYard},
            {"ballast", level::kBallast}, {"soil", level::kSoil},   {"green", level::kGreen},
            {"square", level::kSquare},   {"bed", level::kBed},     {"roadway", level::kRoadway},
            {"path", level::kPath},       {"water", level::kWater}, {"on-water", level::kOnWater}};
        for (const auto& [name, y] : levels)
            if (v.get<std::string>() == name) return y;
        fail(key, "unknown level \"" + v.get<std::string>() + "\" (README.md lists them)");
    }

    const json& j_;
    std::string pointer_, node_;
    std::set<std::string> used_;
};

// How many things a length divided by a spacing gives, bounded.
void checkDivisions(Reader& r, const std::string& key, float length, float spacing) {
    if (length / spacing > kMaxCount)
        r.fail(key, "a spacing of " + shortest(spacing) + " over " + shortest(length) +
                        " m gives more than " + std::to_string(kMaxCount) + " pieces");
}

// ---- Kit elements --------------------------------------------------------

// The elements that add shapes straight into a node's geometry, as a site
// built by hand did (no transform, so the same bytes).
bool isPrimitive(const std::string& kind) {
    return kind == "box" || kind == "beam" || kind == "mural";
}

void addPrimitive(Reader& r, const std::string& kind, Parts& into) {
    if (kind == "box") {
        const Mat mat = r.material("material");
        glm::vec3 lo = r.vec3("min"), hi = r.vec3("max");
        const float on = r.height("on", 0);
        lo.y += on;
        hi.y += on;
        if (glm::any(glm::greaterThanEqual(lo, hi))) r.fail("max", "not above min on every axis");
        glbkit::addBox(into[mat], lo, hi);
    } else if (kind == "beam") {
        const Mat mat = r.material("material");
        const glm::vec3 a = r.vec3("from"), b = r.vec3("to");
        if (glm::length(b - a) < 1e-3f) r.fail("to", "the same point as from");
        glbkit::addBeam(into[mat], a, b, r.number("size", 0.01f, 100));
    } else {  // mural
        MuralSpec m{.at = r.vec2("at"),
                    .gable = r.number("gable"),
                    .width = r.positive("width"),
                    .wallHeight = r.positive("wallHeight"),
                    .colours = r.materials("colours")};
        addMural(into, m);
    }
}

Roof roofOf(Reader& r) {
    static const std::pair<const char*, Roof> roofs[] = {{"gable", Roof::Gable},
                                                         {"shed", Roof::Shed},
                                                         {"sawtooth", Roof::Sawtooth},
                                                         {"barrel", Roof::Barrel},
                                                         {"flat", Roof::Flat}};
    if (!r.has("roof")) return Roof::Gable;
    const std::string name = r.string("roof");
    for (const auto& [n, roof] : roofs)
        if (name == n) return roof;
    r.fail("roof", "unknown roof \"" + name + "\" (gable, shed, sawtooth, barrel or flat)");
}

HallSpec hallSpec(Reader& r) {
    HallSpec s{.length = r.positive("length"),
               .width = r.positive("width"),
               .height = r.positive("height"),
               .roof = roofOf(r),
               .wall = r.material("wall", Mat::Brick),
               .roofing = r.material("roofing", Mat::Corrugated),
               .windows = r.boolean("windows", true),
               .bay = r.number("bay", 1, kMaxLength, 7.5f)};
    checkDivisions(r, "bay", s.length, s.bay);
    return s;
}

// A strip's line: its points, or a closed ring around an ellipse.
std::vector<glm::vec2> stripLine(Reader& r) {
    if (!r.has("ring")) return r.points("points");
    Reader ring = r.object("ring");
    const glm::vec2 centre = ring.vec2("centre"), radii = ring.size2("radii");
    const int n = ring.count("segments", 3);
    ring.finish();
    std::vector<glm::vec2> line;
    for (int i = 0; i <= n; ++i) {
        const float a = ringAngle(i, n);
        line.push_back(centre + glm::vec2(std::cos(a), std::sin(a)) * radii);
    }
    return line;
}

// A river's water (kind "river"): its axis and width.
struct RiverLine {
    glm::vec2 from, to;
    float width;
};
RiverLine riverLine(Reader& r) {
    const glm::vec2 a = r.vec2("from"), b = r.vec2("to");
    if (glm::length(b - a) < 1) r.fail("to", "less than a metre from from");
    return {a, b, r.positive("width")};
}

// A straight strip that runs on beyond the site ("runs-on": which of its
// ends leave it): the viewer's landscape carries it on in its colour.
glbkit::Road runsOn(Reader& r, const std::vector<glm::vec2>& line, float width, Mat mat) {
    const std::string ends = r.string("runs-on");
    if (ends != "both" && ends != "start" && ends != "end")
        r.fail("runs-on", "expected \"both\", \"start\" or \"end\", got \"" + ends + "\"");
    if (r.has("ring") || line.size() != 2)
        r.fail("runs-on", "only a straight strip (two points) runs on beyond the site");
    return {.from = line.front(),
            .to = line.back(),
            .width = width,
            .color = farAlbedo(mat),
            .beyondFrom = ends != "end",
            .beyondTo = ends != "start"};
}

// Past each end that runs on, a road slopes down to the ground over this
// many metres: it meets the landscape's road, at the ground's level, with no
// step (whose edge would shade a line across the road).
constexpr float kRamp = 8.0f;

// A road that runs on, at height y, sloping down past its ends that do.
Parts rampedDown(Mat mat, const glbkit::Road& road, float y) {
    const glm::vec2 d = glm::normalize(road.to - road.from) * kRamp;
    std::vector<glm::vec2> line = {road.from, road.to};
    std::vector<float> heights = {y, y};
    if (road.beyondFrom) {
        line.insert(line.begin(), road.from - d);
        heights.insert(heights.begin(), level::kTerrain);
    }
    if (road.beyondTo) {
        line.push_back(road.to + d);
        heights.push_back(level::kTerrain);
    }
    return strip(mat, line, road.width, heights);
}

// `roads`: where the element is a strip that runs on, its road.
Parts element(Reader& r, const std::string& kind, std::vector<glbkit::Road>& roads) {
    if (kind == "slab") {
        const Mat mat = r.material("material");
        const glm::vec2 size = r.size2("size");
        return slab(mat, size.x, size.y, r.height("y", level::kTerrain));
    }
    if (kind == "strip") {
        const Mat mat = r.material("material");
        const std::vector<glm::vec2> line = stripLine(r);
        const float width = r.positive("width");
        const float y = r.height("y");
        Parts road;
        if (!r.has("runs-on")) {
            road = strip(mat, line, width, y);
        } else {
            roads.push_back(runsOn(r, line, width, mat));
            road = rampedDown(mat, roads.back(), y);
        }
        if (r.has("markings"))
            r.each("markings", [&](Reader& m) {
                const float offset = m.number("offset", -width / 2, width / 2);
                merge(road, roadLine(line, y, offset, m.boolean("dashed", true)), glm::mat4(1));
            });
        return road;
    }
    if (kind == "river") {
        const RiverLine l = riverLine(r);
        return river(l.from, l.to, l.width);
    }
    if (kind == "pond") {
        const glm::vec2 radii = r.size2("radii");
        return pond(radii.x, radii.y);
    }
    if (kind == "disc") {
        const Mat mat = r.material("material");
        const glm::vec2 radii = r.size2("radii");
        return disc(mat, radii, r.number("cover", 0.01f, 1, 1), r.height("y"));
    }
    if (kind == "town") {
        const glm::vec2 centre = r.vec2("centre"), size = r.size2("size"), cell = r.size2("cell");
        if (glm::any(glm::lessThan(cell, glm::vec2(4)))) r.fail("cell", "smaller than 4 m");
        if ((size.x / cell.x) * (size.y / cell.y) > kMaxCount)
            r.fail("cell", "more than " + std::to_string(kMaxCount) + " blocks");
        const int lo = r.count("minFloors", 1, 100), hi = r.count("maxFloors", lo, 100);
        if (!r.boolean("terraces", false)) return townBlocks(centre, size, cell, lo, hi, r.seed());
        if (glm::any(glm::lessThan(cell, glm::vec2(20))))
            r.fail("cell", "smaller than 20 m, for a row of houses, its street and its gardens");
        return townTerraces(centre, size, cell, lo, hi, r.seed());
    }
    if (kind == "heap") {
        const Mat mat = r.material("material");
        const glm::vec2 radii = r.size2("radii");
        return heap(mat, radii.x, radii.y, r.positive("height"), r.seed());
    }
    if (kind == "rubble") {
        const Mat mat = r.material("material", Mat::Concrete);
        const glm::vec2 radii = r.size2("radii");
        const float h = r.positive("height");
        return rubble(mat, radii.x, radii.y, h, r.count("count", 1, kMaxCount), r.seed());
    }
    if (kind == "chimney") {
        const float h = r.number("height", 5, 1000), radius = r.number("radius", 0.1f, 100);
        return chimney(h, radius, r.material("material", Mat::Brick));
    }
    if (kind == "blast-furnace") return blastFurnace();
    if (kind == "hot-blast-stoves") {
        const int n = r.count("count", 1, 100);
        return hotBlastStoves(n, r.number("height", 10, 1000));
    }
    if (kind == "gasometer" || kind == "cooling-tower") {
        const float radius = r.number("radius", 1, 1000), h = r.number("height", 1, 1000);
        return kind == "gasometer" ? gasometer(radius, h) : coolingTower(radius, h);
    }
    if (kind == "conveyor") {
        const glm::vec3 a = r.vec3("from"), b = r.vec3("to");
        if (glm::length(glm::vec2(b.x - a.x, b.z - a.z)) < 1)
            r.fail("to", "less than a metre from from on the ground");
        return conveyor(a, b, r.number("width", 0.5f, 50, 3));
    }
    if (kind == "rail-siding" || kind == "wagons" || kind == "tram-tracks" ||
        kind == "lamp-posts") {
        const glm::vec2 a = r.vec2("from"), b = r.vec2("to");
        const float length = glm::length(b - a);
        if (length < 1) r.fail("to", "less than a metre from from");
        if (kind == "rail-siding") return railSiding(a, b, r.count("tracks", 1, 32));
        if (kind == "tram-tracks") return tramTracks(a, b);
        if (kind == "wagons") {
            const int n = r.count("count", 1, 1000);
            return wagons(a, b, n, r.material("load"));
        }
        const float spacing = r.number("spacing", 1, kMaxLength);
        checkDivisions(r, "spacing", length, spacing);
        return lampPosts(a, b, spacing);
    }
    if (kind == "smoke") {
        const float h = r.number("height", 1, 1000, 40);
        return smokePlume(h, r.seed());
    }
    if (kind == "fence") {
        const std::vector<glm::vec2> line = r.points("points");
        return fence(line, r.number("height", 0.1f, 100, 2.2f));
    }
    if (kind == "crane") {
        const float h = r.number("height", 5, 1000);
        return crane(h, r.number("jib", 2, 1000));
    }
    if (kind == "scaffold") {
        ScaffoldSpec s{.length = r.positive("length"), .height = r.positive("height")};
        const json& faces = r.array("faces", 1, 16);
        s.faces.clear();
        for (std::size_t i = 0; i < faces.size(); ++i) {
            const json wrapped{{"z", faces[i]}};
            Reader one(wrapped, "/faces/" + std::to_string(i), r.node());
            s.faces.push_back(one.number("z"));
        }
        s.bays = r.count("bays", 1, 1000);
        s.lift = r.number("lift", 0.5f, kMaxLength);
        s.tube = r.number("tube", 0.01f, 10, s.tube);
        checkDivisions(r, "lift", s.height, s.lift);
        return scaffold(s);
    }
    if (kind == "block" || kind == "envelope") {
        const glm::vec2 size = r.size2("size");
        const int floors = r.count("floors", 1, 200);
        const Mat facade = r.material("facade");
        if (kind == "envelope") return envelope(size.x, size.y, floors, facade);
        const Mat roof = r.material("roof", Mat::Concrete);
        return block(size.x, size.y, floors, facade, roof, r.boolean("balconies", false));
    }
    if (kind == "green-roof" || kind == "solar") {
        const glm::vec2 size = r.size2("size");
        const float y = r.height("y");
        return kind == "solar" ? solarArray(size.x, size.y, y) : greenRoof(size.x, size.y, y);
    }
    if (kind == "pavilion") {
        const glm::vec2 size = r.size2("size");
        return pavilion(size.x, size.y, r.positive("height"));
    }
    if (kind == "studios") {
        const int n = r.count("count", 1, 1000);
        return studios(n, r.number("size", 1, 100));
    }
    if (kind == "tram") return tram(r.number("length", 5, 200));
    if (kind == "tram-stop") return tramStop();
    if (kind == "bench") return bench();
    if (kind == "car") return car(r.material("material", Mat::CarSilver));
    if (kind == "tree") return deciduousTree();
    if (kind == "conifer") return conifer();
    if (kind == "shrub") return shrub(r.material("material", Mat::Foliage));
    if (isPrimitive(kind)) {
        Parts p;
        addPrimitive(r, kind, p);
        return p;
    }
    r.fail("kind", "unknown kind \"" + kind + "\" (README.md lists them)");
}

// Where a part goes in its node: once at at/yaw, or repeated along a row or
// around a ring.
std::vector<glm::mat4> placements(Reader& r) {
    if (r.has("row")) {
        Reader row = r.object("row");
        const glm::vec3 from = row.vec3("from"), step = row.vec3("step");
        const int n = row.count("count", 1);
        const float yaw = row.number("yaw", -10, 10, 0);
        row.finish();
        std::vector<glm::mat4> out;
        for (int i = 0; i < n; ++i) out.push_back(place(from + step * static_cast<float>(i), yaw));
        return out;
    }
    if (r.has("ring")) {
        Reader ring = r.object("ring");
        const glm::vec2 centre = ring.vec2("centre"), radii = ring.size2("radii");
        const int n = ring.count("count", 1);
        const float y = ring.height("y", 0), yaw = ring.number("yaw", -10, 10, 0);
        ring.finish();
        std::vector<glm::mat4> out;
        for (int i = 0; i < n; ++i) {
            const float a = ringAngle(i, n);
            const glm::vec2 q = centre + glm::vec2(std::cos(a), std::sin(a)) * radii;
            out.push_back(place({q.x, y, q.y}, -a + yaw));
        }
        return out;
    }
    if (r.has("at") || r.has("yaw"))
        return {place(r.vec3("at", glm::vec3(0)), r.number("yaw", -10, 10, 0))};
    return {};
}

// A road placed by `m` (a turn about the vertical and a shift).
glbkit::Road placed(glbkit::Road road, const glm::mat4& m) {
    const auto moved = [&](glm::vec2 p) {
        const glm::vec4 w = m * glm::vec4(p.x, 0, p.y, 1);
        return glm::vec2(w.x, w.z);
    };
    road.from = moved(road.from);
    road.to = moved(road.to);
    return road;
}

// A node's geometry from its "parts": the first taken as it is when it is not
// moved, the others merged in where they stand; `roads`, the roads of those
// that run on beyond the site.
Parts composite(Reader& r, std::vector<glbkit::Road>& roads) {
    Parts node;
    bool first = true;
    r.each("parts", [&](Reader& p) {
        const std::string kind = p.string("kind");
        if (isPrimitive(kind) && !p.has("row") && !p.has("ring")) {
            addPrimitive(p, kind, node);
        } else if (isPrimitive(kind)) {
            // Repeated by a row or a ring (a mural's `at` is its own field).
            Parts shape;
            addPrimitive(p, kind, shape);
            for (const glm::mat4& m : placements(p)) merge(node, shape, m);
        } else {
            const std::vector<glm::mat4> at = placements(p);
            std::vector<glbkit::Road> own;
            const Parts parts = element(p, kind, own);
            if (at.empty() && first)
                node = parts;
            else if (at.empty())
                merge(node, parts, glm::mat4(1));
            for (const glm::mat4& m : at) merge(node, parts, m);
            for (const glbkit::Road& road : own) {
                if (at.empty()) roads.push_back(road);
                for (const glm::mat4& m : at) roads.push_back(placed(road, m));
            }
        }
        first = false;
    });
    return node;
}

// ---- Instances -----------------------------------------------------------

// Cars in the colours of a car park: white, black and grey most.
std::vector<Site::Variant> carPark() {
    return {{car(Mat::CarWhite), 3.0f},
            {car(Mat::CarBlack), 2.2f},
            {car(Mat::CarSilver), 2.2f},
            {car(Mat::CarBlue), 1.3f},
            {car(Mat::CarRed), 1.3f}};
}

// Leaves out the cars that would stand in another (a scatter along a lane may
// put two in one place, and painted apart they would show it). Along a lane
// that drives, a distance counts around the loop of `span` metres (0: none),
// where the last car comes round behind the first.
void keepApart(std::vector<glbkit::Instance>& cars, float span) {
    constexpr float kGap = 1.0f;  // metres between bumpers, at the least
    std::vector<glbkit::Instance> kept;
    for (const glbkit::Instance& c : cars) {
        const glm::vec3 forward(std::cos(c.yaw), 0, -std::sin(c.yaw));
        const bool clear = std::none_of(kept.begin(), kept.end(), [&](const glbkit::Instance& k) {
            const glm::vec3 d = c.translation - k.translation;
            const float straight = glm::dot(d, forward);
            const float along = span > 0 ? std::remainder(straight, span) : straight;
            const float across = glm::length(d - straight * forward);
            const float reach = (c.scale + k.scale) / 2;
            return std::abs(along) < kCarLength * reach + kGap && across < kCarWidth * reach;
        });
        if (clear) kept.push_back(c);
    }
    cars = std::move(kept);
}

// A line a scatter keeps its trunks off (a path across a lawn): within
// `reach` of it, a place is drawn again.
struct Clearance {
    std::vector<glm::vec2> line;
    float reach = 0.0f;
};
// How many places a scatter that keeps clear of lines may draw, a multiple of its count.
constexpr int kClearDraws = 4;

bool onCleared(const std::vector<Clearance>& clear, glm::vec2 q) {
    for (const Clearance& c : clear)
        for (std::size_t i = 0; i + 1 < c.line.size(); ++i) {
            const glm::vec2 a = c.line[i], ab = c.line[i + 1] - a;
            const float t =
                glm::clamp(glm::dot(q - a, ab) / glm::max(glm::dot(ab, ab), 1e-6f), 0.0f, 1.0f);
            if (glm::distance(q, a + t * ab) < c.reach) return true;
        }
    return false;
}

// A seed of the node's own, so that two car parks are not painted alike (FNV-1a).
std::uint32_t nameSeed(const std::string& name) {
    std::uint32_t h = 2166136261u;
    for (const char c : name) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return h;
}

// The instanced kinds that may drive (scene::Node::drive).
bool moving(const std::string& kind) {
    return kind == "cars" || kind == "walkers" || kind == "cyclists" || kind == "trams";
}

void readInstances(Reader& r, const std::string& how, std::vector<glbkit::Instance>& out) {
    const auto each = [&](const std::function<void(Reader&)>& read) {
        if (r.get(how).is_array())
            r.each(how, read);
        else {
            Reader one = r.object(how);
            read(one);
            one.finish();
        }
    };
    if (how == "scatter") {
        each([&](Reader& s) {
            const glm::vec2 centre = s.vec2("centre"), size = s.size2("size");
            const int n = s.count("count");
            const std::uint32_t seed = s.seed();
            std::vector<Clearance> clear;
            if (s.has("clear"))
                s.each("clear", [&](Reader& c) {
                    clear.push_back({c.points("points"), c.number("width", 0.1f, kMaxLength) / 2});
                });
            // One size for all, and their yaw if given (cars in their lanes).
            const bool fixed = s.has("scale") && s.get("scale").is_number();
            glm::vec2 scale(0.8f, 1.25f);
            if (fixed)
                scale = glm::vec2(s.number("scale", 0.01f, 100));
            else if (s.has("scale"))
                scale = s.size2("scale");
            const bool turned = fixed && s.has("yaw");
            const float yaw = turned ? s.number("yaw", -10, 10) : 0.0f;
            // Draws on past the count for each one that stands on a cleared
            // line: the others keep the places they had without `clear`.
            const std::vector<glbkit::Instance> drawn =
                scatter(centre, size, clear.empty() ? n : kClearDraws * n, seed, scale.x, scale.y);
            int kept = 0;
            for (const glbkit::Instance& c : drawn) {
                if (kept == n) break;
                if (onCleared(clear, {c.translation.x, c.translation.z})) continue;
                out.push_back({c.translation, turned ? yaw : c.yaw, c.scale});
                ++kept;
            }
            if (kept < n) s.fail("clear", "leaves too little room for " + std::to_string(n));
        });
    } else if (how == "along") {
        each([&](Reader& s) {
            const glm::vec2 a = s.vec2("from"), b = s.vec2("to");
            const float spacing = s.number("spacing", 1, kMaxLength);
            checkDivisions(s, "spacing", glm::length(b - a), spacing);
            for (const glbkit::Instance& c : alongLine(a, b, spacing, s.seed())) out.push_back(c);
        });
    } else if (how == "around") {
        each([&](Reader& s) {
            const glm::vec2 centre = s.vec2("centre"), radii = s.size2("radii");
            const int n = s.count("count", 1);
            for (const glbkit::Instance& c : aroundEllipse(centre, radii, n, s.seed()))
                out.push_back(c);
        });
    } else {  // grid
        each([&](Reader& s) {
            const glm::vec3 origin = s.vec3("origin");
            const glm::vec2 step = s.vec2("step");
            const int nx = s.count("countX", 1), nz = s.count("countZ", 1);
            if (static_cast<long long>(nx) * nz > kMaxCount) s.fail("countZ", "too many cells");
            const float yaw = s.number("yaw", -10, 10, 0);
            std::set<std::pair<int, int>> gaps;
            if (s.has("gaps")) {
                const json& g = s.array("gaps", 0, kMaxCount);
                for (std::size_t k = 0; k < g.size(); ++k) {
                    if (!g[k].is_array() || g[k].size() != 2 || !g[k][0].is_number_integer() ||
                        !g[k][1].is_number_integer())
                        s.fail("gaps/" + std::to_string(k), "expected [i, j], two whole numbers");
                    gaps.insert({g[k][0].get<int>(), g[k][1].get<int>()});
                }
            }
            for (int i = 0; i < nx; ++i)
                for (int j = 0; j < nz; ++j)
                    if (!gaps.count({i, j}))
                        out.push_back({{origin.x + step.x * static_cast<float>(i), origin.y,
                                        origin.z + step.y * static_cast<float>(j)},
                                       yaw,
                                       1});
        });
    }
}

// ---- Nodes ---------------------------------------------------------------

// `name`, checked free before a node takes it (a hall takes three).
const std::string& fresh(const Site& site, Reader& r, const std::string& name) {
    if (site.has(name)) r.fail("name", "a node is already named " + name);
    return name;
}

void addNode(Site& site, Reader& r) {
    const std::string name = r.string("name");
    r.setNode(name);
    const std::size_t slash = name.find('/');
    const std::string group = name.substr(0, slash);
    if (slash == std::string::npos || slash + 1 == name.size() ||
        name.find_first_of("/ ", slash + 1) != std::string::npos)
        r.fail("name", "expected \"group/thing\", one slash, no spaces");
    if (std::find(std::begin(kGroups), std::end(kGroups), group) == std::end(kGroups))
        r.fail("name", "unknown group \"" + group + "\" (README.md lists them)");
    const std::string thing = name.substr(slash + 1);
    if (r.has("parts")) {
        std::vector<glbkit::Road> roads;
        const Parts parts = composite(r, roads);
        site.add(fresh(site, r, name), parts, r.vec3("at", glm::vec3(0)),
                 r.number("yaw", -10, 10, 0), std::move(roads));
        return;
    }
    const std::string kind = r.string("kind");
    if ((group == "views") != (kind == "view"))
        r.fail("kind", "a view's name is \"views/<name>\", and only a view's");
    if (kind == "view") {
        const glm::vec3 eye = r.vec3("eye"), target = r.vec3("target");
        if (glm::length(target - eye) < 1e-2f) r.fail("target", "the same point as eye");
        site.addView(fresh(site, r, name).substr(slash + 1), eye, target);
    } else if (kind == "hall") {
        const HallSpec spec = hallSpec(r);
        const glm::vec3 at = r.vec3("at", glm::vec3(0));
        const float yaw = r.number("yaw", -10, 10, 0);
        const HallParts h = hall(spec);
        site.add(fresh(site, r, name), h.structure, at, yaw);
        site.add(fresh(site, r, "industry/" + thing + "-roof"), h.roof, at, yaw);
        if (r.boolean("glazed", false))
            site.add(fresh(site, r, "reconversion/" + thing + "-glazing"), h.glazing, at, yaw);
    } else if (kind == "wooded-hill") {
        const glm::vec3 at = r.vec3("at");
        const glm::vec3 size = r.vec3("size");
        if (glm::any(glm::lessThan(size, glm::vec3(1)))) r.fail("size", "under a metre");
        const std::uint32_t seed = r.seed();
        site.add(fresh(site, r, name), heap(Mat::Grass, size.x, size.z, size.y, seed), at);
        Reader woods = r.object("woods");
        const std::string woodsName = woods.string("name");
        std::vector<glbkit::Instance> trees =
            scatter({0, 0}, {size.x * 1.9f, size.z * 1.5f}, woods.count("count"), seed + 1);
        woods.finish();
        for (glbkit::Instance& t : trees)
            t.translation += at + glm::vec3(0,
                                            heapHeight(size.x, size.z, size.y, seed,
                                                       t.translation.x, t.translation.z),
                                            0);
        site.addInstanced(fresh(site, r, woodsName), conifer(), std::move(trees));
    } else if (kind == "trees" || kind == "conifers" || kind == "shrubs" || moving(kind)) {
        std::vector<glbkit::Instance> instances;
        bool any = false;
        for (const char* how : {"scatter", "along", "around", "grid"}) {
            if (!r.has(how)) continue;
            if (any) r.fail(how, "one of scatter, along, around or grid, not two");
            readInstances(r, how, instances);
            any = true;
        }
        if (!any) r.fail("", "instances need one of scatter, along, around or grid");
        glm::vec2 drive(0.0f);
        if (moving(kind) && r.has("drive")) {
            Reader d = r.object("drive");
            drive = {d.number("speed", -60, 60), d.number("span", 1, 10000)};
            d.finish();
        }
        if (kind == "cars") {  // in several paints
            keepApart(instances, drive.y);
            site.addInstanced(fresh(site, r, name), carPark(), instances, drive, nameSeed(name));
        } else {
            const Parts mesh = kind == "trees"      ? deciduousTree()
                               : kind == "conifers" ? conifer()
                               : kind == "walkers"  ? walker()
                               : kind == "cyclists" ? cyclist()
                               : kind == "trams"    ? tram(r.number("length", 5, 200))
                                                    : shrub(r.material("material", Mat::Foliage));
            site.addInstanced(fresh(site, r, name), mesh, std::move(instances), drive);
        }
    } else if (kind == "river") {
        // Its own node, which tells the viewer where the river runs on.
        const RiverLine l = riverLine(r);
        site.addRiver(fresh(site, r, name), river(l.from, l.to, l.width), l.from, l.to, l.width,
                      r.vec3("at", glm::vec3(0)), r.number("yaw", -10, 10, 0));
    } else {
        std::vector<glbkit::Road> roads;
        const Parts parts = element(r, kind, roads);
        site.add(fresh(site, r, name), parts, r.vec3("at", glm::vec3(0)),
                 r.number("yaw", -10, 10, 0), std::move(roads));
    }
}

}  // namespace

std::unique_ptr<Site> loadSite(const std::filesystem::path& file, std::ostream& errors) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        errors << "sitegen: " << file.string() << ": cannot be read\n";
        return nullptr;
    }
    json doc;
    try {
        doc = json::parse(in);
    } catch (const json::exception& e) {  // a syntax error, or a number beyond a double's range
        errors << "sitegen: " << file.string() << ": not JSON: " << e.what() << "\n";
        return nullptr;
    }
    try {
        Reader top(doc, "", "");
        const std::string id = top.string("site");
        if (id.empty() ||
            id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos)
            top.fail("site", "expected lower-case letters, digits and dashes");
        auto site = std::make_unique<Site>(id);
        top.each("nodes", [&](Reader& node) { addNode(*site, node); });
        if (top.has("about")) top.string("about");
        top.finish();
        return site;
    } catch (const LayoutError& e) {
        errors << "sitegen: " << file.string() << ": " << e.what() << "\n";
        return nullptr;
    } catch (const json::exception& e) {  // a check missed above: still no crash
        errors << "sitegen: " << file.string() << ": " << e.what() << "\n";
        return nullptr;
    }
}

}  // namespace sitegen
