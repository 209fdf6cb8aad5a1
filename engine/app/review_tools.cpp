#include "app/review_tools.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <tuple>

#include <imgui.h>

#include "io/proposal_file.h"
#include "scene/hotspot_projection.h"
#include "scene/locale.h"

namespace friche::app {

namespace {

using scene::UiText;

// A corner or an edge this close to the pointer (window points) takes the pick.
constexpr float kSnapPoints = 12.0f;
// A press that moves less than this before its release is a click, not a drag.
constexpr float kClickPoints = 4.0f;
// The panel's snap: a metre and 15 degrees.
constexpr float kSnapMetres = 1.0f;
constexpr float kSnapDegrees = 15.0f;

const char* text(UiText which, scene::Language language) {
    return scene::uiText(which, language).c_str();
}

std::optional<glm::vec2> onScreen(const scene::CameraView& camera, glm::vec2 size, glm::vec3 p) {
    const scene::ScreenAnchor a = scene::projectAnchor(camera.viewProjection(), p, size);
    if (a.behind) return std::nullopt;
    return a.point;
}

// Where a ray through a window point meets the horizontal plane at `height`.
std::optional<glm::vec2> groundPoint(const scene::CameraView& camera, glm::vec2 size, glm::vec2 at,
                                     float height) {
    const scene::Ray ray = scene::rayThrough(at, size, camera.viewProjection());
    if (std::abs(ray.direction.y) < 1e-6f) return std::nullopt;
    const float t = (height - ray.origin.y) / ray.direction.y;
    if (t <= 0.0f) return std::nullopt;
    const glm::vec3 p = ray.origin + t * ray.direction;
    return glm::vec2(p.x, p.z);
}

std::string metres(double value, scene::Language language) {
    return scene::formatQuantity(value, 2, "m", language);
}

std::string squareMetres(double value, scene::Language language) {
    return scene::formatQuantity(value, 1, "m²", language);
}

std::string valueText(const Measurement& m, scene::Language language) {
    return m.tool == MeasureTool::Face || m.tool == MeasureTool::Ground
               ? squareMetres(m.value, language)
               : metres(m.value, language);
}

// The ground under the site's middle: the lowest surface facing up.
float groundHeight(const scene::Story& story, glm::vec2 xz) {
    const scene::Bounds& b = story.bounds();
    if (!story.sight() || !b.valid()) return 0.0f;
    const glm::vec3 above(xz.x, b.max.y + 1.0f, xz.y);
    return above.y -
           static_cast<float>(scene::heightAboveGround(
               *story.sight(), above, story.looksAt(story.timeline().position()), b.min.y));
}

}  // namespace

scene::Placement dropPlacement(const scene::Story& story, float aspect) {
    const glm::vec3 target = story.orbit(aspect).target;
    scene::Placement p;
    p.x = target.x;
    p.z = target.z;
    p.y = groundHeight(story, {target.x, target.z});
    return p;
}

void ReviewTools::propose(ProposalModel model, scene::Placement placement, int phase) {
    Proposal p;
    p.proposal.file = model.file.path;
    p.proposal.placement = placement;
    p.proposal.phase = phase;
    p.bounds = model.bounds;
    p.suggested = scene::guessUnit(model.bounds);
    p.model = std::move(model.file);
    proposal_ = std::move(p);
    revealed_ = false;
    notice_.clear();
}

scene::Scenario ReviewTools::placed(const scene::Scenario& base) const {
    if (!proposal_) return base;
    return scene::withProposal(base, proposal_->proposal, proposal_->bounds);
}

std::vector<scene::ModelFile> ReviewTools::takeModel() {
    std::vector<scene::ModelFile> out;
    if (proposal_ && proposal_->model) {
        out.push_back(std::move(*proposal_->model));
        proposal_->model.reset();
    }
    return out;
}

void ReviewTools::assembled() {
    if (proposal_) proposal_->assembled = proposal_->proposal.placement;
}

void ReviewTools::applyMove(scene::Story& story) const {
    if (!proposal_) return;
    const auto layer = static_cast<int>(story.scenario().layers.size()) - 1;
    const scene::Placement& now = proposal_->proposal.placement;
    const glm::mat4 drawn =
        scene::placementTransform(proposal_->assembled, proposal_->bounds).matrix();
    const glm::mat4 wanted = scene::placementTransform(now, proposal_->bounds).matrix();
    story.moveLayer(layer, wanted * glm::inverse(drawn));
}

ReviewChoice ReviewTools::panel(scene::Story& story, const scene::Scenario& base,
                                glm::vec2 windowSize) {
    const scene::Language language = story.language();
    const float em = ImGui::GetFontSize();
    // Top middle, right of the Viewpoints panel, over the sky: the corners are the story's.
    ImGui::SetNextWindowPos(ImVec2(windowSize.x * 0.5f + em * 0.3f, em * 0.6f),
                            ImGuiCond_FirstUseEver, ImVec2(0.0f, 0.0f));
    // Folded until a proposal comes: then open on it.
    const bool news = proposal_ || !notice_.empty();
    if (news && !revealed_)
        ImGui::SetNextWindowCollapsed(false, ImGuiCond_Always);
    else
        ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);
    revealed_ = revealed_ || news;
    const std::string title = std::string(text(UiText::Proposal, language)) + " · " +
                              text(UiText::Measure, language) + " · " +
                              text(UiText::Section, language) + "###review";
    ReviewChoice choice;
    if (ImGui::Begin(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        const float aspect = windowSize.x / std::max(windowSize.y, 1.0f);
        if (ImGui::CollapsingHeader(text(UiText::Proposal, language),
                                    ImGuiTreeNodeFlags_DefaultOpen))
            choice = proposalPanel(story, base, aspect);
        if (ImGui::CollapsingHeader(text(UiText::Measure, language))) measurePanel(language);
        if (ImGui::CollapsingHeader(text(UiText::Section, language))) sectionPanel(story);
    }
    ImGui::End();
    return choice;
}

ReviewChoice ReviewTools::proposalPanel(scene::Story& story, const scene::Scenario& base,
                                        float aspect) {
    const scene::Language language = story.language();
    ReviewChoice choice;
    if (!notice_.empty()) {
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 18.0f);
        ImGui::TextColored(ImVec4(1.0f, 0.6f, 0.5f, 1.0f), "%s", notice_.c_str());
        ImGui::PopTextWrapPos();
    }
    if (!proposal_) {
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 18.0f);
        ImGui::TextUnformatted(text(UiText::ProposalDrop, language));
        ImGui::PopTextWrapPos();
        return choice;
    }
    Proposal& p = *proposal_;
    scene::Placement& at = p.proposal.placement;
    const float em = ImGui::GetFontSize();
    ImGui::PushItemWidth(em * 10.0f);

    // The unit: a model that measures kilometres in metres is offered its fix.
    if (p.suggested && at.unit == scene::LengthUnit::Metre) {
        const glm::vec3 size = p.bounds.size();
        const double across = std::max({size.x, size.y, size.z});
        ImGui::TextColored(ImVec4(1.0f, 0.75f, 0.3f, 1.0f), "%s %s",
                           text(UiText::UnitMeasures, language), metres(across, language).c_str());
        const std::string fix = std::string(text(UiText::UnitUse, language)) + " " +
                                scene::unitSymbol(*p.suggested) + " (" +
                                metres(across * scene::metresPer(*p.suggested), language) + ")";
        if (ImGui::Button(fix.c_str())) {
            at.unit = *p.suggested;
            choice.rebuild = true;
        }
    }
    int unit = static_cast<int>(at.unit);
    const char* units[scene::kLengthUnitCount];
    for (int u = 0; u < scene::kLengthUnitCount; ++u)
        units[u] = scene::unitSymbol(static_cast<scene::LengthUnit>(u));
    ImGui::SetNextItemWidth(em * 4.0f);
    if (ImGui::Combo("##unit", &unit, units, scene::kLengthUnitCount)) {
        at.unit = static_cast<scene::LengthUnit>(unit);
        choice.rebuild = true;
    }
    ImGui::SameLine();
    ImGui::Text("%s (%s)", p.proposal.file.filename().string().c_str(),
                text(UiText::Unit, language));

    // Where: typed metres and degrees, or dragged on the ground.
    float xzy[3] = {at.x, at.z, at.y};
    bool moved = ImGui::InputFloat3("X, Z, Y (m)", xzy, "%.2f");
    if (moved) std::tie(at.x, at.z, at.y) = std::tuple(xzy[0], xzy[1], xzy[2]);
    moved |= ImGui::SliderFloat(text(UiText::Rotation, language), &at.rotationDegrees, -180.0f,
                                180.0f, "%.1f°");
    ImGui::Checkbox(text(UiText::ProposalMove, language), &p.drag);
    if (ImGui::Checkbox(text(UiText::Snap, language), &p.snap) && p.snap) moved = true;
    if (moved) {
        if (p.snap) at = scene::snapped(at, kSnapMetres, kSnapDegrees);
        applyMove(story);
    }

    // When, and what it replaces there.
    const std::size_t phases = base.phases.size();
    const auto phaseTitle = [&](std::size_t i) { return base.phases[i].title.in(language); };
    if (ImGui::BeginCombo(text(UiText::ProposalPhase, language),
                          phaseTitle(static_cast<std::size_t>(p.proposal.phase)).c_str())) {
        for (std::size_t i = 0; i < phases; ++i) {
            if (ImGui::Selectable(phaseTitle(i).c_str(), static_cast<int>(i) == p.proposal.phase)) {
                p.proposal.phase = static_cast<int>(i);
                choice.rebuild = true;
            }
        }
        ImGui::EndCombo();
    }
    const scene::Phase& phase = base.phases[static_cast<std::size_t>(p.proposal.phase)];
    const std::string header = std::string(text(UiText::ProposalReplaces, language)) + " (" +
                               std::to_string(p.proposal.replaces.size()) + ")###replaces";
    const bool listed = ImGui::TreeNode(header.c_str());
    for (std::size_t l = 0; listed && l < base.layers.size(); ++l) {
        if (phase.layers[l].state == scene::LayerState::Absent) continue;
        const int layer = static_cast<int>(l);
        auto& replaces = p.proposal.replaces;
        bool on = std::find(replaces.begin(), replaces.end(), layer) != replaces.end();
        ImGui::PushID(layer);
        if (ImGui::Checkbox(base.layers[l].name.in(language).c_str(), &on)) {
            if (on)
                replaces.push_back(layer);
            else
                replaces.erase(std::remove(replaces.begin(), replaces.end(), layer),
                               replaces.end());
            choice.rebuild = true;
        }
        ImGui::PopID();
    }
    if (listed) ImGui::TreePop();

    ImGui::Separator();
    if (p.saveAs.empty()) {
        const std::filesystem::path& file = base.file;
        p.saveAs = (file.parent_path() / (file.stem().string() + "-proposal.json")).string();
    }
    char path[1024];
    std::snprintf(path, sizeof path, "%s", p.saveAs.c_str());
    ImGui::SetNextItemWidth(em * 16.0f);
    if (ImGui::InputText("##saveAs", path, sizeof path)) p.saveAs = path;
    if (ImGui::Button(text(UiText::SaveAsScenario, language))) save(story, base, aspect);
    if (!p.message.empty()) {
        ImGui::PushTextWrapPos(em * 16.0f);
        ImGui::TextUnformatted(p.message.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::SameLine();
    if (ImGui::Button(text(UiText::Remove, language))) choice.remove = true;
    ImGui::PopItemWidth();
    return choice;
}

void ReviewTools::save(const scene::Story& story, const scene::Scenario& base, float aspect) {
    Proposal& p = *proposal_;
    const scene::OrbitCamera orbit = story.orbit(aspect);
    scene::View view;
    view.name = scene::LocalText::same(p.proposal.file.filename().string());
    view.target = orbit.target;
    view.yaw = orbit.yaw;
    view.pitch = orbit.pitch;
    view.distance = orbit.distance;
    view.fovY = orbit.fovY;
    std::string error;
    const scene::Language language = story.language();
    if (io::saveProposalScenario(placed(base), proposalPhase(), &view, p.saveAs, error))
        p.message = std::string(text(UiText::Saved, language)) + " " + p.saveAs;
    else
        p.message = error;
}

void ReviewTools::measurePanel(scene::Language language) {
    int tool = static_cast<int>(tool_);
    const UiText names[] = {UiText::MeasureDistance, UiText::MeasureHeight, UiText::MeasureFace,
                            UiText::MeasureGround};
    ImGui::RadioButton("—", &tool, 0);
    for (int t = 1; t <= 4; ++t) {
        ImGui::SameLine();
        ImGui::RadioButton(text(names[t - 1], language), &tool, t);
    }
    if (tool != static_cast<int>(tool_)) {
        tool_ = static_cast<MeasureTool>(tool);
        current_ = {tool_, {}, 0.0};
    }
    if (tool_ != MeasureTool::Off) ImGui::TextDisabled("%s", text(UiText::MeasureHint, language));
    for (const Measurement& m : done_)
        ImGui::BulletText("%s: %s", text(names[static_cast<int>(m.tool) - 1], language),
                          valueText(m, language).c_str());
    if (current_.tool == MeasureTool::Ground && current_.points.size() >= 3)
        ImGui::BulletText("%s: %s …", text(UiText::MeasureGround, language),
                          squareMetres(scene::groundArea(current_.points), language).c_str());
    if ((!done_.empty() || !current_.points.empty()) &&
        ImGui::Button(text(UiText::Clear, language))) {
        done_.clear();
        current_.points.clear();
    }
}

void ReviewTools::sectionPanel(const scene::Story& story) {
    const scene::Language language = story.language();
    ImGui::Checkbox(text(UiText::Section, language), &sectionOn_);
    int axis = static_cast<int>(axis_);
    ImGui::RadioButton(text(UiText::SectionHorizontal, language), &axis, 0);
    ImGui::SameLine();
    ImGui::RadioButton(text(UiText::SectionAlongX, language), &axis, 1);
    ImGui::SameLine();
    ImGui::RadioButton(text(UiText::SectionAlongZ, language), &axis, 2);
    axis_ = static_cast<SectionAxis>(axis);
    const scene::Bounds& b = story.bounds();
    const int a = axis_ == SectionAxis::Horizontal ? 1 : axis_ == SectionAxis::AlongX ? 0 : 2;
    float at = b.valid() ? b.min[a] + sectionAt_ * (b.max[a] - b.min[a]) : 0.0f;
    if (ImGui::SliderFloat("##sectionAt", &at, b.valid() ? b.min[a] : 0.0f,
                           b.valid() ? b.max[a] : 1.0f, "%.1f m") &&
        b.valid() && b.max[a] > b.min[a])
        sectionAt_ = (at - b.min[a]) / (b.max[a] - b.min[a]);
    ImGui::Checkbox(text(UiText::Flip, language), &flip_);
}

std::optional<glm::vec4> ReviewTools::section(const scene::Bounds& bounds) const {
    if (!sectionOn_ || !bounds.valid()) return std::nullopt;
    const int a = axis_ == SectionAxis::Horizontal ? 1 : axis_ == SectionAxis::AlongX ? 0 : 2;
    glm::vec3 normal(0.0f);
    normal[a] = flip_ ? -1.0f : 1.0f;
    const float at = bounds.min[a] + sectionAt_ * (bounds.max[a] - bounds.min[a]);
    return glm::vec4(normal, normal[a] * at);
}

std::optional<scene::MeasurePoint> ReviewTools::snapAt(const scene::Story& story,
                                                       const scene::CameraView& camera,
                                                       glm::vec2 windowSize, glm::vec2 at) const {
    if (!story.sight()) return std::nullopt;
    const scene::Ray ray = scene::rayThrough(at, windowSize, camera.viewProjection());
    const auto hit =
        story.sight()->pick(ray.origin, ray.direction, story.looksAt(story.timeline().position()));
    if (!hit) return std::nullopt;
    return scene::snap(
        *hit, [&](glm::vec3 p) { return onScreen(camera, windowSize, p); }, kSnapPoints);
}

void ReviewTools::pick(scene::Story& story, const scene::CameraView& camera, glm::vec2 windowSize,
                       glm::vec2 at) {
    const scene::Ray ray = scene::rayThrough(at, windowSize, camera.viewProjection());
    const std::vector<scene::NodeLook> looks = story.looksAt(story.timeline().position());
    const auto hit =
        story.sight() ? story.sight()->pick(ray.origin, ray.direction, looks) : std::nullopt;
    if (!hit) return;
    const scene::MeasurePoint p = scene::snap(
        *hit, [&](glm::vec3 q) { return onScreen(camera, windowSize, q); }, kSnapPoints);
    current_.tool = tool_;
    switch (tool_) {
        case MeasureTool::Distance:
            current_.points.push_back(p.point);
            if (current_.points.size() == 2) {
                current_.value = glm::distance(current_.points[0], current_.points[1]);
                done_.push_back(current_);
                current_.points.clear();
            }
            break;
        case MeasureTool::Height: {
            const double h =
                scene::heightAboveGround(*story.sight(), p.point, looks, story.bounds().min.y);
            const glm::vec3 foot = p.point - glm::vec3(0.0f, static_cast<float>(h), 0.0f);
            done_.push_back({MeasureTool::Height, {p.point, foot}, h});
            break;
        }
        case MeasureTool::Face:
            done_.push_back(
                {MeasureTool::Face, {hit->point}, story.sight()->faceArea(*hit, looks)});
            break;
        case MeasureTool::Ground: {
            // Back on the first corner: the polygon is closed.
            auto& points = current_.points;
            const auto first =
                points.empty() ? std::nullopt : onScreen(camera, windowSize, points.front());
            if (points.size() >= 3 && first && glm::distance(*first, at) <= kSnapPoints) {
                current_.value = scene::groundArea(points);
                done_.push_back(current_);
                points.clear();
            } else {
                points.push_back(p.point);
            }
            break;
        }
        case MeasureTool::Off:
            break;
    }
}

bool ReviewTools::pointer(const scene::PointerEvent& event, scene::Story& story,
                          const scene::CameraView& camera, glm::vec2 windowSize) {
    if (const auto* down = std::get_if<scene::MouseDown>(&event)) {
        if (down->button != scene::MouseButton::Left || down->shift) return false;
        // A press on the proposal, with dragging on: it moves on the ground.
        if (proposal_ && proposal_->drag && story.sight()) {
            const scene::Ray ray =
                scene::rayThrough(down->pos, windowSize, camera.viewProjection());
            const auto hit = story.sight()->pick(ray.origin, ray.direction,
                                                 story.looksAt(story.timeline().position()));
            const int layer = static_cast<int>(story.scenario().layers.size()) - 1;
            const float y = proposal_->proposal.placement.y;
            const auto ground = groundPoint(camera, windowSize, down->pos, y);
            if (hit && story.layerOf(hit->node) == layer && ground) {
                drag_ = Drag{*ground, proposal_->proposal.placement};
                return true;
            }
        }
        if (tool_ != MeasureTool::Off) pressed_ = down->pos;
        return false;  // the camera may still orbit: a click is known at the release
    }
    if (const auto* move = std::get_if<scene::MouseMove>(&event)) {
        if (drag_) {
            scene::Placement& at = proposal_->proposal.placement;
            if (const auto ground = groundPoint(camera, windowSize, move->pos, drag_->from.y)) {
                at.x = drag_->from.x + (ground->x - drag_->grabbed.x);
                at.z = drag_->from.z + (ground->y - drag_->grabbed.y);
                if (proposal_->snap) at = scene::snapped(at, kSnapMetres, kSnapDegrees);
                applyMove(story);
            }
            return true;
        }
        if (pressed_ && glm::distance(*pressed_, move->pos) > kClickPoints) pressed_.reset();
        hover_ =
            tool_ != MeasureTool::Off ? snapAt(story, camera, windowSize, move->pos) : std::nullopt;
        return false;
    }
    if (std::holds_alternative<scene::MouseUp>(event)) {
        if (drag_) {
            drag_.reset();
            return true;
        }
        if (pressed_) {
            const glm::vec2 at = *pressed_;
            pressed_.reset();
            pick(story, camera, windowSize, at);
        }
    }
    return false;
}

void ReviewTools::overlay(const scene::Story& story, const scene::CameraView& camera,
                          glm::vec2 windowSize, bool pointer) const {
    const scene::Language language = story.language();
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    const float em = ImGui::GetFontSize();
    const ImU32 line = IM_COL32(255, 210, 60, 255), shade = IM_COL32(0, 0, 0, 170);
    const auto at = [&](glm::vec3 p) { return onScreen(camera, windowSize, p); };
    const auto label = [&](glm::vec2 p, const std::string& s) {
        const ImVec2 size = ImGui::CalcTextSize(s.c_str());
        const ImVec2 corner(p.x + em * 0.4f, p.y - size.y - em * 0.2f);
        draw->AddRectFilled(ImVec2(corner.x - em * 0.2f, corner.y - em * 0.1f),
                            ImVec2(corner.x + size.x + em * 0.2f, corner.y + size.y + em * 0.1f),
                            shade, em * 0.2f);
        draw->AddText(corner, IM_COL32_WHITE, s.c_str());
    };
    const auto polyline = [&](const std::vector<glm::vec3>& points, bool closed) {
        for (std::size_t i = 0; i + 1 < points.size() + (closed ? 1 : 0); ++i) {
            const auto a = at(points[i]), b = at(points[(i + 1) % points.size()]);
            if (a && b) draw->AddLine(ImVec2(a->x, a->y), ImVec2(b->x, b->y), line, 2.0f);
        }
        for (const glm::vec3& p : points)
            if (const auto s = at(p)) draw->AddCircleFilled(ImVec2(s->x, s->y), 4.0f, line);
    };
    for (const Measurement& m : done_) {
        polyline(m.points, m.tool == MeasureTool::Ground);
        glm::vec3 middle(0.0f);
        for (const glm::vec3& p : m.points) middle += p / static_cast<float>(m.points.size());
        if (const auto s = at(middle)) label(*s, valueText(m, language));
    }
    polyline(current_.points, false);
    if (pointer && hover_) {
        if (const auto s = at(hover_->point)) {
            const ImVec2 c(s->x, s->y);
            if (hover_->kind == scene::SnapKind::Vertex)
                draw->AddRect(ImVec2(c.x - 6, c.y - 6), ImVec2(c.x + 6, c.y + 6), line, 0.0f, 0,
                              2.0f);
            else if (hover_->kind == scene::SnapKind::Edge)
                draw->AddTriangle(ImVec2(c.x, c.y - 7), ImVec2(c.x - 6, c.y + 5),
                                  ImVec2(c.x + 6, c.y + 5), line, 2.0f);
            else
                draw->AddCircle(c, 6.0f, line, 0, 2.0f);
        }
    }
}

}  // namespace friche::app
