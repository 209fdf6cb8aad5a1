// H.264 video files (MP4, yuv420p, BT.709) from RGB frames, through FFmpeg's
// libraries: what `friche video` writes. CPU only; no GL in sight.
//
//   auto video = media::VideoEncoder::open({.path = "tour.mp4", .width = 1920, .height = 1080},
//                                          problems);
//   if (!video) ...;                                 // problems names the path and what failed
//   for (...) if (!video->addFrame(rgb, true, problems)) ...;  // GL rows: bottom row first
//   if (!video->finish(problems)) ...;               // only now does tour.mp4 appear
//
// The file is written under a temporary name in the same folder as `path`
// (".tour.mp4.partial-<pid>") and renamed onto it by finish(), so a reader never
// sees half a video; an encoder destroyed without a successful finish() deletes
// the temporary file, so an interrupted export leaves nothing behind.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>

#include "core/problem.h"

namespace friche::media {

struct VideoDesc {
    std::filesystem::path path;  // the finished file; its folder must exist
    int width = 0;               // pixels; both even (4:2:0 halves the chroma planes)
    int height = 0;
    int fps = 30;  // frames per second, and the time base (1/fps)
    int crf = 20;  // libx264's constant rate factor, 1 (best) .. 51; 20 keeps thin
                   // outlines and panel text crisp at modest size. Not 0: lossless
                   // needs a profile beyond High, which browsers do not play.
};

class VideoEncoder {
public:
    // nullptr with an error problem (where: the path) if the size is odd or not
    // positive, the folder is missing or unwritable, or no H.264 encoder opens.
    static std::unique_ptr<VideoEncoder> open(const VideoDesc& desc, core::Problems& problems);
    // Without a successful finish(): closes and deletes the temporary file.
    ~VideoEncoder();
    VideoEncoder(const VideoEncoder&) = delete;
    VideoEncoder& operator=(const VideoEncoder&) = delete;

    // Encodes one frame: width*height RGB24 pixels, rows of width*3 bytes with no
    // padding, sRGB-encoded (what OffscreenTarget reads back). bottomUp: the first
    // row is the image's bottom one, as glReadPixels returns them (no copy is
    // made to flip them). False with a problem if encoding or writing fails (the
    // encoder is then unusable and its temporary file already deleted), or after
    // finish().
    bool addFrame(const std::uint8_t* rgb, bool bottomUp, core::Problems& problems);

    // Flushes the frames the encoder still holds, writes the MP4's index, and
    // renames the temporary file onto the path (replacing a file there). True once
    // that has happened; a second call does nothing and returns true again. False
    // with a problem, and the temporary file deleted, if it fails or no frame was
    // added.
    bool finish(core::Problems& problems);

    // Frames accepted by addFrame() so far (the encoder may still hold the last few).
    int framesWritten() const;
    // The temporary file being written, e.g. for a message; empty after finish().
    const std::filesystem::path& temporaryPath() const;

private:
    struct State;  // FFmpeg's objects, kept out of this header
    explicit VideoEncoder(std::unique_ptr<State> state);
    std::unique_ptr<State> state_;
};

}  // namespace friche::media
