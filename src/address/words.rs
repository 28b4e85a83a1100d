//! The words an address parser recognizes: street types and unit designators in the languages
//! intake reads, beside the USPS tables generated from `usaddress-scourgify`.
//!
//! English street types and unit designators come from the generated USPS tables
//! (`src/tables/address.rs`); the rows here are hand-written for the other languages (the USPS
//! tables have no German, French, Spanish, Portuguese, Italian, Persian, Arabic or Chinese).

use crate::tables::address::{DIRECTIONS, STREET_LONG, STREET_TYPES, UNIT_TYPES};
use std::collections::HashMap;
use std::sync::OnceLock;

/// Where a street type is written relative to the name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// `Main Street`, `Hauptstraße` (also written as a word suffix in German compounds).
    After,
    /// `rue de Rivoli`, `خیابان آزادی`, `Calle Mayor`.
    Before,
}

/// A street type: its long and short written forms and where it goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StreetType {
    pub long: &'static str,
    pub short: &'static str,
    pub place: Place,
    /// Whether the short form is the standard one (USPS for English); otherwise the long form is.
    pub short_is_standard: bool,
}

/// Hand-written street types: (written forms, long, short, place). The first written form is the
/// long one; lookups are case-insensitive and ignore a final dot.
const STREETS: &[(&[&str], &str, &str, Place)] = &[
    // German (also recognized as the end of a compound: Hauptstraße, Lindenallee)
    (&["straße", "strasse", "str"], "Straße", "Str.", Place::After),
    (&["weg"], "Weg", "Weg", Place::After),
    (&["allee"], "Allee", "Allee", Place::After),
    (&["platz", "pl"], "Platz", "Pl.", Place::After),
    (&["gasse"], "Gasse", "G.", Place::After),
    (&["ring"], "Ring", "Ring", Place::After),
    (&["damm"], "Damm", "Damm", Place::After),
    (&["ufer"], "Ufer", "Ufer", Place::After),
    // Dutch
    (&["straat", "str"], "straat", "str.", Place::After),
    (&["laan"], "laan", "ln.", Place::After),
    (&["gracht"], "gracht", "gr.", Place::After),
    // French
    (&["rue", "r"], "rue", "r.", Place::Before),
    (&["avenue", "av", "ave"], "avenue", "av.", Place::Before),
    (&["boulevard", "bd", "boul", "bvd"], "boulevard", "bd", Place::Before),
    (&["chemin", "ch"], "chemin", "ch.", Place::Before),
    (&["impasse", "imp"], "impasse", "imp.", Place::Before),
    (&["allée", "allee", "all"], "allée", "all.", Place::Before),
    (&["place", "pl"], "place", "pl.", Place::Before),
    (&["route", "rte"], "route", "rte", Place::Before),
    (&["quai"], "quai", "quai", Place::Before),
    // Spanish
    (&["calle", "c", "cl", "c/"], "Calle", "C.", Place::Before),
    (&["avenida", "av", "avda"], "Avenida", "Av.", Place::Before),
    (&["paseo", "pº", "po"], "Paseo", "P.º", Place::Before),
    (&["plaza", "pza", "pl"], "Plaza", "Pza.", Place::Before),
    (&["carrera", "cra", "kr"], "Carrera", "Cra.", Place::Before),
    (&["camino", "cno"], "Camino", "Cno.", Place::Before),
    // Portuguese
    (&["rua", "r"], "Rua", "R.", Place::Before),
    (&["travessa", "tv", "trav"], "Travessa", "Tv.", Place::Before),
    (&["praça", "praca", "pç"], "Praça", "Pç.", Place::Before),
    (&["estrada", "estr"], "Estrada", "Estr.", Place::Before),
    (&["alameda", "al"], "Alameda", "Al.", Place::Before),
    (&["rodovia", "rod"], "Rodovia", "Rod.", Place::Before),
    (&["morro"], "Morro", "Morro", Place::Before),
    (&["largo", "lgo"], "Largo", "Lgo.", Place::Before),
    // Italian
    (&["via", "v"], "Via", "V.", Place::Before),
    (&["viale", "v.le"], "Viale", "V.le", Place::Before),
    (&["piazza", "p.za", "pza"], "Piazza", "P.za", Place::Before),
    (&["corso", "c.so"], "Corso", "C.so", Place::Before),
    // Persian
    (&["خیابان", "خ"], "خیابان", "خ.", Place::Before),
    (&["کوچه", "ک"], "کوچه", "ک.", Place::Before),
    (&["بلوار", "بل"], "بلوار", "بل.", Place::Before),
    (&["میدان", "م"], "میدان", "م.", Place::Before),
    (&["بزرگراه", "اتوبان"], "بزرگراه", "بزرگراه", Place::Before),
    (&["جاده"], "جاده", "جاده", Place::Before),
    (&["کوی"], "کوی", "کوی", Place::Before),
    (&["بن‌بست", "بن بست", "بنبست"], "بن‌بست", "بن‌بست", Place::Before),
    (&["تقاطع"], "تقاطع", "تقاطع", Place::After),
    // Arabic
    (&["شارع", "ش"], "شارع", "ش.", Place::Before),
    (&["طريق"], "طريق", "طريق", Place::Before),
    (&["جادة"], "جادة", "جادة", Place::Before),
    (&["ميدان"], "ميدان", "ميدان", Place::Before),
    (&["حي"], "حي", "حي", Place::Before),
];

