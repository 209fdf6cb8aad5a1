// Cameras and punctual lights: numbers a projection matrix or a light cone is
// built from. Zero or non-finite values would turn the frame into NaNs.
#include <cmath>
#include <numbers>

#include "io/gltf_validate_detail.h"

namespace friche::io::validate {
namespace {

// Reports a value that is not finite or not above `minimum` (or not at least
// it, when `inclusive`); returns whether it was fine.
bool checkPositive(Context& cx, double value, double minimum, bool inclusive,
                   const std::string& where) {
    const bool ok = std::isfinite(value) && (inclusive ? value >= minimum : value > minimum);
    if (!ok)
        cx.error("VALUE_NOT_IN_RANGE", where,
                 "value " + std::to_string(value) + " is out of range");
    return ok;
}

void checkPerspective(Context& cx, const tinygltf::PerspectiveCamera& p, const std::string& here) {
    checkPositive(cx, p.yfov, 0, false, here + "/yfov");
    checkPositive(cx, p.aspectRatio, 0, true, here + "/aspectRatio");
    const bool nearOk = checkPositive(cx, p.znear, 0, false, here + "/znear");
    // tinygltf leaves zfar at 0 when the file gives none: an infinite projection.
    if (p.zfar == 0) return;
    if (checkPositive(cx, p.zfar, 0, false, here + "/zfar") && nearOk && p.zfar <= p.znear)
        cx.error("CAMERA_ZFAR_LEQUAL_ZNEAR", here, "zfar must be greater than znear");
}

void checkOrthographic(Context& cx, const tinygltf::OrthographicCamera& o,
                       const std::string& here) {
    if (o.xmag == 0) cx.error("CAMERA_XMAG_YMAG_ZERO", here + "/xmag", "xmag must not be zero");
    if (o.ymag == 0) cx.error("CAMERA_XMAG_YMAG_ZERO", here + "/ymag", "ymag must not be zero");
    if (!std::isfinite(o.xmag)) cx.error("VALUE_NOT_IN_RANGE", here + "/xmag", "not finite");
    if (!std::isfinite(o.ymag)) cx.error("VALUE_NOT_IN_RANGE", here + "/ymag", "not finite");
    const bool nearOk = checkPositive(cx, o.znear, 0, true, here + "/znear");
    if (checkPositive(cx, o.zfar, 0, false, here + "/zfar") && nearOk && o.zfar <= o.znear)
        cx.error("CAMERA_ZFAR_LEQUAL_ZNEAR", here, "zfar must be greater than znear");
}

void checkLight(Context& cx, std::size_t l) {
    const tinygltf::Light& light = cx.model.lights[l];
    const std::string here = pointer("extensions", "KHR_lights_punctual", "lights", l);
    if (!light.color.empty() && light.color.size() != 3)
        cx.error("ARRAY_LENGTH_NOT_IN_LIST", here + "/color", "a light colour has 3 numbers");
    checkPositive(cx, light.intensity, 0, true, here + "/intensity");
    checkPositive(cx, light.range, 0, true, here + "/range");
    if (light.type != "spot") return;
    const double inner = light.spot.innerConeAngle;
    const double outer = light.spot.outerConeAngle;
    if (!(inner >= 0 && inner < outer && outer <= std::numbers::pi / 2))
        cx.error("KHR_LIGHTS_PUNCTUAL_LIGHT_SPOT_ANGLES", here + "/spot/outerConeAngle",
                 "spot angles must satisfy 0 <= inner < outer <= pi/2");
}

}  // namespace

void checkCamerasAndLights(Context& cx) {
    for (std::size_t c = 0; c < cx.model.cameras.size(); ++c) {
        const tinygltf::Camera& camera = cx.model.cameras[c];
        if (camera.type == "perspective")
            checkPerspective(cx, camera.perspective, pointer("cameras", c, "perspective"));
        else if (camera.type == "orthographic")
            checkOrthographic(cx, camera.orthographic, pointer("cameras", c, "orthographic"));
        else
            cx.error("VALUE_NOT_IN_LIST", pointer("cameras", c, "type"),
                     "camera type must be perspective or orthographic");
    }
    for (std::size_t l = 0; l < cx.model.lights.size(); ++l) checkLight(cx, l);
}

}  // namespace friche::io::validate
