#!/usr/bin/env python3
"""Writes a seeded IMF-shaped weighted game for `alliance power` (issue 15).

The shape of the IMF Board of Governors: four members with 831,000, 300,000,
300,000 and 200,000 votes, the others between 1,500 and 60,000 each, about
6,953,891 votes in all. The others' votes are drawn uniformly (seeded) and
scaled to reach that total, so the same seed always writes the same file.

    /usr/bin/python3 bench/power_imf_game.py --members 190 --seed 1 > imf.csv
    alliance power --rule 'votes >= 85%' --members imf.csv --index banzhaf
"""
import argparse
import random
import sys

BIG = [831000, 300000, 300000, 200000]
TOTAL = 6953891
LOW, HIGH = 1500, 60000


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=190)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.members <= len(BIG):
        sys.exit("--members must exceed 4")
    rng = random.Random(args.seed)
    others = [rng.uniform(LOW, HIGH) for _ in range(args.members - len(BIG))]
    scale = (TOTAL - sum(BIG)) / sum(others)
    votes = [min(HIGH, max(LOW, round(v * scale))) for v in others]
    print("id,votes")
    for i, v in enumerate(BIG + votes):
        print(f"M{i + 1:03d},{v}")


if __name__ == "__main__":
    main()
