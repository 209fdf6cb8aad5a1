// The workshop's session store: what goes in comes out, from memory and from
// the file; the dot-vote rules; the files it refuses, untouched; two threads
// at once; and a writer killed with SIGKILL at random moments losing nothing
// it had acknowledged.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <optional>
#include <random>
#include <sstream>
#include <thread>

#include <poll.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support/test_files.h"
#include "workshop/session_store.h"

using namespace friche::workshop;
namespace fs = std::filesystem;

namespace {

const SessionOwner kDroixhe{"droixhe", "scenes/droixhe.json"};

Pin samplePin(std::int64_t group, const std::string& text) {
    Pin p;
    p.phase = "today";
    p.variant = "garden";
    p.anchor = {1.5f, 0.25f, -3.0f};
    p.normal = {0.0f, 0.0f, 1.0f};
    p.text = text;
    p.group = group;
    p.camera = {{4.0f, 0.0f, -2.0f}, 0.5f, -0.3f, 42.0f, 0.9f};
    p.created = 1767225600;
    return p;
}

void expectSamePin(const Pin& a, const Pin& b) {
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.phase, b.phase);
    EXPECT_EQ(a.variant, b.variant);
    EXPECT_EQ(a.anchor, b.anchor);
    EXPECT_EQ(a.normal, b.normal);
    EXPECT_EQ(a.text, b.text);
    EXPECT_EQ(a.group, b.group);
    EXPECT_EQ(a.resolved, b.resolved);
    EXPECT_EQ(a.camera.target, b.camera.target);
    EXPECT_EQ(a.camera.yaw, b.camera.yaw);
    EXPECT_EQ(a.camera.pitch, b.camera.pitch);
    EXPECT_EQ(a.camera.distance, b.camera.distance);
    EXPECT_EQ(a.camera.fovY, b.camera.fovY);
    EXPECT_EQ(a.created, b.created);
}

std::unique_ptr<SessionStore> openOk(const fs::path& path, const SessionOwner& owner = kDroixhe) {
    std::string error;
    auto store = SessionStore::open(path, owner, error);
    EXPECT_TRUE(store) << error;
    return store;
}

std::string bytesOf(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Runs `sql` on `path` with SQLite itself, as another program would.
void rawSql(const fs::path& path, const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    char* message = nullptr;
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message), SQLITE_OK)
        << (message ? message : "");
    sqlite3_free(message);
    sqlite3_close(db);
}

// Read-write: a killed writer's journal is recovered first, as any reader would.
std::string integrityCheck(const fs::path& path) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &s, nullptr);
    std::string result = "no answer";
    if (sqlite3_step(s) == SQLITE_ROW)
        result = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    sqlite3_close(db);
    return result;
}

// Expects `open` to refuse the file with a sentence naming it and containing
// `why`, and the file's bytes to be as they were.
void expectRefused(const fs::path& path, const SessionOwner& owner, const std::string& why) {
    const std::string before = bytesOf(path);
    std::string error;
    EXPECT_FALSE(SessionStore::open(path, owner, error));
    EXPECT_NE(error.find(path.string()), std::string::npos) << error;
    EXPECT_NE(error.find(why), std::string::npos) << error;
    EXPECT_EQ(bytesOf(path), before) << "the refused file was changed";
}

}  // namespace

TEST(SessionStore, TargetsNameVariantsAndPins) {
    EXPECT_EQ(variantTarget("pond", "garden"), "variant:pond/garden");
    EXPECT_EQ(pinTarget(7), "pin:7");
}

