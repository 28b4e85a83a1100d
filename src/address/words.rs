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
    /// The language of the row (`en` for the USPS table).
    pub lang: &'static str,
}

/// Hand-written street types: (language, written forms, long, short, place). The first written form
/// is the long one; lookups are case-insensitive and ignore a final dot. Types of the languages in
/// [`COMPOUNDING`] are also recognized as the end of a word (`Hauptstraße`, `Drottninggatan`).
const STREETS: &[(&str, &[&str], &str, &str, Place)] = &[
    ("de", &["straße", "strasse", "str"], "Straße", "Str.", Place::After),
    ("de", &["weg"], "Weg", "Weg", Place::After),
    ("de", &["allee"], "Allee", "Allee", Place::After),
    ("de", &["platz", "pl"], "Platz", "Pl.", Place::After),
    ("de", &["gasse"], "Gasse", "G.", Place::After),
    ("de", &["ring"], "Ring", "Ring", Place::After),
    ("de", &["damm"], "Damm", "Damm", Place::After),
    ("de", &["ufer"], "Ufer", "Ufer", Place::After),
    ("nl", &["straat", "str"], "straat", "str.", Place::After),
    ("nl", &["laan"], "laan", "ln.", Place::After),
    ("nl", &["gracht"], "gracht", "gr.", Place::After),
    ("nl", &["plein"], "plein", "pln.", Place::After),
    ("sv", &["gatan", "gata"], "gatan", "g.", Place::After),
    ("sv", &["vägen", "väg"], "vägen", "v.", Place::After),
    ("da", &["gade"], "gade", "gd.", Place::After),
    ("da", &["vej"], "vej", "vej", Place::After),
    ("ko", &["대로"], "대로", "대로", Place::After),
    ("ko", &["로"], "로", "로", Place::After),
    ("ko", &["길"], "길", "길", Place::After),
    ("fr", &["rue", "r"], "rue", "r.", Place::Before),
    ("fr", &["avenue", "av", "ave"], "avenue", "av.", Place::Before),
    ("fr", &["boulevard", "bd", "boul", "bvd"], "boulevard", "bd", Place::Before),
    ("fr", &["chemin", "ch"], "chemin", "ch.", Place::Before),
    ("fr", &["impasse", "imp"], "impasse", "imp.", Place::Before),
    ("fr", &["allée", "allee", "all"], "allée", "all.", Place::Before),
    ("fr", &["place", "pl"], "place", "pl.", Place::Before),
    ("fr", &["route", "rte"], "route", "rte", Place::Before),
    ("fr", &["quai"], "quai", "quai", Place::Before),
    ("fr", &["cours"], "cours", "crs", Place::Before),
    ("es", &["calle", "c", "cl", "c/"], "Calle", "C.", Place::Before),
    ("es", &["avenida", "av", "avda"], "Avenida", "Av.", Place::Before),
    ("es", &["paseo", "pº"], "Paseo", "P.º", Place::Before),
    ("es", &["plaza", "pza", "pl"], "Plaza", "Pza.", Place::Before),
    ("es", &["carrera", "cra", "kr"], "Carrera", "Cra.", Place::Before),
    ("es", &["camino", "cno"], "Camino", "Cno.", Place::Before),
    ("es", &["ronda", "rda"], "Ronda", "Rda.", Place::Before),
    // Portuguese: the Correios (DNE) types of logradouro most often written.
    ("pt", &["rua", "r"], "Rua", "R.", Place::Before),
    ("pt", &["avenida", "av"], "Avenida", "Av.", Place::Before),
    ("pt", &["travessa", "tv", "trav"], "Travessa", "Tv.", Place::Before),
    ("pt", &["praça", "praca", "pç"], "Praça", "Pç.", Place::Before),
    ("pt", &["estrada", "estr"], "Estrada", "Estr.", Place::Before),
    ("pt", &["alameda", "al"], "Alameda", "Al.", Place::Before),
    ("pt", &["rodovia", "rod"], "Rodovia", "Rod.", Place::Before),
    ("pt", &["largo", "lgo"], "Largo", "Lgo.", Place::Before),
    ("pt", &["ladeira", "ld"], "Ladeira", "Ld.", Place::Before),
    ("pt", &["viela"], "Viela", "Viela", Place::Before),
    ("pt", &["vila"], "Vila", "Vila", Place::Before),
    ("pt", &["vereda"], "Vereda", "Vereda", Place::Before),
    ("pt", &["viaduto"], "Viaduto", "Viaduto", Place::Before),
    ("pt", &["trecho"], "Trecho", "Trecho", Place::Before),
    ("pt", &["trevo"], "Trevo", "Trevo", Place::Before),
    ("pt", &["quadra", "qd"], "Quadra", "Qd.", Place::Before),
    ("pt", &["setor"], "Setor", "Setor", Place::Before),
    ("pt", &["pátio", "patio"], "Pátio", "Pátio", Place::Before),
    ("pt", &["esplanada"], "Esplanada", "Esplanada", Place::Before),
    ("pt", &["jardim", "jd"], "Jardim", "Jd.", Place::Before),
    ("pt", &["parque", "pq"], "Parque", "Pq.", Place::Before),
    ("pt", &["conjunto"], "Conjunto", "Conjunto", Place::Before),
    ("pt", &["loteamento"], "Loteamento", "Loteamento", Place::Before),
    ("pt", &["residencial"], "Residencial", "Residencial", Place::Before),
    ("pt", &["morro"], "Morro", "Morro", Place::Before),
    ("pt", &["recanto"], "Recanto", "Recanto", Place::Before),
    ("pt", &["chácara", "chacara"], "Chácara", "Chácara", Place::Before),
    ("pt", &["sítio", "sitio"], "Sítio", "Sítio", Place::Before),
    ("pt", &["passarela"], "Passarela", "Passarela", Place::Before),
    ("pt", &["praia"], "Praia", "Praia", Place::Before),
    ("pt", &["lagoa"], "Lagoa", "Lagoa", Place::Before),
    ("pt", &["lago"], "Lago", "Lago", Place::Before),
    ("pt", &["campo"], "Campo", "Campo", Place::Before),
    ("pt", &["vale"], "Vale", "Vale", Place::Before),
    ("pt", &["distrito"], "Distrito", "Distrito", Place::Before),
    ("pt", &["núcleo", "nucleo"], "Núcleo", "Núcleo", Place::Before),
    ("pt", &["fazenda"], "Fazenda", "Fazenda", Place::Before),
    ("pt", &["aeroporto"], "Aeroporto", "Aeroporto", Place::Before),
    ("pt", &["estação", "estacao"], "Estação", "Estação", Place::Before),
    ("pt", &["colônia", "colonia"], "Colônia", "Colônia", Place::Before),
    ("pt", &["condomínio", "condominio"], "Condomínio", "Condomínio", Place::Before),
    ("pt", &["favela"], "Favela", "Favela", Place::Before),
    ("pt", &["feira"], "Feira", "Feira", Place::Before),
    ("pt", &["área", "area"], "Área", "Área", Place::Before),
    ("it", &["via", "v"], "Via", "V.", Place::Before),
    ("it", &["viale", "v.le"], "Viale", "V.le", Place::Before),
    ("it", &["piazza", "p.za", "pza"], "Piazza", "P.za", Place::Before),
    ("it", &["corso", "c.so"], "Corso", "C.so", Place::Before),
    ("pl", &["ulica", "ul"], "ulica", "ul.", Place::Before),
    ("pl", &["aleja", "al"], "aleja", "al.", Place::Before),
    ("pl", &["plac", "pl"], "plac", "pl.", Place::Before),
    ("pl", &["osiedle", "os"], "osiedle", "os.", Place::Before),
    ("ru", &["улица", "ул"], "улица", "ул.", Place::Before),
    ("ru", &["проспект", "пр-т", "просп", "пр"], "проспект", "просп.", Place::Before),
    ("ru", &["переулок", "пер"], "переулок", "пер.", Place::Before),
    ("ru", &["шоссе", "ш"], "шоссе", "ш.", Place::Before),
    ("ru", &["бульвар", "б-р", "бул"], "бульвар", "б-р", Place::Before),
    ("ru", &["площадь", "пл"], "площадь", "пл.", Place::Before),
    ("ru", &["набережная", "наб"], "набережная", "наб.", Place::Before),
    ("ru", &["проспект", "пр-т", "просп"], "проспект", "просп.", Place::After),
    ("ru", &["переулок", "пер"], "переулок", "пер.", Place::After),
    ("ru", &["шоссе"], "шоссе", "ш.", Place::After),
    ("ru", &["бульвар", "б-р"], "бульвар", "б-р", Place::After),
    ("uk", &["вулиця", "вул"], "вулиця", "вул.", Place::Before),
    ("uk", &["проспект", "просп"], "проспект", "просп.", Place::Before),
    ("uk", &["провулок", "пров"], "провулок", "пров.", Place::Before),
    ("ms", &["jalan", "jln"], "Jalan", "Jln.", Place::Before),
    ("tr", &["caddesi", "cad", "cd"], "Caddesi", "Cad.", Place::After),
    ("tr", &["sokak", "sokağı", "sk"], "Sokak", "Sk.", Place::After),
    ("tr", &["bulvarı", "blv"], "Bulvarı", "Blv.", Place::After),
    ("in", &["marg"], "Marg", "Marg", Place::After),
    ("in", &["chowk"], "Chowk", "Chowk", Place::After),
    ("in", &["nagar"], "Nagar", "Nagar", Place::After),
    ("in", &["ganj"], "Ganj", "Ganj", Place::After),
    ("in", &["gali"], "Gali", "Gali", Place::After),
    ("in", &["colony"], "Colony", "Colony", Place::After),
    ("fa", &["خیابان", "خ"], "خیابان", "خ.", Place::Before),
    ("fa", &["کوچه", "ک"], "کوچه", "ک.", Place::Before),
    ("fa", &["بلوار", "بل"], "بلوار", "بل.", Place::Before),
    ("fa", &["میدان", "م"], "میدان", "م.", Place::Before),
    ("fa", &["بزرگراه", "اتوبان"], "بزرگراه", "بزرگراه", Place::Before),
    ("fa", &["جاده"], "جاده", "جاده", Place::Before),
    ("fa", &["کوی"], "کوی", "کوی", Place::Before),
    ("fa", &["سرک"], "سرک", "سرک", Place::Before),
    ("fa", &["بن‌بست", "بنبست"], "بن‌بست", "بن‌بست", Place::Before),
    ("fa", &["تقاطع"], "تقاطع", "تقاطع", Place::After),
    ("ar", &["شارع", "ش"], "شارع", "ش.", Place::Before),
    ("ar", &["طريق"], "طريق", "طريق", Place::Before),
    ("ar", &["جادة"], "جادة", "جادة", Place::Before),
    ("ar", &["ميدان"], "ميدان", "ميدان", Place::Before),
    ("ar", &["حي"], "حي", "حي", Place::Before),
];

