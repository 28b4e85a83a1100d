//! From raw rows to compact standardized records: each column has a role, each role's values are
//! standardized (names folded, email canonical keys, phones to E.164, dates to ISO, streets with
//! abbreviated types and their house number apart) into one arena of strings per batch.

use crate::name::keys::given_name_groups;
use crate::limits::DEDUP_FIELD_BYTES;

/// What a column holds. Unknown columns are carried but not compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Id,
    GivenName,
    Surname,
    FullName,
    Email,
    Phone,
    Company,
    Website,
    Street,
    StreetNumber,
    Address2,
    City,
    Postcode,
    State,
    Country,
    BirthDate,
    NationalId,
    /// Last-modified date, used by survivorship ("most recent"), never compared.
    Updated,
    Ignore,
}

impl Role {
    /// Every role with its stable name (the JS option and the CLI use these names).
    pub const ALL: [(Role, &'static str); 19] = [
        (Role::Id, "id"),
        (Role::GivenName, "given_name"),
        (Role::Surname, "surname"),
        (Role::FullName, "full_name"),
        (Role::Email, "email"),
        (Role::Phone, "phone"),
        (Role::Company, "company"),
        (Role::Website, "website"),
        (Role::Street, "street"),
        (Role::StreetNumber, "street_number"),
        (Role::Address2, "address2"),
        (Role::City, "city"),
        (Role::Postcode, "postcode"),
        (Role::State, "state"),
        (Role::Country, "country"),
        (Role::BirthDate, "birth_date"),
        (Role::NationalId, "national_id"),
        (Role::Updated, "updated"),
        (Role::Ignore, "ignore"),
    ];

    pub fn as_str(self) -> &'static str {
        Role::ALL.iter().find(|(r, _)| *r == self).map_or("ignore", |(_, n)| n)
    }

    pub fn from_name(name: &str) -> Option<Role> {
        Role::ALL.iter().find(|(_, n)| *n == name).map(|(r, _)| *r)
    }

    /// The role a column header suggests (`first_name`, `E-Mail`, `zip`, `soc_sec_id` ...).
    pub fn guess(header: &str) -> Role {
        let h: String = header.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
        match h.as_str() {
            "id" | "recid" | "recordid" | "key" | "uid" | "contactid" => Role::Id,
            "givenname" | "firstname" | "first" | "given" | "forename" | "fname" => Role::GivenName,
            "surname" | "lastname" | "last" | "familyname" | "lname" | "family" => Role::Surname,
            "name" | "fullname" | "contactname" | "displayname" => Role::FullName,
            "email" | "emailaddress" | "mail" => Role::Email,
            "phone" | "telephone" | "tel" | "mobile" | "phonenumber" | "cell" => Role::Phone,
            "company" | "organization" | "organisation" | "companyname" | "employer" | "account" => Role::Company,
            "website" | "url" | "web" | "domain" | "homepage" => Role::Website,
            "address" | "address1" | "street" | "streetaddress" | "addressline1" | "address_1" => Role::Street,
            "streetnumber" | "housenumber" | "number" => Role::StreetNumber,
            "address2" | "addressline2" => Role::Address2,
            "city" | "suburb" | "town" | "locality" => Role::City,
            "postcode" | "zip" | "zipcode" | "postalcode" => Role::Postcode,
            "state" | "province" | "region" | "county" => Role::State,
            "country" | "countrycode" => Role::Country,
            "dateofbirth" | "dob" | "birthdate" | "birthday" | "born" => Role::BirthDate,
            "socsecid" | "ssn" | "nationalid" | "taxid" | "passport" => Role::NationalId,
            "updated" | "updatedat" | "lastmodified" | "modified" | "modifiedat" => Role::Updated,
            _ => Role::Ignore,
        }
    }
}

/// Roles of the columns of a batch, in column order.
#[derive(Clone, Debug, PartialEq)]
pub struct Schema {
    pub roles: Vec<Role>,
}

