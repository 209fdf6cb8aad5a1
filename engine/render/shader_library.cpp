#include "render/shader_library.h"

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <sstream>

#include "core/file.h"
#include "render/embedded_shaders.h"

namespace friche::render {

std::optional<std::filesystem::path> shaderFolder() {
    const char* dir = std::getenv("FRICHE_SHADER_DIR");
    if (!dir || !*dir) return std::nullopt;
    return std::filesystem::path(dir);
}

namespace {

// Deeper than any honest include chain; stops a file that includes itself.
constexpr int kMaxIncludeDepth = 8;

std::optional<std::string> readSource(const std::string& file, std::string& error) {
    if (const auto folder = shaderFolder()) {
        auto bytes = core::readFile(*folder / file, error);
        if (!bytes) return std::nullopt;
        return std::string(bytes->begin(), bytes->end());
    }
    for (std::size_t i = 0; i < kEmbeddedShaderCount; ++i) {
        if (kEmbeddedShaders[i].name == file) return std::string(kEmbeddedShaders[i].text);
    }
    error = "no shader named " + file + " in the binary";
    return std::nullopt;
}

// `#include "name"` -> name, or nullopt if the line is something else.
std::optional<std::string> includedName(const std::string& line) {
    const auto hash = line.find_first_not_of(" \t");
    if (hash == std::string::npos || line.compare(hash, 8, "#include") != 0) return std::nullopt;
    const auto open = line.find('"', hash + 8);
    const auto close = open == std::string::npos ? open : line.find('"', open + 1);
    if (close == std::string::npos) return std::nullopt;
    return line.substr(open + 1, close - open - 1);
}

class Expander {
public:
    Expander(gfx::ShaderSource& out, core::Problems& problems) : out_(out), problems_(problems) {}

    bool expand(const std::string& file, const std::string& from, int depth) {
        std::string error;
        auto text = readSource(file, error);
        if (!text) {
            problems_.error("SHADER_MISSING", from.empty() ? file : from, error);
            return false;
        }
        if (depth > kMaxIncludeDepth) {
            problems_.error("SHADER_INCLUDE", from, "includes nest deeper than 8 (a cycle?)");
            return false;
        }
        const int index = static_cast<int>(out_.files.size());
        out_.files.push_back(file);
        std::istringstream lines(*text);
        std::string line;
        int number = 0;
        while (std::getline(lines, line)) {
            ++number;
            auto name = includedName(line);
            if (!name) {
                out_.text += line + "\n";
                // #version must stay first; mark the file right after it.
                if (number == 1 && depth == 0)
                    out_.text += "#line 2 " + std::to_string(index) + "\n";
                continue;
            }
            out_.text += "#line 1 " + std::to_string(out_.files.size()) + "\n";
            if (!expand(*name, file + ":" + std::to_string(number), depth + 1)) return false;
            out_.text += "#line " + std::to_string(number + 1) + " " + std::to_string(index) + "\n";
        }
        return true;
    }

private:
    gfx::ShaderSource& out_;
    core::Problems& problems_;
};

}  // namespace

bool loadShader(const std::string& file, gfx::ShaderSource& out, core::Problems& problems) {
    out = {};
    return Expander(out, problems).expand(file, "", 0);
}

void addDefines(gfx::ShaderSource& source, const std::string& defines) {
    const auto afterVersion = source.text.find('\n');
    source.text.insert(afterVersion == std::string::npos ? source.text.size() : afterVersion + 1,
                       defines);
}

gfx::Program buildProgram(const char* vertex, const char* fragment, const char* label,
                          core::Problems& problems, const std::string& defines) {
    gfx::ShaderSource vs, fs;
    if (!loadShader(vertex, vs, problems) || !loadShader(fragment, fs, problems)) return {};
    addDefines(vs, defines);
    addDefines(fs, defines);
    return gfx::Program::build({.vertex = &vs, .fragment = &fs, .label = label}, problems);
}

}  // namespace friche::render
