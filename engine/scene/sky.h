// The sky that lights a site: radiance by direction and the sun's direct light,
// on the CPU, so the renderer can bake it into cube maps and spherical
// harmonics and tests can check it without a GPU.
//
//   scene::SkyModel sky({.kind = scene::SkyKind::Clear, .toSun = scene::sunDirection(pos)});
//   glm::vec3 L = sky.radiance(dir);           // linear sRGB, kcd/m² (kilo-nits)
//   glm::vec3 E = sky.sunIlluminance();        // klux on a surface facing the sun
//   auto sh = scene::irradianceSh9(sky);       // for diffuse image-based lighting
//
// Models: Clear is Preetham, Shirley and Smits' analytic daylight (1999) with
// the sun dimmed by Rayleigh and aerosol extinction along its air mass, so a low
// sun turns orange; Overcast is the CIE standard overcast sky (luminance
// (1 + 2 cos theta) / 3 of the zenith's, Krochmann's zenith luminance) with no
// direct sun; Uniform is a constant radiance everywhere (the white-furnace test).
// Below the horizon every model shows a ground of `groundAlbedo` lit by the
// sky and sun, fading from the horizon's haze.
#pragma once

#include <array>
#include <vector>

#include <glm/glm.hpp>

namespace friche::scene {

enum class SkyKind { Clear, Overcast, Uniform };

struct SkyDesc {
    SkyKind kind = SkyKind::Clear;
    glm::vec3 toSun{0.0f, 1.0f, 0.0f};  // unit, world space (scene/sun.h's axes)
    // Atmospheric turbidity: 2 is a very clear day, 2.5 a clear one, 6 hazy.
    float turbidity = 2.5f;
    float uniformRadiance = 1.0f;                 // Uniform only
    glm::vec3 groundAlbedo{0.22f, 0.21f, 0.19f};  // weathered concrete and gravel
};

class SkyModel {
public:
    explicit SkyModel(const SkyDesc& desc);

    // Radiance arriving from direction `dir` (unit, pointing away from the viewer).
    glm::vec3 radiance(const glm::vec3& dir) const;
    // Direct sunlight on a surface facing the sun; zero for overcast and uniform
    // skies and once the sun has set.
    glm::vec3 sunIlluminance() const { return sunIlluminance_; }
    // Luminance of a white Lambertian horizontal surface under sun and sky: the
    // scene's reference brightness, from which the renderer sets exposure.
    float referenceLuminance() const { return referenceLuminance_; }
    glm::vec3 groundRadiance() const { return ground_; }
    const SkyDesc& desc() const { return desc_; }

private:
    glm::vec3 skyAbove(const glm::vec3& dir) const;  // the sky for dir.y >= 0
    glm::vec3 clearSky(const glm::vec3& dir) const;

    SkyDesc desc_;
    // Preetham's Perez coefficients (A..E) for Y, x, y, and the zenith values.
    std::array<std::array<float, 5>, 3> perez_{};
    glm::vec3 zenithYxy_{0.0f};
    float sunZenith_ = 0.0f;                // radians, clamped to the model's valid range
    glm::vec3 modelSun_{0.0f, 1.0f, 0.0f};  // toSun at that clamped zenith angle
    float twilight_ = 1.0f;                 // dims the sky as the sun sets
    glm::vec3 sunIlluminance_{0.0f};
    glm::vec3 ground_{0.0f};
    float referenceLuminance_ = 1.0f;
};

// GL's cube-map conventions: the direction through face `face` (+X, -X, +Y,
// -Y, +Z, -Z) at face coordinates s, t in [-1, 1] is basis * (s, t, 1).
glm::mat3 cubeFaceBasis(int face);

// One face of the sky as RGBA floats, `size` x `size`, row 0 first (t = -1).
std::vector<float> cubeFaceRgba(const SkyModel& sky, int face, int size);

// Nine spherical-harmonic coefficients of the sky's irradiance, already
// convolved with the cosine lobe and divided by pi: evaluated at a normal n
// with shEvaluate they give the radiance a white Lambertian surface reflects.
using Sh9 = std::array<glm::vec3, 9>;
Sh9 irradianceSh9(const SkyModel& sky);
glm::vec3 shEvaluate(const Sh9& sh, const glm::vec3& n);

float luminance(const glm::vec3& rgb);

}  // namespace friche::scene
