// The video encoder, checked by decoding what it wrote with FFmpeg's own
// demuxer and decoder: the stream is what browsers play (H.264 high, yuv420p,
// BT.709 tags), every frame arrives in order, rows are not flipped, and the
// colours are BT.709's (the expected YUV values come from the Rec. 709 formulas,
// not from our own output). An export that does not finish leaves no file.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
}

#include "media/video_encoder.h"
#include "support/problem_text.h"

namespace fs = std::filesystem;
using friche::core::Problems;
using friche::media::VideoDesc;
using friche::media::VideoEncoder;
using friche::test::describe;

namespace {

constexpr int kFrameWidth = 64;
constexpr int kFrameHeight = 48;

struct Rgb {
    std::uint8_t r, g, b;
};

// One YUV frame as decoded, planes copied without their padding.
struct Planes {
    std::vector<std::uint8_t> y, u, v;
};

struct Decoded {
    std::string format;  // the demuxer's names, "mov,mp4,m4a,3gp,3g2,mj2"
    std::string codec;
    int profile = 0;
    int width = 0, height = 0;
    double seconds = 0;  // the stream's duration
    AVPixelFormat pixelFormat = AV_PIX_FMT_NONE;
    AVColorSpace colorspace = AVCOL_SPC_UNSPECIFIED;
    AVColorRange range = AVCOL_RANGE_UNSPECIFIED;
    AVColorPrimaries primaries = AVCOL_PRI_UNSPECIFIED;
    AVColorTransferCharacteristic transfer = AVCOL_TRC_UNSPECIFIED;
    std::vector<Planes> frames;
};

std::vector<std::uint8_t> copyPlane(const AVFrame* f, int plane, int w, int h) {
    std::vector<std::uint8_t> out(static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            out[static_cast<std::size_t>(y * w + x)] = f->data[plane][y * f->linesize[plane] + x];
    return out;
}

// Decodes every frame of the file's video stream; nullopt (and a test failure)
// if FFmpeg cannot read it.
std::optional<Decoded> decode(const fs::path& path) {
    AVFormatContext* format = nullptr;
    if (avformat_open_input(&format, path.c_str(), nullptr, nullptr) < 0) {
        ADD_FAILURE() << "cannot open " << path;
        return std::nullopt;
    }
    Decoded d;
    AVCodecContext* codec = nullptr;
    AVPacket* packet = av_packet_alloc();
    AVFrame* frame = av_frame_alloc();
    const AVCodec* decoder = nullptr;
    const int index = avformat_find_stream_info(format, nullptr) >= 0
                          ? av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, &decoder, 0)
                          : -1;
    if (index >= 0 && decoder) {
        const AVCodecParameters* par = format->streams[index]->codecpar;
        d.format = format->iformat->name;
        d.codec = avcodec_get_name(par->codec_id);
        d.profile = par->profile;
        d.width = par->width;
        d.height = par->height;
        const AVStream* stream = format->streams[index];
        d.seconds = static_cast<double>(stream->duration) * av_q2d(stream->time_base);
        d.pixelFormat = static_cast<AVPixelFormat>(par->format);
        d.colorspace = par->color_space;
        d.range = par->color_range;
        d.primaries = par->color_primaries;
        d.transfer = par->color_trc;
        codec = avcodec_alloc_context3(decoder);
        avcodec_parameters_to_context(codec, par);
        if (avcodec_open2(codec, decoder, nullptr) < 0) ADD_FAILURE() << "cannot open the decoder";
    } else {
        ADD_FAILURE() << "no video stream in " << path;
    }
    auto receive = [&] {
        while (avcodec_receive_frame(codec, frame) >= 0) {
            const int cw = (frame->width + 1) / 2, ch = (frame->height + 1) / 2;
            d.frames.push_back({copyPlane(frame, 0, frame->width, frame->height),
                                copyPlane(frame, 1, cw, ch), copyPlane(frame, 2, cw, ch)});
            av_frame_unref(frame);
        }
    };
    while (codec && av_read_frame(format, packet) >= 0) {
        if (packet->stream_index == index && avcodec_send_packet(codec, packet) >= 0) receive();
        av_packet_unref(packet);
    }
    if (codec && avcodec_send_packet(codec, nullptr) >= 0) receive();  // the held-back frames
    av_frame_free(&frame);
    av_packet_free(&packet);
    avcodec_free_context(&codec);
    avformat_close_input(&format);
    return d;
}

// Y'CbCr of an sRGB colour by Rec. ITU-R BT.709 (Kr 0.2126, Kb 0.0722) in 8-bit
// limited range, as a player reading the stream's tags expects it.
struct Yuv {
    double y, u, v;
};
Yuv bt709(Rgb c) {
    const double r = c.r / 255.0, g = c.g / 255.0, b = c.b / 255.0;
    const double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    return {16 + 219 * y, 128 + 224 * (b - y) / 1.8556, 128 + 224 * (r - y) / 1.5748};
}

double mean(const std::vector<std::uint8_t>& plane, int width, int row0, int row1) {
    double sum = 0;
    for (int y = row0; y < row1; ++y)
        for (int x = 0; x < width; ++x) sum += plane[static_cast<std::size_t>(y * width + x)];
    return sum / (width * (row1 - row0));
}

// Mean Y'CbCr over rows [row0, row1) of the luma plane (even bounds).
Yuv meanYuv(const Planes& p, int row0, int row1) {
    return {mean(p.y, kFrameWidth, row0, row1), mean(p.u, kFrameWidth / 2, row0 / 2, row1 / 2),
            mean(p.v, kFrameWidth / 2, row0 / 2, row1 / 2)};
}

// A BT.601 conversion would be off by 10-20 codes on saturated colours; flat
// colour at CRF 20 comes back within about one.
constexpr double kTolerance = 3.0;

void expectNear(Yuv got, Yuv want, const std::string& what) {
    EXPECT_NEAR(got.y, want.y, kTolerance) << what << " Y";
    EXPECT_NEAR(got.u, want.u, kTolerance) << what << " Cb";
    EXPECT_NEAR(got.v, want.v, kTolerance) << what << " Cr";
}

std::vector<std::uint8_t> solid(Rgb c) {
    std::vector<std::uint8_t> rgb(static_cast<std::size_t>(kFrameWidth * kFrameHeight * 3));
    for (std::size_t i = 0; i < rgb.size(); i += 3) {
        rgb[i] = c.r;
        rgb[i + 1] = c.g;
        rgb[i + 2] = c.b;
    }
    return rgb;
}

// `first` over the first half of the rows in memory, `second` over the rest.
std::vector<std::uint8_t> halves(Rgb first, Rgb second) {
    std::vector<std::uint8_t> rgb = solid(first);
    const std::vector<std::uint8_t> rest = solid(second);
    const std::size_t half = rgb.size() / 2;
    std::copy(rest.begin() + static_cast<std::ptrdiff_t>(half), rest.end(),
              rgb.begin() + static_cast<std::ptrdiff_t>(half));
    return rgb;
}

class VideoEncoderTest : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::path(FRICHE_TEST_OUT) / "video_encoder" /
               ::testing::UnitTest::GetInstance()->current_test_info()->name();
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }

    VideoDesc desc(const char* name) const {
        return {.path = dir_ / name, .width = kFrameWidth, .height = kFrameHeight};
    }

    std::vector<fs::path> filesInDir() const {
        std::vector<fs::path> files;
        for (const auto& entry : fs::directory_iterator(dir_)) files.push_back(entry.path());
        return files;
    }

    fs::path dir_;
};

