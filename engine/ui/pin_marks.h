// Workshop pins drawn over a 3D view: a round head in the group's colour with
// the pin's number, on a short stem down to the point the comment is about.
// The viewer draws them over its view (and taps them with pinMarkAt); the
// report draws one into each pin's still. Anchors are projected as the
// hotspots' labels are (scene::projectAnchor): a pin behind the camera or off
// the view is not drawn; one hidden behind geometry is dimmed.
//
//   const ui::PinMarkView view{camera.projection * camera.view, {0, 0}, windowSize, uiScale};
//   ui::drawPinMarks(*ImGui::GetBackgroundDrawList(), marks, view);   // inside an ImGui frame
//   if (int i = ui::pinMarkAt(marks, view, click); i >= 0) select(marks[i]);
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <glm/glm.hpp>

struct ImDrawList;

namespace friche::ui {

struct PinMark {
    glm::vec3 anchor{0.0f};           // world space
    std::uint32_t colour = 0xE0A030;  // 0xRRGGBB, the group's (workshop::Group::colour)
    std::string label;                // short: the pin's number
    bool hidden = false;              // something drawn stands between the eye and the anchor
    bool selected = false;
};

// Where the marks are drawn: the view's projection, its rectangle in the
// draw list's coordinates (points, y down), and the interface's scale (1 on a
// 96 dpi screen, 2 on a 4K one: ui::uiScale).
struct PinMarkView {
    glm::mat4 viewProjection{1.0f};
    glm::vec2 origin{0.0f}, size{0.0f};
    float scale = 1.0f;
};

// Where a mark lands: its anchor on the view, its head's centre and half
// extent (a circle, or a rounded bar for a long label). Points.
struct PinMarkPlace {
    int index = 0;  // into the marks
    glm::vec2 anchor{0.0f};
    glm::vec2 head{0.0f};
    glm::vec2 halfSize{0.0f};
    float depth = 0.0f;
};

// The marks that are drawn, far to near (the near ones drawn over). CPU only.
std::vector<PinMarkPlace> placePinMarks(const std::vector<PinMark>& marks, const PinMarkView& view);

// Draws the marks into `list`, with the current ImGui font (inside a frame).
void drawPinMarks(ImDrawList& list, const std::vector<PinMark>& marks, const PinMarkView& view);

// The index of the mark whose head is under `pos` (the nearest one where heads
// overlap), -1: none. With a margin, so a finger finds a head on a tablet.
int pinMarkAt(const std::vector<PinMark>& marks, const PinMarkView& view, glm::vec2 pos);

}  // namespace friche::ui
