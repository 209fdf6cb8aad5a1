// Load times of whole files through io::loadModel, the path `friche` takes:
// the generated big.glb (about a million triangles over a thousand nodes) and
// DamagedHelmet (a small model with four 2048x2048 textures to decode). The
// big file also goes through Assimp, to show what the glTF route saves.
//
//   build/bench/friche_load_bench [--benchmark_filter=Big]
#include <benchmark/benchmark.h>

#include <filesystem>

#include "io/load.h"

namespace {

using friche::io::LoadResult;

void runLoad(benchmark::State& state, LoadResult (*load)(const std::filesystem::path&),
             const std::filesystem::path& path) {
    for (auto _ : state) {
        LoadResult r = load(path);
        if (!r.ok()) {
            state.SkipWithError(("cannot load " + path.string()).c_str());
            break;
        }
        benchmark::DoNotOptimize(r.model.meshes.data());
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                            static_cast<int64_t>(std::filesystem::file_size(path)));
}

void BM_LoadBigGlb(benchmark::State& state) {
    runLoad(state, friche::io::loadModel, FRICHE_BIG_GLB);
}

void BM_LoadBigGlbThroughAssimp(benchmark::State& state) {
    runLoad(state, friche::io::loadWithAssimp, FRICHE_BIG_GLB);
}

void BM_LoadDamagedHelmet(benchmark::State& state) {
    runLoad(state, friche::io::loadModel,
            std::filesystem::path(FRICHE_CORPUS_DIR) /
                "glTF-Sample-Assets/Models/DamagedHelmet/glTF-Binary/DamagedHelmet.glb");
}

}  // namespace

BENCHMARK(BM_LoadBigGlb)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_LoadBigGlbThroughAssimp)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_LoadDamagedHelmet)->Unit(benchmark::kMillisecond)->UseRealTime();

BENCHMARK_MAIN();
