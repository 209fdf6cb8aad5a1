#include "io/model_wire.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <concepts>
#include <cstring>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

namespace friche::io {
namespace {

// The first and last eight bytes: a stream from another program, or one cut
// short, is caught before and after its fields are read. Bump the digit when
// the layout changes.
constexpr std::uint64_t kWireMagic = 0x3145'5249'5748'4346;  // "FCHWIRE1" read little-endian
constexpr std::uint64_t kEnd = ~kWireMagic;

// ---- the fields, listed once for both directions ----------------------------
//
// Each `fields` names a struct's members in wire order; the writer and the
// reader both walk it, so the two cannot disagree. A member added to
// scene::Model and not listed here would silently not cross the pipe: the
// round-trip test in tests/unit/model_wire_test.cpp fills every member.

template <class T, class U>
concept Is = std::same_as<std::remove_const_t<T>, U>;

void fields(auto& io, Is<scene::TextureTransform> auto& t) {
    io(t.offset, t.rotation, t.scale);
}
void fields(auto& io, Is<scene::TextureRef> auto& r) {
    io(r.texture, r.texCoord, r.transform);
}
void fields(auto& io, Is<scene::Bounds> auto& b) {
    io(b.min, b.max);
}
void fields(auto& io, Is<scene::Primitive> auto& p) {
    io(p.mode, p.positions, p.normals, p.tangents, p.uv0, p.uv1, p.colors, p.indices, p.material,
       p.variantMaterials, p.bounds);
}
void fields(auto& io, Is<scene::Mesh> auto& m) {
    io(m.name, m.primitives);
}
void fields(auto& io, Is<scene::Material> auto& m) {
    io(m.name, m.baseColorFactor, m.metallicFactor, m.roughnessFactor, m.emissiveFactor,
       m.emissiveStrength, m.normalScale, m.occlusionStrength, m.baseColorTexture,
       m.metallicRoughnessTexture, m.normalTexture, m.occlusionTexture, m.emissiveTexture,
       m.alphaMode, m.alphaCutoff, m.doubleSided, m.unlit);
}
void fields(auto& io, Is<scene::Texture> auto& t) {
    io(t.image, t.sampler);
}
void fields(auto& io, Is<scene::Image> auto& i) {
    io(i.name, i.width, i.height, i.rgba);
}
void fields(auto& io, Is<scene::Sampler> auto& s) {
    io(s.magFilter, s.minFilter, s.mipFilter, s.wrapS, s.wrapT);
}
void fields(auto& io, Is<scene::Camera> auto& c) {
    io(c.name, c.type, c.yfov, c.aspectRatio, c.xmag, c.ymag, c.znear, c.zfar);
}
void fields(auto& io, Is<scene::Light> auto& l) {
    io(l.name, l.type, l.color, l.intensity, l.range, l.innerConeAngle, l.outerConeAngle);
}
void fields(auto& io, Is<scene::Node> auto& n) {
    io(n.name, n.local, n.parent, n.children, n.mesh, n.camera, n.light, n.instances, n.visible);
}
void fields(auto& io, Is<scene::SceneRoots> auto& s) {
    io(s.name, s.nodes);
}
void fields(auto& io, Is<scene::Model> auto& m) {
    io(m.source, m.format, m.nodes, m.meshes, m.materials, m.textures, m.images, m.samplers,
       m.cameras, m.lights, m.scenes, m.defaultScene, m.variants, m.extensionsUsed);
}
void fields(auto& io, Is<core::Problem> auto& p) {
    io(p.severity, p.code, p.where, p.message);
}
void fields(auto& io, Is<EncodedImage> auto& i) {
    io(i.where, i.label, i.bytes);
}

// The last value of each enum, so the reader refuses any other.
constexpr int lastOf(scene::AlphaMode) {
    return static_cast<int>(scene::AlphaMode::Blend);
}
constexpr int lastOf(scene::PrimitiveMode) {
    return static_cast<int>(scene::PrimitiveMode::TriangleFan);
}
constexpr int lastOf(scene::Filter) {
    return static_cast<int>(scene::Filter::Linear);
}
constexpr int lastOf(scene::MipFilter) {
    return static_cast<int>(scene::MipFilter::Linear);
}
constexpr int lastOf(scene::Wrap) {
    return static_cast<int>(scene::Wrap::MirroredRepeat);
}
constexpr int lastOf(scene::Camera::Type) {
    return static_cast<int>(scene::Camera::Type::Orthographic);
}
constexpr int lastOf(scene::Light::Type) {
    return static_cast<int>(scene::Light::Type::Spot);
}
constexpr int lastOf(core::Severity) {
    return static_cast<int>(core::Severity::Info);
}

// Numbers and glm vectors and matrices: copied as their bytes, arrays of them
// in one block.
template <class T>
struct IsGlm : std::false_type {};
template <glm::length_t L, class T, glm::qualifier Q>
struct IsGlm<glm::vec<L, T, Q>> : std::true_type {};
template <glm::length_t C, glm::length_t R, class T, glm::qualifier Q>
struct IsGlm<glm::mat<C, R, T, Q>> : std::true_type {};
template <class T>
constexpr bool kPlain = (std::is_arithmetic_v<T> && !std::is_same_v<T, bool>) || IsGlm<T>::value;

template <class T>
struct IsVector : std::false_type {};
template <class T>
struct IsVector<std::vector<T>> : std::true_type {};
template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {};

// ---- writing ----------------------------------------------------------------

class Writer {
public:
    explicit Writer(int fd) : fd_(fd) {}

