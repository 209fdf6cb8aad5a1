#include "core/memory.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <string_view>

#include <sys/resource.h>

namespace friche::core {

namespace {

constexpr std::uint64_t kMiB = 1024 * 1024;

std::atomic<std::uint64_t> memoryCap{0};

// A "Name:   1234 kB" line of a /proc file, in bytes; the largest value when absent.
std::uint64_t procKilobytes(const char* file, std::string_view name) {
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);) {
        if (!line.starts_with(name) || line.size() <= name.size() || line[name.size()] != ':')
            continue;
        return std::strtoull(line.c_str() + name.size() + 1, nullptr, 10) * 1024;
    }
    return std::numeric_limits<std::uint64_t>::max();
}

}  // namespace

std::uint64_t memoryLimit() {
    std::uint64_t limit = procKilobytes("/proc/meminfo", "MemAvailable");
    if (rlimit as{}; ::getrlimit(RLIMIT_AS, &as) == 0 && as.rlim_cur != RLIM_INFINITY) {
        const std::uint64_t mapped = procKilobytes("/proc/self/status", "VmSize");
        const std::uint64_t left = mapped < as.rlim_cur ? as.rlim_cur - mapped : 0;
        limit = std::min<std::uint64_t>(limit, left);
    }
    if (const std::uint64_t cap = memoryCap.load(); cap > 0) limit = std::min(limit, cap);
    return limit;
}

void capMemory(std::uint64_t bytes) {
    memoryCap.store(bytes);
}

std::string needsMoreMemory(std::uint64_t neededBytes, std::uint64_t limitBytes) {
    return "this file needs " + std::to_string((neededBytes + kMiB - 1) / kMiB) +
           " MiB, more than the limit of " + std::to_string(limitBytes / kMiB) + " MiB";
}

}  // namespace friche::core
