// `friche report SESSION -o DIR` on a Droixhe workshop made here with the
// session store: the page parses (tags balanced, text escaped), each of its
// images is a PNG of the still's size that shows something and the pin drawn
// in its group's colour, the comments are in it and in comments.csv,
// session.json holds the session; and the inputs it refuses, by name.
#include <gtest/gtest.h>

#include <stb_image.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <unistd.h>

#include "support/run.h"
#include "support/seed_sites.h"
#include "support/test_files.h"
#include "workshop/session_store.h"

using namespace friche::test;
using namespace friche::workshop;
namespace fs = std::filesystem;

namespace {

constexpr int kReportWidth = 640, kReportHeight = 360;
constexpr std::uint32_t kMagenta = 0xFF00FF;  // no surface of the site has it
const std::string kEscapedText = "&lt;b&gt;Un banc &amp; de l&#39;ombre&lt;/b&gt;";
const std::string kRawText = "<b>Un banc & de l'ombre</b>";
const std::string kQuotedText = "Plus d'arbres, \"vraiment\"\nsur deux lignes";

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The camera of one of Droixhe's views: yaw, pitch and distance from its eye to its target.
PinCamera cameraFrom(glm::vec3 eye, glm::vec3 target) {
    const glm::vec3 d = target - eye;
    const float distance = glm::length(d);
    PinCamera c;
    c.target = target;
    c.distance = distance;
    c.pitch = std::asin(d.y / distance);
    c.yaw = std::atan2(d.x, -d.z);
    c.fovY = 0.8f;
    return c;
}

Pin pin(const std::string& phase, glm::vec3 anchor, PinCamera camera, std::int64_t group,
        const std::string& text) {
    return {0, phase, "", anchor, {0.0f, 1.0f, 0.0f}, text, group, false, camera, 0};
}

// Three pins in phases Droixhe has, one in a phase it does not; two groups and their dots.
void makeSession(const fs::path& path, const std::string& scenario) {
    std::string error;
    auto store = SessionStore::open(path, {"droixhe", scenario}, error);
    ASSERT_TRUE(store) << error;
    const auto pink = store->addGroup({0, "Table rose", kMagenta, 3}, error);
    const auto blue = store->addGroup({0, "Table <bleue>", 0x2060C0, 2}, error);
    ASSERT_TRUE(pink && blue) << error;
    const PinCamera pond = cameraFrom({70, 20, 80}, {0, 0, 10});
    const PinCamera overview = cameraFrom({160, 150, 260}, {0, 1, 2});
    const auto first =
        store->addPin(pin("neighbourhood", {0, 4, 10}, pond, *pink, kQuotedText), error);
    const auto second =
        store->addPin(pin("horizon", {120, 3, -20}, overview, *blue, "Un toit vert"), error);
    Pin bench = pin("n-power", {0, 4, 10}, pond, *pink, kRawText);
    bench.resolved = true;
    const auto third = store->addPin(bench, error);
    ASSERT_TRUE(first && second && third) << error;
    ASSERT_TRUE(store->addPin(pin("vanished", {0, 0, 0}, pond, 0, "=1+1"), error)) << error;
    ASSERT_TRUE(store->vote(*pink, pinTarget(*first), 1, error)) << error;
    ASSERT_TRUE(store->vote(*pink, pinTarget(*first), 1, error)) << error;
    ASSERT_TRUE(store->vote(*blue, pinTarget(*third), 1, error)) << error;
    ASSERT_TRUE(store->vote(*pink, variantTarget("horizon", "garden"), 1, error)) << error;
    ASSERT_TRUE(store->savePlace({2.0, "", -1, "fr", {}}, error)) << error;
}

// Tags balanced (void elements aside), attributes quoted, every & an entity
// and no bare > outside tags: what a strict parser needs. Empty when it is so.
std::string htmlProblem(const std::string& html) {
    static const std::set<std::string> kVoid = {"meta", "img", "br", "hr", "link", "input"};
    std::vector<std::string> open;
    for (std::size_t i = 0; i < html.size();) {
        if (html[i] == '&') {
            const std::size_t semicolon = html.find(';', i);
            const std::string entity = html.substr(i, semicolon - i + 1);
            if (!std::regex_match(entity, std::regex("&([a-z]+|#[0-9]+);")))
                return "a bare & at " + std::to_string(i);
            i = semicolon + 1;
            continue;
        }
        if (html[i] == '>') return "a bare > at " + std::to_string(i);
        if (html[i] != '<') {
            ++i;
            continue;
        }
        const std::size_t end = html.find('>', i);
        if (end == std::string::npos) return "an unclosed tag at " + std::to_string(i);
        const std::string tag = html.substr(i + 1, end - i - 1);
        if (std::count(tag.begin(), tag.end(), '"') % 2) return "unbalanced quotes in <" + tag;
        i = end + 1;
        if (tag.rfind("!DOCTYPE", 0) == 0) continue;
        const bool closing = tag[0] == '/';
        const std::string name =
            tag.substr(closing ? 1 : 0, tag.find_first_of(" /", 1) - (closing ? 1 : 0));
        if (!std::regex_match(name, std::regex("[a-z][a-z0-9]*"))) return "a bad tag <" + tag;
        if (closing) {
            if (open.empty() || open.back() != name)
                return "</" + name + "> closes <" + (open.empty() ? "" : open.back()) + ">";
            open.pop_back();
        } else if (!kVoid.count(name)) {
            open.push_back(name);
            if (name == "style") i = html.find("</style>", i);  // CSS is not HTML
        }
    }
    return open.empty() ? "" : "<" + open.back() + "> is never closed";
}

std::string decodeBase64(const std::string& text) {
    static const std::string kDigits =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::uint32_t bits = 0;
    int count = 0;
    for (const char c : text) {
        if (c == '=') break;
        bits = bits << 6 | static_cast<std::uint32_t>(kDigits.find(c));
        if ((count += 6) >= 8) {
            count -= 8;
            out += static_cast<char>(bits >> count & 0xFF);
        }
    }
    return out;
}

// RFC 4180: fields split on commas outside quotes, records on CRLF outside quotes.
std::vector<std::vector<std::string>> parseCsv(const std::string& csv) {
    std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
    bool quoted = false;
    for (std::size_t i = 0; i < csv.size(); ++i) {
        const char c = csv[i];
        std::string& field = rows.back().back();
        if (quoted) {
            if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().emplace_back();
        } else if (c == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n') {
            ++i;
            rows.emplace_back(1);
        } else {
            field += c;
        }
    }
    if (rows.back().size() == 1 && rows.back()[0].empty()) rows.pop_back();
    return rows;
}

class Report : public testing::Test {
protected:
    // One report for all the checks run in this process: its stills are the
    // slow part. ctest runs each check in a process of its own, in parallel, so
    // the folder is the process's: a shared one was emptied by one check's
    // set-up while another's report was writing into it.
    static void SetUpTestSuite() {
        dir_ = fs::temp_directory_path() / "friche_test" / "Report" /
               ("shared-" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        makeSession(dir_ / "atelier.friche", kDroixhe);
        result_ = runFriche({"report", (dir_ / "atelier.friche").string(), "-o",
                             (dir_ / "out").string(), "--size", "640x360", "--lang", "fr"},
                            300);
    }
    static void TearDownTestSuite() { fs::remove_all(dir_); }
    static inline fs::path dir_;
    static inline RunResult result_;
};

}  // namespace

TEST_F(Report, WritesAPageThatParses) {
    ASSERT_EQ(result_.exitCode, 0) << result_.output;
    // stderr is not a terminal here: a line a still, not a bar. Three pins with
    // a phase, and the six steps of Droixhe's tour.
    EXPECT_NE(result_.output.find("report: still 9/9"), std::string::npos) << result_.output;
    const std::string html = slurp(dir_ / "out" / "index.html");
    ASSERT_FALSE(html.empty());
    EXPECT_EQ(htmlProblem(html), "");
    EXPECT_NE(html.find("<title>Workshop: Liège-Droixhe"), std::string::npos);
    EXPECT_NE(html.find(kEscapedText), std::string::npos);
    EXPECT_EQ(html.find(kRawText), std::string::npos);
    EXPECT_NE(html.find("Table &lt;bleue&gt;"), std::string::npos);
    EXPECT_NE(html.find("No still: the scenario no longer has this phase"), std::string::npos);
    EXPECT_NE(html.find("variant:horizon/garden (no longer in the scenario)"), std::string::npos);
    // The tour's steps, in the report's language, with what was asked.
    EXPECT_NE(html.find("<section id=\"tours\"><h2>Tour steps</h2>"), std::string::npos);
    EXPECT_NE(html.find("Deux options : un jardin ou des logements"), std::string::npos);
    EXPECT_NE(html.find("Laquelle préférez-vous ? Placez vos gommettes."), std::string::npos);
    // Self-contained: nothing is fetched from anywhere.
    EXPECT_EQ(html.find("src=\"http"), std::string::npos);
    EXPECT_EQ(html.find("<link"), std::string::npos);
}

TEST_F(Report, EachStillIsAnEmbeddedPngWithItsPin) {
    ASSERT_EQ(result_.exitCode, 0) << result_.output;
    const std::string html = slurp(dir_ / "out" / "index.html");
    // By hand: std::regex recurses per character and overflows the stack on a megabyte.
    const std::string prefix = "<img src=\"data:image/png;base64,";
    int stills = 0, magentaStills = 0;
    for (std::size_t at = html.find(prefix); at != std::string::npos;
         at = html.find(prefix, at + 1), ++stills) {
        const std::size_t start = at + prefix.size();
        const std::size_t end = html.find('"', start);
        const std::string tail = html.substr(end, 40);
        EXPECT_EQ(tail.rfind("\" width=\"640\" height=\"360\"", 0), 0u) << tail;
        const std::string png = decodeBase64(html.substr(start, end - start));
        int w = 0, h = 0, channels = 0;
        unsigned char* rgb =
            stbi_load_from_memory(reinterpret_cast<const unsigned char*>(png.data()),
                                  static_cast<int>(png.size()), &w, &h, &channels, 3);
        ASSERT_TRUE(rgb) << "image " << stills << " does not decode";
        EXPECT_EQ(w, kReportWidth);
        EXPECT_EQ(h, kReportHeight);
        std::set<int> colours;
        long magenta = 0;
        for (long i = 0; i < static_cast<long>(w) * h; ++i) {
            const unsigned char* p = rgb + i * 3;
            colours.insert(p[0] << 16 | p[1] << 8 | p[2]);
            magenta += p[0] > 230 && p[1] < 30 && p[2] > 230;
        }
        stbi_image_free(rgb);
        EXPECT_GT(colours.size(), 100u) << "image " << stills << " is nearly uniform";
        // The pink table's pins: a head of 11 px radius, most of it in their colour.
        if (magenta > 150) ++magentaStills;
    }
    EXPECT_EQ(stills, 3 + 6);  // the pins', then the tour's steps'
    EXPECT_EQ(magentaStills, 2);
}

TEST_F(Report, CommentsCsvHasARowAPin) {
    ASSERT_EQ(result_.exitCode, 0) << result_.output;
    const auto rows = parseCsv(slurp(dir_ / "out" / "comments.csv"));
    ASSERT_EQ(rows.size(), 5u);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"id", "phase", "variant", "group", "text",
                                                 "resolved", "x", "y", "z", "created"}));
    for (const auto& row : rows) EXPECT_EQ(row.size(), 10u);
    EXPECT_EQ(rows[1][4], kQuotedText);
    EXPECT_EQ(rows[1][3], "Table rose");
    EXPECT_EQ(rows[3][4], kRawText);
    EXPECT_EQ(rows[3][5], "yes");
    EXPECT_EQ(rows[4][1], "vanished");
    EXPECT_EQ(rows[4][4], "'=1+1");  // a formula stays text in a spreadsheet
    EXPECT_EQ(rows[2][6], "120.000");
    EXPECT_TRUE(
        std::regex_match(rows[1][9], std::regex("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ")))
        << rows[1][9];
}

