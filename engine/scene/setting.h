// What lies around a site, for its landscape (a scenario's site "setting"):
// open country (fields, woods, towns down the valley); a town (streets of low
// houses with pitched roofs and gardens from its edge out to half a
// kilometre, then the country); or a city (streets and blocks of four to
// eight storeys, now and then a tower, out to a kilometre or so).
#pragma once

namespace friche::scene {

enum class Setting { Country, Town, City };

}  // namespace friche::scene
