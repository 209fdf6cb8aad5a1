// sitegen: writes the five seed sites' models as .glb, the industrial past and
// the reconverted future of each in one file, deterministically.
//
//   sitegen OUTDIR        writes OUTDIR/<site>.glb for every site
//
// Prints each site's figures against the budget (README.md) and fails when a
// site is over it, so a heavier model cannot slip into the build unnoticed.
#include <filesystem>
#include <iostream>

#include "sitegen/sites.h"

namespace {

// The budget that keeps a site smooth on a modest GPU (see README.md).
constexpr std::size_t kMaxTriangles = 300'000;
constexpr std::size_t kMaxTextureBytes = 16u << 20;

bool report(const std::string& id, const sitegen::Figures& f) {
    const bool inBudget = f.triangles <= kMaxTriangles && f.textureBytes <= kMaxTextureBytes;
    std::cout << id << ".glb: " << f.nodes << " nodes, " << f.triangles << " triangles (budget "
              << kMaxTriangles << "), " << f.textures << " textures, "
              << (f.textureBytes + (1u << 19)) / (1u << 20) << " MiB of texture memory (budget "
              << (kMaxTextureBytes >> 20) << " MiB)" << (inBudget ? "" : "  OVER BUDGET") << "\n";
    return inBudget;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: sitegen OUTDIR\n";
        return 2;
    }
    const std::filesystem::path dir = argv[1];
    std::error_code error;
    std::filesystem::create_directories(dir, error);
    bool ok = true;
    for (const sitegen::SiteEntry& entry : sitegen::allSites()) {
        sitegen::Site site(entry.id);
        entry.build(site);
        const sitegen::Figures f = site.write(dir);
        ok = f.written && report(entry.id, f) && ok;
    }
    return ok ? 0 : 1;
}
