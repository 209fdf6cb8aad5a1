#include "app/video_frames.h"

#include "render/readback_ring.h"
#include "render/story_frame.h"
#include "scene/tour.h"
#include "ui/scale_bar.h"
#include "ui/story_panels.h"
#include "ui/sun_panel.h"

namespace friche::app {

void stepStory(scene::Story& story, const FramePlan& plan, int i) {
    if (plan.tour) {
        if (i % plan.stepFrames == 0) {
            const scene::TourRun run{.tour = *plan.tour, .index = i / plan.stepFrames};
            scene::showStep(story, run.step(story.scenario()), plan.aspect,
                            i == 0 ? scene::Motion::AtOnce : scene::Motion::Animated);
        } else {
            story.advance(1.0 / plan.fps);
        }
        return;
    }
    if (plan.from && plan.to) {
        const double t = plan.frames > 1 ? static_cast<double>(i) / (plan.frames - 1) : 0.0;
        story.timeline().setPosition(*plan.from + (*plan.to - *plan.from) * t);
        return;
    }
    if (i > 0) {
        story.advance(1.0 / plan.fps);
        return;
    }
    story.timeline().setPosition(0.0);
    story.timeline().holdHere();
    story.timeline().play();
}

int drawFrames(scene::Story& story, const FramePlan& plan, HeadlessGl& gl,
               const render::ViewParams& look, OffscreenImGui* panels, const FrameSink& sink,
               const std::function<bool()>& stopped) {
    const render::OffscreenTarget& target = *gl.target;
    const int width = target.width(), height = target.height();
    const glm::vec2 size(static_cast<float>(width), static_cast<float>(height));
    render::ReadbackRing ring(width, height);
    int taken = 0;
    bool going = true;
    const auto hand = [&](std::optional<std::span<const std::uint8_t>> rows) {
        if (!rows) return false;
        going = going && !stopped() && sink(*rows);
        taken += going ? 1 : 0;
        return true;
    };
    for (int i = 0; i < plan.frames && going && !stopped(); ++i) {
        stepStory(story, plan, i);
        target.bind();
        render::ViewParams moment = look;
        moment.time = static_cast<float>(i) / static_cast<float>(plan.fps);
        render::drawStory(*gl.renderer, *gl.gpu, story, width, height, moment);
        if (panels) {
            target.bind();
            panels->draw([&] {
                ui::storyPanels(story, size);
                ui::northArrow(story, size);
                ui::scaleBar(story, size);
            });
        }
        ring.submit(target);
        hand(ring.take());
    }
    while (going && hand(ring.takeRemaining())) {
    }
    return taken;
}

}  // namespace friche::app
