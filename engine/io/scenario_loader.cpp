// JSON -> scene::Scenario: the format of docs/scenario-format.md, section by
// section, each reference resolved to an index and each problem pointed at.
#include "io/scenario_loader.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/file.h"
#include "io/scenario_data.h"
#include "io/scenario_json.h"
#include "io/scenario_models.h"
#include "scene/tour.h"

namespace friche::io {
namespace {

using namespace scenario_json;
using scene::Language;
using scene::LocalText;

// Counts no hand-written scenario comes near; they bound the work and the
// memory a hostile file can ask for.
constexpr std::size_t kMaxLayers = 256;
constexpr std::size_t kMaxViews = 64;
constexpr std::size_t kMaxHotspots = 512;
constexpr std::size_t kMaxNodeNames = 256;
constexpr std::size_t kMaxSources = 256;
constexpr std::size_t kMaxVariants = 8;  // per phase: the alternatives on a workshop's table
constexpr std::size_t kMaxTours = 16;
constexpr std::size_t kMaxSteps = 64;  // per tour
// The world's clocks run from UTC-12 to UTC+14, in whole quarters of an hour
// (Nepal, +5:45, is the finest).
constexpr double kMinUtcOffset = -12.0, kMaxUtcOffset = 14.0, kUtcOffsetStep = 0.25;

// Ids already taken in one namespace (layers, phases, ...), for duplicates.
class IdSet {
public:
    explicit IdSet(const char* kind) : kind_(kind) {}
    void claim(const std::string& id, const std::string& pointer, core::Problems& problems) {
        const auto [it, fresh] = first_.emplace(id, pointer);
        if (!fresh)
            problems.error("DUPLICATE_ID", pointer,
                           "duplicate " + std::string(kind_) + " id '" + id + "' (first at " +
                               it->second + ")");
    }

private:
    const char* kind_;
    std::map<std::string, std::string> first_;
};

class Loader {
public:
    Loader(const std::filesystem::path& file, const ScenarioOptions& options,
           core::Problems& problems)
        : dir_(file.parent_path()), options_(options), problems_(problems) {}

    void load(const json& root, scene::Scenario& s);

private:
    void site(const Fields& top, scene::Site& site);
    void siteClock(const Fields& f, scene::SiteClock& clock);
    void layers(const json& list, const std::string& pointer, scene::Scenario& s);
    scene::Layer layer(const Fields& f);
    void layerModel(const Fields& f, scene::Layer& layer);
    scene::Transform transform(const json& value, const std::string& pointer);
    void views(const json& list, const std::string& pointer, scene::Scenario& s);
    void view(const Fields& f, scene::View& v);
    void phases(const json& list, const std::string& pointer, scene::Scenario& s);
    void phase(const Fields& f, const scene::Scenario& s, scene::Phase& p);
    void phaseStates(const Fields& f, const scene::Scenario& s, scene::Phase& p);
    void applyStates(const Fields& f, const scene::Scenario& s,
                     std::vector<scene::LayerPhase>& layers);
    void variants(const Fields& f, const scene::Scenario& s, scene::Phase& p);
    void tours(const json& list, const std::string& pointer, scene::Scenario& s);
    scene::TourStep tourStep(const Fields& f, const scene::Scenario& s);
    std::optional<int> stepVariant(const Fields& f, const scene::Scenario& s, double position);
    scene::Compare stepCompare(const json& value, const std::string& pointer,
                               const scene::Scenario& s);
    std::optional<scene::LayerPhase> layerPhase(const json& value, const std::string& pointer,
                                                const scene::Layer& layer,
                                                scene::LayerPhase carried);
    void modelScenePhases(const Fields& f, scene::Scenario& s);
    void hotspots(const json& list, const std::string& pointer, scene::Scenario& s);
    void sourceLabels(const json& value, const std::string& pointer, scene::Scenario& s);
    void warnUnusedLayers(const scene::Scenario& s);

    const ModelOutline* outline(const scene::Layer& layer, const std::string& pointer);
    std::optional<int> sceneIndex(const json& value, const std::string& pointer,
                                  const scene::Layer& layer);
    scene::LayerPhase carriedState(const scene::Scenario& s, std::size_t layer,
                                   scene::Transition transition) const;

