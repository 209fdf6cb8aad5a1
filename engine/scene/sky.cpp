#include "scene/sky.h"

#include <algorithm>
#include <cmath>

namespace friche::scene {

namespace {

constexpr float kPi = 3.14159265358979f;
// The sun's illuminance above the atmosphere (klux), taken as white.
constexpr float kSolarIlluminance = 128.0f;
// Wavelengths (micrometres) standing for linear sRGB's red, green and blue.
constexpr float kWavelengths[3] = {0.65f, 0.55f, 0.45f};
// Preetham's model is fitted for a sun up to the horizon: a lower sun uses the
// horizon's sky, dimmed to nothing by civil twilight's end (-6 degrees).
constexpr float kMinSunElevation = 1.0f * kPi / 180.0f;
constexpr float kTwilightEnd = -6.0f * kPi / 180.0f;
constexpr float kHorizonHold = 0.087f;  // sin(5 degrees)
// Below the horizon the ground takes over from the horizon's haze within this
// many units of -dir.y (about 5 degrees): a soft line, never a hard one.
constexpr float kHorizonBlend = 0.08f;
// The CIE overcast sky: neutral white.
const glm::vec3 kOvercastColour{1.0f};

float smoothstep(float e0, float e1, float x) {
    const float t = std::clamp((x - e0) / (e1 - e0), 0.0f, 1.0f);
    return t * t * (3.0f - 2.0f * t);
}

glm::vec3 xyYToLinearSrgb(float x, float y, float lum) {
    if (y <= 1e-6f) return glm::vec3(0.0f);
    const float X = x / y * lum, Z = (1.0f - x - y) / y * lum;
    return {3.2406f * X - 1.5372f * lum - 0.4986f * Z, -0.9689f * X + 1.8758f * lum + 0.0415f * Z,
            0.0557f * X - 0.2040f * lum + 1.0570f * Z};
}

float perez(const std::array<float, 5>& c, float cosTheta, float gamma) {
    const float cosGamma = std::cos(gamma);
    return (1.0f + c[0] * std::exp(c[1] / std::max(cosTheta, 0.01f))) *
           (1.0f + c[2] * std::exp(c[3] * gamma) + c[4] * cosGamma * cosGamma);
}

// Direct sunlight after Rayleigh and aerosol (Angstrom, Preetham's beta for the
// turbidity) extinction along the Kasten-Young air mass.
glm::vec3 sunThroughAtmosphere(float elevation, float turbidity) {
    if (elevation <= 0.0f) return glm::vec3(0.0f);
    const float zenithDeg = 90.0f - elevation * 180.0f / kPi;
    const float airMass = 1.0f / (std::cos(zenithDeg * kPi / 180.0f) +
                                  0.50572f * std::pow(96.07995f - zenithDeg, -1.6364f));
    const float beta = 0.04608f * turbidity - 0.04586f;
    glm::vec3 e;
    for (int c = 0; c < 3; ++c) {
        const float tau =
            0.008735f * std::pow(kWavelengths[c], -4.08f) + beta * std::pow(kWavelengths[c], -1.3f);
        e[c] = kSolarIlluminance * std::exp(-tau * airMass);
    }
    return e;
}

// Calls f(direction, solid angle) over the sphere on a latitude-longitude grid.
template <class F>
void forEachDirection(F&& f) {
    constexpr int kRows = 64, kColumns = 128;
    const float dTheta = kPi / kRows, dPhi = 2.0f * kPi / kColumns;
    for (int i = 0; i < kRows; ++i) {
        const float theta = (static_cast<float>(i) + 0.5f) * dTheta;
        const float weight = std::sin(theta) * dTheta * dPhi;
        for (int j = 0; j < kColumns; ++j) {
            const float phi = (static_cast<float>(j) + 0.5f) * dPhi;
            f(glm::vec3(std::sin(theta) * std::cos(phi), std::cos(theta),
                        std::sin(theta) * std::sin(phi)),
              weight);
        }
    }
}

std::array<float, 9> shBasis(const glm::vec3& d) {
    return {0.282095f,
            0.488603f * d.y,
            0.488603f * d.z,
            0.488603f * d.x,
            1.092548f * d.x * d.y,
            1.092548f * d.y * d.z,
            0.315392f * (3.0f * d.z * d.z - 1.0f),
            1.092548f * d.x * d.z,
            0.546274f * (d.x * d.x - d.y * d.y)};
}

}  // namespace

float luminance(const glm::vec3& rgb) {
    return 0.2126f * rgb.r + 0.7152f * rgb.g + 0.0722f * rgb.b;
}

SkyModel::SkyModel(const SkyDesc& desc) : desc_(desc) {
    desc_.toSun = glm::normalize(desc.toSun);
    const float elevation = std::asin(std::clamp(desc_.toSun.y, -1.0f, 1.0f));
    sunZenith_ = kPi / 2.0f - std::max(elevation, kMinSunElevation);
    twilight_ = smoothstep(kTwilightEnd, kMinSunElevation, elevation);
    glm::vec2 flat(desc_.toSun.x, desc_.toSun.z);
    flat = glm::length(flat) > 1e-6f ? glm::normalize(flat) : glm::vec2(0.0f, 1.0f);
    modelSun_ = glm::vec3(flat.x * std::sin(sunZenith_), std::cos(sunZenith_),
                          flat.y * std::sin(sunZenith_));
    const float T = desc_.turbidity;
    perez_ = {{{0.1787f * T - 1.4630f, -0.3554f * T + 0.4275f, -0.0227f * T + 5.3251f,
                0.1206f * T - 2.5771f, -0.0670f * T + 0.3703f},
               {-0.0193f * T - 0.2592f, -0.0665f * T + 0.0008f, -0.0004f * T + 0.2125f,
                -0.0641f * T - 0.8989f, -0.0033f * T + 0.0452f},
               {-0.0167f * T - 0.2608f, -0.0950f * T + 0.0092f, -0.0079f * T + 0.2102f,
                -0.0441f * T - 1.6537f, -0.0109f * T + 0.0529f}}};
    const float s = sunZenith_, s2 = s * s, s3 = s2 * s;
    const float chi = (4.0f / 9.0f - T / 120.0f) * (kPi - 2.0f * s);
    zenithYxy_.x = (4.0453f * T - 4.9710f) * std::tan(chi) - 0.2155f * T + 2.4192f;
    zenithYxy_.y = T * T * (0.00166f * s3 - 0.00375f * s2 + 0.00209f * s) +
                   T * (-0.02903f * s3 + 0.06377f * s2 - 0.03202f * s + 0.00394f) +
                   (0.11693f * s3 - 0.21196f * s2 + 0.06052f * s + 0.25886f);
    zenithYxy_.z = T * T * (0.00275f * s3 - 0.00610f * s2 + 0.00317f * s) +
                   T * (-0.04214f * s3 + 0.08970f * s2 - 0.04153f * s + 0.00516f) +
                   (0.15346f * s3 - 0.26756f * s2 + 0.06670f * s + 0.26688f);
    if (desc_.kind == SkyKind::Clear) sunIlluminance_ = sunThroughAtmosphere(elevation, T);

    // The sky's light on a horizontal surface, then the ground it lights.
    glm::vec3 skyOnGround(0.0f);
    forEachDirection([&](const glm::vec3& d, float w) {
        if (d.y > 0.0f) skyOnGround += skyAbove(d) * d.y * w;
    });
    const glm::vec3 horizontal = skyOnGround + sunIlluminance_ * std::max(desc_.toSun.y, 0.0f);
    ground_ = desc_.groundAlbedo * horizontal / kPi;
    referenceLuminance_ =
        desc_.kind == SkyKind::Uniform ? desc_.uniformRadiance : luminance(horizontal) / kPi;
    referenceLuminance_ = std::max(referenceLuminance_, 1e-4f);
}

glm::vec3 SkyModel::clearSky(const glm::vec3& dir) const {
    // Within 5 degrees of the horizon Preetham's fit turns purple (its
    // chromaticity terms run away as cos(theta) -> 0): hold the sky there.
    const float cosTheta = std::max(dir.y, kHorizonHold);
    const float gamma = std::acos(std::clamp(glm::dot(dir, modelSun_), -1.0f, 1.0f));
    float Yxy[3];
    for (int c = 0; c < 3; ++c) {
        Yxy[c] =
            zenithYxy_[c] * perez(perez_[c], cosTheta, gamma) / perez(perez_[c], 1.0f, sunZenith_);
    }
    return glm::max(xyYToLinearSrgb(Yxy[1], Yxy[2], Yxy[0]), glm::vec3(0.0f)) * twilight_;
}

glm::vec3 SkyModel::skyAbove(const glm::vec3& dir) const {
    switch (desc_.kind) {
        case SkyKind::Clear:
            return clearSky(dir);
        case SkyKind::Overcast: {
            const float elevation = std::asin(std::clamp(desc_.toSun.y, -1.0f, 1.0f));
            const float zenith =
                (0.123f + 8.6f * std::sin(std::max(elevation, kMinSunElevation))) * twilight_;
            return kOvercastColour * zenith * (1.0f + 2.0f * std::max(dir.y, 0.0f)) / 3.0f;
        }
        case SkyKind::Uniform:
            break;
    }
    return glm::vec3(desc_.uniformRadiance);
}

glm::vec3 SkyModel::radiance(const glm::vec3& dir) const {
    if (desc_.kind == SkyKind::Uniform || dir.y >= 0.0f) return skyAbove(dir);
    const glm::vec2 flat(dir.x, dir.z);
    const glm::vec3 horizon =
        glm::length(flat) > 1e-6f
            ? skyAbove(glm::vec3(glm::normalize(flat).x, 0.0f, glm::normalize(flat).y))
            : ground_;
    const float t = smoothstep(0.0f, kHorizonBlend, -dir.y);
    return horizon * (1.0f - t) + ground_ * t;
}

glm::mat3 cubeFaceBasis(int face) {
    // Columns: the direction of +s, of +t, and the face's normal (GL spec, table 8.19).
    switch (face) {
        case 0:
            return glm::mat3(glm::vec3(0, 0, -1), glm::vec3(0, -1, 0), glm::vec3(1, 0, 0));
        case 1:
            return glm::mat3(glm::vec3(0, 0, 1), glm::vec3(0, -1, 0), glm::vec3(-1, 0, 0));
        case 2:
            return glm::mat3(glm::vec3(1, 0, 0), glm::vec3(0, 0, 1), glm::vec3(0, 1, 0));
        case 3:
            return glm::mat3(glm::vec3(1, 0, 0), glm::vec3(0, 0, -1), glm::vec3(0, -1, 0));
        case 4:
            return glm::mat3(glm::vec3(1, 0, 0), glm::vec3(0, -1, 0), glm::vec3(0, 0, 1));
        default:
            return glm::mat3(glm::vec3(-1, 0, 0), glm::vec3(0, -1, 0), glm::vec3(0, 0, -1));
    }
}

std::vector<float> cubeFaceRgba(const SkyModel& sky, int face, int size) {
    const glm::mat3 basis = cubeFaceBasis(face);
    std::vector<float> rgba(static_cast<std::size_t>(size) * static_cast<std::size_t>(size) * 4);
    std::size_t i = 0;
    for (int y = 0; y < size; ++y) {
        for (int x = 0; x < size; ++x) {
            const float s = 2.0f * (static_cast<float>(x) + 0.5f) / static_cast<float>(size) - 1.0f;
            const float t = 2.0f * (static_cast<float>(y) + 0.5f) / static_cast<float>(size) - 1.0f;
            const glm::vec3 l = sky.radiance(glm::normalize(basis * glm::vec3(s, t, 1.0f)));
            rgba[i++] = l.r;
            rgba[i++] = l.g;
            rgba[i++] = l.b;
            rgba[i++] = 1.0f;
        }
    }
    return rgba;
}

Sh9 irradianceSh9(const SkyModel& sky) {
    Sh9 sh{};
    forEachDirection([&](const glm::vec3& d, float w) {
        const glm::vec3 l = sky.radiance(d) * w;
        const auto basis = shBasis(d);
        for (std::size_t k = 0; k < 9; ++k) sh[k] += l * basis[k];
    });
    // The cosine lobe's convolution (Ramamoorthi and Hanrahan): pi, 2pi/3, pi/4
    // for bands 0, 1, 2; divided by pi for reflected radiance.
    const float band[9] = {1.0f, 2.0f / 3, 2.0f / 3, 2.0f / 3, 0.25f, 0.25f, 0.25f, 0.25f, 0.25f};
    for (std::size_t k = 0; k < 9; ++k) sh[k] *= band[k];
    return sh;
}

glm::vec3 shEvaluate(const Sh9& sh, const glm::vec3& n) {
    const auto basis = shBasis(n);
    glm::vec3 sum(0.0f);
    for (std::size_t k = 0; k < 9; ++k) sum += sh[k] * basis[k];
    return sum;
}

}  // namespace friche::scene
