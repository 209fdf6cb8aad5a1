// Animations: samplers and channels name real accessors and nodes, keyframe
// times are SCALAR FLOAT and increasing, and every output accessor holds
// exactly the values its channel will read for those times.
#include <set>
#include <utility>

#include "io/gltf_validate_detail.h"

namespace friche::io::validate {
namespace {

bool hasStride(const Context& cx, const tinygltf::Accessor& a) {
    const tinygltf::BufferView* view = cx.viewOf(a);
    return view != nullptr && view->byteStride != 0;
}

void checkKeyframeTimes(Context& cx, int input, const std::string& where) {
    float previous = 0;
    forEachFloat(cx, input, [&](std::uint64_t element, int, float time) {
        if (element == 0 && time < 0) {
            cx.error("ACCESSOR_ANIMATION_INPUT_NEGATIVE", where,
                     "the first keyframe time is negative");
            return false;
        }
        if (element > 0 && !(time > previous)) {
            cx.error("ACCESSOR_ANIMATION_INPUT_NON_INCREASING", where,
                     "keyframe time " + std::to_string(element) + " does not increase");
            return false;
        }
        previous = time;
        return true;
    });
}

void checkSampler(Context& cx, std::size_t a, std::size_t s) {
    const tinygltf::AnimationSampler& sampler = cx.model.animations[a].samplers[s];
    const std::string here = pointer("animations", a, "samplers", s);
    if (sampler.interpolation != "LINEAR" && sampler.interpolation != "STEP" &&
        sampler.interpolation != "CUBICSPLINE")
        cx.error("VALUE_NOT_IN_LIST", here + "/interpolation",
                 "unknown interpolation '" + sampler.interpolation + "'");
    if (cx.resolves(sampler.output, cx.model.accessors.size(), here + "/output") &&
        hasStride(cx, cx.model.accessors[static_cast<std::size_t>(sampler.output)]))
        cx.error("ANIMATION_SAMPLER_ACCESSOR_WITH_BYTESTRIDE", here + "/output",
                 "animation accessors cannot have a byteStride");
    const std::string where = here + "/input";
    if (!cx.resolves(sampler.input, cx.model.accessors.size(), where)) return;
    const tinygltf::Accessor& input = cx.model.accessors[static_cast<std::size_t>(sampler.input)];
    if (hasStride(cx, input))
        cx.error("ANIMATION_SAMPLER_ACCESSOR_WITH_BYTESTRIDE", where,
                 "animation accessors cannot have a byteStride");
    if (input.type != TINYGLTF_TYPE_SCALAR ||
        input.componentType != TINYGLTF_COMPONENT_TYPE_FLOAT) {
        cx.error("ANIMATION_SAMPLER_INPUT_ACCESSOR_INVALID_FORMAT", where,
                 "keyframe times must be SCALAR FLOAT");
        return;
    }
    if (input.minValues.empty() || input.maxValues.empty())
        cx.error("ANIMATION_SAMPLER_INPUT_ACCESSOR_WITHOUT_BOUNDS", where,
                 "keyframe times must declare min and max");
    if (sampler.interpolation == "CUBICSPLINE" && input.count < 2)
        cx.error("ANIMATION_SAMPLER_INPUT_ACCESSOR_TOO_FEW_ELEMENTS", where,
                 "cubic spline animation needs at least two keyframes");
    if (cx.usableAccessor(sampler.input)) checkKeyframeTimes(cx, sampler.input, where);
}

bool outputFormatOk(const std::string& path, const tinygltf::Accessor& out) {
    const bool isFloat = out.componentType == TINYGLTF_COMPONENT_TYPE_FLOAT;
    const bool normalizedInt = out.normalized &&
                               out.componentType != TINYGLTF_COMPONENT_TYPE_FLOAT &&
                               out.componentType != TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT;
    if (path == "translation" || path == "scale") return out.type == TINYGLTF_TYPE_VEC3 && isFloat;
    if (path == "rotation") return out.type == TINYGLTF_TYPE_VEC4 && (isFloat || normalizedInt);
    if (path == "weights") return out.type == TINYGLTF_TYPE_SCALAR && (isFloat || normalizedInt);
    return true;  // an unknown path is reported by checkChannels
}

// The output holds one value (three for cubic splines: in-tangent, value,
// out-tangent) per keyframe, times the morph target count for weights.
void checkOutput(Context& cx, const tinygltf::AnimationSampler& sampler, const std::string& path,
                 std::uint64_t targets, const std::string& where) {
    if (!cx.usableAccessor(sampler.input) || !cx.usableAccessor(sampler.output)) return;
    const tinygltf::Accessor& in = cx.model.accessors[static_cast<std::size_t>(sampler.input)];
    const tinygltf::Accessor& out = cx.model.accessors[static_cast<std::size_t>(sampler.output)];
    if (!outputFormatOk(path, out)) {
        cx.error("ANIMATION_SAMPLER_OUTPUT_ACCESSOR_INVALID_FORMAT", where,
                 "the output accessor's format does not suit the '" + path + "' path");
        return;
    }
    const std::uint64_t perKey =
        (sampler.interpolation == "CUBICSPLINE" ? 3 : 1) * (path == "weights" ? targets : 1);
    if (out.count != in.count * perKey)
        cx.error("ANIMATION_SAMPLER_OUTPUT_ACCESSOR_INVALID_COUNT", where,
                 "the output accessor has " + std::to_string(out.count) + " elements, " +
                     std::to_string(in.count * perKey) + " expected");
}

// The node a channel animates; false when the channel must not be followed.
bool checkTargetNode(Context& cx, const tinygltf::AnimationChannel& channel,
                     const std::string& here, std::uint64_t& targets) {
    const std::string where = here + "/target";
    if (!cx.resolves(channel.target_node, cx.model.nodes.size(), where + "/node")) return false;
    const tinygltf::Node& node = cx.model.nodes[static_cast<std::size_t>(channel.target_node)];
    const std::string& path = channel.target_path;
    if (path != "weights" && !node.matrix.empty())
        cx.error("ANIMATION_CHANNEL_TARGET_NODE_MATRIX", where,
                 "a node with a matrix cannot have its TRS animated");
    const bool meshOk =
        node.mesh >= 0 && static_cast<std::size_t>(node.mesh) < cx.model.meshes.size();
    targets = 0;
    if (meshOk && !cx.model.meshes[static_cast<std::size_t>(node.mesh)].primitives.empty())
        targets = cx.model.meshes[static_cast<std::size_t>(node.mesh)].primitives[0].targets.size();
    if (path == "weights" && targets == 0) {
        cx.error("ANIMATION_CHANNEL_TARGET_NODE_WEIGHTS_NO_MORPHS", where,
                 "weights are animated on a node whose mesh has no morph targets");
        return false;
    }
    return true;
}

void checkChannels(Context& cx, std::size_t a) {
    const tinygltf::Animation& animation = cx.model.animations[a];
    std::set<std::pair<int, std::string>> targetsSeen;
    for (std::size_t c = 0; c < animation.channels.size(); ++c) {
        const tinygltf::AnimationChannel& channel = animation.channels[c];
        const std::string here = pointer("animations", a, "channels", c);
        const bool pointerTarget = channel.target_extensions.count("KHR_animation_pointer") != 0;
        const std::string& path = channel.target_path;
        if (!pointerTarget && path != "translation" && path != "rotation" && path != "scale" &&
            path != "weights")
            cx.error("VALUE_NOT_IN_LIST", here + "/target/path", "unknown path '" + path + "'");
        const bool samplerOk =
            cx.resolves(channel.sampler, animation.samplers.size(), here + "/sampler");
        std::uint64_t targets = 0;
        if (pointerTarget || !checkTargetNode(cx, channel, here, targets)) continue;
        if (!targetsSeen.insert({channel.target_node, path}).second)
            cx.error("ANIMATION_DUPLICATE_TARGETS", here + "/target",
                     "another channel already animates this node's " + path);
        if (samplerOk)
            checkOutput(cx, animation.samplers[static_cast<std::size_t>(channel.sampler)], path,
                        targets, here + "/sampler");
    }
}

}  // namespace

void checkAnimations(Context& cx) {
    for (std::size_t a = 0; a < cx.model.animations.size(); ++a) {
        for (std::size_t s = 0; s < cx.model.animations[a].samplers.size(); ++s)
            checkSampler(cx, a, s);
        checkChannels(cx, a);
    }
}

}  // namespace friche::io::validate
