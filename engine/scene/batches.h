// Many small primitives drawn as few: a file of 300,000 one-box nodes must not
// cost 300,000 draw calls a pass. Pure CPU; the renderer uploads each batch as
// one primitive already in world space.
//
//   auto items = scene::buildDrawList(model, s);
//   scene::Batching plan = scene::planBatches(model, items);
//   for (const auto& batch : plan.batches) upload(scene::mergeBatch(model, items, batch));
//   for (std::size_t i : plan.loose) draw items[i] as it is
//
// A batch holds draw items that share material (and variants), mode,
// attributes and mirroring, in draw-list order, so a subtree's nodes lie next
// to each other and per-node looks (scene::NodeLook) split it into few runs.
// A run is culled by its members' bounds together, and a blended run is sorted
// back to front as one: the price of thousands of nodes at interactive rates.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "scene/draw_list.h"
#include "scene/model.h"

namespace friche::scene {

// Below this many items a scene is drawn item by item, as modelled: batching
// only pays for itself where draw calls, not vertices, take the time.
inline constexpr std::size_t kBatchFromItems = 2048;
// Primitives larger than this are drawn alone: one draw call is nothing next to
// their vertices, and a copy in world space would double their memory.
inline constexpr std::size_t kBatchPrimitiveVertices = 4096;
// A batch's vertices at most: 16-bit indices, and bounds small enough to cull.
inline constexpr std::size_t kBatchVertices = 65536;

struct Batching {
    std::vector<std::vector<std::size_t>> batches;  // indices into the draw list
    std::vector<std::size_t> loose;                 // drawn one by one
};

// Every item loose when the list is short; otherwise the small primitives
// grouped (strips, fans and loops as the lists they stand for). O(n log n).
Batching planBatches(const Model& model, const std::vector<DrawItem>& items);

struct MergedBatch {
    Primitive primitive;  // world space, always indexed
    // Where each member's indices end: member i draws [ends[i-1], ends[i]).
    std::vector<std::uint32_t> ends;
    std::vector<Bounds> bounds;  // each member's, world space
};

// The members of `batch` transformed into one primitive.
MergedBatch mergeBatch(const Model& model, const std::vector<DrawItem>& items,
                       const std::vector<std::size_t>& batch);

}  // namespace friche::scene
