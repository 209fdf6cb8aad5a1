#include "workshop/session_store.h"

#include <cmath>
#include <cstdio>
#include <ctime>
#include <system_error>
#include <type_traits>
#include <utility>

#include <sqlite3.h>
#include <unistd.h>

#include "core/file.h"

namespace friche::workshop {

namespace {

// Written into the file's header (PRAGMA application_id): tells a friche
// session from any other SQLite database. "FrSn" in ASCII.
constexpr std::int32_t kApplicationId = 0x4672536E;
// A second process (the report while the viewer writes) waits this long for a
// lock rather than failing at once.
constexpr int kBusyMilliseconds = 5000;

// Format 1. Pins keep AUTOINCREMENT so that a deleted pin's id, which a vote
// target ("pin:7") and a printed report name, is never given to another pin.
constexpr const char* kSchema = R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE groups (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, colour INTEGER NOT NULL,
    dots INTEGER NOT NULL CHECK (dots >= 0));
CREATE TABLE pins (
    id INTEGER PRIMARY KEY AUTOINCREMENT, phase TEXT NOT NULL, variant TEXT NOT NULL,
    anchor_x REAL NOT NULL, anchor_y REAL NOT NULL, anchor_z REAL NOT NULL,
    normal_x REAL NOT NULL, normal_y REAL NOT NULL, normal_z REAL NOT NULL,
    text TEXT NOT NULL, group_id INTEGER REFERENCES groups (id), resolved INTEGER NOT NULL,
    target_x REAL NOT NULL, target_y REAL NOT NULL, target_z REAL NOT NULL,
    yaw REAL NOT NULL, pitch REAL NOT NULL, distance REAL NOT NULL, fov_y REAL NOT NULL,
    created INTEGER NOT NULL);
CREATE TABLE votes (
    group_id INTEGER NOT NULL REFERENCES groups (id), target TEXT NOT NULL,
    dots INTEGER NOT NULL CHECK (dots > 0), PRIMARY KEY (group_id, target)) WITHOUT ROWID;
CREATE TABLE place (
    id INTEGER PRIMARY KEY CHECK (id = 1), position REAL NOT NULL, tour TEXT NOT NULL,
    step INTEGER NOT NULL, lang TEXT NOT NULL);
CREATE TABLE place_variants (rank INTEGER PRIMARY KEY, phase TEXT NOT NULL, variant TEXT NOT NULL);
)sql";

constexpr const char* kPinColumns =
    "id, phase, variant, anchor_x, anchor_y, anchor_z, normal_x, normal_y, normal_z, text, "
    "group_id, resolved, target_x, target_y, target_z, yaw, pitch, distance, fov_y, created";

std::string quoted(const std::filesystem::path& path) {
    return "'" + path.string() + "'";
}

// A prepared statement with its values bound to ?1, ?2, ... in order,
// finalised when it goes out of scope. The first failure sticks: later calls
// do nothing and error() says what it was.
class Statement {
public:
    template <class... Values>
    Statement(sqlite3* db, const std::string& sql, const Values&... values) : db_(db) {
        rc_ = sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt_, nullptr);
        int index = 0;
        (bind(++index, values), ...);
    }
    ~Statement() { sqlite3_finalize(stmt_); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // Steps to the next row: false at the end or on a failure.
    bool row() {
        if (rc_ != SQLITE_OK && rc_ != SQLITE_ROW) return false;
        rc_ = sqlite3_step(stmt_);
        return rc_ == SQLITE_ROW;
    }
    // Runs it to the end; false with error() on a failure.
    bool run() {
        while (row()) {
        }
        return rc_ == SQLITE_DONE;
    }
    bool failed() const { return rc_ != SQLITE_OK && rc_ != SQLITE_ROW && rc_ != SQLITE_DONE; }
    int code() const { return rc_; }
    std::string error() const { return sqlite3_errmsg(db_); }

    std::int64_t integer(int column) const { return sqlite3_column_int64(stmt_, column); }
    double real(int column) const { return sqlite3_column_double(stmt_, column); }
    float single(int column) const { return static_cast<float>(real(column)); }
    std::string text(int column) const {
        const auto* chars = sqlite3_column_text(stmt_, column);
        return chars ? reinterpret_cast<const char*>(chars) : "";
    }

private:
    template <class Value>
    void bind(int index, const Value& value) {
        if (rc_ != SQLITE_OK) return;
        if constexpr (std::is_integral_v<Value>)
            rc_ = sqlite3_bind_int64(stmt_, index, static_cast<sqlite3_int64>(value));
        else if constexpr (std::is_floating_point_v<Value>)
            rc_ = sqlite3_bind_double(stmt_, index, static_cast<double>(value));
        else
            rc_ = sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()),
                                    SQLITE_TRANSIENT);
    }

    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
    int rc_ = SQLITE_OK;
};