/// Chinese street-type suffixes, longest first.
pub const ZH_STREETS: &[&str] = &["大道", "大街", "胡同", "路", "街", "道", "巷", "弄", "里"];

/// A unit designator's kind (a stable string: the USPS long form in lower case) and written forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnitType {
    pub kind: &'static str,
    pub long: &'static str,
    pub short: &'static str,
    pub short_is_standard: bool,
}

/// Hand-written unit designators in other languages: (written forms, kind, long, short).
const UNITS: &[(&[&str], &str, &str, &str)] = &[
    (&["flat"], "flat", "Flat", "Flat"),
    (&["appartement", "appt"], "apartment", "appartement", "appt"),
    (&["étage", "etage", "ét"], "floor", "étage", "ét."),
    (&["bâtiment", "batiment", "bât", "bat"], "building", "bâtiment", "bât."),
    (&["wohnung", "whg"], "apartment", "Wohnung", "Whg."),
    (&["stock", "og"], "floor", "Stock", "OG"),
    (&["departamento", "depto", "dpto"], "apartment", "Departamento", "Depto."),
    (&["piso"], "floor", "Piso", "Piso"),
    (&["apartamento", "apto", "ap"], "apartment", "Apartamento", "Apto."),
    (&["andar"], "floor", "Andar", "Andar"),
    (&["sala"], "room", "Sala", "Sala"),
    (&["bloco", "bl"], "building", "Bloco", "Bl."),
    (&["interno", "int"], "apartment", "Interno", "Int."),
    (&["piano"], "floor", "Piano", "Piano"),
    (&["واحد"], "unit", "واحد", "واحد"),
    (&["طبقه"], "floor", "طبقه", "طبقه"),
    (&["سوئیت"], "suite", "سوئیت", "سوئیت"),
    (&["آپارتمان"], "apartment", "آپارتمان", "آپارتمان"),
    (&["شقة"], "apartment", "شقة", "شقة"),
    (&["الطابق", "طابق"], "floor", "الطابق", "الطابق"),
    (&["وحدة"], "unit", "وحدة", "وحدة"),
    (&["مكتب"], "office", "مكتب", "مكتب"),
];

/// Chinese unit suffixes: (suffix, kind).
pub const ZH_UNITS: &[(&str, &str)] = &[
    ("单元", "unit"), ("號樓", "building"), ("号楼", "building"), ("座", "building"), ("栋", "building"),
    ("幢", "building"), ("层", "floor"), ("樓", "floor"), ("室", "room"), ("房", "room"),
];

/// Markers written before a house number: (written forms, canonical).
const HOUSE_MARKERS: &[&str] = &["no", "nr", "n°", "nº", "no.", "número", "num", "پلاک", "رقم", "بناية", "號", "#"];

