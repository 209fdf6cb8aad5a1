// A scenario: one site's story as phases, the model layers shown in each, the
// camera views, the labels pinned in 3D and the project's sourced figures.
// Plain data, CPU only; io::loadScenario fills it from a JSON file (see
// docs/scenario-format.md) and has already checked every cross-reference, so
// every index here is valid.
//
//   const Scenario& s = ...;
//   int p = s.phaseIndex("reconversion").value_or(0);
//   const LayerPhase& st = s.phases[p].layers[layer];   // one per Scenario::layers
//   ui.title(s.phases[p].title.in(Language::De));
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "scene/compare.h"
#include "scene/locale.h"
#include "scene/orbit_camera.h"
#include "scene/setting.h"
#include "scene/sun.h"

namespace friche::scene {

// How a layer looks in a phase.
enum class LayerState {
    Absent,        // not drawn
    Present,       // drawn as modelled
    Ghosted,       // a translucent x-ray: what was (or will be) there
    Construction,  // being built or remediated: drawn with a site look
};

// How a layer changes into a phase's state.
enum class Transition {
    Dissolve,  // per-object noise dissolve with a glowing edge
    Rise,      // grows up out of the ground along a clip plane
    Sink,      // sinks into the ground along a clip plane
    Fade,      // plain cross-fade of opacity
};

const char* layerStateName(LayerState s);  // "absent", "present", ...
const char* transitionName(Transition t);  // "dissolve", "rise", ...
std::optional<LayerState> parseLayerState(std::string_view name);
std::optional<Transition> parseTransition(std::string_view name);

struct Site {
    std::string id;
    LocalText name;
    double latitude = 0.0;   // degrees, north positive
    double longitude = 0.0;  // degrees, east positive
    // Degrees clockwise, seen from above, from the model's -Z axis to true north
    // (0: -Z is north), for the sun position and a compass.
    double northDegrees = 0.0;
    SiteClock clock;  // what "15:00" means there
    // The geometry is a massing model, not a survey; the screen must say so.
    bool illustrative = true;
    LocalText note;  // empty: uiText(UiText::IllustrativeGeometry)
    // An invented site (scenes/example.json) that a public site picker leaves out.
    bool fictional = false;
    Setting setting = Setting::Country;
};

// `when`'s date and hour at `site`: its place, north and clock.
SiteTime atSite(const Site& site, SiteTime when);

// Placement of a layer's model in the site: T * Rz * Ry * Rx * S, degrees.
struct Transform {
    glm::vec3 translation{0.0f};
    glm::vec3 rotationDegrees{0.0f};
    glm::vec3 scale{1.0f};
    glm::mat4 matrix() const;
};

// One addressable piece of the site: a whole model, one of its glTF scenes, or
// named nodes of it (with their subtrees).
struct Layer {
    std::string id;
    LocalText name;
    std::string model;                // as written in the file
    std::filesystem::path modelPath;  // resolved, existing
    std::vector<std::string> nodes;   // empty: the whole scene
    int scene = -1;                   // glTF scene index, -1: the model's default
    Transform transform;
};

// A layer in one phase.
struct LayerPhase {
    LayerState state = LayerState::Absent;
    Transition transition = Transition::Dissolve;  // how it changes into this phase
    int scene = -1;  // a glTF scene of the layer's model shown in this phase; -1: the layer's
    bool operator==(const LayerPhase&) const = default;
};

// An alternative proposal for a phase, put on the table in a workshop (for
// Droixhe's pond: a garden, or housing): the phase's layers with some of their
// states overridden. Illustrative unless the file says otherwise, like the geometry.
struct Variant {
    std::string id;  // unique within its phase
    LocalText name;
    LocalText text;
    bool illustrative = true;
    std::vector<LayerPhase>
        layers;  // the phase's layers with the overrides, one per Scenario::layers
};

struct Phase {
    std::string id;
    std::optional<DateSpan> date;
    std::string dateSource;  // where the date comes from (a seed file)
    LocalText title;
    LocalText text;
    int view = -1;                   // index into Scenario::views to fly to, -1: keep the camera
    std::vector<LayerPhase> layers;  // one per Scenario::layers, in the same order
    std::vector<Variant> variants;   // alternatives; none: the phase as planned only