TEST(SessionStore, EverythingComesBackFromTheFile) {
    const fs::path path = friche::test::freshDir() / "atelier.friche";
    std::string error;
    Group blue{0, "Les bleus", 0x2060C0, 4};
    Pin pin = samplePin(0, "<b>Un banc & de l'ombre</b>\nsur deux lignes");
    const Place place{2.5, "walk", 3, "fr", {{"pond", "garden"}, {"halls", "housing"}}};
    {
        auto store = openOk(path);
        ASSERT_TRUE(store);
        EXPECT_EQ(store->owner().scenarioId, "droixhe");
        EXPECT_TRUE(fs::path(store->owner().scenario).is_absolute());
        EXPECT_FALSE(store->place());
        blue.id = store->addGroup(blue, error).value_or(0);
        ASSERT_GT(blue.id, 0) << error;
        pin.group = blue.id;
        pin.id = store->addPin(pin, error).value_or(0);
        ASSERT_GT(pin.id, 0) << error;
        ASSERT_TRUE(store->addPin(samplePin(0, "second"), error)) << error;
        ASSERT_TRUE(store->vote(blue.id, variantTarget("pond", "garden"), 1, error)) << error;
        ASSERT_TRUE(store->vote(blue.id, pinTarget(pin.id), 1, error)) << error;
        ASSERT_TRUE(store->vote(blue.id, pinTarget(pin.id), 1, error)) << error;
        ASSERT_TRUE(store->savePlace(place, error)) << error;
    }
    auto store = openOk(path);
    ASSERT_TRUE(store);
    const std::vector<Group> groups = store->groups();
    ASSERT_EQ(groups.size(), 1u);
    EXPECT_EQ(groups[0].name, blue.name);
    EXPECT_EQ(groups[0].colour, blue.colour);
    EXPECT_EQ(groups[0].dots, blue.dots);
    const std::vector<Pin> pins = store->pins();
    ASSERT_EQ(pins.size(), 2u);
    expectSamePin(pins[0], pin);
    EXPECT_EQ(pins[1].group, 0);
    expectSamePin(*store->pin(pin.id), pin);
    EXPECT_FALSE(store->pin(pin.id + 100));
    const std::vector<VoteCount> votes = store->votes();
    ASSERT_EQ(votes.size(), 2u);
    EXPECT_EQ(votes[0].target, pinTarget(pin.id));
    EXPECT_EQ(votes[0].dots, 2);
    EXPECT_EQ(votes[1].target, "variant:pond/garden");
    EXPECT_EQ(votes[1].group, blue.id);
    EXPECT_EQ(store->dotsLeft(blue.id), 1);
    EXPECT_EQ(store->place(), place);
}

TEST(SessionStore, UpdatesChangeAllButIdAndCreated) {
    auto store = SessionStore::inMemory(kDroixhe);
    ASSERT_TRUE(store);
    EXPECT_TRUE(store->path().empty());
    std::string error;
    const auto group = store->addGroup({0, "A", 0xFF0000, 2}, error);
    ASSERT_TRUE(group) << error;
    Pin pin = samplePin(0, "before");
    pin.id = *store->addPin(pin, error);
    pin.text = "after";
    pin.resolved = true;
    pin.group = *group;
    pin.anchor = {9.0f, 8.0f, 7.0f};
    pin.created = 5;  // kept as it was
    ASSERT_TRUE(store->updatePin(pin, error)) << error;
    Pin expected = pin;
    expected.created = samplePin(0, "").created;
    expectSamePin(*store->pin(pin.id), expected);
    ASSERT_TRUE(store->updateGroup({*group, "B", 0x00FF00, 5}, error)) << error;
    EXPECT_EQ(store->groups()[0].name, "B");
    EXPECT_EQ(store->dotsLeft(*group), 5);

    pin.id += 10;
    EXPECT_FALSE(store->updatePin(pin, error));
    EXPECT_EQ(error, "there is no pin " + std::to_string(pin.id));
    EXPECT_FALSE(store->updateGroup({*group + 1, "C", 0, 1}, error));
    EXPECT_FALSE(store->addPin(samplePin(*group + 1, "no such group"), error));
    EXPECT_NE(error.find("no group"), std::string::npos) << error;
    Pin bad = samplePin(0, "nan");
    bad.anchor.x = std::nanf("");
    EXPECT_FALSE(store->addPin(bad, error));
    EXPECT_NE(error.find("finite"), std::string::npos) << error;
}

