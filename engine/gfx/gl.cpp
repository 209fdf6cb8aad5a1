#include "gfx/gl.h"

#include <cstdio>

namespace friche::gfx {

int loadGl(GetProcAddress getProc) {
    const int version = gladLoadGL(reinterpret_cast<GLADloadfunc>(getProc));
    if (version == 0) return 0;
    return GLAD_VERSION_MAJOR(version) * 10 + GLAD_VERSION_MINOR(version);
}

static void GLAPIENTRY onDebugMessage(GLenum, GLenum type, GLuint, GLenum severity, GLsizei,
                                      const GLchar* message, const void*) {
    if (severity == GL_DEBUG_SEVERITY_NOTIFICATION) return;
    std::fprintf(stderr, "GL %s: %s\n", type == GL_DEBUG_TYPE_ERROR ? "error" : "debug", message);
}

bool enableDebugOutput() {
    if (!GLAD_GL_KHR_debug && !GLAD_GL_VERSION_4_3) return false;
    glEnable(GL_DEBUG_OUTPUT);
    glEnable(GL_DEBUG_OUTPUT_SYNCHRONOUS);
    glDebugMessageCallback(onDebugMessage, nullptr);
    return true;
}

static std::string glString(GLenum name) {
    const GLubyte* s = glGetString(name);
    return s ? std::string(reinterpret_cast<const char*>(s)) : std::string("?");
}

std::string describeContext() {
    return "OpenGL " + glString(GL_VERSION) + " / " + glString(GL_RENDERER);
}

bool softwareRasteriser() {
    const std::string renderer = glString(GL_RENDERER);
    for (const char* name : {"llvmpipe", "softpipe", "SwiftShader"})
        if (renderer.find(name) != std::string::npos) return true;
    return false;
}

}  // namespace friche::gfx
