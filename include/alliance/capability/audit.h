// What the article's running text says about compensation roles, checked
// against its Table 2 instead of following either silently.
//
// Claims file `claim,iso3,role,counterpart,source_paragraph,quote`: one row
// per statement; `claim` groups the rows of one sentence; `role` is
// compensator, compensated or both; `counterpart` (optional) names the other
// side of a stated deal.
//
// Thread safety: values.
#ifndef ALLIANCE_CAPABILITY_AUDIT_H_
#define ALLIANCE_CAPABILITY_AUDIT_H_

#include <string>
#include <vector>

#include "alliance/capability/compensation.h"
#include "alliance/core/actors.h"
#include "alliance/core/csv.h"
#include "alliance/core/status.h"

namespace alliance::capability {

struct TextClaim {
  std::string claim;
  std::string iso3;
  Role role = Role::kCompensator;
  std::string counterpart;  // empty: no counterpart stated
  std::string source;
  std::string quote;
  long line = 0;
};

/// Rejects unknown ISO3 codes, unknown roles, a counterpart with role `both`,
/// a counterpart equal to the actor, an empty source and a repeated row.
Result<std::vector<TextClaim>> read_text_claims(const core::CsvTable& csv, const core::ActorRegistry& actors);
Result<std::vector<TextClaim>> read_text_claims(const std::string& path, const core::ActorRegistry& actors);

enum class AuditStatus { kAgrees, kContradicts, kOmitted };
/// "agrees", "contradicts", "omitted".
std::string_view audit_status_name(AuditStatus status);

struct AuditFinding {
  std::string claim;
  std::string iso3;
  std::string text_says;   // e.g. "both", "compensated by NOR", "not named"
  std::string table_says;  // e.g. "compensated only (deal 7)"
  AuditStatus status = AuditStatus::kAgrees;
  std::string source;  // the claim's locator; for omissions, the group's
};

/// For each claim: does Table 2 agree (role: the actor's role in the network
/// is the claimed one, `compensator`/`compensated` also accept `both`;
/// counterpart: a deal in the stated direction exists)? Then, per claim
/// group, what the table has that the text leaves out: for a group of role
/// claims without counterparts, the table's actors in that role not named in
/// the group; for counterpart claims, the table's partners of each named actor
/// not named. Findings come in claim-file order, omissions after their group.
std::vector<AuditFinding> audit_text_claims(const std::vector<TextClaim>& claims, const CompensationTable& table,
                                            const CompensationNetwork& network);

}  // namespace alliance::capability

#endif  // ALLIANCE_CAPABILITY_AUDIT_H_
