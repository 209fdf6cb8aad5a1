// A small valid scenario and the tiny glTF it uses, written to a fresh folder,
// for the scenario tests (CPU and command line alike). Tests start from
// goodScenario() and break one thing at a time.
//
//   auto doc = goodScenario();  doc["phases"][1]["id"] = 7;
//   auto file = writeScenario("wrong-type", doc);   // <out>/scenarios/wrong-type/scenario.json
#pragma once

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "support/test_files.h"

namespace friche::test {

// One triangle, two named nodes ("hall", "park"), two named scenes
// ("before" shows the hall, "after" the park); the buffer is a data URI.
inline const char* const kTinyGltf = R"({
  "asset": {"version": "2.0"},
  "scene": 0,
  "scenes": [{"name": "before", "nodes": [0]}, {"name": "after", "nodes": [1]}],
  "nodes": [{"name": "hall", "mesh": 0}, {"name": "park", "mesh": 0, "translation": [2, 0, 0]}],
  "meshes": [{"primitives": [{"attributes": {"POSITION": 0}}]}],
  "accessors": [{"bufferView": 0, "componentType": 5126, "count": 3, "type": "VEC3",
                 "min": [0, 0, 0], "max": [1, 1, 0]}],
  "bufferViews": [{"buffer": 0, "byteLength": 36}],
  "buffers": [{"byteLength": 36,
    "uri": "data:application/octet-stream;base64,AAAAAAAAAAAAAAAAAACAPwAAAAAAAAAAAAAAAAAAgD8AAAAA"}]
})";

inline nlohmann::json fourLanguages(const std::string& en) {
    return {{"fr", en + " (fr)"}, {"en", en}, {"nl", en + " (nl)"}, {"de", en + " (de)"}};
}

// Valid, with no warnings: every text in four languages, every fact sourced.
inline nlohmann::json goodScenario() {
    using nlohmann::json;
    const std::string seed = "004_f8d13bee3da51343.txt";
    return {
        {"version", 1},
        {"site",
         {{"id", "test-site"},
          {"name", fourLanguages("Test site")},
          {"latitude", 50.65},
          {"longitude", 5.6},
          {"north", 10}}},
        {"layers", json::array({{{"id", "hall"}, {"model", "model.gltf"}, {"nodes", {"hall"}}},
                                {{"id", "park"},
                                 {"model", "model.gltf"},
                                 {"nodes", {"park"}},
                                 {"transform", {{"translation", {1, 0, 0}}, {"scale", 2}}}}})},
        {"views", json::array({{{"id", "overview"},
                                {"name", fourLanguages("Overview")},
                                {"target", {0, 0, 0}},
                                {"yaw", 90},
                                {"pitch", -30},
                                {"distance", 20}},
                               {{"id", "ground"}, {"eye", {0, 0, 10}}, {"target", {0, 0, 0}}}})},
        {"startView", "overview"},
        {"phases", json::array({{{"id", "industry"},
                                 {"date", "2005-06"},
                                 {"source", seed},
                                 {"title", fourLanguages("Industry")},
                                 {"states", {{"hall", "present"}}}},
                                {{"id", "closure"},
                                 {"date", "2018-06/2021-12-31"},
                                 {"source", seed},
                                 {"title", fourLanguages("Closure")},
                                 {"transition", "fade"},
                                 {"view", "ground"},
                                 {"states", {{"hall", "ghosted"}}}},
                                {{"id", "park"},
                                 {"title", fourLanguages("Park")},
                                 {"states",
                                  {{"hall", {{"state", "absent"}, {"transition", "sink"}}},
                                   {"park", {{"state", "present"}, {"transition", "rise"}}}}}}})},
        {"hotspots", json::array({{{"id", "pond"},
                                   {"anchor", {1, 2, 3}},
                                   {"title", fourLanguages("Pond")},
                                   {"layer", "park"},
                                   {"phases", {"park"}},
                                   {"figures", json::array({{{"label", fourLanguages("Area")},
                                                             {"value", 2.5},
                                                             {"unit", "ha"},
                                                             {"source", seed}}})}}})},
        {"data",
         {{"budget", {{"amount", 539349.58}, {"currency", "EUR"}, {"source", seed}}},
          {"funding", json::array({{{"name", "FEDER"}, {"share", 50}, {"source", seed}},
                                   {{"name", "Région wallonne"}, {"share", 40}, {"source", seed}},
                                   {{"name", "Ville de Liège"}, {"share", 10}, {"source", seed}}})},
          {"partners", json::array({{{"name", "ULiège"}, {"country", "BE"}, {"source", seed}}})},
          {"surfaces", json::array({{{"label", fourLanguages("Site")},
                                     {"value", 800},
                                     {"unit", "ha"},
                                     {"source", seed}}})}}},
    };
}

// <FRICHE_TEST_OUT>/scenarios/<name>/scenario.json beside model.gltf; the
// folder is emptied first so that earlier runs leave nothing behind.
inline std::filesystem::path writeScenarioText(const std::string& name, const std::string& text) {
    const std::filesystem::path dir = std::filesystem::path(FRICHE_TEST_OUT) / "scenarios" / name;
    std::filesystem::remove_all(dir);
    writeText(dir / "model.gltf", kTinyGltf);
    writeText(dir / "scenario.json", text);
    return dir / "scenario.json";
}

inline std::filesystem::path writeScenario(const std::string& name, const nlohmann::json& doc) {
    return writeScenarioText(name, doc.dump(2));
}

}  // namespace friche::test
