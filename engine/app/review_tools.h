// An architect's review in the viewer: their proposal placed on the site,
// measurements picked on what is drawn, and a section plane. The state, the
// panel (in the story's language), what the pointer does with them and what
// they draw over the view. The viewer assembles and uploads the site; the
// tools say when it must (ReviewChoice::rebuild).
//
//   ReviewTools tools;
//   tools.propose(std::move(model), placement, phase);       // a dropped file, --proposal
//   each frame: auto choice = tools.panel(story, base, windowSize);
//               if (choice.rebuild) viewer assembles tools.placed(base) again;
//               tools.overlay(story, camera, windowSize);
//   an event:   if (tools.pointer(event, story, camera, windowSize)) the camera leaves it;
//   drawing:    view.section = tools.section(story.bounds());
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "app/story_input.h"
#include "scene/camera_controller.h"
#include "scene/measure.h"
#include "scene/orbit_camera.h"
#include "scene/proposal.h"
#include "scene/story.h"

namespace friche::app {

enum class MeasureTool { Off, Distance, Height, Face, Ground };

struct Measurement {
    MeasureTool tool = MeasureTool::Distance;
    std::vector<glm::vec3> points;  // picked and snapped; Height: the point and its foot
    double value = 0.0;             // metres, or square metres for Face and Ground
};

enum class SectionAxis { Horizontal, AlongX, AlongZ };

// What the viewer must do after the panel.
struct ReviewChoice {
    bool rebuild = false;  // the proposal's phase, unit or replaced layers changed
    bool remove = false;   // the proposal was taken away
};

// Where a dropped model goes: on the ground under the point the camera looks at.
scene::Placement dropPlacement(const scene::Story& story, float aspect);

class ReviewTools {
public:
    // ---- The proposal
    // A model to propose, at `placement`, for phase `phase` of the scenario without it.
    void propose(ProposalModel model, scene::Placement placement, int phase);
    bool hasProposal() const { return proposal_.has_value(); }
    void removeProposal() { proposal_.reset(); }
    // A file that could not be proposed: said in the panel, which opens on it.
    void failed(std::string message) {
        notice_ = std::move(message);
        revealed_ = false;
    }
    // The scenario to draw: `base` with the proposal where it is now.
    scene::Scenario placed(const scene::Scenario& base) const;
    // The model read when the proposal came (once; later assemblies read the file again).
    std::vector<scene::ModelFile> takeModel();
    // The site was assembled with the proposal where it is now (placed()).
    void assembled();
    // Its phase in placed(): the timeline goes there.
    int proposalPhase() const { return proposal_ ? proposal_->proposal.phase + 1 : -1; }

    // ---- Each frame
    ReviewChoice panel(scene::Story& story, const scene::Scenario& base, glm::vec2 windowSize);
    // True when the event was the tools' (a measuring click, a proposal drag).
    bool pointer(const scene::PointerEvent& event, scene::Story& story,
                 const scene::CameraView& camera, glm::vec2 windowSize);
    // Measurements and (`pointer`: on screen, not in a still) the pointer's snap;
    // over the 3D view.
    void overlay(const scene::Story& story, const scene::CameraView& camera, glm::vec2 windowSize,
                 bool pointer) const;
    // The section plane for render::ViewParams::section.
    std::optional<glm::vec4> section(const scene::Bounds& bounds) const;

private:
    struct Proposal {
        scene::Proposal proposal;
        scene::Bounds bounds;  // as modelled
        std::optional<scene::LengthUnit> suggested;
        scene::Placement assembled;  // where the drawn site has it
        std::optional<scene::ModelFile> model;
        bool drag = true;
        bool snap = false;
        std::string saveAs;
        std::string message;
    };
    struct Drag {
        glm::vec2 grabbed{0.0f};  // the ground point grabbed, X and Z
        scene::Placement from;
    };

    ReviewChoice proposalPanel(scene::Story& story, const scene::Scenario& base, float aspect);
    void measurePanel(scene::Language language);
    void sectionPanel(const scene::Story& story);
    void save(const scene::Story& story, const scene::Scenario& base, float aspect);
    // Draws the proposal where it is now, without assembling the site again.
    void applyMove(scene::Story& story) const;
    void pick(scene::Story& story, const scene::CameraView& camera, glm::vec2 windowSize,
              glm::vec2 at);
    std::optional<scene::MeasurePoint> snapAt(const scene::Story& story,
                                              const scene::CameraView& camera, glm::vec2 windowSize,
                                              glm::vec2 at) const;

    std::optional<Proposal> proposal_;
    bool revealed_ = false;  // the panel was opened on the proposal (or the notice)
    std::string notice_;     // why the last file dropped could not be proposed
    std::optional<Drag> drag_;

    MeasureTool tool_ = MeasureTool::Off;
    std::vector<Measurement> done_;
    Measurement current_;               // being picked
    std::optional<glm::vec2> pressed_;  // a left press that may be a click
    std::optional<scene::MeasurePoint> hover_;

    bool sectionOn_ = false;
    SectionAxis axis_ = SectionAxis::Horizontal;
    float sectionAt_ = 0.5f;  // across the site's bounds, 0..1
    bool flip_ = false;
};

}  // namespace friche::app
