"""Peers for the de-duplication benchmark: Splink 5 (DuckDB, EM-trained, p >= 0.5) and recordlinkage 0.16
(multi-pass blocking, ECM classifier: unsupervised, like intake) on the same sets and truth as intake.

  python bench/dedup.py [--sets febrl1,febrl2,febrl3,febrl4,contacts_10k] [--tools splink,recordlinkage]
                        [--data ../shared/data] [--big out/dedup]

Each (tool, set) runs in its own process (so its peak RSS is its own) and prints one JSON line:
{tool, set, records, candidates, precision, recall, f1, seconds, cpu_seconds, peak_rss_mb}. Pairwise metrics count every pair
inside a predicted cluster against the true pairs, as bench/dedup_node.mjs does for intake. Pins:
scripts/requirements-dedup.txt (bench/dedup_node.mjs makes the venv).
"""
import argparse, json, os, resource, subprocess, sys, time

SETS_FEBRL = {"febrl1", "febrl2", "febrl3"}


def paths(name, data, big):
    if name == "febrl4":
        return [f"{data}/febrl/febrl4a.csv", f"{data}/febrl/febrl4b.csv"], f"{data}/febrl/febrl4_true_pairs.csv"
    if name in SETS_FEBRL:
        return [f"{data}/febrl/{name}.csv"], f"{data}/febrl/{name}_true_pairs.csv"
    if name == "contacts_10k":
        return [f"{data}/contacts_10k.csv"], f"{data}/contacts_10k_true_pairs.csv"
    return [f"{big}/{name}.csv"], f"{big}/{name}_true_pairs.csv"


def load(files):
    import pandas as pd
    return [pd.read_csv(f, dtype=str, keep_default_na=False).replace({"": None}) for f in files]


def truth_pairs(path):
    import pandas as pd
    t = pd.read_csv(path, dtype=str)
    return {tuple(sorted(p)) for p in zip(t.iloc[:, 0], t.iloc[:, 1])}


def score(pred, truth):
    tp = len(pred & truth)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(truth) if truth else 0.0
    return p, r, (2 * p * r / (p + r) if tp else 0.0)


def cluster_pairs(labels):
    """labels: dict id -> cluster; every pair inside a cluster."""
    groups = {}
    for i, c in labels.items():
        groups.setdefault(c, []).append(i)
    out = set()
    for members in groups.values():
        members.sort()
        for a in range(len(members)):
            for b in range(a + 1, len(members)):
                out.add((members[a], members[b]))
    return out


def is_contacts(df):
    return "first_name" in df.columns


def run_splink(dfs):
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on
    contacts = is_contacts(dfs[0])
    dfs = [d.rename(columns={"rec_id": "unique_id"}).drop(columns=["cluster_id"], errors="ignore") for d in dfs]
    if contacts:
        comparisons = [cl.NameComparison("first_name").configure(term_frequency_adjustments=True),
                       cl.NameComparison("last_name").configure(term_frequency_adjustments=True),
                       cl.EmailComparison("email"), cl.ExactMatch("phone"),
                       cl.DateOfBirthComparison("date_of_birth", input_is_string=True, invalid_dates_as_null=True),
                       cl.JaroWinklerAtThresholds("address"), cl.JaroWinklerAtThresholds("city"),
                       cl.PostcodeComparison("postcode"), cl.JaroWinklerAtThresholds("company")]
        blocking = [block_on("email"), block_on("phone"), block_on("last_name", "substr(first_name,1,1)"),
                    block_on("date_of_birth"), block_on("postcode", "substr(last_name,1,1)")]
        training = [block_on("first_name", "last_name"), block_on("email"), block_on("date_of_birth")]
    else:
        comparisons = [cl.NameComparison("given_name").configure(term_frequency_adjustments=True),
                       cl.NameComparison("surname").configure(term_frequency_adjustments=True),
                       cl.DateOfBirthComparison("date_of_birth", input_is_string=True, datetime_format="%Y%m%d",
                                                invalid_dates_as_null=True),
                       cl.DamerauLevenshteinAtThresholds("soc_sec_id", [1, 2]),
                       cl.ExactMatch("street_number"), cl.JaroWinklerAtThresholds("address_1"),
                       cl.JaroWinklerAtThresholds("address_2"), cl.JaroWinklerAtThresholds("suburb"),
                       cl.PostcodeComparison("postcode"), cl.ExactMatch("state")]
        blocking = [block_on("given_name"), block_on("surname"), block_on("date_of_birth"), block_on("soc_sec_id"),
                    block_on("postcode", "street_number")]
        training = [block_on("given_name", "surname"), block_on("date_of_birth"), block_on("soc_sec_id")]
    link_type = "link_only" if len(dfs) > 1 else "dedupe_only"
    settings = SettingsCreator(link_type=link_type, comparisons=comparisons,
                               blocking_rules_to_generate_predictions=blocking, retain_intermediate_calculation_columns=False)
    db = DuckDBAPI()
    sdfs = [db.register(d) for d in dfs]
    linker = Linker(sdfs if len(sdfs) > 1 else sdfs[0], settings, log_level=40)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("given_name" if not contacts else "first_name", "surname" if not contacts else "last_name")], recall=0.7)
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6)
    for rule in training:
        linker.training.estimate_parameters_using_expectation_maximisation(rule)
    pred = linker.inference.predict(threshold_match_probability=0.5)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(pred, 0.5).as_pandas_dataframe()
    n_pairs = len(pred.as_pandas_dataframe())
    return dict(zip(clusters["unique_id"], clusters["cluster_id"])), n_pairs


