// libFuzzer target: a scenario's text through the scenario loader (its JSON
// bounds, every field's checks, the model search and the models' outlines).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "io/scenario_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // Beside the seed scenarios, so their models are found and outlined.
    const friche::io::ScenarioResult r =
        friche::io::parseScenario(std::string_view(reinterpret_cast<const char*>(data), size),
                                  FRICHE_SOURCE_DIR "/scenes/fuzzed.json", {});
    (void)r;
    return 0;
}
