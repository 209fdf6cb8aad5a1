// Where the sun is, from a place on Earth, a date and a clock time: the NOAA
// solar calculator's algorithm (after Meeus), good to about 0.01 degree for
// dates between 1901 and 2099, with atmospheric refraction near the horizon.
//
//   scene::SiteTime t = scene::kDefaultSiteTime;   // Liège, 21 June, 15:00 (UTC+2)
//   t.hour = 9.5;                                   // 09:30 local
//   scene::SunPosition sun = scene::solarPosition(t);
//   glm::vec3 toSun = scene::sunDirection(sun);    // world space, see below
//
// World axes (glTF has no north, so friche chooses one): +Y up, -Z north,
// +X east. A site model exported with north up the screen faces that way.
#pragma once

#include <glm/glm.hpp>

namespace friche::scene {

struct SiteTime {
    double latitude = 0.0;   // degrees, north positive
    double longitude = 0.0;  // degrees, east positive
    int year = 2000, month = 1, day = 1;
    double hour = 12.0;           // local clock time, hours (15.5 is 15:30)
    double utcOffsetHours = 0.0;  // local clock minus UTC (summer time included)
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
                                           .utcOffsetHours = 2.0};

struct SunPosition {
    double elevation = 0.0;       // degrees above the horizon, refraction included
    double azimuth = 0.0;         // degrees clockwise from north
    double declination = 0.0;     // degrees
    double equationOfTime = 0.0;  // minutes
};

SunPosition solarPosition(const SiteTime& t);

// Central European clocks (Belgium, Luxembourg, the Netherlands, Germany): UTC+2
// from the last Sunday of March to the last Sunday of October, UTC+1 otherwise
// (by the day; the hour of the change is ignored).
double centralEuropeanUtcOffset(int year, int month, int day);

// Unit vector towards the sun in world space (+Y up, -Z north, +X east).
glm::vec3 sunDirection(const SunPosition& sun);

}  // namespace friche::scene
