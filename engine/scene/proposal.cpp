#include "scene/proposal.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace friche::scene {

namespace {

struct UnitInfo {
    LengthUnit unit;
    const char* symbol;
    double metres;
};

constexpr std::array<UnitInfo, kLengthUnitCount> kUnits = {{{LengthUnit::Metre, "m", 1.0},
                                                            {LengthUnit::Centimetre, "cm", 0.01},
                                                            {LengthUnit::Millimetre, "mm", 0.001},
                                                            {LengthUnit::Inch, "in", 0.0254},
                                                            {LengthUnit::Foot, "ft", 0.3048}}};

// A building, a hall, a square or a bench measures between these across; a
// model that does not in metres is in another unit. The largest halls of the
// sites are 400 m long; a masterplan larger than that is a site, not a proposal.
constexpr double kSmallest = 0.2;
constexpr double kLargest = 500.0;
// What a proposal typically measures across, to choose between the units
// that all bring it into range: the one that lands nearest (in ratio) wins.
constexpr double kTypical = 40.0;

bool metric(LengthUnit u) {
    return u == LengthUnit::Metre || u == LengthUnit::Centimetre || u == LengthUnit::Millimetre;
}

// A fact listed for phase indices `phases` (empty: all), once a phase is
// inserted after `origin`: later indices shift, and the new phase shows what
// its origin shows.
void insertPhase(std::vector<int>& phases, int origin) {
    if (phases.empty()) return;
    const bool shown = std::find(phases.begin(), phases.end(), origin) != phases.end();
    for (int& p : phases)
        if (p > origin) ++p;
    if (shown) phases.insert(std::upper_bound(phases.begin(), phases.end(), origin), origin + 1);
}

}  // namespace

double metresPer(LengthUnit unit) {
    return kUnits[static_cast<std::size_t>(unit)].metres;
}

const char* unitSymbol(LengthUnit unit) {
    return kUnits[static_cast<std::size_t>(unit)].symbol;
}

std::optional<LengthUnit> parseUnit(std::string_view symbol) {
    for (const UnitInfo& u : kUnits)
        if (symbol == u.symbol) return u.unit;
    return std::nullopt;
}

std::optional<LengthUnit> guessUnit(const Bounds& modelBounds) {
    if (!modelBounds.valid()) return std::nullopt;
    const glm::vec3 size = modelBounds.size();
    const double across = std::max({size.x, size.y, size.z});
    if (across <= 0.0 || (across >= kSmallest && across <= kLargest)) return std::nullopt;
    // The sites are European: inches and feet only when no metric unit fits.
    for (bool metricOnly : {true, false}) {
        std::optional<LengthUnit> best;
        double bestDistance = 0.0;
        for (const UnitInfo& u : kUnits) {
            const double metres = across * u.metres;
            if (metricOnly != metric(u.unit) || metres < kSmallest || metres > kLargest) continue;
            const double distance = std::abs(std::log(metres / kTypical));
            if (!best || distance < bestDistance) {
                best = u.unit;
                bestDistance = distance;
            }
        }
        if (best) return best;
    }
    return std::nullopt;
}

Transform placementTransform(const Placement& placement, const Bounds& modelBounds) {
    const float scale = static_cast<float>(metresPer(placement.unit));
    const glm::vec3 anchor =
        modelBounds.valid()
            ? glm::vec3(modelBounds.center().x, modelBounds.min.y, modelBounds.center().z)
            : glm::vec3(0.0f);
    // T * Ry * S * T(-anchor) written as Transform's T' * Ry * S.
    const float a = glm::radians(placement.rotationDegrees);
    const glm::vec3 scaled = anchor * scale;
    const glm::vec3 turned(std::cos(a) * scaled.x + std::sin(a) * scaled.z, scaled.y,
                           -std::sin(a) * scaled.x + std::cos(a) * scaled.z);
    Transform t;
    t.translation = glm::vec3(placement.x, placement.y, placement.z) - turned;
    t.rotationDegrees = {0.0f, placement.rotationDegrees, 0.0f};
    t.scale = glm::vec3(scale);
    return t;
}

Placement snapped(Placement placement, float metres, float degrees) {
    const auto round = [](float value, float step) {
        return step > 0.0f ? std::round(value / step) * step : value;
    };
    placement.x = round(placement.x, metres);
    placement.z = round(placement.z, metres);
    placement.rotationDegrees = round(placement.rotationDegrees, degrees);
    return placement;
}

std::string proposalPhaseId(const Scenario& scenario, int phase) {
    return scenario.phases[static_cast<std::size_t>(phase)].id + "-proposal";
}

Scenario withProposal(const Scenario& scenario, const Proposal& proposal,
                      const Bounds& modelBounds) {
    Scenario s = scenario;
    const int origin = std::clamp(proposal.phase, 0, static_cast<int>(s.phases.size()) - 1);

    Layer layer;
    layer.id = std::string(kProposalLayerId);
    layer.name = LocalText::same(proposal.file.filename().string());
    layer.model = proposal.file.string();
    layer.modelPath = proposal.file;
    layer.transform = placementTransform(proposal.placement, modelBounds);
    s.layers.push_back(std::move(layer));
    for (Phase& p : s.phases) p.layers.push_back({});  // absent

    Phase shown = s.phases[static_cast<std::size_t>(origin)];
    shown.id = proposalPhaseId(scenario, origin);
    shown.view = -1;  // stay where the architect looks
    for (Language l : kLanguages)
        shown.title.text[static_cast<std::size_t>(l)] =
            shown.title.in(l) + " — " + uiText(UiText::Proposal, l);
    shown.layers.back() = {LayerState::Present, Transition::Rise, -1};
    for (int r : proposal.replaces) {
        if (r < 0 || r >= static_cast<int>(scenario.layers.size())) continue;
        shown.layers[static_cast<std::size_t>(r)].state = LayerState::Absent;
        shown.layers[static_cast<std::size_t>(r)].transition = Transition::Sink;
    }
    s.phases.insert(s.phases.begin() + origin + 1, std::move(shown));

    for (Hotspot& h : s.hotspots) {
        insertPhase(h.phases, origin);
        for (Figure& f : h.figures) insertPhase(f.phases, origin);
    }
    ProjectData& d = s.data;
    if (d.budget) insertPhase(d.budget->phases, origin);
    for (FundingSource& f : d.funding) insertPhase(f.phases, origin);
    for (Partner& p : d.partners) insertPhase(p.phases, origin);
    for (Figure& f : d.surfaces) insertPhase(f.phases, origin);
    for (Figure& f : d.indicators) insertPhase(f.phases, origin);
    return s;
}

}  // namespace friche::scene
