#include "app/workshop.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include <cstring>
#include <utility>

#include <imgui.h>
#include <imgui_internal.h>

#include "scene/measure.h"
#include "ui/pin_marks.h"
#include "ui/style.h"

namespace friche::app {

namespace {

using scene::UiText;

// A new session's groups: three tables, told apart by colour, three dots each.
constexpr std::uint32_t kGroupColours[] = {0xE0A030, 0x3FA7D6, 0xD6546B, 0x59B36B, 0x9A6BD6};
constexpr int kDefaultGroups = 3;
constexpr int kDefaultDots = 3;
constexpr int kMaxDots = 20;
void heading(const char* text) {
    ImGui::Spacing();
    ImGui::TextDisabled("%s", text);
    ImGui::Separator();
}

const char* tr(UiText which, scene::Language language) {
    return scene::uiText(which, language).c_str();
}

float aspectOf(glm::vec2 size) {
    return size.y > 0.0f ? size.x / size.y : 1.0f;
}

// The pins over a whole window (or still) of `size` points, at the interface's scale.
ui::PinMarkView markView(const scene::CameraView& camera, glm::vec2 size) {
    return {
        camera.viewProjection(), {0.0f, 0.0f}, size, ImGui::GetFontSize() / ui::fontPixels(1.0f)};
}

ImU32 imColour(std::uint32_t rgb, float alpha = 1.0f) {
    return IM_COL32((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF,
                    static_cast<int>(alpha * 255.0f));
}

// The variant shown in each phase that shows one: {phase id, variant id}.
std::vector<std::pair<std::string, std::string>> shownVariants(const scene::Story& story) {
    const scene::Scenario& scenario = story.scenario();
    std::vector<std::pair<std::string, std::string>> shown;
    for (std::size_t p = 0; p < scenario.phases.size(); ++p) {
        const int v = story.variant(static_cast<int>(p));
        if (v >= 0)
            shown.emplace_back(scenario.phases[p].id,
                               scenario.phases[p].variants[static_cast<std::size_t>(v)].id);
    }
    return shown;
}

std::int64_t nowSeconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

}  // namespace

workshop::PinCamera pinCamera(const scene::OrbitCamera& orbit) {
    return {orbit.target, orbit.yaw, orbit.pitch, orbit.distance, orbit.fovY};
}

scene::View pinView(const workshop::PinCamera& camera) {
    scene::View v;
    v.target = camera.target;
    v.yaw = camera.yaw;
    v.pitch = camera.pitch;
    v.distance = camera.distance;
    v.fovY = camera.fovY;
    return v;
}

ClickerKey clickerKey(const SDL_Event& event) {
    if (event.type != SDL_KEYDOWN) return ClickerKey::None;
    const SDL_Keycode key = event.key.keysym.sym;
    const bool shift = (event.key.keysym.mod & KMOD_SHIFT) != 0;
    switch (key) {
        case SDLK_PAGEDOWN:
        case SDLK_RIGHT:
        case SDLK_SPACE:
            return ClickerKey::Next;
        case SDLK_PAGEUP:
        case SDLK_LEFT:
            return ClickerKey::Previous;
        case SDLK_b:
        case SDLK_PERIOD:
            return ClickerKey::Blackout;
        case SDLK_F5:
            return shift ? ClickerKey::ResumeTour : ClickerKey::StartTour;
        default:
            return ClickerKey::None;
    }
}

bool Workshop::start(const WorkshopOptions& options, scene::Story& story, float aspect,
                     std::string& error) {
    const scene::Scenario& scenario = story.scenario();
    std::optional<int> tour;
    if (options.tour) {
        tour = scenario.tourIndex(*options.tour);
        if (!tour) {
            error = "--tour: " + scenario.file.string() + " has no tour '" + *options.tour + "'" +
                    (scenario.tours.empty() ? " (it has none)"
                                            : " (its first is '" + scenario.tours[0].id + "')");
            return false;
        }
    }
    unfolded_ = options.tour || options.session || options.remote;
    const workshop::SessionOwner owner{scenario.site.id,
                                       std::filesystem::absolute(scenario.file).string()};
    store_ = options.session ? workshop::SessionStore::open(*options.session, owner, error)
                             : workshop::SessionStore::inMemory(owner);
    if (!store_) return false;
    if (store_->groups().empty()) {
        for (int g = 0; g < kDefaultGroups; ++g) {
            const workshop::Group group{0, "Table " + std::to_string(g + 1), kGroupColours[g],
                                        kDefaultDots};
            if (!store_->addGroup(group, error)) return false;
        }
    }
    refresh();
    if (!groups_.empty()) group_ = groups_.front().id;
    // Back where the session stood: the moment, the language, the variants, the tour.
    if (const auto place = store_->place()) {
        saved_ = place;
        story.timeline().setPosition(place->position);
        if (const auto l = scene::parseLanguage(place->lang)) story.language() = *l;
        for (const auto& [phase, variant] : place->variants)
            if (const auto pv = scenario.phaseVariant(phase, variant))
                story.setVariant(pv->phase, pv->variant);
        if (!tour && !place->tour.empty()) {
            if (const auto t = scenario.tourIndex(place->tour))
                startTour(story, *t, std::max(place->step, 0), aspect);
        }
        if (tour && place->tour == *options.tour) {
            startTour(story, *tour, std::max(place->step, 0), aspect);
            tour.reset();
        }
    }
    if (tour) startTour(story, *tour, 0, aspect);
    if (options.remote) {
        remote_ = remote::RemoteServer::start(*options.remote, *store_, error);
        if (!remote_) return false;
        std::fprintf(stderr, "friche: the tablet remote is at http://%s:%d/\n",
                     options.remote->address.c_str(), remote_->port());
    }
    return true;
}

void Workshop::startTour(scene::Story& story, int tour, int step, float aspect) {
    tour_ = scene::TourRun{.tour = tour, .index = 0};
    tour_->go(story.scenario(), std::min(step, tour_->count(story.scenario()) - 1));
    showStep(story, aspect);
}

void Workshop::showStep(scene::Story& story, float aspect) {
    scene::showStep(story, tour_->step(story.scenario()), aspect, scene::Motion::Animated);
}

bool Workshop::key(const SDL_Event& event, scene::Story& story, float aspect) {
    // A comment being typed keeps its spaces and arrows.
    if (ImGui::GetCurrentContext() && ImGui::GetIO().WantTextInput) return false;
    const ClickerKey key = clickerKey(event);
    const scene::Scenario& scenario = story.scenario();
    switch (key) {
        case ClickerKey::Blackout:
            blackout_ = !blackout_;
            return true;
        case ClickerKey::StartTour:
        case ClickerKey::ResumeTour:
            blackout_ = false;
            if (scenario.tours.empty()) return false;
            if (key == ClickerKey::ResumeTour && tour_)
                showStep(story, aspect);
            else if (key == ClickerKey::ResumeTour && saved_ && !saved_->tour.empty() &&
                     scenario.tourIndex(saved_->tour))
                startTour(story, *scenario.tourIndex(saved_->tour), saved_->step, aspect);
            else
                startTour(story, tour_ ? tour_->tour : 0, 0, aspect);
            return true;
        case ClickerKey::Next:
        case ClickerKey::Previous:
            // Without a tour the keys step the phases (the timeline panel's own keys).
            if (!tour_) return false;
            // The first press on a black screen brings the picture back, where it was.
            if (std::exchange(blackout_, false)) return true;
            if (key == ClickerKey::Next ? tour_->next(scenario) : tour_->previous(scenario))
                showStep(story, aspect);
            return true;
        case ClickerKey::None:
            return false;
    }
    return false;
}

bool Workshop::pointer(const scene::PointerEvent& event, scene::Story& story,
                       const scene::CameraView& camera, glm::vec2 windowSize) {
    const auto* down = std::get_if<scene::MouseDown>(&event);
    if (!down || down->button != scene::MouseButton::Left || blackout_) return false;
    if (tool_ != Tool::None) {
        dropPin(story, camera, windowSize, down->pos);
        return true;
    }
    const std::vector<std::int64_t> shown = shownPins(story);
    std::vector<ui::PinMark> marks;
    for (std::int64_t id : shown) marks.push_back({.anchor = pinById(id)->anchor, .label = {}});
    const int at = ui::pinMarkAt(marks, markView(camera, windowSize), down->pos);
    if (at < 0) return false;
    selectPin(story, shown[static_cast<std::size_t>(at)], aspectOf(windowSize));
    return true;
}

void Workshop::dropPin(scene::Story& story, const scene::CameraView& camera, glm::vec2 windowSize,
                       glm::vec2 at) {
    if (!story.sight()) return;
    const scene::Ray ray = scene::rayThrough(at, windowSize, camera.viewProjection());
    const auto hit =
        story.sight()->pick(ray.origin, ray.direction, story.looksAt(story.timeline().position()));
    if (!hit) return;  // the sky: try again
    std::string error;
    if (tool_ == Tool::Move) {
        if (auto pin = store_->pin(selected_)) {
            pin->anchor = hit->point;
            pin->normal = hit->normal;
            if (!store_->updatePin(*pin, error)) fail(error);
        }
    } else {
        const scene::Scenario& scenario = story.scenario();
        const int phase = story.headingPhase();
        const scene::Phase& p = scenario.phases[static_cast<std::size_t>(phase)];
        const int variant = story.variant(phase);
        workshop::Pin pin;
        pin.phase = p.id;
        if (variant >= 0) pin.variant = p.variants[static_cast<std::size_t>(variant)].id;
        pin.anchor = hit->point;
        pin.normal = hit->normal;
        pin.group = group_;
        pin.camera = pinCamera(story.orbit(aspectOf(windowSize)));
        pin.created = nowSeconds();
        if (const auto id = store_->addPin(pin, error)) {
            selected_ = *id;
            focusText_ = true;
            text_.fill('\0');
        } else {
            fail(error);
        }
    }
    tool_ = Tool::None;
    refresh();
}

void Workshop::selectPin(scene::Story& story, std::int64_t id, float aspect) {
    const workshop::Pin* it = pinById(id);
    if (!it) return;
    selected_ = id;
    focusText_ = true;
    text_.fill('\0');
    std::memcpy(text_.data(), it->text.data(), std::min(it->text.size(), text_.size() - 1));
    const scene::Scenario& scenario = story.scenario();
    if (const auto pv = scenario.phaseVariant(it->phase, it->variant)) {
        story.compare().mode = scene::CompareMode::Off;
        story.setVariant(pv->phase, pv->variant);
        story.timeline().pause();
        story.timeline().stepTo(pv->phase);
    }
    story.flyTo(pinView(it->camera), aspect);
}

// A comment from the tablet comes with no camera: it was said about what the
// screen shows, so its still and its "fly to" look from there.
void Workshop::cameraForNewPins(const scene::Story& story, float aspect) {
    std::string error;
    for (workshop::Pin pin : store_->pins()) {
        if (!(pin.camera == workshop::PinCamera{})) continue;
        pin.camera = pinCamera(story.orbit(aspect));
        if (!store_->updatePin(pin, error)) fail(error);
    }
}

void Workshop::refresh() {
    const std::uint64_t revision = store_->revision();
    if (revision == revision_ && revision_ != 0) return;
    revision_ = revision;
    pins_ = store_->pins();
    groups_ = store_->groups();
    votes_ = store_->votes();
    if (std::none_of(pins_.begin(), pins_.end(),
                     [this](const workshop::Pin& p) { return p.id == selected_; }))
        selected_ = 0;
}

void Workshop::vote(const std::string& target, int delta) {
    std::string error;
    if (!store_->vote(group_, target, delta, error)) fail(error);
    refresh();
}

bool Workshop::poll(scene::Story& story, float aspect) {
    if (!remote_) return false;
    const std::vector<remote::Command> commands = remote_->take();
    for (const remote::Command& c : commands) apply(c, story, aspect);
    const bool stored = store_->revision() != revision_;
    refresh();
    return !commands.empty() || stored;
}

bool Workshop::showCard(const scene::Story& story) const {
    return !tour_ || tour_->step(story.scenario()).card;
}

bool Workshop::showLabels(const scene::Story& story) const {
    return !tour_ || tour_->step(story.scenario()).labels;
}

void Workshop::apply(const remote::Command& command, scene::Story& story, float aspect) {
    const scene::Scenario& scenario = story.scenario();
    std::visit(
        [&](const auto& c) {
            using C = std::decay_t<decltype(c)>;
            if constexpr (std::is_same_v<C, remote::SetPhase>) {
                if (const auto p = scenario.phaseIndex(c.phase)) {
                    story.timeline().pause();
                    story.timeline().stepTo(*p);
                }
            } else if constexpr (std::is_same_v<C, remote::SetLang>) {
                if (const auto l = scene::parseLanguage(c.lang)) story.language() = *l;
            } else if constexpr (std::is_same_v<C, remote::SetStep>) {
                if (tour_ && tour_->go(scenario, c.step)) showStep(story, aspect);
                blackout_ = false;
            } else if constexpr (std::is_same_v<C, remote::SetCompare>) {
                const auto a = scenario.phaseVariant(c.a), b = scenario.phaseVariant(c.b);
                scene::Compare& compare = story.compare();
                compare.mode = c.mode == "swipe"  ? scene::CompareMode::Swipe
                               : c.mode == "side" ? scene::CompareMode::Side
                                                  : scene::CompareMode::Off;
                if (a && b) {
                    compare.phaseA = a->phase;
                    compare.variantA = a->variant;
                    compare.phaseB = b->phase;
                    compare.variantB = b->variant;
                }
            } else if constexpr (std::is_same_v<C, remote::SetVariant>) {
                if (const auto pv = scenario.phaseVariant(c.phase, c.variant))
                    story.setVariant(pv->phase, pv->variant);
            } else if constexpr (std::is_same_v<C, remote::SelectPin>) {
                refresh();
                selectPin(story, c.pin, aspect);
            } else {
                cameraForNewPins(story, aspect);
                refresh();
            }
        },
        command);
}

bool Workshop::frame(scene::Story& story, const scene::CameraView& camera, glm::vec2 windowSize) {
    const float aspect = aspectOf(windowSize);
    poll(story, aspect);
    bool moved = false;
    if (blackout_) {
        ImGui::GetForegroundDrawList()->AddRectFilled({0.0f, 0.0f}, {windowSize.x, windowSize.y},
                                                      IM_COL32(0, 0, 0, 255));
    } else {
        overlay(story, camera, windowSize);
        if (tour_) stepCard(story, windowSize);
        moved = panel(story, aspect);
    }
    savePlace(story);
    if (remote_) remote_->publish(screenState(story));
    return moved;
}

const workshop::Pin* Workshop::pinById(std::int64_t id) const {
    const auto it = std::find_if(pins_.begin(), pins_.end(),
                                 [id](const workshop::Pin& p) { return p.id == id; });
    return it == pins_.end() ? nullptr : &*it;
}

// A pin belongs to the phase (and variant) it was said about: shown there only.
std::vector<std::int64_t> Workshop::shownPins(const scene::Story& story) const {
    const scene::Scenario& scenario = story.scenario();
    const int phase = story.headingPhase();
    const scene::PhaseVariant here{phase, story.variant(phase)};
    std::vector<std::int64_t> shown;
    for (const workshop::Pin& p : pins_)
        if (scenario.phaseVariant(p.phase, p.variant) == here) shown.push_back(p.id);
    return shown;
}

void Workshop::overlay(const scene::Story& story, const scene::CameraView& camera,
                       glm::vec2 size) const {
    const std::vector<scene::NodeLook> looks = story.looksAt(story.timeline().position());
    std::vector<ui::PinMark> marks;
    for (std::int64_t id : shownPins(story)) {
        const workshop::Pin& p = *pinById(id);
        std::uint32_t colour = 0x808080;
        for (const workshop::Group& g : groups_)
            if (g.id == p.group) colour = g.colour;
        const auto number = std::find_if(pins_.begin(), pins_.end(),
                                         [id](const workshop::Pin& q) { return q.id == id; }) -
                            pins_.begin() + 1;
        marks.push_back(
            {.anchor = p.anchor,
             .colour = colour,
             .label = std::to_string(number),
             .hidden = p.resolved ||
                       (story.sight() && story.sight()->blocked(camera.eye, p.anchor, looks)),
             .selected = p.id == selected_});
    }
    ui::drawPinMarks(*ImGui::GetBackgroundDrawList(), marks, markView(camera, size));
}

// The step's title, text and question, large, above the timeline: read from
// the back of a meeting room.
void Workshop::stepCard(const scene::Story& story, glm::vec2 windowSize) {
    const scene::Scenario& scenario = story.scenario();
    const scene::Language language = story.language();
    const scene::TourStep& step = tour_->step(scenario);
    const float em = ImGui::GetFontSize();
    const float width = std::min(windowSize.x * 0.6f, em * 40.0f);
    // Below the top row of folded panels, centred: over the sky, not the site.
    ImGui::SetNextWindowPos({windowSize.x * 0.5f, em * 2.6f}, ImGuiCond_Always, {0.5f, 0.0f});
    ImGui::SetNextWindowSize({width, 0.0f});
    ImGui::SetNextWindowBgAlpha(0.85f);
    constexpr ImGuiWindowFlags flags =
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
        ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing;
    if (ImGui::Begin("##tourstep", nullptr, flags)) {
        ImGui::TextDisabled("%s · %s %d / %d",
                            tour_->definition(scenario).name.in(language).c_str(),
                            tr(UiText::Step, language), tour_->index + 1, tour_->count(scenario));
        ImGui::SetWindowFontScale(1.4f);
        ImGui::TextWrapped("%s", step.title.in(language).c_str());
        ImGui::SetWindowFontScale(1.0f);
        if (!step.text.in(language).empty())
            ImGui::TextWrapped("%s", step.text.in(language).c_str());
        if (!step.question.in(language).empty()) {
            ImGui::Separator();
            ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 214, 120, 255));
            ImGui::SetWindowFontScale(1.2f);
            ImGui::TextWrapped("%s", step.question.in(language).c_str());
            ImGui::SetWindowFontScale(1.0f);
            ImGui::PopStyleColor();
        }
    }
    ImGui::End();
}