TEST(SessionStore, VotesSpendEachGroupsDots) {
    auto store = SessionStore::inMemory(kDroixhe);
    std::string error;
    const auto a = *store->addGroup({0, "A", 0xFF0000, 2}, error);
    const auto b = *store->addGroup({0, "B", 0x0000FF, 1}, error);
    const std::string garden = variantTarget("pond", "garden");
    const std::string housing = variantTarget("pond", "housing");
    EXPECT_TRUE(store->vote(a, garden, 1, error)) << error;
    EXPECT_TRUE(store->vote(a, garden, 1, error)) << error;
    EXPECT_FALSE(store->vote(a, housing, 1, error));
    EXPECT_EQ(error, "group " + std::to_string(a) + " has placed all its 2 dots");
    EXPECT_FALSE(store->vote(a, housing, -1, error));
    EXPECT_EQ(error, "group " + std::to_string(a) + " has no dot on " + housing);
    EXPECT_TRUE(store->vote(b, garden, 1, error)) << error;
    EXPECT_EQ(store->dotsOnTarget(garden), 3);
    EXPECT_EQ(store->dotsLeft(a), 0);
    EXPECT_TRUE(store->vote(a, garden, -1, error)) << error;
    EXPECT_TRUE(store->vote(a, housing, 1, error)) << error;
    EXPECT_EQ(store->dotsOnTarget(garden), 2);
    EXPECT_EQ(store->dotsOnTarget(housing), 1);
    // A group cannot be left with fewer dots than it has placed.
    EXPECT_FALSE(store->updateGroup({a, "A", 0xFF0000, 1}, error));

    EXPECT_FALSE(store->vote(b + 1, garden, 1, error));
    EXPECT_EQ(error, "there is no group " + std::to_string(b + 1));
    EXPECT_FALSE(store->vote(b, garden, 2, error));
    EXPECT_FALSE(store->vote(b, "pond", 1, error));
    EXPECT_FALSE(store->vote(b, pinTarget(99), 1, error));
    EXPECT_EQ(store->dotsOnTarget(garden), 2);
}

TEST(SessionStore, DeletingAPinGivesItsDotsBack) {
    auto store = SessionStore::inMemory(kDroixhe);
    std::string error;
    const auto a = *store->addGroup({0, "A", 0xFF0000, 3}, error);
    const auto pin = *store->addPin(samplePin(a, "here"), error);
    const auto other = *store->addPin(samplePin(a, "there"), error);
    ASSERT_TRUE(store->vote(a, pinTarget(pin), 1, error)) << error;
    ASSERT_TRUE(store->vote(a, pinTarget(pin), 1, error)) << error;
    ASSERT_TRUE(store->vote(a, pinTarget(other), 1, error)) << error;
    EXPECT_EQ(store->dotsLeft(a), 0);
    ASSERT_TRUE(store->deletePin(pin, error)) << error;
    EXPECT_EQ(store->dotsLeft(a), 2);
    EXPECT_EQ(store->dotsOnTarget(pinTarget(pin)), 0);
    EXPECT_EQ(store->dotsOnTarget(pinTarget(other)), 1);
    EXPECT_FALSE(store->deletePin(pin, error));
    EXPECT_EQ(error, "there is no pin " + std::to_string(pin));
    // A deleted pin's id is never given again: a report or a vote may name it.
    EXPECT_GT(*store->addPin(samplePin(a, "new"), error), other);
}

TEST(SessionStore, RevisionMovesWithEachChangeOnly) {
    auto store = SessionStore::inMemory(kDroixhe);
    std::string error;
    const std::uint64_t start = store->revision();
    const auto a = *store->addGroup({0, "A", 0xFF0000, 1}, error);
    ASSERT_TRUE(store->savePlace({}, error));
    EXPECT_EQ(store->revision(), start + 2);
    EXPECT_FALSE(store->vote(a, pinTarget(1), 1, error));
    EXPECT_FALSE(store->deletePin(1, error));
    EXPECT_EQ(store->revision(), start + 2);
}

