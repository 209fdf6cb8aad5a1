#include "app/viewpoint_tool.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <string>

#include "app/story_input.h"
#include "io/viewpoints.h"
#include "render/offscreen.h"

namespace friche::app {

namespace fs = std::filesystem;

namespace {

// Where a still goes unless the user says otherwise: ~/Pictures/friche/ where
// there is a Pictures folder (where desktops keep images), else the current
// folder; named by site, phase and time, so that stills never replace each other.
fs::path defaultStillFile(const scene::Story& story) {
    const auto& phases = story.scenario().phases;
    const auto phase = static_cast<std::size_t>(std::clamp<long>(
        std::lround(story.timeline().position()), 0, static_cast<long>(phases.size()) - 1));
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &local);
    const std::string name =
        story.scenario().site.id + "-" + phases[phase].id + "-" + stamp + ".png";
    std::error_code ec;
    const char* home = std::getenv("HOME");
    if (home && *home && fs::is_directory(fs::path(home) / "Pictures", ec))
        return fs::path(home) / "Pictures" / "friche" / name;
    return fs::current_path(ec) / name;
}

}  // namespace

void ViewpointTool::open(const scene::Story& story) {
    *this = {};
    panel_.setFile(defaultStillFile(story).string());
    const auto folder = io::viewpointFolder(std::getenv("XDG_CONFIG_HOME"), std::getenv("HOME"));
    if (!folder) return;
    file_ = io::viewpointFile(*folder, story.scenario().site.id);
    io::ViewpointsRead read = io::readViewpoints(*file_);
    views_ = std::move(read.views);
    canSave_ = !read.blocksSaving();
    if (read.problems.empty()) return;
    core::printProblems(file_->string(), read.problems);
    std::string text;
    for (const core::Problem& p : read.problems.list())
        text += core::formatProblem(file_->string(), p) + "\n";
    panel_.report(false, text, story.language());
}

void ViewpointTool::write(scene::Language language) {
    std::string error = "the viewpoints cannot be saved: no $XDG_CONFIG_HOME or $HOME";
    if (file_ && !canSave_) error = file_->string() + " is broken: fix or remove it first";
    const bool ok = file_ && canSave_ && io::writeViewpoints(*file_, views_, error);
    panel_.report(ok, ok ? file_->string() : error, language);
}

void ViewpointTool::panel(scene::Story& story, const fs::path& scenario,
                          const scene::OrbitCamera& now, float aspect, const ViewpointsHook& hook) {
    ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);
    ui::ViewpointsRequest asked = ui::viewpointsPanel(panel_, views_, story.language());
    if (hook) hook(panel_, asked);
    const auto valid = [&](const std::optional<int>& i) {
        return i && *i >= 0 && static_cast<std::size_t>(*i) < views_.size();
    };
    if (valid(asked.flyTo)) story.flyTo(views_[static_cast<std::size_t>(*asked.flyTo)], aspect);
    stillAsked_ = stillAsked_ || asked.still;
    if (asked.exportViews) {
        std::string error;
        const bool ok = io::exportViewpoints(scenario, views_, error);
        panel_.report(ok, ok ? io::exportPath(scenario).string() : error, story.language());
    }
    if (asked.save && views_.size() < io::kMaxViewpoints)
        views_.push_back(io::makeViewpoint(*asked.save, now, views_));
    if (valid(asked.rename))
        io::renameViewpoint(views_, static_cast<std::size_t>(*asked.rename), panel_.name.data());
    if (valid(asked.remove)) {
        views_.erase(views_.begin() + *asked.remove);
        panel_.selected = -1;
    }
    if (asked.save || valid(asked.rename) || valid(asked.remove)) write(story.language());
}

void ViewpointTool::takeStill(render::Renderer& renderer, const render::GpuModel& gpu,
                              scene::Story& story, StillOptions base) {
    stillAsked_ = false;
    const fs::path file = panel_.fileText();
    std::string error;
    std::error_code ec;
    if (file.has_parent_path()) fs::create_directories(file.parent_path(), ec);
    core::Problems problems;
    const auto target = render::OffscreenTarget::create(panel_.width, panel_.height, problems);
    bool ok = false;
    if (ec) {
        error = "cannot create " + file.parent_path().string() + ": " + ec.message();
    } else if (!target) {
        error = problems.list().front().message;
    } else {
        base.panels = panel_.panels;
        const auto rgb = drawStoryStill(renderer, gpu, *target, story, base);
        ok = writePng(file, panel_.width, panel_.height, rgb, error);
    }
    panel_.report(ok, ok ? file.string() : error, story.language());
    if (ok) panel_.setFile(defaultStillFile(story).string());
}

}  // namespace friche::app
