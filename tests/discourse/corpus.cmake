# Corpus readers and counting (helper D2's part).
alliance_add_test(discourse corpus)
alliance_add_test(discourse count)
