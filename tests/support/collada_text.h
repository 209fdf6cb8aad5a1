// Pieces of Collada documents for the tests that write their own.
#pragma once

#include <string>

namespace friche::test {

// <library_geometries> with one triangle, id "tri", corners `positions` (nine
// numbers), its triangles bound to the material symbol "m".
inline std::string colladaTriangle(const std::string& positions) {
    return R"(<library_geometries><geometry id="tri" name="tri"><mesh>
    <source id="pos"><float_array id="pos-a" count="9">)" +
           positions + R"(</float_array>
      <technique_common><accessor source="#pos-a" count="3" stride="3">
        <param name="X" type="float"/><param name="Y" type="float"/><param name="Z" type="float"/>
      </accessor></technique_common></source>
    <vertices id="v"><input semantic="POSITION" source="#pos"/></vertices>
    <triangles count="1" material="m"><input semantic="VERTEX" source="#v" offset="0"/><p>0 1 2</p></triangles>
  </mesh></geometry></library_geometries>
)";
}

}  // namespace friche::test
