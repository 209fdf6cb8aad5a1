#include "app/report_pages.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <iterator>
#include <set>

#include <nlohmann/json.hpp>

namespace friche::app {

namespace {

using workshop::Group;
using workshop::Pin;

// Readable on screen and on paper: one column, a still as wide as the text,
// a comment never split across two pages.
constexpr const char* kStyle = R"css(
body { font-family: "Noto Sans", "Helvetica Neue", Arial, sans-serif; color: #1a1d21;
       max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.8rem; margin-bottom: 0.2rem; }
h2 { border-bottom: 2px solid #1a1d21; padding-bottom: 0.2rem; margin-top: 2.5rem; }
h3 { margin-top: 2rem; }
.sub { color: #555; margin-top: 0; }
.swatch { display: inline-block; width: 0.9em; height: 0.9em; border-radius: 50%;
          border: 1px solid #0006; vertical-align: -0.1em; margin-right: 0.3em; }
article { border: 1px solid #ccc; border-radius: 6px; padding: 0.8rem 1rem; margin: 1rem 0;
          break-inside: avoid; page-break-inside: avoid; }
article.resolved { background: #f3f6f3; }
.meta { color: #444; font-size: 0.92rem; margin: 0 0 0.4rem; }
.text { white-space: pre-wrap; font-size: 1.08rem; margin: 0.4rem 0; }
.note { color: #8a4b00; font-style: italic; }
.question { font-weight: 600; color: #7a5200; }
img { display: block; max-width: 100%; height: auto; border-radius: 4px; }
table { border-collapse: collapse; margin: 0.8rem 0; }
th, td { border: 1px solid #bbb; padding: 0.25rem 0.6rem; text-align: left; }
td.n, th.n { text-align: right; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } }
)css";

std::string escape(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string base64(const std::string& bytes) {
    static constexpr char kDigits[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
        std::uint32_t chunk = 0;
        for (std::size_t k = 0; k < 3; ++k)
            chunk = chunk << 8 | (k < n ? static_cast<std::uint8_t>(bytes[i + k]) : 0u);
        for (std::size_t k = 0; k < 4; ++k)
            out += k <= n ? kDigits[chunk >> (18 - 6 * k) & 0x3F] : '=';
    }
    return out;
}

// A still as an <img> with its data inside.
std::string image(const PinStill& still, const std::string& alt) {
    return "<img src=\"data:image/png;base64," + base64(still.png) + "\" width=\"" +
           std::to_string(still.width) + "\" height=\"" + std::to_string(still.height) +
           "\" alt=\"" + escape(alt) + "\">";
}

// Times in UTC: ISO 8601 for the files, shorter for people on the page.
constexpr const char* kIsoTime = "%Y-%m-%dT%H:%M:%SZ";
constexpr const char* kPageTime = "%Y-%m-%d %H:%M UTC";
constexpr const char* kPageDay = "%Y-%m-%d";

std::string utcTime(std::int64_t seconds, const char* format = kIsoTime) {
    const std::time_t t = static_cast<std::time_t>(seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char text[32];
    std::strftime(text, sizeof text, format, &tm);
    return text;
}

std::string hexColour(std::uint32_t rgb) {
    char text[8];
    std::snprintf(text, sizeof text, "#%06X", rgb & 0xFFFFFFu);
    return text;
}

std::string number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.3f", value);  // metres: to the millimetre
    return text;
}

const Group* findGroup(const SessionRecord& record, std::int64_t id) {
    for (const Group& g : record.groups)
        if (g.id == id) return &g;
    return nullptr;
}

std::string groupBadge(const Group* group) {
    if (!group) return "<span class=\"group\">no group</span>";
    return "<span class=\"group\"><span class=\"swatch\" style=\"background:" +
           hexColour(group->colour) + "\"></span>" + escape(group->name) + "</span>";
}

// A phase's title as the report shows it, with its id: "Aujourd'hui (today)".
std::string phaseName(const ReportInput& in, const std::string& id) {
    const int phase = phaseIndex(in.scenario, id);
    if (phase < 0) return "'" + id + "' (no longer in the scenario)";
    const std::string& title =
        in.scenario.phases[static_cast<std::size_t>(phase)].title.in(in.language);
    return title.empty() ? id : title + " (" + id + ")";
}

std::string variantName(const ReportInput& in, const std::string& phaseId, const std::string& id) {
    const int phase = phaseIndex(in.scenario, phaseId);
    const int variant =
        phase < 0 ? -1 : variantIndex(in.scenario.phases[static_cast<std::size_t>(phase)], id);
    if (variant < 0) return "'" + id + "' (no longer in the scenario)";
    const std::string& name = in.scenario.phases[static_cast<std::size_t>(phase)]
                                  .variants[static_cast<std::size_t>(variant)]
                                  .name.in(in.language);
    return name.empty() ? id : name + " (" + id + ")";
}

// A table of dots: a row per target, a column per group, and the total.
std::string tallyTable(const ReportInput& in, const std::vector<std::string>& targets,
                       const std::vector<std::string>& labels) {
    std::string html = "<table><thead><tr><th></th>";
    for (const Group& g : in.record.groups) html += "<th class=\"n\">" + groupBadge(&g) + "</th>";
    html += "<th class=\"n\">total</th></tr></thead><tbody>";
    for (std::size_t t = 0; t < targets.size(); ++t) {
        html += "<tr><td>" + escape(labels[t]) + "</td>";
        int total = 0;
        for (const Group& g : in.record.groups) {
            int dots = 0;
            for (const workshop::VoteCount& v : in.record.votes)
                if (v.target == targets[t] && v.group == g.id) dots = v.dots;
            total += dots;
            html += "<td class=\"n\">" + std::to_string(dots) + "</td>";
        }
        html += "<td class=\"n\"><strong>" + std::to_string(total) + "</strong></td></tr>";
    }
    return html + "</tbody></table>";
}

std::string votesSection(const ReportInput& in) {
    // Every variant of the scenario, voted on or not, then targets it no longer has.
    std::vector<std::string> targets, labels;
    for (const scene::Phase& phase : in.scenario.phases)
        for (const scene::Variant& variant : phase.variants) {
            targets.push_back(workshop::variantTarget(phase.id, variant.id));
            labels.push_back(phaseName(in, phase.id) + ": " +
                             variantName(in, phase.id, variant.id));
        }
    std::set<std::string> pinTargets;
    for (const workshop::VoteCount& v : in.record.votes) {
        if (v.target.rfind("pin:", 0) == 0) {
            pinTargets.insert(v.target);
        } else if (std::find(targets.begin(), targets.end(), v.target) == targets.end()) {
            targets.push_back(v.target);
            labels.push_back(v.target + " (no longer in the scenario)");
        }
    }
    std::string html = "<section id=\"votes\"><h2>Votes</h2><h3>On the variants</h3>";
    html += targets.empty() ? "<p>The scenario has no variants to vote on.</p>"
                            : tallyTable(in, targets, labels);
    std::vector<std::string> pins, pinLabels;
    for (const Pin& p : in.record.pins)
        if (pinTargets.count(workshop::pinTarget(p.id))) {
            pins.push_back(workshop::pinTarget(p.id));
            pinLabels.push_back("Comment " + std::to_string(p.id));
        }
    html += "<h3>On the comments</h3>";
    html += pins.empty() ? "<p>No dots on the comments.</p>" : tallyTable(in, pins, pinLabels);
    return html + "</section>";
}

std::string groupsSection(const SessionRecord& record) {
    std::string html = "<section id=\"groups\"><h2>Groups</h2>";
    if (record.groups.empty()) return html + "<p>No groups.</p></section>";
    html += "<ul>";
    for (const Group& g : record.groups) {
        int used = 0;
        for (const workshop::VoteCount& v : record.votes)
            if (v.group == g.id) used += v.dots;
        html += "<li>" + groupBadge(&g) + ": " + std::to_string(used) + " of " +
                std::to_string(g.dots) + " dots placed</li>";
    }
    return html + "</ul></section>";
}

std::string pinArticle(const ReportInput& in, const Pin& pin) {
    std::string html = "<article id=\"pin-" + std::to_string(pin.id) + "\"" +
                       (pin.resolved ? " class=\"resolved\"" : "") + ">";
    html += "<p class=\"meta\"><strong>Comment " + std::to_string(pin.id) + "</strong> · " +
            groupBadge(findGroup(in.record, pin.group)) + " · " +
            (pin.resolved ? "resolved" : "open") + " · " + utcTime(pin.created, kPageTime) + "</p>";
    html += "<p class=\"text\">" + escape(pin.text) + "</p>";
    std::string dots;
    for (const workshop::VoteCount& v : in.record.votes) {
        if (v.target != workshop::pinTarget(pin.id)) continue;
        const Group* g = findGroup(in.record, v.group);
        dots += (dots.empty() ? "" : ", ") + escape(g ? g->name : std::to_string(v.group)) + " " +
                std::to_string(v.dots);
    }
    if (!dots.empty()) html += "<p class=\"meta\">Dots: " + dots + "</p>";
    const auto still = in.stills.find(pin.id);
    if (still != in.stills.end())
        html += image(still->second, "The view comment " + std::to_string(pin.id) +
                                         " was pinned from, with its pin");
    else
        html += "<p class=\"note\">No still: the scenario no longer has this phase.</p>";
    const int phase = phaseIndex(in.scenario, pin.phase);
    if (!pin.variant.empty() && phase >= 0 &&
        variantIndex(in.scenario.phases[static_cast<std::size_t>(phase)], pin.variant) < 0)
        html +=
            "<p class=\"note\">The still shows the phase as planned: the scenario no longer "
            "has this variant.</p>";
    return html + "</article>";
}

// Phases in the scenario's order, then those it no longer has; in a phase,
// the plan first, then its variants in order, then variants it no longer has.
std::vector<std::pair<std::string, std::string>> commentOrder(const ReportInput& in) {
    std::vector<std::pair<std::string, std::string>> order;
    const auto add = [&](const std::string& phase, const std::string& variant) {
        const std::pair<std::string, std::string> key{phase, variant};
        if (std::find(order.begin(), order.end(), key) != order.end()) return;
        const bool used =
            std::any_of(in.record.pins.begin(), in.record.pins.end(),
                        [&](const Pin& p) { return p.phase == phase && p.variant == variant; });
        if (used) order.push_back(key);
    };
    for (const scene::Phase& phase : in.scenario.phases) {
        add(phase.id, "");
        for (const scene::Variant& variant : phase.variants) add(phase.id, variant.id);
        for (const Pin& p : in.record.pins)
            if (p.phase == phase.id) add(p.phase, p.variant);
    }
    for (const Pin& p : in.record.pins) add(p.phase, p.variant);
    return order;
}

std::string commentsSection(const ReportInput& in) {
    std::string html = "<section id=\"comments\"><h2>Comments</h2>";
    if (in.record.pins.empty()) html += "<p>No comments were pinned.</p>";
    std::string lastPhase;
    bool first = true;
    for (const auto& [phase, variant] : commentOrder(in)) {
        if (first || phase != lastPhase) html += "<h3>" + escape(phaseName(in, phase)) + "</h3>";
        first = false;
        lastPhase = phase;
        if (!variant.empty())
            html += "<h4>Variant " + escape(variantName(in, phase, variant)) + "</h4>";
        for (const Pin& p : in.record.pins)
            if (p.phase == phase && p.variant == variant) html += pinArticle(in, p);
    }
    return html + "</section>";
}

// Each tour of the scenario, its steps in order with what the facilitator
// said and asked, and the still of what the screen showed.
std::string tourStepsSection(const ReportInput& in) {
    if (in.scenario.tours.empty()) return {};
    std::string html = "<section id=\"tours\"><h2>Tour steps</h2>";
    for (std::size_t t = 0; t < in.scenario.tours.size(); ++t) {
        const scene::Tour& tour = in.scenario.tours[t];
        html += "<h3>" + escape(tour.name.in(in.language)) + "</h3><ol>";
        for (std::size_t s = 0; s < tour.steps.size(); ++s) {
            const scene::TourStep& step = tour.steps[s];
            html += "<li><article><h4>" + escape(step.title.in(in.language)) + "</h4>";
            if (!step.text.in(in.language).empty())
                html += "<p class=\"text\">" + escape(step.text.in(in.language)) + "</p>";
            if (!step.question.in(in.language).empty())
                html += "<p class=\"question\">" + escape(step.question.in(in.language)) + "</p>";
            if (t < in.tourStills.size() && s < in.tourStills[t].size())
                html += image(in.tourStills[t][s], "What the screen showed at step " +
                                                       std::to_string(s + 1) + " of the tour");
            html += "</article></li>";
        }
        html += "</ol>";
    }
    return html + "</section>";
}

// Guards a spreadsheet against formulas: a text cell starting with = + - @ is
// prefixed with an apostrophe, so a comment typed on the tablet stays text.
std::string csvText(const std::string& text) {
    return !text.empty() && std::string("=+-@").find(text[0]) != std::string::npos ? "'" + text
                                                                                   : text;
}

std::string csvField(const std::string& field) {
    if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
    std::string out = "\"";
    for (const char c : field) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

nlohmann::json vec(glm::vec3 v) {
    return nlohmann::json::array({v.x, v.y, v.z});
}

}  // namespace

SessionRecord readRecord(const workshop::SessionStore& store) {
    return {store.owner(), store.created(), store.groups(),
            store.pins(),  store.votes(),   store.place()};
}

int phaseIndex(const scene::Scenario& scenario, const std::string& id) {
    return scenario.phaseIndex(id).value_or(-1);
}

int variantIndex(const scene::Phase& phase, const std::string& id) {
    for (std::size_t i = 0; i < phase.variants.size(); ++i)
        if (phase.variants[i].id == id) return static_cast<int>(i);
    return -1;
}

std::string reportHtml(const ReportInput& in) {
    const std::string site = in.scenario.site.name.in(in.language).empty()
                                 ? in.scenario.site.id
                                 : in.scenario.site.name.in(in.language);
    const std::string day = utcTime(in.record.created, kPageDay);
    std::string html = "<!DOCTYPE html>\n<html lang=\"" +
                       std::string(scene::languageCode(in.language)) +
                       "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                       "content=\"width=device-width, initial-scale=1\"><title>Workshop: " +
                       escape(site) + ", " + day + "</title><style>" + kStyle +
                       "</style></head>\n<body><header><h1>Workshop: " + escape(site) + ", " + day +
                       "</h1><p class=\"sub\">" + std::to_string(in.record.pins.size()) +
                       " comments, " + std::to_string(in.record.groups.size()) +
                       " groups. Scenario " + escape(in.record.owner.scenario) +
                       "; report written " + utcTime(in.written, kPageTime) + ".</p></header>\n";
    html += commentsSection(in) + "\n" + votesSection(in) + "\n" + groupsSection(in.record) + "\n" +
            tourStepsSection(in);
    return html + "\n</body></html>\n";
}

std::string commentsCsv(const SessionRecord& record) {
    std::string csv = "id,phase,variant,group,text,resolved,x,y,z,created\r\n";
    for (const Pin& p : record.pins) {
        const Group* g = findGroup(record, p.group);
        const std::string fields[] = {std::to_string(p.id), csvText(p.phase),
                                      csvText(p.variant),   csvText(g ? g->name : ""),
                                      csvText(p.text),      p.resolved ? "yes" : "no",
                                      number(p.anchor.x),   number(p.anchor.y),
                                      number(p.anchor.z),   utcTime(p.created)};
        for (std::size_t i = 0; i < std::size(fields); ++i)
            csv += (i ? "," : "") + csvField(fields[i]);
        csv += "\r\n";
    }
    return csv;
}

std::string sessionJson(const SessionRecord& record) {
    using nlohmann::json;
    json groups = json::array(), pins = json::array(), votes = json::array();
    for (const Group& g : record.groups)
        groups.push_back(
            {{"id", g.id}, {"name", g.name}, {"colour", hexColour(g.colour)}, {"dots", g.dots}});
    for (const Pin& p : record.pins) {
        const workshop::PinCamera& c = p.camera;
        pins.push_back({{"id", p.id},
                        {"phase", p.phase},
                        {"variant", p.variant},
                        {"anchor", vec(p.anchor)},
                        {"normal", vec(p.normal)},
                        {"text", p.text},
                        {"group", p.group},
                        {"resolved", p.resolved},
                        {"camera",
                         {{"target", vec(c.target)},
                          {"yaw", c.yaw},
                          {"pitch", c.pitch},
                          {"distance", c.distance},
                          {"fovY", c.fovY}}},
                        {"created", utcTime(p.created)}});
    }
    for (const workshop::VoteCount& v : record.votes)
        votes.push_back({{"target", v.target}, {"group", v.group}, {"dots", v.dots}});
    json place = nullptr;
    if (record.place) {
        json variants = json::object();
        for (const auto& [phase, variant] : record.place->variants) variants[phase] = variant;
        place = {{"position", record.place->position},
                 {"tour", record.place->tour},
                 {"step", record.place->step},
                 {"lang", record.place->lang},
                 {"variants", variants}};
    }
    const json session = {
        {"format", workshop::kSessionFormat},
        {"scenario", {{"id", record.owner.scenarioId}, {"path", record.owner.scenario}}},
        {"created", utcTime(record.created)},
        {"groups", groups},
        {"pins", pins},
        {"votes", votes},
        {"place", place}};
    // A text that is not UTF-8 (a damaged file) is written with U+FFFD, not refused.
    return session.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace friche::app
