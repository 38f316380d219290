# Tokenisers, lexicons, matcher and analyses (helper D1's part).
alliance_add_test(discourse tokenizer)
alliance_add_test(discourse lexicon)
alliance_add_test(discourse matcher)
alliance_add_test(discourse analysis)
