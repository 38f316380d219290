alliance_add_test(consensus power)