// Runs `sql` (no values) to the end; false with `error` set.
bool execute(sqlite3* db, const std::string& sql, std::string& error) {
    char* message = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) == SQLITE_OK) return true;
    error = message ? message : sqlite3_errmsg(db);
    sqlite3_free(message);
    return false;
}

// The first column of the first row of `sql`, nullopt with `error` on a failure.
std::optional<std::string> pragmaValue(sqlite3* db, const std::string& sql, std::string& error) {
    Statement s(db, sql);
    if (s.row()) return s.text(0);
    error = s.failed() ? s.error() : "no answer to " + sql;
    return std::nullopt;
}

bool finite(glm::vec3 v) {
    return std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z);
}

// Whether a pin can be stored: the columns are NOT NULL, and SQLite stores a NaN as NULL.
bool checkPin(const Pin& pin, std::string& error) {
    const PinCamera& c = pin.camera;
    if (pin.phase.empty())
        error = "a pin needs the phase it was dropped in";
    else if (!finite(pin.anchor) || !finite(pin.normal) || !finite(c.target) ||
             !std::isfinite(c.yaw) || !std::isfinite(c.pitch) || !std::isfinite(c.distance) ||
             !std::isfinite(c.fovY))
        error = "pin " + std::to_string(pin.id) + " has a coordinate that is not a finite number";
    else
        return true;
    return false;
}

Pin readPin(const Statement& s) {
    Pin p;
    p.id = s.integer(0);
    p.phase = s.text(1);
    p.variant = s.text(2);
    p.anchor = {s.single(3), s.single(4), s.single(5)};
    p.normal = {s.single(6), s.single(7), s.single(8)};
    p.text = s.text(9);
    p.group = s.integer(10);  // NULL reads as 0: none
    p.resolved = s.integer(11) != 0;
    p.camera.target = {s.single(12), s.single(13), s.single(14)};
    p.camera.yaw = s.single(15);
    p.camera.pitch = s.single(16);
    p.camera.distance = s.single(17);
    p.camera.fovY = s.single(18);
    p.created = s.integer(19);
    return p;
}

// Whether group `id` exists; `error` names it otherwise.
bool groupExists(sqlite3* db, std::int64_t id, std::string& error) {
    Statement s(db, "SELECT 1 FROM groups WHERE id = ?1", id);
    if (s.row()) return true;
    error = s.failed() ? s.error() : "there is no group " + std::to_string(id);
    return false;
}

int usedDots(sqlite3* db, std::int64_t group) {
    Statement s(db, "SELECT COALESCE(SUM(dots), 0) FROM votes WHERE group_id = ?1", group);
    return s.row() ? static_cast<int>(s.integer(0)) : 0;
}

// Binds the pin's columns to ?1 ... ?18 in the table's order, then `rest`;
// the insert and the update share it. Their SQL stores group 0 (none) as
// NULL, with NULLIF(?10, 0), for the foreign key.
template <class... Rest>
bool writePin(sqlite3* db, const std::string& sql, const Pin& p, const Rest&... rest) {
    const PinCamera& c = p.camera;
    Statement s(db, sql, p.phase, p.variant, p.anchor.x, p.anchor.y, p.anchor.z, p.normal.x,
                p.normal.y, p.normal.z, p.text, p.group, p.resolved, c.target.x, c.target.y,
                c.target.z, c.yaw, c.pitch, c.distance, c.fovY, rest...);
    return s.run();
}

