#include "render/story_frame.h"

#include <vector>

#include "render/quality.h"
#include "render/tiles.h"

namespace friche::render {

namespace {

// `side`: the part's place in Story::parts, compare mode's side.
ViewParams partParams(const scene::StoryPart& part, int side, const ViewParams& base) {
    ViewParams params = base;
    params.side = side;
    params.view = part.camera.view;
    params.projection = part.camera.projection;
    params.eye = part.camera.eye;
    params.viewport = part.viewport;
    params.scissor = part.scissor;
    return params;
}

// One pixel of `part` at story position `at`, drawn for the programs it compiles.
void warmPixel(Renderer& renderer, const GpuModel& gpu, const scene::Story& story,
               const scene::StoryPart& part, int side, double at, const ViewParams& base) {
    ViewParams params = partParams(part, side, base);
    params.scissor = {part.viewport.x, part.viewport.y, 1, 1};
    const std::vector<scene::NodeLook> looks = story.looksAt(at, part.variants);
    params.looks = looks;
    renderer.draw(gpu, params);
}

}  // namespace

ViewParams PartView::view() const {
    ViewParams shown = params;
    shown.looks = looks;
    return shown;
}

std::vector<PartView> storyViews(const scene::Story& story, int width, int height,
                                 const ViewParams& base) {
    std::vector<PartView> views;
    int side = 0;
    for (const scene::StoryPart& part : story.parts(width, height)) {
        views.push_back(
            {partParams(part, side++, base), story.looksAt(part.position, part.variants)});
        views.back().params.looks = {};
    }
    return views;
}

void drawViews(Renderer& renderer, const GpuModel& gpu, std::span<const PartView> views,
               glm::ivec2 tileLimit, const std::function<void()>& drawn) {
    const glm::ivec2 limit = render::tileLimit(tileLimit);
    for (const PartView& part : views) drawInTiles(renderer, gpu, part.view(), limit, drawn);
}

void drawStory(Renderer& renderer, const GpuModel& gpu, const scene::Story& story, int width,
               int height, const ViewParams& base, glm::ivec2 tileLimit,
               const std::function<void()>& drawn) {
    drawViews(renderer, gpu, storyViews(story, width, height, base), tileLimit, drawn);
}

void warmStory(Renderer& renderer, const GpuModel& gpu, const scene::Story& story, int width,
               int height, const ViewParams& base) {
    const int transitions = story.timeline().phaseCount() - 1;
    const std::vector<scene::StoryPart> parts = story.parts(width, height);
    for (std::size_t side = 0; side < parts.size(); ++side)
        for (int k = 0; k < transitions; ++k)
            warmPixel(renderer, gpu, story, parts[side], static_cast<int>(side), k + 0.5, base);
    // And the lightest quality tier's post pass, which has no occlusion: the
    // viewer falls to it when the view first moves on a slow machine.
    ViewParams light = base;
    kQualityTiers.back().apply(light);
    warmPixel(renderer, gpu, story, parts.front(), 0, parts.front().position, light);
}

}  // namespace friche::render
