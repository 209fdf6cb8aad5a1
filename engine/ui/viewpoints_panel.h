// The viewer's "Viewpoints" panel: the user's own cameras for this scenario
// (save the camera now under a name, rename, delete, click one to fly there,
// export them into a copy of the scenario) and the still: the view now as a
// PNG at a chosen size up to 8K, with or without the panels.
//
//   ui::ViewpointsPanel panel;                      // view state, owned by the viewer
//   ui::ViewpointsRequest asked = ui::viewpointsPanel(panel, views, language);
//   if (asked.save) ...;                            // the viewer does it, then
//   panel.report(ok, message);                      // the panel shows what came of it
//
// The panel only asks; the viewer saves, flies and writes.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "scene/locale.h"
#include "scene/scenario.h"

namespace friche::ui {

struct ViewpointsPanel {
    std::array<char, 128> name{};     // the name field
    int selected = -1;                // the viewpoint the name field renames
    int width = 3840, height = 2160;  // the still's size, from a preset or typed
    bool panels = false;              // the still shows the story's panels
    std::array<char, 1024> file{};    // where the still goes; the viewer suggests one
    std::string status;               // what came of the last action
    bool failed = false;

    void setFile(const std::string& path);
    std::string fileText() const { return file.data(); }
    void report(bool ok, const std::string& message, scene::Language language);
};

// What the user asked for this frame.
struct ViewpointsRequest {
    std::optional<std::string> save;  // the camera now, under this name
    std::optional<int> rename;        // this viewpoint, to the name field's text
    std::optional<int> remove;
    std::optional<int> flyTo;
    bool exportViews = false;
    bool still = false;
};

ViewpointsRequest viewpointsPanel(ViewpointsPanel& panel, const std::vector<scene::View>& views,
                                  scene::Language language);

}  // namespace friche::ui
