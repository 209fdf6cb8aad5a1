// An architect's proposal on a scenario's site: their model, placed on the
// ground in metres and degrees, shown in a phase of its own right after the
// phase it belongs to, where it replaces the layers the architect chose. So
// the timeline steps from "what was planned" to "what is proposed", and the
// compare swipe shows the two over the same view. CPU only.
//
//   scene::Proposal p{.file = "hall.glb", .phase = 2};
//   p.placement = {.x = 40, .z = -12, .rotationDegrees = 30};
//   if (auto unit = scene::guessUnit(modelBounds)) ...;   // offer the fix: p.placement.unit =
//   *unit scene::Scenario s = scene::withProposal(scenario, p, modelBounds);
//   // s.phases[p.phase + 1] is the proposal's phase, s.layers.back() its layer
//
// Placement: the model's footprint centre (the middle of its bounds in X and
// Z) and its lowest point go to (x, y, z) of the site, turned about the
// vertical by rotationDegrees (counter-clockwise seen from above, as glTF's
// +Y rotations), scaled from `unit` to metres.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

#include <glm/glm.hpp>

#include "scene/model.h"
#include "scene/scenario.h"

namespace friche::scene {

enum class LengthUnit { Metre, Centimetre, Millimetre, Inch, Foot };
inline constexpr int kLengthUnitCount = 5;

double metresPer(LengthUnit unit);
const char* unitSymbol(LengthUnit unit);  // "m", "cm", "mm", "in", "ft"
std::optional<LengthUnit> parseUnit(std::string_view symbol);

// The unit a model's size suggests when metres look wrong for a proposal
// (wider than 500 m, or smaller than 20 cm across), nullopt when metres look
// right: the metric unit that brings it nearest to 40 m, else inches or feet.
// A guess: a model in millimetres is a thousand times too big in metres, but
// a 300 m model may be a 300 m model; the viewer offers every unit.
std::optional<LengthUnit> guessUnit(const Bounds& modelBounds);

struct Placement {
    float x = 0.0f, z = 0.0f;  // site metres: where the footprint centre goes
    float y = 0.0f;            // where the model's lowest point goes
    float rotationDegrees = 0.0f;
    LengthUnit unit = LengthUnit::Metre;
};

// The layer transform that puts a model with `modelBounds` at `placement`.
Transform placementTransform(const Placement& placement, const Bounds& modelBounds);

// Rounded to a grid of `metres` and a step of `degrees` (0: that part as is).
Placement snapped(Placement placement, float metres, float degrees);

struct Proposal {
    std::filesystem::path file;  // the model, resolved
    Placement placement;
    int phase = 0;              // the scenario phase it is proposed for
    std::vector<int> replaces;  // layers absent where the proposal stands
};

// Layer and phase ids withProposal gives.
inline constexpr std::string_view kProposalLayerId = "proposal";
std::string proposalPhaseId(const Scenario& scenario, int phase);

// `scenario` with the proposal: a layer (last) and a phase right after
// `proposal.phase`, a copy of it where the proposal is present (rising out of
// the ground) and the replaced layers absent. The proposal is absent in every
// other phase. Phases' views and data stay with their phases.
Scenario withProposal(const Scenario& scenario, const Proposal& proposal,
                      const Bounds& modelBounds);

}  // namespace friche::scene