impl Schema {
    /// Roles guessed from header names; a column named `cluster_id` or any unknown name is ignored.
    pub fn guess(headers: &[&str]) -> Schema {
        Schema { roles: headers.iter().map(|h| Role::guess(h)).collect() }
    }

    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}

/// Slots of a standardized record.
pub mod slot {
    pub const ID: usize = 0;
    pub const GIVEN: usize = 1;
    pub const SURNAME: usize = 2;
    pub const EMAIL: usize = 3;
    pub const PHONE: usize = 4;
    pub const COMPANY: usize = 5;
    pub const STREET: usize = 6;
    pub const NUMBER: usize = 7;
    pub const ADDRESS2: usize = 8;
    pub const CITY: usize = 9;
    pub const POSTCODE: usize = 10;
    pub const STATE: usize = 11;
    pub const COUNTRY: usize = 12;
    pub const BIRTH: usize = 13;
    pub const NATIONAL_ID: usize = 14;
    /// The registrable-ish domain of a business email or the website (blocking only).
    pub const DOMAIN: usize = 15;
    /// The given name's nickname/variant groups, space-separated (Bob -> "robert").
    pub const NICKNAMES: usize = 16;
    /// Phonetic keys of the given name and surname (blocking).
    pub const SOUND_GIVEN: usize = 17;
    pub const SOUND_SURNAME: usize = 18;
    pub const COUNT: usize = 19;
}

/// Standardized records back to back: one string arena and `slot::COUNT` end offsets per record.
#[derive(Clone, Debug, Default)]
pub struct Store {
    pub(crate) text: String,
    pub(crate) ends: Vec<u32>,
    /// Which input a record came from (0, or 1 for the second file of a linkage).
    pub(crate) source: Vec<u8>,
}

impl Store {
    pub fn len(&self) -> usize {
        self.source.len()
    }

    pub fn is_empty(&self) -> bool {
        self.source.is_empty()
    }

    /// Slot `s` of record `r` ("" when missing).
    #[inline]
    pub fn get(&self, r: usize, s: usize) -> &str {
        let i = r * slot::COUNT + s;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        self.text.get(start..self.ends[i] as usize).unwrap_or("")
    }

    pub fn source(&self, r: usize) -> u8 {
        self.source[r]
    }

    pub(crate) fn push(&mut self, rec: &Prepared, source: u8) {
        for s in &rec.slots {
            self.text.push_str(s);
            self.ends.push(self.text.len() as u32);
        }
        self.source.push(source);
    }
}

/// One standardized record before it joins a [`Store`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Prepared {
    pub slots: [String; slot::COUNT],
    /// Columns (by index) skipped for being over [`DEDUP_FIELD_BYTES`].
    pub too_long: Vec<usize>,
    full_name: String,
    street_raw: String,
}

/// How values are read.
#[derive(Clone, Debug, Default)]
pub struct PrepareOptions {
    /// Region for phone numbers written without a country code when the record has no country.
    pub default_region: Option<String>,
    /// Day-first (default) or month-first for 03/04/1990.
    pub month_first: bool,
}

/// What a [`Memo`] table holds.
#[derive(Clone, Copy, Debug)]
enum Kind {
    Fold,
    Company,
    Country,
    Birth,
    Street,
    Email,
    Phone,
    Given,
    Surname,
}

const KINDS: usize = 9;

/// Entries a [`Memo`] table holds before it is emptied.
const MEMO_CAP: usize = 1 << 16;

/// One remembered result: the context it was computed in (a phone's region) and one or two values.
#[derive(Clone, Debug)]
struct Memoed {
    key: Box<str>,
    context: Box<str>,
    a: Box<str>,
    b: Box<str>,
}

/// Results of the standardizers already run in a batch, by cell text: a value that recurs (a
/// city, a company, a shared phone, a duplicate's email) is standardized once. Each table is
/// emptied when it reaches `MEMO_CAP` entries, so memory stays bounded on any input. The
/// standardizers are pure, so the outcome is the same with or without it.
#[derive(Clone, Debug, Default)]
pub struct Memo {
    on: bool,
    /// The values computed last when off.
    scratch: (String, String),
    /// By [`super::quick_hash`] of the key (the key itself is checked on a hit).
    tables: [super::FastMap<u64, Memoed>; KINDS],
}

