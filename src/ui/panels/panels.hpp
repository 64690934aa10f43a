// The App's panels, one instance each (shared by the full layout in app.cpp and embed mode in app_share.cpp).
#pragma once
#include <string>
#include <vector>

#include "canvas_panel.hpp"
#include "compare_panel.hpp"
#include "help_window.hpp"
#include "inspector_panel.hpp"
#include "journey_panel.hpp"
#include "log_panel.hpp"
#include "metrics_panel.hpp"
#include "palette_panel.hpp"
#include "presets_gallery_panel.hpp"
#include "sweep_window.hpp"
#include "timeline_panel.hpp"
#include "transport_panel.hpp"
#include "warnings_panel.hpp"

namespace pg::ui {

class Panels {
public:
    TransportPanel transport;
    PalettePanel palette;
    CanvasPanel canvas;
    CanvasPanel canvasOther;  ///< while comparing: the side not being edited
    ComparePanel compare;
    InspectorPanel inspector;
    TimelinePanel timeline;
    JourneyPanel journey;
    MetricsPanel metrics;
    LogPanel log;
    WarningsPanel warnings;
    PresetsGalleryPanel gallery;
    HelpWindow help;
    SweepWindow sweep;
    std::vector<std::string> presets;  // paths under /scenarios
};

}  // namespace pg::ui
