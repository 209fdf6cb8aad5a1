// The viewer's camera: orbits a target point, pans in the view plane, zooms
// along the view direction. View state, CPU only, so it is tested without GL.
//
//   OrbitCamera cam; cam.frame(bounds, aspect);
//   cam.orbit(dx, dy); cam.pan(dx, dy); cam.zoom(steps);
//   DepthRange r = fitDepthRange(cam.eye(), cam.viewDirection(), bounds);
//   cam.nearPlane = r.nearPlane; cam.farPlane = r.farPlane;
//   glm::mat4 vp = cam.projection(aspect) * cam.view();
#pragma once

#include "scene/model.h"

namespace friche::scene {

class OrbitCamera {
public:
    // Looks at the whole of `b` from a three-quarter view, with margin.
    void frame(const Bounds& b, float aspect);

    // dx, dy in radians of yaw and pitch; pitch is kept short of the poles.
    void orbit(float dYaw, float dPitch);
    // dx, dy as fractions of the viewport's height: the target moves with the cursor.
    void pan(float dx, float dy);
    // Positive steps move closer; each step scales the distance by a fixed ratio.
    void zoom(float steps);
    // Scales the distance (pinch): factor > 1 moves closer.
    void pinch(float factor);

    glm::vec3 eye() const;
    // Unit vector from the eye towards the target.
    glm::vec3 viewDirection() const;
    glm::mat4 view() const;
    glm::mat4 projection(float aspect) const;
    // How tall the view is at the target's distance (world units); times the
    // aspect, how wide.
    float heightAtTarget() const;

    glm::vec3 target{0.0f};
    float distance = 5.0f;
    float yaw = 0.6f;      // radians around +Y, 0 looks down -Z
    float pitch = -0.35f;  // radians, negative looks down
    float fovY = 0.8f;     // radians
    // Whoever draws through the camera fits these to what is drawn, from where
    // the eye is, every frame it moves (scene/depth_range.h): these defaults
    // would turn a site's ground layers into stripes.
    float nearPlane = 0.01f;
    float farPlane = 1000.0f;
};

// `camera` kept where an exhibition's visitor may take it over `site` (the
// site's bounds): the target on the site, the distance between a close look
// and the whole site with its surroundings, the eye above the ground.
OrbitCamera keptOnSite(OrbitCamera camera, const Bounds& site);

// `view`, framed for a screen of `designedAspect`, on a screen of `aspect`. A
// narrower screen (a totem, a compare side) keeps the width `view` shows at its
// target: its field of view grows, up to `widestFovY`, then the eye steps back
// along the view, up to `stepBack` times its distance, and the field grows
// again for what is left. A screen as wide or wider shows `view` as it is.
OrbitCamera keptWidth(OrbitCamera view, float designedAspect, float aspect, float widestFovY,
                      float stepBack);

}  // namespace friche::scene
