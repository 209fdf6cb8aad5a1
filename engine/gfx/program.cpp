#include "gfx/program.h"

#include <charconv>
#include <sstream>

namespace friche::gfx {

namespace {

struct Placed {
    int file = 0;
    int line = 0;
    std::string message;
};

// Reads "A:B" or "A(B)" at the start of `text` (after an optional severity word).
bool placeMessage(std::string_view text, Placed& out) {
    for (std::string_view prefix : {"ERROR: ", "WARNING: "}) {
        if (text.substr(0, prefix.size()) == prefix) text.remove_prefix(prefix.size());
    }
    const char* p = text.data();
    const char* end = p + text.size();
    auto r1 = std::from_chars(p, end, out.file);
    if (r1.ec != std::errc() || r1.ptr == end || (*r1.ptr != ':' && *r1.ptr != '(')) return false;
    auto r2 = std::from_chars(r1.ptr + 1, end, out.line);
    if (r2.ec != std::errc()) return false;
    const char* rest = r2.ptr;
    // Skip the column, closing bracket and separators: "(5): ", ") : ", ": ".
    if (rest < end && *rest == '(') {
        while (rest < end && *rest != ')') ++rest;
    }
    while (rest < end && (*rest == ')' || *rest == ':' || *rest == ' ')) ++rest;
    out.message.assign(rest, end);
    return true;
}

std::string infoLog(GLuint object, bool isProgram) {
    GLint length = 0;
    isProgram ? glGetProgramiv(object, GL_INFO_LOG_LENGTH, &length)
              : glGetShaderiv(object, GL_INFO_LOG_LENGTH, &length);
    std::string log(static_cast<std::size_t>(length > 0 ? length : 0), '\0');
    if (length > 0) {
        isProgram ? glGetProgramInfoLog(object, length, nullptr, log.data())
                  : glGetShaderInfoLog(object, length, nullptr, log.data());
    }
    while (!log.empty() && (log.back() == '\0' || log.back() == '\n')) log.pop_back();
    return log;
}

Handle<detail::deleteShader> compile(GLenum stage, const ShaderSource& source,
                                     core::Problems& problems) {
    Handle<detail::deleteShader> shader(glCreateShader(stage));
    const char* text = source.text.c_str();
    glShaderSource(shader.id(), 1, &text, nullptr);
    glCompileShader(shader.id());
    GLint ok = GL_FALSE;
    glGetShaderiv(shader.id(), GL_COMPILE_STATUS, &ok);
    if (ok == GL_TRUE) return shader;
    reportInfoLog(infoLog(shader.id(), false), source, problems);
    return {};
}

}  // namespace

void reportInfoLog(const std::string& log, const ShaderSource& source, core::Problems& problems) {
    const std::string firstFile = source.files.empty() ? std::string("shader") : source.files[0];
    std::istringstream lines(log);
    std::string line;
    bool any = false;
    while (std::getline(lines, line)) {
        if (line.empty()) continue;
        Placed placed;
        std::string where = firstFile;
        std::string message = line;
        if (placeMessage(line, placed)) {
            const bool known =
                placed.file >= 0 && placed.file < static_cast<int>(source.files.size());
            where = (known ? source.files[static_cast<std::size_t>(placed.file)] : firstFile) +
                    ":" + std::to_string(placed.line);
            message = placed.message;
        }
        // Drivers also print warnings in a failed log; only errors stop the build.
        if (message.find("error") != std::string::npos ||
            message.find("ERROR") != std::string::npos) {
            problems.error("SHADER_COMPILE", where, message);
            any = true;
        }
    }
    if (!any)
        problems.error("SHADER_COMPILE", firstFile,
                       log.empty() ? "the shader did not compile" : log);
}

Program Program::build(const ProgramDesc& desc, core::Problems& problems) {
    if (!desc.vertex || !desc.fragment) {
        problems.error("SHADER_COMPILE", desc.label ? desc.label : "program", "a stage is missing");
        return {};
    }
    auto vs = compile(GL_VERTEX_SHADER, *desc.vertex, problems);
    auto fs = compile(GL_FRAGMENT_SHADER, *desc.fragment, problems);
    if (!vs || !fs) return {};
    Program p;
    p.handle_ = Handle<detail::deleteProgram>(glCreateProgram());
    glAttachShader(p.id(), vs.id());
    glAttachShader(p.id(), fs.id());
    glLinkProgram(p.id());
    glDetachShader(p.id(), vs.id());
    glDetachShader(p.id(), fs.id());
    GLint ok = GL_FALSE;
    glGetProgramiv(p.id(), GL_LINK_STATUS, &ok);
    if (ok != GL_TRUE) {
        problems.error("SHADER_LINK", desc.label ? desc.label : "program", infoLog(p.id(), true));
        return {};
    }
    setLabel(GL_PROGRAM, p.id(), desc.label);
    return p;
}

}  // namespace friche::gfx
