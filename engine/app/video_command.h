// `friche video PATH -o OUT.mp4 ...`: the story as an H.264 video, with no
// display. Its frames are the stills of the same moments: the same Story, the
// same drawStory, the same panels.
#pragma once

#include "app/cli.h"

namespace friche::app {

// The exit status when Ctrl+C (or SIGTERM) stopped an export: 128 + SIGINT, as shells report it.
inline constexpr int kExitInterrupted = 130;

int runVideo(const VideoCommand& cmd);

}  // namespace friche::app
