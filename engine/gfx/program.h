// Shader programs, with errors that name the shader file and line.
//
//   gfx::ShaderSource vs = ...;  // text with `#line N K` markers; files[K] names source K
//   gfx::Program p = gfx::Program::build({.vertex = &vs, .fragment = &fs, .label = "pbr"},
//   problems); if (!p) ...;                  // problems holds "pbr.frag:42: 'foo' undeclared"
//   GLint loc = p.uniform("u_model");
//   p.set(loc, matrix);           // glProgramUniform*: no need to bind first
#pragma once

#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "core/problem.h"
#include "gfx/handle.h"

namespace friche::gfx {

// One stage's GLSL after include expansion. The text switches files with
// `#line N K`, where K indexes `files`, so a driver's "0:12" maps back to a name.
struct ShaderSource {
    std::string text;
    std::vector<std::string> files;
};

struct ProgramDesc {
    const ShaderSource* vertex = nullptr;
    const ShaderSource* fragment = nullptr;
    const char* label = nullptr;
};

class Program {
public:
    Program() = default;  // empty
    // Empty, with one problem per driver message ("file:line"), if a stage fails.
    static Program build(const ProgramDesc& desc, core::Problems& problems);

    GLint uniform(const char* name) const { return glGetUniformLocation(handle_.id(), name); }
    void use() const { glUseProgram(handle_.id()); }
    GLuint id() const { return handle_.id(); }
    explicit operator bool() const { return static_cast<bool>(handle_); }

    void set(GLint loc, int v) const { glProgramUniform1i(id(), loc, v); }
    void set(GLint loc, float v) const { glProgramUniform1f(id(), loc, v); }
    void set(GLint loc, const glm::vec2& v) const { glProgramUniform2fv(id(), loc, 1, &v.x); }
    void set(GLint loc, const glm::vec3& v) const { glProgramUniform3fv(id(), loc, 1, &v.x); }
    void set(GLint loc, const glm::vec4& v) const { glProgramUniform4fv(id(), loc, 1, &v.x); }
    void set(GLint loc, const glm::mat3& m) const {
        glProgramUniformMatrix3fv(id(), loc, 1, GL_FALSE, &m[0][0]);
    }
    void set(GLint loc, const glm::mat4& m) const {
        glProgramUniformMatrix4fv(id(), loc, 1, GL_FALSE, &m[0][0]);
    }
    void set(GLint loc, const int* v, int count) const { glProgramUniform1iv(id(), loc, count, v); }
    void set(GLint loc, const float* v, int count) const {
        glProgramUniform1fv(id(), loc, count, v);
    }
    void set(GLint loc, const glm::vec3* v, int count) const {
        glProgramUniform3fv(id(), loc, count, &v->x);
    }
    void set(GLint loc, const glm::vec4* v, int count) const {
        glProgramUniform4fv(id(), loc, count, &v->x);
    }
    void set(GLint loc, const glm::mat3* m, int count) const {
        glProgramUniformMatrix3fv(id(), loc, count, GL_FALSE, &(*m)[0][0]);
    }
    void set(GLint loc, const glm::mat4* m, int count) const {
        glProgramUniformMatrix4fv(id(), loc, count, GL_FALSE, &(*m)[0][0]);
    }

private:
    Handle<detail::deleteProgram> handle_;
};

// Turns a driver's info log into problems at "file:line". Understands Mesa
// ("0:12(5): error: ..."), NVIDIA ("0(12) : error C1008: ...") and AMD/Intel
// ("ERROR: 0:12: ..."); a line it cannot place is reported at the first file.
void reportInfoLog(const std::string& log, const ShaderSource& source, core::Problems& problems);

}  // namespace friche::gfx
