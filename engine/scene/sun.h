// Where the sun is, from a place on Earth, a date and a clock time: the NOAA
// solar calculator's algorithm (after Meeus), good to about 0.01 degree for
// dates between 1901 and 2099, with atmospheric refraction near the horizon.
//
//   scene::SiteTime t = scene::kDefaultSiteTime;   // Liège, 21 June, 15:00 (UTC+2)
//   t.hour = 9.5;                                   // 09:30 on the site's clock
//   scene::SunPosition sun = scene::solarPosition(t);
//   glm::vec3 toSun = scene::sunDirection(sun, t.northDegrees);  // world space
//
// World axes (glTF has no north, so friche chooses one): +Y up, and with a
// site's north at 0, -Z north and +X east. A site model exported with north up
// the screen faces that way; one turned on the page says so with its north.
#pragma once

#include <optional>
#include <string_view>

#include <glm/glm.hpp>

#include "scene/locale.h"

namespace friche::scene {

// A site's civil clock: its standard time's offset from UTC and whether it
// follows EU summer time, one hour more from the last Sunday of March to the
// last Sunday of October (by the day; the hour of the change is ignored).
// The default: Central European clocks (Belgium, Luxembourg, the Netherlands, Germany).
struct SiteClock {
    double standardUtcOffset = 1.0;  // hours
    bool euSummerTime = true;
    bool operator==(const SiteClock&) const = default;
};

struct SiteTime {
    double latitude = 0.0;   // degrees, north positive
    double longitude = 0.0;  // degrees, east positive
    // Degrees clockwise, seen from above, from the world's -Z axis to true
    // north (scene::Site::northDegrees): where the sun stands in the model.
    double northDegrees = 0.0;
    int year = 2000, month = 1, day = 1;
    double hour = 12.0;  // the site's clock time, hours (15.5 is 15:30)
    SiteClock clock;
    bool operator==(const SiteTime&) const = default;
};

// The default sun for every site: Liège (Cité Miroir), the June solstice at
// 15:00 summer time (UTC+2): a high afternoon sun from the south-west, long
// enough shadows to read volumes, no glare.
inline constexpr SiteTime kDefaultSiteTime{.latitude = 50.63,
                                           .longitude = 5.57,
                                           .year = 2025,
                                           .month = 6,
                                           .day = 21,
                                           .hour = 15.0,
                                           .clock = {}};

struct SunPosition {
    double elevation = 0.0;       // degrees above the horizon, refraction included
    double azimuth = 0.0;         // degrees clockwise from north
    double declination = 0.0;     // degrees
    double equationOfTime = 0.0;  // minutes
};

SunPosition solarPosition(const SiteTime& t);

// The clock's offset from UTC on that day, summer time included: 2 for
// Central European summer time.
double utcOffset(const SiteClock& clock, int year, int month, int day);

// Sunrise and sunset on the site's clock, hours: when the sun's centre is
// 0.833 degree below the geometric horizon (refraction and the sun's radius),
// as the NOAA calculator says them.
struct Daylight {
    double sunrise = 0.0;
    double sunset = 0.0;
};
// nullopt on a polar day or night (no sunrise or no sunset that day).
std::optional<Daylight> sunriseAndSunset(SiteTime day);

// Unit vector towards the sun in world space: +Y up, and true north
// `northDegrees` clockwise (seen from above) from -Z.
glm::vec3 sunDirection(const SunPosition& sun, double northDegrees = 0.0);
// The horizontal unit vector towards true north in world space.
glm::vec3 trueNorth(double northDegrees);

// The command line's and FRICHE_SUN's date and time: "2025-12-21", a real day
// in the years the algorithm holds (1901-2099); "09:30", 00:00 to 23:59, as hours.
std::optional<Date> parseSunDate(std::string_view text);
std::optional<double> parseClockTime(std::string_view text);
// The date, leaving the place and the hour.
void setDate(SiteTime& t, const Date& date);

}  // namespace friche::scene
