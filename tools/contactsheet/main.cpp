// Composes images into a contact sheet: a grid of COLUMNS cells a row, each
// image scaled to fit its cell, on a grey ground; "-" leaves a cell empty.
// A build tool for tools/contact_sheet.sh (friche beside the Khronos
// screenshots, 2 columns) and tools/site_sheet.sh (a site's phases a row).
//
//   contactsheet OUT.png CELL_WIDTH CELL_HEIGHT COLUMNS IMAGE...
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
    const int columns = argc > 4 ? std::atoi(argv[4]) : 0;
    const int cellW = argc > 4 ? std::atoi(argv[2]) : 0, cellH = argc > 4 ? std::atoi(argv[3]) : 0;
    if (argc < 6 || columns < 1 || cellW < 1 || cellH < 1) {
        std::fprintf(stderr, "usage: contactsheet OUT.png CELL_W CELL_H COLUMNS IMAGE...\n");
        return 2;
    }
    const int images = argc - 5;
    const int rows = (images + columns - 1) / columns;
    Sheet sheet{columns * (cellW + kGap) + kGap, rows * (cellH + kGap) + kGap, {}};
    sheet.rgb.assign(static_cast<std::size_t>(sheet.width) * sheet.height * 3, kGround);
    bool ok = true;
    for (int i = 0; i < images; ++i) {
        const std::string path = argv[5 + i];
        if (path == "-") continue;
        const int x = kGap + (i % columns) * (cellW + kGap),
                  y = kGap + (i / columns) * (cellH + kGap);
        ok &= place(sheet, path, x, y, cellW, cellH);
    }
    if (!stbi_write_png(argv[1], sheet.width, sheet.height, 3, sheet.rgb.data(), sheet.width * 3)) {
        std::fprintf(stderr, "contactsheet: cannot write %s\n", argv[1]);
        return 1;
    }
    return ok ? 0 : 1;
}