constexpr Rgb kRed{255, 0, 0}, kBlue{0, 0, 255}, kGreen{0, 255, 0};

}  // namespace

TEST_F(VideoEncoderTest, WritesEveryFrameAsH264HighYuv420pTaggedBt709) {
    Problems problems;
    auto video = VideoEncoder::open(desc("grey.mp4"), problems);
    ASSERT_TRUE(video) << describe(problems);
    // A grey ramp: each frame's level tells where it landed in the decoded order.
    for (int i = 0; i < 24; ++i) {
        const auto level = static_cast<std::uint8_t>(20 + 9 * i);
        ASSERT_TRUE(video->addFrame(solid({level, level, level}).data(), true, problems))
            << describe(problems);
    }
    EXPECT_EQ(video->framesWritten(), 24);
    ASSERT_TRUE(video->finish(problems)) << describe(problems);
    EXPECT_TRUE(problems.empty()) << describe(problems);
    EXPECT_EQ(filesInDir(), std::vector<fs::path>{dir_ / "grey.mp4"});

    auto d = decode(dir_ / "grey.mp4");
    ASSERT_TRUE(d);
    EXPECT_NE(d->format.find("mp4"), std::string::npos) << d->format;
    EXPECT_EQ(d->codec, "h264");
    EXPECT_EQ(d->profile, FF_PROFILE_H264_HIGH);
    EXPECT_EQ(d->width, kFrameWidth);
    EXPECT_EQ(d->height, kFrameHeight);
    EXPECT_EQ(d->pixelFormat, AV_PIX_FMT_YUV420P);
    EXPECT_EQ(d->colorspace, AVCOL_SPC_BT709);
    EXPECT_EQ(d->range, AVCOL_RANGE_MPEG);
    EXPECT_EQ(d->primaries, AVCOL_PRI_BT709);
    EXPECT_EQ(d->transfer, AVCOL_TRC_BT709);
    ASSERT_EQ(d->frames.size(), 24u);
    EXPECT_NEAR(d->seconds, 24 / 30.0, 1e-3);  // the last frame lasts 1/30 s too
    for (int i = 0; i < 24; ++i) {
        const auto level = static_cast<std::uint8_t>(20 + 9 * i);
        expectNear(meanYuv(d->frames[static_cast<std::size_t>(i)], 0, kFrameHeight),
                   bt709({level, level, level}), "frame " + std::to_string(i));
    }
}