/// Languages whose street types are written as the end of a compound word.
const COMPOUNDING: &[&str] = &["de", "nl", "sv", "da", "ko"];

/// The language of a country's street words, for abbreviations several languages share (`av.`).
pub fn language_of(country: Option<&str>) -> &'static str {
    match country.unwrap_or("") {
        "FR" | "BE" | "LU" | "MC" | "CI" | "SN" | "MA" | "TN" | "DZ" | "HT" => "fr",
        "ES" | "MX" | "AR" | "CO" | "CL" | "PE" | "VE" | "EC" | "UY" | "PY" | "BO" | "CR" | "PA" | "GT" | "HN"
        | "SV" | "NI" | "DO" | "CU" | "PR" => "es",
        "PT" | "BR" | "AO" | "MZ" | "CV" => "pt",
        "IT" | "SM" | "VA" => "it",
        "DE" | "AT" | "CH" | "LI" => "de",
        "NL" | "SR" => "nl",
        "PL" => "pl",
        "RU" | "BY" | "KZ" | "KG" => "ru",
        "IN" => "in",
        "IR" | "AF" | "TJ" => "fa",
        "SE" => "sv",
        "UA" => "uk",
        "MY" | "BN" => "ms",
        "TR" => "tr",
        "DK" => "da",
        "KR" => "ko",
        "SA" | "AE" | "EG" | "IQ" | "JO" | "KW" | "QA" | "BH" | "OM" | "YE" | "SY" | "LB" | "LY" | "SD" => "ar",
        _ => "en",
    }
}

