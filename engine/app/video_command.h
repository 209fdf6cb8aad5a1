// `friche video PATH -o OUT.mp4 ...`: the story as an H.264 video, with no
// display. Its frames are the stills of the same moments (app/video_frames.h).
// Ctrl+C or SIGTERM stops it with 128 + the signal (130 for Ctrl+C), as shells
// report a process the signal ended, and leaves no file.
#pragma once

#include "app/cli.h"

namespace friche::app {

int runVideo(const VideoCommand& cmd);

}  // namespace friche::app