TEST_F(VideoEncoderTest, BottomUpRowsComeOutTopDownInBt709Colours) {
    Problems problems;
    auto video = VideoEncoder::open(desc("halves.mp4"), problems);
    ASSERT_TRUE(video) << describe(problems);
    // Red over blue, in GL's row order: the blue bottom half comes first in memory.
    const std::vector<std::uint8_t> glRows = halves(kBlue, kRed);
    // The same picture top row first, and a green frame to tell the frames apart.
    const std::vector<std::uint8_t> imageRows = halves(kRed, kBlue);
    ASSERT_TRUE(video->addFrame(glRows.data(), true, problems)) << describe(problems);
    ASSERT_TRUE(video->addFrame(imageRows.data(), false, problems)) << describe(problems);
    ASSERT_TRUE(video->addFrame(solid(kGreen).data(), true, problems)) << describe(problems);
    ASSERT_TRUE(video->finish(problems)) << describe(problems);

    auto d = decode(dir_ / "halves.mp4");
    ASSERT_TRUE(d);
    ASSERT_EQ(d->frames.size(), 3u);
    // Rows away from the edge, where the chroma planes' filter mixes the halves.
    for (std::size_t i = 0; i < 2; ++i) {
        expectNear(meanYuv(d->frames[i], 0, 16), bt709(kRed), "top of frame " + std::to_string(i));
        expectNear(meanYuv(d->frames[i], 32, 48), bt709(kBlue),
                   "bottom of frame " + std::to_string(i));
    }
    expectNear(meanYuv(d->frames[2], 0, kFrameHeight), bt709(kGreen), "green frame");
}

TEST_F(VideoEncoderTest, DestroyedWithoutFinishLeavesNoFile) {
    Problems problems;
    auto video = VideoEncoder::open(desc("cut.mp4"), problems);
    ASSERT_TRUE(video) << describe(problems);
    // The temporary file is hidden beside the output while the export runs.
    const fs::path temp = video->temporaryPath();
    EXPECT_EQ(temp.parent_path(), dir_);
    EXPECT_EQ(temp.filename().string().rfind(".cut.mp4.partial-", 0), 0u) << temp;
    for (int i = 0; i < 5; ++i) ASSERT_TRUE(video->addFrame(solid(kRed).data(), true, problems));
    EXPECT_TRUE(fs::exists(temp));
    EXPECT_FALSE(fs::exists(dir_ / "cut.mp4"));
    video.reset();  // as when Ctrl+C unwinds the export loop
    EXPECT_TRUE(filesInDir().empty());
    EXPECT_TRUE(problems.empty()) << describe(problems);
}

