#include "scene/sun.h"

#include <cmath>

namespace friche::scene {

namespace {

constexpr double kPi = 3.14159265358979323846;
double rad(double deg) {
    return deg * kPi / 180.0;
}
double deg(double r) {
    return r * 180.0 / kPi;
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

}  // namespace

double centralEuropeanUtcOffset(int year, int month, int day) {
    const int dayNumber = month * 100 + day;
    const bool summer =
        dayNumber >= 300 + lastSunday(year, 3) && dayNumber < 1000 + lastSunday(year, 10);
    return summer ? 2.0 : 1.0;
}

SunPosition solarPosition(const SiteTime& t) {
    const double hourUtc = t.hour - t.utcOffsetHours;
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

glm::vec3 sunDirection(const SunPosition& sun) {
    const double el = rad(sun.elevation), az = rad(sun.azimuth);
    // North is -Z and east +X: azimuth 0 -> (0, 0, -1), azimuth 90 -> (1, 0, 0).
    return glm::vec3(static_cast<float>(std::cos(el) * std::sin(az)),
                     static_cast<float>(std::sin(el)),
                     static_cast<float>(-std::cos(el) * std::cos(az)));
}

}  // namespace friche::scene
