// Quality tiers held to a frame budget. While the view moves (a drag, a
// camera flight, the story playing) or what it shows does (water, smoke,
// trees, traffic), the viewer draws at the best tier whose frames the GPU
// finishes within the budget: first a smaller frame stretched over the screen
// (dynamic resolution), then one sample a pixel instead of four, its edges
// smoothed by a filter (render/scaled_target.h), then no ambient occlusion.
// A view at rest where nothing moves, a still and a video are drawn at full
// quality.
//
//   render::QualityGovernor quality(1000.0 / 60.0);
//   quality.tier().apply(view);  renderer.draw(gpu, view);
//   quality.observe(renderer.stats(), 1);
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

#include "render/renderer.h"

namespace friche::render {

struct QualityTier {
    float resolutionScale = 1.0f;
    int samples = 4;
    bool ambientOcclusion = true;  // false turns it off; true leaves the view's choice

    void apply(ViewParams& view) const;
    // "70 %, 4x MSAA", "50 %, 1 sample smoothed, no occlusion": for F3 and a kiosk's log.
    std::string describe() const;
    // What a frame's scalable passes cost at this tier against the full one
    // (every pass but the shadow cascades, which no tier changes).
    double relativeCost() const;
};

// Best first.
inline constexpr std::array<QualityTier, 6> kQualityTiers{{{1.0f, 4, true},
                                                           {0.85f, 4, true},
                                                           {0.7f, 4, true},
                                                           {0.7f, 1, true},
                                                           {0.5f, 1, true},
                                                           {0.5f, 1, false}}};

class QualityGovernor {
public:
    explicit QualityGovernor(double budgetMs) : budgetMs_(budgetMs) {}

    // The renderer's statistics after a frame drawn at tier(), a frame of the
    // screen being `draws` draws (compare mode's two sides: 2). Its timer
    // queries come back a frame or two late: times measured before the tier
    // last changed are left out, and so is a frame seen before.
    void observe(const FrameStats& stats, int draws);
    std::size_t level() const { return level_; }
    const QualityTier& tier() const { return kQualityTiers[level_]; }
    // Whether the lightest tier's frames fit the budget, as the last window of
    // frames tells it; true until one is measured. Where they do not (a
    // software rasteriser at 60 Hz), a view at rest is drawn once, sharp,
    // rather than kept moving at a rate that cannot look smooth.
    bool holds() const { return holds_; }
    // A frame drawn at full quality outside the governor (a view at rest):
    // its times tell nothing of tier()'s.
    void drawnAtFull(const FrameStats& stats);
    // Full quality, as at the start (another site is shown); holds() kept.
    void reset();

private:
    static constexpr std::size_t kWindow = 4;  // frames whose median decides

    double budgetMs_;
    std::size_t level_ = 0;
    std::uint64_t firstAtLevel_ = 0, seen_ = 0;
    std::array<double, kWindow> fixed_{}, scalable_{};  // ms: shadows; the rest
    std::size_t count_ = 0;
    int calm_ = 0;        // observations since the last change that would allow a step up
    int calmNeeded_ = 8;  // doubled each time a step up had to be taken back
    bool steppedUp_ = false;
    bool holds_ = true;
};

}  // namespace friche::render
