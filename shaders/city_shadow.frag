#version 410 core
// A town's or a city's shadows from above (city_shadow.vert): 1 where one
// falls; a tree's, within its ellipse.
in vec2 v_disc;

layout(location = 0) out float o_shadow;

void main() {
    if (dot(v_disc, v_disc) > 1.0) discard;
    o_shadow = 1.0;
}
