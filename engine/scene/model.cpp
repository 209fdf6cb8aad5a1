#include "scene/model.h"

#include <cmath>

namespace friche::scene {

glm::mat3 TextureTransform::matrix() const {
    // KHR_texture_transform: translation * rotation * scale. The rotation maps
    // (1,0) to (cos, -sin): that is what the extension's own example needs
    // (offset [0,1], rotation pi/2, scale 0.5 shows "the lower left quadrant,
    // rotated clockwise"), and what the TextureTransformTest sample model checks.
    // The GLSL snippet in the extension's README writes the transpose; the
    // example and the sample model agree with each other, not with it.
    const float c = std::cos(rotation), s = std::sin(rotation);
    const glm::mat3 t(1, 0, 0, 0, 1, 0, offset.x, offset.y, 1);
    const glm::mat3 r(c, -s, 0, s, c, 0, 0, 0, 1);
    const glm::mat3 sc(scale.x, 0, 0, 0, scale.y, 0, 0, 0, 1);
    return t * r * sc;
}

Bounds Bounds::transformed(const glm::mat4& m) const {
    Bounds out;
    if (!valid()) return out;
    for (int i = 0; i < 8; ++i) {
        const glm::vec3 corner((i & 1) ? max.x : min.x, (i & 2) ? max.y : min.y,
                               (i & 4) ? max.z : min.z);
        out.extend(glm::vec3(m * glm::vec4(corner, 1.0f)));
    }
    return out;
}

}  // namespace friche::scene
