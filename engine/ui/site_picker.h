// The site's controls, top left: the site picker (every scenario in scenes/,
// by its name in the current language), the language buttons (FR NL DE EN,
// finger-sized), the scenario's camera views as buttons and, on an exhibition
// screen, "back to start".
//
//   ui::SiteChoice c = ui::sitePanel({names, current}, scenario.views, language);
//   if (c.site) switchTo(files[*c.site]);  if (c.view) flyTo(scenario.views[*c.view]);
#pragma once

#include <optional>
#include <vector>

#include "scene/locale.h"
#include "scene/scenario.h"

namespace friche::ui {

struct SiteList {
    const std::vector<scene::LocalText>& names;  // one per scenario file
    int current = -1;                            // -1: the open scenario is not in the list
    std::vector<scene::Language> languages;      // the buttons, in order; empty: FR NL DE EN
    // An exhibition's panel: a "back to start" button, and pinned where it
    // is laid out (a visitor's swipe on it cannot carry it off the screen).
    bool exhibition = false;
};

// What the user picked this frame.
struct SiteChoice {
    std::optional<int> site;  // index into SiteList::names
    std::optional<int> view;  // index into the views
    bool backToStart = false;
};

// `top`: where the panel starts, in window points. Edits `language` directly.
SiteChoice sitePanel(const SiteList& sites, const std::vector<scene::View>& views,
                     scene::Language& language, float top);

}  // namespace friche::ui
