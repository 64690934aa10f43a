// The behaviour rules editor's model: conditions as text, quick actions, list edits and rule notes.
// Semantics from docs/scenario-format.md "Behaviour rules": first matching rule wins; no match = success.
// [SECTION] condition fields  [SECTION] outcomes  [SECTION] quick actions and list edits  [SECTION] notes
#include "rules_edit.hpp"

#include <cstdio>
#include <cstdlib>

#include "scenario/duration.hpp"
#include "scenario/rule_outcome_key.hpp"
#include "scenario_edit.hpp"

namespace pg::ui {

using namespace sim;

namespace {

std::string numberText(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

bool parseInt(const std::string& text, std::int64_t& out) {
    char* end = nullptr;
    const long long n = std::strtoll(text.c_str(), &end, 10);
    if (text.empty() || *end) return false;
    out = n;
    return true;
}

/// "orders#13" -> ("orders", 13); false when it is not an item id.
bool splitItem(const std::string& id, std::string& origin, std::int64_t& number) {
    const auto hash = id.rfind('#');
    if (hash == std::string::npos || hash + 1 >= id.size() || id[hash + 1] == '0') return false;
    origin = id.substr(0, hash);
    return parseInt(id.substr(hash + 1), number) && number >= 1;
}

bool noRate(const RuleCondition& c) { return !c.rate || *c.rate >= 1.0; }

/// Every attempt that `later` matches is matched by `earlier` too (a sufficient test, not a complete one).
bool covers(const RuleCondition& earlier, const RuleCondition& later) {
    if (!noRate(earlier)) return false;
    if (earlier.item && (!later.item || *later.item != *earlier.item)) return false;
    if (earlier.bodyContains &&
        (!later.bodyContains || later.bodyContains->find(*earlier.bodyContains) == std::string::npos))
        return false;
    if (earlier.attemptAtMost && (!later.attemptAtMost || *later.attemptAtMost > *earlier.attemptAtMost)) return false;
    if (earlier.after && (!later.after || *later.after < *earlier.after)) return false;
    if (earlier.before && (!later.before || *later.before > *earlier.before)) return false;
    if (earlier.itemModulo && *earlier.itemModulo > 0) {
        const std::int64_t k = *earlier.itemModulo;
        std::string origin;
        std::int64_t number = 0;
        const bool byItem = later.item && splitItem(*later.item, origin, number) && number % k == earlier.itemRemainder;
        const bool byModulo =
            later.itemModulo && *later.itemModulo % k == 0 && later.itemRemainder % k == earlier.itemRemainder;
        if (!byItem && !byModulo) return false;
    }
    return true;
}

/// Sources whose items can reach `functionId`: the `from` of each edge into it.
std::vector<std::string> feedersOf(const Scenario& s, const std::string& functionId) {
    std::vector<std::string> out;
    for (const Edge& e : s.edges)
        if (e.to == functionId) out.push_back(e.from);
    return out;
}

}  // namespace

// [SECTION] condition fields
const std::vector<RuleFieldInfo>& ruleFields() {
    static const std::vector<RuleFieldInfo> fields = {
        {RuleField::Item, "item", "any item (e.g. orders#13)", "exactly this item, \"<source id>#<n>\""},
        {RuleField::BodyContains, "body_contains", "any body", "the item's body contains this text"},
        {RuleField::AttemptAtMost, "attempt_at_most", "any attempt (1 to 100000)",
         "the attempt number, from 1, is at most this"},
        {RuleField::Rate, "rate", "always (0 to 1)",
         "a seeded probability per attempt, drawn after the other conditions hold"},
        {RuleField::After, "after", "from the start (e.g. 2m)", "the attempt starts at or after this virtual time"},
        {RuleField::Before, "before", "until the end (e.g. 5m)", "the attempt starts before this virtual time"},
        {RuleField::ItemModulo, "item_modulo", "every item (N or N/R)",
         "item number % N == R (R from 0 to N-1, default 0)"},
    };
    return fields;
}

std::string ruleFieldText(const BehaviorRule& rule, RuleField field) {
    const RuleCondition& c = rule.when;
    switch (field) {
    case RuleField::Item: return c.item.value_or("");
    case RuleField::BodyContains: return c.bodyContains.value_or("");
    case RuleField::AttemptAtMost: return c.attemptAtMost ? std::to_string(*c.attemptAtMost) : "";
    case RuleField::Rate: return c.rate ? numberText(*c.rate) : "";
    case RuleField::After: return c.after ? scenario::formatDuration(*c.after) : "";
    case RuleField::Before: return c.before ? scenario::formatDuration(*c.before) : "";
    case RuleField::ItemModulo:
        if (!c.itemModulo) return "";
        return std::to_string(*c.itemModulo) + (c.itemRemainder ? "/" + std::to_string(c.itemRemainder) : "");
    }
    return "";
}

std::string setRuleField(BehaviorRule& rule, RuleField field, const std::string& text) {
    RuleCondition& c = rule.when;
    const bool clear = text.empty();
    switch (field) {
    case RuleField::Item:
        if (clear)
            c.item.reset();
        else
            c.item = text;
        return "";
    case RuleField::BodyContains:
        if (clear)
            c.bodyContains.reset();
        else
            c.bodyContains = text;
        return "";
    case RuleField::AttemptAtMost: {
        std::int64_t n = 0;
        if (clear)
            c.attemptAtMost.reset();
        else if (!parseInt(text, n) || n < 1 || n > 100000)
            return "between 1 and 100000 (attempt numbers start at 1)";
        else
            c.attemptAtMost = static_cast<int>(n);
        return "";
    }
    case RuleField::Rate: {
        if (clear) {
            c.rate.reset();
            return "";
        }
        char* end = nullptr;
        const double v = std::strtod(text.c_str(), &end);
        if (*end || !(v >= 0 && v <= 1)) return "between 0 and 1 (a probability)";
        c.rate = v;
        return "";
    }
    case RuleField::After:
    case RuleField::Before: {
        std::optional<SimTime>& slot = field == RuleField::After ? c.after : c.before;
        if (clear) {
            slot.reset();
            return "";
        }
        std::string error;
        const auto t = scenario::parseDurationText(text, &error);
        if (!t) return "not a duration (e.g. 30s, 2m, 1h): " + error;
        slot = *t;
        return "";
    }
    case RuleField::ItemModulo: {
        if (clear) {
            c.itemModulo.reset();
            c.itemRemainder = 0;
            return "";
        }
        const auto slash = text.find('/');
        std::int64_t divisor = 0, remainder = 0;
        if (!parseInt(text.substr(0, slash), divisor) || divisor < 1 || divisor > 1000000000)
            return "N or N/R: N between 1 and 1000000000";
        if (slash != std::string::npos &&
            (!parseInt(text.substr(slash + 1), remainder) || remainder < 0 || remainder >= divisor))
            return "N/R: R between 0 and N - 1";
        c.itemModulo = divisor;
        c.itemRemainder = remainder;
        return "";
    }
    }
    return "";
}

// [SECTION] outcomes
const std::vector<RuleOutcome>& ruleOutcomes() {
    static const std::vector<RuleOutcome> outcomes = {RuleOutcome::Error,
                                                      RuleOutcome::Timeout,
                                                      RuleOutcome::ReportFailure,
                                                      RuleOutcome::Success,
                                                      RuleOutcome::InvalidBatchResponse,
                                                      RuleOutcome::MissingState};
    return outcomes;
}

const char* ruleOutcomeName(RuleOutcome outcome) { return scenario::ruleOutcomeKey(outcome); }

const char* ruleOutcomeHelp(RuleOutcome outcome) {
    switch (outcome) {
    case RuleOutcome::Success: return "the handler succeeds (stops later rules from matching)";
    case RuleOutcome::Error: return "the handler throws: a function error";
    case RuleOutcome::Timeout: return "the handler runs until the function timeout";
    case RuleOutcome::ReportFailure: return "the item is listed in a partial batch response (ReportBatchItemFailures)";
    case RuleOutcome::InvalidBatchResponse:
        return "the handler returns normally with an invalid batchItemFailures response";
    case RuleOutcome::MissingState: return "the handler returns normally without `state` (tumbling windows)";
    }
    return "";
}

std::string describeRule(const BehaviorRule& rule) {
    std::string out;
    const auto add = [&](const std::string& part) { out += (out.empty() ? "" : ", ") + part; };
    const RuleCondition& c = rule.when;
    if (c.item) add("item " + *c.item);
    if (c.bodyContains) add("body contains \"" + *c.bodyContains + "\"");
    if (c.attemptAtMost) add("attempt <= " + std::to_string(*c.attemptAtMost));
    if (c.rate) add(numberText(*c.rate * 100) + " % of attempts");
    if (c.after) add("from " + scenario::formatDuration(*c.after));
    if (c.before) add("before " + scenario::formatDuration(*c.before));
    if (c.itemModulo) add("item number % " + std::to_string(*c.itemModulo) + " == " + std::to_string(c.itemRemainder));
    if (out.empty()) out = "every attempt";
    return out + " -> " + ruleOutcomeName(rule.then);
}

// [SECTION] quick actions and list edits
BehaviorRule failEveryAttempt() {
    BehaviorRule r;
    r.then = RuleOutcome::Error;
    return r;
}

BehaviorRule failFirstAttempts(int attempts) {
    BehaviorRule r = failEveryAttempt();
    r.when.attemptAtMost = attempts < 1 ? 1 : attempts;
    return r;
}

BehaviorRule poisonItem(const std::string& itemId) {
    BehaviorRule r = failEveryAttempt();
    r.when.item = itemId;
    return r;
}

BehaviorRule failPercent(double percent) {
    BehaviorRule r = failEveryAttempt();
    r.when.rate = percent < 0 ? 0 : percent > 100 ? 1 : percent / 100;
    return r;
}

BehaviorRule timeOutEveryAttempt() {
    BehaviorRule r;
    r.then = RuleOutcome::Timeout;
    return r;
}

std::string firstItemFor(const Scenario& s, const std::string& functionId) {
    std::string fallback;
    for (const std::string& from : feedersOf(s, functionId)) {
        const int i = nodeIndexOf(s, from);
        if (i < 0 || s.nodes[static_cast<std::size_t>(i)].type == NodeType::Function) continue;
        if (s.nodes[static_cast<std::size_t>(i)].traffic.count > 0) return from + "#1";
        if (fallback.empty()) fallback = from + "#1";
    }
    return fallback;
}

bool moveRule(std::vector<BehaviorRule>& rules, int from, int to) {
    const int n = static_cast<int>(rules.size());
    if (from < 0 || from >= n || to < 0 || to >= n || from == to) return false;
    BehaviorRule moved = rules[static_cast<std::size_t>(from)];
    rules.erase(rules.begin() + from);
    rules.insert(rules.begin() + to, moved);
    return true;
}

bool removeRule(std::vector<BehaviorRule>& rules, int index) {
    if (index < 0 || index >= static_cast<int>(rules.size())) return false;
    rules.erase(rules.begin() + index);
    return true;
}

// [SECTION] notes
std::vector<RuleNote> lintRules(const Scenario& s, const std::string& functionId) {
    std::vector<RuleNote> notes;
    const int fi = nodeIndexOf(s, functionId);
    if (fi < 0) return notes;
    const std::vector<BehaviorRule>& rules = s.nodes[static_cast<std::size_t>(fi)].function.behavior;
    bool partialBatch = false, window = false;
    for (const Edge& e : s.edges) {
        if (e.to != functionId) continue;
        const int from = nodeIndexOf(s, e.from);
        if (from < 0 || invocationModeOf(s.nodes[static_cast<std::size_t>(from)].type) != InvocationMode::PollBased)
            continue;
        partialBatch = partialBatch || e.reportBatchItemFailures;
        window = window || (e.tumblingWindow > 0 && s.nodes[static_cast<std::size_t>(from)].type != NodeType::Sqs);
    }
    for (std::size_t i = 0; i < rules.size(); ++i) {
        const int index = static_cast<int>(i);
        const RuleCondition& c = rules[i].when;
        const auto never = [&](const std::string& why) {
            notes.push_back({index, RuleNoteKind::NeverMatches, "never matches: " + why});
        };
        bool flagged = false;
        for (std::size_t j = 0; j < i && !flagged; ++j)
            if (covers(rules[j].when, c)) {
                never("rule " + std::to_string(j + 1) + " (" + describeRule(rules[j]) +
                      ") matches every attempt this one would, and the first match wins");
                flagged = true;
            }
        if (!flagged && c.rate && *c.rate <= 0)
            never("its rate is 0");
        else if (!flagged && c.after && *c.after >= s.runFor)
            never("`after` is at or past the end of the run (run_for " + scenario::formatDuration(s.runFor) + ")");
        else if (!flagged && c.before && *c.before == 0)
            never("no attempt starts before 0 s");
        else if (!flagged && c.item) {
            std::string origin;
            std::int64_t number = 0;
            const int oi = splitItem(*c.item, origin, number) ? nodeIndexOf(s, origin) : -1;
            bool fed = false;  // items sent into the origin (send edges, destinations) are not counted by traffic
            for (const Edge& e : s.edges) fed = fed || e.to == origin;
            if (oi >= 0 && !fed && number > s.nodes[static_cast<std::size_t>(oi)].traffic.count)
                never(origin + " sends only " + std::to_string(s.nodes[static_cast<std::size_t>(oi)].traffic.count) +
                      " items");
        }
        const RuleOutcome then = rules[i].then;
        if ((then == RuleOutcome::ReportFailure || then == RuleOutcome::InvalidBatchResponse) && !partialBatch)
            notes.push_back({index, RuleNoteKind::NeedsPartialBatch,
                             std::string("only makes sense with ReportBatchItemFailures: no queue or stream mapping "
                                         "of this function has report_batch_item_failures on, so the handler's "
                                         "response is ignored and the attempt succeeds")});
        if (then == RuleOutcome::MissingState && !window)
            notes.push_back({index, RuleNoteKind::NeedsWindow,
                             "only makes sense with a tumbling window: no stream mapping of this function has "
                             "tumbling_window set, so the attempt succeeds"});
    }
    return notes;
}

}  // namespace pg::ui
