#include "alliance/capability/audit.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <tuple>

namespace alliance::capability {

Result<std::vector<TextClaim>> read_text_claims(const core::CsvTable& csv, const core::ActorRegistry& actors) {
  ALLIANCE_RETURN_IF_ERROR(csv.require_columns({"claim", "iso3", "role", "counterpart", "source_paragraph", "quote"}));
  const auto col = [&](std::string_view name) { return *csv.find_column(name); };
  const std::size_t claim_col = col("claim"), iso3_col = col("iso3"), role_col = col("role"),
                    counterpart_col = col("counterpart"), source_col = col("source_paragraph"),
                    quote_col = col("quote");
  std::vector<TextClaim> claims;
  std::set<std::tuple<std::string, std::string, std::string, std::string>> seen;
  for (const core::CsvRow& row : csv.rows()) {
    TextClaim claim;
    claim.line = row.line;
    ALLIANCE_ASSIGN_OR_RETURN(claim.claim, csv.required_text(row, claim_col));
    ALLIANCE_ASSIGN_OR_RETURN(claim.iso3, csv.required_text(row, iso3_col));
    if (!actors.find(claim.iso3)) return csv.error_at(row, iso3_col, fmt::format("unknown ISO3 code '{}'", claim.iso3));
    const auto role = parse_role(row.fields[role_col]);
    if (!role) {
      return csv.error_at(row, role_col,
                          fmt::format("role '{}' must be compensator, compensated or both", row.fields[role_col]));
    }
    claim.role = *role;
    claim.counterpart = row.fields[counterpart_col];
    if (!claim.counterpart.empty()) {
      if (!actors.find(claim.counterpart)) {
        return csv.error_at(row, counterpart_col, fmt::format("unknown ISO3 code '{}'", claim.counterpart));
      }
      if (claim.counterpart == claim.iso3)
        return csv.error_at(row, counterpart_col, "an actor cannot be its own counterpart");
      if (claim.role == Role::kBoth) {
        return csv.error_at(row, counterpart_col, "a counterpart needs role compensator or compensated, not both");
      }
    }
    ALLIANCE_ASSIGN_OR_RETURN(claim.source, csv.required_text(row, source_col));
    claim.quote = row.fields[quote_col];
    if (!seen.emplace(claim.claim, claim.iso3, row.fields[role_col], claim.counterpart).second) {
      return csv.error_at(row, claim_col, "the same claim is listed twice");
    }
    claims.push_back(std::move(claim));
  }
  return claims;
}

Result<std::vector<TextClaim>> read_text_claims(const std::string& path, const core::ActorRegistry& actors) {
  ALLIANCE_ASSIGN_OR_RETURN(core::CsvTable csv, core::CsvTable::read(path));
  return read_text_claims(csv, actors);
}

std::string_view audit_status_name(AuditStatus status) {
  switch (status) {
    case AuditStatus::kAgrees:
      return "agrees";
    case AuditStatus::kContradicts:
      return "contradicts";
    case AuditStatus::kOmitted:
      return "omitted";
  }
  return "";
}

namespace {

std::string deal_list(const std::vector<long>& deals) {
  return fmt::format("{} {}", deals.size() == 1 ? "deal" : "deals", fmt::join(deals, ", "));
}

// Deals in which `from` compensates `to`.
std::vector<long> deals_between(const CompensationTable& table, const std::string& from, const std::string& to) {
  std::vector<long> out;
  for (const Deal& deal : table.deals) {
    if (deal.compensated == to &&
        std::find(deal.compensators.begin(), deal.compensators.end(), from) != deal.compensators.end()) {
      out.push_back(deal.id);
    }
  }
  return out;
}

// "both: compensator in deal 6; compensated in deals 1, 2, 8", or "no deal".
std::string describe(const CompensationTable& table, const CompensationNetwork& network, const std::string& iso3) {
  const auto it =
      std::find_if(network.actors.begin(), network.actors.end(), [&](const ActorFlows& a) { return a.iso3 == iso3; });
  if (it == network.actors.end()) return "in no deal";
  std::vector<long> as_compensator, as_compensated;
  for (const Deal& deal : table.deals) {
    if (deal.compensated == iso3) as_compensated.push_back(deal.id);
    if (std::find(deal.compensators.begin(), deal.compensators.end(), iso3) != deal.compensators.end()) {
      as_compensator.push_back(deal.id);
    }
  }
  std::vector<std::string> parts;
  if (!as_compensator.empty()) parts.push_back("compensator in " + deal_list(as_compensator));
  if (!as_compensated.empty()) parts.push_back("compensated in " + deal_list(as_compensated));
  return fmt::format("{}: {}", role_name(it->role), fmt::join(parts, "; "));
}

std::optional<Role> table_role(const CompensationNetwork& network, const std::string& iso3) {
  for (const ActorFlows& a : network.actors) {
    if (a.iso3 == iso3) return a.role;
  }
  return std::nullopt;
}

bool role_holds(std::optional<Role> actual, Role claimed) {
  if (!actual) return false;
  return claimed == Role::kBoth ? *actual == Role::kBoth : (*actual == claimed || *actual == Role::kBoth);
}

// What the table says about one claim of the text.
AuditFinding check_claim(const std::string& group, const TextClaim& c, const CompensationTable& table,
                         const CompensationNetwork& network) {
  AuditFinding f;
  f.claim = group;
  f.iso3 = c.iso3;
  f.source = c.source;
  if (c.counterpart.empty()) {
    f.text_says = std::string(role_name(c.role));
    f.table_says = describe(table, network, c.iso3);
    f.status = role_holds(table_role(network, c.iso3), c.role) ? AuditStatus::kAgrees : AuditStatus::kContradicts;
    return f;
  }
  const bool gives = c.role == Role::kCompensator;
  const std::string& from = gives ? c.iso3 : c.counterpart;
  const std::string& to = gives ? c.counterpart : c.iso3;
  f.text_says = fmt::format("{} {}", gives ? "compensates" : "compensated by", c.counterpart);
  const auto deals = deals_between(table, from, to);
  f.table_says = deals.empty() ? fmt::format("no deal {} -> {}", from, to)
                               : fmt::format("{} -> {} in {}", from, to, deal_list(deals));
  f.status = deals.empty() ? AuditStatus::kContradicts : AuditStatus::kAgrees;
  return f;
}

// Actors the table gives a role that a list of the text leaves out.
void add_role_omissions(const std::string& group, const std::vector<const TextClaim*>& members,
                        const CompensationTable& table, const CompensationNetwork& network,
                        std::vector<AuditFinding>& findings) {
  for (Role role : {Role::kCompensator, Role::kCompensated}) {
    std::set<std::string> named;
    bool is_list = false;
    for (const TextClaim* c : members) {
      if (c->counterpart.empty() && c->role == role) is_list = true;
      if (c->counterpart.empty()) named.insert(c->iso3);
    }
    if (!is_list) continue;
    for (const ActorFlows& a : network.actors) {
      if (!role_holds(a.role, role) || named.count(a.iso3)) continue;
      findings.push_back({group, a.iso3, fmt::format("not named as {}", role_name(role)),
                          describe(table, network, a.iso3), AuditStatus::kOmitted, members.front()->source});
    }
  }
}

// The partners of `iso3` in `role` according to the table, with repeats.
std::vector<std::string> table_partners(const CompensationTable& table, const std::string& iso3, Role role) {
  std::vector<std::string> partners;
  for (const Deal& deal : table.deals) {
    if (role == Role::kCompensated && deal.compensated == iso3) {
      for (const std::string& p : deal.compensators) partners.push_back(p);
    }
    if (role == Role::kCompensator &&
        std::find(deal.compensators.begin(), deal.compensators.end(), iso3) != deal.compensators.end()) {
      partners.push_back(deal.compensated);
    }
  }
  return partners;
}

// Partners the table gives an actor whose counterparts the text names, that the text leaves out.
void add_partner_omissions(const std::string& group, const std::vector<const TextClaim*>& members,
                           const CompensationTable& table, std::vector<AuditFinding>& findings) {
  std::vector<std::pair<std::string, Role>> subjects;
  for (const TextClaim* c : members) {
    if (c->counterpart.empty()) continue;
    const std::pair<std::string, Role> key{c->iso3, c->role};
    if (std::find(subjects.begin(), subjects.end(), key) == subjects.end()) subjects.push_back(key);
  }
  for (const auto& [iso3, role] : subjects) {
    std::set<std::string> named;
    for (const TextClaim* c : members) {
      if (c->iso3 == iso3 && c->role == role) named.insert(c->counterpart);
    }
    std::vector<std::string> reported;
    for (const std::string& p : table_partners(table, iso3, role)) {
      if (named.count(p) || std::find(reported.begin(), reported.end(), p) != reported.end()) continue;
      reported.push_back(p);
      const bool gives = role == Role::kCompensator;
      const std::string& from = gives ? iso3 : p;
      const std::string& to = gives ? p : iso3;
      findings.push_back({group, iso3,
                          fmt::format("does not name {} as {}", p, gives ? "compensated partner" : "compensator"),
                          fmt::format("{} -> {} in {}", from, to, deal_list(deals_between(table, from, to))),
                          AuditStatus::kOmitted, members.front()->source});
    }
  }
}

}  // namespace

std::vector<AuditFinding> audit_text_claims(const std::vector<TextClaim>& claims, const CompensationTable& table,
                                            const CompensationNetwork& network) {
  std::vector<AuditFinding> findings;
  std::vector<std::string> groups;
  for (const TextClaim& c : claims) {
    if (std::find(groups.begin(), groups.end(), c.claim) == groups.end()) groups.push_back(c.claim);
  }
  for (const std::string& group : groups) {
    std::vector<const TextClaim*> members;
    for (const TextClaim& c : claims) {
      if (c.claim == group) members.push_back(&c);
    }
    for (const TextClaim* c : members) findings.push_back(check_claim(group, *c, table, network));
    // Omissions: role lists first, then the partners of counterpart claims.
    add_role_omissions(group, members, table, network, findings);
    add_partner_omissions(group, members, table, findings);
  }
  return findings;
}

}  // namespace alliance::capability
