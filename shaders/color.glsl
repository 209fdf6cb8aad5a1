// Tone mapping and output encoding.

// Khronos PBR Neutral (2024): leaves base colours below 0.8 almost untouched,
// compresses highlights smoothly; meant for product-like renders as ours.
vec3 toneMapPbrNeutral(vec3 color) {
    const float startCompression = 0.8 - 0.04;
    const float desaturation = 0.15;
    float x = min(color.r, min(color.g, color.b));
    float offset = x < 0.08 ? x - 6.25 * x * x : 0.04;
    color -= offset;
    float peak = max(color.r, max(color.g, color.b));
    if (peak < startCompression) return color;
    const float d = 1.0 - startCompression;
    float newPeak = 1.0 - d * d / (peak + d - startCompression);
    color *= newPeak / peak;
    float g = 1.0 - 1.0 / (desaturation * (peak - newPeak) + 1.0);
    return mix(color, vec3(newPeak), g);
}

vec3 linearToSrgb(vec3 c) {
    c = clamp(c, 0.0, 1.0);
    return mix(c * 12.92, 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055, step(vec3(0.0031308), c));
}

// Framebuffers that are not sRGB-encoded get the encoding from the shader instead.
uniform bool u_encodeSrgb;

vec4 outputColor(vec3 linear, float alpha) {
    return vec4(u_encodeSrgb ? linearToSrgb(linear) : linear, alpha);
}
