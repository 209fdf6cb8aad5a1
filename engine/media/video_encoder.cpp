#include "media/video_encoder.h"

#include <string>
#include <system_error>

#include "core/file.h"
#include "media/libav.h"

namespace friche::media {

namespace {

namespace fs = std::filesystem;

// libx264's speed/quality trade-off. Measured on 60 frames of a 1080p pan over
// the Seraing site at CRF 20 (2-core machine): medium took 3.3-4.3 s and came
// within 50.1 dB PSNR of a CRF 1 reference; fast 2.4-3.0 s, 49.2 dB; veryfast
// 1.5-2.2 s, 46.7 dB and a smaller file. The encoder shares the cores with a
// software rasteriser: over Seraing's whole timeline (bench/video_bench.cpp)
// medium made an export 1.30 times the steady frame time, veryfast 1.12, and
// 46.7 dB is still well past what an eye tells from the still.
constexpr const char* kPreset = "veryfast";
// A keyframe every two seconds: a browser's seek bar lands near where it is
// dropped, at a small cost in size over x264's default (250 frames, ~8 s).
constexpr int kKeyframeSeconds = 2;
// Bicubic for the chroma planes' 2:1 downsampling; accurate rounding and full
// horizontal chroma input so thin coloured edges (labels, outlines) do not bleed.
constexpr int kScaleFlags = SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INP;

std::string avError(const LibAv& av, int code) {
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    if (av.av_strerror(code, text, sizeof text) < 0) return "FFmpeg error " + std::to_string(code);
    return text;
}

std::string sizeText(int width, int height) {
    return std::to_string(width) + "x" + std::to_string(height);
}

}  // namespace

struct VideoEncoder::State {
    enum class Phase { Open, Finished, Failed };

    const LibAv* av = nullptr;  // opened before the state is made
    VideoDesc desc;
    fs::path temp;
    Phase phase = Phase::Open;
    bool created = false;  // the temporary file exists and is ours to delete
    int frames = 0;

    AVFormatContext* format = nullptr;
    AVStream* stream = nullptr;  // owned by format
    AVCodecContext* codec = nullptr;
    SwsContext* sws = nullptr;
    AVFrame* frame = nullptr;
    AVPacket* packet = nullptr;

    ~State() {
        if (phase != Phase::Finished) discard();
        av->sws_freeContext(sws);
        av->av_frame_free(&frame);
        av->av_packet_free(&packet);
        av->avcodec_free_context(&codec);
        if (format && format->pb) av->avio_closep(&format->pb);
        av->avformat_free_context(format);
    }

    // Closes and deletes the temporary file; the objects stay until destruction.
    void discard() {
        if (format && format->pb) av->avio_closep(&format->pb);
        if (created) {
            std::error_code ec;
            fs::remove(temp, ec);
            core::untrackTemporary(temp);
            created = false;
        }
    }

    bool fail(core::Problems& problems, const char* code, const std::string& message) {
        phase = Phase::Failed;
        discard();
        problems.error(code, desc.path.string(), message);
        return false;
    }

