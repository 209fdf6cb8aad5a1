#include "app/huge_pages.h"

#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>

namespace friche::app {

namespace {

constexpr const char* kTunable = "glibc.malloc.hugetlb";
constexpr const char* kAsked = "glibc.malloc.hugetlb=1";

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

// "always [madvise] never": malloc's madvise is heeded unless "[never]" is chosen.
bool kernelHasHugePages() {
    std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
    const std::string modes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return !modes.empty() && modes.find("[never]") == std::string::npos;
}

bool underValgrind() {
    const char* preload = std::getenv("LD_PRELOAD");
    return preload && std::strstr(preload, "vgpreload");
}

}  // namespace

std::optional<std::string> hugePageTunables(const HugePageAsk& ask) {
    if (ask.kiosk || !ask.mallocIsGlibcs || !ask.kernelHasThem ||
        (ask.wanted && std::strcmp(ask.wanted, "0") == 0) ||
        (ask.tunables && std::strstr(ask.tunables, kTunable)))
        return std::nullopt;
    const std::string kept = ask.tunables && *ask.tunables ? std::string(ask.tunables) + ":" : "";
    return kept + kAsked;
}

void startWithHugePages(char** argv, bool kiosk) {
    const char* before = std::getenv("GLIBC_TUNABLES");
    const auto tunables = hugePageTunables({.tunables = before,
                                            .wanted = std::getenv("FRICHE_HUGE_PAGES"),
                                            .kernelHasThem = kernelHasHugePages(),
                                            .mallocIsGlibcs = mallocIsGlibcs(),
                                            .kiosk = kiosk});
    if (!tunables) return;
    // By its own path, not /proc/self/exe: the process keeps its name (ps, pkill friche).
    char self[4096];
    const ssize_t length = readlink("/proc/self/exe", self, sizeof self - 1);
    if (length <= 0 || length >= static_cast<ssize_t>(sizeof self - 1)) return;
    self[length] = '\0';
    if (access(self, X_OK) != 0) return;  // replaced or removed since it started
    // Started by the dynamic loader itself (`ld-linux-x86-64.so.2 --library-path
    // ... friche_scrub_bench`, bench/gpu_scrub.sh): it would not find its program again.
    const char* name = std::strrchr(self, '/');
    if (std::strncmp(name ? name + 1 : self, "ld-", 3) == 0) return;
    const std::string previous = before ? before : "";
    if (setenv("GLIBC_TUNABLES", tunables->c_str(), 1) != 0) return;
    execv(self, argv);
    // Not replaced: go on as started.
    if (before)
        setenv("GLIBC_TUNABLES", previous.c_str(), 1);
    else
        unsetenv("GLIBC_TUNABLES");
}

bool mallocIsGlibcs() {
    return !kSanitized && !underValgrind();
}

bool runsWithHugePages() {
    const char* tunables = std::getenv("GLIBC_TUNABLES");
    return !kSanitized && tunables && std::strstr(tunables, kAsked);
}

}  // namespace friche::app
