// The sky for lighting: a hemisphere, bright at the horizon, blue at the zenith,
// earth-coloured below. It is the ambient light (irradiance by normal) and what
// metals reflect, so every model reads, metals included. Linear radiance.

const vec3 SKY_ZENITH = vec3(0.30, 0.45, 0.70);
const vec3 SKY_HORIZON = vec3(0.85, 0.87, 0.90);
const vec3 SKY_GROUND = vec3(0.26, 0.24, 0.21);

vec3 skyRadiance(vec3 dir) {
    float y = dir.y;
    vec3 sky = mix(SKY_HORIZON, SKY_ZENITH, sqrt(clamp(y, 0.0, 1.0)));
    // A soft horizon, a few degrees wide, rather than a hard line on chrome.
    return mix(SKY_GROUND, sky, smoothstep(-0.05, 0.02, y));
}

// Cosine-weighted irradiance from the hemisphere around n, as a radiance-like
// value (already divided by pi): a cheap stand-in for convolving skyRadiance.
vec3 skyIrradiance(vec3 n) {
    const vec3 up = vec3(0.55, 0.64, 0.78);
    const vec3 down = vec3(0.30, 0.28, 0.25);
    return mix(down, up, n.y * 0.5 + 0.5);
}
