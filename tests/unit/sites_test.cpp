// The five seed sites (scenes/<id>.json, on the models the build generates):
// each loads without a single problem, tells its story in four to six phases,
// and shows as fact only what its seed document (../shared/seeds/) says, with
// that seed named as the source. A number counts as "in the seed" when the
// seed writes it the French way: digits ("539.349,58", "800 hectares") or,
// for small counts, a word ("trois anciens bâtiments").
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "io/scenario_loader.h"

using friche::io::loadScenario;
using friche::io::ScenarioOptions;
using friche::io::ScenarioResult;
using friche::scene::Date;
using friche::scene::Figure;
using friche::scene::Language;
using friche::scene::LocalText;
using friche::scene::Scenario;

namespace {

namespace fs = std::filesystem;

const fs::path kSourceDir = FRICHE_SOURCE_DIR;
const fs::path kSeedDir = kSourceDir / ".." / "shared" / "seeds";

struct SiteSeed {
    const char* id;
    const char* seed;
};
constexpr std::array<SiteSeed, 5> kSites = {{
    {"cite-miroir", "000_ad11fae02b74b81a.txt"},
    {"seraing", "001_07f5b4c5afaa0c0d.txt"},
    {"liege-smart-city", "002_60334fa6816e78d6.txt"},
    {"differdange", "003_3d6a20562a26a6cd.txt"},
    {"droixhe", "004_f8d13bee3da51343.txt"},
}};

// gtest names a failing site by its id, not by its bytes.
void PrintTo(const SiteSeed& site, std::ostream* out) {
    *out << site.id;
}

ScenarioResult loadSite(const std::string& id) {
    ScenarioOptions options;
    options.assetDirs = {FRICHE_ASSET_DIR};  // where the build wrote sites/<id>.glb
    return loadScenario(kSourceDir / "scenes" / (id + ".json"), options);
}

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

// Numbers compared as written, whatever the spacing: every kind of space
// (ASCII, U+00A0, U+202F, U+2009) removed, and a dot between two digits (the
// seeds' thousands separator, "539.349,58") too.
std::string normalise(const std::string& text) {
    static const std::array<std::string, 3> kWideSpaces = {"\xC2\xA0", "\xE2\x80\xAF",
                                                           "\xE2\x80\x89"};
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto wide =
            std::find_if(kWideSpaces.begin(), kWideSpaces.end(),
                         [&](const std::string& s) { return text.compare(i, s.size(), s) == 0; });
        if (wide != kWideSpaces.end()) {
            i += wide->size() - 1;
            continue;
        }
        const char c = text[i];
        if (std::isspace(static_cast<unsigned char>(c))) continue;
        if (c == '.' && !out.empty() && isDigit(out.back()) && i + 1 < text.size() &&
            isDigit(text[i + 1]))
            continue;
        out += c;
    }
    return out;
}

// `needle` occurs in `hay` and is not the middle of a longer number.
bool containsNumber(const std::string& hay, const std::string& needle) {
    for (auto at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) {
        const bool digitBefore = at > 0 && isDigit(hay[at - 1]) && isDigit(needle.front());
        const std::size_t end = at + needle.size();
        const bool digitAfter = end < hay.size() && isDigit(hay[end]) && isDigit(needle.back());
        if (!digitBefore && !digitAfter) return true;
    }
    return false;
}

bool containsWord(const std::string& hay, const std::string& word) {
    const auto isLetter = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
    for (auto at = hay.find(word); at != std::string::npos; at = hay.find(word, at + 1)) {
        const std::size_t end = at + word.size();
        if ((at == 0 || !isLetter(hay[at - 1])) && (end == hay.size() || !isLetter(hay[end])))
            return true;
    }
    return false;
}

// The seed writes `value` in French: its digits, or its word for a small count.
bool seedShows(const std::string& seed, double value) {
    static const std::array<const char*, 11> kWords = {
        "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix"};
    const bool whole = value == std::floor(value);
    if (containsNumber(normalise(seed),
                       normalise(friche::scene::formatNumber(value, whole ? 0 : 2, Language::Fr))))
        return true;
    return whole && value >= 0 && value < 11 &&
           containsWord(seed, kWords[static_cast<std::size_t>(value)]);
}

bool seedShowsDate(const std::string& seed, const Date& date) {
    return normalise(seed).find(normalise(friche::scene::formatDate(date, Language::Fr))) !=
           std::string::npos;
}

// Every sourced fact of a scenario: where it is and what it says its source is.
struct Fact {
    std::string where;
    std::string source;
};

