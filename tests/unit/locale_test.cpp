// Numbers, money, percentages and dates in French, English, Dutch and German,
// against what CLDR gives (checked with ICU 78 / CLDR 48 through Node's Intl).
#include <gtest/gtest.h>

#include "scene/locale.h"

using namespace friche::scene;

namespace {

const std::string kNbsp = "\u00A0";        // no-break space
const std::string kNarrowNbsp = "\u202F";  // narrow no-break space, French digit groups

}  // namespace

TEST(Locale, MoneyInEachLanguage) {
    EXPECT_EQ(formatMoney(539349.58, "EUR", Language::Fr),
              "539" + kNarrowNbsp + "349,58" + kNbsp + "€");
    EXPECT_EQ(formatMoney(539349.58, "EUR", Language::En), "€539,349.58");
    EXPECT_EQ(formatMoney(539349.58, "EUR", Language::Nl), "€" + kNbsp + "539.349,58");
    EXPECT_EQ(formatMoney(539349.58, "EUR", Language::De), "539.349,58" + kNbsp + "€");
}

TEST(Locale, MoneyEdgeCases) {
    EXPECT_EQ(formatMoney(-1234.5, "EUR", Language::Fr),
              "-1" + kNarrowNbsp + "234,50" + kNbsp + "€");
    EXPECT_EQ(formatMoney(-1234.5, "EUR", Language::En), "-€1,234.50");
    EXPECT_EQ(formatMoney(-1234.5, "EUR", Language::Nl), "€" + kNbsp + "-1.234,50");
    EXPECT_EQ(formatMoney(1234.5, "CHF", Language::En), "CHF" + kNbsp + "1,234.50");
    EXPECT_EQ(formatMoney(1234.5, "CHF", Language::De), "1.234,50" + kNbsp + "CHF");
    EXPECT_EQ(formatMoney(0.004, "EUR", Language::En), "€0.00");
    EXPECT_EQ(formatMoney(-0.001, "EUR", Language::En), "€0.00");  // no "-0.00"
    EXPECT_EQ(formatMoney(999.996, "EUR", Language::En), "€1,000.00");
}

TEST(Locale, Percentages) {
    EXPECT_EQ(formatPercent(50, 0, Language::Fr), "50" + kNbsp + "%");
    EXPECT_EQ(formatPercent(50, 0, Language::En), "50%");
    EXPECT_EQ(formatPercent(50, 0, Language::Nl), "50%");
    EXPECT_EQ(formatPercent(50, 0, Language::De), "50" + kNbsp + "%");
    EXPECT_EQ(formatPercent(12.5, 1, Language::Fr), "12,5" + kNbsp + "%");
    EXPECT_EQ(formatPercent(12.5, 1, Language::En), "12.5%");
}

TEST(Locale, NumbersAndQuantities) {
    EXPECT_EQ(formatNumber(1234567.5, 1, Language::Fr),
              "1" + kNarrowNbsp + "234" + kNarrowNbsp + "567,5");
    EXPECT_EQ(formatNumber(1234567.5, 1, Language::En), "1,234,567.5");
    EXPECT_EQ(formatNumber(1234567.5, 1, Language::Nl), "1.234.567,5");
    EXPECT_EQ(formatNumber(1234, 0, Language::De), "1.234");
    EXPECT_EQ(formatNumber(999, 0, Language::En), "999");
    EXPECT_EQ(formatNumber(0.05, 2, Language::De), "0,05");
    EXPECT_EQ(formatNumber(-0.5, 1, Language::Nl), "-0,5");
    EXPECT_EQ(formatQuantity(800, 0, "ha", Language::Fr), "800" + kNbsp + "ha");
    EXPECT_EQ(formatNumber(1e300, 0, Language::En),
              "1,000,000,000,000,000");  // capped, no overflow
}

