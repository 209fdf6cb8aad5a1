#include "scene/sun.h"

#include <cmath>
#include <numbers>

namespace friche::scene {

namespace {

double rad(double deg) {
    return deg * std::numbers::pi / 180.0;
}
double deg(double r) {
    return r * 180.0 / std::numbers::pi;
}

// Julian day of a Gregorian date at `hourUtc` (Meeus, chapter 7).
double julianDay(int year, int month, int day, double hourUtc) {
    if (month <= 2) {
        year -= 1;
        month += 12;
    }
    const double a = std::floor(year / 100.0);
    const double b = 2.0 - a + std::floor(a / 4.0);
    return std::floor(365.25 * (year + 4716)) + std::floor(30.6001 * (month + 1)) + day + b -
           1524.5 + hourUtc / 24.0;
}

// The NOAA spreadsheet's refraction correction, in degrees, for a true elevation.
double refraction(double elevation) {
    if (elevation > 85.0) return 0.0;
    const double te = std::tan(rad(elevation));
    double arcsec = 0.0;
    if (elevation > 5.0) {
        arcsec = 58.1 / te - 0.07 / (te * te * te) + 0.000086 / std::pow(te, 5.0);
    } else if (elevation > -0.575) {
        arcsec =
            1735.0 +
            elevation * (-518.2 + elevation * (103.4 + elevation * (-12.79 + elevation * 0.711)));
    } else {
        arcsec = -20.772 / te;
    }
    return arcsec / 3600.0;
}

// 0 for Sunday (Sakamoto's method).
int dayOfWeek(int year, int month, int day) {
    static const int offsets[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    if (month < 3) year -= 1;
    return (year + year / 4 - year / 100 + year / 400 + offsets[month - 1] + day) % 7;
}

int lastSunday(int year, int month) {
    return 31 - dayOfWeek(year, month, 31);  // March and October have 31 days
}

bool euSummerTime(int year, int month, int day) {
    const int dayNumber = month * 100 + day;
    return dayNumber >= 300 + lastSunday(year, 3) && dayNumber < 1000 + lastSunday(year, 10);
}

// NOAA's sunrise and sunset: the sun's centre 0.833 degree below the horizon
// (34' of refraction, 16' of radius), here as the elevation solarPosition
// reports, refraction included.
const double kSunriseElevation = -0.833 + refraction(-0.833);

// The hour between `a` (sun below) and `b` (above), or the other way round,
// where it crosses kSunriseElevation, to a second.
double crossing(SiteTime t, double a, double b) {
    t.hour = a;
    const bool risingFromA = solarPosition(t).elevation < kSunriseElevation;
    while (std::abs(b - a) > 1.0 / 3600.0) {
        t.hour = (a + b) / 2.0;
        const bool below = solarPosition(t).elevation < kSunriseElevation;
        (below == risingFromA ? a : b) = t.hour;
    }
    return (a + b) / 2.0;
}

}  // namespace

double utcOffset(const SiteClock& clock, int year, int month, int day) {
    return clock.standardUtcOffset + (clock.euSummerTime && euSummerTime(year, month, day) ? 1 : 0);
}

std::optional<Daylight> sunriseAndSunset(SiteTime day) {
    // Sampled every 10 minutes of the clock day, then refined by halving.
    constexpr int kSteps = 24 * 6;
    std::optional<double> sunrise, sunset;
    day.hour = 0.0;
    bool wasUp = solarPosition(day).elevation >= kSunriseElevation;
    for (int step = 1; step <= kSteps; ++step) {
        const double before = day.hour;
        day.hour = step * 24.0 / kSteps;
        const bool up = solarPosition(day).elevation >= kSunriseElevation;
        if (up && !wasUp && !sunrise) sunrise = crossing(day, before, day.hour);
        if (!up && wasUp) sunset = crossing(day, before, day.hour);
        wasUp = up;
    }
    if (!sunrise || !sunset) return std::nullopt;
    return Daylight{*sunrise, *sunset};
}

SunPosition solarPosition(const SiteTime& t) {
    const double hourUtc = t.hour - utcOffset(t.clock, t.year, t.month, t.day);
    const double jc = (julianDay(t.year, t.month, t.day, hourUtc) - 2451545.0) / 36525.0;
    const double meanLong = std::fmod(280.46646 + jc * (36000.76983 + jc * 0.0003032), 360.0);
    const double meanAnom = 357.52911 + jc * (35999.05029 - 0.0001537 * jc);
    const double eccent = 0.016708634 - jc * (0.000042037 + 0.0000001267 * jc);
    const double m = rad(meanAnom);
    const double center = std::sin(m) * (1.914602 - jc * (0.004817 + 0.000014 * jc)) +
                          std::sin(2 * m) * (0.019993 - 0.000101 * jc) + std::sin(3 * m) * 0.000289;
    const double omega = rad(125.04 - 1934.136 * jc);
    const double appLong = meanLong + center - 0.00569 - 0.00478 * std::sin(omega);
    const double meanObliq =
        23.0 + (26.0 + (21.448 - jc * (46.815 + jc * (0.00059 - jc * 0.001813))) / 60.0) / 60.0;
    const double obliq = rad(meanObliq + 0.00256 * std::cos(omega));
    const double decl = std::asin(std::sin(obliq) * std::sin(rad(appLong)));
    const double y = std::pow(std::tan(obliq / 2.0), 2.0);
    const double l0 = rad(meanLong);
    const double eqTime =
        4.0 * deg(y * std::sin(2 * l0) - 2 * eccent * std::sin(m) +
                  4 * eccent * y * std::sin(m) * std::cos(2 * l0) - 0.5 * y * y * std::sin(4 * l0) -
                  1.25 * eccent * eccent * std::sin(2 * m));
    // True solar time in minutes, then the hour angle (0 at solar noon, + afternoon).
    const double solarMinutes = std::fmod(hourUtc * 60.0 + eqTime + 4.0 * t.longitude, 1440.0);
    const double hourAngle = rad(solarMinutes / 4.0 - 180.0);
    const double lat = rad(t.latitude);
    const double cosZenith =
        std::sin(lat) * std::sin(decl) + std::cos(lat) * std::cos(decl) * std::cos(hourAngle);
    const double elevation = 90.0 - deg(std::acos(std::fmax(-1.0, std::fmin(1.0, cosZenith))));
    // Measured from south towards west, then turned to "clockwise from north".
    const double fromSouth = std::atan2(
        std::sin(hourAngle), std::cos(hourAngle) * std::sin(lat) - std::tan(decl) * std::cos(lat));
    SunPosition s;
    s.elevation = elevation + refraction(elevation);
    s.azimuth = std::fmod(deg(fromSouth) + 180.0 + 360.0, 360.0);
    s.declination = deg(decl);
    s.equationOfTime = eqTime;
    return s;
}

glm::vec3 sunDirection(const SunPosition& sun, double northDegrees) {
    const double el = rad(sun.elevation);
    return trueNorth(sun.azimuth + northDegrees) * static_cast<float>(std::cos(el)) +
           glm::vec3(0.0f, static_cast<float>(std::sin(el)), 0.0f);
}

glm::vec3 trueNorth(double northDegrees) {
    // Clockwise seen from above, from -Z: 0 -> (0, 0, -1), 90 -> (1, 0, 0).
    const double a = rad(northDegrees);
    return glm::vec3(static_cast<float>(std::sin(a)), 0.0f, static_cast<float>(-std::cos(a)));
}

std::optional<Date> parseSunDate(std::string_view text) {
    const auto date = parseDate(text);
    if (!date || date->day == 0 || date->year < 1901 || date->year > 2099) return std::nullopt;
    return date;
}

std::optional<double> parseClockTime(std::string_view text) {
    if (text.size() != 5 || text[2] != ':') return std::nullopt;
    const auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9'; };
    if (!digit(0) || !digit(1) || !digit(3) || !digit(4)) return std::nullopt;
    const int hour = (text[0] - '0') * 10 + (text[1] - '0');
    const int minute = (text[3] - '0') * 10 + (text[4] - '0');
    if (hour > 23 || minute > 59) return std::nullopt;
    return hour + minute / 60.0;
}

void setDate(SiteTime& t, const Date& date) {
    t.year = date.year;
    t.month = date.month;
    t.day = date.day;
}

}  // namespace friche::scene