bool Workshop::panel(scene::Story& story, float aspect) {
    const scene::Scenario& scenario = story.scenario();
    const scene::Language language = story.language();
    const float em = ImGui::GetFontSize();
    // Docked on the left between the site picker and the compare panel (as
    // they stood last frame), scrolling when it is longer: the phase card has
    // the right, the step's card the top.
    const glm::vec2 display(ImGui::GetIO().DisplaySize.x, ImGui::GetIO().DisplaySize.y);
    const ImGuiWindow* site = ImGui::FindWindowByName("Site");
    const ImGuiWindow* compare = ImGui::FindWindowByName("Compare");
    const float top = site ? site->Pos.y + site->Size.y + em * 0.6f : display.y * 0.35f;
    const float bottom = compare ? compare->Pos.y - em * 0.6f : display.y * 0.62f;
    const bool moved = dock_ != glm::vec2(top, bottom);
    dock_ = {top, bottom};
    ImGui::SetNextWindowPos({em * 0.6f, top}, ImGuiCond_Always);
    ImGui::SetNextWindowSizeConstraints({em * 21.0f, 0.0f},
                                        {em * 21.0f, std::max(bottom - top, em * 4.0f)});
    // Folded unless a workshop was asked for on the command line.
    ImGui::SetNextWindowCollapsed(!unfolded_, ImGuiCond_FirstUseEver);
    if (!ImGui::Begin(tr(UiText::Workshop, language), nullptr,
                      ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove)) {
        ImGui::End();
        return moved;
    }
    // The tour.
    if (!scenario.tours.empty()) {
        heading(tr(UiText::Tour, language));
        for (std::size_t t = 0; t < scenario.tours.size(); ++t) {
            ImGui::PushID(static_cast<int>(t));
            const bool running = tour_ && tour_->tour == static_cast<int>(t);
            if (ImGui::RadioButton(scenario.tours[t].name.in(language).c_str(), running) &&
                !running)
                startTour(story, static_cast<int>(t), 0, aspect);
            ImGui::PopID();
        }
        if (tour_) {
            if (ImGui::Button(tr(UiText::Previous, language)) && tour_->previous(scenario))
                showStep(story, aspect);
            ImGui::SameLine();
            ImGui::Text("%d / %d", tour_->index + 1, tour_->count(scenario));
            ImGui::SameLine();
            if (ImGui::Button(tr(UiText::Next, language)) && tour_->next(scenario))
                showStep(story, aspect);
            ImGui::SameLine();
            if (ImGui::Button(tr(UiText::EndTour, language))) tour_.reset();
        } else if (ImGui::Button(tr(UiText::StartTour, language))) {
            startTour(story, 0, 0, aspect);
        }
    }
    // The group new pins and dots are for.
    heading(tr(UiText::Group, language));
    for (const workshop::Group& g : groups_) {
        ImGui::PushID(static_cast<int>(g.id));
        ImGui::PushStyleColor(ImGuiCol_CheckMark, imColour(g.colour));
        if (ImGui::RadioButton(g.name.c_str(), group_ == g.id)) group_ = g.id;
        ImGui::PopStyleColor();
        ImGui::SameLine();
        ImGui::TextDisabled("%d %s", store_->dotsLeft(g.id), tr(UiText::DotsLeft, language));
        ImGui::PopID();
    }
    groupEditor();
    variantsPanel(story, story.headingPhase());
    pinsPanel(story, aspect);
    if (!notice_.empty()) ImGui::TextColored({1.0f, 0.5f, 0.4f, 1.0f}, "%s", notice_.c_str());
    ImGui::End();
    return moved;
}