TEST(SessionStore, ReadsAnySessionForTheReport) {
    const fs::path dir = friche::test::freshDir();
    std::string error;
    {
        auto store = openOk(dir / "s.friche", {"seraing", "scenes/seraing.json"});
        ASSERT_TRUE(store->addPin(samplePin(0, "x"), error)) << error;
    }
    auto store = SessionStore::openExisting(dir / "s.friche", error);
    ASSERT_TRUE(store) << error;
    EXPECT_EQ(store->owner().scenarioId, "seraing");
    EXPECT_EQ(store->owner().scenario, fs::absolute("scenes/seraing.json").string());
    EXPECT_EQ(store->pins().size(), 1u);
    EXPECT_FALSE(SessionStore::openExisting(dir / "none.friche", error));
    EXPECT_EQ(error, "there is no session '" + (dir / "none.friche").string() + "'");
    EXPECT_FALSE(fs::exists(dir / "none.friche"));
}

TEST(SessionStore, RefusesWhatIsNotASession) {
    const fs::path dir = friche::test::freshDir();
    const fs::path text = friche::test::writeText(dir / "notes.friche", "meeting notes\n");
    expectRefused(text, kDroixhe, "is not a friche session: it is not an SQLite database");

    const fs::path other = dir / "other.sqlite";
    rawSql(other, "CREATE TABLE t (x); INSERT INTO t VALUES (1)");
    expectRefused(other, kDroixhe, "is not a friche session: it is an SQLite database of another");

    std::string error;
    fs::create_directory(dir / "folder.friche");
    EXPECT_FALSE(SessionStore::open(dir / "folder.friche", kDroixhe, error));
    EXPECT_EQ(error,
              "'" + (dir / "folder.friche").string() + "' is not a friche session: it is a folder");
    EXPECT_TRUE(fs::is_empty(dir / "folder.friche"));
    EXPECT_FALSE(SessionStore::open(dir / "no" / "such" / "folder.friche", kDroixhe, error));
    EXPECT_NE(error.find("cannot create the session"), std::string::npos) << error;
}

TEST(SessionStore, RefusesANewerFormatAndAnotherScenario) {
    const fs::path dir = friche::test::freshDir();
    openOk(dir / "seraing.friche", {"seraing", "seraing.json"});
    expectRefused(dir / "seraing.friche", kDroixhe, "is a session of 'seraing', not of 'droixhe'");

    openOk(dir / "newer.friche");
    rawSql(dir / "newer.friche", "PRAGMA user_version = 2");
    expectRefused(dir / "newer.friche", kDroixhe,
                  "was written by a newer friche (session format 2; this one reads 1)");
    std::string error;
    EXPECT_FALSE(SessionStore::openExisting(dir / "newer.friche", error));
}

TEST(SessionStore, RefusesADamagedFile) {
    const fs::path path = friche::test::freshDir() / "damaged.friche";
    {
        auto store = openOk(path);
        std::string error;
        for (int i = 0; i < 200; ++i)
            ASSERT_TRUE(store->addPin(
                samplePin(0, std::string(100, static_cast<char>('a' + i % 26))), error));
    }
    // Garbage over a page in the middle of the pins' table.
    std::string bytes = bytesOf(path);
    ASSERT_GT(bytes.size(), 5u * 4096u);
    for (std::size_t i = 3 * 4096; i < 4 * 4096; ++i) bytes[i] = static_cast<char>(i * 7);
    std::ofstream(path, std::ios::binary) << bytes;
    expectRefused(path, kDroixhe, "is a damaged friche session");
}

TEST(SessionStore, RefusesAFileItCannotWrite) {
    if (::geteuid() == 0) GTEST_SKIP() << "root reads and writes any file";
    const fs::path path = friche::test::freshDir() / "locked.friche";
    openOk(path);
    fs::permissions(path, fs::perms::owner_read);
    expectRefused(path, kDroixhe, "cannot read and write");
    fs::permissions(path, fs::perms::none);
    std::string error;
    EXPECT_FALSE(SessionStore::openExisting(path, error));
    EXPECT_NE(error.find("cannot read"), std::string::npos) << error;
}

