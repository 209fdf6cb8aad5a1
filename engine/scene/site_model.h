// A scenario's site as one model the renderer draws: every layer's piece of
// its model file, placed by the layer's transform, once per glTF scene the
// layer shows in some phase, and whatever no layer names drawn as modelled.
// CPU only; io::loadSite loads the files and calls assembleSite.
//
//   std::vector<scene::ModelFile> files = ...;           // each layer's model, loaded
//   scene::SiteModel site = scene::assembleSite(scenario, std::move(files));
//   scene::ModelLooks looks(scenario, site);               // looks per site.model node
//
// Layers on the same file with the same transform share its nodes: a node
// belongs to the last of them (in the file's order) that names it or one of
// its ancestors. Layers with another transform get copies of their own (a tree
// model placed twice is two layers). Meshes, materials and textures are shared
// by every copy: copying a node costs a node, not its geometry.
#pragma once

#include <filesystem>
#include <vector>

#include "scene/model.h"
#include "scene/scenario.h"

namespace friche::scene {

struct ModelFile {
    std::filesystem::path path;  // as Layer::modelPath resolves it
    Model model;
};

// Which layer a node of the site model draws, and when.
struct NodeOwner {
    int layer = -1;  // index into Scenario::layers; -1: no layer names it, drawn as modelled
    int scene = -1;  // shown only in phases that show this glTF scene of the layer's model;
                     // -1: in every phase (the layer shows one scene throughout)
    int root = -1;   // the site model node its copy hangs from: what rises and sinks as one
};

struct SiteModel {
    Model model;                    // one scene, which draws everything
    std::vector<NodeOwner> owners;  // one per model.nodes
    // Per layer: the glTF scene it shows when a phase does not pick one.
    std::vector<int> layerScenes;
};

// `files` holds a model for every distinct Layer::modelPath (more are ignored;
// a layer whose file is missing is left out).
SiteModel assembleSite(const Scenario& scenario, std::vector<ModelFile> files);

}  // namespace friche::scene
