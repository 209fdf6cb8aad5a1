// The four languages of the Euregio Meuse-Rhine and how each writes numbers,
// money, percentages and dates, plus texts that exist in several languages.
//
//   LocalText title = ...;                        // from a scenario
//   ui.label(title.in(Language::Nl));             // Dutch, or English if missing
//   formatMoney(539349.58, "EUR", Language::Fr);  // "539 349,58 €"
//   formatDate({2005, 6}, Language::De);          // "Juni 2005"
//
// The conventions are CLDR's (checked against ICU 78 / CLDR 48): French groups
// digits with a narrow no-break space (U+202F) and puts a no-break space
// (U+00A0) before € and %; German and Dutch group with a dot; English is the
// European English of en-GB (day before month). Results are UTF-8.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace friche::scene {

enum class Language { Fr, En, Nl, De };
inline constexpr int kLanguageCount = 4;
inline constexpr std::array<Language, kLanguageCount> kLanguages = {Language::Fr, Language::En,
                                                                    Language::Nl, Language::De};

// "fr", "en", "nl", "de".
const char* languageCode(Language language);
std::optional<Language> parseLanguage(std::string_view code);

// A text in up to four languages. A missing translation is an empty string;
// in() falls back to English, then to the first language that has one.
struct LocalText {
    std::array<std::string, kLanguageCount> text;

    // The same text in every language (a proper name: "ULiège", "FEDER").
    static LocalText same(const std::string& value);
    const std::string& in(Language language) const;
    bool has(Language language) const { return !text[static_cast<int>(language)].empty(); }
    bool empty() const;
};

// A calendar date at the precision a source gives it: a year, a month, a day.
struct Date {
    int year = 0;
    int month = 0;  // 1..12, 0: year only
    int day = 0;    // 1..31, 0: month (or year) only
    bool operator==(const Date&) const = default;
    auto operator<=>(const Date&) const = default;
};

// A date or a date range ("2018-06/2021-12-31"); no end: a single date.
struct DateSpan {
    Date start;
    std::optional<Date> end;
};

// Parses "2005", "2005-06" or "2021-12-31" (ISO 8601, checked day of month).
std::optional<Date> parseDate(std::string_view text);
// 28 to 31, leap years counted (Gregorian).
int daysInMonth(int year, int month);
// Parses a date or "START/END" with START <= END.
std::optional<DateSpan> parseDateSpan(std::string_view text);

// 1234567.5 with 1 decimal: "1 234 567,5" (fr), "1,234,567.5" (en).
std::string formatNumber(double value, int decimals, Language language);
// An amount with two decimals and its currency, an ISO 4217 code ("EUR" shows as €).
std::string formatMoney(double amount, std::string_view currency, Language language);
// 50 -> "50 %" (fr, de), "50%" (en, nl). `percent` is already in percent.
std::string formatPercent(double percent, int decimals, Language language);
// A value with a unit after a no-break space: "800 ha", "30 ans"-style units
// are the caller's words; "%" and currencies go through the functions above.
std::string formatQuantity(double value, int decimals, std::string_view unit, Language language);
// "2009", "juin 2005", "31 décembre 2021", "31. Dezember 2021", as precise as the date.
std::string formatDate(const Date& date, Language language);
// "juin 2018 – 31 décembre 2021" (an en dash between thin spaces, as CLDR's ranges).
std::string formatDateSpan(const DateSpan& span, Language language);

// Words the interface itself needs, in every language.
enum class UiText {
    IllustrativeGeometry,  // the note that the 3D geometry is not a survey
    Budget,
    Funding,
    Partners,
    Surfaces,
    Indicators,
    Source,
    Compare,  // the compare mode's controls
    CompareOff,
    Swipe,
    SideBySide,
    CompareChanges,  // the compare card's list of layers that differ between A and B
    LayerAbsent,     // a layer's state, as a status tag
    LayerPresent,
    LayerGhosted,
    LayerConstruction,
    LayerVariant,    // same state, another of the model's glTF scenes
    TouchToExplore,  // the attract loop's invitation, shown in every language at once
    BackToStart,     // the exhibition's button that brings the first site's start back
    StartsAgainIn,   // the countdown before the attract loop: "... 7 s"
    SourceShown,     // the seed reference behind a source's label
    // An architect's review: their proposal, measurements, a section.
    Proposal,          // the proposal's layer, phase and panel
    ProposalDrop,      // how to bring one: drop a model file on the window
    ProposalMove,      // a checkbox: dragging the proposal moves it on the ground
    ProposalPhase,     // the phase it is proposed for
    ProposalReplaces,  // the layers it replaces there
    Rotation,
    Snap,
    Unit,
    UnitMeasures,  // "This model measures ... across"
    UnitUse,       // a button: use the suggested unit
    SaveAsScenario,
    Saved,
    Remove,
    Measure,
    MeasureDistance,
    MeasureHeight,
    MeasureFace,    // the area of a picked face
    MeasureGround,  // the area of a polygon drawn on the ground
    MeasureHint,    // how to pick points
    Clear,
    Section,
    SectionHorizontal,
    SectionAlongX,
    SectionAlongZ,
    Flip,
    // The viewer's Viewpoints panel: the user's saved cameras, and stills.
    Viewpoints,
    ViewpointName,  // the field a new viewpoint's name is typed in
    SaveViewpoint,
    RenameViewpoint,
    DeleteViewpoint,
    NoViewpoints,
    ExportViewpoints,  // into a copy of the scenario, as its views
    Still,             // an image of the view now, written as a PNG
    StillSize,
    StillPanels,  // the still shows the panels too
    StillFile,
    WriteStill,
    Written,   // followed by the file's path
    Failed,    // followed by the system's reason
    SunPanel,  // the sun study: its panel's title
    SunDate,
    SunTime,  // the site's clock time
    Sunrise,
    Sunset,
    NoSunriseOrSunset,  // a polar day or night
    SunElevation,       // degrees above the horizon
    SunAzimuth,         // degrees clockwise from north
    PlayDay,            // sweeps the hour from sunrise to sunset
    StopDay,
    // A workshop: tours, variants, comments pinned in 3D, dot votes.
    Workshop,   // the facilitator's panel
    Tour,       // a guided tour
    StartTour,  // F5
    EndTour,
    Step,  // "Step 2 / 6"
    Previous,
    Next,
    Variants,      // a phase's alternatives
    AsPlanned,     // the phase without a variant
    Illustrative,  // a variant invented to discuss, not a plan
    CompareWith,   // a button: compare the variant shown with this one
    Comments,      // the pins
    DropComment,   // a toggle: the next click on a surface drops a pin
    NoComments,
    Group,
    DotsLeft,  // "dots left"
    Resolved,
    MovePin,  // the next click on a surface moves the selected pin
    SaveText,
    Count,
};
const std::string& uiText(UiText which, Language language);
// Every text uiText() and the date formats can show, in every language: what
// the font must hold.
std::vector<std::string> allUiTexts();

}  // namespace friche::scene
