// The wind in the trees: a crown leans with gusts, more the higher it is (`h`
// metres above the tree's foot), each tree in its own rhythm (`at`: where it
// stands). At time 0 every tree stands as placed, as a still shows it. The
// sites' trees (drive.glsl) and a town's or a city's (city.vert).
#ifndef FRICHE_WIND_GLSL
#define FRICHE_WIND_GLSL

const float kSwayPerSquareMetre = 0.004;  // 20 cm of lean at 7 m

vec3 windLean(float h, vec2 at, float time) {
    float phase = dot(at, vec2(0.37, 0.23));
    vec3 rest = vec3(1.0, 1.7, 0.6) * phase;
    vec3 wave = sin(vec3(1.3, 2.9, 1.1) * time + rest) - sin(rest);
    h = max(h, 0.0);
    return vec3(wave.x + 0.35 * wave.y, 0.0, 0.5 * wave.z) * (h * h * kSwayPerSquareMetre);
}

#endif