TEST(SessionStore, TwoThreadsAtOnce) {
    const fs::path path = friche::test::freshDir() / "threads.friche";
    auto store = openOk(path);
    std::string error;
    const auto group = *store->addGroup({0, "A", 0xFF0000, 1000}, error);
    constexpr int kEach = 40;
    const auto work = [&](int thread) {
        std::string why;
        for (int i = 0; i < kEach; ++i) {
            const auto pin = store->addPin(samplePin(group, std::to_string(thread)), why);
            EXPECT_TRUE(pin) << why;
            EXPECT_TRUE(store->vote(group, variantTarget("p", std::to_string(thread)), 1, why))
                << why;
            EXPECT_FALSE(store->pins().empty());
        }
    };
    std::thread a(work, 1), b(work, 2);
    a.join();
    b.join();
    EXPECT_EQ(store->pins().size(), 2u * kEach);
    EXPECT_EQ(store->dotsOnTarget(variantTarget("p", "1")), kEach);
    EXPECT_EQ(store->dotsOnTarget(variantTarget("p", "2")), kEach);
    EXPECT_EQ(store->revision(), 1u + 4u * kEach);
}

// ---- The kill test

namespace {

// What a killed writer had acknowledged, line by line on its pipe.
struct Acknowledged {
    std::map<std::int64_t, long> pins;  // not being deleted: the sequence of its last text
    std::vector<std::int64_t> deleted;
    std::map<std::string, int> votes;  // dots on the target after the vote
    long place = -1;
};

// The writer: opens the session and changes it in a loop until it is killed,
// saying each change on `out` only once the store has said yes. A sequence
// number that grows across rounds lets the parent tell newer from older.
[[noreturn]] void writeUntilKilled(const fs::path& path, int out, long sequence) {
    const auto say = [&](const std::string& line) {
        if (::write(out, line.data(), line.size()) != static_cast<ssize_t>(line.size())) _exit(3);
    };
    std::string error;
    auto store = SessionStore::open(path, kDroixhe, error);
    if (!store) _exit(2);
    say("open\n");
    std::int64_t group = store->groups().empty() ? 0 : store->groups()[0].id;
    if (!group) group = store->addGroup({0, "kill", 0xFF0000, 1000000}, error).value_or(0);
    std::int64_t previous = 0;
    for (int i = 0;; ++i, ++sequence) {
        const std::string seq = std::to_string(sequence);
        Pin pin = samplePin(group, "a" + seq);
        pin.id = store->addPin(pin, error).value_or(0);
        if (!pin.id) _exit(4);
        say("pin " + std::to_string(pin.id) + " " + seq + "\n");
        // Targets of this round only: a vote committed but not said in an
        // earlier round would otherwise add to one unsaid in this one.
        const std::string target =
            variantTarget("pond", std::to_string(sequence / 1000000) + "-" + std::to_string(i % 3));
        if (!store->vote(group, target, 1, error)) _exit(5);
        say("vote " + target + " " + std::to_string(store->dotsOnTarget(target)) + "\n");
        pin.text = "u" + seq;
        if (!store->updatePin(pin, error)) _exit(6);
        say("text " + std::to_string(pin.id) + " " + seq + "\n");
        if (!store->savePlace({static_cast<double>(sequence), "", -1, "fr", {}}, error)) _exit(7);
        say("place " + seq + "\n");
        if (previous) {
            // Said before: killed between the commit and the line, the pin may be gone.
            say("deleting " + std::to_string(previous) + "\n");
            if (!store->deletePin(previous, error)) _exit(8);
            say("del " + std::to_string(previous) + "\n");
        }
        previous = pin.id;
    }
}

// What the writer says on `fd` until it is killed, `delay` after it said it
// had opened the session (`fromFork`: after it started). Read as it comes, so
// that a full pipe never holds the writer back.
std::string readUntilKilled(pid_t child, int fd, std::chrono::milliseconds delay, bool fromFork) {
    using Clock = std::chrono::steady_clock;
    std::optional<Clock::time_point> deadline;
    if (fromFork) deadline = Clock::now() + delay;
    std::string lines;
    bool killed = false;
    for (;;) {
        if (!deadline && lines.find("open\n") != std::string::npos) deadline = Clock::now() + delay;
        long wait = 1000;
        if (deadline && !killed) {
            wait = std::chrono::duration_cast<std::chrono::milliseconds>(*deadline - Clock::now())
                       .count();
            if (wait <= 0) {
                ::kill(child, SIGKILL);
                killed = true;
            }
        }
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(std::clamp(wait, 0L, 1000L))) <= 0) continue;
        char buffer[4096];
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n <= 0) return lines;
        lines.append(buffer, static_cast<std::size_t>(n));
    }
}

