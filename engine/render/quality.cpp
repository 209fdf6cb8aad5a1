#include "render/quality.h"

#include <algorithm>
#include <cstdio>

namespace friche::render {

namespace {

// What one sample instead of four, and no ambient occlusion, leave of the
// scalable passes' time: a prior, not a measurement. On llvmpipe (Seraing,
// 1920x1080, bench/scrub_bench.cpp --tier) one sample saved nothing
// measurable (and its edge smoothing costs a pass over the small frame) and
// no occlusion 3 %; on a GPU at 4K multisampling's memory traffic weighs
// more. A tier that saves less than promised is left at the next window of
// frames.
constexpr double kOneSampleCost = 0.8;
constexpr double kNoOcclusionCost = 0.95;
// A step down aims below the budget, a step up further below: no tier sits
// on the budget's edge, where one frame's noise would flip it.
constexpr double kDownAim = 0.85, kUpAim = 0.8;
constexpr int kMostCalmNeeded = 512;

double median(std::array<double, 4> v) {
    std::sort(v.begin(), v.end());
    return 0.5 * (v[1] + v[2]);
}

}  // namespace

void QualityTier::apply(ViewParams& view) const {
    view.resolutionScale = resolutionScale;
    view.samples = samples;
    view.lighting.ambientOcclusion = view.lighting.ambientOcclusion && ambientOcclusion;
}

std::string QualityTier::describe() const {
    char text[64];
    std::snprintf(text, sizeof text, "%.0f %%, %s%s", 100.0 * resolutionScale,
                  samples > 1 ? "4x MSAA" : "1 sample smoothed",
                  ambientOcclusion ? "" : ", no occlusion");
    return text;
}

double QualityTier::relativeCost() const {
    return static_cast<double>(resolutionScale * resolutionScale) *
           (samples > 1 ? 1.0 : kOneSampleCost) * (ambientOcclusion ? 1.0 : kNoOcclusionCost);
}

void QualityGovernor::observe(const FrameStats& stats, int draws) {
    const PassTimes& t = stats.gpu;
    if (!t.measured || t.frame <= seen_ || t.frame < firstAtLevel_) return;
    seen_ = t.frame;
    const double shadows = t.ms[static_cast<std::size_t>(Pass::Shadows)];
    fixed_[count_ % kWindow] = shadows * draws;
    scalable_[count_ % kWindow] = (t.total() - shadows) * draws;
    if (++count_ < kWindow) return;
    // The full tier's scalable cost, as this tier's frames tell it.
    const double fixed = median(fixed_);
    const double full = median(scalable_) / tier().relativeCost();
    const auto cost = [&](std::size_t level) {
        return fixed + full * kQualityTiers[level].relativeCost();
    };
    holds_ = cost(kQualityTiers.size() - 1) <= budgetMs_;
    std::size_t next = level_;
    if (cost(level_) > budgetMs_ && level_ + 1 < kQualityTiers.size()) {
        next = level_ + 1;
        while (next + 1 < kQualityTiers.size() && cost(next) > kDownAim * budgetMs_) ++next;
        if (steppedUp_ && count_ <= 2 * kWindow)
            calmNeeded_ = std::min(calmNeeded_ * 2, kMostCalmNeeded);
    } else if (level_ > 0 && cost(level_ - 1) <= kUpAim * budgetMs_ && ++calm_ >= calmNeeded_) {
        next = level_ - 1;
    }
    if (next == level_) return;
    steppedUp_ = next < level_;
    level_ = next;
    firstAtLevel_ = stats.frames + 1;
    count_ = 0;
    calm_ = 0;
}

void QualityGovernor::drawnAtFull(const FrameStats& stats) {
    if (level_ > 0) firstAtLevel_ = stats.frames + 1;
}

void QualityGovernor::reset() {
    const bool holds = holds_;  // the machine's, whatever the site
    *this = QualityGovernor(budgetMs_);
    holds_ = holds;
}

}  // namespace friche::render
