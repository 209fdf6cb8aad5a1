// Liège-Droixhe: a 1960s estate of slab blocks by the Meuse around its pond,
// beside riverside warehouses; then the decline (emptied blocks, a neglected
// pond), demolition, N-POWER's pilot « Autour de l'étang » (paths, benches,
// planting, a community garden and pontoon), « J'écris dans la ville »
// (murals on the gables), and new low-rise housing.
#include <glm/gtc/matrix_transform.hpp>

#include "sitegen/sites.h"

namespace sitegen {
namespace {

constexpr glm::vec2 kPond(0, 10);
constexpr glm::vec2 kPondRadii(48, 28);

// The slab blocks: x, z, floors; the first two are kept, the rest demolished.
struct Slab {
    float x, z;
    int floors;
};
constexpr Slab kSlabs[] = {
    {-70, -85, 14}, {80, -90, 12}, {-110, 75, 10}, {20, 85, 10}, {125, 60, 8}};

void industry(Site& s) {
    for (int i = 0; i < 2; ++i)
        s.add(std::string("heritage/tower-") + static_cast<char>('a' + i),
              block(60, 14, kSlabs[i].floors, Mat::FacadeGrey), {kSlabs[i].x, 0, kSlabs[i].z});
    for (int i = 2; i < 5; ++i)
        s.add("industry/slab-block-" + std::to_string(i - 1),
              block(58, 13, kSlabs[i].floors, Mat::FacadeCream), {kSlabs[i].x, 0, kSlabs[i].z},
              0.2f * static_cast<float>(i - 3));
    addHall(
        s, "industry", "riverside-warehouse",
        {.length = 80, .width = 22, .height = 11, .roof = Roof::Sawtooth, .wall = Mat::Corrugated},
        {-200, 0, -10}, 1.5708f, false);
    s.add("industry/car-parks", slab(Mat::Asphalt, 150, 26, level::kYard), {10, 0, -125});
}

void activity(Site& s) {
    std::vector<glbkit::Instance> parked;
    for (int i = 0; i < 30; ++i)
        if (i % 4 != 3)
            parked.push_back({{-60.0f + 4.3f * static_cast<float>(i), 0, -120}, 1.5708f, 1});
    s.addInstanced("activity/parked-cars", car(), parked);
}

void wasteland(Site& s) {
    // A scum of algae over most of the neglected pond.
    glbkit::Geometry scum;
    glbkit::addLathe(scum, {{0.85f, level::kOnWater}, {0, level::kOnWater}}, 24);
    Parts algae;
    algae[Mat::FoliageDry].append(scum, glm::scale(glm::mat4(1), {kPondRadii.x, 1, kPondRadii.y}));
    s.add("wasteland/pond-algae", algae, {kPond.x, 0, kPond.y});
    s.addInstanced("wasteland/scrub", shrub(Mat::FoliageDry),
                   scatter({0, 0}, {300, 220}, 140, 11, 0.6f, 1.5f));
    s.add("wasteland/boarded-fence",
          fence({{-150, 55}, {160, 55}, {160, 105}, {-150, 105}, {-150, 55}}));
}

void remediation(Site& s) {
    s.add("remediation/soil", slab(Mat::Soil, 320, 55, level::kSoil), {5, 0, 80});
    s.add("remediation/rubble", heap(Mat::Gravel, 20, 10, 5, 21), {20, 0, 85});
    s.add("remediation/pond-dredging", heap(Mat::Soil, 10, 6, 2.5f, 22), {60, 0, 10});
    s.add("remediation/crane", crane(38, 30), {-60, 0, 80});
}

void reconversion(Site& s) {
    s.add("reconversion/pond-path",
          strip(
              Mat::Paving,
              [] {
                  std::vector<glm::vec2> ring;
                  for (int i = 0; i <= 48; ++i) {
                      const float a = 6.2831853f * static_cast<float>(i) / 48;
                      ring.push_back(kPond +
                                     glm::vec2(std::cos(a), std::sin(a)) * (kPondRadii + 9.0f));
                  }
                  return ring;
              }(),
              4, level::kPath));
    Parts benches;
    for (int i = 0; i < 10; ++i) {
        const float a = 6.2831853f * static_cast<float>(i) / 10;
        const glm::vec2 q = kPond + glm::vec2(std::cos(a), std::sin(a)) * (kPondRadii + 13.0f);
        merge(benches, bench(), place({q.x, 0.1f, q.y}, -a + 1.5708f));
    }
    s.add("reconversion/pond-benches", benches);
    Parts pontoon;
    // A deck 25 cm over the water, clear of the pond's kerb (15 cm).
    glbkit::addBox(pontoon[Mat::Timber], {-2, level::kWater - 0.1f, -4},
                   {2, level::kWater + 0.25f, 14});
    s.add("reconversion/pond-pontoon", pontoon, {kPond.x + 10, 0, kPond.y - kPondRadii.y - 2});
    s.addInstanced("reconversion/pond-reeds", shrub(),
                   aroundEllipse(kPond, kPondRadii * 1.02f, 70, 31));
    s.addInstanced("reconversion/pond-trees", deciduousTree(),
                   aroundEllipse(kPond, kPondRadii + 20.0f, 22, 32));
    Parts garden = slab(Mat::Grass, 50, 30, level::kGreen);
    for (int i = 0; i < 6; ++i)
        merge(garden, slab(Mat::Soil, 6, 22, level::kBed),
              place({-20.0f + 8.0f * static_cast<float>(i), 0, 0}));
    s.add("reconversion/community-garden", garden, {120, 0, -20});
    Parts murals;
    const Mat colours[] = {Mat::StudioYellow, Mat::StudioTeal, Mat::StudioCoral};
    for (int i = 0; i < 2; ++i) {
        const float h = 3.0f * static_cast<float>(kSlabs[i].floors);
        for (int k = 0; k < 3; ++k) {
            const float y0 = 2 + h * 0.3f * static_cast<float>(k), y1 = y0 + h * 0.28f;
            glbkit::addPatch(murals[colours[(i + k) % 3]],
                             {kSlabs[i].x + 30.06f, y0, kSlabs[i].z + 6}, {0, 0, -12},
                             {0, y1 - y0, 0});
        }
    }
    s.add("reconversion/murals", murals);
    s.add("reconversion/lamp-posts", lampPosts({-140, -55}, {150, -55}, 20));
}

void future(Site& s) {
    Parts housing, roofs;
    for (int i = 0; i < 5; ++i) {
        const float x = -130.0f + 60.0f * static_cast<float>(i);
        const int floors = 3 + i % 2;
        merge(housing, block(36, 14, floors, i % 2 ? Mat::FacadeTerracotta : Mat::FacadeCream),
              place({x, 0, 82}));
        merge(roofs, greenRoof(36, 14, 3.0f * static_cast<float>(floors)), place({x, 0, 82}));
    }
    s.add("future/housing", housing);
    s.add("future/green-roofs", roofs);
    for (int i = 0; i < 2; ++i)
        s.add(std::string("future/tower-") + static_cast<char>('a' + i) + "-renovation",
              envelope(61, 15, kSlabs[i].floors, Mat::FacadeWhite), {kSlabs[i].x, 0, kSlabs[i].z});
    s.add("future/riverside-park", slab(Mat::Grass, 70, 260, level::kGreen), {-195, 0, 0});
    s.addInstanced("future/riverside-trees", deciduousTree(),
                   scatter({-195, 0}, {60, 250}, 40, 41));
}

}  // namespace

void buildDroixhe(Site& s) {
    addTerrain(s, Mat::Grass, 560, 380);
    addRiver(s, {-262, -190}, {-262, 190}, 50);
    s.add("ground/pond", pond(kPondRadii.x, kPondRadii.y), {kPond.x, 0, kPond.y});
    s.add("ground/streets", strip(Mat::Asphalt, {{-230, -145}, {260, -145}}, 12, level::kRoad));
    s.add("ground/avenue", strip(Mat::Asphalt, {{-230, 130}, {260, 130}}, 12, level::kRoad));
    s.add("ground/neighbourhood", townBlocks({40, 165}, {440, 50}, {36, 30}, 2, 4, 6));
    s.addInstanced("ground/old-trees", deciduousTree(), alongLine({-140, -60}, {150, -60}, 18, 7));
    s.addView("overview", {160, 150, 260}, {0, 0, 0});
    s.addView("pond", {70, 20, 80}, {0, 0, 10});
    s.addView("murals", {20, 30, -20}, {-40, 20, -85});
    industry(s);
    activity(s);
    wasteland(s);
    remediation(s);
    reconversion(s);
    future(s);
}

}  // namespace sitegen
