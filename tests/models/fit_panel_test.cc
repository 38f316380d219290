// Tests of fit_from_panel (fit.h): the observations it takes from a panel,
// the EUR-to-USD conversion, the groups given as data, and its errors.
#include <gtest/gtest.h>

#include <string>

#include "alliance/core/datasets.h"
#include "alliance/core/panel.h"
#include "alliance/models/fit.h"

namespace alliance::models {
namespace {

constexpr int kYear = 2023;

void put(core::Panel& panel, const std::string& variable, const std::string& iso3, double value) {
  ASSERT_TRUE(panel.add({variable, iso3, kYear}, {value, "test"}).is_ok());
}

// Four allies with GDP (USD million); AAA..CCC with spending in USD million
// and in EUR billion; DDD has no spending.
core::Panel panel() {
  core::Panel p;
  const std::vector<std::pair<std::string, double>> gdp{{"AAA", 2000}, {"BBB", 1000}, {"CCC", 400}, {"DDD", 300}};
  const std::vector<double> spending{50, 15, 8};
  for (std::size_t i = 0; i < gdp.size(); ++i) {
    put(p, "gdp_usd_m", gdp[i].first, gdp[i].second);
    if (i < spending.size()) {
      put(p, "spend_usd_m", gdp[i].first, spending[i]);
      put(p, "spend_eur_bn", gdp[i].first, spending[i] / 1000);
    }
  }
  return p;
}

PanelFitRequest request(const std::string& contributions) {
  PanelFitRequest r;
  r.contributions = contributions;
  r.income = "gdp_usd_m";
  r.year = kYear;
  r.allies = {"AAA", "BBB", "CCC", "DDD"};
  r.options.joint = false;
  return r;
}

core::ExchangeRates rates() {
  core::ExchangeRates r;
  r.usd_per_eur[kYear] = 1.25;
  return r;
}

TEST(FitPanelTest, TakesBothValuesOfEachAllyAndListsTheRest) {
  const Result<PanelFit> fit = fit_from_panel(panel(), rates(), request("spend_usd_m"));
  ASSERT_TRUE(fit.is_ok()) << fit.status().message();
  EXPECT_EQ(fit->contribution_scale, 1);
  EXPECT_EQ(fit->unit_note, "contributions and income taken in the same units");
  ASSERT_EQ(fit->missing, std::vector<std::string>{"DDD"});
  ASSERT_EQ(fit->result.allies.size(), 3u);
  EXPECT_EQ(fit->result.allies[0].id, "AAA");
  EXPECT_DOUBLE_EQ(fit->result.allies[1].burden, 1.5);  // 100 * 15 / 1000
  // No groups given: every fit is on all allies.
  for (const ConceptFit& f : fit->result.fits) EXPECT_EQ(f.fitted_on, "all");
}

TEST(FitPanelTest, ConvertsEuroBillionsAtTheYearsRate) {
  const Result<PanelFit> fit = fit_from_panel(panel(), rates(), request("spend_eur_bn"));
  ASSERT_TRUE(fit.is_ok()) << fit.status().message();
  EXPECT_DOUBLE_EQ(fit->contribution_scale, 1250);
  EXPECT_NE(fit->unit_note.find("at 1.25 USD/EUR"), std::string::npos) << fit->unit_note;
  EXPECT_NEAR(fit->result.allies[0].contribution, 50 * 1.25, 1e-9);
  EXPECT_NEAR(fit->result.allies[0].burden, 100 * 62.5 / 2000, 1e-9);
}

TEST(FitPanelTest, GroupsComeAsDataAndAreRefitted) {
  PanelFitRequest r = request("spend_usd_m");
  r.groups = {{"AAA", "large"}, {"BBB", "large"}, {"CCC", "small"}};
  r.groups_note = "two classes";
  const Result<PanelFit> fit = fit_from_panel(panel(), rates(), r);
  ASSERT_TRUE(fit.is_ok()) << fit.status().message();
  EXPECT_EQ(fit->result.allies[2].group, "small");
  bool refitted = false;
  for (const ConceptFit& f : fit->result.fits) refitted = refitted || f.fitted_on == "large";
  EXPECT_TRUE(refitted);
  EXPECT_EQ(fit->request.groups_note, "two classes");
}

TEST(FitPanelTest, ErrorsNameTheField) {
  const auto message = [](const PanelFitRequest& r, const core::ExchangeRates& x) {
    const Result<PanelFit> fit = fit_from_panel(panel(), x, r);
    EXPECT_FALSE(fit.is_ok());
    return fit.is_ok() ? std::string() : fit.status().message();
  };
  EXPECT_EQ(message(request("nothing"), rates()).rfind("contributions: ", 0), 0u);
  PanelFitRequest income = request("spend_usd_m");
  income.income = "nothing";
  EXPECT_EQ(message(income, rates()).rfind("income: ", 0), 0u);
  EXPECT_EQ(message(request("spend_eur_bn"), core::ExchangeRates{}).rfind("year: no USD per EUR rate", 0), 0u);
  PanelFitRequest few = request("spend_usd_m");
  few.allies = {"AAA", "DDD"};
  EXPECT_EQ(message(few, rates()).rfind("year: 1 allies have both", 0), 0u);
}

}  // namespace
}  // namespace alliance::models
