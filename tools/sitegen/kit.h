// The parametric kit the sites are assembled from: industrial buildings and
// plant, and the pieces of their reconversion. Each function returns Parts in
// its own space (origin at the centre of the footprint on the ground, +Y up,
// metres, length along X); the site places the node.
//
//   sitegen::HallParts h = sitegen::hall({.length = 90, .width = 30, .height = 14,
//                                          .roof = sitegen::Roof::Sawtooth});
//   site.add("industry/hall-a-roof", h.roof, at);
//
// Shapes are illustrative massing, not surveys: proportions that read well
// from an orbiting camera matter more than dimensions.
#pragma once

#include <cstdint>
#include <vector>

#include "glbkit/glb_writer.h"
#include "sitegen/site.h"

namespace sitegen {

glm::mat4 place(glm::vec3 at, float yaw = 0.0f);

// ---- Industry ----------------------------------------------------------------

enum class Roof { Gable, Shed, Sawtooth, Barrel, Flat };

struct HallSpec {
    float length = 60, width = 24, height = 12;  // eaves height
    Roof roof = Roof::Gable;
    Mat wall = Mat::Brick;
    Mat roofing = Mat::Corrugated;
    bool windows = true;  // tall windows along the long walls
    float bay = 7.5f;     // truss spacing
};

// A hall in three layers so phases can peel it: the structure (walls, steel
// trusses, windows, doors), the old roof cladding, and the glazing that a
// reconversion inserts (glass roof over the trusses, glazed gable ends).
struct HallParts {
    Parts structure, roof, glazing;
};
HallParts hall(const HallSpec& spec);

Parts chimney(float height, float baseRadius, Mat mat = Mat::Brick);
Parts blastFurnace();  // about 70 m, with its charging incline and downcomers
Parts hotBlastStoves(int count, float height);  // in a row along X
Parts gasometer(float radius, float height);
Parts coolingTower(float radius, float height);
// An enclosed conveyor gallery from a to b on steel trestles.
Parts conveyor(glm::vec3 a, glm::vec3 b, float width = 3.0f);
// `tracks` parallel rail tracks on ballast, from a to b on the ground.
Parts railSiding(glm::vec2 a, glm::vec2 b, int tracks);
Parts wagons(glm::vec2 a, glm::vec2 b, int count, Mat load);
// An irregular heap (slag, ore, coal, soil) of footprint rx x rz.
Parts heap(Mat mat, float rx, float rz, float height, std::uint32_t seed);
// Demolition rubble: a gravel heap strewn with `count` broken chunks of
// `mat` (concrete, brick) lying at odd angles, and bent rebar.
Parts rubble(Mat mat, float rx, float rz, float height, int count, std::uint32_t seed);
// The heap's surface height at (x, z) in its own space: to stand things on it.
float heapHeight(float rx, float rz, float height, std::uint32_t seed, float x, float z);
Parts smokePlume(float height, std::uint32_t seed);
Parts fence(const std::vector<glm::vec2>& line, float height = 2.2f);
Parts crane(float height, float jib);

// A scaffold of steel tubes along X, `length` long and `height` high, in one
// plane per entry of `faces` (their z): `bays` standards, ledgers every `lift`.
struct ScaffoldSpec {
    float length = 58, height = 86;
    std::vector<float> faces = {-20, 0};
    int bays = 14;
    float lift = 6, tube = 0.15f;
};
Parts scaffold(const ScaffoldSpec& spec);

// ---- Ground ------------------------------------------------------------------

// The heights of the flat layers that lie on one another in some phase (or
// in a transition, when two phases' layers show at once), lowest first. Each
// has a level of its own: two layers at one height fight in the depth buffer
// whatever the camera. A level is kStep above the one below. On a 24-bit depth
// buffer, two ground layers at a distance d from an eye H above them stay apart
// when they are more than d * H / (near * 2^24) apart in height (the depth step
// at d, lengthened by the grazing angle H / d). With scene::fitDepthRange's near
// plane, a thousandth of the far, that is at most about 5 mm across a site of a
// kilometre seen from 130 m (its tallest chimney), and 2.3 mm in the worst of
// the five sites' views (Seraing's river; 0.4 m with the old 1 cm near plane).
// 3 cm is several times that, and too thin to see.
namespace level {
inline constexpr float kStep = 0.03f;
inline constexpr float kTerrain = 0 * kStep;   // the ground everything stands on
inline constexpr float kRoad = 1 * kStep;      // the town's roads and streets
inline constexpr float kYard = 2 * kStep;      // works' yards, car parks (over a road's verge)
inline constexpr float kBallast = 3 * kStep;   // rail ballast, on a yard
inline constexpr float kSoil = 4 * kStep;      // remediation's stripped soil, over yard and track
inline constexpr float kGreen = 5 * kStep;     // green ground, lawns, parks: over soil, old roads
inline constexpr float kSquare = 6 * kStep;    // paved squares, over a park's edge
inline constexpr float kBed = 7 * kStep;       // gardens and parks laid on a square or a lawn
inline constexpr float kRoadway = 8 * kStep;   // new boulevards and tram beds, across the above
inline constexpr float kPath = 9 * kStep;      // pavements, paths, cycle lanes, medians, forecourts
inline constexpr float kWater = 10 * kStep;    // rivers and ponds, over a park lapping the bank
inline constexpr float kOnWater = 11 * kStep;  // quays, algae: on the water's edge
}  // namespace level

// A flat slab `sx` x `sz` at height y (a `level`).
Parts slab(Mat mat, float sx, float sz, float y = level::kTerrain);
// A flat band of `width` along a polyline at height y: roads, paths, quays.
Parts strip(Mat mat, const std::vector<glm::vec2>& line, float width, float y);
// The same, at a height of its own at each point of the line.
Parts strip(Mat mat, const std::vector<glm::vec2>& line, float width,
            const std::vector<float>& heights);
// White paint down a road laid along `line` at height y: a line 15 cm wide,
// `offset` metres left of the road's middle (seen from the line's first
// point), dashed (3 m of every 6, as the landscape's streets) or whole. Half
// a level above the road: no other ground is at that height.
Parts roadLine(const std::vector<glm::vec2>& line, float y, float offset, bool dashed);
// A river or pond surface inside its banks: an ellipse rx x rz.
Parts pond(float rx, float rz);
// A river along a straight line from a to b, with a quay on each bank.
Parts river(glm::vec2 a, glm::vec2 b, float width);
// A flat ellipse of `radii` x `cover` at height y (algae on a pond).
Parts disc(Mat mat, glm::vec2 radii, float cover, float y);
// The angle of point i of n around a ring, the same for paths and what lines them.
float ringAngle(int i, int n);
// A grid of existing city blocks of mixed façades, `cell` apart, in one node:
// each on its plot's pavement, asphalt streets between the plots.
Parts townBlocks(glm::vec2 centre, glm::vec2 size, glm::vec2 cell, int minFloors, int maxFloors,
                 std::uint32_t seed);
// A town's streets of terraced houses, in one node: in each `cell`, a street
// along its south side (-z) and a cross street along its west, front gardens,
// a row of houses of `minFloors` to `maxFloors` storeys under a pitched roof of
// clay tiles or slate (a chimney stack over each party wall), yards behind.
Parts townTerraces(glm::vec2 centre, glm::vec2 size, glm::vec2 cell, int minFloors, int maxFloors,
                   std::uint32_t seed);

// ---- Reconversion ------------------------------------------------------------

// A block of `floors` storeys, its façade textured per storey and bay (the
// bays fitted to each wall), shop fronts on the ground floor, a cornice and a
// parapet around a roof of `cover` (gravel); `balconies` on every other bay of
// its long walls (housing).
Parts block(float sx, float sz, int floors, Mat facade, Mat roof = Mat::Concrete,
            bool balconies = false, Mat cover = Mat::Gravel);
// A block's renovated envelope, a little larger than the block it wraps: new
// façades and an insulated roof, higher than the old one so as not to share its plane.
Parts envelope(float sx, float sz, int floors, Mat facade);
Parts greenRoof(float sx, float sz, float y);
Parts solarArray(float sx, float sz, float y);
// A modern exhibition pavilion: glass base, floating white box, canopy.
Parts pavilion(float sx, float sz, float height);
// Artists' studios in a row along X, `size` apart and facing +-Z, in turn: a
// timber-clad shed; two 20-foot containers side by side under a third across
// them; one container over a timber deck. Big windows, glazed container ends,
// cargo doors behind, doors in accent colours.
Parts studios(int count, float size);
// Bands of paint, one per colour, on a gable facing +X: the wall stands `gable`
// from `at` (x, z), `width` wide and `wallHeight` high.
struct MuralSpec {
    glm::vec2 at{0};
    float gable = 30, width = 12, wallHeight = 30;
    std::vector<Mat> colours;
};
void addMural(Parts& into, const MuralSpec& spec);
Parts tramTracks(glm::vec2 a, glm::vec2 b);
Parts tram(float length);
Parts tramStop();
Parts bench();
// A car, kCarLength long along X and kCarWidth wide, instanced along lanes and
// in car parks.
inline constexpr float kCarLength = 4.2f, kCarWidth = 1.7f;
Parts car(Mat paint);
// People, instanced along paths and lanes; each faces +X, the way it walks or rides.
Parts walker();
Parts cyclist();
// Light poles along a line, every `spacing` metres.
Parts lampPosts(glm::vec2 a, glm::vec2 b, float spacing);

// ---- Planting (instanced) ----------------------------------------------------

Parts deciduousTree();
Parts conifer();
Parts shrub(Mat foliage = Mat::Foliage);
// `count` instances scattered in a rectangle `size` around `centre`, with
// random turns and sizes; deterministic from `seed`.
std::vector<glbkit::Instance> scatter(glm::vec2 centre, glm::vec2 size, int count,
                                      std::uint32_t seed, float minScale = 0.8f,
                                      float maxScale = 1.25f);
std::vector<glbkit::Instance> alongLine(glm::vec2 a, glm::vec2 b, float spacing,
                                        std::uint32_t seed);
std::vector<glbkit::Instance> aroundEllipse(glm::vec2 centre, glm::vec2 radii, int count,
                                            std::uint32_t seed);

}  // namespace sitegen
