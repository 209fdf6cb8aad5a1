// Shader sources by file name, with `#include "file"` expanded and every file
// marked with `#line`, so the driver's messages map back to "file:line".
//
//   gfx::ShaderSource vs;
//   if (!render::loadShader("pbr.vert", vs, problems)) ...;
//   gfx::Program p = render::buildProgram("pbr.vert", "pbr.frag", "pbr", problems);
//   gfx::Program q = render::buildProgram(..., problems, "#define FRICHE_WATER\n");
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

// `defines` (whole lines, "#define NAME\n") go right after the #version line,
// where the #line marks keep every message's file and line as they were.
void addDefines(gfx::ShaderSource& source, const std::string& defines);

// Loads both stages, adds `defines` to both, and links them; an empty program,
// with problems, if either fails.
gfx::Program buildProgram(const char* vertex, const char* fragment, const char* label,
                          core::Problems& problems, const std::string& defines = {});

}  // namespace friche::render
