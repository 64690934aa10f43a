// Internal to the settings tables: builds a SettingAccess from a path of pointers to members, e.g.
// fieldAccess<&sim::Node::function, &sim::FunctionConfig::timeout>(). No JSON.
#pragma once
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

#include "settings.hpp"

namespace pg::scenario::detail {

template <typename T> struct MemberOf;
template <typename C, typename M> struct MemberOf<M C::*> { using Class = C; };

template <typename Owner> const Owner& ownerIn(const SettingView& v);
template <> inline const sim::Scenario& ownerIn<sim::Scenario>(const SettingView& v) { return *v.scenario; }
template <> inline const sim::Node& ownerIn<sim::Node>(const SettingView& v) { return *v.node; }
template <> inline const sim::Edge& ownerIn<sim::Edge>(const SettingView& v) { return *v.edge; }
template <typename Owner> Owner& ownerIn(const SettingTarget& t);
template <> inline sim::Scenario& ownerIn<sim::Scenario>(const SettingTarget& t) { return *t.scenario; }
template <> inline sim::Node& ownerIn<sim::Node>(const SettingTarget& t) { return *t.node; }
template <> inline sim::Edge& ownerIn<sim::Edge>(const SettingTarget& t) { return *t.edge; }

/// The member a path of member pointers reaches from the owner the first pointer belongs to.
template <auto First, auto... Rest, typename Where>
auto& fieldIn(const Where& where) {
    using Owner = typename MemberOf<decltype(First)>::Class;
    return ((ownerIn<Owner>(where) .* First) .* ... .* Rest);
}

template <auto... Path>
SettingAccess fieldAccess() {
    using T = std::remove_cv_t<std::remove_reference_t<decltype(fieldIn<Path...>(std::declval<const SettingTarget&>()))>>;
    SettingAccess a;
    if constexpr (std::is_same_v<T, std::string>) {
        a.getText = [](const SettingView& v) { return std::string(fieldIn<Path...>(v)); };
        a.setText = [](const SettingTarget& t, const std::string& s) { fieldIn<Path...>(t) = s; };
    } else if constexpr (std::is_same_v<T, double>) {
        a.getNumber = [](const SettingView& v) { return fieldIn<Path...>(v); };
        a.setNumber = [](const SettingTarget& t, double d) { fieldIn<Path...>(t) = d; };
    } else if constexpr (std::is_same_v<T, std::optional<int>>) {
        a.getInt = [](const SettingView& v) -> std::int64_t { return fieldIn<Path...>(v).value_or(0); };
        a.setInt = [](const SettingTarget& t, std::int64_t x) { fieldIn<Path...>(t) = static_cast<int>(x); };
        a.isSet = [](const SettingView& v) { return fieldIn<Path...>(v).has_value(); };
        a.unset = [](const SettingTarget& t) { fieldIn<Path...>(t).reset(); };
    } else {
        static_assert(std::is_integral_v<T> || std::is_enum_v<T>, "a setting is a number, text or enum");
        a.getInt = [](const SettingView& v) { return static_cast<std::int64_t>(fieldIn<Path...>(v)); };
        a.setInt = [](const SettingTarget& t, std::int64_t x) { fieldIn<Path...>(t) = static_cast<T>(x); };
    }
    return a;
}

}  // namespace pg::scenario::detail
