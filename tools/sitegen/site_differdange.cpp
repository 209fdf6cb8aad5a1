// Differdange: a corner of the ArcelorMittal works (a blast furnace, a
// rolling mill, conveyors, sidings) around three buildings that the town took
// on a 30-year concession — a great hall, a power house with its chimney and
// a long workshop — reconverted into artist studios and an arts-and-digital
// creative hub.
#include "sitegen/sites.h"

namespace sitegen {
namespace {

void industry(Site& s) {
    s.add("industry/yard", slab(Mat::Gravel, 460, 240, level::kYard), {0, 0, -10});
    addHall(s, "heritage", "building-1",
            {.length = 90, .width = 32, .height = 17, .roof = Roof::Gable, .roofing = Mat::Rust},
            {-40, 0, 30}, 0, true);
    addHall(s, "heritage", "building-2",
            {.length = 40, .width = 22, .height = 19, .roof = Roof::Flat}, {50, 0, 55}, 0, true);
    s.add("heritage/building-2-chimney", chimney(62, 2.6f), {78, 0, 70});
    addHall(s, "heritage", "building-3",
            {.length = 70, .width = 18, .height = 10, .roof = Roof::Shed, .wall = Mat::Corrugated},
            {40, 0, 5}, 0, true);
    s.add("industry/blast-furnace", blastFurnace(), {-140, 0, -70});
    s.add("industry/hot-blast-stoves", hotBlastStoves(3, 34), {-205, 0, -115});
    addHall(
        s, "industry", "rolling-mill",
        {.length = 160, .width = 36, .height = 16, .roof = Roof::Sawtooth, .wall = Mat::Corrugated},
        {110, 0, -75}, 0, false);
    s.add("industry/conveyor", conveyor({30, 0, -120}, {-95, 40, -80}));
    s.add("industry/rail-sidings", railSiding({-230, -118}, {230, -118}, 3));
    s.add("industry/gasometer", gasometer(18, 40), {-180, 0, 60});
}

void activity(Site& s) {
    s.add("activity/wagons", wagons({-40, -118}, {200, -118}, 14, Mat::Ore));
    s.add("activity/furnace-glow", slab(Mat::Glow, 24, 3, 9.1f), {-140, 0, -70});
    addSmoke(s, "smoke-chimney", {78, 62, 70}, 1);
    addSmoke(s, "smoke-blast-furnace", {-140, 66, -70}, 2);
}

void wasteland(Site& s) {
    s.addInstanced("wasteland/scrub", shrub(Mat::FoliageDry),
                   scatter({0, -10}, {440, 220}, 320, 11, 0.7f, 1.8f));
    s.addInstanced("wasteland/birches", deciduousTree(),
                   scatter({0, -10}, {440, 220}, 50, 12, 0.5f, 0.9f));
    s.add("wasteland/fence",
          fence({{-232, -132}, {232, -132}, {232, 112}, {-232, 112}, {-232, -132}}));
}

void remediation(Site& s) {
    s.add("remediation/soil", slab(Mat::Soil, 460, 240, level::kSoil), {0, 0, -10});
    s.add("remediation/earthworks", heap(Mat::Soil, 40, 20, 10, 21), {110, 0, -75});
    s.add("remediation/crane", crane(42, 34), {-100, 0, -40});
}

void reconversion(Site& s) {
    s.add("reconversion/creative-square", slab(Mat::Paving, 200, 110, level::kSquare), {0, 0, 35});
    s.add("reconversion/artist-studios", studios(9, 6), {-40, 0, -8});
    s.add("reconversion/studio-terrace", studios(5, 5), {40, 0, -18});
    s.add("reconversion/digital-hub-solar", solarArray(36, 18, 19.6f), {50, 0, 55});
    s.addInstanced("reconversion/square-trees", deciduousTree(),
                   alongLine({-95, 80}, {95, 80}, 12, 31));
    Parts benches;
    for (int i = 0; i < 6; ++i)
        merge(benches, bench(),
              place({-30.0f + 12.0f * static_cast<float>(i), level::kSquare, 72}));
    s.add("reconversion/benches", benches);
}

void future(Site& s) {
    s.add("future/park", slab(Mat::Grass, 460, 120, level::kGreen), {0, 0, -70});
    s.add("future/park-paths",
          strip(Mat::Paving, {{-220, -60}, {-100, -90}, {0, -60}, {120, -95}, {220, -65}}, 5,
                level::kPath));
    s.addInstanced("future/park-trees", deciduousTree(), scatter({0, -75}, {440, 100}, 120, 41));
    Parts housing, roofs;
    for (int i = 0; i < 4; ++i) {
        const float x = -290.0f + 45.0f * static_cast<float>(i);
        merge(housing, block(30, 14, 4 + i % 2, i % 2 ? Mat::FacadeCream : Mat::FacadeWhite),
              place({x, 0, 20}));
        merge(roofs, greenRoof(30, 14, 3.0f * static_cast<float>(4 + i % 2)), place({x, 0, 20}));
    }
    s.add("future/housing", housing);
    s.add("future/green-roofs", roofs);
    s.add("future/building-1-solar", solarArray(80, 10, 17.5f), {-40, 0, 36});
}

}  // namespace

void buildDifferdange(Site& s) {
    addTerrain(s, Mat::Grass, 640, 460);
    s.add("ground/town", townBlocks({0, 175}, {600, 100}, {40, 32}, 2, 4, 5));
    s.add("ground/road", strip(Mat::Asphalt, {{-320, 118}, {320, 118}}, 12, level::kRoad));
    addWoodedHill(s, "wooded-hill", {0, 0, -215}, {330, 35, 50}, 140, 9);
    s.addView("overview", {200, 170, 300}, {0, 0, -10});
    s.addView("three-buildings", {-10, 45, 140}, {10, 10, 30});
    s.addView("studios", {-20, 12, -45}, {-40, 3, 10});
    industry(s);
    activity(s);
    wasteland(s);
    remediation(s);
    reconversion(s);
    future(s);
}

}  // namespace sitegen