// The selected group's name (a table's, a neighbourhood's) and its dots.
void Workshop::groupEditor() {
    const auto g = std::find_if(groups_.begin(), groups_.end(),
                                [this](const workshop::Group& x) { return x.id == group_; });
    if (g == groups_.end()) return;
    workshop::Group edited = *g;
    std::array<char, 64> name{};
    std::memcpy(name.data(), g->name.data(), std::min(g->name.size(), name.size() - 1));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9.0f);
    if (ImGui::InputText("##group", name.data(), name.size(),
                         ImGuiInputTextFlags_EnterReturnsTrue) &&
        name[0] != '\0')
        edited.name = name.data();
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.0f);
    ImGui::InputInt("##dots", &edited.dots);
    edited.dots = std::clamp(edited.dots, 1, kMaxDots);
    if (edited.name == g->name && edited.dots == g->dots) return;
    std::string error;
    if (!store_->updateGroup(edited, error)) fail(error);
    refresh();
}

void Workshop::variantsPanel(scene::Story& story, int phase) {
    const scene::Scenario& scenario = story.scenario();
    const scene::Phase& p = scenario.phases[static_cast<std::size_t>(phase)];
    if (p.variants.empty()) return;
    const scene::Language language = story.language();
    heading(tr(UiText::Variants, language));
    const int shown = story.variant(phase);
    for (int v = -1; v < static_cast<int>(p.variants.size()); ++v) {
        ImGui::PushID(v + 1);
        const std::string name =
            v < 0 ? tr(UiText::AsPlanned, language)
                  : p.variants[static_cast<std::size_t>(v)].name.in(language) +
                        (p.variants[static_cast<std::size_t>(v)].illustrative
                             ? std::string(" (") + tr(UiText::Illustrative, language) + ")"
                             : std::string());
        if (ImGui::RadioButton(name.c_str(), shown == v)) story.setVariant(phase, v);
        if (v >= 0) {
            const std::string target =
                workshop::variantTarget(p.id, p.variants[static_cast<std::size_t>(v)].id);
            ImGui::SameLine();
            ImGui::Text("%d", store_->dotsOnTarget(target));
            ImGui::SameLine();
            if (ImGui::SmallButton("+")) vote(target, 1);
            ImGui::SameLine();
            if (ImGui::SmallButton("-")) vote(target, -1);
        }
        if (v != shown) {
            ImGui::SameLine();
            if (ImGui::SmallButton(tr(UiText::CompareWith, language))) {
                scene::Compare& c = story.compare();
                c.mode = scene::CompareMode::Swipe;
                c.phaseA = c.phaseB = phase;
                c.variantA = shown;
                c.variantB = v;
            }
        }
        ImGui::PopID();
    }
    if (shown >= 0) {
        const std::string& text = p.variants[static_cast<std::size_t>(shown)].text.in(language);
        if (!text.empty()) ImGui::TextWrapped("%s", text.c_str());
    }
}

