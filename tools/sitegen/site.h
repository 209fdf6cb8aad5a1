// One site's model under construction: named nodes made of Parts (geometry
// per material), grouped by the first segment of their name, written as one
// .glb with the figures the budget is checked against.
//
//   sitegen::Site site("seraing");
//   site.add("industry/hall-a", hallParts, {40, 0, -20}, 0.3f);
//   site.addInstanced("reconversion/park-trees", treeParts, instances);
//   sitegen::Figures f = site.write(outDir);   // outDir/seraing.glb
//
// The file's tree is: a root named after the site, one group node per name
// prefix ("industry", "reconversion", ...) in order of first use, and the
// named nodes under their group. Scenarios show and hide nodes by name.
#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "glbkit/glb_writer.h"
#include "sitegen/materials.h"

namespace sitegen {

// The geometry of one node, one primitive per material.
using Parts = std::map<Mat, glbkit::Geometry>;

// Adds `from`, moved by `at`, into `into`.
void merge(Parts& into, const Parts& from, const glm::mat4& at);

struct Figures {
    std::size_t triangles = 0;  // drawn, instances counted
    std::size_t nodes = 0;
    std::size_t textures = 0;
    std::size_t textureBytes = 0;  // on the GPU: RGBA8 with mipmaps
    bool written = false;
};

class Site {
public:
    explicit Site(std::string id);

    const std::string& id() const { return id_; }
    // Whether a node is already named `name`.
    bool has(const std::string& name) const { return names_.count(name) > 0; }
    // A node named `name` ("group/thing") at `at`, turned `yaw` radians about +Y;
    // `roads`, in its space, run on beyond the site in the viewer's landscape.
    void add(const std::string& name, const Parts& parts, glm::vec3 at = glm::vec3(0),
             float yaw = 0.0f, std::vector<glbkit::Road> roads = {});
    // A river's node: its water runs from `from` to `to` (x, z), `width` wide,
    // and the viewer's landscape carries it on beyond both ends.
    void addRiver(const std::string& name, const Parts& parts, glm::vec2 from, glm::vec2 to,
                  float width, glm::vec3 at = glm::vec3(0), float yaw = 0.0f);
    // One mesh drawn once per instance (EXT_mesh_gpu_instancing): trees, shrubs;
    // `drive` (speed m/s, span m): traffic (glbkit::NodeSpec::driveSpeed).
    void addInstanced(const std::string& name, const Parts& parts,
                      std::vector<glbkit::Instance> instances, glm::vec2 drive = {0, 0});
    // The same, the instances dealt among `variants` (one shape in several
    // colours: cars) by their shares, at random from `seed`: a node `name`
    // with one instanced child per variant, "<name>/<variant's index>".
    struct Variant {
        Parts parts;
        float share;
    };
    void addInstanced(const std::string& name, const std::vector<Variant>& variants,
                      const std::vector<glbkit::Instance>& instances, glm::vec2 drive,
                      std::uint32_t seed);
    // A camera bookmark "views/<name>" at `eye` looking at `target`.
    void addView(const std::string& name, glm::vec3 eye, glm::vec3 target);
    // Writes DIR/<id>.glb; `written` is false (and stderr says why) on failure.
    Figures write(const std::filesystem::path& dir);

private:
    int material(Mat m);
    int mesh(const std::string& name, const Parts& parts);
    // Instances placed from `origin`: a fleet that drives loops around its node's origin.
    glbkit::NodeSpec instanced(const std::string& name, const Parts& parts,
                               std::vector<glbkit::Instance> instances, glm::vec2 drive,
                               glm::vec3 origin);
    // Takes `name` for a node; a name taken twice fails the write (stderr says which).
    void claim(const std::string& name);
    void addNode(glbkit::NodeSpec node, std::size_t triangles);

    std::string id_;
    glbkit::GlbWriter writer_;
    std::map<Mat, int> materials_;
    std::map<Surface, int> textures_;  // the base colour's index; ORM and normal follow it
    std::vector<std::pair<std::string, std::vector<int>>> groups_;
    std::set<std::string> names_;
    bool duplicateName_ = false;
    Figures figures_;
};

}  // namespace sitegen