    template <class... T>
    void operator()(const T&... values) {
        (one(values), ...);
    }

    bool finish() {
        flush();
        return ok_;
    }

private:
    template <class T>
    void one(const T& v) {
        if constexpr (std::is_same_v<T, bool>) {
            const std::uint8_t b = v ? 1 : 0;
            bytes(&b, 1);
        } else if constexpr (std::is_enum_v<T>) {
            const auto i = static_cast<std::int32_t>(v);
            bytes(&i, sizeof i);
        } else if constexpr (kPlain<T>) {
            bytes(&v, sizeof v);
        } else if constexpr (std::is_same_v<T, std::string>) {
            count(v.size());
            bytes(v.data(), v.size());
        } else if constexpr (IsOptional<T>::value) {
            one(v.has_value());
            if (v) one(*v);
        } else if constexpr (IsVector<T>::value) {
            count(v.size());
            if constexpr (kPlain<typename T::value_type>)
                bytes(v.data(), v.size() * sizeof(typename T::value_type));
            else
                for (const auto& e : v) one(e);
        } else {
            fields(*this, v);
        }
    }

    void count(std::size_t n) {
        const auto n64 = static_cast<std::uint64_t>(n);
        bytes(&n64, sizeof n64);
    }

    // Small values gather in the buffer; a large array goes straight from
    // the model's memory to the pipe.
    void bytes(const void* data, std::size_t n) {
        if (buffer_.size() + n > kBuffer) flush();
        if (n >= kBuffer) {
            send(data, n);
            return;
        }
        const auto* p = static_cast<const std::uint8_t*>(data);
        buffer_.insert(buffer_.end(), p, p + n);
    }

    void flush() {
        send(buffer_.data(), buffer_.size());
        buffer_.clear();
    }

    void send(const void* data, std::size_t n) {
        const auto* p = static_cast<const std::uint8_t*>(data);
        while (ok_ && n > 0) {
            const ssize_t written = ::write(fd_, p, n);
            if (written < 0 && errno == EINTR) continue;
            if (written <= 0) {
                ok_ = false;
                return;
            }
            p += written;
            n -= static_cast<std::size_t>(written);
        }
    }

    static constexpr std::size_t kBuffer = 1 << 16;
    int fd_;
    bool ok_ = true;
    std::vector<std::uint8_t> buffer_;
};

// ---- reading ----------------------------------------------------------------

class Reader {
public:
    Reader(ByteSource& source, std::uint64_t maxBytes) : source_(source), maxBytes_(maxBytes) {}

    template <class... T>
    void operator()(T&... values) {
        (one(values), ...);
    }

    bool ok() const { return error_.empty(); }
    const std::string& error() const { return error_; }

    void fail(const std::string& why) {
        if (ok()) error_ = why + " at byte " + std::to_string(at_);
    }

private:
    template <class T>
    void one(T& v) {
        if constexpr (std::is_same_v<T, bool>) {
            std::uint8_t b = 0;
            bytes(&b, 1);
            if (b > 1) fail("a flag of " + std::to_string(b));
            v = b == 1;
        } else if constexpr (std::is_enum_v<T>) {
            std::int32_t i = 0;
            bytes(&i, sizeof i);
            if (i < 0 || i > lastOf(T{})) fail("an enumeration value of " + std::to_string(i));
            v = ok() ? static_cast<T>(i) : T{};
        } else if constexpr (kPlain<T>) {
            bytes(&v, sizeof v);
        } else if constexpr (std::is_same_v<T, std::string>) {
            contiguous(v);
        } else if constexpr (IsOptional<T>::value) {
            bool present = false;
            one(present);
            v.reset();
            if (present) one(v.emplace());
        } else if constexpr (IsVector<T>::value) {
            if constexpr (kPlain<typename T::value_type>) {
                contiguous(v);
            } else {
                // Grown one element at a time, so memory follows the bytes
                // actually there, whatever the count claims.
                const std::uint64_t n = count(1);
                v.clear();
                for (std::uint64_t i = 0; i < n && ok(); ++i) one(v.emplace_back());
            }
        } else {
            fields(*this, v);
        }
    }

