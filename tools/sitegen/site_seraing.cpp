// Seraing, the Vallée Sérésienne: a steelworks between the Meuse and the town
// (blast furnace and stoves, rolling mill, coke ovens, gasometer, cooling
// tower, sidings, slag heap), then the Master Plan's east-west urban
// boulevard, the remodelled city entrance and rue John Cockerill, offices,
// housing and green zones along the river.
#include "sitegen/sites.h"

namespace sitegen {
namespace {

void industry(Site& s) {
    s.add("industry/yard", slab(Mat::Gravel, 760, 250, level::kYard), {0, 0, -40});
    s.add("heritage/blast-furnace", blastFurnace(), {-140, 0, -45});
    s.add("heritage/hot-blast-stoves", hotBlastStoves(4, 38), {-215, 0, -100});
    addHall(
        s, "industry", "rolling-mill",
        {.length = 230, .width = 42, .height = 17, .roof = Roof::Sawtooth, .wall = Mat::Corrugated},
        {130, 0, -70}, 0, false);
    addHall(s, "heritage", "central-hall",
            {.length = 120, .width = 34, .height = 15, .roof = Roof::Gable, .roofing = Mat::Rust},
            {70, 0, 35}, 0, true);
    addHall(s, "industry", "foundry",
            {.length = 80,
             .width = 30,
             .height = 13,
             .roof = Roof::Barrel,
             .wall = Mat::Corrugated,
             .roofing = Mat::Rust},
            {-40, 0, 45}, 0, false);
    addHall(s, "industry", "coke-ovens",
            {.length = 110, .width = 16, .height = 12, .roof = Roof::Flat, .windows = false},
            {-250, 0, 20}, 0, false);
    s.add("industry/gasometer", gasometer(24, 50), {270, 0, 40});
    s.add("industry/cooling-tower", coolingTower(28, 75), {330, 0, -90});
    s.add("industry/chimney-1", chimney(85, 3.2f), {-200, 0, 40});
    s.add("industry/chimney-2", chimney(70, 2.8f), {-300, 0, 45});
    s.add("industry/chimney-3", chimney(60, 2.5f), {20, 0, -95});
    s.add("industry/conveyor-1", conveyor({-20, 0, -130}, {-95, 32, -70}));
    s.add("industry/conveyor-2", conveyor({-250, 12, 8}, {-175, 30, -25}));
    s.add("industry/rail-sidings", railSiding({-380, -135}, {380, -135}, 4));
    s.add("industry/slag-heap", heap(Mat::Slag, 70, 50, 30, 3), {-360, 0, 95});
}

void activity(Site& s) {
    s.add("activity/ore-stockpile", heap(Mat::Ore, 40, 14, 10, 5), {-60, 0, -130});
    s.add("activity/coal-stockpile", heap(Mat::Slag, 35, 13, 9, 6), {40, 0, -160});
    s.add("activity/wagons", wagons({-300, -135}, {-60, -135}, 16, Mat::Slag));
    s.add("activity/furnace-glow", slab(Mat::Glow, 24, 3, 9.1f), {-140, 0, -45});
    addSmoke(s, "smoke-chimney-1", {-200, 85, 40}, 1);
    addSmoke(s, "smoke-chimney-2", {-300, 70, 45}, 2);
    addSmoke(s, "smoke-chimney-3", {20, 60, -95}, 3);
    addSmoke(s, "steam-cooling-tower", {330, 75, -90}, 4);
    addSmoke(s, "smoke-blast-furnace", {-140, 66, -45}, 5);
}

void wasteland(Site& s) {
    s.addInstanced("wasteland/scrub", shrub(Mat::FoliageDry),
                   scatter({0, -40}, {720, 230}, 500, 11, 0.7f, 2.0f));
    s.addInstanced("wasteland/birches", deciduousTree(),
                   scatter({0, -40}, {700, 220}, 90, 12, 0.5f, 0.9f));
    s.add("wasteland/fence",
          fence({{-390, -165}, {390, -165}, {390, 85}, {-390, 85}, {-390, -165}}));
}

void remediation(Site& s) {
    s.add("remediation/soil", slab(Mat::Soil, 760, 250, level::kSoil), {0, 0, -40});
    s.add("remediation/earthworks", heap(Mat::Soil, 45, 25, 12, 21), {150, 0, -70});
    s.add("remediation/slag-heap-reshaped", heap(Mat::Grass, 75, 55, 18, 3), {-360, 0, 95});
    s.add("remediation/crane-1", crane(45, 40), {100, 0, 0});
    s.add("remediation/crane-2", crane(38, 32), {-60, 0, -100});
}

void reconversion(Site& s) {
    s.add("reconversion/green-ground", slab(Mat::Grass, 760, 250, level::kGreen), {0, 0, -40});
    Parts boulevard = strip(Mat::Asphalt, {{-450, -10}, {450, -10}}, 26, level::kRoadway);
    merge(boulevard, strip(Mat::Grass, {{-450, -10}, {450, -10}}, 5, level::kPath), glm::mat4(1));
    for (float z : {-27.0f, 7.0f})
        merge(boulevard, strip(Mat::Paving, {{-450, z}, {450, z}}, 8, level::kPath), glm::mat4(1));
    merge(boulevard, lampPosts({-440, -10}, {440, -10}, 30), glm::mat4(1));
    s.add("reconversion/boulevard", boulevard);
    s.addInstanced("reconversion/boulevard-trees", deciduousTree(),
                   alongLine({-440, -27}, {440, -27}, 16, 31));
    s.add("reconversion/city-entrance", slab(Mat::Paving, 70, 60, level::kSquare), {400, 0, 60});
    s.add("reconversion/city-entrance-pavilion", pavilion(30, 20, 12), {400, 0, 60});
    Parts offices;
    for (int i = 0; i < 4; ++i)
        merge(offices, block(36, 22, 6 + i % 3, Mat::CurtainWall),
              place({-90.0f + 70.0f * static_cast<float>(i), 0, -55}));
    s.add("reconversion/offices", offices);
    Parts park =
        strip(Mat::Paving, {{-420, -150}, {-200, -140}, {0, -152}, {200, -142}, {420, -150}}, 5,
              level::kPath);
    s.add("reconversion/river-park", park);
    s.addInstanced("reconversion/river-park-trees", deciduousTree(),
                   scatter({0, -145}, {820, 30}, 110, 32));
}

void future(Site& s) {
    Parts housing, roofs;
    for (int i = 0; i < 6; ++i) {
        const float x = -330.0f + 52.0f * static_cast<float>(i);
        const int floors = 4 + i % 3;
        merge(housing, block(34, 16, floors, i % 2 ? Mat::FacadeCream : Mat::FacadeTerracotta),
              place({x, 0, 40}));
        merge(roofs, greenRoof(34, 16, 3.0f * static_cast<float>(floors)), place({x, 0, 40}));
    }
    s.add("future/housing", housing);
    s.add("future/green-roofs", roofs);
    s.add("future/solar-roofs", solarArray(110, 30, 15 + 0.22f * 34), {70, 0, 35});
    Parts zones = slab(Mat::Grass, 180, 90, level::kBed);
    merge(zones, strip(Mat::Paving, {{-85, 30}, {-20, -10}, {40, 20}, {85, -30}}, 4, level::kPath),
          glm::mat4(1));
    s.add("future/green-zone", zones, {250, 0, -90});
    s.add("future/green-zone-pond", pond(30, 18), {250, 0, -90});
    s.addInstanced("future/green-zone-trees", deciduousTree(),
                   scatter({250, -90}, {180, 90}, 60, 41));
}

}  // namespace

void buildSeraing(Site& s) {
    addTerrain(s, Mat::Grass, 860, 560);
    addRiver(s, {-430, -200}, {430, -200}, 70);
    s.add("ground/town", townBlocks({0, 175}, {820, 90}, {40, 30}, 2, 4, 7));
    s.add("ground/rue-john-cockerill",
          strip(Mat::Asphalt, {{-430, 115}, {430, 115}}, 14, level::kRoad));
    // The far side of the valley: a wooded slope beyond the Meuse.
    addWoodedHill(s, "valley-slope", {0, 0, -280}, {430, 40, 45}, 220, 9);
    s.addView("overview", {260, 260, 420}, {0, 0, -40});
    s.addView("blast-furnace", {-40, 60, 90}, {-150, 30, -50});
    s.addView("boulevard", {-300, 25, 40}, {0, 5, -15});
    s.addView("river", {300, 90, -60}, {0, 0, -170});
    industry(s);
    activity(s);
    wasteland(s);
    remediation(s);
    reconversion(s);
    future(s);
}

}  // namespace sitegen
