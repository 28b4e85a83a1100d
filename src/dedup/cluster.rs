//! Clustering that resists chaining: links are taken strongest first, and two groups merge only
//! when at least half of the pairs between them are links themselves, so A~B and B~C do not pull
//! in C when A and C clearly differ.

use super::FastMap;

/// Groups of record indices (every record in exactly one group, singletons included) and, per
/// group, the probability of its weakest accepted link (1 for singletons).
pub fn cluster(n: usize, links: &[(u32, u32, f64)], link_mode_sources: Option<&[u8]>) -> (Vec<Vec<u32>>, Vec<f64>) {
    let mut order: Vec<usize> = (0..links.len()).collect();
    order.sort_by(|&x, &y| links[y].2.total_cmp(&links[x].2).then(x.cmp(&y)));
    let mut linked: FastMap<u64, ()> = FastMap::default();
    linked.reserve(links.len());
    for &(a, b, _) in links {
        linked.insert(pair_key(a, b), ());
    }
    // Each record's group id; group members.
    let mut group: Vec<u32> = (0..n as u32).collect();
    let mut members: FastMap<u32, Vec<u32>> = FastMap::default();
    let mut weakest: FastMap<u32, f64> = FastMap::default();
    for idx in order {
        let (a, b, p) = links[idx];
        let (ga, gb) = (group[a as usize], group[b as usize]);
        if ga == gb {
            continue;
        }
        let ma = members.get(&ga).cloned().unwrap_or_else(|| vec![a]);
        let mb = members.get(&gb).cloned().unwrap_or_else(|| vec![b]);
        if ma.len() > 1 || mb.len() > 1 {
            let mut yes = 0usize;
            for &x in &ma {
                for &y in &mb {
                    if linked.contains_key(&pair_key(x, y)) {
                        yes += 1;
                    }
                }
            }
            if yes * 2 < ma.len() * mb.len() {
                continue;
            }
        }
        if let Some(src) = link_mode_sources {
            // Linking two files: a group holds at most one record of each file.
            if ma.iter().any(|&x| mb.iter().any(|&y| src[x as usize] == src[y as usize])) {
                continue;
            }
        }
        let (keep, gone, mut moved) = if ma.len() >= mb.len() { (ga, gb, mb) } else { (gb, ga, ma) };
        for &x in &moved {
            group[x as usize] = keep;
        }
        let w = weakest.remove(&gone).unwrap_or(1.0).min(weakest.get(&keep).copied().unwrap_or(1.0)).min(p);
        weakest.insert(keep, w);
        members.remove(&gone);
        let entry = members.entry(keep).or_insert_with(|| vec![keep]);
        if entry.is_empty() {
            entry.push(keep);
        }
        entry.append(&mut moved);
    }
    let mut out: Vec<Vec<u32>> = Vec::new();
    let mut probs = Vec::new();
    let mut seen = vec![false; n];
    for &g in &group {
        if seen[g as usize] {
            continue;
        }
        seen[g as usize] = true;
        match members.get(&g) {
            Some(m) => {
                let mut m = m.clone();
                m.sort_unstable();
                out.push(m);
                probs.push(weakest.get(&g).copied().unwrap_or(1.0));
            }
            None => {
                out.push(vec![g]);
                probs.push(1.0);
            }
        }
    }
    (out, probs)
}

fn pair_key(a: u32, b: u32) -> u64 {
    let (a, b) = if a < b { (a, b) } else { (b, a) };
    (u64::from(a) << 32) | u64::from(b)
}