def run_recordlinkage(dfs):
    import recordlinkage as rl
    from recordlinkage.index import Block
    contacts = is_contacts(dfs[0])
    dfs = [d.set_index("rec_id").drop(columns=["cluster_id"], errors="ignore") for d in dfs]
    if contacts:
        keys = ["email", "phone", "last_name", "date_of_birth", "postcode"]
        strings = ["first_name", "last_name", "address", "city", "company"]
        exact = ["email", "phone", "date_of_birth", "postcode"]
    else:
        keys = ["given_name", "surname", "date_of_birth", "soc_sec_id", "postcode"]
        strings = ["given_name", "surname", "address_1", "address_2", "suburb"]
        exact = ["street_number", "postcode", "state", "date_of_birth", "soc_sec_id"]
    indexer = rl.Index()
    for k in keys:
        indexer.add(Block(k))
    pairs = indexer.index(*dfs) if len(dfs) > 1 else indexer.index(dfs[0])
    comp = rl.Compare()
    for s in strings:
        comp.string(s, s, method="jarowinkler", threshold=0.85, label=s)
    for e in exact:
        comp.exact(e, e, label=e + "_x")
    features = comp.compute(pairs, *dfs) if len(dfs) > 1 else comp.compute(pairs, dfs[0])
    matches = rl.ECMClassifier(binarize=0.5).fit_predict(features.fillna(0))
    # Clusters: connected components of the predicted links (recordlinkage stops at pairs).
    parent = {}
    def find(x):
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x
    for a, b in matches:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb
    ids = set(parent) | {i for a, b in matches for i in (a, b)}
    return {i: find(i) for i in ids}, len(pairs)


def one(tool, name, data, big):
    files, truth_file = paths(name, data, big)
    dfs = load(files)
    # CPU seconds of the whole process (user + system, every thread: DuckDB runs on all cores) next to the wall time.
    cpu = lambda: sum(resource.getrusage(resource.RUSAGE_SELF)[:2])
    start, cpu_start = time.perf_counter(), cpu()
    labels, candidates = (run_splink if tool == "splink" else run_recordlinkage)(dfs)
    seconds, cpu_seconds = time.perf_counter() - start, cpu() - cpu_start
    p, r, f1 = score(cluster_pairs(labels), truth_pairs(truth_file))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"tool": tool, "set": name, "records": sum(len(d) for d in dfs), "candidates": candidates,
                      "precision": p, "recall": r, "f1": f1, "seconds": seconds, "cpu_seconds": cpu_seconds, "peak_rss_mb": rss}), flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", default="febrl1,febrl2,febrl3,febrl4,contacts_10k")
    ap.add_argument("--tools", default="splink,recordlinkage")
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--big", default="out/dedup")
    ap.add_argument("--one", nargs=2, metavar=("TOOL", "SET"))
    a = ap.parse_args()
    if a.one:
        one(a.one[0], a.one[1], a.data, a.big)
        return
    for name in a.sets.split(","):
        for tool in a.tools.split(","):
            r = subprocess.run([sys.executable, __file__, "--one", tool, name, "--data", a.data, "--big", a.big],
                               capture_output=True, text=True)
            line = r.stdout.strip().splitlines()[-1:] if r.returncode == 0 else []
            if line:
                print(line[0], flush=True)
            else:
                print(json.dumps({"tool": tool, "set": name, "error": (r.stderr.strip().splitlines() or ["failed"])[-1]}), flush=True)


if __name__ == "__main__":
    main()
