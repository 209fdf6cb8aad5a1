// The sky model: physical properties that follow from its definitions.
#include <gtest/gtest.h>

#include <cmath>

#include "scene/sky.h"
#include "scene/sun.h"

using namespace friche::scene;

namespace {

glm::vec3 fromElevation(float degrees, float azimuth = 200.0f) {
    SunPosition p;
    p.elevation = degrees;
    p.azimuth = azimuth;
    return sunDirection(p);
}

}  // namespace

// A uniform environment's irradiance is the same from every side: the SH
// projection must give back the radiance itself (a white furnace).
TEST(Sky, UniformSkyIrradianceIsItsRadiance) {
    const SkyModel sky({.kind = SkyKind::Uniform, .uniformRadiance = 0.5f});
    const Sh9 sh = irradianceSh9(sky);
    for (const glm::vec3 n : {glm::vec3(0, 1, 0), glm::vec3(0, -1, 0), glm::vec3(1, 0, 0),
                              glm::normalize(glm::vec3(1, -2, 3))}) {
        const glm::vec3 e = shEvaluate(sh, n);
        EXPECT_NEAR(e.r, 0.5f, 0.005f);
        EXPECT_NEAR(e.b, 0.5f, 0.005f);
    }
    EXPECT_EQ(sky.sunIlluminance(), glm::vec3(0.0f));
}

// CIE overcast: the zenith is three times as bright as the horizon; no sun.
TEST(Sky, OvercastZenithIsThreeTimesTheHorizon) {
    const SkyModel sky({.kind = SkyKind::Overcast, .toSun = fromElevation(40.0f)});
    const float zenith = luminance(sky.radiance({0, 1, 0}));
    const float horizon = luminance(sky.radiance({1, 0, 0}));
    EXPECT_NEAR(zenith / horizon, 3.0f, 0.01f);
    EXPECT_EQ(sky.sunIlluminance(), glm::vec3(0.0f));
}

// A clear sky is blue overhead and brightest around the sun.
TEST(Sky, ClearSkyIsBlueAndBrightestNearTheSun) {
    const glm::vec3 toSun = fromElevation(45.0f);
    const SkyModel sky({.kind = SkyKind::Clear, .toSun = toSun});
    const glm::vec3 zenith = sky.radiance({0, 1, 0});
    EXPECT_GT(zenith.b, zenith.r * 1.3f);
    const glm::vec3 nearSun = sky.radiance(glm::normalize(toSun + glm::vec3(0, 0.05f, 0)));
    const glm::vec3 opposite = sky.radiance(glm::normalize(glm::vec3(-toSun.x, toSun.y, -toSun.z)));
    EXPECT_GT(luminance(nearSun), 3.0f * luminance(opposite));
}

// Zenith luminance and sunlight in the range measured on clear days (kcd/m², klux).
TEST(Sky, ClearSkyMagnitudesArePlausible) {
    const SkyModel sky({.kind = SkyKind::Clear, .toSun = fromElevation(60.0f)});
    EXPECT_GT(luminance(sky.radiance({0, 1, 0})), 2.0f);
    EXPECT_LT(luminance(sky.radiance({0, 1, 0})), 12.0f);
    EXPECT_GT(luminance(sky.sunIlluminance()), 70.0f);
    EXPECT_LT(luminance(sky.sunIlluminance()), 115.0f);
    EXPECT_GT(sky.referenceLuminance(), 20.0f);
    EXPECT_LT(sky.referenceLuminance(), 45.0f);
}

// A low sun is dimmer and redder: more air to cross, blue scattered away first.
TEST(Sky, LowSunIsDimmerAndRedder) {
    const glm::vec3 high = SkyModel({.toSun = fromElevation(60.0f)}).sunIlluminance();
    const glm::vec3 low = SkyModel({.toSun = fromElevation(5.0f)}).sunIlluminance();
    EXPECT_LT(luminance(low), 0.6f * luminance(high));
    EXPECT_GT(low.r / low.b, 1.3f * high.r / high.b);
    EXPECT_EQ(SkyModel({.toSun = fromElevation(-3.0f)}).sunIlluminance(), glm::vec3(0.0f));
}

// Below the horizon: the ground's colour, lit by sky and sun.
TEST(Sky, GroundBelowTheHorizon) {
    const SkyModel sky({.toSun = fromElevation(50.0f)});
    const glm::vec3 down = sky.radiance({0, -1, 0});
    EXPECT_NEAR(down.r, sky.groundRadiance().r, 1e-4f);
    EXPECT_GT(luminance(down), 0.0f);
}

// The cube faces follow GL's conventions: each face's centre looks down its
// axis, and a face's texels hold the radiance of the direction they stand for.
TEST(Sky, CubeFacesFollowGlConventions) {
    const glm::vec3 axes[6] = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
    for (int f = 0; f < 6; ++f) {
        const glm::mat3 b = cubeFaceBasis(f);
        EXPECT_EQ(b[2], axes[f]) << f;
        // Right-handed sampling: s cross t is minus the face normal in GL's table.
        EXPECT_NEAR(glm::dot(glm::cross(b[0], b[1]), b[2]), -1.0f, 1e-6f) << f;
    }
    // +Y face, texel row 0 is t = -1: for +Y that is towards -Z.
    const SkyModel sky({.toSun = fromElevation(30.0f, 180.0f)});
    const int size = 8;
    const auto top = cubeFaceRgba(sky, 2, size);
    const float s = 2.0f * 3.5f / size - 1.0f, t = 2.0f * 0.5f / size - 1.0f;
    const glm::vec3 expected = sky.radiance(glm::normalize(cubeFaceBasis(2) * glm::vec3(s, t, 1)));
    EXPECT_FLOAT_EQ(top[3 * 4 + 0], expected.r);
    EXPECT_LT(t * cubeFaceBasis(2)[1].z, 0.0f);
}
