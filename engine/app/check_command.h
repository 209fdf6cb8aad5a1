// `friche check [--json] PATH...`: load and validate without rendering, list
// every problem with where it is. Exit 0 if every file is fine (warnings
// allowed), 1 if any has an error.
#pragma once

#include <ostream>

#include "app/cli.h"

namespace friche::app {

int runCheck(const CheckCommand& cmd, std::ostream& out, std::ostream& err);

}  // namespace friche::app