std::vector<Fact> facts(const Scenario& s) {
    std::vector<Fact> out;
    if (s.data.budget) out.push_back({"budget", s.data.budget->source});
    for (const auto& f : s.data.funding)
        out.push_back({"funder " + f.name.in(Language::Fr), f.source});
    for (const auto& p : s.data.partners)
        out.push_back({"partner " + p.name.in(Language::Fr), p.source});
    for (const auto& f : s.data.surfaces)
        out.push_back({"surface " + f.label.in(Language::Fr), f.source});
    for (const auto& f : s.data.indicators)
        out.push_back({"indicator " + f.label.in(Language::Fr), f.source});
    for (const auto& h : s.hotspots)
        for (const auto& f : h.figures) out.push_back({"hotspot " + h.id, f.source});
    for (const auto& p : s.phases)
        if (p.date) out.push_back({"date of phase " + p.id, p.dateSource});
    return out;
}

std::vector<Figure> figures(const Scenario& s) {
    std::vector<Figure> out = s.data.surfaces;
    out.insert(out.end(), s.data.indicators.begin(), s.data.indicators.end());
    for (const auto& h : s.hotspots) out.insert(out.end(), h.figures.begin(), h.figures.end());
    return out;
}

// Every French text a visitor reads.
std::vector<std::string> frenchTexts(const Scenario& s) {
    std::vector<std::string> out = {s.site.name.in(Language::Fr), s.site.note.in(Language::Fr)};
    const auto add = [&out](const LocalText& t) { out.push_back(t.in(Language::Fr)); };
    for (const auto& l : s.layers) add(l.name);
    for (const auto& v : s.views) add(v.name);
    for (const auto& p : s.phases) add(p.title), add(p.text);
    for (const auto& h : s.hotspots) add(h.title), add(h.text);
    for (const auto& f : figures(s)) add(f.label);
    for (const auto& f : s.data.funding) add(f.name);
    for (const auto& p : s.data.partners) add(p.name), add(p.role);
    return out;
}

// The numbers written in a text, normalised ("539 349,58" -> "539349,58").
std::vector<std::string> numbersIn(const std::string& text) {
    const std::string t = normalise(text);
    std::vector<std::string> out;
    for (std::size_t i = 0; i < t.size();) {
        if (!isDigit(t[i])) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < t.size() &&
               (isDigit(t[end]) || (t[end] == ',' && end + 1 < t.size() && isDigit(t[end + 1]))))
            ++end;
        out.push_back(t.substr(i, end - i));
        i = end;
    }
    return out;
}

const Figure* findFigure(const std::vector<Figure>& list, double value) {
    const auto it = std::find_if(list.begin(), list.end(),
                                 [value](const Figure& f) { return f.value == value; });
    return it == list.end() ? nullptr : &*it;
}

const friche::scene::Phase* phaseDated(const Scenario& s, const Date& start) {
    const auto it = std::find_if(s.phases.begin(), s.phases.end(), [&start](const auto& p) {
        return p.date && p.date->start == start;
    });
    return it == s.phases.end() ? nullptr : &*it;
}

class SeedSite : public testing::TestWithParam<SiteSeed> {};

}  // namespace

TEST_P(SeedSite, LoadsWithoutAnyProblemInFourLanguages) {
    const ScenarioResult r = loadSite(GetParam().id);
    for (const auto& p : r.problems.list())
        ADD_FAILURE() << friche::core::formatProblem(GetParam().id, p);
    EXPECT_EQ(r.scenario.site.id, GetParam().id);
    const auto models = friche::io::loadSiteModel(r.scenario).problems;
    EXPECT_FALSE(models.hasErrors());
}

TEST_P(SeedSite, SaysItsGeometryIsIllustrativeInEveryLanguage) {
    const Scenario s = loadSite(GetParam().id).scenario;
    EXPECT_TRUE(s.site.illustrative);
    for (Language l : friche::scene::kLanguages) EXPECT_TRUE(s.site.note.has(l)) << languageCode(l);
}

TEST_P(SeedSite, TellsItsStoryInFourToSixPhasesEachChangingTheScene) {
    const Scenario s = loadSite(GetParam().id).scenario;
    EXPECT_GE(s.phases.size(), 4u);
    EXPECT_LE(s.phases.size(), 6u);
    for (std::size_t i = 1; i < s.phases.size(); ++i)
        EXPECT_NE(s.phases[i].layers, s.phases[i - 1].layers)
            << s.phases[i].id << " looks like the phase before";
    EXPECT_GE(s.views.size(), 2u);
    EXPECT_LE(s.views.size(), 4u);
}

TEST_P(SeedSite, EveryFactCitesItsOwnSeedWhichExists) {
    const Scenario s = loadSite(GetParam().id).scenario;
    const std::string seed = GetParam().seed;
    ASSERT_TRUE(fs::is_regular_file(kSeedDir / seed)) << kSeedDir / seed;
    const auto all = facts(s);
    EXPECT_FALSE(all.empty());
    for (const Fact& f : all) EXPECT_EQ(f.source, seed) << f.where;
}

