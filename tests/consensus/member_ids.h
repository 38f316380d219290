// Member ids M0, M1, ... for test committees.
#ifndef ALLIANCE_TESTS_CONSENSUS_MEMBER_IDS_H_
#define ALLIANCE_TESTS_CONSENSUS_MEMBER_IDS_H_

#include <string>
#include <vector>

namespace alliance::consensus::testing {

inline std::vector<std::string> ids(int n) {
  std::vector<std::string> out;
  for (int i = 0; i < n; ++i) {
    std::string id = "M";  // appended in two steps: GCC 12's -Wrestrict misfires on "M" + string
    id += std::to_string(i);
    out.push_back(id);
  }
  return out;
}

}  // namespace alliance::consensus::testing

#endif  // ALLIANCE_TESTS_CONSENSUS_MEMBER_IDS_H_