// ---- Opening

// What the checks before SQLite found at the path.
enum class Found { Nothing, Session };

// Refuses, before SQLite touches it, a path that is not a regular file, one
// this process may not read (and, `write`, write), and one whose first bytes
// are not SQLite's. An empty file counts as none: a kill during the first
// transaction of a new session can leave one, and it holds nothing to lose.
std::optional<Found> checkPath(const std::filesystem::path& path, bool write, std::string& error) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (status.type() == std::filesystem::file_type::not_found) return Found::Nothing;
    if (status.type() != std::filesystem::file_type::regular) {
        error = quoted(path) + " is not a friche session: it is " +
                (status.type() == std::filesystem::file_type::directory ? "a folder"
                                                                        : "not a regular file");
        return std::nullopt;
    }
    if (::access(path.c_str(), write ? R_OK | W_OK : R_OK) != 0) {
        const int code = errno;
        error = std::string("cannot ") + (write ? "read and write " : "read ") + quoted(path) +
                ": " + std::generic_category().message(code);
        return std::nullopt;
    }
    std::uintmax_t size = 0;
    const auto head = core::readFileHead(path, 16, size, error);
    if (!head) return std::nullopt;
    if (size == 0) return Found::Nothing;
    static constexpr char kMagic[] = "SQLite format 3";  // with its NUL: 16 bytes
    if (head->size() < sizeof kMagic || !std::equal(head->begin(), head->end(), kMagic)) {
        error = quoted(path) + " is not a friche session: it is not an SQLite database";
        return std::nullopt;
    }
    return Found::Session;
}

// Reads what tells a session apart and checks it, writing nothing: our
// application id, a format this build reads, an intact file. The owner it
// records, or nullopt with `error`.
std::optional<SessionOwner> checkSession(sqlite3* db, const std::filesystem::path& path,
                                         std::string& error) {
    std::string why;
    const auto id = pragmaValue(db, "PRAGMA application_id", why);
    const auto format = id ? pragmaValue(db, "PRAGMA user_version", why) : std::nullopt;
    if (!format) {
        error = quoted(path) + " is not a friche session: " + why;
        return std::nullopt;
    }
    if (std::stoll(*id) != kApplicationId) {
        error =
            quoted(path) + " is not a friche session: it is an SQLite database of another program";
        return std::nullopt;
    }
    if (std::stoi(*format) > kSessionFormat) {
        error = quoted(path) + " was written by a newer friche (session format " + *format +
                "; this one reads " + std::to_string(kSessionFormat) + ")";
        return std::nullopt;
    }
    const auto check = pragmaValue(db, "PRAGMA quick_check", why);
    if (!check || *check != "ok") {
        error = quoted(path) + " is a damaged friche session (" + (check ? *check : why) + ")";
        return std::nullopt;
    }
    SessionOwner owner;
    Statement s(db, "SELECT key, value FROM meta");
    while (s.row()) {
        if (s.text(0) == "scenario_id") owner.scenarioId = s.text(1);
        if (s.text(0) == "scenario") owner.scenario = s.text(1);
    }
    if (s.failed() || owner.scenarioId.empty()) {
        error = quoted(path) + " is a damaged friche session (" +
                (s.failed() ? s.error() : "it names no scenario") + ")";
        return std::nullopt;
    }
    return owner;
}

