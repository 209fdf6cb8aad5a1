#include "render/story_frame.h"

#include <vector>

#include "render/tiles.h"

namespace friche::render {

void drawStory(Renderer& renderer, const GpuModel& gpu, const scene::Story& story, int width,
               int height, const ViewParams& base, glm::ivec2 tileLimit,
               const std::function<void()>& drawn) {
    const glm::ivec2 limit = render::tileLimit(tileLimit);
    for (const scene::StoryPart& part : story.parts(width, height)) {
        ViewParams params = base;
        params.view = part.camera.view;
        params.projection = part.camera.projection;
        params.eye = part.camera.eye;
        params.viewport = part.viewport;
        params.scissor = part.scissor;
        const std::vector<scene::NodeLook> looks = story.looksAt(part.position, part.variants);
        params.looks = looks;
        drawInTiles(renderer, gpu, params, limit, drawn);
    }
}

}  // namespace friche::render
