// Writes each top-level shader (*.vert, *.frag) of shaders/ with its includes
// expanded, as the renderer compiles it, so offline tools such as
// glslangValidator check exactly what the driver sees. The fragment stages
// compiled with features (render/programs.h: kSurfaceSources, kCasterSources)
// are written twice: with none (pbr.frag) and with every one
// (pbr-all-features.frag).
//
//   shader_expand OUT_DIR            (reads the shaders embedded in the binary,
//                                     or FRICHE_SHADER_DIR when it is set)
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string_view>

#include "render/embedded_shaders.h"
#include "render/programs.h"
#include "render/shader_library.h"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: shader_expand OUT_DIR\n");
        return 2;
    }
    const std::filesystem::path out(argv[1]);
    std::filesystem::create_directories(out);
    int failures = 0;
    for (std::size_t i = 0; i < friche::render::kEmbeddedShaderCount; ++i) {
        const std::string name(friche::render::kEmbeddedShaders[i].name);
        if (!name.ends_with(".vert") && !name.ends_with(".frag")) continue;
        friche::gfx::ShaderSource source;
        friche::core::Problems problems;
        if (!friche::render::loadShader(name, source, problems)) {
            for (const auto& p : problems.list())
                std::fprintf(stderr, "%s\n", friche::core::formatProblem(name, p).c_str());
            ++failures;
            continue;
        }
        std::ofstream(out / name, std::ios::binary) << source.text;
        for (const auto& variants :
             {friche::render::kSurfaceSources, friche::render::kCasterSources,
              friche::render::kPostSources}) {
            if (name != variants.fragment) continue;
            const auto& macros = variants.macros;
            friche::render::addDefines(
                source, friche::render::featureDefines((1u << macros.size()) - 1, macros));
            const std::string stem = name.substr(0, name.size() - 5);
            std::ofstream(out / (stem + "-all-features.frag"), std::ios::binary) << source.text;
        }
    }
    return failures == 0 ? 0 : 1;
}
