alliance_add_test(models players)
alliance_add_test(models game)
alliance_add_test(models solve)
alliance_add_test(models sweep)
