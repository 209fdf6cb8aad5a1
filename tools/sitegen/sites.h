// The five seed sites, each built into a Site: the industrial past and the
// reconverted future in one model, as named nodes (see README.md for the
// names and the phases they suggest).
//
//   sitegen::Site s("seraing");
//   sitegen::buildSeraing(s);
//   s.write(outDir);
#pragma once

#include <string>
#include <vector>

#include "sitegen/kit.h"
#include "sitegen/site.h"

namespace sitegen {

void buildCiteMiroir(Site& site);
void buildSeraing(Site& site);
void buildLiegeSmartCity(Site& site);
void buildDifferdange(Site& site);
void buildDroixhe(Site& site);

struct SiteEntry {
    const char* id;
    void (*build)(Site&);
};
const std::vector<SiteEntry>& allSites();

// ---- Pieces several sites share ------------------------------------------

// A hall's three layers: `<group>/<name>` (walls and trusses), the old roof as
// `industry/<name>-roof`, and, when `glazed`, `reconversion/<name>-glazing`.
void addHall(Site& site, const std::string& group, const std::string& name, const HallSpec& spec,
             glm::vec3 at, float yaw, bool glazed);
// The ground everything stands on: "ground/terrain".
void addTerrain(Site& site, Mat mat, float sx, float sz);
// The Meuse (or any river) with its quays, along a straight line: "ground/meuse".
void addRiver(Site& site, glm::vec2 a, glm::vec2 b, float width);
// A grid of existing city blocks of mixed façades, in one node.
Parts townBlocks(glm::vec2 centre, glm::vec2 size, glm::vec2 cell, int minFloors, int maxFloors,
                 std::uint32_t seed);
// A hill of footprint rx x rz at `at` as "ground/<name>", with `trees`
// conifers standing on its slopes as "ground/woods".
void addWoodedHill(Site& site, const std::string& name, glm::vec3 at, glm::vec3 size, int trees,
                   std::uint32_t seed);
// A plume rising from `top` (a chimney's mouth) as "activity/<name>".
void addSmoke(Site& site, const std::string& name, glm::vec3 top, std::uint32_t seed);

}  // namespace sitegen