/// The street type a word is at `place`, preferring `lang` where languages share a spelling.
pub fn street_type_at(word: &str, place: Place, lang: &str) -> Option<StreetType> {
    let all = street_types(word);
    // One-letter abbreviations (`v`, `r`, `c`) only in the country's own language.
    let short = key(word).chars().count() == 1;
    let at = || all.iter().filter(|t| t.place == place && (!short || t.lang == lang));
    at().find(|t| t.lang == lang).or_else(|| at().next()).copied()
}

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
    (&["studio"], "studio", "Studio", "Studio"),
    (&["appartement", "appt"], "apartment", "appartement", "appt"),
    (&["étage", "etage", "ét"], "floor", "étage", "ét."),
    (&["bâtiment", "batiment", "bât", "bat"], "building", "bâtiment", "bât."),
    (&["wohnung", "whg"], "apartment", "Wohnung", "Whg."),
    (&["stock"], "floor", "Stock", "Stock"),
    (&["og", "obergeschoss"], "floor", "OG", "OG"),
    (&["level", "lvl"], "floor", "Level", "Lvl"),
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
    (&["مبنى", "عمارة"], "building", "مبنى", "مبنى"),
    (&["ساختمان", "بلوک"], "building", "ساختمان", "ساختمان"),
    (&["квартира", "кв"], "apartment", "квартира", "кв."),
    (&["mieszkanie", "lokal"], "apartment", "mieszkanie", "m."),
];

