// sitegen: writes the seed sites' models as .glb, the industrial past and the
// reconverted future of each in one file, deterministically, from each site's
// layout in assets/sites/<site>.json (README.md describes the format).
//
//   sitegen OUTDIR                 every site of the source tree's assets/sites/
//   sitegen OUTDIR FILE|DIR...     the sites of these .json files (a folder: its *.json)
//
// A broken layout file is an error that names the file and the place (exit 1).
// Prints each site's figures against the budget (README.md) and fails when a
// site is over it, so a heavier model cannot slip into the build unnoticed.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <vector>

#include "sitegen/layout.h"

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

// The layout files named on the command line, a folder standing for its *.json.
std::vector<std::filesystem::path> layoutFiles(const std::vector<std::filesystem::path>& args) {
    std::vector<std::filesystem::path> files;
    for (const std::filesystem::path& arg : args) {
        std::error_code error;
        if (!std::filesystem::is_directory(arg, error)) {
            files.push_back(arg);
            continue;
        }
        std::vector<std::filesystem::path> inside;
        for (const auto& entry : std::filesystem::directory_iterator(arg, error))
            if (entry.path().extension() == ".json") inside.push_back(entry.path());
        std::sort(inside.begin(), inside.end());
        files.insert(files.end(), inside.begin(), inside.end());
    }
    return files;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: sitegen OUTDIR [SITE.json|DIR ...]\n";
        return 2;
    }
    const std::filesystem::path dir = argv[1];
    std::vector<std::filesystem::path> args(argv + 2, argv + argc);
    if (args.empty()) args.push_back(FRICHE_SITES_DATA_DIR);
    const std::vector<std::filesystem::path> files = layoutFiles(args);
    if (files.empty()) {
        std::cerr << "sitegen: no site layout (.json) found\n";
        return 1;
    }
    std::error_code error;
    std::filesystem::create_directories(dir, error);
    bool ok = true;
    for (const std::filesystem::path& file : files) {
        const std::unique_ptr<sitegen::Site> site = sitegen::loadSite(file, std::cerr);
        if (!site) {
            ok = false;
            continue;
        }
        const sitegen::Figures f = site->write(dir);
        ok = f.written && report(site->id(), f) && ok;
    }
    return ok ? 0 : 1;
}
