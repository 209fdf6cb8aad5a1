// Items of work shared out over the machine's cores.
//
//   core::forEachInParallel(images.size(), [&](std::size_t i) { decode(images[i]); });
#pragma once

#include <cstddef>
#include <functional>

namespace friche::core {

// Calls work(i) for each i in [0, count), on as many threads as there are
// cores (the calling one among them, none more than items), each taking the
// next i when it is done: big and small items share out well without a
// plan. Returns when every call has. `work` must be safe to run concurrently.
void forEachInParallel(std::size_t count, const std::function<void(std::size_t)>& work);

}  // namespace friche::core