impl Memo {
    pub fn new() -> Memo {
        Memo { on: true, ..Memo::default() }
    }

    /// `f(key)`'s two values, computed once per key and context.
    fn get(&mut self, kind: Kind, key: &str, context: &str, f: impl FnOnce(&str) -> (String, String)) -> (&str, &str) {
        if !self.on {
            self.scratch = f(key);
            return (&self.scratch.0, &self.scratch.1);
        }
        let table = &mut self.tables[kind as usize];
        let h = super::quick_hash(key);
        let hit = table.get(&h).is_some_and(|m| super::same_bytes(m.key.as_bytes(), key.as_bytes()) && &*m.context == context);
        if !hit {
            let (a, b) = f(key);
            if table.len() >= MEMO_CAP {
                table.clear();
            }
            table.insert(h, Memoed { key: key.into(), context: context.into(), a: a.into(), b: b.into() });
        }
        match table.get(&h) {
            Some(m) => (&m.a, &m.b),
            None => ("", ""),
        }
    }

    /// Sets `out` to `f(key)`.
    fn set(&mut self, kind: Kind, key: &str, out: &mut String, f: impl FnOnce(&str) -> String) {
        let (a, _) = self.get(kind, key, "", |k| (f(k), String::new()));
        out.clear();
        out.push_str(a);
    }

    /// Appends [`fold_key`] of `v` to `out`: the ASCII path is cheaper than a lookup, so only
    /// other text is remembered.
    fn fold(&mut self, v: &str, out: &mut String) {
        if v.is_ascii() {
            fold_ascii_into(v, out);
        } else {
            let (a, _) = self.get(Kind::Fold, v, "", |k| (fold_key(k), String::new()));
            out.push_str(a);
        }
    }

    /// Sets `out` to [`fold_key`] of `v`.
    fn set_fold(&mut self, v: &str, out: &mut String) {
        out.clear();
        self.fold(v, out);
    }
}

/// Standardizes one row (values in schema column order; missing trailing values are empty).
pub fn prepare(row: &[&str], schema: &Schema, opts: &PrepareOptions) -> Prepared {
    let mut p = Prepared::default();
    prepare_into(row, schema, opts, &mut Memo::default(), &mut p);
    p
}

