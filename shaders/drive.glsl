// Traffic: the instances of a node that drives (scene::Node::drive) move
// along their own +X, each looping over a span of road centred on the node's
// instances, so a lane of cars flows and never empties. At time 0 each stands
// where it was placed: a still shows the file's layout.
#ifndef FRICHE_DRIVE_GLSL
#define FRICHE_DRIVE_GLSL

uniform vec2 u_drive;        // speed m/s, span m; speed 0: standing still
uniform vec3 u_driveCentre;  // world space, the middle of the loop
uniform float u_time;

// Where the instance's origin moves to, world space, from its matrix.
vec3 driveOffset(mat4 instance) {
    if (u_drive.x == 0.0) return vec3(0.0);
    vec3 forward = normalize(instance[0].xyz);
    float along = dot(instance[3].xyz - u_driveCentre, forward);
    float halfSpan = 0.5 * u_drive.y;
    float moved = mod(along + u_time * u_drive.x + halfSpan, u_drive.y) - halfSpan;
    return forward * (moved - along);
}

#endif