// Durability before speed: every commit is synced, and a reader of another
// process waits for a writer. Changes nothing in the file.
bool configure(sqlite3* db, std::string& error) {
    sqlite3_busy_timeout(db, kBusyMilliseconds);
    return execute(db, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON", error);
}

// The journal that lets a reader run beside the writer, and a commit cost one sync.
bool useWal(sqlite3* db, std::string& error) {
    const auto mode = pragmaValue(db, "PRAGMA journal_mode = WAL", error);
    if (mode && *mode == "wal") return true;
    if (mode) error = "the journal stays in mode " + *mode;
    return false;
}

// The new session's tables, format and owner, in one transaction.
bool createSchema(sqlite3* db, const SessionOwner& owner, std::string& error) {
    if (!execute(db, "BEGIN IMMEDIATE", error)) return false;
    const std::string pragmas = "PRAGMA application_id = " + std::to_string(kApplicationId) +
                                "; PRAGMA user_version = " + std::to_string(kSessionFormat);
    const std::string created = std::to_string(std::time(nullptr));
    bool ok = execute(db, kSchema, error) && execute(db, pragmas, error);
    const std::pair<std::string, std::string> meta[] = {
        {"scenario_id", owner.scenarioId}, {"scenario", owner.scenario}, {"created", created}};
    for (const auto& [key, value] : meta) {
        Statement s(db, "INSERT INTO meta (key, value) VALUES (?1, ?2)", key, value);
        if (ok && !s.run()) {
            error = s.error();
            ok = false;
        }
    }
    if (ok && execute(db, "COMMIT", error)) return true;
    execute(db, "ROLLBACK", error);
    return false;
}

struct Closer {
    void operator()(sqlite3* db) const { sqlite3_close(db); }
};
using Connection = std::unique_ptr<sqlite3, Closer>;

// sqlite3_open_v2, nullptr with `error` naming the file.
Connection connect(const std::filesystem::path& path, int flags, std::string& error) {
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    Connection connection(db);
    if (rc == SQLITE_OK) return connection;
    error = "cannot open " + quoted(path) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    return nullptr;
}

// A new session at `path`, whole or not at all: made under a temporary name
// beside it and renamed into place once committed and closed, so that a kill
// meanwhile leaves no file that a later open would refuse as not a session.
bool createFile(const std::filesystem::path& path, const SessionOwner& owner, std::string& error) {
    const std::filesystem::path temporary = core::temporaryPathFor(path);
    std::string why;
    bool ok = false;
    {
        Connection db = connect(temporary, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, why);
        ok = db && configure(db.get(), why) && createSchema(db.get(), owner, why);
    }
    if (ok && std::rename(temporary.c_str(), path.c_str()) != 0) {
        why = std::generic_category().message(errno);
        ok = false;
    }
    if (!ok) {
        std::remove(temporary.c_str());
        error = "cannot create the session " + quoted(path) + ": " + why;
        return false;
    }
    core::syncFolder(path.parent_path());
    return true;
}

}  // namespace

std::string variantTarget(const std::string& phase, const std::string& variant) {
    return "variant:" + phase + "/" + variant;
}

std::string pinTarget(std::int64_t pin) {
    return "pin:" + std::to_string(pin);
}

std::unique_ptr<SessionStore> SessionStore::open(const std::filesystem::path& path,
                                                 const SessionOwner& owner, std::string& error) {
    // The report reads the scenario from wherever it is run.
    SessionOwner absolute = owner;
    std::error_code ec;
    if (!owner.scenario.empty())
        absolute.scenario = std::filesystem::absolute(owner.scenario, ec).lexically_normal();
    const auto found = checkPath(path, true, error);
    if (!found || (*found == Found::Nothing && !createFile(path, absolute, error))) return nullptr;
    Connection db = connect(path, SQLITE_OPEN_READWRITE, error);
    std::string why;
    if (!db || !configure(db.get(), why)) {
        if (db) error = "cannot open " + quoted(path) + ": " + why;
        return nullptr;
    }
    const auto stored = checkSession(db.get(), path, error);
    if (!stored) return nullptr;
    if (stored->scenarioId != owner.scenarioId) {
        error = quoted(path) + " is a session of '" + stored->scenarioId + "', not of '" +
                owner.scenarioId + "'";
        return nullptr;
    }
    if (!useWal(db.get(), why)) {
        error = "cannot write " + quoted(path) + ": " + why;
        return nullptr;
    }
    // A scenario moved since keeps its session: the report follows it.
    Statement update(db.get(), "UPDATE meta SET value = ?1 WHERE key = 'scenario'",
                     absolute.scenario);
    if (stored->scenario != absolute.scenario && !update.run()) {
        error = "cannot write " + quoted(path) + ": " + update.error();
        return nullptr;
    }
    std::unique_ptr<SessionStore> store(new SessionStore);
    store->path_ = path;
    store->owner_ = absolute;
    store->db_ = db.release();
    return store;
}

