// pg_bench: times one scenario's simulation loop (Engine::runUntil), separately from parsing, and probes its
// memory. Built natively and to wasm (run in Node); bench/run_bench.mjs drives it and writes bench/results.json.
//   pg_bench FILE.json [--runs N] [--trace] [--profile]   (--profile: only the loop, for callgrind/perf)
// Prints one JSON object. Asserts nothing about speed.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <malloc.h>
#include <new>
#include <sstream>
#include <string>
#include <vector>

#include "engine/engine.hpp"
#include "scenario/scenario_json.hpp"

#ifdef __EMSCRIPTEN__
#include <emscripten/heap.h>
#else
#include <sys/resource.h>
#endif

// [SECTION] live heap accounting: every operator new/delete, by usable size (no header, so no layout change)
namespace {
std::size_t g_live = 0;
std::size_t g_peak = 0;
}  // namespace

void* operator new(std::size_t size) {
    void* p = std::malloc(size == 0 ? 1 : size);
    if (!p) throw std::bad_alloc();
    g_live += malloc_usable_size(p);
    if (g_live > g_peak) g_peak = g_live;
    return p;
}
void operator delete(void* p) noexcept {
    if (!p) return;
    g_live -= malloc_usable_size(p);
    std::free(p);
}
void operator delete(void* p, std::size_t) noexcept { operator delete(p); }

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

/// Processor time of the process (ms): on a shared machine, steadier than wall time (waits for a core are out).
double cpuMs() { return 1000.0 * static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

/// Minor page faults of the process so far (first touches of memory): a count, steady where times are not.
long minorFaults() {
#ifdef __EMSCRIPTEN__
    return 0;
#else
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_minflt;
#endif
}

/// Messages waiting in SQS queues that have a consumer, plus unread stream records: what "queued" means here.
std::size_t queuedItems(const pg::sim::Engine& e) {
    std::size_t n = 0;
    for (std::uint32_t i = 0; i < e.nodeCount(); ++i) {
        const pg::sim::NodeType t = e.node(i).type;
        if (e.targetFunction(i) == pg::sim::kNone) continue;
        if (t == pg::sim::NodeType::Sqs || t == pg::sim::NodeType::Kinesis || t == pg::sim::NodeType::DynamoDbStream)
            n += static_cast<std::size_t>(e.counters(i).visible + e.counters(i).inFlight);
    }
    return n;
}

}  // namespace

int main(int argc, char** argv) {
    std::string file;
    int runs = 5;
    bool trace = false;
    bool profile = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--runs" && i + 1 < argc) runs = std::max(1, std::atoi(argv[++i]));
        else if (a == "--trace") trace = true;
        else if (a == "--profile") profile = true;
        else file = a;
    }
    if (file.empty()) {
        std::fprintf(stderr, "usage: pg_bench FILE.json [--runs N] [--trace] [--profile]\n");
        return 2;
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "pg_bench: cannot read %s\n", file.c_str());
        return 2;
    }
    std::stringstream text;
    text << in.rdbuf();

    const auto parseStart = Clock::now();
    pg::scenario::ParseResult parsed = pg::scenario::parseScenario(text.str());
    const double parseMs = msSince(parseStart);
    if (!parsed.ok()) {
        std::fprintf(stderr, "pg_bench: %s is not a valid scenario\n", file.c_str());
        return 2;
    }
    const pg::sim::Scenario& scenario = parsed.scenario;