void Workshop::pinsPanel(scene::Story& story, float aspect) {
    const scene::Language language = story.language();
    heading(tr(UiText::Comments, language));
    bool dropping = tool_ == Tool::Drop;
    if (ImGui::Checkbox(tr(UiText::DropComment, language), &dropping))
        tool_ = dropping ? Tool::Drop : Tool::None;
    if (pins_.empty()) ImGui::TextDisabled("%s", tr(UiText::NoComments, language));
    for (std::size_t i = 0; i < pins_.size(); ++i) {
        const workshop::Pin& p = pins_[i];
        ImGui::PushID(static_cast<int>(p.id));
        std::string line = std::to_string(i + 1) + ". " + p.phase +
                           (p.variant.empty() ? "" : "/" + p.variant) + "  " +
                           (p.text.empty() ? "…" : p.text.substr(0, 40));
        if (p.resolved) line += "  ✓";
        if (ImGui::Selectable(line.c_str(), p.id == selected_)) selectPin(story, p.id, aspect);
        ImGui::PopID();
    }
    const auto selected = store_->pin(selected_);
    if (!selected) return;
    std::string error;
    ImGui::Separator();
    // A pin just dropped or picked: its text field scrolled into view.
    if (std::exchange(focusText_, false)) ImGui::SetScrollHereY(1.0f);
    // One line: Enter saves it.
    ImGui::SetNextItemWidth(-1.0f);
    const bool entered = ImGui::InputText("##text", text_.data(), text_.size(),
                                          ImGuiInputTextFlags_EnterReturnsTrue);
    workshop::Pin edited = *selected;
    if (ImGui::Button(tr(UiText::SaveText, language)) || entered) edited.text = text_.data();
    ImGui::SameLine();
    ImGui::Checkbox(tr(UiText::Resolved, language), &edited.resolved);
    for (const workshop::Group& g : groups_) {
        ImGui::PushID(static_cast<int>(g.id));
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Button,
                              imColour(g.colour, g.id == edited.group ? 1.0f : 0.35f));
        if (ImGui::SmallButton("  ")) edited.group = g.id;
        ImGui::PopStyleColor();
        ImGui::PopID();
    }
    const std::string target = workshop::pinTarget(selected->id);
    ImGui::Text("%d", store_->dotsOnTarget(target));
    ImGui::SameLine();
    if (ImGui::SmallButton("+")) vote(target, 1);
    ImGui::SameLine();
    if (ImGui::SmallButton("-")) vote(target, -1);
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(UiText::MovePin, language))) tool_ = Tool::Move;
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(UiText::Remove, language))) {
        if (!store_->deletePin(selected->id, error)) fail(error);
        refresh();
        return;
    }
    if (!(edited.text == selected->text && edited.resolved == selected->resolved &&
          edited.group == selected->group)) {
        if (!store_->updatePin(edited, error)) fail(error);
        refresh();
    }
}

