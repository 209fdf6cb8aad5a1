// La Cité Miroir, Liège: a former metal-treatment works in a city block (a
// great vaulted brick hall, its chimney, workshops and a yard), then a
// cultural and creative hub: the hall glazed, an exhibition pavilion, artist
// residences, a public square, green roofs and solar panels.
#include "sitegen/sites.h"

namespace sitegen {
namespace {

constexpr glm::vec2 kPlot(170, 110);  // the works' plot, centred on the origin
// The artist residences stand where workshop-2 stood, a metre in from its
// south wall (z = 42): a façade in the wall's plane would fight with it while
// the workshop is a building site and the residences a ghost.
constexpr glm::vec3 kResidences(34, 0, 35);

void industry(Site& s) {
    s.add("industry/yard", slab(Mat::Gravel, kPlot.x, kPlot.y, level::kYard));
    addHall(
        s, "heritage", "main-hall",
        {.length = 96, .width = 34, .height = 14, .roof = Roof::Barrel, .roofing = Mat::Corrugated},
        {-10, 0, -12}, 0, true);
    s.add("heritage/chimney", chimney(48, 2.4f), {52, 0, -34});
    addHall(s, "industry", "workshop-1",
            {.length = 52,
             .width = 18,
             .height = 9,
             .roof = Roof::Gable,
             .wall = Mat::Corrugated,
             .roofing = Mat::Rust},
            {-40, 0, 36}, 0, false);
    addHall(s, "industry", "workshop-2",
            {.length = 36, .width = 16, .height = 8, .roof = Roof::Shed, .wall = Mat::Corrugated},
            {30, 0, 34}, 0, false);
    addHall(s, "industry", "pickling-shed",
            {.length = 26, .width = 14, .height = 7, .roof = Roof::Sawtooth, .windows = false},
            {62, 0, 2}, 1.5708f, false);
    s.add("industry/rail-spur", railSiding({-85, 54}, {85, 54}, 1));
}

void activity(Site& s) {
    Parts stock = heap(Mat::Rust, 10, 6, 3, 2);
    for (int i = 0; i < 6; ++i)
        glbkit::addBox(stock[Mat::SteelDark], {14.0f + 4.0f * static_cast<float>(i), 0, -4},
                       {17.0f + 4.0f * static_cast<float>(i), 1.2f, 4});
    s.add("activity/metal-stock", stock, {-20, 0, 10});
    s.add("activity/wagons", wagons({-70, 54}, {10, 54}, 5, Mat::Rust));
    addSmoke(s, "smoke-chimney", {52, 48, -34}, 1);
}

void wasteland(Site& s) {
    s.addInstanced("wasteland/scrub", shrub(Mat::FoliageDry),
                   scatter({0, 0}, kPlot, 160, 11, 0.6f, 1.6f));
    s.addInstanced("wasteland/birches", deciduousTree(),
                   scatter({0, 10}, kPlot, 25, 12, 0.5f, 0.8f));
    s.add("wasteland/rubble", heap(Mat::Gravel, 14, 8, 3.5f, 4), {30, 0, 34});
    const float x = kPlot.x / 2 + 2, z = kPlot.y / 2 + 2;
    s.add("wasteland/fence", fence({{-x, -z}, {x, -z}, {x, z}, {-x, z}, {-x, -z}}));
}

void remediation(Site& s) {
    s.add("remediation/soil", slab(Mat::Soil, kPlot.x, kPlot.y, level::kSoil));
    s.add("remediation/earthworks", heap(Mat::Soil, 16, 9, 4, 21), {30, 0, 34});
    s.add("remediation/crane", crane(40, 30), {20, 0, 10});
}

void reconversion(Site& s) {
    s.add("reconversion/square", slab(Mat::Paving, kPlot.x, kPlot.y, level::kSquare));
    s.add("reconversion/exhibition-pavilion", pavilion(44, 20, 11), {-40, 0, 36});
    s.add("reconversion/artist-residences", block(30, 12, 4, Mat::FacadeWhite), kResidences);
    Parts benches;
    for (int i = 0; i < 8; ++i)
        merge(benches, bench(),
              place({-60.0f + 16.0f * static_cast<float>(i), level::kSquare, 14}));
    s.add("reconversion/benches", benches);
    s.addInstanced("reconversion/trees", deciduousTree(), alongLine({-80, 20}, {80, 20}, 12, 31));
}

void future(Site& s) {
    s.add("future/green-roofs", greenRoof(30, 12, 12), kResidences);
    s.add("future/solar-panels", solarArray(48, 24, 11.5f), {-40, 0, 36});
    s.add("future/garden", slab(Mat::Grass, 40, 24, level::kBed), {55, 0, -20});
    s.addInstanced("future/garden-trees", deciduousTree(), scatter({55, -20}, {40, 24}, 10, 41));
}

}  // namespace

void buildCiteMiroir(Site& s) {
    addTerrain(s, Mat::Asphalt, 420, 320);
    s.add("ground/city-blocks-north", townBlocks({0, -115}, {400, 70}, {36, 30}, 4, 7, 3));
    s.add("ground/city-blocks-south", townBlocks({0, 115}, {400, 70}, {36, 30}, 3, 6, 4));
    s.add("ground/city-blocks-west", townBlocks({-160, 0}, {70, 120}, {32, 28}, 4, 6, 5));
    s.add("ground/city-blocks-east", townBlocks({160, 0}, {70, 120}, {32, 28}, 4, 6, 6));
    s.addInstanced("ground/street-trees", deciduousTree(),
                   alongLine({-190, -72}, {190, -72}, 14, 9));
    s.addView("overview", {120, 110, 170}, {0, 0, 0});
    s.addView("main-hall", {60, 25, 75}, {-10, 8, -10});
    s.addView("square", {-75, 8, 10}, {20, 6, 10});
    industry(s);
    activity(s);
    wasteland(s);
    remediation(s);
    reconversion(s);
    future(s);
}

}  // namespace sitegen