TEST_F(Report, SessionJsonHoldsEverything) {
    ASSERT_EQ(result_.exitCode, 0) << result_.output;
    const auto session = nlohmann::json::parse(slurp(dir_ / "out" / "session.json"));
    EXPECT_EQ(session["scenario"]["id"], "droixhe");
    EXPECT_EQ(session["groups"].size(), 2u);
    EXPECT_EQ(session["groups"][0]["colour"], "#FF00FF");
    ASSERT_EQ(session["pins"].size(), 4u);
    EXPECT_EQ(session["pins"][2]["text"], kRawText);
    EXPECT_EQ(session["pins"][2]["resolved"], true);
    EXPECT_EQ(session["votes"].size(), 3u);
    EXPECT_EQ(session["place"]["position"], 2.0);
}

TEST(ReportInput, RefusedWithTheFileNamed) {
    const fs::path dir = freshDir();
    const std::string out = (dir / "out").string();
    const auto refuses = [&](const std::vector<std::string>& args, const std::string& named) {
        const RunResult r = runFriche(args, 120);
        EXPECT_EQ(r.exitCode, 1) << r.output;
        EXPECT_NE(r.output.find(named), std::string::npos) << r.output;
        EXPECT_FALSE(fs::exists(dir / "out" / "index.html"));
    };
    refuses({"report", (dir / "none.friche").string(), "-o", out}, "none.friche");
    const fs::path notes = writeText(dir / "notes.friche", "not a session\n");
    refuses({"report", notes.string(), "-o", out}, "notes.friche");

    makeSession(dir / "lost.friche", (dir / "gone.json").string());
    refuses({"report", (dir / "lost.friche").string(), "-o", out}, "gone.json");
    writeText(dir / "broken.json", "{ \"version\": ");
    makeSession(dir / "broken.friche", (dir / "broken.json").string());
    refuses({"report", (dir / "broken.friche").string(), "-o", out}, "broken.json");

    makeSession(dir / "fine.friche", kDroixhe);
    const fs::path file = writeText(dir / "file.txt", "x");
    refuses({"report", (dir / "fine.friche").string(), "-o", file.string()}, "file.txt");
}