#if defined(__GLIBC__) && !defined(__EMSCRIPTEN__)
    // Freed memory stays in the process between runs, as it does in the browser (a wasm heap never shrinks).
    // By default glibc hands each run's chunks back to the kernel and the next run pays some 2,000 page faults
    // again: about 10% of sqs_poison_100k's loop, which wasm never pays. The first run, in fresh memory, is
    // timed apart (cold_loop_ms).
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
#endif
    if (profile) {
        // Only the loop, `runs` times, no probe and no report: what a profiler (callgrind, perf) should see.
        for (int r = 0; r < runs; ++r) {
            pg::sim::EngineOptions options;
            options.storeTrace = trace;
            options.fingerprint = trace;
            options.collectMetrics = false;
            pg::sim::Engine engine(scenario, options);
            engine.runUntil(scenario.runFor);
        }
        return 0;
    }
    // Tracing off = no records and no fingerprint; on = records stored (fingerprint hashed from them).
    pg::sim::EngineOptions options;
    options.storeTrace = trace;
    options.fingerprint = trace;
    options.collectMetrics = false;
    pg::sim::EngineOptions probeOptions = options;
    probeOptions.fingerprint = true;  // the probe run gives the reference fingerprint

    // The first run, in memory the process has not touched yet (page faults included).
    double coldLoopMs = 0, coldLoopCpuMs = 0;
    long coldLoopFaults = 0;
    {
        pg::sim::Engine engine(scenario, options);
        const long faults0 = minorFaults();
        const double cpu0 = cpuMs();
        const auto t0 = Clock::now();
        engine.runUntil(scenario.runFor);
        coldLoopMs = msSince(t0);
        coldLoopCpuMs = cpuMs() - cpu0;
        coldLoopFaults = minorFaults() - faults0;
    }

    // Memory probe (not timed): step by step, watching pending events, queued items and the live heap.
    std::size_t peakPending = 0, peakQueued = 0, heapAtPeakQueued = 0, items = 0, traceRecords = 0;
    std::uint64_t steps = 0, fingerprint = 0;
    const std::size_t heapBefore = g_live;
    g_peak = g_live;
    {
        pg::sim::Engine engine(scenario, probeOptions);
        while (engine.nextEventTime() < scenario.runFor) {
            engine.step();
            peakPending = std::max(peakPending, engine.pendingEvents());
            const std::size_t queued = queuedItems(engine);
            if (queued > peakQueued) {
                peakQueued = queued;
                heapAtPeakQueued = g_live;
            }
        }
        steps = engine.stepCount();
        fingerprint = engine.traceFingerprint();
        items = engine.items().size();
        traceRecords = engine.trace().count();
    }
    const std::size_t heapPeak = g_peak - heapBefore;

    // Timed runs: construction (builds the run, schedules the first arrivals) and the loop, separately.
    std::vector<double> loopMs, loopCpuMs, buildMs, fingerprintMs;
    long warmLoopFaults = 0;  // the last timed run's
    for (int r = 0; r < runs; ++r) {
        const auto b0 = Clock::now();
        pg::sim::Engine engine(scenario, options);
        buildMs.push_back(msSince(b0));
        const long faults0 = minorFaults();
        const double cpu0 = cpuMs();
        const auto t0 = Clock::now();
        engine.runUntil(scenario.runFor);
        loopMs.push_back(msSince(t0));
        loopCpuMs.push_back(cpuMs() - cpu0);
        warmLoopFaults = minorFaults() - faults0;
        // Stored records are hashed on demand (Trace::fingerprint): timed apart from the loop.
        const auto f0 = Clock::now();
        const std::uint64_t runFingerprint = trace ? engine.traceFingerprint() : fingerprint;
        fingerprintMs.push_back(msSince(f0));
        if (runFingerprint != fingerprint || engine.stepCount() != steps) {
            std::fprintf(stderr, "pg_bench: run %d is not deterministic\n", r);
            return 1;
        }
    }
    std::vector<double> sorted = loopMs;
    std::sort(sorted.begin(), sorted.end());
    const double median = sorted[sorted.size() / 2];
    std::sort(loopCpuMs.begin(), loopCpuMs.end());

#ifdef __EMSCRIPTEN__
    const char* platform = "wasm";
    const double memoryKb = static_cast<double>(emscripten_get_heap_size()) / 1024.0;  // never shrinks: the peak
#else
    const char* platform = "native";
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const double memoryKb = static_cast<double>(usage.ru_maxrss);
#endif
    std::printf("{\"file\": \"%s\", \"platform\": \"%s\", \"trace\": %s, \"parse_ms\": %.3f, \"build_ms\": %.3f, "
                "\"loop_ms\": [",
                file.c_str(), platform, trace ? "true" : "false", parseMs, buildMs.front());
    for (std::size_t i = 0; i < loopMs.size(); ++i) std::printf("%s%.3f", i ? ", " : "", loopMs[i]);
    std::printf("], \"loop_median_ms\": %.3f, \"cold_loop_ms\": %.3f, "
                "\"loop_cpu_median_ms\": %.3f, \"cold_loop_cpu_ms\": %.3f, \"cold_loop_faults\": %ld, "
                "\"warm_loop_faults\": %ld, \"steps\": %llu, \"events_per_s\": %.0f, \"items\": %zu, "
                "\"trace_records\": %zu, \"fingerprint\": \"%016llx\", \"peak_pending_events\": %zu, "
                "\"event_bytes\": %zu, \"peak_queued\": %zu, \"heap_at_peak_queued\": %zu, \"heap_peak\": %zu, "
                "\"memory_kb\": %.0f, \"fingerprint_ms\": %.3f}\n",
                median, coldLoopMs, loopCpuMs[loopCpuMs.size() / 2], coldLoopCpuMs, coldLoopFaults, warmLoopFaults,
                static_cast<unsigned long long>(steps),
                median > 0 ? static_cast<double>(steps) / (median / 1000.0) : 0.0, items, traceRecords,
                static_cast<unsigned long long>(fingerprint), peakPending, sizeof(pg::sim::Event), peakQueued,
                peakQueued ? heapAtPeakQueued - heapBefore : 0, heapPeak, memoryKb,
                fingerprintMs[fingerprintMs.size() / 2]);
    return 0;
}