/// The lookup key of a word: lower case, without a final dot.
pub fn key(word: &str) -> String {
    word.trim_end_matches('.').to_lowercase()
}

struct Index {
    streets: HashMap<String, Vec<StreetType>>,
    units: HashMap<String, UnitType>,
    directions: HashMap<String, &'static str>,
}

fn lines(table: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    table.lines().filter_map(|l| l.split_once('\t'))
}

fn title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        if i == 0 {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut streets: HashMap<String, Vec<StreetType>> = HashMap::new();
        let longs: HashMap<&str, &str> = lines(STREET_LONG).collect();
        let mut push = |k: String, t: StreetType| {
            let v = streets.entry(k).or_default();
            if !v.contains(&t) {
                v.push(t);
            }
        };
        // English (USPS): every written form to the abbreviation; long forms from LONGHAND.
        for (written, abbr) in lines(STREET_TYPES) {
            if written.contains(' ') || abbr.contains(' ') {
                continue; // `US HWY` and the like: multi-word, left as written
            }
            let long = longs.get(abbr).copied().unwrap_or(abbr);
            let t = StreetType { long: leak(title(long)), short: leak(title(abbr)), place: Place::After, short_is_standard: true };
            push(written.to_lowercase(), t);
        }
        for &(forms, long, short, place) in STREETS {
            let t = StreetType { long, short, place, short_is_standard: false };
            for f in forms {
                push(f.to_string(), t);
            }
            push(key(short), t);
        }
        let mut units = HashMap::new();
        for (long, abbr) in lines(UNIT_TYPES) {
            let t = UnitType { kind: leak(long.to_lowercase()), long: leak(title(long)), short: leak(title(abbr)), short_is_standard: true };
            units.insert(long.to_lowercase(), t);
            units.insert(abbr.to_lowercase(), t);
        }
        for (extra, long) in [("apt", "APARTMENT"), ("app", "APARTMENT"), ("ste", "SUITE"), ("fl", "FLOOR"), ("flr", "FLOOR"), ("rm", "ROOM"), ("bldg", "BUILDING"), ("bld", "BUILDING"), ("ofc", "OFFICE")] {
            if let Some(t) = units.get(&long.to_lowercase()).copied() {
                units.insert(extra.to_string(), t);
            }
        }
        for &(forms, kind, long, short) in UNITS {
            let t = UnitType { kind, long, short, short_is_standard: false };
            for f in forms {
                units.entry(f.to_string()).or_insert(t);
            }
        }
        let mut directions = HashMap::new();
        for (long, abbr) in lines(DIRECTIONS) {
            directions.insert(long.to_lowercase(), abbr);
            directions.insert(abbr.to_lowercase(), abbr);
        }
        Index { streets, units, directions }
    })
}

/// The street types a word may be (several when languages share a spelling: `av`, `pl`).
pub fn street_types(word: &str) -> &'static [StreetType] {
    index().streets.get(&key(word)).map_or(&[], Vec::as_slice)
}

/// A German or Dutch compound ending in a street type (`Hauptstraße`, `Lindenallee`,
/// `Kalverstraat`): the byte offset where the type starts and the type.
pub fn compound_street_type(word: &str) -> Option<(usize, StreetType)> {
    let lower = key(word);
    if lower.len() != word.trim_end_matches('.').len() {
        return None; // lower-casing changed byte lengths: offsets would not line up
    }
    for &(forms, long, short, place) in &STREETS[..11] {
        for f in forms {
            if lower.len() > f.len() + 2 && lower.ends_with(f) && lower.is_char_boundary(lower.len() - f.len()) {
                return Some((lower.len() - f.len(), StreetType { long, short, place, short_is_standard: false }));
            }
        }
        let _ = place;
    }
    None
}

pub fn unit_type(word: &str) -> Option<UnitType> {
    index().units.get(&key(word)).copied()
}

pub fn direction(word: &str) -> Option<&'static str> {
    index().directions.get(&key(word)).copied()
}

pub fn is_house_marker(word: &str) -> bool {
    let k = key(word);
    HOUSE_MARKERS.contains(&k.as_str()) || HOUSE_MARKERS.contains(&word.to_lowercase().as_str())
}
