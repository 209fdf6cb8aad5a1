// Industrial building shapes as plain triangle geometry, for the large
// benchmark model: tessellated halls with gable roofs, and silos/chimneys.
//
//   glbkit::Geometry body, roof;
//   biggen::addHall(body, roof, {30, 12, 8});
//
// Shapes append to a Geometry in the shape's own space (origin at the centre of
// its footprint, +Y up, metres), with flat normals on planar faces and smooth
// normals around cylinders. Everything is deterministic.
#pragma once

#include "glbkit/geometry.h"

namespace biggen {

using glbkit::Geometry;

struct HallSize {
    float length, width, height;  // x, z, y, in metres
};

// Walls into `body`, a pitched roof (with its gable ends) into `roof`.
void addHall(Geometry& body, Geometry& roof, const HallSize& size);

// A vertical cylinder of `radius` and `height` with a conical cap into `cap`.
void addSilo(Geometry& body, Geometry& cap, float radius, float height);

}  // namespace biggen
