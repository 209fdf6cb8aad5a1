#include "scene/locale.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace friche::scene {
namespace {

constexpr const char* kNoBreakSpace = "\u00A0";
constexpr const char* kNarrowNoBreakSpace = "\u202F";
// A number this large has no meaning on a panel; beyond it the integer
// arithmetic below would overflow.
constexpr double kLargestFormatted = 1e15;
constexpr int kMaxDecimals = 6;

struct Separators {
    const char* group;
    const char* decimal;
};

Separators separators(Language language) {
    switch (language) {
        case Language::Fr:
            return {kNarrowNoBreakSpace, ","};
        case Language::En:
            return {",", "."};
        case Language::Nl:
        case Language::De:
            return {".", ","};
    }
    return {",", "."};
}

int index(Language language) {
    return static_cast<int>(language);
}

// Digits of a non-negative integer with a separator every three.
std::string groupDigits(std::uint64_t n, const char* group) {
    std::string digits = std::to_string(n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += group;
        out += digits[i];
    }
    return out;
}

// The magnitude of `value`, without its sign.
std::string formatMagnitude(double value, int decimals, Language language) {
    decimals = std::clamp(decimals, 0, kMaxDecimals);
    const double scale = std::pow(10.0, decimals);
    const double magnitude = std::min(std::fabs(value), kLargestFormatted);
    const auto scaled = static_cast<std::uint64_t>(std::llround(magnitude * scale));
    const auto unit = static_cast<std::uint64_t>(scale);
    const Separators s = separators(language);
    std::string out = groupDigits(scaled / unit, s.group);
    if (decimals > 0) {
        std::string fraction = std::to_string(scaled % unit);
        out += s.decimal + std::string(static_cast<std::size_t>(decimals) - fraction.size(), '0') +
               fraction;
    }
    return out;
}

// Rounds first, so that -0.001 with two decimals is "0,00", not "-0,00".
bool isNegative(double value, int decimals) {
    return value < 0 && std::llround(std::fabs(value) * std::pow(10.0, decimals)) != 0;
}

std::string currencySymbol(std::string_view code) {
    return code == "EUR" ? "€" : std::string(code);
}

using MonthNames = std::array<const char*, 12>;

const MonthNames& monthNames(Language language) {
    static const std::array<MonthNames, kLanguageCount> names = {{
        {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
         "octobre", "novembre", "décembre"},
        {"January", "February", "March", "April", "May", "June", "July", "August", "September",
         "October", "November", "December"},
        {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
         "oktober", "november", "december"},
        {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
         "Oktober", "November", "Dezember"},
    }};
    return names[static_cast<std::size_t>(index(language))];
}

// Exactly `count` ASCII digits from `text` at `at`, or -1.
int readDigits(std::string_view text, std::size_t at, std::size_t count) {
    if (text.size() < at + count) return -1;
    int n = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        if (text[i] < '0' || text[i] > '9') return -1;
        n = n * 10 + (text[i] - '0');
    }
    return n;
}

bool isLeapYear(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

}  // namespace

int daysInMonth(int year, int month) {
    static constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeapYear(year) ? 29 : days[static_cast<std::size_t>(month - 1)];
}

const char* languageCode(Language language) {
    static constexpr std::array<const char*, kLanguageCount> codes = {"fr", "en", "nl", "de"};
    return codes[static_cast<std::size_t>(index(language))];
}

std::optional<Language> parseLanguage(std::string_view code) {
    for (Language l : kLanguages)
        if (code == languageCode(l)) return l;
    return std::nullopt;
}

LocalText LocalText::same(const std::string& value) {
    LocalText t;
    t.text.fill(value);
    return t;
}

const std::string& LocalText::in(Language language) const {
    if (has(language)) return text[static_cast<std::size_t>(index(language))];
    if (has(Language::En)) return text[static_cast<std::size_t>(index(Language::En))];
    for (const std::string& s : text)
        if (!s.empty()) return s;
    return text[0];
}

bool LocalText::empty() const {
    return std::all_of(text.begin(), text.end(), [](const std::string& s) { return s.empty(); });
}