void Workshop::savePlace(const scene::Story& story) {
    const scene::Scenario& scenario = story.scenario();
    const scene::Timeline& timeline = story.timeline();
    workshop::Place place;
    // A moment, not a transition: where a step heads for, as soon as it is
    // asked (a kill mid-flight reopens there); playback keeps the last moment;
    // a dragged handle, to a hundredth of a phase (a write each frame at most).
    if (timeline.playing() && saved_)
        place.position = saved_->position;
    else if (timeline.stepTarget())
        place.position = *timeline.stepTarget();
    else
        place.position = std::round(timeline.position() * 100.0) / 100.0;
    place.lang = scene::languageCode(story.language());
    if (tour_) {
        place.tour = tour_->definition(scenario).id;
        place.step = tour_->index;
    }
    place.variants = shownVariants(story);
    if (saved_ && *saved_ == place) return;
    std::string error;
    if (store_->savePlace(place, error))
        saved_ = place;
    else
        fail(error);
}

remote::ScreenState Workshop::screenState(const scene::Story& story) const {
    const scene::Scenario& scenario = story.scenario();
    const scene::Language language = story.language();
    remote::ScreenState s;
    s.phase = scenario.phases[static_cast<std::size_t>(story.headingPhase())].id;
    s.position = story.timeline().position();
    s.lang = scene::languageCode(language);
    for (const scene::Phase& p : scenario.phases) {
        remote::ScreenState::Phase phase{p.id, p.title.in(language), {}};
        for (const scene::Variant& v : p.variants)
            phase.variants.push_back({v.id, v.name.in(language)});
        s.phases.push_back(std::move(phase));
    }
    if (tour_) {
        s.tour = tour_->definition(scenario).id;
        s.step = tour_->index;
        for (const scene::TourStep& step : tour_->definition(scenario).steps)
            s.steps.push_back({step.title.in(language), step.question.in(language)});
    }
    const scene::Compare& c = story.compare();
    s.compare = c.mode == scene::CompareMode::Swipe  ? "swipe"
                : c.mode == scene::CompareMode::Side ? "side"
                                                     : "off";
    s.compareA = scenario.phaseVariantRef({c.phaseA, c.variantA});
    s.compareB = scenario.phaseVariantRef({c.phaseB, c.variantB});
    s.variantShown = shownVariants(story);
    s.selectedPin = selected_;
    s.lookAt = story.orbit(1.0f).target;  // where the tablet pins a new comment
    s.blackout = blackout_;
    return s;
}

}  // namespace friche::app
