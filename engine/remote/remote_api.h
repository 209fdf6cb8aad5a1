// The tablet remote's JSON, without HTTP: what the GET routes answer, and each
// request body checked against the screen's last published state (and the
// session store) into a command, or a sentence naming what is wrong with it.
// remote_server.cpp puts these on routes; docs/remote.md documents them.
//
//   std::string error;
//   auto body = api::parseBody(request.body, error);
//   auto command = body ? api::checkStep(*body, state, error) : std::nullopt;
//   if (!command) answer(400, api::errorJson(error));
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "remote/remote_server.h"
#include "workshop/session_store.h"

namespace friche::remote::api {

using nlohmann::json;

// A comment is a few sentences typed on a tablet; a page of text is not one.
inline constexpr std::size_t kMaxCommentBytes = 2000;

// {"error": message}
std::string errorJson(const std::string& message);

// The body as a JSON object, or nullopt with `error` naming the byte where the
// JSON breaks, or saying it nests too deep or is not an object.
std::optional<json> parseBody(std::string_view text, std::string& error);

// ---- Answers
json stateJson(const ScreenState& state);
json pinJson(const workshop::Pin& pin);
// {"groups": [{id, name, colour, dots, left}], "votes": [{target, group, dots}]}
json votesJson(const workshop::SessionStore& store);

// ---- Requests: a command, or nullopt with `error` set.
std::optional<Command> checkPhase(const json& body, const ScreenState& state, std::string& error);
std::optional<Command> checkLang(const json& body, const ScreenState& state, std::string& error);
std::optional<Command> checkStep(const json& body, const ScreenState& state, std::string& error);
std::optional<Command> checkCompare(const json& body, const ScreenState& state, std::string& error);
std::optional<Command> checkVariant(const json& body, const ScreenState& state, std::string& error);
std::optional<Command> checkSelect(const json& body, const workshop::SessionStore& store,
                                   std::string& error);

// One dot placed or taken back, checked; the store says whether the group has one.
struct Vote {
    std::int64_t group = 0;
    std::string target;  // workshop::variantTarget or workshop::pinTarget
    int delta = 0;       // +1 or -1
};
std::optional<Vote> checkVote(const json& body, const ScreenState& state,
                              const workshop::SessionStore& store, std::string& error);

// A new comment: {"text", "phase", "anchor": [x, y, z]} and optionally
// "variant" (default: the one the screen shows for that phase) and "group".
std::optional<workshop::Pin> checkComment(const json& body, const ScreenState& state,
                                          const workshop::SessionStore& store, std::string& error);
// A comment's new text: {"text"}.
std::optional<std::string> checkCommentText(const json& body, std::string& error);

// The PIN of POST /api/login: {"pin"}.
std::optional<std::string> checkLogin(const json& body, std::string& error);

}  // namespace friche::remote::api
