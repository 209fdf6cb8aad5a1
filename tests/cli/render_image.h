// What the render tests share: running `friche render` with a lighting set by
// environment variables, decoding the PNG, and finding the model in it.
//
//   Image lit = renderStill(glb("Duck"), "duck", {.env = {{"FRICHE_ENV", "white"}}});
//   Mask mask = modelMask(glb("Duck"), "duck_mask", {});   // which pixels are the model
//   for (const Blob& b : blobs(mask)) ... lit.mean(b.box()) ...
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace friche::test {

// Corpus paths: glTF-Sample-Assets' binary and separate-file variants.
std::string glb(const std::string& name);
std::string gltf(const std::string& name);
std::string outPath(const std::string& name);  // FRICHE_TEST_OUT/render_NAME.png
std::string fileBytes(const std::string& path);
// A fresh copy of the shaders in FRICHE_TEST_OUT/`name`, for a test to change
// one and run friche on the copy (FRICHE_SHADER_DIR).
std::string shaderCopy(const std::string& name);

struct Rgb {
    double r = 0, g = 0, b = 0;
    double luma() const { return 0.2126 * r + 0.7152 * g + 0.0722 * b; }
};
bool near(Rgb a, Rgb b, double tolerance);

struct Rect {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // x1, y1 exclusive
};

struct Image {
    int width = 0, height = 0;
    std::vector<unsigned char> rgb;
    Rgb at(int x, int y) const;
    Rgb mean(const Rect& r) const;  // 0..255 per channel
};

Image decodePng(const std::string& path);

using Env = std::vector<std::pair<std::string, std::string>>;

// Sets environment variables for its lifetime; a friche run meanwhile inherits them.
class ScopedEnv {
public:
    explicit ScopedEnv(const Env& env);
    ~ScopedEnv();
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    Env env_;
};

// The fraction of pixels where a channel of `a` and `b` differs by more than
// `tolerance` (0..255); 1 when the sizes differ.
double fractionDifferent(const Image& a, const Image& b, double tolerance);

struct StillOptions {
    std::string size = "320x240";     // llvmpipe is slow at large sizes
    std::vector<std::string> args{};  // more command-line arguments (--view ...)
    Env env{};                        // FRICHE_ENV, FRICHE_ORBIT, ...
};

// Runs `friche render`, expects exit 0, decodes the still (empty on failure).
Image renderStill(const std::string& model, const std::string& name, const StillOptions& o);

// Which pixels show the model: rendered in a white furnace (FRICHE_ENV=white)
// with the normals debug view, the background is pure white and no surface is
// (a unit normal never maps to (1, 1, 1)).
struct Mask {
    int width = 0, height = 0;
    std::vector<bool> model;
    bool at(int x, int y) const { return model[static_cast<std::size_t>(y) * width + x]; }
    double fraction() const;
};
Mask modelMask(const std::string& model, const std::string& name, StillOptions o);

// The pixels of `image` for which `keep(colour)` holds.
template <class Keep>
Mask maskWhere(const Image& image, Keep keep) {
    Mask m{image.width, image.height, {}};
    m.model.resize(static_cast<std::size_t>(image.width) * image.height);
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x)
            m.model[static_cast<std::size_t>(y) * image.width + x] = keep(image.at(x, y));
    return m;
}

// 4-connected regions of the mask, largest first, with their centroid.
struct Blob {
    Rect box;
    long area = 0;
    double cx = 0, cy = 0;
    // The middle of the blob, `fraction` of its box on each side.
    Rect core(double fraction) const;
};
std::vector<Blob> blobs(const Mask& mask, long minArea);

// The blobs that are discs (spheres seen from anywhere): about as wide as
// tall, filling pi/4 of their box. Sorted in reading order, rows `rowTolerance`
// pixels apart at most, left to right within a row.
std::vector<Blob> discs(const Mask& mask, long minArea, double rowTolerance);

}  // namespace friche::test
