#include "media/libav.h"

#include <dlfcn.h>

extern "C" {
#include <libavcodec/version_major.h>
#include <libavformat/version_major.h>
#include <libavutil/macros.h>
#include <libavutil/version.h>
#include <libswscale/version_major.h>
}

namespace friche::media {

namespace {

// The sonames of the versions the headers are: what the package of the
// build's FFmpeg installs (Debian 12: libavcodec.so.59).
constexpr const char* kAvutil = "libavutil.so." AV_STRINGIFY(LIBAVUTIL_VERSION_MAJOR);
constexpr const char* kAvcodec = "libavcodec.so." AV_STRINGIFY(LIBAVCODEC_VERSION_MAJOR);
constexpr const char* kAvformat = "libavformat.so." AV_STRINGIFY(LIBAVFORMAT_VERSION_MAJOR);
constexpr const char* kSwscale = "libswscale.so." AV_STRINGIFY(LIBSWSCALE_VERSION_MAJOR);

struct Opened {
    LibAv av;
    std::string error;  // empty: every function was found
};

Opened open() {
    Opened o;
    struct Library {
        const char* soname;
        void* handle;
    };
    Library avutil{kAvutil, nullptr}, avcodec{kAvcodec, nullptr}, avformat{kAvformat, nullptr},
        swscale{kSwscale, nullptr};
    for (Library* l : {&avutil, &avcodec, &avformat, &swscale}) {
        l->handle = dlopen(l->soname, RTLD_NOW | RTLD_LOCAL);
        if (!l->handle) {
            const char* why = dlerror();
            o.error = std::string("cannot open FFmpeg's ") + l->soname + ": " +
                      (why ? why : "not found") + " (tools/setup.sh installs FFmpeg)";
            return o;
        }
    }
#define FRICHE_LIBAV_FIND(library, name)                                             \
    o.av.name = reinterpret_cast<decltype(o.av.name)>(dlsym(library.handle, #name)); \
    if (!o.av.name) {                                                                \
        o.error = std::string(library.soname) + " has no function " #name;           \
        return o;                                                                    \
    }
    FRICHE_LIBAV_FUNCTIONS(FRICHE_LIBAV_FIND)
#undef FRICHE_LIBAV_FIND
    return o;
}

}  // namespace

const LibAv* openLibAv(std::string& error) {
    static const Opened opened = open();  // once, whichever thread asks first
    if (!opened.error.empty()) {
        error = opened.error;
        return nullptr;
    }
    return &opened.av;
}

}  // namespace friche::media
