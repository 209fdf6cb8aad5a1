#include "render/story_frame.h"

#include <vector>

namespace friche::render {

void drawStory(Renderer& renderer, const GpuModel& gpu, const scene::Story& story, int width,
               int height, const ViewParams& base) {
    for (const scene::StoryPart& part : story.parts(width, height)) {
        ViewParams params = base;
        params.view = part.camera.view;
        params.projection = part.camera.projection;
        params.eye = part.camera.eye;
        params.viewport = part.viewport;
        params.scissor = part.scissor;
        const std::vector<scene::NodeLook> looks = story.looksAt(part.position);
        params.looks = looks;
        renderer.draw(gpu, params);
    }
}

}  // namespace friche::render