std::optional<Date> parseDate(std::string_view text) {
    Date d;
    d.year = readDigits(text, 0, 4);
    if (d.year < 0) return std::nullopt;
    if (text.size() == 4) return d;
    if (text.size() < 7 || text[4] != '-') return std::nullopt;
    d.month = readDigits(text, 5, 2);
    if (d.month < 1 || d.month > 12) return std::nullopt;
    if (text.size() == 7) return d;
    if (text.size() != 10 || text[7] != '-') return std::nullopt;
    d.day = readDigits(text, 8, 2);
    if (d.day < 1 || d.day > daysInMonth(d.year, d.month)) return std::nullopt;
    return d;
}

std::optional<DateSpan> parseDateSpan(std::string_view text) {
    const std::size_t slash = text.find('/');
    const auto start = parseDate(text.substr(0, slash));
    if (!start) return std::nullopt;
    if (slash == std::string_view::npos) return DateSpan{*start, std::nullopt};
    const auto end = parseDate(text.substr(slash + 1));
    if (!end || *end < *start) return std::nullopt;
    return DateSpan{*start, end};
}

std::string formatNumber(double value, int decimals, Language language) {
    return (isNegative(value, decimals) ? "-" : "") + formatMagnitude(value, decimals, language);
}

std::string formatMoney(double amount, std::string_view currency, Language language) {
    const std::string number = formatMagnitude(amount, 2, language);
    const std::string symbol = currencySymbol(currency);
    const std::string sign = isNegative(amount, 2) ? "-" : "";
    switch (language) {
        case Language::Fr:
        case Language::De:
            return sign + number + kNoBreakSpace + symbol;
        case Language::Nl:
            return symbol + kNoBreakSpace + sign + number;
        case Language::En:
            // CLDR separates a symbol made of letters ("CHF 12.50"), not "€12.50".
            return sign + symbol + (symbol == "€" ? "" : kNoBreakSpace) + number;
    }
    return number;
}

std::string formatPercent(double percent, int decimals, Language language) {
    const bool spaced = language == Language::Fr || language == Language::De;
    return formatNumber(percent, decimals, language) + (spaced ? kNoBreakSpace : "") + "%";
}

std::string formatQuantity(double value, int decimals, std::string_view unit, Language language) {
    std::string out = formatNumber(value, decimals, language);
    if (!unit.empty()) out += kNoBreakSpace + std::string(unit);
    return out;
}

std::string formatDate(const Date& date, Language language) {
    const std::string year = std::to_string(date.year);
    if (date.month < 1 || date.month > 12) return year;
    const std::string month = monthNames(language)[static_cast<std::size_t>(date.month - 1)];
    if (date.day < 1) return month + " " + year;
    const std::string day = std::to_string(date.day) + (language == Language::De ? "." : "");
    return day + " " + month + " " + year;
}

std::string formatDateSpan(const DateSpan& span, Language language) {
    if (!span.end) return formatDate(span.start, language);
    return formatDate(span.start, language) + "\u2009\u2013\u2009" +
           formatDate(*span.end, language);
}

