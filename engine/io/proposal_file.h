// "Save as scenario" for an architect's proposal: the scenario file it was
// opened from, with the proposal's layer, its phase and the view it was
// looked at from written in, so that `friche render OUT.json --phase ID`
// draws what the viewer showed. Everything else in the file is kept as written.
//
//   std::string error;
//   if (!io::saveProposalScenario(placed, phase, &view, "scenes/seraing-proposal.json", error))
//       show(error);   // names the path and the system's reason
#pragma once

#include <filesystem>
#include <string>

#include "scene/scenario.h"

namespace friche::io {

// `placed`: a scenario read from placed.file, with scene::withProposal applied;
// `proposalPhase`: its proposal phase's index; `view`: the camera to open that
// phase with (nullptr: none saved). Written atomically (core::writeFileAtomically).
// False with `error` when the original cannot be read, its phase is not one the
// file lists (a phase made from a model's scenes), or the file cannot be written.
bool saveProposalScenario(const scene::Scenario& placed, int proposalPhase, const scene::View* view,
                          const std::filesystem::path& out, std::string& error);

}  // namespace friche::io