std::unique_ptr<SessionStore> SessionStore::openExisting(const std::filesystem::path& path,
                                                         std::string& error) {
    const auto found = checkPath(path, false, error);
    if (!found) return nullptr;
    if (*found == Found::Nothing) {
        error = std::filesystem::exists(path)
                    ? quoted(path) + " is not a friche session: it is empty"
                    : "there is no session " + quoted(path);
        return nullptr;
    }
    // Read-write where the file allows it (SQLite falls back to read-only
    // otherwise) though nothing is written: then the last connection to close
    // removes the -wal and -shm files, which a read-only one would leave behind.
    Connection db = connect(path, SQLITE_OPEN_READWRITE, error);
    if (!db) return nullptr;
    sqlite3_busy_timeout(db.get(), kBusyMilliseconds);
    const auto owner = checkSession(db.get(), path, error);
    if (!owner) return nullptr;
    std::unique_ptr<SessionStore> store(new SessionStore);
    store->path_ = path;
    store->owner_ = *owner;
    store->db_ = db.release();
    return store;
}

std::unique_ptr<SessionStore> SessionStore::inMemory(const SessionOwner& owner) {
    std::string error;
    Connection db = connect(":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
    // Memory only: nothing but a programming error can make these fail.
    if (!db || !configure(db.get(), error) || !createSchema(db.get(), owner, error)) return nullptr;
    std::unique_ptr<SessionStore> store(new SessionStore);
    store->owner_ = owner;
    store->db_ = db.release();
    return store;
}

SessionStore::~SessionStore() {
    sqlite3_close(db_);
}

bool SessionStore::change(const std::function<bool(std::string&)>& body, std::string& error) {
    const std::lock_guard lock(mutex_);
    // IMMEDIATE: the write lock is taken now, so another process cannot make
    // the commit fail half-way with SQLITE_BUSY.
    if (!execute(db_, "BEGIN IMMEDIATE", error)) return false;
    if (body(error) && execute(db_, "COMMIT", error)) {
        ++revision_;
        return true;
    }
    std::string ignored;
    execute(db_, "ROLLBACK", ignored);
    return false;
}

std::optional<std::int64_t> SessionStore::addGroup(const Group& group, std::string& error) {
    std::int64_t id = 0;
    const bool ok = change(
        [&](std::string& why) {
            if (group.dots < 0 || group.colour > 0xFFFFFF) {
                why = "a group has 0 dots or more and a colour 0xRRGGBB";
                return false;
            }
            Statement s(db_, "INSERT INTO groups (name, colour, dots) VALUES (?1, ?2, ?3)",
                        group.name, group.colour, group.dots);
            if (!s.run()) {
                why = s.error();
                return false;
            }
            id = sqlite3_last_insert_rowid(db_);
            return true;
        },
        error);
    return ok ? std::optional(id) : std::nullopt;
}

bool SessionStore::updateGroup(const Group& group, std::string& error) {
    return change(
        [&](std::string& why) {
            if (!groupExists(db_, group.id, why)) return false;
            const int used = usedDots(db_, group.id);
            if (group.dots < used || group.colour > 0xFFFFFF) {
                why = group.colour > 0xFFFFFF
                          ? "a group's colour is 0xRRGGBB"
                          : "group " + std::to_string(group.id) + " has placed " +
                                std::to_string(used) + " dots; take some back before giving it " +
                                std::to_string(group.dots);
                return false;
            }
            Statement s(db_, "UPDATE groups SET name = ?1, colour = ?2, dots = ?3 WHERE id = ?4",
                        group.name, group.colour, group.dots, group.id);
            if (s.run()) return true;
            why = s.error();
            return false;
        },
        error);
}

std::optional<std::int64_t> SessionStore::addPin(const Pin& pin, std::string& error) {
    std::int64_t id = 0;
    const bool ok = change(
        [&](std::string& why) {
            if (!checkPin(pin, why) || (pin.group && !groupExists(db_, pin.group, why)))
                return false;
            const std::int64_t created = pin.created ? pin.created : std::time(nullptr);
            if (!writePin(
                    db_,
                    "INSERT INTO pins (phase, variant, anchor_x, anchor_y, anchor_z, "
                    "normal_x, normal_y, normal_z, text, group_id, resolved, target_x, "
                    "target_y, target_z, yaw, pitch, distance, fov_y, created) VALUES (?1, "
                    "?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, NULLIF(?10, 0), ?11, ?12, ?13, ?14, ?15, ?16, "
                    "?17, ?18, ?19)",
                    pin, created)) {
                why = sqlite3_errmsg(db_);
                return false;
            }
            id = sqlite3_last_insert_rowid(db_);
            return true;
        },
        error);
    return ok ? std::optional(id) : std::nullopt;
}

bool SessionStore::updatePin(const Pin& pin, std::string& error) {
    return change(
        [&](std::string& why) {
            if (!checkPin(pin, why) || (pin.group && !groupExists(db_, pin.group, why)))
                return false;
            if (!writePin(db_,
                          "UPDATE pins SET phase = ?1, variant = ?2, anchor_x = ?3, anchor_y = "
                          "?4, anchor_z = ?5, normal_x = ?6, normal_y = ?7, normal_z = ?8, text "
                          "= ?9, group_id = NULLIF(?10, 0), resolved = ?11, target_x = ?12, "
                          "target_y = ?13, "
                          "target_z = ?14, yaw = ?15, pitch = ?16, distance = ?17, fov_y = ?18 "
                          "WHERE id = ?19",
                          pin, pin.id)) {
                why = sqlite3_errmsg(db_);
                return false;
            }
            if (sqlite3_changes(db_) == 1) return true;
            why = "there is no pin " + std::to_string(pin.id);
            return false;
        },
        error);
}

bool SessionStore::deletePin(std::int64_t id, std::string& error) {
    return change(
        [&](std::string& why) {
            // Its dots go back to their groups.
            Statement votes(db_, "DELETE FROM votes WHERE target = ?1", pinTarget(id));
            Statement pin(db_, "DELETE FROM pins WHERE id = ?1", id);
            if (!votes.run() || !pin.run()) {
                why = votes.failed() ? votes.error() : pin.error();
                return false;
            }
            if (sqlite3_changes(db_) == 1) return true;
            why = "there is no pin " + std::to_string(id);
            return false;
        },
        error);
}

bool SessionStore::vote(std::int64_t group, const std::string& target, int delta,
                        std::string& error) {
    return change(
        [&](std::string& why) {
            if (delta != 1 && delta != -1) {
                why = "a vote places one dot (+1) or takes one back (-1), not " +
                      std::to_string(delta);
                return false;
            }
            if (!groupExists(db_, group, why)) return false;
            const std::string pinPrefix = "pin:";
            if (target.rfind(pinPrefix, 0) == 0) {
                Statement pin(db_, "SELECT 1 FROM pins WHERE ?1 = 'pin:' || id", target);
                if (!pin.row()) {
                    why = "there is no pin to vote on at " + target;
                    return false;
                }
            } else if (target.rfind("variant:", 0) != 0) {
                why = "a vote's target is variant:PHASE/VARIANT or pin:ID, not " + target;
                return false;
            }
            Statement current(db_, "SELECT dots FROM votes WHERE group_id = ?1 AND target = ?2",
                              group, target);
            const int here = current.row() ? static_cast<int>(current.integer(0)) : 0;
            Statement dots(db_, "SELECT dots FROM groups WHERE id = ?1", group);
            const int allowed = dots.row() ? static_cast<int>(dots.integer(0)) : 0;
            if (delta > 0 && usedDots(db_, group) >= allowed) {
                why = "group " + std::to_string(group) + " has placed all its " +
                      std::to_string(allowed) + " dots";
                return false;
            }
            if (delta < 0 && here == 0) {
                why = "group " + std::to_string(group) + " has no dot on " + target;
                return false;
            }
            Statement s(db_,
                        // Both take the three values: SQLite refuses to bind a value
                        // a statement has no parameter for (SQLITE_RANGE). ?3 is 0 here.
                        here + delta == 0
                            ? "DELETE FROM votes WHERE group_id = ?1 AND target = ?2 AND ?3 = 0"
                            : "INSERT OR REPLACE INTO votes (group_id, target, dots) VALUES (?1, "
                              "?2, ?3)",
                        group, target, here + delta);
            if (s.run()) return true;
            why = s.error();
            return false;
        },
        error);
}

bool SessionStore::savePlace(const Place& place, std::string& error) {
    return change(
        [&](std::string& why) {
            if (!std::isfinite(place.position)) {
                why = "the timeline's position is not a finite number";
                return false;
            }
            Statement s(db_,
                        "INSERT OR REPLACE INTO place (id, position, tour, step, lang) VALUES (1, "
                        "?1, ?2, ?3, ?4)",
                        place.position, place.tour, place.step, place.lang);
            Statement clear(db_, "DELETE FROM place_variants");
            bool ok = s.run() && clear.run();
            for (const auto& [phase, variant] : place.variants) {
                Statement v(db_, "INSERT INTO place_variants (phase, variant) VALUES (?1, ?2)",
                            phase, variant);
                ok = ok && v.run();
            }
            if (!ok) why = sqlite3_errmsg(db_);
            return ok;
        },
        error);
}

std::vector<Group> SessionStore::groups() const {
    const std::lock_guard lock(mutex_);
    std::vector<Group> groups;
    Statement s(db_, "SELECT id, name, colour, dots FROM groups ORDER BY id");
    while (s.row())
        groups.push_back({s.integer(0), s.text(1), static_cast<std::uint32_t>(s.integer(2)),
                          static_cast<int>(s.integer(3))});
    return groups;
}

std::vector<Pin> SessionStore::pins() const {
    const std::lock_guard lock(mutex_);
    std::vector<Pin> pins;
    Statement s(db_, std::string("SELECT ") + kPinColumns + " FROM pins ORDER BY id");
    while (s.row()) pins.push_back(readPin(s));
    return pins;
}

std::optional<Pin> SessionStore::pin(std::int64_t id) const {
    const std::lock_guard lock(mutex_);
    Statement s(db_, std::string("SELECT ") + kPinColumns + " FROM pins WHERE id = ?1", id);
    return s.row() ? std::optional(readPin(s)) : std::nullopt;
}

std::vector<VoteCount> SessionStore::votes() const {
    const std::lock_guard lock(mutex_);
    std::vector<VoteCount> votes;
    Statement s(db_, "SELECT target, group_id, dots FROM votes ORDER BY target, group_id");
    while (s.row()) votes.push_back({s.text(0), s.integer(1), static_cast<int>(s.integer(2))});
    return votes;
}

int SessionStore::dotsOnTarget(const std::string& target) const {
    const std::lock_guard lock(mutex_);
    Statement s(db_, "SELECT COALESCE(SUM(dots), 0) FROM votes WHERE target = ?1", target);
    return s.row() ? static_cast<int>(s.integer(0)) : 0;
}

int SessionStore::dotsLeft(std::int64_t group) const {
    const std::lock_guard lock(mutex_);
    Statement s(db_, "SELECT dots FROM groups WHERE id = ?1", group);
    return s.row() ? static_cast<int>(s.integer(0)) - usedDots(db_, group) : 0;
}

std::optional<Place> SessionStore::place() const {
    const std::lock_guard lock(mutex_);
    Statement s(db_, "SELECT position, tour, step, lang FROM place WHERE id = 1");
    if (!s.row()) return std::nullopt;
    Place place{s.real(0), s.text(1), static_cast<int>(s.integer(2)), s.text(3), {}};
    Statement v(db_, "SELECT phase, variant FROM place_variants ORDER BY rank");
    while (v.row()) place.variants.emplace_back(v.text(0), v.text(1));
    return place;
}

std::int64_t SessionStore::created() const {
    const std::lock_guard lock(mutex_);
    Statement s(db_, "SELECT value FROM meta WHERE key = 'created'");
    return s.row() ? s.integer(0) : 0;
}

std::uint64_t SessionStore::revision() const {
    const std::lock_guard lock(mutex_);
    return revision_;
}

}  // namespace friche::workshop
