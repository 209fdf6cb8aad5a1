// `friche video`: an H.264 MP4 that players read (checked with ffprobe, as a
// player would see it), whose frames are the stills of the same moments, that
// Ctrl+C leaves unwritten, and whose bad input and usage are said clearly.
#include <gtest/gtest.h>

#include <signal.h>

#include <cmath>
#include <filesystem>

#include "cli/render_image.h"
#include "support/run.h"
#include "support/seed_sites.h"

using namespace friche::test;
namespace fs = std::filesystem;

namespace {

const std::string kSize = "320x180";

std::string videoPath(const std::string& name) {
    return std::string(FRICHE_TEST_OUT) + "/video_" + name + ".mp4";
}

// What ffprobe says of the video stream: "h264,320,180,yuv420p,10".
std::string probe(const std::string& file) {
    const auto r = runProgram(
        "/usr/bin/ffprobe",
        {"-v", "error", "-select_streams", "v:0", "-count_frames", "-show_entries",
         "stream=codec_name,width,height,pix_fmt,nb_read_frames", "-of", "csv=p=0", file});
    EXPECT_EQ(r.exitCode, 0) << r.output;
    std::string out = r.output;
    while (!out.empty() && (out.back() == '\n' || out.back() == ',')) out.pop_back();
    return out;
}

// Frame `index` (from 0) of the video, decoded by ffmpeg into a PNG.
Image frame(const std::string& video, int index) {
    const std::string png = video + "." + std::to_string(index) + ".png";
    fs::remove(png);
    const auto r = runProgram("/usr/bin/ffmpeg", {"-v", "error", "-i", video, "-vf",
                                                  "select=eq(n\\," + std::to_string(index) + ")",
                                                  "-frames:v", "1", "-y", png});
    EXPECT_EQ(r.exitCode, 0) << r.output;
    return decodePng(png);
}

// Peak signal to noise ratio in dB over all channels: how close a lossy frame is to a still.
double psnr(const Image& a, const Image& b) {
    if (a.width != b.width || a.height != b.height || a.rgb.empty()) return 0.0;
    double sum = 0.0;
    for (std::size_t i = 0; i < a.rgb.size(); ++i) {
        const double d = a.rgb[i] - b.rgb[i];
        sum += d * d;
    }
    const double mse = sum / static_cast<double>(a.rgb.size());
    return mse > 0.0 ? 10.0 * std::log10(255.0 * 255.0 / mse) : 99.0;
}

// At 320x180 H.264 (CRF 20, 4:2:0) keeps a frame 32.5 to 34 dB from the
// still of its moment; the still half a phase away is 27 dB from it.
constexpr double kSameMomentDb = 30.0;

bool leftovers(const std::string& folder, const std::string& stem) {
    for (const auto& entry : fs::directory_iterator(folder)) {
        if (entry.path().filename().string().find(stem) != std::string::npos) return true;
    }
    return false;
}

}  // namespace

// --from 0 --to 2 over 0.9 s at 10 fps: 9 frames, frame i at 0.25 i.
TEST(Video, ARangeIsAnH264VideoWhoseFramesAreTheStills) {
    const std::string out = videoPath("range");
    fs::remove(out);
    const auto r =
        runFriche({"video", kSeraing, "-o", out, "--size", kSize, "--fps", "10", "--view",
                   "overview", "--from", "0", "--to", "2", "--duration", "0.9"},
                  300);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("frame 9/9 (100%)"), std::string::npos) << r.output;
    EXPECT_EQ(probe(out), "h264,320,180,yuv420p,9");
    for (const auto& [index, at] : {std::pair{0, "0"}, {4, "1"}, {6, "1.5"}}) {
        const Image still =
            renderStill(kSeraing, std::string("video_still_") + at,
                        {.size = kSize, .args = {"--at", at, "--view", "overview"}});
        const Image decoded = frame(out, index);
        EXPECT_GT(psnr(decoded, still), kSameMomentDb) << "frame " << index << " at " << at;
    }
    // The measure tells moments apart: frame 6 is not the still at 1.
    EXPECT_LT(psnr(frame(out, 6), decodePng(outPath("video_still_1"))), kSameMomentDb);
}

