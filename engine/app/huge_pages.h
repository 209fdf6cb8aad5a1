// Large blocks in transparent huge pages. llvmpipe, the software rasteriser,
// allocates its render targets with malloc and zero-fills them (66 MB for a
// 1920x1080 colour target at 4x MSAA, 33 MB for its depth): in 4 KiB pages
// that is 25,000 page faults before the first image, and as many TLB entries
// while it rasterises. glibc backs malloc's large blocks with huge pages when
// its tunable glibc.malloc.hugetlb=1 is set, and it reads tunables only as a
// process starts: so the program starts itself again, once, with it set.
//
//   int main(int argc, char** argv) { app::startWithHugePages(argv); ... }
//
// Not for the kiosk, which runs for weeks: freed memory goes back to the
// system page by page only in 4 KiB pages. In huge pages its resident memory
// wandered by 2 MiB steps over 20 MiB, its floor 12 MiB higher in the second
// half of a 40-minute soak (tools/kiosk/soak.sh); in 4 KiB pages it stayed
// flat to the page. On the exhibition PC's GPU the frame gains nothing from them.
#pragma once

#include <optional>
#include <string>

namespace friche::app {

// What the process was started with, and what it may ask for.
struct HugePageAsk {
    const char* tunables = nullptr;  // GLIBC_TUNABLES, if set
    const char* wanted = nullptr;    // FRICHE_HUGE_PAGES, if set ("0": not wanted)
    bool kernelHasThem = false;      // transparent huge pages not "[never]"
    bool mallocIsGlibcs = true;      // no sanitizer's or valgrind's
    bool kiosk = false;              // friche --kiosk: memory flat for weeks first
};

// CPU only. The GLIBC_TUNABLES to start again with (the operator's own kept,
// glibc.malloc.hugetlb=1 added), or nullopt to go on as started: the
// tunable is set already (an operator's choice, or this is the second start),
// or huge pages are not wanted or not to be had.
std::optional<std::string> hugePageTunables(const HugePageAsk& ask);

// Replaces the process with itself started with hugePageTunables(); returns
// where it does not, or the exec failed. `kiosk`: HugePageAsk::kiosk.
void startWithHugePages(char** argv, bool kiosk = false);

// Whether malloc is glibc's: not a sanitizer's, not valgrind's.
bool mallocIsGlibcs();

// Whether this process runs with malloc's huge pages (`friche render --stats`).
bool runsWithHugePages();

}  // namespace friche::app