const std::string& uiText(UiText which, Language language) {
    static const std::array<std::array<std::string, kLanguageCount>,
                            static_cast<std::size_t>(UiText::Count)>
        texts = {{
            {"Géométrie illustrative, pas un relevé du site.",
             "Illustrative geometry, not a survey of the site.",
             "Illustratieve geometrie, geen opmeting van de site.",
             "Illustrative Geometrie, keine Vermessung des Geländes."},
            {"Budget", "Budget", "Budget", "Budget"},
            {"Financement", "Funding", "Financiering", "Finanzierung"},
            {"Partenaires", "Partners", "Partners", "Partner"},
            {"Surfaces", "Areas", "Oppervlakten", "Flächen"},
            {"Indicateurs", "Indicators", "Indicatoren", "Kennzahlen"},
            {"Source", "Source", "Bron", "Quelle"},
            {"Comparer", "Compare", "Vergelijken", "Vergleichen"},
            {"Non", "Off", "Uit", "Aus"},
            {"Glisser", "Swipe", "Schuiven", "Schieben"},
            {"Côte à côte", "Side by side", "Naast elkaar", "Nebeneinander"},
            {"Ce qui change", "What changes", "Wat verandert", "Was sich ändert"},
            {"absent", "absent", "afwezig", "nicht vorhanden"},
            {"présent", "present", "aanwezig", "vorhanden"},
            {"en transparence", "see-through", "doorzichtig", "durchscheinend"},
            {"en chantier", "under construction", "in aanbouw", "im Bau"},
            {"autre version", "another version", "andere versie", "andere Fassung"},
            {"Touchez l'écran pour explorer", "Touch to explore", "Raak het scherm aan",
             "Berühren Sie den Bildschirm"},
            {"Retour au début", "Back to start", "Terug naar het begin", "Zurück zum Anfang"},
            {"Retour au début dans", "Back to the start in", "Terug naar het begin over",
             "Zurück zum Anfang in"},
            {"Document source", "Source document", "Brondocument", "Quelldokument"},
            {"Projet proposé", "Proposal", "Voorstel", "Entwurf"},
            {"Déposez un modèle (glTF, FBX, OBJ…) sur la fenêtre pour le placer sur le site.",
             "Drop a model (glTF, FBX, OBJ…) on the window to place it on the site.",
             "Sleep een model (glTF, FBX, OBJ…) op het venster om het op de site te plaatsen.",
             "Ziehen Sie ein Modell (glTF, FBX, OBJ…) auf das Fenster, um es zu platzieren."},
            {"Le déplacer en le glissant", "Drag it to move it", "Verslepen om te verplaatsen",
             "Zum Verschieben ziehen"},
            {"Pour la phase", "For the phase", "Voor de fase", "Für die Phase"},
            {"Remplace", "Replaces", "Vervangt", "Ersetzt"},
            {"Rotation", "Rotation", "Rotatie", "Drehung"},
            {"Aimanter (1 m, 15°)", "Snap (1 m, 15°)", "Uitlijnen (1 m, 15°)",
             "Einrasten (1 m, 15°)"},
            {"Unité du fichier", "The file's unit", "Eenheid van het bestand", "Einheit der Datei"},
            {"En mètres, ce modèle mesure", "In metres this model measures",
             "In meter meet dit model", "In Metern misst dieses Modell"},
            {"Utiliser", "Use", "Gebruik", "Verwenden"},
            {"Enregistrer comme scénario", "Save as scenario", "Opslaan als scenario",
             "Als Szenario speichern"},
            {"Enregistré :", "Saved:", "Opgeslagen:", "Gespeichert:"},
            {"Retirer", "Remove", "Verwijderen", "Entfernen"},
            {"Mesurer", "Measure", "Meten", "Messen"},
            {"Distance", "Distance", "Afstand", "Abstand"},
            {"Hauteur", "Height", "Hoogte", "Höhe"},
            {"Surface d'une face", "Face area", "Oppervlakte van een vlak", "Fläche einer Seite"},
            {"Surface au sol", "Ground area", "Grondoppervlak", "Grundfläche"},
            {"Cliquez sur le modèle ; les coins et les arêtes aimantent.",
             "Click on the model; corners and edges snap.",
             "Klik op het model; hoeken en randen trekken aan.",
             "Klicken Sie auf das Modell; Ecken und Kanten rasten ein."},
            {"Effacer", "Clear", "Wissen", "Löschen"},
            {"Coupe", "Section", "Doorsnede", "Schnitt"},
            {"Horizontale", "Horizontal", "Horizontaal", "Waagerecht"},
            {"Selon X", "Along X", "Langs X", "Entlang X"},
            {"Selon Z", "Along Z", "Langs Z", "Entlang Z"},
            {"Inverser", "Flip", "Omkeren", "Umkehren"},
            {"Points de vue", "Viewpoints", "Standpunten", "Ansichten"},
            {"Nom", "Name", "Naam", "Name"},
            {"Enregistrer la vue", "Save view", "Standpunt bewaren", "Ansicht speichern"},
            {"Renommer", "Rename", "Hernoemen", "Umbenennen"},
            {"Supprimer", "Delete", "Verwijderen", "Löschen"},
            {"Aucun point de vue enregistré", "No saved viewpoints", "Geen bewaarde standpunten",
             "Keine gespeicherten Ansichten"},
            {"Exporter dans le scénario", "Export into the scenario",
             "Exporteren naar het scenario", "In das Szenario exportieren"},
            {"Image", "Still", "Beeld", "Standbild"},
            {"Taille", "Size", "Grootte", "Größe"},
            {"Avec les panneaux", "With the panels", "Met de panelen", "Mit den Bedienfeldern"},
            {"Fichier", "File", "Bestand", "Datei"},
            {"Enregistrer l'image", "Write the still", "Beeld opslaan", "Standbild speichern"},
            {"Enregistré :", "Written:", "Opgeslagen:", "Gespeichert:"},
            {"Échec :", "Failed:", "Mislukt:", "Fehlgeschlagen:"},
            {"Soleil", "Sun", "Zon", "Sonne"},
            {"Date", "Date", "Datum", "Datum"},
            {"Heure", "Time", "Tijd", "Uhrzeit"},
            {"Lever", "Sunrise", "Zonsopkomst", "Aufgang"},
            {"Coucher", "Sunset", "Zonsondergang", "Untergang"},
            {"Ni lever ni coucher ce jour-là", "No sunrise or sunset that day",
             "Geen zonsopkomst of -ondergang die dag", "Kein Auf- oder Untergang an diesem Tag"},
            {"Hauteur", "Elevation", "Hoogte", "Höhe"},
            {"Azimut", "Azimuth", "Azimut", "Azimut"},
            {"Jouer la journée", "Play the day", "Dag afspelen", "Tag abspielen"},
            {"Arrêter", "Stop", "Stoppen", "Anhalten"},
            {"Atelier", "Workshop", "Workshop", "Workshop"},
            {"Parcours", "Tour", "Rondleiding", "Rundgang"},
            {"Lancer le parcours (F5)", "Start the tour (F5)", "Rondleiding starten (F5)",
             "Rundgang starten (F5)"},
            {"Terminer le parcours", "End the tour", "Rondleiding beëindigen", "Rundgang beenden"},
            {"Étape", "Step", "Stap", "Schritt"},
            {"Précédent", "Previous", "Vorige", "Zurück"},
            {"Suivant", "Next", "Volgende", "Weiter"},
            {"Variantes", "Variants", "Varianten", "Varianten"},
            {"Tel que prévu", "As planned", "Zoals gepland", "Wie geplant"},
            {"illustratif", "illustrative", "illustratief", "illustrativ"},
            {"Comparer", "Compare", "Vergelijken", "Vergleichen"},
            {"Commentaires", "Comments", "Opmerkingen", "Kommentare"},
            {"Épingler un commentaire (cliquez sur une surface)",
             "Pin a comment (click on a surface)", "Opmerking vastpinnen (klik op een oppervlak)",
             "Kommentar anheften (auf eine Fläche klicken)"},
            {"Aucun commentaire", "No comments", "Geen opmerkingen", "Keine Kommentare"},
            {"Groupe", "Group", "Groep", "Gruppe"},
            {"gommettes restantes", "dots left", "stippen over", "Punkte übrig"},
            {"Résolu", "Resolved", "Opgelost", "Erledigt"},
            {"Déplacer (cliquez sur une surface)", "Move (click on a surface)",
             "Verplaatsen (klik op een oppervlak)", "Verschieben (auf eine Fläche klicken)"},
            {"Enregistrer le texte", "Save the text", "Tekst opslaan", "Text speichern"},
        }};
    return texts[static_cast<std::size_t>(which)][static_cast<std::size_t>(index(language))];
}

std::vector<std::string> allUiTexts() {
    std::vector<std::string> all;
    for (Language l : kLanguages) {
        for (int t = 0; t < static_cast<int>(UiText::Count); ++t)
            all.push_back(uiText(static_cast<UiText>(t), l));
        for (const char* month : monthNames(l)) all.emplace_back(month);
    }
    return all;
}

}  // namespace friche::scene