/// Chinese unit suffixes: (suffix, kind).
pub const ZH_UNITS: &[(&str, &str)] = &[
    ("单元", "unit"), ("號樓", "building"), ("号楼", "building"), ("座", "building"), ("栋", "building"),
    ("幢", "building"), ("层", "floor"), ("樓", "floor"), ("室", "room"), ("房", "room"),
];

/// Markers written before a house number: (written forms, canonical).
const HOUSE_MARKERS: &[&str] = &["no", "nr", "n°", "nº", "no.", "número", "num", "h.no", "hno", "h.no.", "plot", "дом", "д", "پلاک", "پ", "خانه", "رقم", "بناية", "#"];

/// The lookup key of a word: lower case, without a final dot (borrowed when already lower case).
pub fn key(word: &str) -> std::borrow::Cow<'_, str> {
    let w = word.trim_end_matches('.');
    if w.chars().any(char::is_uppercase) {
        std::borrow::Cow::Owned(w.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(w)
    }
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
            let t = StreetType { long: leak(title(long)), short: leak(title(abbr)), place: Place::After, short_is_standard: true, lang: "en" };
            push(written.to_lowercase(), t);
        }
        for &(lang, forms, long, short, place) in STREETS {
            let t = StreetType { long, short, place, short_is_standard: false, lang };
            for f in forms {
                push(f.to_string(), t);
            }
            push(key(short).into_owned(), t);
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
    index().streets.get(key(word).as_ref()).map_or(&[], Vec::as_slice)
}

/// A German or Dutch compound ending in a street type (`Hauptstraße`, `Lindenallee`,
/// `Kalverstraat`): the byte offset where the type starts and the type.
pub fn compound_street_type(word: &str) -> Option<(usize, StreetType)> {
    let lower = key(word);
    if lower.len() != word.trim_end_matches('.').len() {
        return None; // lower-casing changed byte lengths: offsets would not line up
    }
    for &(lang, forms, long, short, place) in STREETS.iter().filter(|r| COMPOUNDING.contains(&r.0)) {
        for f in forms {
            if lower.len() > f.len() + 2 && lower.ends_with(f) && lower.is_char_boundary(lower.len() - f.len()) {
                return Some((lower.len() - f.len(), StreetType { long, short, place, short_is_standard: false, lang }));
            }
        }
    }
    None
}

pub fn unit_type(word: &str) -> Option<UnitType> {
    index().units.get(key(word).as_ref()).copied()
}

pub fn direction(word: &str) -> Option<&'static str> {
    index().directions.get(key(word).as_ref()).copied()
}

pub fn is_house_marker(word: &str) -> bool {
    let k = key(word);
    HOUSE_MARKERS.contains(&k.as_ref()) || HOUSE_MARKERS.contains(&word.to_lowercase().as_str())
}
