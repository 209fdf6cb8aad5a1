#include "scene/story.h"

#include <algorithm>
#include <cmath>

#include <glm/gtc/constants.hpp>

#include "scene/depth_range.h"
#include "scene/draw_list.h"

namespace friche::scene {

namespace {

float aspectOf(int width, int height) {
    return height > 0 ? static_cast<float>(width) / static_cast<float>(height) : 1.0f;
}

bool drawable(const glm::ivec4& rect) {
    return rect.z > 0 && rect.w > 0;
}

// How a narrower screen than Story::kDesignedAspect keeps the views' width.
constexpr float kWidestFovY = glm::radians(70.0f);
constexpr float kFarthestStepBack = 4.0f;
// The halvings that find how far back a view's eye stands clear.
constexpr int kStepBackHalvings = 8;
// The story's flights arc over what they would pass through or skim
// (Story::arcs_): in steps of 5 degrees of pitch up to 45, worked out between
// the views as a screen's shape frames them (a few shapes kept), the eye
// never steeper than 80 degrees over the target.
constexpr float kArcStep = glm::radians(5.0f);
constexpr int kArcSteps = 9;
constexpr std::size_t kArcShapes = 4;
// The samples along a flight that clearingArc tests (with 32, a flight
// between Liège's overview and tram views skimmed a roof between two).
constexpr int kWaySteps = 64;
// How near a surface the flying eye may come (metres), and how near one a
// view's eye may be stepped back to (flights leave from there: with 3 m, and
// then 6, Liège's street-level tram view stepped its eye back beside
// buildings that the flights out of it then went through).
constexpr float kClearance = 3.0f;
constexpr float kRestingClearance = 5.0f * kClearance;

}  // namespace

Story::Story(Scenario scenario)
    : scenario_(std::move(scenario)), timeline_(static_cast<int>(scenario_.phases.size())) {
    // Before and after: the story's two ends.
    compare_.phaseB = static_cast<int>(scenario_.phases.size()) - 1;
    forgetArcs();
}

void Story::attach(const SiteModel& site) {
    looks_.emplace(scenario_, site);
    sight_.emplace(site.model, site.model.defaultScene);
    bounds_ = worldBounds(site.model, buildDrawList(site.model, site.model.defaultScene));
    // Worked out now rather than in a transition's first frame, where it would
    // be the frame's slowest part on a fast GPU.
    forgetArcs();
    for (int phase = 0; phase + 1 < static_cast<int>(scenario_.phases.size()); ++phase)
        arcOf(phase, kDesignedAspect);
}

void Story::forgetArcs() {
    arcs_.clear();
    stepBacks_.assign(scenario_.views.size(), std::nullopt);
}

void Story::inherit(const Story& previous) {
    language_ = previous.language_;
    // The new site's phases differ: its two ends, compared the same way.
    compare_.mode = previous.compare_.mode;
    compare_.split = previous.compare_.split;
    idle_ = previous.idle_;
}

int Story::headingPhase() const {
    return timeline_.stepTarget().value_or(timeline_.nearestPhase());
}

void Story::advance(double seconds) {
    timeline_.update(seconds);
    // Heading for another phase brings a camera the user took back into the story.
    if (const int heading = headingPhase(); heading != heading_) {
        heading_ = heading;
        if ((held_ && !pinned_) || flightTo_) {
            flyBackIntoStory();
            return;  // the flight starts from here, this frame
        }
    }
    if (!flight_.active()) return;
    flight_.advance(seconds);
    if (!flight_.active() && flightTo_) {
        held_ = flightTo_;
        flightTo_.reset();
    }
}

void Story::flyBackIntoStory() {
    // From what the last frame drawn showed: a held view as that screen frames it.
    const OrbitCamera from = orbit(drawnAspect_);
    held_.reset();
    pinned_.reset();
    flightTo_.reset();
    flight_.start(from, CameraFlight::kDefaultSeconds, clearingArc(from, wayBackIntoStory()));
}

bool Story::animating() const {
    return timeline_.playing() || timeline_.stepTarget().has_value() || flight_.active();
}

int Story::viewAtPhase(int phase) const {
    for (int p = std::min(phase, static_cast<int>(scenario_.phases.size()) - 1); p >= 0; --p) {
        const int view = scenario_.phases[static_cast<std::size_t>(p)].view;
        if (view >= 0) return view;
    }
    return scenario_.startView;
}

OrbitCamera Story::home(float aspect) const {
    OrbitCamera camera;
    camera.frame(bounds_, aspect);
    return camera;
}

OrbitCamera Story::viewOrbit(int view, float aspect) const {
    if (view < 0) return home(aspect);
    const OrbitCamera designed =
        scenario_.views[static_cast<std::size_t>(view)].orbit(home(aspect));
    if (aspect >= kDesignedAspect) return designed;
    std::optional<float>& stepBack = stepBacks_[static_cast<std::size_t>(view)];
    if (!stepBack) stepBack = clearStepBack(designed);
    return keptWidth(designed, kDesignedAspect, aspect, kWidestFovY, *stepBack);
}

float Story::clearStepBack(const OrbitCamera& view) const {
    const auto clear = [&](float back) {
        OrbitCamera stepped = view;
        stepped.distance *= back;
        for (int phase = 0; phase < static_cast<int>(scenario_.phases.size()); ++phase)
            if (passesThrough(view.eye(), stepped.eye(), phase, kRestingClearance)) return false;
        return true;
    };
    if (clear(kFarthestStepBack)) return kFarthestStepBack;
    float near = 1.0f, far = kFarthestStepBack;  // clear, not clear
    for (int k = 0; k < kStepBackHalvings; ++k) {
        const float middle = 0.5f * (near + far);
        (clear(middle) ? near : far) = middle;
    }
    return near;
}

OrbitCamera Story::storyCamera(double position, float aspect) const {
    const TimelineSpan span = spanAt(timeline_.phaseCount(), position);
    const int from = viewAtPhase(span.from), to = viewAtPhase(span.to);
    if (from == to || span.t <= 0.0f) return viewOrbit(from, aspect);
    return flight(span.from, span.t, arcOf(span.from, aspect), aspect);
}

float Story::arcOf(int phase, float aspect) const {
    const int flights = static_cast<int>(scenario_.phases.size()) - 1;
    if (!sight_ || phase < 0 || phase >= flights) return 0.0f;
    // Every screen at least as wide as the views' design frames them alike.
    const float shape = std::min(aspect, kDesignedAspect);
    auto arcs = std::find_if(arcs_.begin(), arcs_.end(),
                             [&](const ShapeArcs& a) { return a.aspect == shape; });
    if (arcs == arcs_.end()) {
        if (arcs_.size() == kArcShapes) arcs_.erase(arcs_.begin());
        arcs_.push_back({shape, std::vector<std::optional<float>>(std::size_t(flights))});
        arcs = arcs_.end() - 1;
    }
    std::optional<float>& arc = arcs->arcs[static_cast<std::size_t>(phase)];
    if (!arc) arc = clearingArc(phase, shape);
    return *arc;
}

OrbitCamera Story::flight(int phase, float t, float arc, float aspect) const {
    return arcedFlight(viewOrbit(viewAtPhase(phase), aspect),
                       viewOrbit(viewAtPhase(phase + 1), aspect), t, arc);
}

float Story::clearingArc(int phase, float aspect) const {
    if (viewAtPhase(phase) == viewAtPhase(phase + 1)) return 0.0f;
    return clearingArc(viewOrbit(viewAtPhase(phase), aspect),
                       steadyWay(viewOrbit(viewAtPhase(phase + 1), aspect), phase, phase + 1));
}

std::vector<Story::Waypoint> Story::steadyWay(const OrbitCamera& to, double from,
                                              double until) const {
    std::vector<Waypoint> way;
    for (int k = 0; k <= kWaySteps; ++k) way.push_back({to, from + (until - from) * k / kWaySteps});
    return way;
}

std::vector<Story::Waypoint> Story::wayBackIntoStory() const {
    Timeline timeline = timeline_;  // played ahead on a copy
    std::vector<Waypoint> way;
    for (int k = 0; k <= kWaySteps; ++k) {
        if (k > 0) timeline.update(CameraFlight::kDefaultSeconds / kWaySteps);
        way.push_back({storyCamera(timeline.position(), drawnAspect_), timeline.position()});
    }
    return way;
}

float Story::clearingArc(const OrbitCamera& from, const std::vector<Waypoint>& way) const {
    // The eye's path in short steps, each against what is drawn there.
    const int steps = static_cast<int>(way.size()) - 1;
    int fewest = steps + 1;
    float best = 0.0f;
    for (int step = 0; step <= kArcSteps && fewest > 0; ++step) {
        const float arc = kArcStep * static_cast<float>(step);
        int crossed = 0;
        glm::vec3 eye = arcedFlight(from, way.front().to, 0.0f, arc).eye();
        for (int k = 1; k <= steps; ++k) {
            const Waypoint& at = way[static_cast<std::size_t>(k)];
            const glm::vec3 next =
                arcedFlight(from, at.to, static_cast<float>(k) / static_cast<float>(steps), arc)
                    .eye();
            crossed += passesThrough(eye, next, at.position) ? 1 : 0;
            eye = next;
        }
        if (crossed < fewest) {
            fewest = crossed;
            best = arc;
        }
    }
    return best;
}

bool Story::passesThrough(glm::vec3 from, glm::vec3 to, double position) const {
    return passesThrough(from, to, position, kClearance);
}

bool Story::passesThrough(glm::vec3 from, glm::vec3 to, double position, float clearance) const {
    if (!sight_) return false;
    const std::vector<NodeLook> looks = looksAt(position);
    // Through a surface between the two places (short of the last margin
    // before `to`, which what follows covers) ...
    if (sight_->blocked(from, to, looks)) return true;
    // ... or so near one at the second that it fills the view or the near
    // plane cuts into it: along 26 directions (a cube's faces, edges and
    // corners), `clearance` and the sight lines' margin at its end.
    const float reach = clearance + anchorMargin(clearance);
    if (!sight_->near(to, reach, looks)) return false;
    for (int x = -1; x <= 1; ++x)
        for (int y = -1; y <= 1; ++y)
            for (int z = -1; z <= 1; ++z) {
                if (x == 0 && y == 0 && z == 0) continue;
                const glm::vec3 dir = glm::normalize(glm::vec3(x, y, z));
                if (sight_->blocked(to, to + reach * dir, looks)) return true;
            }
    return false;
}

OrbitCamera Story::orbit(float aspect) const {
    if (pinned_) return viewOrbit(*pinned_, aspect);
    if (held_) return *held_;
    const OrbitCamera destination =
        flightTo_ ? *flightTo_ : storyCamera(timeline_.position(), aspect);
    return flight_.active() ? flight_.toward(destination) : destination;
}

CameraView Story::camera(float aspect) const {
    return orbitView(withDepthRange(orbit(aspect), bounds_), aspect);
}

void Story::holdCamera(const OrbitCamera& orbit) {
    held_ = orbit;
    pinned_.reset();
    flightTo_.reset();
    flight_.cancel();
}

void Story::flyTo(int view, float aspect) {
    flyFromHere(viewOrbit(view, aspect), aspect);
}

void Story::flyTo(const View& view, float aspect) {
    // As the user saw it, on whichever screen: not widened as the scenario's views are.
    flyFromHere(view.orbit(home(aspect)), aspect);
}

void Story::flyFromHere(const OrbitCamera& to, float aspect) {
    const OrbitCamera from = orbit(aspect);
    held_.reset();
    pinned_.reset();
    flightTo_ = to;
    const double now = timeline_.position();
    flight_.start(from, CameraFlight::kDefaultSeconds, clearingArc(from, steadyWay(to, now, now)));
}

void Story::holdView(int view) {
    holdCamera(viewOrbit(view, kDesignedAspect));
    pinned_ = view;
}

void Story::followStory() {
    held_.reset();
    pinned_.reset();
    flightTo_.reset();
    flight_.cancel();
    heading_ = headingPhase();
}

void Story::goTo(double position, int view, float aspect, bool animated) {
    timeline_.pause();
    if (animated && position == std::floor(position))
        timeline_.stepTo(static_cast<int>(position));
    else
        timeline_.setPosition(position);
    heading_ = headingPhase();
    if (!animated) {
        if (view >= 0)
            holdView(view);
        else
            followStory();
    } else if (view >= 0) {
        flyTo(view, aspect);
    } else if (held_ || flightTo_) {
        flyBackIntoStory();
    }
}

std::vector<StoryPart> Story::parts(int width, int height) const {
    drawnAspect_ = aspectOf(width, height);
    const glm::ivec4 full{0, 0, width, height};
    const CameraView fullView = camera(aspectOf(width, height));
    if (compare_.mode == CompareMode::Off)
        return {{timeline_.position(), variants_, full, {}, fullView}};
    const CompareViewports sides = compareViewports(compare_, width, height);
    std::vector<StoryPart> parts;
    const auto add = [&](int phase, int variant, const glm::ivec4& side) {
        if (!drawable(side)) return;  // a swipe divider at an edge
        VariantChoice variants = variants_;
        variants.resize(std::max(variants.size(), static_cast<std::size_t>(phase) + 1), -1);
        variants[static_cast<std::size_t>(phase)] = variant;
        if (compare_.mode == CompareMode::Swipe)
            parts.push_back(
                {static_cast<double>(phase), std::move(variants), full, side, fullView});
        else
            parts.push_back({static_cast<double>(phase),
                             std::move(variants),
                             side,
                             {},
                             camera(aspectOf(side.z, side.w))});
    };
    add(compare_.phaseA, compare_.variantA, sides.a);
    add(compare_.phaseB, compare_.variantB, sides.b);
    return parts;
}

void Story::setVariant(int phase, int variant) {
    const int phases = static_cast<int>(scenario_.phases.size());
    if (phase < 0 || phase >= phases) return;
    const auto& variants = scenario_.phases[static_cast<std::size_t>(phase)].variants;
    if (variant >= static_cast<int>(variants.size())) return;
    variants_.resize(static_cast<std::size_t>(phases), -1);
    variants_[static_cast<std::size_t>(phase)] = std::max(variant, -1);
    forgetArcs();
}

std::vector<NodeLook> Story::looksAt(double position, const VariantChoice& variants) const {
    if (!looks_) return {};
    std::vector<NodeLook> looks = looks_->at(scenario_, position, variants);
    for (std::size_t layer = 0; layer < moves_.size(); ++layer)
        if (moves_[layer]) looks_->move(looks, static_cast<int>(layer), *moves_[layer]);
    return looks;
}

void Story::moveLayer(int layer, std::optional<glm::mat4> moved) {
    if (layer < 0 || layer >= static_cast<int>(scenario_.layers.size())) return;
    moves_.resize(scenario_.layers.size());
    moves_[static_cast<std::size_t>(layer)] = moved;
    forgetArcs();
}

std::vector<bool> Story::occludedHotspots(const glm::vec3& eye) const {
    if (!sight_) return {};
    return sight_->blocked(eye, scenario_.hotspots, looksAt(timeline_.position()));
}

void Story::userActed(double now) {
    if (idle_.attracting()) timeline_.pause();  // the visitor takes over where the story is
    idle_.input(now);
}

void Story::attract(Language language) {
    compare_.mode = CompareMode::Off;
    language_ = language;
    timeline_.setPosition(0.0);
    timeline_.setLoop(true);
    timeline_.play();
    heading_ = headingPhase();
    if (held_ || flightTo_) flyBackIntoStory();
}

double Story::playSeconds() const {
    const PlayTiming& t = timeline_.timing();
    const double phases = timeline_.phaseCount();
    return (t.holdSeconds * phases + t.transitionSeconds * (phases - 1.0)) / timeline_.speed();
}

}  // namespace friche::scene