TEST_P(SeedSite, EverySourceHasAShortLabelInFourLanguages) {
    const Scenario s = loadSite(GetParam().id).scenario;
    EXPECT_FALSE(s.site.fictional);
    for (const Fact& f : facts(s)) {
        const LocalText* label = s.sourceLabel(f.source);
        ASSERT_NE(label, nullptr) << f.where << " cites " << f.source;
        for (Language l : friche::scene::kLanguages)
            EXPECT_TRUE(label->has(l)) << f.source << " in " << languageCode(l);
    }
}

TEST_P(SeedSite, EveryNumberShownAsFactIsWrittenInTheSeed) {
    const Scenario s = loadSite(GetParam().id).scenario;
    const std::string seed = readFile(kSeedDir / GetParam().seed);
    ASSERT_FALSE(seed.empty());
    for (const Figure& f : figures(s))
        EXPECT_TRUE(seedShows(seed, f.value)) << f.label.in(Language::Fr);
    for (const auto& f : s.data.funding)
        EXPECT_TRUE(f.share && seedShows(seed, *f.share)) << f.name.in(Language::Fr);
    if (s.data.budget) {
        const std::string money = friche::scene::formatMoney(s.data.budget->amount,
                                                             s.data.budget->currency, Language::Fr);
        EXPECT_NE(normalise(seed).find(normalise(money)), std::string::npos) << money;
    }
    for (const auto& p : s.phases) {
        if (!p.date) continue;
        EXPECT_TRUE(seedShowsDate(seed, p.date->start)) << p.id;
        if (p.date->end) {
            EXPECT_TRUE(seedShowsDate(seed, *p.date->end)) << p.id;
        }
    }
    const std::string normalSeed = normalise(seed);
    for (const std::string& text : frenchTexts(s))
        for (const std::string& n : numbersIn(text))
            EXPECT_TRUE(containsNumber(normalSeed, n)) << n << " in: " << text;
}

INSTANTIATE_TEST_SUITE_P(SeedSites, SeedSite, testing::ValuesIn(kSites),
                         [](const testing::TestParamInfo<SiteSeed>& site) {
                             std::string name = site.param.id;
                             std::replace(name.begin(), name.end(), '-', '_');
                             return name;
                         });

TEST(SiteFacts, DroixheBudgetIsSharedFiftyFortyTenToTheCent) {
    const Scenario s = loadSite("droixhe").scenario;
    ASSERT_TRUE(s.data.budget);
    EXPECT_DOUBLE_EQ(s.data.budget->amount, 539349.58);
    EXPECT_EQ(s.data.budget->currency, "EUR");
    ASSERT_EQ(s.data.funding.size(), 3u);
    const std::array<std::pair<const char*, double>, 3> expected = {
        {{"FEDER", 50}, {"Région wallonne", 40}, {"Ville de Liège", 10}}};
    long long cents = 0;
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const auto& f = s.data.funding[i];
        EXPECT_EQ(f.name.in(Language::Fr), expected[i].first);
        ASSERT_TRUE(f.share && f.amount);
        EXPECT_DOUBLE_EQ(*f.share, expected[i].second);
        cents += std::llround(*f.amount * 100);
    }
    // 269 674,79 + 215 739,83 + 53 934,96: the shares, each rounded to the cent, make the budget.
    EXPECT_EQ(cents, std::llround(s.data.budget->amount * 100));
}

TEST(SiteFacts, DroixheHasItsSevenPartnerCitiesAndCoordinators) {
    const Scenario s = loadSite("droixhe").scenario;
    std::set<std::pair<std::string, std::string>> cities;
    std::set<std::string> names;
    for (const auto& p : s.data.partners) names.insert(p.name.in(Language::Fr));
    const std::set<std::pair<std::string, std::string>> expected = {
        {"Liège", "BE"}, {"Seraing", "BE"}, {"Verviers", "BE"}, {"Eupen", "BE"},
        {"Genk", "BE"},  {"Heerlen", "NL"}, {"Aachen", "DE"}};
    for (const auto& p : s.data.partners)
        if (expected.count({p.name.in(Language::Fr), p.country}))
            cities.insert({p.name.in(Language::Fr), p.country});
    EXPECT_EQ(cities, expected);
    const auto coordinator = [&names](const std::string& unit) {
        return std::any_of(names.begin(), names.end(), [&unit](const std::string& n) {
            return n.find("ULiège") != std::string::npos && n.find(unit) != std::string::npos;
        });
    };
    EXPECT_TRUE(coordinator("LEMA"));
    EXPECT_TRUE(coordinator("UEE"));
}

