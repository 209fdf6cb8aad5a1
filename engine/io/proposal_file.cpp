#include "io/proposal_file.h"

#include <cmath>

#include "core/file.h"
#include "io/scenario_json.h"
#include "io/scenario_loader.h"

namespace friche::io {

namespace {

using nlohmann::json;

json localText(const scene::LocalText& text) {
    json out = json::object();
    for (scene::Language l : scene::kLanguages)
        if (text.has(l)) out[scene::languageCode(l)] = text.in(l);
    return out;
}

json vec3(const glm::vec3& v) {
    return json::array({v.x, v.y, v.z});
}

json layerState(const scene::LayerPhase& p) {
    return {{"state", scene::layerStateName(p.state)},
            {"transition", scene::transitionName(p.transition)}};
}

// Every "phases" list naming `origin` names `added` after it: facts and
// hotspots shown in the phase stay shown with the proposal.
void listAfter(json& node, const std::string& origin, const std::string& added) {
    if (node.is_object()) {
        for (auto& [key, value] : node.items()) {
            if (key == "phases" && value.is_array()) {
                for (std::size_t i = 0; i < value.size(); ++i)
                    if (value[i] == origin) {
                        value.insert(value.begin() + static_cast<std::ptrdiff_t>(i) + 1, added);
                        break;
                    }
            } else {
                listAfter(value, origin, added);
            }
        }
    } else if (node.is_array()) {
        for (json& item : node) listAfter(item, origin, added);
    }
}

// The view's id: "proposal", or "proposal-2"... when the file has one already.
std::string freeViewId(const json& views) {
    for (int n = 1;; ++n) {
        const std::string id = n == 1 ? "proposal" : "proposal-" + std::to_string(n);
        bool taken = false;
        for (const json& v : views) taken = taken || (v.is_object() && v.value("id", "") == id);
        if (!taken) return id;
    }
}

}  // namespace

bool saveProposalScenario(const scene::Scenario& placed, int proposalPhase, const scene::View* view,
                          const std::filesystem::path& out, std::string& error) {
    const auto bytes = core::readFile(placed.file, error, kMaxScenarioBytes);
    if (!bytes) return false;
    json root;
    core::Problems problems;
    if (!scenario_json::parseJson(
            std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()),
            placed.file, root, problems) ||
        !root.is_object() || !root.contains("phases") || !root["phases"].is_array()) {
        error = placed.file.string() + " no longer reads as a scenario";
        return false;
    }
    const auto p = static_cast<std::size_t>(proposalPhase);
    if (proposalPhase < 1 || p >= placed.phases.size() || placed.layers.empty()) {
        error = "no proposal phase to save";
        return false;
    }
    const scene::Phase& origin = placed.phases[p - 1];
    const scene::Phase& shown = placed.phases[p];
    json& phases = root["phases"];
    std::size_t at = phases.size();
    for (std::size_t i = 0; i < phases.size(); ++i)
        if (phases[i].is_object() && phases[i].value("id", "") == origin.id) at = i;
    if (at == phases.size()) {
        error = "the phase '" + origin.id + "' is made from a model's scenes in " +
                placed.file.string() + ": a proposal cannot be saved after it";
        return false;
    }

    // The layer, placed.
    const scene::Layer& layer = placed.layers.back();
    std::error_code ec;
    const std::filesystem::path folder = std::filesystem::absolute(out, ec).parent_path();
    std::filesystem::path model = layer.modelPath.lexically_relative(folder);
    if (model.empty()) model = layer.modelPath;
    const scene::Transform& t = layer.transform;
    root["layers"].push_back({{"id", layer.id},
                              {"name", localText(layer.name)},
                              {"model", model.generic_string()},
                              {"transform",
                               {{"translation", vec3(t.translation)},
                                {"rotation", vec3(t.rotationDegrees)},
                                {"scale", t.scale.x}}}});

    // Its phase: the origin's words and date, the proposal present, what it replaces absent.
    json phase = phases[at];
    phase["id"] = shown.id;
    phase["title"] = localText(shown.title);
    phase.erase("transition");
    phase.erase("view");
    json states = json::object();
    const std::size_t proposal = placed.layers.size() - 1;
    for (std::size_t l = 0; l < placed.layers.size(); ++l)
        if (shown.layers[l] != origin.layers[l] || l == proposal)
            states[placed.layers[l].id] = layerState(shown.layers[l]);
    phase["states"] = states;
    if (view) {
        json& views = root["views"];
        if (!views.is_array()) views = json::array();
        const std::string id = freeViewId(views);
        scene::LocalText name = view->name;
        for (scene::Language l : scene::kLanguages)
            if (!name.has(l))
                name.text[static_cast<std::size_t>(l)] = scene::uiText(scene::UiText::Proposal, l);
        views.push_back({{"id", id},
                         {"name", localText(name)},
                         {"target", vec3(view->target)},
                         {"yaw", glm::degrees(view->yaw)},
                         {"pitch", glm::degrees(view->pitch)},
                         {"distance", view->distance},
                         {"fov", glm::degrees(view->fovY)}});
        phase["view"] = id;
    }
    listAfter(root, origin.id, shown.id);
    phases.insert(phases.begin() + static_cast<std::ptrdiff_t>(at) + 1, phase);

    // A layer a phase does not name keeps the state before it: the phase after
    // the proposal's says again what it shows of the layers the proposal changed.
    if (p + 1 < placed.phases.size()) {
        json& next = phases[at + 2];
        json& nextStates = next["states"];
        if (!nextStates.is_object()) nextStates = json::object();
        const scene::Phase& after = placed.phases[p + 1];
        for (std::size_t l = 0; l < placed.layers.size(); ++l)
            if (shown.layers[l] != origin.layers[l] || l == proposal)
                if (!nextStates.contains(placed.layers[l].id))
                    nextStates[placed.layers[l].id] = scene::layerStateName(after.layers[l].state);
    }
    return core::writeFileAtomically(out, root.dump(2) + "\n", error);
}

}  // namespace friche::io
