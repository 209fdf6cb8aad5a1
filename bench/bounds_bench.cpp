// What the hostile-file bounds cost a normal load (issue 13): the pass over
// the JSON that measures nesting, counts and the memory estimate, and the
// memory limit read from /proc, against the whole io::loadModel they are part
// of. Prints, per file, the load time, the checks' time and the ratio of
// today's load to a load without them (target <= 1.1).
//
//   build/bench/friche_bounds_bench [ROUNDS]
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/file.h"
#include "core/json_shape.h"
#include "core/memory.h"
#include "io/load.h"

namespace {

using Clock = std::chrono::steady_clock;

// The JSON of a .gltf, or of a .glb's first chunk.
std::string_view jsonOf(const std::vector<std::uint8_t>& bytes) {
    const char* text = reinterpret_cast<const char*>(bytes.data());
    if (bytes.size() < 20 || std::memcmp(text, "glTF", 4) != 0) return {text, bytes.size()};
    std::uint32_t length = 0;
    std::memcpy(&length, text + 12, 4);
    return {text + 20, std::min<std::size_t>(length, bytes.size() - 20)};
}

// The median of `rounds` timings of `f`, in milliseconds.
template <class F>
double medianMs(int rounds, F&& f) {
    std::vector<double> ms;
    for (int i = 0; i < rounds; ++i) {
        const auto start = Clock::now();
        f();
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::nth_element(ms.begin(), ms.begin() + rounds / 2, ms.end());
    return ms[static_cast<std::size_t>(rounds / 2)];
}

}  // namespace

int main(int argc, char** argv) {
    const int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
    const std::filesystem::path corpus = FRICHE_CORPUS_DIR;
    const std::filesystem::path files[] = {
        FRICHE_BIG_GLB,
        corpus / "glTF-Sample-Assets/Models/DamagedHelmet/glTF-Binary/DamagedHelmet.glb",
        corpus / "glTF-Sample-Assets/Models/VC/glTF-Binary/VC.glb",
        corpus / "glTF-Sample-Assets/Models/AlphaBlendModeTest/glTF-Binary/AlphaBlendModeTest.glb",
        corpus / "glTF-Sample-Models/2.0/2CylinderEngine/glTF-Binary/2CylinderEngine.glb"};
    std::printf("%-24s %10s %10s %7s\n", "file", "load ms", "checks ms", "ratio");
    for (const auto& file : files) {
        std::string error;
        const auto bytes = friche::core::readFile(file, error);
        if (!bytes) {
            std::fprintf(stderr, "%s\n", error.c_str());
            return 1;
        }
        const std::string_view json = jsonOf(*bytes);
        const double load = medianMs(rounds, [&] {
            if (!friche::io::loadModel(file).ok())
                std::fprintf(stderr, "cannot load %s\n", file.c_str());
        });
        // As many passes as a load makes: the shape and limit before parsing,
        // the limit again before converting.
        const double checks = medianMs(rounds * 10, [&] {
            volatile std::size_t sink =
                friche::core::measureJson(json, friche::core::kMaxJsonDepth).values +
                friche::core::memoryLimit() + friche::core::memoryLimit();
            (void)sink;
        });
        std::printf("%-24s %10.2f %10.3f %7.3f\n", file.filename().c_str(), load, checks,
                    load / (load - checks));
    }
    return 0;
}