TEST(ReportInput, WrongUsageExitsTwo) {
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"report"},
             {"report", "a.friche"},
             {"report", "-o", "out"},
             {"report", "a.friche", "b.friche", "-o", "out"},
             {"report", "a.friche", "-o", "out", "--size", "0x0"},
             {"report", "a.friche", "-o", "out", "--lang", "es"},
             {"report", "a.friche", "-o", "out", "--bogus"},
         }) {
        const RunResult r = runFriche(args);
        EXPECT_EQ(r.exitCode, 2) << args.size() << ": " << r.output;
        EXPECT_NE(r.output.find("friche report SESSION -o DIR"), std::string::npos) << r.output;
    }
}

TEST(ReportInput, RefusesAFolderItCannotWrite) {
    if (::geteuid() == 0) GTEST_SKIP() << "root writes into any folder";
    const fs::path dir = freshDir();
    makeSession(dir / "fine.friche", kDroixhe);
    fs::create_directory(dir / "locked");
    fs::permissions(dir / "locked", fs::perms::owner_read | fs::perms::owner_exec);
    const RunResult r =
        runFriche({"report", (dir / "fine.friche").string(), "-o", (dir / "locked").string()});
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("cannot write into the folder '" + (dir / "locked").string()),
              std::string::npos)
        << r.output;
}
