// What `friche report` writes, as text: the workshop's web page (the comments
// by phase and variant with each pin's still, the vote tallies), the comments
// as CSV and the whole session as JSON. No GL and no files here: the command
// (app/report_command.h) renders the stills and writes the results.
//
//   const app::SessionRecord record = app::readRecord(*store);
//   const app::ReportInput input{record, scenario, scene::Language::Fr, stills,
//   std::time(nullptr)}; core::writeFileAtomically(dir / "index.html", app::reportHtml(input),
//   error);
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "scene/locale.h"
#include "scene/scenario.h"
#include "workshop/session_store.h"

namespace friche::app {

// Everything in a session, read once.
struct SessionRecord {
    workshop::SessionOwner owner;
    std::int64_t created = 0;  // seconds since 1970
    std::vector<workshop::Group> groups;
    std::vector<workshop::Pin> pins;
    std::vector<workshop::VoteCount> votes;
    std::optional<workshop::Place> place;
};
SessionRecord readRecord(const workshop::SessionStore& store);

// A pin's still, as PNG bytes.
struct PinStill {
    std::string png;
    int width = 0;
    int height = 0;
};

struct ReportInput {
    const SessionRecord& record;
    const scene::Scenario& scenario;
    scene::Language language = scene::Language::En;  // of the scenario's texts
    std::map<std::int64_t, PinStill> stills;         // by pin id: the pins with a phase
    std::int64_t written = 0;                        // seconds since 1970
};

// The index of phase `id` in `scenario`, -1 when it has none (any more).
int phaseIndex(const scene::Scenario& scenario, const std::string& id);
// The index of variant `id` in `phase`, -1 when it has none.
int variantIndex(const scene::Phase& phase, const std::string& id);

// A page that needs nothing beside it: CSS inline, the stills as data: URIs, every text escaped.
std::string reportHtml(const ReportInput& input);
// RFC 4180: a header, then a row a pin; CRLF line ends; fields quoted where needed.
std::string commentsCsv(const SessionRecord& record);
std::string sessionJson(const SessionRecord& record);

}  // namespace friche::app
