// Edit > Sweep... (issue 18, docs/sweeps.md): one or two settings, their values (a list or from:to:step),
// seeds; runs the grid through a platform hook (the page: Web Workers, web/sweep.js) and shows the rows as a
// table and a line plot (one setting) or heatmap (two) of the outcome the user picks. Clicking a cell asks the
// App to open that run.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/scenario_config.hpp"
#include "scenario/sweep_spec.hpp"
#include "sweep/sweep.hpp"

namespace pg::ui {

/// Where the cells run: start(cell scenario JSONs, generation) and cancel(). Rows come back via receiveRow.
/// prepare (optional) is called when the window opens: the page starts its workers then, not at Run sweep.
struct SweepRunner {
    std::function<void(const std::vector<std::string>&, int)> start;
    std::function<void()> cancel;
    std::function<void()> prepare;
};

struct SweepCellRect {
    std::size_t run = 0;
    float x = 0, y = 0, w = 0, h = 0;
};

class SweepWindow {
public:
    void open() { m_open = true; }
    bool isOpen() const { return m_open; }
    /// Fills the fields from a file's or link's sweep and runs it on the next frame.
    void openWith(const scenario::SweepSpec& spec);
    /// Opens the window with `target` on an axis (the first if free or already it, else the second), its values
    /// field holding `value` for the user to extend; nothing runs until Run sweep.
    void addAxis(const std::string& target, const std::string& value);
    /// The sweep as the file and the link carry it (no axes when none has been set up).
    scenario::SweepSpec spec() const;
    void receiveRow(int index, const std::string& rowJson, int generation);
    /// Started and not every row in yet (a failed run keeps it so until Restart or Cancel, as the window shows).
    bool running() const { return !m_rows.empty() && m_done < m_rows.size(); }
    /// Draws while open; returns a run's scenario when the user clicked one.
    std::optional<sim::Scenario> draw(const sim::Scenario& scenario, const SweepRunner& runner);
    /// {"open", "total", "done", "errors", "rows": [...], "cells": [{run, x, y, w, h}]} for the browser tests.
    std::string stateJson() const;

private:
    void start(const sim::Scenario& scenario, const SweepRunner& runner);
    std::optional<std::size_t> drawPlot();
    std::optional<std::size_t> drawTable();
    std::optional<double> cellValue(std::size_t i0, std::size_t i1) const;  ///< the outcome, mean over seeds

    bool m_open = false;
    bool m_prepared = false;  ///< runner.prepare called since the window opened
    bool m_runRequested = false;
    char m_target[2][128] = {{}, {}};
    char m_values[2][256] = {{}, {}};
    int m_seeds = 1;
    int m_outcome = 1;  ///< index in sweep::outcomeNames(): "expired"
    int m_generation = 0;
    sweep::SweepPlan m_plan;
    std::vector<std::optional<sweep::SweepRow>> m_rows;
    std::size_t m_done = 0;
    std::string m_error;
    std::vector<SweepCellRect> m_cellRects;
};

}  // namespace pg::ui
