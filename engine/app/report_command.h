// `friche report SESSION -o DIR [--size WxH] [--lang L]`: a workshop's record
// to take home, with no display. DIR/index.html is one self-contained page
// (each pin's still from the view it was dropped from, with the pin drawn;
// the comments by phase and variant; the vote tallies), beside it
// comments.csv and session.json. Each file is written whole or not at all.
//
//   friche report atelier.friche -o rapport/     # then open rapport/index.html
#pragma once

#include "app/cli.h"

namespace friche::app {

int runReport(const ReportCommand& cmd);

}  // namespace friche::app
