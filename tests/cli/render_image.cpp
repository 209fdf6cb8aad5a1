#include "cli/render_image.h"

#include <gtest/gtest.h>
#include <stb_image.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "support/run.h"

namespace friche::test {

namespace fs = std::filesystem;

namespace {

const std::string kAssets = std::string(FRICHE_CORPUS_DIR) + "/glTF-Sample-Assets/Models/";

}  // namespace

std::string glb(const std::string& name) {
    return kAssets + name + "/glTF-Binary/" + name + ".glb";
}
std::string gltf(const std::string& name) {
    return kAssets + name + "/glTF/" + name + ".gltf";
}

std::string outPath(const std::string& name) {
    fs::create_directories(FRICHE_TEST_OUT);
    return std::string(FRICHE_TEST_OUT) + "/render_" + name + ".png";
}

std::string fileBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

std::string shaderCopy(const std::string& name) {
    namespace fs = std::filesystem;
    const fs::path dir = fs::path(FRICHE_TEST_OUT) / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    for (const auto& entry : fs::directory_iterator(fs::path(FRICHE_SOURCE_DIR) / "shaders"))
        fs::copy_file(entry.path(), dir / entry.path().filename());
    return dir.string();
}

bool near(Rgb a, Rgb b, double tolerance) {
    return std::abs(a.r - b.r) <= tolerance && std::abs(a.g - b.g) <= tolerance &&
           std::abs(a.b - b.b) <= tolerance;
}

Rgb Image::at(int x, int y) const {
    const auto* p = &rgb[(static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + x) * 3];
    return {static_cast<double>(p[0]), static_cast<double>(p[1]), static_cast<double>(p[2])};
}

Rgb Image::mean(const Rect& r) const {
    Rgb sum;
    long n = 0;
    for (int y = std::max(r.y0, 0); y < std::min(r.y1, height); ++y)
        for (int x = std::max(r.x0, 0); x < std::min(r.x1, width); ++x) {
            const Rgb c = at(x, y);
            sum.r += c.r, sum.g += c.g, sum.b += c.b, ++n;
        }
    if (n == 0) return {};
    const auto count = static_cast<double>(n);
    return {sum.r / count, sum.g / count, sum.b / count};
}

Image decodePng(const std::string& path) {
    Image image;
    int channels = 0;
    unsigned char* data = stbi_load(path.c_str(), &image.width, &image.height, &channels, 3);
    if (data) {
        image.rgb.assign(data, data + static_cast<std::size_t>(image.width) * image.height * 3);
        stbi_image_free(data);
    }
    return image;
}

Image renderStill(const std::string& model, const std::string& name, const StillOptions& o) {
    const std::string out = outPath(name);
    fs::remove(out);
    std::vector<std::string> args = {"render", model, "-o", out, "--size", o.size};
    args.insert(args.end(), o.args.begin(), o.args.end());
    ScopedEnv env(o.env);
    const auto r = runFriche(args, 300);
    EXPECT_EQ(r.exitCode, 0) << name << "\n" << r.output;
    return decodePng(out);
}

ScopedEnv::ScopedEnv(const Env& env) : env_(env) {
    for (const auto& [k, v] : env_) setenv(k.c_str(), v.c_str(), 1);
}

ScopedEnv::~ScopedEnv() {
    for (const auto& [k, v] : env_) unsetenv(k.c_str());
}

double fractionDifferent(const Image& a, const Image& b, double tolerance) {
    if (a.width != b.width || a.height != b.height || a.rgb.empty()) return 1.0;
    long different = 0;
    for (std::size_t i = 0; i < a.rgb.size(); i += 3) {
        for (std::size_t c = 0; c < 3; ++c) {
            if (std::abs(a.rgb[i + c] - b.rgb[i + c]) > tolerance) {
                ++different;
                break;
            }
        }
    }
    return static_cast<double>(different) / static_cast<double>(a.rgb.size() / 3);
}

double Mask::fraction() const {
    const auto n = std::count(model.begin(), model.end(), true);
    return model.empty() ? 0.0 : static_cast<double>(n) / static_cast<double>(model.size());
}

Mask modelMask(const std::string& model, const std::string& name, StillOptions o) {
    o.env.push_back({"FRICHE_ENV", "white"});
    o.env.push_back({"FRICHE_DEBUG_VIEW", "normals"});
    return maskWhere(renderStill(model, name, o), [](Rgb c) {
        return !near(c, {255, 255, 255}, 3);
    });
}

Rect Blob::core(double fraction) const {
    const int w = box.x1 - box.x0, h = box.y1 - box.y0;
    const int cxi = static_cast<int>(std::lround(cx)), cyi = static_cast<int>(std::lround(cy));
    const int hw = std::max(1, static_cast<int>(w * fraction)),
              hh = std::max(1, static_cast<int>(h * fraction));
    return {cxi - hw, cyi - hh, cxi + hw + 1, cyi + hh + 1};
}

std::vector<Blob> blobs(const Mask& mask, long minArea) {
    std::vector<int> label(mask.model.size(), -1);
    std::vector<Blob> found;
    std::vector<std::pair<int, int>> stack;
    for (int y0 = 0; y0 < mask.height; ++y0)
        for (int x0 = 0; x0 < mask.width; ++x0) {
            if (!mask.at(x0, y0) || label[static_cast<std::size_t>(y0) * mask.width + x0] >= 0)
                continue;
            Blob b{{x0, y0, x0 + 1, y0 + 1}, 0, 0, 0};
            stack.push_back({x0, y0});
            label[static_cast<std::size_t>(y0) * mask.width + x0] = static_cast<int>(found.size());
            while (!stack.empty()) {
                const auto [x, y] = stack.back();
                stack.pop_back();
                ++b.area;
                b.cx += x, b.cy += y;
                b.box = {std::min(b.box.x0, x), std::min(b.box.y0, y), std::max(b.box.x1, x + 1),
                         std::max(b.box.y1, y + 1)};
                const std::pair<int, int> next[] = {{x + 1, y}, {x - 1, y}, {x, y + 1}, {x, y - 1}};
                for (const auto& [nx, ny] : next) {
                    if (nx < 0 || ny < 0 || nx >= mask.width || ny >= mask.height ||
                        !mask.at(nx, ny))
                        continue;
                    int& l = label[static_cast<std::size_t>(ny) * mask.width + nx];
                    if (l >= 0) continue;
                    l = static_cast<int>(found.size());
                    stack.push_back({nx, ny});
                }
            }
            b.cx /= static_cast<double>(b.area);
            b.cy /= static_cast<double>(b.area);
            found.push_back(b);
        }
    std::erase_if(found, [&](const Blob& b) { return b.area < minArea; });
    std::stable_sort(found.begin(), found.end(),
                     [](const Blob& a, const Blob& b) { return a.area > b.area; });
    return found;
}

std::vector<Blob> discs(const Mask& mask, long minArea, double rowTolerance) {
    std::vector<Blob> found = blobs(mask, minArea);
    std::erase_if(found, [](const Blob& b) {
        const double w = b.box.x1 - b.box.x0, h = b.box.y1 - b.box.y0;
        const double fill = static_cast<double>(b.area) / (w * h);
        return std::abs(w - h) > 2.0 + 0.1 * w || fill < 0.70 || fill > 0.86;
    });
    std::sort(found.begin(), found.end(), [&](const Blob& a, const Blob& b) {
        if (std::abs(a.cy - b.cy) > rowTolerance) return a.cy < b.cy;
        return a.cx < b.cx;
    });
    return found;
}

}  // namespace friche::test