    bool openEncoder(core::Problems& problems) {
        // The mp4 muxer is named, not guessed from the extension: the temporary
        // name ends in ".partial-<pid>", and the output is MP4 whatever it is called.
        int err = av->avformat_alloc_output_context2(&format, nullptr, "mp4", temp.c_str());
        if (err < 0) return fail(problems, "VIDEO_MUXER", "no MP4 muxer: " + avError(*av, err));

        const AVCodec* h264 = av->avcodec_find_encoder_by_name("libx264");
        if (!h264) h264 = av->avcodec_find_encoder(AV_CODEC_ID_H264);
        if (!h264)
            return fail(problems, "VIDEO_NO_ENCODER",
                        "this FFmpeg has no H.264 encoder (Debian's libavcodec59 has libx264)");
        codec = av->avcodec_alloc_context3(h264);
        if (!codec) return fail(problems, "VIDEO_ENCODER", "out of memory for the encoder");
        codec->width = desc.width;
        codec->height = desc.height;
        codec->sample_aspect_ratio = {1, 1};
        codec->time_base = {1, desc.fps};
        codec->framerate = {desc.fps, 1};
        codec->gop_size = desc.fps * kKeyframeSeconds;
        codec->pix_fmt = AV_PIX_FMT_YUV420P;
        // Tagged so players convert back with the matrix we converted with: BT.709
        // (HD's, and sRGB's primaries are BT.709's) in limited range, what browsers
        // and VLC assume for HD anyway. Untagged, some would pick BT.601 by size.
        codec->color_range = AVCOL_RANGE_MPEG;
        codec->colorspace = AVCOL_SPC_BT709;
        codec->color_primaries = AVCOL_PRI_BT709;
        codec->color_trc = AVCOL_TRC_BT709;
        // MP4 keeps SPS/PPS in the sample description (avcC), not in the stream.
        if (format->oformat->flags & AVFMT_GLOBALHEADER)
            codec->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;

        // Private options of libx264; another encoder ignores the ones it lacks.
        AVDictionary* options = nullptr;
        av->av_dict_set(&options, "preset", kPreset, 0);
        av->av_dict_set(&options, "profile", "high", 0);
        av->av_dict_set(&options, "crf", std::to_string(desc.crf).c_str(), 0);
        err = av->avcodec_open2(codec, h264, &options);
        av->av_dict_free(&options);
        if (err < 0)
            return fail(problems, "VIDEO_ENCODER",
                        std::string("cannot open the H.264 encoder ") + h264->name + " at " +
                            sizeText(desc.width, desc.height) + ": " + avError(*av, err));

        frame = av->av_frame_alloc();
        packet = av->av_packet_alloc();
        if (!frame || !packet) return fail(problems, "VIDEO_ENCODER", "out of memory for frames");
        frame->format = codec->pix_fmt;
        frame->width = desc.width;
        frame->height = desc.height;
        frame->color_range = codec->color_range;
        frame->colorspace = codec->colorspace;
        frame->color_primaries = codec->color_primaries;
        frame->color_trc = codec->color_trc;
        err = av->av_frame_get_buffer(frame, 0);
        if (err < 0)
            return fail(problems, "VIDEO_ENCODER", "cannot allocate a frame: " + avError(*av, err));

        sws = av->sws_getContext(desc.width, desc.height, AV_PIX_FMT_RGB24, desc.width, desc.height,
                                 AV_PIX_FMT_YUV420P, kScaleFlags, nullptr, nullptr, nullptr);
        if (!sws) return fail(problems, "VIDEO_CONVERT", "cannot convert RGB to yuv420p");
        // Full-range RGB in, BT.709 limited-range YUV out, matching the tags above
        // (swscale's default is BT.601, which would shift greens and reds).
        const int* bt709 = av->sws_getCoefficients(SWS_CS_ITU709);
        if (av->sws_setColorspaceDetails(sws, bt709, 1, bt709, 0, 0, 1 << 16, 1 << 16) < 0)
            return fail(problems, "VIDEO_CONVERT", "cannot convert RGB to BT.709 yuv420p");
        return true;
    }

    bool openFile(core::Problems& problems) {
        stream = av->avformat_new_stream(format, nullptr);
        if (!stream) return fail(problems, "VIDEO_MUXER", "out of memory for the stream");
        stream->time_base = codec->time_base;
        int err = av->avcodec_parameters_from_context(stream->codecpar, codec);
        if (err < 0)
            return fail(problems, "VIDEO_MUXER",
                        "cannot describe the stream: " + avError(*av, err));

        err = av->avio_open(&format->pb, temp.c_str(), AVIO_FLAG_WRITE);
        if (err < 0)
            return fail(
                problems, "VIDEO_OPEN",
                "cannot write the temporary file " + temp.string() + ": " + avError(*av, err));
        created = true;
        core::trackTemporary(temp, desc.path);
        // The index (moov) moves to the front when finished, so a browser can
        // start playing before the whole file has arrived.
        AVDictionary* options = nullptr;
        av->av_dict_set(&options, "movflags", "+faststart", 0);
        err = av->avformat_write_header(format, &options);
        av->av_dict_free(&options);
        if (err < 0)
            return fail(problems, "VIDEO_WRITE",
                        "cannot write the MP4 header: " + avError(*av, err));
        return true;
    }

