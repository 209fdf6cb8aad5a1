// The five seed sites (scenes/<id>.json, the build's assets/sites/<id>.glb),
// for the tests that run over each of them, their names as gtest parameters
// (letters, digits and underscores), and their scenarios' paths.
//
//   INSTANTIATE_TEST_SUITE_P(Sites, MyTest, testing::ValuesIn(test::kSeedSites), test::siteName);
#pragma once

#include <algorithm>
#include <array>
#include <string>

#include <gtest/gtest.h>

namespace friche::test {

inline constexpr std::array<const char*, 5> kSeedSites = {
    "cite-miroir", "seraing", "liege-smart-city", "differdange", "droixhe"};

// scenes/<id>.json in the source tree.
inline std::string seedScenario(const std::string& id) {
    return std::string(FRICHE_SOURCE_DIR) + "/scenes/" + id + ".json";
}
#ifdef FRICHE_ASSET_DIR
// The model of site `id` the build wrote (tools/sitegen).
inline std::string seedModel(const std::string& id) {
    return std::string(FRICHE_ASSET_DIR) + "/sites/" + id + ".glb";
}
#endif
inline const std::string kSeraing = seedScenario("seraing");
inline const std::string kDroixhe = seedScenario("droixhe");

inline std::string siteName(const testing::TestParamInfo<const char*>& site) {
    std::string name = site.param;
    std::replace(name.begin(), name.end(), '-', '_');
    return name;
}

}  // namespace friche::test
