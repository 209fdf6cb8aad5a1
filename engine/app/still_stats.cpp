#include "app/still_stats.h"

#include "app/huge_pages.h"
#include "gfx/gl.h"

namespace friche::app {

void StillStats::start() {
    started_ = std::chrono::steady_clock::now();
}

void StillStats::add(render::Renderer& renderer) {
    const render::PassTimes& t = renderer.waitForPassTimes();
    for (std::size_t p = 0; p < render::kPassCount; ++p) gpu.ms[p] += t.ms[p];
    gpu.measured = draws == 0 ? t.measured : gpu.measured && t.measured;
    drawCalls += renderer.stats().drawCalls;
    shadowDrawCalls += renderer.stats().shadowDrawCalls;
    shadowsKept += renderer.stats().shadowsKept ? 1 : 0;
    prepassed += renderer.stats().depthPrepass ? 1 : 0;
    ++draws;
}

void StillStats::stop() {
    glFinish();
    wallMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started_)
                 .count();
}

void printStillStats(std::FILE* out, const StillStats& stats, int width, int height) {
    std::fprintf(out, "stats for a %dx%d still%s\n", width, height,
                 stats.gpu.measured ? "" : " (the GPU did not answer its timer queries)");
    for (std::size_t p = 0; p < render::kPassCount; ++p)
        std::fprintf(out, "gpu %-10s %10.3f ms\n", render::passName(static_cast<render::Pass>(p)),
                     stats.gpu.ms[p]);
    std::fprintf(out, "gpu %-10s %10.3f ms\n", "total", stats.gpu.total());
    std::fprintf(out, "draw calls     %10d\n", stats.drawCalls);
    std::fprintf(out, "shadow calls   %10d\n", stats.shadowDrawCalls);
    std::fprintf(out, "cascades kept  %10d (tiles and sides)\n", stats.shadowsKept);
    std::fprintf(out, "draws          %10d (tiles and sides)\n", stats.draws);
    std::fprintf(out, "depth first    %10d (draws with the depth pre-pass: on GPUs)\n",
                 stats.prepassed);
    std::fprintf(out, "wall           %10.3f ms\n", stats.wallMs);
    std::fprintf(out, "huge pages     %10d (malloc's, glibc.malloc.hugetlb)\n",
                 runsWithHugePages() ? 1 : 0);
    std::fflush(out);
}

}  // namespace friche::app