// Without --view the camera follows the story's flights, as the stills do;
// with --ui the panels are drawn as in `render --ui`.
TEST(Video, TheStorysCameraAndPanelsAsInTheStills) {
    const std::string out = videoPath("ui");
    fs::remove(out);
    const auto r = runFriche({"video", kSeraing, "-o", out, "--size", kSize, "--fps", "4", "--ui",
                              "--lang", "fr", "--from", "3", "--to", "4", "--duration", "0.75"},
                             300);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_EQ(probe(out), "h264,320,180,yuv420p,3");
    const Image still =
        renderStill(kSeraing, "video_still_ui",
                    {.size = kSize, .args = {"--at", "3.5", "--ui", "--lang", "fr"}});
    EXPECT_GT(psnr(frame(out, 1), still), kSameMomentDb);
}

// No range: the whole story at the viewer's pace, a hold on each of the six
// phases (5 s) and five transitions (3 s): 45 s, at 1 fps 46 frames.
TEST(Video, WithoutARangeTheWholeStoryPlays) {
    const std::string out = videoPath("story");
    fs::remove(out);
    const auto r = runFriche({"video", kSeraing, "-o", out, "--size", "64x36", "--fps", "1"}, 300);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_EQ(probe(out), "h264,64,36,yuv420p,46");
}

TEST(Video, CtrlCStopsAndLeavesNoFile) {
    const std::string out = videoPath("interrupted");
    fs::remove(out);
    const auto r = runFriche({"video", kSeraing, "-o", out, "--size", kSize, "--fps", "30"}, 300,
                             {.after = "friche video: frame", .signal = SIGINT});
    EXPECT_EQ(r.exitCode, 130) << r.output;
    EXPECT_NE(r.output.find("was not written"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(out));
    EXPECT_FALSE(leftovers(FRICHE_TEST_OUT, "video_interrupted")) << "a partial file is left";
}

TEST(Video, UsageErrorsAreExitTwo) {
    const std::string out = videoPath("usage");
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"video", kSeraing},
             {"video", kSeraing, "-o", out, "--size", "321x180"},
             {"video", kSeraing, "-o", out, "--from", "0", "--to", "1"},
             {"video", kSeraing, "-o", out, "--fps", "0"},
             {"video", kSeraing, "-o", out, "--fps", "29.97"},
             {"video", kSeraing, "-o", out, "--duration", "0", "--from", "0", "--to", "1"},
             {"video", kSeraing, "-o", out, "--phase", "crisis"}}) {
        const auto r = runFriche(args);
        EXPECT_EQ(r.exitCode, 2) << args.back() << "\n" << r.output;
        EXPECT_NE(r.output.find("usage:"), std::string::npos) << r.output;
    }
}

TEST(Video, BadInputIsExitOneAndSaysWhere) {
    const std::string out = videoPath("bad");
    fs::remove(out);
    const auto outside =
        runFriche({"video", kSeraing, "-o", out, "--from", "0", "--to", "9", "--duration", "1"});
    EXPECT_EQ(outside.exitCode, 1) << outside.output;
    EXPECT_NE(outside.output.find("--to 9 is outside the timeline"), std::string::npos)
        << outside.output;
    const auto view = runFriche({"video", kSeraing, "-o", out, "--view", "nowhere"});
    EXPECT_EQ(view.exitCode, 1) << view.output;
    EXPECT_NE(view.output.find("its views: overview"), std::string::npos) << view.output;
    const auto folder = runFriche({"video", kSeraing, "-o", "/nonexistent/folder/out.mp4"});
    EXPECT_EQ(folder.exitCode, 1) << folder.output;
    EXPECT_NE(folder.output.find("no folder"), std::string::npos) << folder.output;
    const auto missing = runFriche({"video", "/nonexistent/scenario.json", "-o", out});
    EXPECT_EQ(missing.exitCode, 1) << missing.output;
    EXPECT_FALSE(fs::exists(out));
}
