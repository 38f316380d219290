// The umbrella header: everything a user of the alliance library includes.
#ifndef ALLIANCE_ALLIANCE_H_
#define ALLIANCE_ALLIANCE_H_

#include "alliance/consensus/enlargement.h"
#include "alliance/consensus/monte_carlo.h"
#include "alliance/consensus/power.h"
#include "alliance/consensus/rule.h"
#include "alliance/consensus/spatial.h"
#include "alliance/core/actors.h"
#include "alliance/core/csv.h"
#include "alliance/core/datasets.h"
#include "alliance/core/file.h"
#include "alliance/core/panel.h"
#include "alliance/core/rng.h"
#include "alliance/core/status.h"
#include "alliance/core/table.h"
#include "alliance/stats/descriptive.h"
#include "alliance/stats/inequality.h"
#include "alliance/stats/rank_correlation.h"
#include "alliance/supply/audit.h"
#include "alliance/supply/burden.h"
#include "alliance/supply/classify.h"
#include "alliance/supply/published.h"
#include "alliance/supply/rules.h"
#include "alliance/supply/sensitivity.h"
#include "alliance/supply/summary.h"
#include "alliance/supply/supply_data.h"
#include "alliance/version.h"

#endif  // ALLIANCE_ALLIANCE_H_