TEST(Locale, MonthAndYear) {
    const Date june2005{2005, 6, 0};
    EXPECT_EQ(formatDate(june2005, Language::Fr), "juin 2005");
    EXPECT_EQ(formatDate(june2005, Language::En), "June 2005");
    EXPECT_EQ(formatDate(june2005, Language::Nl), "juni 2005");
    EXPECT_EQ(formatDate(june2005, Language::De), "Juni 2005");
    EXPECT_EQ(formatDate({2009, 0, 0}, Language::De), "2009");
}

TEST(Locale, FullDates) {
    const Date end{2021, 12, 31};
    EXPECT_EQ(formatDate(end, Language::Fr), "31 décembre 2021");
    EXPECT_EQ(formatDate(end, Language::En), "31 December 2021");
    EXPECT_EQ(formatDate(end, Language::Nl), "31 december 2021");
    EXPECT_EQ(formatDate(end, Language::De), "31. Dezember 2021");
    EXPECT_EQ(formatDate({2018, 3, 1}, Language::De), "1. März 2018");
    EXPECT_EQ(formatDate({2018, 8, 1}, Language::Fr), "1 août 2018");
}

TEST(Locale, DateRanges) {
    const DateSpan span{{2018, 6, 0}, Date{2021, 12, 31}};
    EXPECT_EQ(formatDateSpan(span, Language::Fr), "juin 2018\u2009\u2013\u200931 décembre 2021");
    EXPECT_EQ(formatDateSpan({{2009, 0, 0}, std::nullopt}, Language::En), "2009");
}

TEST(Locale, ParsingDates) {
    EXPECT_EQ(parseDate("2005"), (Date{2005, 0, 0}));
    EXPECT_EQ(parseDate("2005-06"), (Date{2005, 6, 0}));
    EXPECT_EQ(parseDate("2024-02-29"), (Date{2024, 2, 29}));  // leap year
    EXPECT_FALSE(parseDate("2023-02-29"));
    EXPECT_FALSE(parseDate("1900-02-29"));
    EXPECT_TRUE(parseDate("2000-02-29"));
    EXPECT_FALSE(parseDate("2005-6"));
    EXPECT_FALSE(parseDate("2005-06-31"));
    EXPECT_FALSE(parseDate("20O5"));
    EXPECT_FALSE(parseDate(""));
    const auto span = parseDateSpan("2018-06/2021-12-31");
    ASSERT_TRUE(span);
    EXPECT_EQ(span->start, (Date{2018, 6, 0}));
    EXPECT_EQ(*span->end, (Date{2021, 12, 31}));
    EXPECT_FALSE(parseDateSpan("2021/2018"));
    EXPECT_FALSE(parseDateSpan("2018/"));
}

TEST(Locale, TextsFallBackToEnglish) {
    LocalText t;
    t.text[static_cast<int>(Language::Fr)] = "Fermeture";
    t.text[static_cast<int>(Language::En)] = "Closure";
    EXPECT_EQ(t.in(Language::Fr), "Fermeture");
    EXPECT_EQ(t.in(Language::De), "Closure");
    LocalText frenchOnly;
    frenchOnly.text[static_cast<int>(Language::Fr)] = "Friche";
    EXPECT_EQ(frenchOnly.in(Language::Nl), "Friche");
    EXPECT_EQ(LocalText::same("FEDER").in(Language::Nl), "FEDER");
    EXPECT_EQ(LocalText{}.in(Language::En), "");
    EXPECT_TRUE(LocalText{}.empty());
}

TEST(Locale, LanguageCodesAndInterfaceWords) {
    for (Language l : kLanguages) EXPECT_EQ(parseLanguage(languageCode(l)), l);
    EXPECT_FALSE(parseLanguage("es"));
    EXPECT_EQ(uiText(UiText::Funding, Language::De), "Finanzierung");
    EXPECT_EQ(uiText(UiText::Source, Language::Nl), "Bron");
    for (Language l : kLanguages) EXPECT_FALSE(uiText(UiText::IllustrativeGeometry, l).empty());
}
