// The project's data: budget, funders, partners, surfaces and indicators,
// every one a fact with its source.
#include "io/scenario_data.h"

#include <algorithm>
#include <cmath>

namespace friche::io::scenario_json {
namespace {

constexpr std::size_t kMaxItems = 256;  // funders, partners, figures
constexpr double kMaxAmount = 1e15;
// Shares are written with at most two decimals; amounts are exact to the cent.
constexpr double kShareTolerance = 0.01;
constexpr double kAmountTolerance = 0.005;

std::string requireSource(const Fields& f) {
    const auto source = f.string("source", Required::No);
    if (!source || source->empty()) {
        if (!f.get("source", Required::No))
            f.problems().error("MISSING_SOURCE", f.at("source"),
                               "missing 'source': every fact must say where it comes from "
                               "(for example the seed file's name)");
        return {};
    }
    return *source;
}

std::optional<scene::Figure> readFigure(const json& value, const std::string& pointer,
                                        core::Problems& problems,
                                        const std::vector<scene::Phase>& phases) {
    Fields f(value, pointer, problems, {"label", "value", "unit", "source", "phases"});
    if (!f.valid()) return std::nullopt;
    scene::Figure figure;
    figure.label = f.text("label", Required::Yes);
    figure.value = f.number("value", Required::Yes, -kMaxAmount, kMaxAmount).value_or(0.0);
    figure.unit = f.string("unit", Required::No).value_or("");
    figure.source = requireSource(f);
    figure.phases = readPhases(f, phases);
    return figure;
}

}  // namespace

std::vector<int> readPhases(const Fields& parent, const std::vector<scene::Phase>& phases) {
    std::vector<int> indices;
    const json* list = parent.array("phases", Required::No, kMaxPhases);
    if (!list) return indices;
    for (std::size_t k = 0; k < list->size(); ++k) {
        const std::string at = child(parent.at("phases"), k);
        if (const auto id = readId((*list)[k], at, parent.problems()))
            if (const auto p = resolve(phases, *id, "phase", at, parent.problems()))
                indices.push_back(*p);
    }
    return indices;
}

std::vector<scene::Figure> readFigures(const Fields& parent, std::string_view key,
                                       const std::vector<scene::Phase>& phases) {
    std::vector<scene::Figure> figures;
    const json* list = parent.array(key, Required::No, kMaxItems);
    if (!list) return figures;
    for (std::size_t i = 0; i < list->size(); ++i)
        if (auto f = readFigure((*list)[i], child(parent.at(key), i), parent.problems(), phases))
            figures.push_back(std::move(*f));
    return figures;
}

namespace {

// Shares adding up to 100 % (amounts filled in from the budget, if any), or
// amounts adding up to the budget (shares filled in).
void checkFundingSums(const std::string& pointer, core::Problems& problems, scene::ProjectData& d) {
    const auto has = [&d](auto member) {
        return std::all_of(d.funding.begin(), d.funding.end(),
                           [member](const auto& fs) { return (fs.*member).has_value(); });
    };
    double sum = 0;
    if (has(&scene::FundingSource::share)) {
        for (const auto& fs : d.funding) sum += *fs.share;
        if (std::fabs(sum - 100.0) > kShareTolerance)
            problems.error("FUNDING_SHARES_SUM", pointer,
                           "the shares add up to " + plainNumber(sum) + " %, not 100 %");
        if (d.budget)
            for (auto& fs : d.funding) fs.amount = d.budget->amount * *fs.share / 100.0;
    } else if (has(&scene::FundingSource::amount)) {
        for (const auto& fs : d.funding) sum += *fs.amount;
        if (!d.budget) {
            problems.error("FUNDING_NO_BUDGET", pointer,
                           "funding amounts need a budget (/data/budget) to add up to");
            return;
        }
        if (std::fabs(sum - d.budget->amount) > kAmountTolerance)
            problems.error("FUNDING_AMOUNTS_SUM", pointer,
                           "the amounts add up to " + plainNumber(sum) + ", not the budget's " +
                               plainNumber(d.budget->amount));
        for (auto& fs : d.funding)
            fs.share = d.budget->amount > 0 ? *fs.amount / d.budget->amount * 100.0 : 0.0;
    } else {
        problems.error("FUNDING_MIXED", pointer,
                       "give every funder a 'share', or every funder an 'amount', not a mix");
    }
}

void funding(const json& list, const std::string& pointer, core::Problems& problems,
             const std::vector<scene::Phase>& phases, scene::ProjectData& d) {
    const int errorsBefore = problems.count(core::Severity::Error);
    for (std::size_t i = 0; i < list.size(); ++i) {
        Fields f(list[i], child(pointer, i), problems,
                 {"name", "share", "amount", "source", "phases"});
        if (!f.valid()) continue;
        scene::FundingSource fs;
        fs.name = f.text("name", Required::Yes);
        fs.share = f.number("share", Required::No, 0, 100);
        fs.amount = f.number("amount", Required::No, 0, kMaxAmount);
        if ((f.get("share", Required::No) == nullptr) == (f.get("amount", Required::No) == nullptr))
            problems.error("FUNDING_SHARE_OR_AMOUNT", f.pointer(),
                           "expected either 'share' (percent) or 'amount', exactly one");
        fs.source = requireSource(f);
        fs.phases = readPhases(f, phases);
        d.funding.push_back(std::move(fs));
    }
    // Sums of entries that did not read cleanly would only add noise.
    if (!d.funding.empty() && problems.count(core::Severity::Error) == errorsBefore)
        checkFundingSums(pointer, problems, d);
}

void partners(const json& list, const std::string& pointer, core::Problems& problems,
              const std::vector<scene::Phase>& phases, scene::ProjectData& d) {
    for (std::size_t i = 0; i < list.size(); ++i) {
        Fields f(list[i], child(pointer, i), problems,
                 {"name", "role", "country", "source", "phases"});
        if (!f.valid()) continue;
        scene::Partner p;
        p.name = f.text("name", Required::Yes);
        p.role = f.text("role", Required::No);
        p.country = f.string("country", Required::No).value_or("");
        p.source = requireSource(f);
        p.phases = readPhases(f, phases);
        d.partners.push_back(std::move(p));
    }
}

}  // namespace

void readProjectData(const json& value, const std::string& pointer, core::Problems& problems,
                     const std::vector<scene::Phase>& phases, scene::ProjectData& d) {
    Fields f(value, pointer, problems, {"budget", "funding", "partners", "surfaces", "indicators"});
    if (!f.valid()) return;
    if (const json* b = f.get("budget", Required::No)) {
        Fields budget(*b, f.at("budget"), problems, {"amount", "currency", "source", "phases"});
        if (budget.valid()) {
            scene::Money money;
            money.amount = budget.number("amount", Required::Yes, 0, kMaxAmount).value_or(0.0);
            money.currency = budget.string("currency", Required::No).value_or("EUR");
            money.source = requireSource(budget);
            money.phases = readPhases(budget, phases);
            d.budget = money;
        }
    }
    if (const json* list = f.array("funding", Required::No, kMaxItems))
        funding(*list, f.at("funding"), problems, phases, d);
    if (const json* list = f.array("partners", Required::No, kMaxItems))
        partners(*list, f.at("partners"), problems, phases, d);
    d.surfaces = readFigures(f, "surfaces", phases);
    d.indicators = readFigures(f, "indicators", phases);
}

}  // namespace friche::io::scenario_json
