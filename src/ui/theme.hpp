// Fonts, DPI scale and colours of the playground. ImGui only; knows nothing of SDL or the browser.
#pragma once

namespace pg::ui {

/// Loads the UI and monospace fonts rasterised at `pixelRatio` so text stays crisp on HiDPI screens,
/// and applies the style. Call again when the ratio changes (the caller rebuilds the font texture).
void applyTheme(float pixelRatio);

}  // namespace pg::ui
