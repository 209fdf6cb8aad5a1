// The tablet remote's touch page, engine/remote/page.html, embedded by the
// build (cmake/remote_page.cmake): friche serves it with no file beside it,
// and the page itself loads nothing else (inline CSS and script).
#pragma once

#include <string_view>

namespace friche::remote {

extern const std::string_view kRemotePage;

}  // namespace friche::remote
