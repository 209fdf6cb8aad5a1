#include "app/check_command.h"

#include <nlohmann/json.hpp>

#include "app/environment.h"
#include "core/file.h"
#include "io/load.h"
#include "io/scenario_loader.h"
#include "media/signal_stop.h"
#include "scene/draw_list.h"

namespace friche::app {

namespace {

using nlohmann::json;

// Severity numbers as the Khronos glTF-Validator writes them.
int validatorSeverity(core::Severity s) {
    switch (s) {
        case core::Severity::Error:
            return 0;
        case core::Severity::Warning:
            return 1;
        case core::Severity::Info:
            return 2;
    }
    return 0;
}

// The report without its "info", for a model or a scenario alike.
json baseReport(const std::string& path, const core::Problems& problems) {
    json messages = json::array();
    for (const core::Problem& p : problems.list()) {
        json m = {
            {"code", p.code}, {"message", p.message}, {"severity", validatorSeverity(p.severity)}};
        // A JSON pointer goes where the validator puts it; byte offsets and file:line beside it.
        m[!p.where.empty() && p.where[0] == '/' ? "pointer" : "location"] = p.where;
        messages.push_back(std::move(m));
    }
    return {{"uri", path},
            {"validatorVersion", std::string("friche ") + FRICHE_VERSION},
            {"issues",
             {{"numErrors", problems.count(core::Severity::Error)},
              {"numWarnings", problems.count(core::Severity::Warning)},
              {"numInfos", problems.count(core::Severity::Info)},
              {"numHints", 0},
              {"messages", std::move(messages)},
              {"truncated", false}}}};
}

json reportJson(const std::string& path, const io::LoadResult& r) {
    json report = baseReport(path, r.problems);
    if (r.ok()) {
        const auto items = scene::buildDrawList(r.model, r.model.defaultScene);
        const scene::Stats s = scene::computeStats(r.model, items);
        report["info"] = {{"format", r.model.format},
                          {"extensionsUsed", r.model.extensionsUsed},
                          {"sceneCount", r.model.scenes.size()},
                          {"nodeCount", s.nodes},
                          {"meshCount", s.meshes},
                          {"primitivesCount", s.primitives},
                          {"materialCount", s.materials},
                          {"textureCount", s.textures},
                          {"imageCount", s.images},
                          {"cameraCount", r.model.cameras.size()},
                          {"lightCount", r.model.lights.size()},
                          {"variantCount", r.model.variants.size()},
                          {"totalVertexCount", s.vertices},
                          {"totalTriangleCount", s.triangles}};
    }
    return report;
}

// Every problem, then the error count; false if there were errors.
bool printProblems(const std::string& path, const core::Problems& problems, std::ostream& out,
                   std::ostream& err) {
    for (const core::Problem& p : problems.list()) {
        (p.severity == core::Severity::Error ? err : out) << core::formatProblem(path, p) << "\n";
    }
    if (!problems.hasErrors()) return true;
    err << path << ": " << problems.count(core::Severity::Error) << " error(s)\n";
    return false;
}

void printText(const std::string& path, const io::LoadResult& r, std::ostream& out,
               std::ostream& err) {
    if (!printProblems(path, r.problems, out, err)) return;
    const auto items = scene::buildDrawList(r.model, r.model.defaultScene);
    const scene::Stats s = scene::computeStats(r.model, items);
    out << path << ": ok (" << r.model.format << "): " << s.nodes << " nodes, " << s.meshes
        << " meshes, " << s.materials << " materials, " << s.textures << " textures, "
        << s.triangles << " triangles";
    const int warnings = r.problems.count(core::Severity::Warning);
    if (warnings > 0) out << ", " << warnings << " warning(s)";
    out << "\n";
}

// A scenario (.json): its own problems, then those of every model it uses.
bool checkScenario(const std::string& path, bool asJson, std::ostream& out, std::ostream& err,
                   json& reports) {
    const io::ScenarioResult r = io::loadScenario(path);
    core::Problems problems = r.problems;
    if (r.ok()) problems.append(io::loadSiteModel(r.scenario).problems);
    const scene::Scenario& s = r.scenario;
    if (asJson) {
        json report = baseReport(path, problems);
        if (!problems.hasErrors())
            report["info"] = {{"format", "friche scenario"},   {"site", s.site.id},
                              {"layerCount", s.layers.size()}, {"phaseCount", s.phases.size()},
                              {"viewCount", s.views.size()},   {"hotspotCount", s.hotspots.size()}};
        reports.push_back(std::move(report));
    } else if (printProblems(path, problems, out, err)) {
        out << path << ": ok (scenario '" << s.site.id << "'): " << s.phases.size() << " phases, "
            << s.layers.size() << " layers, " << s.views.size() << " views, " << s.hotspots.size()
            << " hotspots";
        const int warnings = problems.count(core::Severity::Warning);
        if (warnings > 0) out << ", " << warnings << " warning(s)";
        out << "\n";
    }
    return !problems.hasErrors();
}

}  // namespace

int runCheck(const CheckCommand& cmd, std::ostream& out, std::ostream& err) {
    // Ctrl+C or a service stop ends a check within a second, even in a huge file.
    const media::SignalStop stop(media::kCommandGrace);
    if (!readEnvironment("friche check")) return kExitUsage;
    bool allOk = true;
    json reports = json::array();
    for (const std::string& path : cmd.paths) {
        if (stop.requested()) return 128 + stop.signal();
        if (core::lowerExtension(path) == "json") {
            allOk = checkScenario(path, cmd.json, out, err, reports) && allOk;
            continue;
        }
        const io::LoadResult r = io::loadModel(path);
        // A signal that came while the file loaded ends the check even when the
        // load finished within its grace: never an "ok" after a Ctrl+C.
        if (stop.requested()) return 128 + stop.signal();
        allOk = allOk && r.ok();
        if (cmd.json) {
            reports.push_back(reportJson(path, r));
        } else {
            printText(path, r, out, err);
        }
    }
    if (stop.requested()) return 128 + stop.signal();
    // One file: one report, as the Khronos validator prints it; several: an array of them.
    if (cmd.json) out << (reports.size() == 1 ? reports[0] : reports).dump(2) << "\n";
    return allOk ? kExitOk : kExitBadInput;
}

}  // namespace friche::app
