// The "Model" panel: what was loaded (file, format, counts, warnings), which
// scene, glTF camera and material variant to show, and how the frame is made.
// It reads scene data and edits only the view state it is given.
//
//   ui::modelPanel({model, stats, problems, cameras, glContext, frameMs}, viewState);
#pragma once

#include <string>
#include <vector>

#include "core/problem.h"
#include "scene/draw_list.h"
#include "scene/model.h"
#include "scene/view_state.h"

namespace friche::ui {

struct ModelPanelData {
    const scene::Model& model;
    const scene::Stats& stats;                      // of the scene shown
    const core::Problems& problems;                 // from loading and uploading
    const std::vector<scene::CameraNode>& cameras;  // the shown scene's glTF cameras
    const std::string& glContext;                   // gfx::describeContext()
    float frameMs = 0.0f;                           // the last frame, CPU and swap
};

void modelPanel(const ModelPanelData& data, scene::ViewState& view);

}  // namespace friche::ui
