// A workshop's record: the comments pinned in 3D, the groups and their dot
// votes, and where the story stands, in one SQLite file (WAL). Every change is
// one transaction, committed before the call returns: once a call has said
// yes, a kill of the process at any moment loses nothing of it. CPU only;
// safe to call from several threads (the viewer's loop and the tablet
// remote's server share one store).
//
//   std::string error;
//   auto store = workshop::SessionStore::open("atelier.friche", {"droixhe", path}, error);
//   if (!store) { std::cerr << error; return 1; }          // names the file and why
//   auto id = store->addPin(pin, error);                   // stored once it returns
//   for (const workshop::Pin& p : store->pins()) ...;
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

struct sqlite3;

namespace friche::workshop {

// The format this build writes; a file of a newer one is refused, never rewritten.
inline constexpr int kSessionFormat = 1;

// The scenario a session belongs to: a session of another is refused.
struct SessionOwner {
    std::string scenarioId;  // scene::Site::id
    std::string scenario;    // the scenario file's path, as opened (the report reads it)
};

// The camera a pin was dropped from: flying to the pin, and its still in the report.
struct PinCamera {
    glm::vec3 target{0.0f};
    float yaw = 0.0f, pitch = 0.0f, distance = 10.0f, fovY = 0.785398f;
    bool operator==(const PinCamera&) const = default;  // the default: none given (the tablet's)
};

struct Group {
    std::int64_t id = 0;
    std::string name;
    std::uint32_t colour = 0xE0A030;  // 0xRRGGBB
    int dots = 3;                     // dots each group may place in all
};

struct Pin {
    std::int64_t id = 0;
    std::string phase;    // scene::Phase::id
    std::string variant;  // scene::Variant::id, empty: the phase as planned
    glm::vec3 anchor{0.0f};
    glm::vec3 normal{0.0f, 1.0f, 0.0f};
    std::string text;
    std::int64_t group = 0;  // Group::id, 0: none
    bool resolved = false;
    PinCamera camera;
    std::int64_t created = 0;  // seconds since 1970
};

// What a dot is placed on: a variant ("variant:PHASE/VARIANT") or a pin ("pin:ID").
std::string variantTarget(const std::string& phase, const std::string& variant);
std::string pinTarget(std::int64_t pin);

struct VoteCount {
    std::string target;
    std::int64_t group = 0;
    int dots = 0;
};

// Where the story stands, to reopen the session there.
struct Place {
    double position = 0.0;
    std::string tour;  // empty: none running
    int step = -1;
    std::string lang;
    // The variant shown per phase: {phase id, variant id}, only those not as planned.
    std::vector<std::pair<std::string, std::string>> variants;
    bool operator==(const Place&) const = default;
};

class SessionStore {
public:
    // Opens the session at `path`, creating it for `owner` when there is no file
    // (or an empty one). The scenario's path is kept absolute, so that the
    // report finds it from anywhere; a session reopened from a moved scenario
    // follows it.
    // nullptr with `error`, a sentence naming the file, when it is not a friche
    // session, is of a newer format, belongs to another scenario, or cannot be
    // read or written. Nothing in such a file is changed.
    static std::unique_ptr<SessionStore> open(const std::filesystem::path& path,
                                              const SessionOwner& owner, std::string& error);
    // Opens an existing session whatever its scenario (the report), for reading.
    static std::unique_ptr<SessionStore> openExisting(const std::filesystem::path& path,
                                                      std::string& error);
    // A session in memory only: the viewer without --session (pins last until it quits).
    static std::unique_ptr<SessionStore> inMemory(const SessionOwner& owner);
    ~SessionStore();
    SessionStore(const SessionStore&) = delete;
    SessionStore& operator=(const SessionStore&) = delete;

    const SessionOwner& owner() const { return owner_; }
    const std::filesystem::path& path() const { return path_; }  // empty: in memory
    // When the session was made, seconds since 1970 (0 when it cannot be read).
    std::int64_t created() const;

    // ---- Changes: each one transaction, durable when it returns a value / true.
    // On failure `error` says why and nothing changed.
    std::optional<std::int64_t> addGroup(const Group& group, std::string& error);
    bool updateGroup(const Group& group, std::string& error);
    // pin.id ignored; pin.created 0: now.
    std::optional<std::int64_t> addPin(const Pin& pin, std::string& error);
    bool updatePin(const Pin& pin, std::string& error);   // all but id and created
    bool deletePin(std::int64_t id, std::string& error);  // and the dots on it
    // One dot of `group` placed on (delta +1) or taken back from (-1) `target`:
    // false when the group has no dot left, or none there to take back.
    bool vote(std::int64_t group, const std::string& target, int delta, std::string& error);
    bool savePlace(const Place& place, std::string& error);

    // ---- Reading
    std::vector<Group> groups() const;
    std::vector<Pin> pins() const;  // by id
    std::optional<Pin> pin(std::int64_t id) const;
    std::vector<VoteCount> votes() const;  // non-zero counts, by target then group
    int dotsOnTarget(const std::string& target) const;
    int dotsLeft(std::int64_t group) const;
    std::optional<Place> place() const;
    // Grows with every change, from any thread: readers refresh when it moves.
    std::uint64_t revision() const;

private:
    SessionStore() = default;
    // Runs `body` in one transaction under the lock; commits when it returns
    // true, and then only does the revision move.
    bool change(const std::function<bool(std::string&)>& body, std::string& error);
    std::filesystem::path path_;
    SessionOwner owner_;
    sqlite3* db_ = nullptr;
    mutable std::mutex mutex_;
    std::uint64_t revision_ = 0;
};

}  // namespace friche::workshop
