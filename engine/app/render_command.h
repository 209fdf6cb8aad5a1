// `friche render PATH -o OUT.png [--size WxH] ...`: a still, with no display.
#pragma once

#include "app/cli.h"

namespace friche::app {

int runRender(const RenderCommand& cmd);

}  // namespace friche::app
