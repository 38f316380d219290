# Unit tests of the extensions: joint products, clubs, side payments, fit.
alliance_add_test(models club)
alliance_add_test(models joint)
alliance_add_test(models sidepay)
alliance_add_test(models fit)
