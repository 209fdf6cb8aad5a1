// Liège, a smart metropolis: the 1960s Cité administrative tower over a
// car-dominated riverside (a four-lane road, a car park, old riverside works),
// then its energy renovation, the tram, cycle lanes, a creative hub in the
// riverside hall, and the quays given back to walkers.
#include "sitegen/sites.h"

namespace sitegen {
namespace {

constexpr float kTower = 84;  // the tower's height: 28 storeys of 3 m

void industry(Site& s) {
    s.add("heritage/cite-administrative", block(56, 18, 28, Mat::FacadeGrey), {0, 0, -10});
    s.add("heritage/cite-administrative-podium", block(90, 40, 2, Mat::FacadeGrey), {0, 0, 20});
    addHall(s, "heritage", "riverside-hall",
            {.length = 70, .width = 24, .height = 12, .roof = Roof::Sawtooth}, {-120, 0, -95}, 0,
            true);
    addHall(s, "industry", "riverside-works",
            {.length = 50,
             .width = 20,
             .height = 10,
             .roof = Roof::Gable,
             .wall = Mat::Corrugated,
             .roofing = Mat::Rust},
            {100, 0, -95}, 0, false);
    s.add("industry/riverside-chimney", chimney(45, 2.2f), {140, 0, -110});
    s.add("industry/car-park", slab(Mat::Asphalt, 100, 50, level::kYard), {120, 0, 40});
    s.add("industry/expressway", strip(Mat::Asphalt, {{-260, 75}, {260, 75}}, 26, level::kRoad));
}

void activity(Site& s) {
    std::vector<glbkit::Instance> traffic;
    for (float z : {66.0f, 71.0f, 79.0f, 84.0f}) {
        for (const glbkit::Instance& c :
             scatter({0, z}, {500, 0.1f}, 28, static_cast<std::uint32_t>(z), 1, 1))
            traffic.push_back({c.translation, z < 75 ? 0.0f : 3.14159f, 1});
    }
    s.addInstanced("activity/traffic", car(), traffic);
    std::vector<glbkit::Instance> parked;
    for (int i = 0; i < 20; ++i)
        for (int row = 0; row < 4; ++row)
            if ((i * 7 + row * 3) % 5 != 0)
                parked.push_back({{75.0f + 4.6f * static_cast<float>(i), 0,
                                   22.0f + 12.0f * static_cast<float>(row)},
                                  1.5708f,
                                  1});
    s.addInstanced("activity/parked-cars", car(), parked);
    addSmoke(s, "smoke-riverside-chimney", {140, 45, -110}, 1);
}

void wasteland(Site& s) {
    s.addInstanced("wasteland/scrub", shrub(Mat::FoliageDry),
                   scatter({0, -95}, {420, 40}, 160, 11, 0.6f, 1.6f));
    s.add("wasteland/fence", fence({{60, -120}, {170, -120}, {170, -72}, {60, -72}, {60, -120}}));
}

void remediation(Site& s) {
    s.add("remediation/soil", slab(Mat::Soil, 130, 55, level::kSoil), {110, 0, -95});
    Parts scaffold;
    for (int i = 0; i <= 14; ++i) {
        const float x = -29 + 58.0f * static_cast<float>(i) / 14;
        for (float z : {-20.0f, 0.0f})
            glbkit::addBeam(scaffold[Mat::SteelLight], {x, 0, z}, {x, kTower + 2, z}, 0.15f);
    }
    for (int k = 1; k <= 14; ++k) {
        const float y = 6.0f * static_cast<float>(k);
        for (float z : {-20.0f, 0.0f})
            glbkit::addBeam(scaffold[Mat::SteelLight], {-29, y, z}, {29, y, z}, 0.15f);
    }
    s.add("remediation/tower-scaffold", scaffold, {0, 0, -10});
    s.add("remediation/crane", crane(kTower + 15, 45), {40, 0, -30});
}

void reconversion(Site& s) {
    s.add("reconversion/tower-renovation", envelope(57, 19, 28, Mat::CurtainWall), {0, 0, -10});
    s.add("reconversion/tower-solar", solarArray(54, 16, kTower), {0, 0, -10});
    s.add("reconversion/boulevard",
          strip(Mat::Asphalt, {{-260, 80}, {260, 80}}, 14, level::kRoadway));
    s.add("reconversion/tram-line", tramTracks({-260, 66}, {260, 66}));
    s.add("reconversion/tram-1", tram(40), {-60, 0.2f, 64.4f});
    s.add("reconversion/tram-2", tram(40), {130, 0.2f, 67.6f});
    s.add("reconversion/tram-stop", tramStop(), {40, 0, 58});
    Parts bikes = strip(Mat::StudioCoral, {{-260, 90}, {260, 90}}, 3, level::kPath);
    merge(bikes, lampPosts({-250, 93}, {250, 93}, 25), glm::mat4(1));
    s.add("reconversion/cycle-lanes", bikes);
    s.add("reconversion/creative-hub-square", slab(Mat::Paving, 110, 40, level::kSquare),
          {-120, 0, -60});
}

void future(Site& s) {
    s.add("future/quays-park", slab(Mat::Grass, 420, 36, level::kGreen), {0, 0, -135});
    s.add(
        "future/quays-promenade",
        strip(Mat::Paving, {{-210, -125}, {-60, -130}, {60, -124}, {210, -130}}, 6, level::kPath));
    s.addInstanced("future/quays-trees", deciduousTree(),
                   alongLine({-200, -142}, {200, -142}, 14, 41));
    s.add("future/park", slab(Mat::Grass, 100, 50, level::kGreen), {120, 0, 40});
    s.addInstanced("future/park-trees", deciduousTree(), scatter({120, 40}, {95, 45}, 28, 42));
    s.add("future/tower-green-roof", greenRoof(88, 38, 6), {0, 0, 20});
    Parts bridge;
    glbkit::addBox(bridge[Mat::SteelLight], {-2.5f, 6, -210}, {2.5f, 6.6f, -150});
    for (float z : {-195.0f, -180.0f, -165.0f})
        glbkit::addBeam(bridge[Mat::SteelDark], {0, 0, z}, {0, 6, z}, 0.8f);
    s.add("future/footbridge", bridge, {-40, 0, 0});
}

}  // namespace

void buildLiegeSmartCity(Site& s) {
    addTerrain(s, Mat::Paving, 560, 460);
    addRiver(s, {-280, -185}, {280, -185}, 70);
    s.add("ground/city-blocks", townBlocks({0, 160}, {540, 110}, {40, 34}, 3, 7, 3));
    s.add("ground/city-blocks-west", townBlocks({-200, -10}, {140, 110}, {40, 34}, 4, 8, 4));
    s.add("ground/riverside-road",
          strip(Mat::Asphalt, {{-280, -135}, {280, -135}}, 10, level::kRoad));
    s.addView("overview", {180, 160, 280}, {0, 20, -20});
    s.addView("cite-administrative", {90, 40, 110}, {0, 40, -10});
    s.addView("tram", {-120, 8, 110}, {20, 2, 66});
    s.addView("quays", {-200, 30, -60}, {0, 0, -140});
    industry(s);
    activity(s);
    wasteland(s);
    remediation(s);
    reconversion(s);
    future(s);
}

}  // namespace sitegen