    std::filesystem::path dir_;
    const ScenarioOptions& options_;
    core::Problems& problems_;
    std::map<std::filesystem::path, std::optional<ModelOutline>> outlines_;
    IdSet phaseIds_{"phase"};
};

void Loader::load(const json& root, scene::Scenario& s) {
    Fields top(root, "", problems_,
               {"$schema", "version", "site", "layers", "phases", "views", "startView", "hotspots",
                "data", "sources", "tours"});
    if (!top.valid()) return;
    top.number("version", Required::No, 1, 1);
    site(top, s.site);
    if (const json* list = top.array("layers", Required::Yes, kMaxLayers))
        layers(*list, top.at("layers"), s);
    if (const json* list = top.array("views", Required::No, kMaxViews))
        views(*list, top.at("views"), s);
    if (const json* list = top.array("phases", Required::Yes, kMaxPhases))
        phases(*list, top.at("phases"), s);
    if (const auto id = top.string("startView", Required::No))
        s.startView = resolve(s.views, *id, "view", top.at("startView"), problems_).value_or(-1);
    if (const json* list = top.array("hotspots", Required::No, kMaxHotspots))
        hotspots(*list, top.at("hotspots"), s);
    if (const json* d = top.get("data", Required::No))
        readProjectData(*d, top.at("data"), problems_, s.phases, s.data);
    if (const json* labels = top.get("sources", Required::No))
        sourceLabels(*labels, top.at("sources"), s);
    if (const json* list = top.array("tours", Required::No, kMaxTours))
        tours(*list, top.at("tours"), s);
    warnUnusedLayers(s);
}

void Loader::site(const Fields& top, scene::Site& site) {
    const json* value = top.get("site", Required::Yes);
    if (!value) return;
    Fields f(*value, top.at("site"), problems_,
             {"id", "name", "latitude", "longitude", "north", "utcOffset", "euSummerTime",
              "illustrative", "note", "fictional", "setting"});
    if (!f.valid()) return;
    site.id = f.id().value_or("");
    site.name = f.text("name", Required::Yes);
    site.latitude = f.number("latitude", Required::Yes, -90, 90).value_or(0.0);
    site.longitude = f.number("longitude", Required::Yes, -180, 180).value_or(0.0);
    site.northDegrees = f.number("north", Required::No, -360, 360).value_or(0.0);
    siteClock(f, site.clock);
    site.illustrative = f.boolean("illustrative").value_or(true);
    site.note = f.text("note", Required::No);
    site.fictional = f.boolean("fictional").value_or(false);
    if (const auto setting = f.string("setting", Required::No)) {
        if (*setting == "city")
            site.setting = scene::Setting::City;
        else if (*setting == "town")
            site.setting = scene::Setting::Town;
        else if (*setting != "country")
            expected(problems_, f.at("setting"), "country, town or city", json(*setting));
    }
}

void Loader::siteClock(const Fields& f, scene::SiteClock& clock) {
    if (const auto offset = f.number("utcOffset", Required::No, kMinUtcOffset, kMaxUtcOffset)) {
        if (std::remainder(*offset, kUtcOffsetStep) != 0.0)
            problems_.error("VALUE_OUT_OF_RANGE", f.at("utcOffset"),
                            "expected hours in quarters of an hour (1, 5.5, 5.75), found " +
                                plainNumber(*offset));
        else
            clock.standardUtcOffset = *offset;
    }
    clock.euSummerTime = f.boolean("euSummerTime").value_or(clock.euSummerTime);
}

// Every layer is kept, valid or not, so that indices match the file's.
void Loader::layers(const json& list, const std::string& pointer, scene::Scenario& s) {
    if (list.empty()) problems_.error("EMPTY_LIST", pointer, "expected at least one layer");
    IdSet ids("layer");
    for (std::size_t i = 0; i < list.size(); ++i) {
        Fields f(list[i], child(pointer, i), problems_,
                 {"id", "name", "model", "nodes", "scene", "transform"});
        s.layers.push_back(f.valid() ? layer(f) : scene::Layer{});
        if (f.valid() && !s.layers.back().id.empty())
            ids.claim(s.layers.back().id, f.at("id"), problems_);
    }
}

scene::Layer Loader::layer(const Fields& f) {
    scene::Layer layer;
    layer.id = f.id().value_or("");
    layer.name = f.text("name", Required::No);
    layerModel(f, layer);
    if (const json* t = f.get("transform", Required::No))
        layer.transform = transform(*t, f.at("transform"));
    return layer;
}

// The model file, and the node and scene names the layer picks in it.
void Loader::layerModel(const Fields& f, scene::Layer& layer) {
    const auto model = f.string("model", Required::Yes);
    if (!model) return;
    layer.model = *model;
    std::vector<std::filesystem::path> tried;
    const auto found = findModel(*model, dir_, options_.assetDirs, tried);
    if (!found) {
        std::string list;
        for (const auto& p : tried) list += (list.empty() ? "" : ", ") + p.string();
        problems_.error("MODEL_NOT_FOUND", f.at("model"),
                        "model file '" + *model + "' not found; looked for " + list);
        return;
    }
    layer.modelPath = *found;
    const ModelOutline* o = outline(layer, f.at("model"));
    if (const json* nodes = f.array("nodes", Required::No, kMaxNodeNames)) {
        for (std::size_t k = 0; k < nodes->size(); ++k) {
            const std::string at = child(f.at("nodes"), k);
            const json& name = (*nodes)[k];
            if (!name.is_string() || name.get<std::string>().empty()) {
                expected(problems_, at, "a node name", name);
                continue;
            }
            layer.nodes.push_back(name.get<std::string>());
            if (o && std::find(o->nodeNames.begin(), o->nodeNames.end(), layer.nodes.back()) ==
                         o->nodeNames.end()) {
                const std::string near = closest(layer.nodes.back(), o->nodeNames);
                problems_.error("UNKNOWN_NODE", at,
                                "no node named '" + layer.nodes.back() + "' in " + layer.model +
                                    (near.empty() ? "" : " (did you mean '" + near + "'?)"));
            }
        }
    }
    if (const json* scene = f.get("scene", Required::No))
        layer.scene = sceneIndex(*scene, f.at("scene"), layer).value_or(-1);
}

scene::Transform Loader::transform(const json& value, const std::string& pointer) {
    scene::Transform t;
    Fields f(value, pointer, problems_, {"translation", "rotation", "scale"});
    if (!f.valid()) return t;
    t.translation = f.vec3("translation", Required::No).value_or(t.translation);
    t.rotationDegrees = f.vec3("rotation", Required::No).value_or(t.rotationDegrees);
    if (const json* scale = f.get("scale", Required::No)) {
        if (scale->is_number()) {
            t.scale = glm::vec3(
                static_cast<float>(f.number("scale", Required::Yes, 1e-6, 1e6).value_or(1.0)));
        } else {
            t.scale = readVec3(*scale, f.at("scale"), problems_).value_or(t.scale);
        }
    }
    return t;
}

const ModelOutline* Loader::outline(const scene::Layer& layer, const std::string& pointer) {
    const auto [it, fresh] = outlines_.try_emplace(layer.modelPath);
    if (fresh) {
        std::string error;
        it->second = readModelOutline(layer.modelPath, error);
        if (!error.empty())
            problems_.warning("MODEL_UNREADABLE", pointer,
                              "cannot read node and scene names from " + layer.model + ": " +
                                  error + "; they are not checked");
    }
    return it->second ? &*it->second : nullptr;
}

// A glTF scene of the layer's model, by name or index.
std::optional<int> Loader::sceneIndex(const json& value, const std::string& pointer,
                                      const scene::Layer& layer) {
    const ModelOutline* o = layer.modelPath.empty() ? nullptr : outline(layer, pointer);
    if (!o) {
        problems_.error("NO_MODEL_SCENES", pointer,
                        "scenes can be chosen only in a readable .gltf or .glb model");
        return std::nullopt;
    }
    const auto count = static_cast<std::int64_t>(o->sceneNames.size());
    if (value.is_number_integer()) {
        const auto n = value.get<std::int64_t>();
        if (n >= 0 && n < count) return static_cast<int>(n);
        problems_.error("UNKNOWN_SCENE", pointer,
                        "scene " + std::to_string(n) + " does not exist: " + layer.model + " has " +
                            std::to_string(count) + " scene(s)");
        return std::nullopt;
    }
    if (!value.is_string()) {
        expected(problems_, pointer, "a scene name or index", value);
        return std::nullopt;
    }
    const auto it = std::find(o->sceneNames.begin(), o->sceneNames.end(), value.get<std::string>());
    if (it != o->sceneNames.end()) return static_cast<int>(it - o->sceneNames.begin());
    problems_.error("UNKNOWN_SCENE", pointer,
                    "no scene named " + value.dump() + " in " + layer.model);
    return std::nullopt;
}

void Loader::views(const json& list, const std::string& pointer, scene::Scenario& s) {
    IdSet ids("view");
    for (std::size_t i = 0; i < list.size(); ++i) {
        Fields f(list[i], child(pointer, i), problems_,
                 {"id", "name", "target", "eye", "yaw", "pitch", "distance", "fov"});
        scene::View v;
        if (f.valid()) view(f, v);
        if (!v.id.empty()) ids.claim(v.id, f.at("id"), problems_);
        s.views.push_back(std::move(v));
    }
}

// Either eye and target, or target with yaw, pitch and distance (degrees and metres).
void Loader::view(const Fields& f, scene::View& v) {
    v.id = f.id().value_or("");
    v.name = f.text("name", Required::No);
    v.target = f.vec3("target", Required::Yes).value_or(v.target);
    v.fovY = glm::radians(static_cast<float>(f.number("fov", Required::No, 1, 170).value_or(45)));
    if (f.get("eye", Required::No)) {
        if (f.get("yaw", Required::No) || f.get("pitch", Required::No) ||
            f.get("distance", Required::No))
            problems_.error("VIEW_OVERDETERMINED", f.at("eye"),
                            "give either 'eye' or 'yaw', 'pitch' and 'distance', not both");
        const auto eye = f.vec3("eye", Required::Yes);
        if (!eye) return;
        const glm::vec3 d = v.target - *eye;
        v.distance = glm::length(d);
        if (v.distance < 1e-3f) {
            problems_.error("VIEW_DEGENERATE", f.at("eye"), "the eye is at the target");
            v.distance = 1.0f;
            return;
        }
        v.yaw = std::atan2(d.x, -d.z);
        const float limit = glm::radians(static_cast<float>(kMaxPitchDegrees));
        v.pitch = std::clamp(std::asin(d.y / v.distance), -limit, limit);
        return;
    }
    v.yaw = glm::radians(static_cast<float>(f.number("yaw", Required::No, -360, 360).value_or(0)));
    v.pitch = glm::radians(static_cast<float>(
        f.number("pitch", Required::No, -kMaxPitchDegrees, kMaxPitchDegrees).value_or(-30)));
    v.distance = static_cast<float>(f.number("distance", Required::Yes, 0.01, 1e6).value_or(10));
}

void Loader::phases(const json& list, const std::string& pointer, scene::Scenario& s) {
    if (list.empty()) problems_.error("EMPTY_LIST", pointer, "expected at least one phase");
    for (std::size_t i = 0; i < list.size() && s.phases.size() <= kMaxPhases; ++i) {
        Fields f(list[i], child(pointer, i), problems_,
                 {"id", "date", "source", "title", "text", "transition", "view", "states",
                  "variants", "fromModelScenes"});
        if (f.valid() && f.get("fromModelScenes", Required::No)) {
            modelScenePhases(f, s);
            continue;
        }
        scene::Phase p;
        if (f.valid()) phase(f, s, p);
        s.phases.push_back(std::move(p));
    }
    if (s.phases.size() > kMaxPhases)
        problems_.error("TOO_MANY_ITEMS", pointer,
                        "more than " + std::to_string(kMaxPhases) + " phases");
}

scene::LayerPhase Loader::carriedState(const scene::Scenario& s, std::size_t layer,
                                       scene::Transition transition) const {
    scene::LayerPhase carried;
    // A phase that was not an object has no layer states to carry.
    if (!s.phases.empty() && layer < s.phases.back().layers.size())
        carried = s.phases.back().layers[layer];
    carried.transition = transition;
    return carried;
}

void Loader::phase(const Fields& f, const scene::Scenario& s, scene::Phase& p) {
    if (const auto id = f.id()) {
        p.id = *id;
        phaseIds_.claim(p.id, f.at("id"), problems_);
    }
    if (const auto date = f.string("date", Required::No)) {
        p.date = scene::parseDateSpan(*date);
        if (!p.date)
            problems_.error("INVALID_DATE", f.at("date"),
                            "expected a date 2005, 2005-06 or 2021-12-31, or a range "
                            "START/END, found \"" +
                                *date + "\"");
    }
    p.dateSource = f.string("source", Required::No).value_or("");
    if (p.date && p.dateSource.empty())
        problems_.warning("MISSING_SOURCE", f.at("source"),
                          "the phase's date has no 'source' (a seed file name)");
    p.title = f.text("title", Required::Yes);
    p.text = f.text("text", Required::No);
    if (const auto id = f.string("view", Required::No))
        p.view = resolve(s.views, *id, "view", f.at("view"), problems_).value_or(-1);
    phaseStates(f, s, p);
    variants(f, s, p);
}

// Layers the phase does not mention keep their state from the phase before
// (absent before the first), and change with the phase's transition.
void Loader::phaseStates(const Fields& f, const scene::Scenario& s, scene::Phase& p) {
    scene::Transition transition = scene::Transition::Dissolve;
    if (const auto name = f.string("transition", Required::No)) {
        if (const auto t = scene::parseTransition(*name)) {
            transition = *t;
        } else {
            expected(problems_, f.at("transition"), "dissolve, rise, sink or fade", json(*name));
        }
    }
    for (std::size_t i = 0; i < s.layers.size(); ++i)
        p.layers.push_back(carriedState(s, i, transition));
    applyStates(f, s, p.layers);
}

// f's "states" over `layers`: {"LAYER": STATE, ...}.
void Loader::applyStates(const Fields& f, const scene::Scenario& s,
                         std::vector<scene::LayerPhase>& layers) {
    const json* states = f.get("states", Required::No);
    if (!states) return;
    if (!states->is_object()) {
        expected(problems_, f.at("states"), "an object {\"LAYER\": \"STATE\"}", *states);
        return;
    }
    for (const auto& [key, value] : states->items()) {
        const std::string at = child(f.at("states"), key);
        const auto index = resolve(s.layers, key, "layer", at, problems_);
        if (!index) continue;
        const auto i = static_cast<std::size_t>(*index);
        if (auto lp = layerPhase(value, at, s.layers[i], layers[i])) layers[i] = *lp;
    }
}

// A phase's alternatives: its layers, with the variant's states over them.
void Loader::variants(const Fields& f, const scene::Scenario& s, scene::Phase& p) {
    const json* list = f.array("variants", Required::No, kMaxVariants);
    if (!list) return;
    IdSet ids("variant");
    for (std::size_t i = 0; i < list->size(); ++i) {
        const Fields v((*list)[i], child(f.at("variants"), i), problems_,
                       {"id", "name", "text", "illustrative", "states"});
        if (!v.valid()) continue;
        scene::Variant variant;
        variant.id = v.id().value_or("");
        if (!variant.id.empty()) ids.claim(variant.id, v.at("id"), problems_);
        variant.name = v.text("name", Required::Yes);
        variant.text = v.text("text", Required::No);
        variant.illustrative = v.boolean("illustrative").value_or(true);
        variant.layers = p.layers;
        applyStates(v, s, variant.layers);
        if (variant.layers == p.layers)
            problems_.warning("VARIANT_CHANGES_NOTHING", v.at("states"),
                              "variant '" + variant.id + "' shows the phase as planned");
        p.variants.push_back(std::move(variant));
    }
}

void Loader::tours(const json& list, const std::string& pointer, scene::Scenario& s) {
    IdSet ids("tour");
    for (std::size_t i = 0; i < list.size(); ++i) {
        const Fields f(list[i], child(pointer, i), problems_, {"id", "name", "steps"});
        if (!f.valid()) continue;
        scene::Tour tour;
        tour.id = f.id().value_or("");
        if (!tour.id.empty()) ids.claim(tour.id, f.at("id"), problems_);
        tour.name = f.text("name", Required::Yes);
        if (const json* steps = f.array("steps", Required::Yes, kMaxSteps)) {
            if (steps->empty())
                problems_.error("EMPTY_LIST", f.at("steps"), "expected at least one step");
            for (std::size_t k = 0; k < steps->size(); ++k) {
                const Fields step((*steps)[k], child(f.at("steps"), k), problems_,
                                  {"phase", "at", "variant", "view", "card", "labels", "compare",
                                   "title", "text", "question"});
                if (step.valid()) tour.steps.push_back(tourStep(step, s));
            }
        }
        // A tour with a step that was not an object keeps the others, but is an error already.
        if (!tour.steps.empty()) s.tours.push_back(std::move(tour));
    }
}

// {"phase": ID} or {"at": POSITION}, and how the moment is shown.
scene::TourStep Loader::tourStep(const Fields& f, const scene::Scenario& s) {
    scene::TourStep step;
    const auto phase = f.string("phase", Required::No);
    const json* at = f.get("at", Required::No);
    if (phase && at) {
        problems_.error("CONFLICTING_FIELDS", f.pointer(), "a step has 'phase' or 'at', not both");
    } else if (phase) {
        step.position = resolve(s.phases, *phase, "phase", f.at("phase"), problems_).value_or(0);
    } else if (at) {
        const double last = s.phases.empty() ? 0.0 : static_cast<double>(s.phases.size() - 1);
        step.position = f.number("at", Required::Yes, 0.0, last).value_or(0.0);
    } else {
        problems_.error("MISSING_FIELD", f.pointer(),
                        "a step needs 'phase' (an id) or 'at' (a timeline position)");
    }
    step.variant = stepVariant(f, s, step.position).value_or(-1);
    if (const auto id = f.string("view", Required::No))
        step.view = resolve(s.views, *id, "view", f.at("view"), problems_).value_or(-1);
    step.card = f.boolean("card").value_or(true);
    step.labels = f.boolean("labels").value_or(true);
    if (const json* compare = f.get("compare", Required::No))
        step.compare = stepCompare(*compare, f.at("compare"), s);
    step.title = f.text("title", Required::Yes);
    step.text = f.text("text", Required::No);
    step.question = f.text("question", Required::No);
    return step;
}

// A step's "variant": one of the phase it stands on.
std::optional<int> Loader::stepVariant(const Fields& f, const scene::Scenario& s, double position) {
    const auto id = f.string("variant", Required::No);
    if (!id) return std::nullopt;
    const int phase = scene::stepPhase(position);
    if (phase < 0 || phase >= static_cast<int>(s.phases.size())) {
        problems_.error("VARIANT_BETWEEN_PHASES", f.at("variant"),
                        "a variant belongs to a phase: give the step a 'phase'");
        return std::nullopt;
    }
    return resolve(s.phases[static_cast<std::size_t>(phase)].variants, *id, "variant",
                   f.at("variant"), problems_);
}

// {"mode": "swipe" | "side", "a": "PHASE[/VARIANT]", "b": ..., "split": 0.5}
scene::Compare Loader::stepCompare(const json& value, const std::string& pointer,
                                   const scene::Scenario& s) {
    scene::Compare c;
    const Fields f(value, pointer, problems_, {"mode", "a", "b", "split"});
    if (!f.valid()) return c;
    const auto mode = f.string("mode", Required::Yes);
    const auto side = [&](const char* key) -> std::optional<scene::PhaseVariant> {
        const auto ref = f.string(key, Required::Yes);
        if (!ref) return std::nullopt;
        const auto found = s.phaseVariant(*ref);
        if (!found)
            problems_.error(
                "UNKNOWN_ID", f.at(key),
                "expected \"PHASE\" or \"PHASE/VARIANT\" of this scenario, found \"" + *ref + "\"");
        return found;
    };
    const auto a = side("a"), b = side("b");
    c.split = static_cast<float>(
        f.number("split", Required::No, scene::kMinSplit, 1.0 - scene::kMinSplit).value_or(0.5));
    if (!mode || !a || !b) return c;
    if (*mode != "swipe" && *mode != "side") {
        expected(problems_, f.at("mode"), "swipe or side", json(*mode));
        return c;
    }
    c.mode = *mode == "swipe" ? scene::CompareMode::Swipe : scene::CompareMode::Side;
    c.phaseA = a->phase;
    c.variantA = a->variant;
    c.phaseB = b->phase;
    c.variantB = b->variant;
    return c;
}

// "present", or {"state": "present", "transition": "rise", "scene": "after"}.
std::optional<scene::LayerPhase> Loader::layerPhase(const json& value, const std::string& pointer,
                                                    const scene::Layer& layer,
                                                    scene::LayerPhase carried) {
    const auto readState = [&](const json& v, const std::string& at) {
        const auto state =
            v.is_string() ? scene::parseLayerState(v.get<std::string>()) : std::nullopt;
        if (!state) expected(problems_, at, "absent, present, ghosted or construction", v);
        return state;
    };
    if (!value.is_object()) {
        const auto state = readState(value, pointer);
        if (!state) return std::nullopt;
        carried.state = *state;
        return carried;
    }
    const Fields f(value, pointer, problems_, {"state", "transition", "scene"});
    const json* stateValue = f.get("state", Required::Yes);
    const auto state = stateValue ? readState(*stateValue, f.at("state")) : std::nullopt;
    if (!state) return std::nullopt;
    carried.state = *state;
    if (const auto name = f.string("transition", Required::No)) {
        const auto t = scene::parseTransition(*name);
        if (!t) {
            expected(problems_, f.at("transition"), "dissolve, rise, sink or fade", json(*name));
            return std::nullopt;
        }
        carried.transition = *t;
    }
    if (const json* scene = f.get("scene", Required::No))
        carried.scene = sceneIndex(*scene, f.at("scene"), layer).value_or(-1);
    return carried;
}

// One phase per glTF scene of a layer's model: that layer shows the scene.
void Loader::modelScenePhases(const Fields& f, scene::Scenario& s) {
    const auto layerId = f.string("fromModelScenes", Required::Yes);
    const auto index =
        layerId ? resolve(s.layers, *layerId, "layer", f.at("fromModelScenes"), problems_)
                : std::nullopt;
    if (!index) return;
    const scene::Layer& layer = s.layers[static_cast<std::size_t>(*index)];
    const ModelOutline* o =
        layer.modelPath.empty() ? nullptr : outline(layer, f.at("fromModelScenes"));
    if (!o || o->sceneNames.empty()) {
        problems_.error("NO_MODEL_SCENES", f.at("fromModelScenes"),
                        "layer '" + *layerId + "' has no readable glTF scenes to make phases of");
        return;
    }
    for (std::size_t k = 0; k < o->sceneNames.size() && s.phases.size() <= kMaxPhases; ++k) {
        scene::Phase p;
        const std::string name = o->sceneNames[k];
        p.id = *layerId + "-scene-" + std::to_string(k);
        phaseIds_.claim(p.id, f.at("fromModelScenes"), problems_);
        p.title = LocalText::same(name.empty() ? "Scene " + std::to_string(k) : name);
        for (std::size_t i = 0; i < s.layers.size(); ++i)
            p.layers.push_back(carriedState(s, i, scene::Transition::Dissolve));
        p.layers[static_cast<std::size_t>(*index)].state = scene::LayerState::Present;
        p.layers[static_cast<std::size_t>(*index)].scene = static_cast<int>(k);
        s.phases.push_back(std::move(p));
    }
}

void Loader::hotspots(const json& list, const std::string& pointer, scene::Scenario& s) {
    IdSet ids("hotspot");
    for (std::size_t i = 0; i < list.size(); ++i) {
        Fields f(list[i], child(pointer, i), problems_,
                 {"id", "anchor", "title", "text", "layer", "phases", "figures"});
        if (!f.valid()) continue;
        scene::Hotspot h;
        h.id = f.id().value_or("");
        if (!h.id.empty()) ids.claim(h.id, f.at("id"), problems_);
        h.anchor = f.vec3("anchor", Required::Yes).value_or(h.anchor);
        h.title = f.text("title", Required::Yes);
        h.text = f.text("text", Required::No);
        if (const auto layer = f.string("layer", Required::No))
            h.layer = resolve(s.layers, *layer, "layer", f.at("layer"), problems_).value_or(-1);
        h.phases = readPhases(f, s.phases);
        h.figures = readFigures(f, "figures", s.phases);
        s.hotspots.push_back(std::move(h));
    }
}

// Every `source` a fact or a phase date gives.
std::set<std::string> citedSources(const scene::Scenario& s) {
    std::set<std::string> cited;
    for (const auto& p : s.phases) cited.insert(p.dateSource);
    for (const auto& h : s.hotspots)
        for (const auto& f : h.figures) cited.insert(f.source);
    const scene::ProjectData& d = s.data;
    if (d.budget) cited.insert(d.budget->source);
    for (const auto& f : d.funding) cited.insert(f.source);
    for (const auto& p : d.partners) cited.insert(p.source);
    for (const auto& f : d.surfaces) cited.insert(f.source);
    for (const auto& f : d.indicators) cited.insert(f.source);
    return cited;
}

// "sources": source -> its label. Read after every fact, so that a label no
// fact cites (most likely a mistyped file name) can be pointed at.
void Loader::sourceLabels(const json& value, const std::string& pointer, scene::Scenario& s) {
    if (!value.is_object()) {
        expected(problems_, pointer, "an object {\"SOURCE\": TEXT}", value);
        return;
    }
    if (value.size() > kMaxSources) {
        problems_.error("TOO_MANY_ITEMS", pointer,
                        std::to_string(value.size()) + " sources, more than the limit of " +
                            std::to_string(kMaxSources));
        return;
    }
    const std::set<std::string> cited = citedSources(s);
    for (const auto& [source, label] : value.items()) {
        const std::string at = child(pointer, source);
        if (cited.count(source) == 0)
            problems_.warning("UNUSED_SOURCE", at,
                              "no fact cites the source '" + source + "', its label is unused");
        s.sourceLabels[source] = readText(label, at, problems_);
    }
}

// A layer absent in every phase and variant is never seen: most likely a typo in a state.
void Loader::warnUnusedLayers(const scene::Scenario& s) {
    const auto shownIn = [](const std::vector<scene::LayerPhase>& layers, std::size_t i) {
        return i < layers.size() && layers[i].state != scene::LayerState::Absent;
    };
    for (std::size_t i = 0; i < s.layers.size(); ++i) {
        const bool shown = std::any_of(s.phases.begin(), s.phases.end(), [&](const auto& p) {
            return shownIn(p.layers, i) ||
                   std::any_of(p.variants.begin(), p.variants.end(),
                               [&](const auto& v) { return shownIn(v.layers, i); });
        });
        if (!shown && !s.layers[i].id.empty() && !s.phases.empty())
            problems_.warning("LAYER_NEVER_SHOWN", "/layers/" + std::to_string(i),
                              "layer '" + s.layers[i].id + "' is absent in every phase");
    }
}

}  // namespace

ScenarioResult parseScenario(std::string_view text, const std::filesystem::path& file,
                             const ScenarioOptions& options) {
    ScenarioResult r;
    r.scenario.file = file;
    json root;
    if (!parseJson(text, file, root, r.problems)) return r;
    Loader(file, options, r.problems).load(root, r.scenario);
    return r;
}

ScenarioResult loadScenario(const std::filesystem::path& path, const ScenarioOptions& options) {
    std::string error;
    const auto bytes = core::readFile(path, error, kMaxScenarioBytes);
    if (!bytes) {
        ScenarioResult r;
        r.scenario.file = path;
        r.problems.error("IO_ERROR", "", error);
        return r;
    }
    return parseScenario(
        std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()), path,
        options);
}

}  // namespace friche::io