// A line a change: "pin ID SEQ", "text ID SEQ", "vote TARGET DOTS", "place SEQ",
// "deleting ID" (before the call), "del ID"; after "open". How many changes.
std::size_t readAcknowledged(const std::string& lines, Acknowledged& acked) {
    std::size_t changes = 0;
    std::istringstream in(lines);
    for (std::string line; std::getline(in, line);) {
        std::istringstream words(line);
        std::string kind, key;
        long value = 0;
        words >> kind >> key >> value;
        if (kind == "deleting" || kind == "del") acked.pins.erase(std::stoll(key));
        if (kind == "del") acked.deleted.push_back(std::stoll(key));
        if (kind == "pin" || kind == "text") acked.pins[std::stoll(key)] = value;
        if (kind == "vote") acked.votes[key] = static_cast<int>(value);
        if (kind == "place") acked.place = std::stol(key);
        changes += kind != "open" && kind != "deleting";
    }
    return changes;
}

// Everything acknowledged is there; at most the one change the writer was
// killed before saying may be there too.
void expectAcknowledgedKept(SessionStore& store, const Acknowledged& acked) {
    for (const auto& [id, sequence] : acked.pins) {
        const auto pin = store.pin(id);
        ASSERT_TRUE(pin) << "acknowledged pin " << id << " is lost";
        EXPECT_GE(std::stol(pin->text.substr(1)), sequence) << "pin " << id << ": " << pin->text;
    }
    for (const std::int64_t id : acked.deleted) EXPECT_FALSE(store.pin(id)) << id;
    for (const auto& [target, dots] : acked.votes) {
        EXPECT_GE(store.dotsOnTarget(target), dots) << target;
        EXPECT_LE(store.dotsOnTarget(target), dots + 1) << target;
    }
    if (acked.place >= 0) {
        ASSERT_TRUE(store.place());
        EXPECT_GE(store.place()->position, static_cast<double>(acked.place));
    }
}

}  // namespace

TEST(SessionStore, KilledWriterLosesNothingAcknowledged) {
    const fs::path path = friche::test::freshDir() / "killed.friche";
    constexpr int kRounds = 15;
    // Fixed, so a failure can be run again; FRICHE_KILL_SEED tries others.
    const char* seedText = std::getenv("FRICHE_KILL_SEED");
    const unsigned seed = seedText ? static_cast<unsigned>(std::stoul(seedText)) : 20261203u;
    std::printf("kill test seed: %u (FRICHE_KILL_SEED)\n", seed);
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> delayMs(5, 60);
    Acknowledged acked;
    std::size_t changes = 0;
    for (int round = 0; round < kRounds; ++round) {
        int fds[2];
        ASSERT_EQ(::pipe(fds), 0);
        const pid_t child = ::fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            ::close(fds[0]);
            writeUntilKilled(path, fds[1], 1000000L * (round + 1));
        }
        ::close(fds[1]);
        // The first round may be killed while it creates the file.
        const std::string lines =
            readUntilKilled(child, fds[0], std::chrono::milliseconds(delayMs(random)), round == 0);
        ::close(fds[0]);
        int status = 0;
        ::waitpid(child, &status, 0);
        ASSERT_TRUE(WIFSIGNALED(status)) << "the writer stopped on its own: " << status;
        changes += readAcknowledged(lines, acked);
        if (!fs::exists(path)) continue;  // killed before the session was created
        ASSERT_EQ(integrityCheck(path), "ok") << "round " << round;
        auto store = openOk(path);
        ASSERT_TRUE(store) << "round " << round;
        expectAcknowledgedKept(*store, acked);
    }
    std::printf("kill test: %zu acknowledged changes in %d rounds\n", changes, kRounds);
    EXPECT_GT(changes, 0u);
}