/// [`prepare`] into a reused record, with the batch's [`Memo`].
pub fn prepare_into(row: &[&str], schema: &Schema, opts: &PrepareOptions, memo: &mut Memo, p: &mut Prepared) {
    for s in p.slots.iter_mut() {
        s.clear();
    }
    p.too_long.clear();
    let Prepared { slots, full_name, street_raw, .. } = p;
    full_name.clear();
    street_raw.clear();
    let mut email_raw = "";
    let mut phone_raw = "";
    let mut website = "";
    for (i, role) in schema.roles.iter().enumerate() {
        let v = row.get(i).copied().unwrap_or("");
        if v.len() > DEDUP_FIELD_BYTES {
            p.too_long.push(i);
            continue;
        }
        let v = v.trim();
        if v.is_empty() {
            continue;
        }
        match role {
            Role::Id => {
                slots[slot::ID].clear();
                slots[slot::ID].push_str(v);
            }
            Role::GivenName => memo.fold(v, &mut slots[slot::GIVEN]),
            Role::Surname => memo.fold(v, &mut slots[slot::SURNAME]),
            Role::FullName => memo.set_fold(v, full_name),
            Role::Email => email_raw = v,
            Role::Phone => phone_raw = v,
            Role::Company => memo.set(Kind::Company, v, &mut slots[slot::COMPANY], company_core),
            Role::Website => website = v,
            Role::Street => {
                if !street_raw.is_empty() {
                    street_raw.push(' ');
                }
                street_raw.push_str(v)
            }
            Role::StreetNumber => memo.set_fold(v, &mut slots[slot::NUMBER]),
            Role::Address2 => memo.set_fold(v, &mut slots[slot::ADDRESS2]),
            Role::City => memo.set_fold(v, &mut slots[slot::CITY]),
            Role::Postcode => memo.set_fold(v, &mut slots[slot::POSTCODE]),
            Role::State => memo.set_fold(v, &mut slots[slot::STATE]),
            Role::Country => memo.set(Kind::Country, v, &mut slots[slot::COUNTRY], country_code),
            Role::BirthDate => {
                let (iso, _) = memo.get(Kind::Birth, v, if opts.month_first { "m" } else { "d" }, |v| (birth_date(v, opts.month_first), String::new()));
                slots[slot::BIRTH].clear();
                slots[slot::BIRTH].push_str(iso);
            }
            Role::NationalId => memo.set_fold(v, &mut slots[slot::NATIONAL_ID]),
            Role::Updated | Role::Ignore => {}
        }
    }
    if !full_name.is_empty() && slots[slot::GIVEN].is_empty() && slots[slot::SURNAME].is_empty() {
        // "Given Middle Surname": the last word is the surname, the first the given name.
        let mut words = full_name.split(' ').filter(|w| !w.is_empty());
        let first = words.next().unwrap_or("");
        let last = words.next_back();
        match last {
            Some(l) => {
                slots[slot::GIVEN].push_str(first);
                slots[slot::SURNAME].push_str(l);
            }
            None => slots[slot::SURNAME].push_str(first),
        }
    }
    // Names compare without inner spaces ("mary ann" = "maryann"); keys come from the words.
    let given = &mut slots[slot::GIVEN];
    if !given.is_empty() {
        let (nicknames, sound) = memo.get(Kind::Given, given, "", |g| (given_name_groups(g).join(" "), crate::name::keys::phonetic_key(g).replace(' ', "")));
        slots[slot::NICKNAMES].push_str(nicknames);
        slots[slot::SOUND_GIVEN].push_str(sound);
    }
    slots[slot::GIVEN].retain(|c| c != ' ');
    let (sound, _) = memo.get(Kind::Surname, &slots[slot::SURNAME], "", |s| (crate::name::keys::phonetic_key(s).replace(' ', ""), String::new()));
    slots[slot::SOUND_SURNAME].push_str(sound);
    slots[slot::SURNAME].retain(|c| c != ' ');
    if !street_raw.is_empty() {
        let (street, number) = memo.get(Kind::Street, street_raw, "", street_and_number);
        slots[slot::STREET].push_str(street);
        if slots[slot::NUMBER].is_empty() {
            slots[slot::NUMBER].push_str(number);
        }
    }
    if !email_raw.is_empty() {
        let (key, domain) = memo.get(Kind::Email, email_raw, "", email_key);
        slots[slot::EMAIL].push_str(key);
        if slots[slot::DOMAIN].is_empty() {
            slots[slot::DOMAIN].push_str(domain);
        }
    }
    if !website.is_empty() {
        slots[slot::DOMAIN] = website_domain(website);
    }
    if !phone_raw.is_empty() {
        // Two slots borrowed at once (get_disjoint_mut needs Rust 1.86; the crate's MSRV is 1.82).
        const _: () = assert!(slot::PHONE < slot::COUNTRY);
        let (low, high) = slots.split_at_mut(slot::COUNTRY);
        let (phone, country) = (&mut low[slot::PHONE], &high[0]);
        let region = if country.is_empty() { opts.default_region.as_deref().unwrap_or("") } else { country.as_str() };
        let (key, _) = memo.get(Kind::Phone, phone_raw, region, |v| (phone_key(v, region), String::new()));
        phone.push_str(key);
    }
}

/// The name module's matching fold ([`crate::name::keys::fold_key`]), with a fast path for ASCII
/// (the same result: letters and digits lowercased, runs of spaces and hyphens one space).
pub fn fold_key(v: &str) -> String {
    if !v.is_ascii() {
        return crate::name::keys::fold_key(v);
    }
    let mut out = String::with_capacity(v.len());
    fold_ascii_into(v, &mut out);
    out
}

