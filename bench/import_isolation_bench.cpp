// The cost of running Assimp in a child process (io/import_child.h) on files
// that load fine: io::loadWithAssimp (fork, import, hand the model back over a
// pipe) against io::importWithAssimpHere (the same import in this process).
// Not a test. Target: a ratio of at most 1.1.
//
//   build/bench/friche_import_isolation_bench [REPEATS] [--cold]     (default 5)
//
// --cold loads each time in a fresh process, as `friche check FILE` does: no
// memory mapped by an earlier load to reuse, on either side.
//
// The shared corpus holds no OBJ, Collada or FBX, so the inputs are its
// largest glb files and the build's big.glb read through Assimp's glTF
// importer, and an OBJ grid of half a million triangles written here. Each
// file is loaded both ways REPEATS times, alternately, and the fastest of each
// is kept, so that both see the same machine load.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "io/load.h"

namespace fs = std::filesystem;
using friche::io::LoadResult;

namespace {

using Clock = std::chrono::steady_clock;

// A flat grid of `side` x `side` quads with texture coordinates: what a
// terrain or a scanned facade exported to OBJ looks like.
fs::path writeObjGrid(const fs::path& folder, int side) {
    const fs::path path = folder / "grid.obj";
    std::ofstream out(path);
    for (int z = 0; z <= side; ++z)
        for (int x = 0; x <= side; ++x)
            out << "v " << x << " " << (x * z) % 7 * 0.1 << " " << z << "\nvt "
                << static_cast<double>(x) / side << " " << static_cast<double>(z) / side << "\n";
    const auto at = [side](int x, int z) { return z * (side + 1) + x + 1; };
    for (int z = 0; z < side; ++z)
        for (int x = 0; x < side; ++x)
            out << "f " << at(x, z) << "/" << at(x, z) << " " << at(x, z + 1) << "/" << at(x, z + 1)
                << " " << at(x + 1, z + 1) << "/" << at(x + 1, z + 1) << " " << at(x + 1, z) << "/"
                << at(x + 1, z) << "\n";
    return path;
}

// Milliseconds one load took, or -1 if it failed.
double millisecondsToLoad(bool isolated, const fs::path& path) {
    const auto load = isolated ? friche::io::loadWithAssimp : friche::io::importWithAssimpHere;
    const auto start = Clock::now();
    const LoadResult r = load(path);
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    if (!r.ok()) {
        std::fprintf(stderr, "cannot load %s\n", path.c_str());
        return -1;
    }
    return ms;
}

// The same in a fresh process: this program again, with --one.
double millisecondsToLoadCold(bool isolated, const fs::path& path) {
    const std::string command = "'" + fs::read_symlink("/proc/self/exe").string() + "' --one " +
                                (isolated ? "child" : "here") + " '" + path.string() + "'";
    FILE* out = popen(command.c_str(), "r");
    double ms = -1;
    if (out == nullptr || std::fscanf(out, "%lf", &ms) != 1) ms = -1;
    if (out != nullptr && pclose(out) != 0) ms = -1;
    return ms;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 4 && std::string(argv[1]) == "--one") {
        const double ms = millisecondsToLoad(std::string(argv[2]) == "child", argv[3]);
        std::printf("%f\n", ms);
        return ms < 0 ? 1 : 0;
    }
    const bool cold = argc > 2 && std::string(argv[2]) == "--cold";
    const auto time = cold ? millisecondsToLoadCold : millisecondsToLoad;
    const int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
    const fs::path scratch = fs::temp_directory_path() / "friche_import_isolation_bench";
    fs::create_directories(scratch);
    const fs::path corpus = FRICHE_CORPUS_DIR;
    const std::vector<fs::path> files = {
        FRICHE_BIG_GLB,
        corpus / "glTF-Sample-Assets/Models/DamagedHelmet/glTF-Binary/DamagedHelmet.glb",
        corpus / "glTF-Sample-Assets/Models/VC/glTF-Binary/VC.glb",
        corpus / "glTF-Sample-Models/2.0/2CylinderEngine/glTF-Binary/2CylinderEngine.glb",
        writeObjGrid(scratch, 500),
    };
    std::printf("%-22s %12s %12s %7s\n", "file", "here (ms)", "child (ms)", "ratio");
    double hereTotal = 0, childTotal = 0;
    for (const fs::path& file : files) {
        double here = 1e30, child = 1e30;
        for (int i = 0; i < repeats; ++i) {
            here = std::min(here, time(false, file));
            child = std::min(child, time(true, file));
        }
        if (here < 0 || child < 0) return 1;
        std::printf("%-22s %12.1f %12.1f %7.3f\n", file.filename().c_str(), here, child,
                    child / here);
        hereTotal += here;
        childTotal += child;
    }
    std::printf("all files: %.1f ms here, %.1f ms in a child, ratio %.3f (target <= 1.1)\n",
                hereTotal, childTotal, childTotal / hereTotal);
    fs::remove_all(scratch);
    return 0;
}