TEST(SiteFacts, DroixheRunsFrom2018ToTheEndOf2021) {
    const Scenario s = loadSite("droixhe").scenario;
    const auto* project = phaseDated(s, Date{2018, 0, 0});
    ASSERT_NE(project, nullptr);
    ASSERT_TRUE(project->date->end);
    EXPECT_EQ(*project->date->end, (Date{2021, 12, 31}));
    EXPECT_NE(phaseDated(s, Date{2018, 6, 0}), nullptr)
        << "the action research starts in June 2018";
    const Figure* years = findFigure(s.data.indicators, 3);
    ASSERT_NE(years, nullptr);
    std::string pilots;
    for (const auto& p : s.phases) pilots += p.text.in(Language::Fr);
    EXPECT_NE(pilots.find("« Autour de l'étang »"), std::string::npos);
    EXPECT_NE(pilots.find("« J'écris dans la ville »"), std::string::npos);
}

TEST(SiteFacts, SeraingCovers800HectaresSinceJune2005) {
    const Scenario s = loadSite("seraing").scenario;
    const Figure* area = findFigure(s.data.surfaces, 800);
    ASSERT_NE(area, nullptr);
    EXPECT_EQ(area->unit, "ha");
    EXPECT_NE(phaseDated(s, Date{2005, 6, 0}), nullptr);
    const auto eriges = std::find_if(
        s.data.partners.begin(), s.data.partners.end(),
        [](const auto& p) { return p.name.in(Language::Fr).find("ERIGES") != std::string::npos; });
    EXPECT_NE(eriges, s.data.partners.end());
}

TEST(SiteFacts, DifferdangeLaunchedIn2009WithAThirtyYearConcessionOfThreeBuildings) {
    const Scenario s = loadSite("differdange").scenario;
    EXPECT_NE(phaseDated(s, Date{2009, 0, 0}), nullptr);
    EXPECT_NE(findFigure(s.data.indicators, 30), nullptr);
    EXPECT_NE(findFigure(s.data.indicators, 3), nullptr);
}

// The development scenario beside them is made up, and says so, so that a
// public site picker can leave it out.
TEST(SiteFacts, TheDevelopmentExampleIsFictional) {
    EXPECT_TRUE(loadSite("example").scenario.site.fictional);
}

// A phase card shows only the facts of its phase: N-POWER's money is not
// the 1960s neighbourhood's, nor is the concession the steelworks'.
TEST(SiteFacts, FactsTiedToATimeShowOnlyInTheirPhases) {
    using friche::scene::shownIn;
    const Scenario droixhe = loadSite("droixhe").scenario;
    const int neighbourhood = droixhe.phaseIndex("neighbourhood").value_or(-1);
    const int nPower = droixhe.phaseIndex("n-power").value_or(-1);
    ASSERT_TRUE(droixhe.data.budget);
    EXPECT_FALSE(shownIn(droixhe.data.budget->phases, neighbourhood));
    EXPECT_TRUE(shownIn(droixhe.data.budget->phases, nPower));
    for (const auto& f : droixhe.data.funding) {
        EXPECT_FALSE(shownIn(f.phases, neighbourhood)) << f.name.in(Language::Fr);
        EXPECT_TRUE(shownIn(f.phases, nPower)) << f.name.in(Language::Fr);
    }

    const Scenario differdange = loadSite("differdange").scenario;
    const Figure* concession = findFigure(differdange.data.indicators, 30);
    ASSERT_NE(concession, nullptr);
    EXPECT_FALSE(shownIn(concession->phases, differdange.phaseIndex("artists").value_or(-1)));
    EXPECT_TRUE(shownIn(concession->phases, differdange.phaseIndex("concession").value_or(-1)));
}

namespace {

// Lower-case French titles and texts of every phase, one string.
std::string phaseWords(const Scenario& s) {
    std::string out;
    for (const auto& p : s.phases)
        out += p.title.in(Language::Fr) + " " + p.text.in(Language::Fr) + " ";
    std::transform(out.begin(), out.end(), out.begin(), [](char c) {
        return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    });
    return out;
}

}  // namespace

TEST(SiteFacts, CiteMiroirShowsItsProgramme) {
    const std::string words = phaseWords(loadSite("cite-miroir").scenario);
    for (const char* item :
         {"art contemporain", "spectacles vivants", "résidences d'artistes", "programmes éducatifs",
          "projets communautaires", "écoles", "associations", "années 1970", "durables"})
        EXPECT_NE(words.find(item), std::string::npos) << item;
}

TEST(SiteFacts, LiegeShowsItsFourPillarsAndCreativeHub) {
    const Scenario s = loadSite("liege-smart-city").scenario;
    const std::string words = phaseWords(s);
    for (const char* item :
         {"connectée", "durable", "créative", "collaborative", "e-guichet", "cité administrative",
          "tram", "sept hubs créatifs wallons", "#réinventonsliège"})
        EXPECT_NE(words.find(item), std::string::npos) << item;
    EXPECT_NE(findFigure(s.data.indicators, 7), nullptr);
}
