// Shader sources by file name, with `#include "file"` expanded and every file
// marked with `#line`, so the driver's messages map back to "file:line".
//
//   gfx::ShaderSource vs;
//   if (!render::loadShader("pbr.vert", vs, problems)) ...;
//   gfx::Program p = render::buildProgram("pbr.vert", "pbr.frag", "pbr", problems);
//
// The sources come from the binary (embedded at build time), or from the
// folder named by the environment variable FRICHE_SHADER_DIR when it is set:
// edit shaders without rebuilding (and, later, hot reload).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "core/problem.h"
#include "gfx/program.h"

namespace friche::render {

// The folder FRICHE_SHADER_DIR names, if it is set: the one place that reads it.
std::optional<std::filesystem::path> shaderFolder();

bool loadShader(const std::string& file, gfx::ShaderSource& out, core::Problems& problems);

// Loads both stages and links them; an empty program, with problems, if either fails.
gfx::Program buildProgram(const char* vertex, const char* fragment, const char* label,
                          core::Problems& problems);

}  // namespace friche::render
