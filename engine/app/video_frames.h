// A video's frames of a story, drawn headless at a fixed step: what `friche
// video` encodes and what its benchmark times. Each frame is drawn as a still
// of the same moment is (render::drawStory, ui::storyPanels).
//
//   FramePlan plan{.frames = 90, .fps = 30, .from = 0.0, .to = 3.0};
//   drawFrames(story, plan, gl, look, nullptr, [&](auto rows) { return encode(rows); }, stop);
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>

#include "app/imgui_layer.h"
#include "app/story_input.h"
#include "render/renderer.h"
#include "scene/story.h"

namespace friche::app {

// Frame i of `frames` shows the range's position A + (B - A) * i / (N - 1);
// with a tour, its steps one after the other, `stepFrames` each, as the viewer
// shows them when the clicker is pressed (the story flies there, then holds);
// with neither, the story playing from its first phase, 1/fps seconds a frame.
struct FramePlan {
    int frames = 1;
    int fps = 30;
    std::optional<double> from, to;
    std::optional<int> tour;  // index into Scenario::tours
    int stepFrames = 1;
    float aspect = 16.0f / 9.0f;  // the frame's, for the steps' views
};

// Moves `story` to frame `i` of `plan` (frames are visited in order from 0).
void stepStory(scene::Story& story, const FramePlan& plan, int i);

// Receives each frame's RGB rows, bottom row first; false stops the drawing.
using FrameSink = std::function<bool(std::span<const std::uint8_t>)>;

// Draws the frames of `plan` into gl's target, with the panels when `panels`
// is given, and hands them to `sink` in order, reading them back a few frames
// behind (render::ReadbackRing) so that the sink's work overlaps the drawing.
// Stops early when `sink` refuses a frame or `stopped()` says so. Returns how
// many frames the sink took.
int drawFrames(scene::Story& story, const FramePlan& plan, HeadlessGl& gl,
               const render::ViewParams& look, OffscreenImGui* panels, const FrameSink& sink,
               const std::function<bool()>& stopped);

}  // namespace friche::app