    // Writes every packet the encoder has ready (all of them once flushed).
    bool writePackets(core::Problems& problems) {
        for (;;) {
            int err = av->avcodec_receive_packet(codec, packet);
            if (err == AVERROR(EAGAIN) || err == AVERROR_EOF) return true;
            if (err < 0)
                return fail(problems, "VIDEO_ENCODE", "cannot encode: " + avError(*av, err));
            // One packet is one frame, 1/fps long. FFmpeg 5.1's libx264 leaves the
            // duration 0, and the MP4's edit list then ends where the last frame
            // starts: players drop it (a one-frame video plays as nothing).
            if (packet->duration == 0) packet->duration = 1;
            av->av_packet_rescale_ts(packet, codec->time_base, stream->time_base);
            packet->stream_index = stream->index;
            // Takes the packet's reference, leaving `packet` blank for the next one.
            err = av->av_interleaved_write_frame(format, packet);
            if (err < 0)
                return fail(problems, "VIDEO_WRITE",
                            "cannot write to " + temp.string() + ": " + avError(*av, err));
        }
    }

    // A problem for a call on an encoder that finished or failed before.
    bool notOpen(core::Problems& problems, const char* what) {
        const bool finished = phase == Phase::Finished;
        problems.error(
            finished ? "VIDEO_FINISHED" : "VIDEO_FAILED", desc.path.string(),
            std::string(what) + (finished ? " after the video was finished"
                                          : " after an earlier error stopped the video"));
        return false;
    }
};

VideoEncoder::VideoEncoder(std::unique_ptr<State> state) : state_(std::move(state)) {}

VideoEncoder::~VideoEncoder() = default;

std::unique_ptr<VideoEncoder> VideoEncoder::open(const VideoDesc& desc, core::Problems& problems) {
    const std::string where = desc.path.string();
    if (desc.width <= 0 || desc.height <= 0) {
        problems.error("VIDEO_SIZE", where,
                       "a video needs a positive size, not " + sizeText(desc.width, desc.height));
        return nullptr;
    }
    if (desc.width % 2 != 0 || desc.height % 2 != 0) {
        problems.error("VIDEO_SIZE_ODD", where,
                       "H.264 in yuv420p needs an even width and height, not " +
                           sizeText(desc.width, desc.height));
        return nullptr;
    }
    if (desc.fps <= 0 || desc.fps > 240) {
        problems.error("VIDEO_FPS", where,
                       "frames per second must be 1 to 240, not " + std::to_string(desc.fps));
        return nullptr;
    }
    if (desc.crf < 1 || desc.crf > 51) {
        problems.error("VIDEO_CRF", where,
                       "the quality (CRF) must be 1 to 51, not " + std::to_string(desc.crf));
        return nullptr;
    }
    std::error_code ec;
    if (desc.path.filename().empty() || fs::is_directory(desc.path, ec)) {
        problems.error("VIDEO_PATH", where, "is a folder, not a video file name");
        return nullptr;
    }
    const fs::path folder = desc.path.has_parent_path() ? desc.path.parent_path() : fs::path(".");
    if (!fs::is_directory(folder, ec)) {
        problems.error("VIDEO_FOLDER", where, "the folder " + folder.string() + " does not exist");
        return nullptr;
    }

    std::string missing;
    const LibAv* av = openLibAv(missing);
    if (!av) {
        problems.error("VIDEO_FFMPEG", where, missing);
        return nullptr;
    }
    // Errors reach the user as problems; FFmpeg's own chatter (x264's statistics
    // at the end, the muxer's notes) would only clutter the terminal.
    av->av_log_set_level(AV_LOG_ERROR);

    auto state = std::make_unique<State>();
    state->av = av;
    state->desc = desc;
    // Per process, so two exports to one name do not collide.
    state->temp = core::temporaryPathFor(desc.path);
    if (!state->openEncoder(problems) || !state->openFile(problems)) return nullptr;
    return std::unique_ptr<VideoEncoder>(new VideoEncoder(std::move(state)));
}

bool VideoEncoder::addFrame(const std::uint8_t* rgb, bool bottomUp, core::Problems& problems) {
    State& s = *state_;
    if (s.phase != State::Phase::Open) return s.notOpen(problems, "a frame was added");
    if (!rgb) return s.fail(problems, "VIDEO_FRAME", "a frame with no pixels");

    // The encoder may still hold the previous frame's buffer; this copies it
    // away only if so.
    int err = s.av->av_frame_make_writable(s.frame);
    if (err < 0)
        return s.fail(problems, "VIDEO_ENCODE", "cannot reuse the frame: " + avError(*s.av, err));

    const int row = s.desc.width * 3;
    const std::uint8_t* source[1] = {rgb};
    int stride[1] = {row};
    if (bottomUp) {
        // Start at the last row and step backwards: swscale reads the image top
        // down without a flipped copy.
        source[0] = rgb + static_cast<std::ptrdiff_t>(s.desc.height - 1) * row;
        stride[0] = -row;
    }
    if (s.av->sws_scale(s.sws, source, stride, 0, s.desc.height, s.frame->data,
                        s.frame->linesize) != s.desc.height)
        return s.fail(problems, "VIDEO_CONVERT", "cannot convert a frame to yuv420p");
    s.frame->pts = s.frames;  // in the codec's time base, 1/fps: one tick a frame

    err = s.av->avcodec_send_frame(s.codec, s.frame);
    if (err < 0) return s.fail(problems, "VIDEO_ENCODE", "cannot encode: " + avError(*s.av, err));
    if (!s.writePackets(problems)) return false;
    ++s.frames;
    return true;
}

bool VideoEncoder::finish(core::Problems& problems) {
    State& s = *state_;
    if (s.phase == State::Phase::Finished) return true;
    if (s.phase == State::Phase::Failed) return s.notOpen(problems, "finish was called");
    if (s.frames == 0) return s.fail(problems, "VIDEO_EMPTY", "no frame was added to the video");

    // A null frame asks the encoder for the frames it holds back (lookahead,
    // B-frames) until it says AVERROR_EOF.
    int err = s.av->avcodec_send_frame(s.codec, nullptr);
    if (err < 0) return s.fail(problems, "VIDEO_ENCODE", "cannot flush: " + avError(*s.av, err));
    if (!s.writePackets(problems)) return false;
    err = s.av->av_write_trailer(s.format);
    if (err < 0)
        return s.fail(problems, "VIDEO_WRITE", "cannot finish the MP4: " + avError(*s.av, err));
    // Closing flushes the last bytes: a full disk can show up only here.
    err = s.av->avio_closep(&s.format->pb);
    if (err < 0)
        return s.fail(problems, "VIDEO_WRITE",
                      "cannot write to " + s.temp.string() + ": " + avError(*s.av, err));

    std::error_code ec;
    fs::rename(s.temp, s.desc.path, ec);
    if (ec)
        return s.fail(problems, "VIDEO_RENAME",
                      "cannot move " + s.temp.string() + " onto it: " + ec.message());
    core::untrackTemporary(s.temp);
    s.created = false;
    s.temp.clear();
    s.phase = State::Phase::Finished;
    return true;
}

int VideoEncoder::framesWritten() const {
    return state_->frames;
}

const std::filesystem::path& VideoEncoder::temporaryPath() const {
    return state_->temp;
}

}  // namespace friche::media
