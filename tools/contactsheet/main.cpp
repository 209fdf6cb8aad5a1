// Composes images into a contact sheet: one row per pair (friche's render
// beside the reference screenshot), each scaled to fit a fixed cell, on a grey
// ground. A build tool for tools/contact_sheet.sh; not installed.
//
//   contactsheet OUT.png CELL_WIDTH CELL_HEIGHT LEFT1 RIGHT1 [LEFT2 RIGHT2 ...]
#include <stb_image.h>
#include <stb_image_write.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

constexpr int kGap = 8;
constexpr unsigned char kGround = 48;

struct Sheet {
    int width, height;
    std::vector<unsigned char> rgb;
};

// Box-filtered downscale (or nearest upscale) of `path` into the cell at (x0, y0).
bool place(Sheet& sheet, const std::string& path, int x0, int y0, int cellW, int cellH) {
    int w = 0, h = 0, n = 0;
    unsigned char* image = stbi_load(path.c_str(), &w, &h, &n, 3);
    if (!image) {
        std::fprintf(stderr, "contactsheet: cannot read %s\n", path.c_str());
        return false;
    }
    const double scale = std::min(static_cast<double>(cellW) / w, static_cast<double>(cellH) / h);
    const int outW = std::max(1, static_cast<int>(w * scale)),
              outH = std::max(1, static_cast<int>(h * scale));
    const int offX = x0 + (cellW - outW) / 2, offY = y0 + (cellH - outH) / 2;
    for (int y = 0; y < outH; ++y)
        for (int x = 0; x < outW; ++x) {
            const int sx0 = static_cast<int>(x / scale), sy0 = static_cast<int>(y / scale);
            const int sx1 = std::max(sx0 + 1, std::min(w, static_cast<int>((x + 1) / scale)));
            const int sy1 = std::max(sy0 + 1, std::min(h, static_cast<int>((y + 1) / scale)));
            for (int c = 0; c < 3; ++c) {
                long sum = 0;
                for (int sy = sy0; sy < sy1; ++sy)
                    for (int sx = sx0; sx < sx1; ++sx)
                        sum += image[(static_cast<std::size_t>(sy) * w + sx) * 3 + c];
                sheet.rgb[(static_cast<std::size_t>(offY + y) * sheet.width + offX + x) * 3 + c] =
                    static_cast<unsigned char>(sum / ((sx1 - sx0) * (sy1 - sy0)));
            }
        }
    stbi_image_free(image);
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 6 || (argc - 4) % 2 != 0) {
        std::fprintf(stderr,
                     "usage: contactsheet OUT.png CELL_W CELL_H LEFT RIGHT [LEFT RIGHT ...]\n");
        return 2;
    }
    const int cellW = std::atoi(argv[2]), cellH = std::atoi(argv[3]);
    const int rows = (argc - 4) / 2;
    Sheet sheet{2 * cellW + 3 * kGap, rows * (cellH + kGap) + kGap, {}};
    sheet.rgb.assign(static_cast<std::size_t>(sheet.width) * sheet.height * 3, kGround);
    bool ok = true;
    for (int r = 0; r < rows; ++r) {
        const int y = kGap + r * (cellH + kGap);
        ok &= place(sheet, argv[4 + 2 * r], kGap, y, cellW, cellH);
        ok &= place(sheet, argv[5 + 2 * r], 2 * kGap + cellW, y, cellW, cellH);
    }
    if (!stbi_write_png(argv[1], sheet.width, sheet.height, 3, sheet.rgb.data(), sheet.width * 3)) {
        std::fprintf(stderr, "contactsheet: cannot write %s\n", argv[1]);
        return 1;
    }
    return ok ? 0 : 1;
}
