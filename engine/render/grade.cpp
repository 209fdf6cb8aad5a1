#include "render/grade.h"

#include <algorithm>

namespace friche::render {

namespace {

// The three moods of a clear day, blended by the sun's height.
constexpr Grade kNoon{.exposureStops = 0.0f,
                      .balance = {1.0f, 1.0f, 1.0f},
                      .saturation = 1.1f,
                      .contrast = 0.15f,
                      .shadowTint = {0.0f, 0.004f, 0.012f}};
constexpr Grade kLowSun{.exposureStops = -0.4f,
                        .balance = {1.05f, 1.0f, 0.93f},
                        .saturation = 1.15f,
                        .contrast = 0.3f,
                        .shadowTint = {0.0f, 0.004f, 0.02f}};
constexpr Grade kDusk{.exposureStops = -0.8f,
                      .balance = {0.94f, 0.97f, 1.08f},
                      .saturation = 0.9f,
                      .contrast = 0.1f,
                      .shadowTint = {0.0f, 0.008f, 0.035f}};
// A grey sky: no sun to warm it, a touch cool and soft.
constexpr Grade kOvercast{.exposureStops = 0.0f,
                          .balance = {0.98f, 1.0f, 1.03f},
                          .saturation = 0.95f,
                          .contrast = 0.1f,
                          .shadowTint = {0.0f, 0.003f, 0.01f}};

// The noon grade holds above 30 degrees, the low sun's at 8, dusk's below -2.
constexpr double kNoonFrom = 30.0, kLowSunAt = 8.0, kDuskFrom = -2.0;

float smoothstep(double edge0, double edge1, double x) {
    const double t = std::clamp((x - edge0) / (edge1 - edge0), 0.0, 1.0);
    return static_cast<float>(t * t * (3.0 - 2.0 * t));
}

Grade mix(const Grade& a, const Grade& b, float t) {
    return {.exposureStops = a.exposureStops + (b.exposureStops - a.exposureStops) * t,
            .balance = glm::mix(a.balance, b.balance, t),
            .saturation = a.saturation + (b.saturation - a.saturation) * t,
            .contrast = a.contrast + (b.contrast - a.contrast) * t,
            .shadowTint = glm::mix(a.shadowTint, b.shadowTint, t)};
}

}  // namespace

Grade gradeFor(scene::SkyKind sky, double elevation) {
    switch (sky) {
        case scene::SkyKind::Uniform:
            return {};
        case scene::SkyKind::Overcast:
            return mix(kOvercast, kDusk, smoothstep(kLowSunAt, kDuskFrom, elevation));
        case scene::SkyKind::Clear:
            break;
    }
    const Grade day = mix(kNoon, kLowSun, smoothstep(kNoonFrom, kLowSunAt, elevation));
    return mix(day, kDusk, smoothstep(kLowSunAt, kDuskFrom, elevation));
}

}  // namespace friche::render