/// [`fold_key`] of ASCII `v`, appended to `out`.
fn fold_ascii_into(v: &str, out: &mut String) {
    let start = out.len();
    for b in v.bytes() {
        if b.is_ascii_alphanumeric() {
            out.push(char::from(b.to_ascii_lowercase()));
        } else if (b.is_ascii_whitespace() || b == b'-') && out.len() > start && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if out.len() > start && out.ends_with(' ') {
        out.pop();
    }
}

/// Legal-form and filler words dropped from company names.
const COMPANY_NOISE: &[&str] = &[
    "inc", "incorporated", "llc", "ltd", "limited", "gmbh", "co", "corp", "corporation", "company", "sa", "s", "a", "me",
    "ltda", "plc", "ag", "kg", "sarl", "sas", "and", "the", "mbh", "ohg", "eireli", "pvt", "private", "llp", "lp", "bv",
    "nv", "srl", "spa", "cie", "et", "und", "e", "filho", "filhos",
];

/// A company name without legal forms, case, accents and punctuation ("Green and Sons, Inc." -> "greensons").
pub fn company_core(v: &str) -> String {
    let words = fold_key(v);
    let mut out = String::new();
    for w in words.split(' ') {
        if !COMPANY_NOISE.contains(&w) {
            out.push_str(w);
        }
    }
    if out.is_empty() {
        fold_key(v)
    } else {
        out
    }
}

/// Street-type words and their abbreviation.
const STREET_TYPES: &[(&str, &str)] = &[
    ("street", "st"), ("str", "st"), ("strasse", "st"), ("strase", "st"), ("road", "rd"), ("avenue", "ave"), ("av", "ave"),
    ("drive", "dr"), ("lane", "ln"), ("court", "ct"), ("place", "pl"), ("crescent", "cres"), ("circuit", "cct"),
    ("boulevard", "blvd"), ("terrace", "tce"), ("highway", "hwy"), ("parade", "pde"), ("close", "cl"), ("square", "sq"),
    ("circle", "cir"), ("parkway", "pkwy"), ("way", "wy"), ("alley", "aly"), ("mount", "mt"), ("north", "n"),
    ("south", "s"), ("east", "e"), ("west", "w"), ("apartment", "apt"), ("suite", "ste"), ("rue", "r"),
];

/// Street without its house number, words folded and types abbreviated; and the house number.
pub fn street_and_number(v: &str) -> (String, String) {
    let words = fold_key(v);
    let mut street = String::new();
    let mut number = String::new();
    for (i, w) in words.split(' ').enumerate() {
        let digits = w.bytes().take_while(u8::is_ascii_digit).count();
        if number.is_empty() && digits > 0 && (i == 0 || digits == w.len()) {
            number.push_str(&w[..digits]);
            let rest = &w[digits..];
            if !rest.is_empty() {
                push_word(&mut street, rest);
            }
            continue;
        }
        let w = STREET_TYPES.iter().find(|(long, _)| *long == w).map_or(w, |(_, short)| short);
        push_word(&mut street, w);
    }
    (street, number)
}

fn push_word(out: &mut String, w: &str) {
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(w);
}

/// The provider-aware canonical address (a suggested fix for a mistyped popular domain applied),
/// and its domain when it is a business one.
#[cfg(feature = "email")]
fn email_key(v: &str) -> (String, String) {
    use crate::email::{validate_email, DomainKind, EmailOptions};
    let opts = EmailOptions::default();
    let out = validate_email(v, &opts);
    let fixed = out.suggestion.as_deref().map(|s| validate_email(s, &opts).into_owned());
    let best = fixed.as_ref().filter(|f| f.canonical.is_some()).unwrap_or(&out);
    let key = match &best.canonical {
        Some(c) => c.to_string(),
        None => best.value.to_lowercase(),
    };
    let domain = if best.domain_kind == Some(DomainKind::Business) {
        key.rsplit_once('@').map(|(_, d)| d.to_string()).unwrap_or_default()
    } else {
        String::new()
    };
    (key, domain)
}

#[cfg(not(feature = "email"))]
fn email_key(v: &str) -> (String, String) {
    (v.to_lowercase(), String::new())
}

/// E.164 without the `+` when the number is valid for the record's region, else its digits.
#[cfg(feature = "phone")]
fn phone_key(v: &str, region: &str) -> String {
    use crate::phone::{validate_phone, PhoneOptions};
    // Only E.164 is used: no INTERNATIONAL, NATIONAL or RFC 3966 forms.
    let opts = PhoneOptions { default_region: (!region.is_empty()).then_some(region), formats: false, ..PhoneOptions::default() };
    match validate_phone(v, &opts).e164 {
        Some(e) => e.trim_start_matches('+').to_string(),
        None => digits(v),
    }
}

#[cfg(not(feature = "phone"))]
fn phone_key(v: &str, _region: &str) -> String {
    digits(v)
}

fn digits(v: &str) -> String {
    v.chars()
        .filter_map(|c| c.to_digit(10).map(|d| (b'0' + d as u8) as char).or_else(|| crate::text::non_ascii_digit_value(c).map(|d| (b'0' + d) as char)))
        .collect()
}

fn country_code(v: &str) -> String {
    match crate::country::find(v) {
        Some(c) => c.alpha2.to_string(),
        None => fold_key(v),
    }
}

/// `YYYYMMDD` (Gregorian) when the date is understood, else its digits.
fn birth_date(v: &str, month_first: bool) -> String {
    use crate::date::{standardize_date, DateOptions, DateOrder};
    let opts = DateOptions { order: if month_first { DateOrder::MonthFirst } else { DateOrder::DayFirst }, ..DateOptions::default() };
    match standardize_date(v, &opts).iso {
        Some(iso) => iso.chars().filter(char::is_ascii_digit).collect(),
        None => digits(v),
    }
}

/// The host of a website without `www.` (`https://www.Acme.com/about` -> `acme.com`).
fn website_domain(v: &str) -> String {
    let v = v.trim().to_lowercase();
    let v = v.split_once("://").map_or(v.as_str(), |(_, r)| r);
    let host = v.split(['/', '?', '#', ':']).next().unwrap_or("");
    host.trim_start_matches("www.").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ascii_fold_is_the_name_fold() {
        let mut rand = crate::test_rand::xorshift(0xf01d_a5c1);
        let pool = [" ", "  ", "-", "\t", ".", "'", ",", "a", "B", "7", "Mary", "ann", "\n", "/"];
        let random = (0..5000).map(|_| (0..rand(9)).map(|_| pool[rand(pool.len())]).collect::<String>());
        let fixed = ["  Mary-Ann  O'Brien ", "A.B. Smith", "x\ty", "--", "", "Jean - Luc", "ACME, Inc.", "12 Main St."].map(String::from);
        for v in fixed.into_iter().chain(random) {
            let v = v.as_str();
            assert_eq!(fold_key(v), crate::name::keys::fold_key(v), "{v:?}");
        }
    }

    #[test]
    fn standardizes_a_contact() {
        let schema = Schema::guess(&["rec_id", "first_name", "last_name", "email", "phone", "company", "address", "city", "postcode", "country", "date_of_birth"]);
        let p = prepare(
            &["c1", "Melinda", "Scott", "Melinda.Scott72@GMIAL.com", "(201) 555-4967", "Green and Sons, Inc.", "21092 Justin Alley", "Williamsstad", "85163", "US", "26/12/1981"],
            &schema,
            &PrepareOptions::default(),
        );
        assert_eq!(p.slots[slot::GIVEN], "melinda");
        assert_eq!(p.slots[slot::EMAIL], "melindascott72@gmail.com");
        assert_eq!(p.slots[slot::PHONE], "12015554967");
        assert_eq!(p.slots[slot::COMPANY], "greensons");
        assert_eq!(p.slots[slot::STREET], "justin aly");
        assert_eq!(p.slots[slot::NUMBER], "21092");
        assert_eq!(p.slots[slot::COUNTRY], "US");
        assert_eq!(p.slots[slot::BIRTH], "19811226");
    }
}
