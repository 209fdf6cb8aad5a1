#include "render/tiles.h"

#include <algorithm>

#include "gfx/gl.h"
#include "render/ambient_occlusion.h"
#include "render/bloom.h"

namespace friche::render {

namespace {

// The multisampled HDR target costs about 52 bytes a pixel (RGBA16F, R8 and
// depth, four samples each): a 4K UHD pass takes 430 MB, an 8K one would take
// 1.7 GB. Larger images are drawn in passes of at most this many pixels.
constexpr long long kMaxTilePixels = 3840LL * 2160LL;

int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
}

glm::ivec4 intersect(const glm::ivec4& a, const glm::ivec4& b) {
    const int x0 = std::max(a.x, b.x), y0 = std::max(a.y, b.y);
    const int x1 = std::min(a.x + a.z, b.x + b.z), y1 = std::min(a.y + a.w, b.y + b.w);
    return {x0, y0, std::max(0, x1 - x0), std::max(0, y1 - y0)};
}

}  // namespace

glm::ivec2 tileLimit(glm::ivec2 requested) {
    GLint viewport[2] = {0, 0}, texture = 0;
    glGetIntegerv(GL_MAX_VIEWPORT_DIMS, viewport);
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &texture);
    glm::ivec2 limit(std::min(viewport[0], texture), std::min(viewport[1], texture));
    if (requested.x > 0 && requested.y > 0) limit = glm::min(limit, requested);
    return limit;
}

std::vector<glm::ivec4> tilesFor(int width, int height, glm::ivec2 limit) {
    limit = glm::max(limit, glm::ivec2(1));
    int columns = ceilDiv(width, limit.x), rows = ceilDiv(height, limit.y);
    // Then within the memory cap, splitting the longer side of a tile first.
    while (static_cast<long long>(ceilDiv(width, columns)) * ceilDiv(height, rows) >
           kMaxTilePixels) {
        if (ceilDiv(width, columns) >= ceilDiv(height, rows))
            ++columns;
        else
            ++rows;
    }
    const int w = ceilDiv(width, columns), h = ceilDiv(height, rows);
    std::vector<glm::ivec4> tiles;
    for (int y = 0; y < height; y += h)
        for (int x = 0; x < width; x += w)
            tiles.emplace_back(x, y, std::min(w, width - x), std::min(h, height - y));
    return tiles;
}

std::optional<ViewParams> cropView(const ViewParams& whole, const glm::ivec4& tile,
                                   glm::ivec2 guard) {
    const glm::ivec4& vp = whole.viewport;
    const glm::ivec4 shown = intersect(vp, tile);
    if (shown == vp) return whole;
    const glm::ivec4 cut = intersect(shown, whole.scissor.z > 0 ? whole.scissor : vp);
    if (cut.z == 0 || cut.w == 0) return std::nullopt;
    const glm::ivec4 part = intersect(
        vp, {tile.x - guard.x, tile.y - guard.y, tile.z + 2 * guard.x, tile.w + 2 * guard.y});
    // The part's edges in the whole viewport's normalised device coordinates,
    // stretched back to [-1, 1] after the whole projection (in clip space, so
    // it holds for perspective and orthographic projections alike).
    const glm::vec2 size(vp.z, vp.w);
    const glm::vec2 lo = 2.0f * glm::vec2(part.x - vp.x, part.y - vp.y) / size - 1.0f;
    const glm::vec2 hi =
        2.0f * glm::vec2(part.x + part.z - vp.x, part.y + part.w - vp.y) / size - 1.0f;
    const glm::vec2 scale = 2.0f / (hi - lo), offset = -(hi + lo) / (hi - lo);
    glm::mat4 narrow(1.0f);
    narrow[0][0] = scale.x;
    narrow[1][1] = scale.y;
    narrow[3][0] = offset.x;
    narrow[3][1] = offset.y;
    ViewParams tiled = whole;
    tiled.projection = narrow * whole.projection;
    tiled.wholeProjection = whole.wholeProjection.value_or(whole.projection);
    tiled.wholeHeight = whole.wholeImageHeight();
    tiled.viewport = part;
    tiled.scissor = cut;
    return tiled;
}

void drawInTiles(Renderer& renderer, const GpuModel& gpu, const ViewParams& whole, glm::ivec2 limit,
                 const std::function<void()>& drawn) {
    const glm::ivec4& vp = whole.viewport;
    if (vp.z <= limit.x && vp.w <= limit.y) {
        renderer.draw(gpu, whole);
        if (drawn) drawn();
        return;
    }
    // Each tile with its guard band within the limit: around it, what the ambient
    // occlusion and the bloom read, so the tiles meet without a seam; at most a
    // quarter of a tile, so small tiles stay few.
    const int glow = whole.lighting.bloom ? bloomReach(bloomLevels(whole.wholeImageHeight())) : 0;
    const glm::ivec2 guard = glm::min(glm::ivec2(std::max(kOcclusionReach, glow)), limit / 4);
    const glm::ivec2 inner = glm::max(limit - 2 * guard, glm::ivec2(1));
    for (const glm::ivec4& t : tilesFor(vp.z, vp.w, inner)) {
        const auto tiled = cropView(whole, {vp.x + t.x, vp.y + t.y, t.z, t.w}, guard);
        if (!tiled) continue;
        renderer.draw(gpu, *tiled);
        if (drawn) drawn();
    }
}

}  // namespace friche::render