TEST_F(VideoEncoderTest, FinishTwiceIsFineAndAFrameAfterFinishIsAProblem) {
    // An older file of that name is replaced only when the new one is complete.
    std::ofstream(dir_ / "twice.mp4") << "an older export";
    Problems problems;
    auto video = VideoEncoder::open(desc("twice.mp4"), problems);
    ASSERT_TRUE(video) << describe(problems);
    ASSERT_TRUE(video->addFrame(solid(kGreen).data(), true, problems));
    ASSERT_TRUE(video->finish(problems)) << describe(problems);
    EXPECT_TRUE(video->temporaryPath().empty());
    EXPECT_TRUE(video->finish(problems));
    EXPECT_TRUE(problems.empty()) << describe(problems);

    EXPECT_FALSE(video->addFrame(solid(kGreen).data(), true, problems));
    ASSERT_EQ(problems.list().size(), 1u);
    EXPECT_EQ(problems.list()[0].code, "VIDEO_FINISHED");
    EXPECT_EQ(problems.list()[0].where, (dir_ / "twice.mp4").string());
    EXPECT_EQ(video->framesWritten(), 1);

    video.reset();  // a finished video stays
    EXPECT_EQ(filesInDir(), std::vector<fs::path>{dir_ / "twice.mp4"});
    auto d = decode(dir_ / "twice.mp4");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->frames.size(), 1u);
}

TEST_F(VideoEncoderTest, FinishWithNoFrameIsAProblemAndLeavesNoFile) {
    Problems problems;
    auto video = VideoEncoder::open(desc("empty.mp4"), problems);
    ASSERT_TRUE(video) << describe(problems);
    EXPECT_FALSE(video->finish(problems));
    ASSERT_EQ(problems.list().size(), 1u);
    EXPECT_EQ(problems.list()[0].code, "VIDEO_EMPTY");
    EXPECT_TRUE(filesInDir().empty());  // deleted at once, not only on destruction
    // A failed encoder refuses more work rather than writing a broken file.
    EXPECT_FALSE(video->addFrame(solid(kRed).data(), true, problems));
    EXPECT_FALSE(video->finish(problems));
    EXPECT_EQ(problems.list().back().code, "VIDEO_FAILED");
    video.reset();
    EXPECT_TRUE(filesInDir().empty());
}

TEST_F(VideoEncoderTest, OpenNamesWhatIsWrong) {
    struct Case {
        VideoDesc desc;
        const char* code;
        const char* says;
    };
    const Case cases[] = {
        {{.path = dir_ / "missing" / "a.mp4", .width = 64, .height = 48},
         "VIDEO_FOLDER",
         "does not exist"},
        {{.path = dir_ / "odd.mp4", .width = 65, .height = 48}, "VIDEO_SIZE_ODD", "even"},
        {{.path = dir_ / "odd.mp4", .width = 64, .height = 47}, "VIDEO_SIZE_ODD", "64x47"},
        {{.path = dir_ / "zero.mp4", .width = 0, .height = 48}, "VIDEO_SIZE", "positive"},
        {{.path = dir_ / "fps.mp4", .width = 64, .height = 48, .fps = 0}, "VIDEO_FPS", "0"},
        {{.path = dir_ / "crf.mp4", .width = 64, .height = 48, .crf = 60}, "VIDEO_CRF", "60"},
        {{.path = dir_ / "crf.mp4", .width = 64, .height = 48, .crf = 0}, "VIDEO_CRF", "1 to 51"},
        {{.path = dir_, .width = 64, .height = 48}, "VIDEO_PATH", "folder"},
    };
    for (const Case& c : cases) {
        Problems problems;
        EXPECT_EQ(VideoEncoder::open(c.desc, problems), nullptr) << c.code;
        ASSERT_EQ(problems.list().size(), 1u) << c.code;
        const auto& p = problems.list()[0];
        EXPECT_EQ(p.code, c.code);
        EXPECT_EQ(p.where, c.desc.path.string());
        EXPECT_NE(p.message.find(c.says), std::string::npos) << p.message;
    }
    EXPECT_TRUE(filesInDir().empty());
}