    // A string or an array of numbers, read straight into its own memory (a
    // second copy of a model of hundreds of megabytes costs as much as the
    // pipe). Reserved whole, which costs address space only, and filled a
    // step at a time, so a count that lies touches no more than what came.
    template <class C>
    void contiguous(C& c) {
        using E = typename C::value_type;
        constexpr std::size_t kStep = (std::size_t{4} << 20) / sizeof(E);
        const std::size_t n = count(sizeof(E));
        c.clear();
        c.reserve(n);
        for (std::size_t done = 0; done < n && ok();) {
            const std::size_t step = std::min(n - done, kStep);
            c.resize(done + step);
            bytes(c.data() + done, step * sizeof(E));
            done += step;
        }
    }

    // A count of elements of at least `elementBytes` each: never more than
    // what is left of the limit could hold.
    std::size_t count(std::size_t elementBytes) {
        std::uint64_t n = 0;
        bytes(&n, sizeof n);
        const std::uint64_t left = maxBytes_ - std::min(at_, maxBytes_);
        if (n > left / elementBytes) {
            fail("a count of " + std::to_string(n) + " with " + std::to_string(left) +
                 " bytes left");
            return 0;
        }
        return static_cast<std::size_t>(n);
    }

    void bytes(void* out, std::size_t n) {
        if (!ok()) return;
        if (n > maxBytes_ - std::min(at_, maxBytes_) ||
            !source_.read({static_cast<std::uint8_t*>(out), n})) {
            fail("the stream ends early");
            return;
        }
        at_ += n;
    }

    ByteSource& source_;
    std::uint64_t maxBytes_;
    std::uint64_t at_ = 0;
    std::string error_;
};

class SpanSource : public ByteSource {
public:
    explicit SpanSource(std::span<const std::uint8_t> bytes) : bytes_(bytes) {}
    bool read(std::span<std::uint8_t> out) override {
        if (out.size() > bytes_.size()) return false;
        std::copy_n(bytes_.begin(), out.size(), out.begin());
        bytes_ = bytes_.subspan(out.size());
        return true;
    }
    std::size_t left() const { return bytes_.size(); }

private:
    std::span<const std::uint8_t> bytes_;
};

}  // namespace

bool writeImportedModel(int fd, const ImportedModel& imported) {
    Writer out(fd);
    out(kWireMagic, imported.result.model, imported.result.problems.list(), imported.images,
        imported.imageTargets, kEnd);
    return out.finish();
}

std::optional<ImportedModel> readImportedModel(ByteSource& source, std::uint64_t maxBytes,
                                               std::string& error) {
    Reader in(source, maxBytes);
    std::uint64_t magic = 0, end = 0;
    ImportedModel imported;
    std::vector<core::Problem> problems;
    try {
        in(magic);
        if (magic != kWireMagic) in.fail("not a friche model stream");
        in(imported.result.model, problems, imported.images, imported.imageTargets, end);
        if (in.ok() && end != kEnd) in.fail("no end mark");
    } catch (const std::bad_alloc&) {  // friche itself cannot hold what the child could
        in.fail("no memory left for the model");
    }
    const std::size_t images = imported.result.model.images.size();
    if (in.ok() && (imported.imageTargets.size() != imported.images.size() ||
                    std::any_of(imported.imageTargets.begin(), imported.imageTargets.end(),
                                [images](std::size_t t) { return t >= images; })))
        in.fail("encoded images without a place among the model's");
    if (!in.ok()) {
        error = in.error();
        return std::nullopt;
    }
    for (core::Problem& p : problems) imported.result.problems.add(std::move(p));
    return imported;
}

std::optional<ImportedModel> readImportedModel(std::span<const std::uint8_t> bytes,
                                               std::string& error) {
    SpanSource source(bytes);
    auto imported = readImportedModel(source, bytes.size(), error);
    if (imported && source.left() > 0) {
        error = std::to_string(source.left()) + " bytes after the end mark";
        return std::nullopt;
    }
    return imported;
}

}  // namespace friche::io
