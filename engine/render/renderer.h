// The renderer: turns an uploaded model and a view into pixels in the bound
// framebuffer. It reads scene data and view state; it never changes them.
//
//   core::Problems problems;
//   auto renderer = render::Renderer::create(problems);      // compiles shaders
//   render::GpuModel gpu = renderer->upload(model, problems); // the Model may be dropped after
//   renderer->draw(gpu, view);                               // every frame
#pragma once

#include <memory>

#include <glm/glm.hpp>

#include "core/problem.h"
#include "scene/model.h"

namespace friche::render {

// What one frame looks through: view state, owned by the caller.
struct ViewParams {
    glm::mat4 view{1.0f};
    glm::mat4 projection{1.0f};
    glm::vec3 eye{0.0f};
    glm::ivec4 viewport{0, 0, 1, 1};  // x, y, width, height in pixels
    int scene = 0;                    // which of the model's scenes
    int variant = -1;                 // KHR_materials_variants index, -1: the default materials
};

class GpuModel;  // defined in render/gpu_model.h: a model's buffers and textures, move-only

class Renderer {
public:
    // nullptr, with the shader's file and line in `problems`, if a shader fails.
    static std::unique_ptr<Renderer> create(core::Problems& problems);
    ~Renderer();
    Renderer(const Renderer&) = delete;
    Renderer& operator=(const Renderer&) = delete;

    // Uploads every mesh, material and texture; warnings (a texture too large
    // for the context, say) go to `problems`.
    std::unique_ptr<GpuModel> upload(const scene::Model& model, core::Problems& problems);

    // Clears the viewport and draws `scene` of the model: opaque and masked
    // first, then blended surfaces back to front.
    void draw(const GpuModel& model, const ViewParams& view);

private:
    Renderer();
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace friche::render
