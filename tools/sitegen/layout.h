// A site's layout read from its data file (assets/sites/<site>.json): what
// stands where, in which group, as kit elements with their parameters. The
// format is described in README.md.
//
//   std::unique_ptr<sitegen::Site> s = sitegen::loadSite("assets/sites/seraing.json", std::cerr);
//   if (s) s->write(outDir);
//
// A broken file never builds half a site: loadSite prints what is wrong and
// where (the file, the JSON pointer, the node's name) and returns null.
#pragma once

#include <filesystem>
#include <memory>
#include <ostream>

#include "sitegen/site.h"

namespace sitegen {

std::unique_ptr<Site> loadSite(const std::filesystem::path& file, std::ostream& errors);

}  // namespace sitegen
