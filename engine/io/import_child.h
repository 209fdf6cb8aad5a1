// Running an importer that hostile input can crash, hang or blow up (Assimp)
// in a child process, so that only the child goes down.
//
//   const auto limits = io::importLimits(error);              // nullopt: a bad variable
//   io::ImportedModel m = io::importInChild(path, "Assimp's Collada importer",
//                                           [&] { return importHere(path); }, *limits);
//
// The child is a fork() of friche that runs `import`, writes what it imported
// to a pipe (io/model_wire.h) and leaves with _exit(). Its address space may grow
// by limits.memoryMiB at most (RLIMIT_AS); friche kills it after
// limits.seconds. A crash, a timeout, running out of memory or a malformed
// result comes back as an error problem naming the file and the importer.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "io/model_wire.h"

namespace friche::io {

struct ImportLimits {
    std::uint64_t memoryMiB = 0;  // how much more address space the child may take
    double seconds = 0;           // wall clock, from fork to the last byte of the result
};

// The limits for importers in a child: at most 4 GiB and half the machine's
// memory, and 60 s; or, for tests and small machines, FRICHE_IMPORT_MEMORY_MIB
// and FRICHE_IMPORT_SECONDS. nullopt with `error` naming the variable when one
// is set to something that is not a positive number.
std::optional<ImportLimits> importLimits(std::string& error);

// `import` run in a child process under `limits`. `importer` names it in
// messages ("Assimp's Collada importer").
ImportedModel importInChild(const std::filesystem::path& path, const std::string& importer,
                            const std::function<ImportedModel()>& import,
                            const ImportLimits& limits);

}  // namespace friche::io