    // The layers shown with variant `variant` (-1 or out of range: the phase as planned).
    const std::vector<LayerPhase>& layersOf(int variant) const;
};

// The variant shown in each phase (index into Phase::variants), -1: the phase
// as planned. Shorter than the phases: the rest as planned.
using VariantChoice = std::vector<int>;
int variantIn(const VariantChoice& choice, int phase);

// One step of a guided tour: a moment of the story, how it is shown, and what
// the facilitator says and asks.
struct TourStep {
    double position = 0.0;  // timeline position: a phase's index, or between two
    int variant = -1;       // of the phase at `position` (a whole position), -1: as planned
    int view = -1;          // index into Scenario::views, -1: the phase's own view
    bool card = true;       // the phase's card (title, date, text, facts)
    bool labels = true;     // the hotspots' labels
    Compare compare;        // mode Off: one view
    LocalText title;
    LocalText text;
    LocalText question;  // for the group; empty: none
};

// A phase, or one of its variants: a side of compare, what a dot is placed on.
struct PhaseVariant {
    int phase = 0;
    int variant = -1;  // -1: the phase as planned
    bool operator==(const PhaseVariant&) const = default;
};

struct Tour {
    std::string id;
    LocalText name;
    std::vector<TourStep> steps;  // at least one
};

// A camera bookmark. Stored as an orbit (what the viewer's camera is); a file
// may give eye and target instead, converted on load.
struct View {
    std::string id;
    LocalText name;
    glm::vec3 target{0.0f};
    float yaw = 0.0f;    // radians around +Y, 0 looks down -Z (OrbitCamera's convention)
    float pitch = 0.0f;  // radians, negative looks down
    float distance = 10.0f;
    float fovY = 0.785398f;                                 // radians (45 degrees)
    OrbitCamera orbit(const OrbitCamera& base = {}) const;  // base: near/far planes
};

// Whether something listed for `phases` (a hotspot's or a fact's, indices
// into Scenario::phases; empty: every phase) is shown in phase `phase`.
bool shownIn(const std::vector<int>& phases, int phase);

// A sourced number: "800 ha", "30 years", "539 349,58 €".
struct Figure {
    LocalText label;
    double value = 0.0;
    std::string unit;  // ISO 4217 code for money, "%", "ha", "m2", or the caller's word
    std::string source;
    std::vector<int> phases;  // shown in these phases only; empty: every phase
};

// A figure's value as shown, its unit after it: a whole number without
// decimals, any other with one; "%" the language's way ("50 %", "50%").
std::string formatFigure(const Figure& figure, Language language);

struct Hotspot {
    std::string id;
    glm::vec3 anchor{0.0f};  // site coordinates, metres
    LocalText title;
    LocalText text;
    int layer = -1;           // shown only while this layer is not absent; -1: always
    std::vector<int> phases;  // shown in these phases only; empty: every phase
    std::vector<Figure> figures;
};

struct Money {
    double amount = 0.0;
    std::string currency = "EUR";
    std::string source;
    std::vector<int> phases;  // shown in these phases only; empty: every phase
};

// A funder, with a share of the budget or an amount (the file gives one kind
// for all funders; the loader fills the other when the budget is known).
struct FundingSource {
    LocalText name;
    std::optional<double> share;   // percent
    std::optional<double> amount;  // in the budget's currency
    std::string source;
    std::vector<int> phases;  // shown in these phases only; empty: every phase
};

struct Partner {
    LocalText name;
    LocalText role;
    std::string country;  // ISO 3166 code, optional ("BE", "NL", "DE")
    std::string source;
    std::vector<int> phases;  // shown in these phases only; empty: every phase
};

struct ProjectData {
    std::optional<Money> budget;
    std::vector<FundingSource> funding;
    std::vector<Partner> partners;
    std::vector<Figure> surfaces;
    std::vector<Figure> indicators;
};

struct Scenario {
    std::filesystem::path file;
    Site site;
    std::vector<Layer> layers;
    std::vector<Phase> phases;  // at least one
    std::vector<View> views;
    int startView = -1;  // the view to open on, -1: frame the site
    std::vector<Hotspot> hotspots;
    ProjectData data;
    std::vector<Tour> tours;
    // A short label for each source cited ("004_f8d13bee3da51343.txt" ->
    // "Ville de Liège, projet N-POWER"); not every source has one.
    std::map<std::string, LocalText> sourceLabels;

    std::optional<int> phaseIndex(std::string_view id) const;
    std::optional<int> layerIndex(std::string_view id) const;
    std::optional<int> viewIndex(std::string_view id) const;
    std::optional<int> tourIndex(std::string_view id) const;
    // "PHASE" or "PHASE/VARIANT", by ids; nullopt when either is not this scenario's.
    std::optional<PhaseVariant> phaseVariant(std::string_view ref) const;
    // The same from the two ids (a pin's, a session's); an empty variant: as planned.
    std::optional<PhaseVariant> phaseVariant(std::string_view phase,
                                             std::string_view variant) const;
    std::string phaseVariantRef(PhaseVariant pv) const;  // the reverse
    // The label of a fact's `source`, or nullptr: show the source itself.
    const LocalText* sourceLabel(const std::string& source) const;
};

}  // namespace friche::scene
