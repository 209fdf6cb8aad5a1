#include "scene/scenario.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

namespace friche::scene {
namespace {

constexpr std::array<const char*, 4> kStateNames = {"absent", "present", "ghosted", "construction"};
constexpr std::array<const char*, 4> kTransitionNames = {"dissolve", "rise", "sink", "fade"};

template <typename Enum, std::size_t N>
std::optional<Enum> parseName(const std::array<const char*, N>& names, std::string_view name) {
    for (std::size_t i = 0; i < N; ++i)
        if (name == names[i]) return static_cast<Enum>(i);
    return std::nullopt;
}

template <typename Item>
std::optional<int> findId(const std::vector<Item>& items, std::string_view id) {
    for (std::size_t i = 0; i < items.size(); ++i)
        if (items[i].id == id) return static_cast<int>(i);
    return std::nullopt;
}

}  // namespace

const char* layerStateName(LayerState s) {
    return kStateNames[static_cast<std::size_t>(s)];
}

const char* transitionName(Transition t) {
    return kTransitionNames[static_cast<std::size_t>(t)];
}

std::optional<LayerState> parseLayerState(std::string_view name) {
    return parseName<LayerState>(kStateNames, name);
}

std::optional<Transition> parseTransition(std::string_view name) {
    return parseName<Transition>(kTransitionNames, name);
}

SiteTime atSite(const Site& site, SiteTime when) {
    when.latitude = site.latitude;
    when.longitude = site.longitude;
    when.northDegrees = site.northDegrees;
    when.clock = site.clock;
    return when;
}

glm::mat4 Transform::matrix() const {
    glm::mat4 m = glm::translate(glm::mat4(1.0f), translation);
    m = glm::rotate(m, glm::radians(rotationDegrees.z), glm::vec3(0, 0, 1));
    m = glm::rotate(m, glm::radians(rotationDegrees.y), glm::vec3(0, 1, 0));
    m = glm::rotate(m, glm::radians(rotationDegrees.x), glm::vec3(1, 0, 0));
    return glm::scale(m, scale);
}

OrbitCamera View::orbit(const OrbitCamera& base) const {
    OrbitCamera c = base;
    c.target = target;
    c.yaw = yaw;
    c.pitch = pitch;
    c.distance = distance;
    c.fovY = fovY;
    return c;
}

std::string formatFigure(const Figure& figure, Language language) {
    const int decimals = figure.value == std::trunc(figure.value) ? 0 : 1;
    if (figure.unit == "%") return formatPercent(figure.value, decimals, language);
    return formatQuantity(figure.value, decimals, figure.unit, language);
}

bool shownIn(const std::vector<int>& phases, int phase) {
    return phases.empty() || std::find(phases.begin(), phases.end(), phase) != phases.end();
}

std::optional<int> Scenario::phaseIndex(std::string_view id) const {
    return findId(phases, id);
}

std::optional<int> Scenario::layerIndex(std::string_view id) const {
    return findId(layers, id);
}

std::optional<int> Scenario::viewIndex(std::string_view id) const {
    return findId(views, id);
}

std::optional<int> Scenario::tourIndex(std::string_view id) const {
    return findId(tours, id);
}

std::optional<PhaseVariant> Scenario::phaseVariant(std::string_view ref) const {
    const std::size_t slash = ref.find('/');
    if (slash == std::string_view::npos) return phaseVariant(ref, {});
    // "PHASE/" names no variant: not the phase as planned.
    if (slash + 1 == ref.size()) return std::nullopt;
    return phaseVariant(ref.substr(0, slash), ref.substr(slash + 1));
}

std::optional<PhaseVariant> Scenario::phaseVariant(std::string_view phase,
                                                   std::string_view variant) const {
    const auto p = phaseIndex(phase);
    if (!p) return std::nullopt;
    if (variant.empty()) return PhaseVariant{*p, -1};
    const auto v = findId(phases[static_cast<std::size_t>(*p)].variants, variant);
    if (!v) return std::nullopt;
    return PhaseVariant{*p, *v};
}

std::string Scenario::phaseVariantRef(PhaseVariant pv) const {
    if (pv.phase < 0 || pv.phase >= static_cast<int>(phases.size())) return {};
    const Phase& p = phases[static_cast<std::size_t>(pv.phase)];
    if (pv.variant < 0 || pv.variant >= static_cast<int>(p.variants.size())) return p.id;
    return p.id + "/" + p.variants[static_cast<std::size_t>(pv.variant)].id;
}

const std::vector<LayerPhase>& Phase::layersOf(int variant) const {
    if (variant < 0 || variant >= static_cast<int>(variants.size())) return layers;
    return variants[static_cast<std::size_t>(variant)].layers;
}

int variantIn(const VariantChoice& choice, int phase) {
    return phase >= 0 && phase < static_cast<int>(choice.size())
               ? choice[static_cast<std::size_t>(phase)]
               : -1;
}

const LocalText* Scenario::sourceLabel(const std::string& source) const {
    const auto it = sourceLabels.find(source);
    return it == sourceLabels.end() ? nullptr : &it->second;
}

}  // namespace friche::scene
