//! Import header mapping: which column of an export is which field, from the header's words in en,
//! fa, ar, zh, de, fr, es, and from the values when the header is missing or says nothing.
//!
//! Headers are compared as token lists (see [`header_tokens`]): lower-cased character by character,
//! accents and Arabic diacritics removed, Arabic ي/ك folded to Persian ی/ک, ZWNJ, punctuation and
//! camelCase boundaries made separators, lone numbers dropped (`Phone 1 - Value`). A phrase of the
//! dictionary matches a run of tokens (or, for Chinese, part of a token). When several match, the
//! one with more words wins, then the one ending the header (`Company Phone` is a phone, `Phone
//! Type` a label). The original header is never sliced: tokens are built from its characters, so
//! text whose lower-case form has another length (Turkish İ) is safe.

use super::rules::FieldKind;
use std::sync::OnceLock;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Bytes of a header looked at.
pub const HEADER_BYTES: usize = 256;
/// Sample values looked at per column.
pub const SAMPLE_ROWS: usize = 100;

/// Why a column got its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Reason {
    /// The header's words.
    Header,
    /// The sample values (the header said nothing, or contradicted them).
    Values,
}

/// The mapping of one column.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct ColumnMapping {
    pub column: usize,
    pub header: String,
    pub kind: FieldKind,
    /// A finer name for the column: `first_name`, `last_name`, `mobile`, `fax`, `city`,
    /// `birth_date` ... (the kind's name when nothing finer is known).
    pub field: &'static str,
    /// 0 to 1: how sure the mapping is (a UI asks the user to confirm below about 0.7).
    pub confidence: f32,
    pub reason: Reason,
}

use FieldKind::*;

/// The dictionary: phrase, kind, finer field. Phrases are normalized like headers.
#[rustfmt::skip]
const PHRASES: &[(&str, FieldKind, &str)] = &[
    // email
    ("email", Email, "email"), ("mail", Email, "email"), ("email address", Email, "email"), ("emailaddress", Email, "email"),
    ("email id", Email, "email"), ("mail address", Email, "email"), ("correo", Email, "email"),
    ("correo electronico", Email, "email"), ("courriel", Email, "email"), ("adresse email", Email, "email"),
    ("email adresse", Email, "email"), ("mailadresse", Email, "email"), ("emailadresse", Email, "email"),
    ("ایمیل", Email, "email"), ("پست الکترونیک", Email, "email"), ("پست الکترونیکی", Email, "email"), ("رایانامه", Email, "email"),
    ("البرید الالکترونی", Email, "email"), ("البرید", Email, "email"), ("برید الکترونی", Email, "email"),
    ("電子郵件", Email, "email"), ("电子邮件", Email, "email"), ("邮箱", Email, "email"), ("电子邮箱", Email, "email"),
    ("邮件", Email, "email"), ("郵箱", Email, "email"), ("信箱", Email, "email"), ("郵件", Email, "email"),
    ("emails", Email, "email"), ("邮箱地址", Email, "email"), ("电子邮件地址", Email, "email"), ("邮件地址", Email, "email"),
    // phone
    ("phone", Phone, "phone"), ("telephone", Phone, "phone"), ("tel", Phone, "phone"), ("phone number", Phone, "phone"),
    ("phonenumber", Phone, "phone"), ("mobile", Phone, "mobile"), ("mobile phone", Phone, "mobile"), ("cell", Phone, "mobile"),
    ("cell phone", Phone, "mobile"), ("cellphone", Phone, "mobile"), ("mobile number", Phone, "mobile"), ("whatsapp", Phone, "mobile"),
    ("fax", Phone, "fax"), ("telefax", Phone, "fax"), ("pager", Phone, "phone"), ("telefon", Phone, "phone"),
    ("telefonnummer", Phone, "phone"), ("handy", Phone, "mobile"), ("mobil", Phone, "mobile"), ("mobiltelefon", Phone, "mobile"),
    ("mobilnummer", Phone, "mobile"), ("portable", Phone, "mobile"), ("telefono", Phone, "phone"), ("movil", Phone, "mobile"),
    ("celular", Phone, "mobile"), ("numero telephone", Phone, "phone"), ("numero telefono", Phone, "phone"),
    ("تلفن", Phone, "phone"), ("شماره تلفن", Phone, "phone"), ("شماره تماس", Phone, "phone"), ("موبایل", Phone, "mobile"),
    ("شماره موبایل", Phone, "mobile"), ("همراه", Phone, "mobile"), ("تلفن همراه", Phone, "mobile"), ("شماره همراه", Phone, "mobile"),
    ("فکس", Phone, "fax"), ("نمابر", Phone, "fax"), ("هاتف", Phone, "phone"), ("الهاتف", Phone, "phone"), ("رقم الهاتف", Phone, "phone"),
    ("جوال", Phone, "mobile"), ("الجوال", Phone, "mobile"), ("رقم الجوال", Phone, "mobile"), ("محمول", Phone, "mobile"),
    ("الهاتف المحمول", Phone, "mobile"), ("فاکس", Phone, "fax"), ("رقم التواصل", Phone, "phone"), ("واتساب", Phone, "mobile"),
    ("电话", Phone, "phone"), ("手机", Phone, "mobile"), ("電話", Phone, "phone"), ("手機", Phone, "mobile"), ("座机", Phone, "phone"),
    ("传真", Phone, "fax"), ("傳真", Phone, "fax"), ("移动电话", Phone, "mobile"), ("联系电话", Phone, "phone"),
    ("phones", Phone, "phone"), ("sms", Phone, "mobile"), ("landline", Phone, "phone"), ("phone numbers", Phone, "phone"),
    // names
    ("name", Name, "full_name"), ("full name", Name, "full_name"), ("fullname", Name, "full_name"), ("contact name", Name, "full_name"),
    ("contact", Name, "full_name"), ("display name", Name, "full_name"), ("customer name", Name, "full_name"),
    ("first name", Name, "first_name"), ("firstname", Name, "first_name"), ("given name", Name, "first_name"),
    ("forename", Name, "first_name"), ("fname", Name, "first_name"), ("last name", Name, "last_name"), ("lastname", Name, "last_name"),
    ("surname", Name, "last_name"), ("family name", Name, "last_name"), ("lname", Name, "last_name"),
    ("middle name", Name, "middle_name"), ("additional name", Name, "middle_name"), ("vorname", Name, "first_name"),
    ("nachname", Name, "last_name"), ("familienname", Name, "last_name"), ("prenom", Name, "first_name"), ("nom", Name, "last_name"),
    ("nom famille", Name, "last_name"), ("nom complet", Name, "full_name"), ("nombre", Name, "first_name"),
    ("apellido", Name, "last_name"), ("apellidos", Name, "last_name"), ("nombre completo", Name, "full_name"),
    ("نام", Name, "first_name"), ("نام کامل", Name, "full_name"), ("نام خانوادگی", Name, "last_name"),
    ("نام و نام خانوادگی", Name, "full_name"), ("نام مخاطب", Name, "full_name"), ("نام مشتری", Name, "full_name"),
    ("اسم", Name, "full_name"), ("الاسم", Name, "full_name"), ("الاسم الکامل", Name, "full_name"), ("الاسم الاول", Name, "first_name"),
    ("اسم العایلة", Name, "last_name"), ("اسم العایله", Name, "last_name"), ("الاسم الاخیر", Name, "last_name"), ("اللقب", Name, "last_name"),
    ("姓名", Name, "full_name"), ("名字", Name, "first_name"), ("姓", Name, "last_name"), ("名", Name, "first_name"),
    ("联系人", Name, "full_name"), ("聯絡人", Name, "full_name"), ("客户姓名", Name, "full_name"),
    ("收货人", Name, "full_name"), ("收件人", Name, "full_name"),
    // companies
    ("company", Company, "company"), ("company name", Company, "company"), ("organization", Company, "company"),
    ("organisation", Company, "company"), ("organization name", Company, "company"), ("account", Company, "company"),
    ("account name", Company, "company"), ("employer", Company, "company"), ("business name", Company, "company"),
    ("firma", Company, "company"), ("unternehmen", Company, "company"), ("firmenname", Company, "company"),
    ("entreprise", Company, "company"), ("societe", Company, "company"), ("empresa", Company, "company"),
    ("compania", Company, "company"), ("organizacion", Company, "company"), ("شرکت", Company, "company"),
    ("نام شرکت", Company, "company"), ("سازمان", Company, "company"), ("الشرکة", Company, "company"), ("شرکة", Company, "company"),
    ("اسم الشرکة", Company, "company"), ("المؤسسة", Company, "company"), ("公司", Company, "company"), ("公司名称", Company, "company"),
    ("单位", Company, "company"), ("企业", Company, "company"), ("工作单位", Company, "company"), ("公司名", Company, "company"),
    ("機構", Company, "company"), ("组织", Company, "company"), ("accounts", Company, "company"),
    // addresses
    ("address", Address, "address"), ("street", Address, "street"), ("street address", Address, "street"),
    ("address line", Address, "street"), ("city", Address, "city"), ("town", Address, "city"), ("state", Address, "region"),
    ("province", Address, "region"), ("region", Address, "region"), ("county", Address, "region"), ("district", Address, "region"),
    ("suburb", Address, "city"), ("po box", Address, "street"), ("adresse", Address, "address"), ("strasse", Address, "street"),
    ("stadt", Address, "city"), ("ort", Address, "city"), ("bundesland", Address, "region"), ("rue", Address, "street"),
    ("ville", Address, "city"), ("direccion", Address, "address"), ("calle", Address, "street"), ("ciudad", Address, "city"),
    ("provincia", Address, "region"), ("estado", Address, "region"), ("آدرس", Address, "address"), ("نشانی", Address, "address"),
    ("خیابان", Address, "street"), ("شهر", Address, "city"), ("استان", Address, "region"), ("العنوان", Address, "address"),
    ("عنوان", Address, "address"), ("الشارع", Address, "street"), ("المدینة", Address, "city"), ("المحافظة", Address, "region"),
    ("المنطقة", Address, "region"), ("地址", Address, "address"), ("街道", Address, "street"), ("城市", Address, "city"),
    ("省", Address, "region"), ("省份", Address, "region"), ("市", Address, "city"), ("区", Address, "region"),
    ("详细地址", Address, "address"), ("通讯地址", Address, "address"), ("地區", Address, "region"), ("城市名", Address, "city"),
    ("addresses", Address, "address"), ("wohnort", Address, "city"), ("poblacion", Address, "city"), ("localidad", Address, "city"),
    ("الامارة", Address, "region"), ("emirate", Address, "region"),
    // postcodes
    ("postcode", Postcode, "postcode"), ("postal code", Postcode, "postcode"), ("zip", Postcode, "postcode"),
    ("zip code", Postcode, "postcode"), ("zipcode", Postcode, "postcode"), ("postal", Postcode, "postcode"),
    ("plz", Postcode, "postcode"), ("postleitzahl", Postcode, "postcode"), ("code postal", Postcode, "postcode"),
    ("codigo postal", Postcode, "postcode"), ("کد پستی", Postcode, "postcode"), ("الرمز البریدی", Postcode, "postcode"),
    ("الرمز البریدي", Postcode, "postcode"), ("邮编", Postcode, "postcode"), ("邮政编码", Postcode, "postcode"),
    ("郵遞區號", Postcode, "postcode"), ("郵編", Postcode, "postcode"), ("cp", Postcode, "postcode"),
    ("کدپستی", Postcode, "postcode"),
    // countries
    ("country", Country, "country"), ("country region", Country, "country"), ("nation", Country, "country"),
    ("land", Country, "country"), ("pays", Country, "country"), ("pais", Country, "country"), ("کشور", Country, "country"),
    ("الدولة", Country, "country"), ("البلد", Country, "country"), ("دولة", Country, "country"), ("国家", Country, "country"),
    ("國家", Country, "country"), ("国家地区", Country, "country"), ("country code", Country, "country"),
    // dates
    ("birthday", Date, "birth_date"), ("birthdate", Date, "birth_date"), ("birth date", Date, "birth_date"),
    ("date birth", Date, "birth_date"), ("dob", Date, "birth_date"), ("geburtsdatum", Date, "birth_date"),
    ("geburtstag", Date, "birth_date"), ("date naissance", Date, "birth_date"), ("fecha nacimiento", Date, "birth_date"),
    ("cumpleanos", Date, "birth_date"), ("تاریخ تولد", Date, "birth_date"), ("تولد", Date, "birth_date"),
    ("تاریخ المیلاد", Date, "birth_date"), ("المیلاد", Date, "birth_date"), ("生日", Date, "birth_date"),
    ("出生日期", Date, "birth_date"), ("出生年月", Date, "birth_date"), ("date", Date, "date"), ("created", Date, "date"),
    ("create date", Date, "date"), ("created date", Date, "date"), ("created at", Date, "date"), ("created on", Date, "date"),
    ("modified", Date, "date"), ("updated", Date, "date"), ("updated at", Date, "date"), ("activity date", Date, "date"),
    ("anniversary", Date, "date"), ("datum", Date, "date"), ("fecha", Date, "date"), ("تاریخ", Date, "date"),
    ("التاریخ", Date, "date"), ("日期", Date, "date"), ("创建时间", Date, "date"), ("创建日期", Date, "date"),
    ("时间", Date, "date"), ("تاریخ ایجاد", Date, "date"), ("تاریخ الانشاء", Date, "date"), ("time", Date, "date"),
    // websites
    ("website", Website, "website"), ("web page", Website, "website"), ("webpage", Website, "website"), ("url", Website, "website"),
    ("homepage", Website, "website"), ("home page", Website, "website"), ("site", Website, "website"), ("web", Website, "website"),
    ("domain", Website, "website"), ("webseite", Website, "website"), ("internetseite", Website, "website"),
    ("sitio", Website, "website"), ("pagina", Website, "website"), ("وبسایت", Website, "website"), ("سایت", Website, "website"),
    ("الموقع", Website, "website"), ("الموقع الالکترونی", Website, "website"), ("网站", Website, "website"),
    ("网址", Website, "website"), ("主页", Website, "website"), ("網站", Website, "website"), ("linkedin", Website, "website"),
    // free text that would otherwise match a word above
    ("title", Text, "title"), ("job title", Text, "title"), ("position", Text, "title"), ("department", Text, "text"),
    ("salutation", Text, "text"), ("prefix", Text, "text"), ("suffix", Text, "text"), ("notes", Text, "text"), ("note", Text, "text"),
    ("description", Text, "text"), ("gender", Text, "text"), ("nickname", Text, "text"), ("tags", Text, "text"),
    ("lead source", Text, "text"), ("lead status", Text, "text"), ("lifecycle stage", Text, "text"), ("stage", Text, "text"),
    ("industry", Text, "text"), ("user name", Text, "text"), ("username", Text, "text"), ("currency", Text, "text"),
    ("time zone", Text, "text"), ("timezone", Text, "text"), ("language", Text, "text"), ("deal name", Text, "text"),
    ("campaign name", Text, "text"), ("account number", Text, "text"), ("phonetic", Text, "text"), ("yomi", Text, "text"),
    ("عنوان شغلی", Text, "title"), ("سمت", Text, "title"), ("شغل", Text, "title"), ("توضیحات", Text, "text"), ("یادداشت", Text, "text"),
    ("جنسیت", Text, "text"), ("المسمی الوظیفی", Text, "title"), ("الوظیفة", Text, "title"), ("ملاحظات", Text, "text"),
    ("الجنس", Text, "text"), ("职位", Text, "title"), ("职务", Text, "title"), ("备注", Text, "text"), ("性别", Text, "text"),
    ("部门", Text, "text"), ("来源", Text, "text"), ("负责人", Text, "text"), ("poste", Text, "title"), ("cargo", Text, "title"),
    ("beruf", Text, "title"), ("titel", Text, "title"), ("anrede", Text, "text"), ("position titel", Text, "title"),
    ("ip address", Text, "text"), ("别名", Text, "text"), ("websites", Website, "website"),
];

/// Words that make a column a label or a flag about the field rather than the field itself
/// (`Phone 1 - Type`, `Email Opt Out`, `Contact Owner`, `Record ID`).
const MODIFIERS: &[&str] = &[
    "type", "label", "status", "opt", "optout", "unsubscribed", "subscribed", "verified", "verification", "consent",
    "bounce", "bounced", "owner", "id", "count", "source", "campaign", "permission", "subscription", "frequency",
    "confirmed", "ext", "extension", "kind", "typ", "نوع", "وضعیت", "حالة", "类型", "状态", "類型", "狀態", "reason",
    "marketing", "accepts",
];

/// Tokens that carry nothing (Google Contacts' `Phone 1 - Value`, `Address 1 - Formatted`).
const NOISE: &[&str] = &["value", "formatted", "of", "the", "de", "du", "des", "la", "le", "l", "d", "del", "der", "die", "das", "your", "و"];

/// Token pairs written apart that mean one word.
const JOINS: &[(&str, &str, &str)] = &[
    ("e", "mail", "email"), ("ای", "میل", "ایمیل"), ("وب", "سایت", "وبسایت"), ("web", "site", "website"),
    ("post", "code", "postcode"), ("birth", "day", "birthday"), ("home", "page", "homepage"),
];

fn fold_char(c: char, out: &mut String, sep: &mut bool) {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c),
        '\u{064A}' | '\u{0649}' => '\u{06CC}',
        '\u{0643}' => '\u{06A9}',
        _ => c,
    };
    if c == '\u{0640}' || is_combining_mark(c) {
        return; // tatweel, accents, harakat
    }
    if c == 'ß' {
        out.push_str("ss");
        return;
    }
    if c.is_alphanumeric() {
        if *sep && !out.is_empty() {
            out.push(' ');
        }
        *sep = false;
        out.extend(c.to_lowercase());
    } else {
        *sep = true;
    }
}

/// The tokens of a header (see the module documentation).
pub fn header_tokens(header: &str) -> Vec<String> {
    let mut flat = String::new();
    let mut sep = false;
    let mut prev_lower = false;
    let mut bytes = 0;
    for c in header.chars() {
        bytes += c.len_utf8();
        if bytes > HEADER_BYTES {
            break;
        }
        // camelCase and letter/digit boundaries are separators: firstName, email2.
        let upper = c.is_ascii_uppercase();
        if prev_lower && (upper || c.is_ascii_digit()) {
            sep = true;
        }
        prev_lower = c.is_ascii_lowercase();
        // NFD per character: accents and hamza become marks that fold_char drops.
        for d in std::iter::once(c).nfd() {
            fold_char(d, &mut flat, &mut sep);
        }
    }
    let mut tokens: Vec<String> = Vec::new();
    for t in flat.split(' ') {
        if t.is_empty() || t.chars().all(|c| c.is_numeric()) || NOISE.contains(&t) {
            continue;
        }
        if let Some(prev) = tokens.last() {
            if let Some(&(_, _, joined)) = JOINS.iter().find(|(a, b, _)| a == prev && *b == t) {
                *tokens.last_mut().unwrap_or(&mut String::new()) = joined.to_owned();
                continue;
            }
        }
        tokens.push(t.to_owned());
    }
    tokens
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FFFF}')
}

struct Entry {
    tokens: Vec<String>,
    /// A phrase in Chinese matches part of a token.
    cjk: bool,
    kind: FieldKind,
    field: &'static str,
}

fn dictionary() -> &'static [Entry] {
    static D: OnceLock<Vec<Entry>> = OnceLock::new();
    D.get_or_init(|| {
        PHRASES
            .iter()
            .map(|&(p, kind, field)| {
                let tokens = header_tokens(p);
                let cjk = p.chars().all(is_cjk);
                Entry { tokens, cjk, kind, field }
            })
            .filter(|e| !e.tokens.is_empty())
            .collect()
    })
}

/// The kind a header names, its finer field name and the confidence; `None` when no word of
/// the dictionary is in it.
pub fn kind_for_header(header: &str) -> Option<(FieldKind, &'static str, f32)> {
    let tokens = header_tokens(header);
    if tokens.is_empty() {
        return None;
    }
    // (score, entry, whole header matched, ends the header, tokens used)
    let mut best: Option<(u32, &Entry, bool, bool)> = None;
    for e in dictionary() {
        let Some((end, whole)) = find(&tokens, e) else { continue };
        let at_end = end == tokens.len();
        let units = if e.cjk { e.tokens[0].chars().count() as u32 * 5 } else { e.tokens.len() as u32 * 10 };
        let score = units + if at_end { 6 } else { 0 } + if whole { 50 } else { 0 };
        if best.as_ref().is_none_or(|b| score > b.0) {
            best = Some((score, e, whole, at_end));
        }
    }
    // "Date of ..." in any language, and English "<participle> at/on" (Created At, Connected On), are dates
    // whatever else they name (تاریخ ثبت‌نام is a registration date, not a name).
    const DATE_HEADS: &[&str] = &["date", "fecha", "datum", "تاریخ", "日期"];
    let participle = tokens.len() >= 2
        && matches!(tokens[tokens.len() - 1].as_str(), "at" | "on")
        && tokens[tokens.len() - 2].ends_with("ed");
    let date_head = DATE_HEADS.contains(&tokens[0].as_str()) || tokens[0].ends_with("datum") || participle;
    if date_head && best.as_ref().is_none_or(|b| b.1.kind != Date) {
        return Some((Date, "date", 0.85));
    }
    let (_, e, whole, at_end) = best?;
    // A modifier outside the phrase makes the column a label or flag about the field
    // (except "Email ID", which means the address in much of the world).
    let modified = tokens.iter().any(|t| {
        MODIFIERS.contains(&t.as_str()) && !e.tokens.contains(t) && !(e.kind == Email && t == "id")
    }) || (e.cjk && MODIFIERS.iter().any(|m| m.chars().all(is_cjk) && tokens.iter().any(|t| t.contains(m))));
    if modified && e.kind != Text {
        return Some((Text, "text", 0.8));
    }
    let confidence = if whole { 0.97 } else if at_end { 0.9 } else { 0.75 };
    Some((e.kind, e.field, confidence))
}

/// Where `e` matches in `tokens`: the end of the match and whether it is the whole header.
fn find(tokens: &[String], e: &Entry) -> Option<(usize, bool)> {
    if e.cjk {
        let p = &e.tokens[0];
        let i = tokens.iter().position(|t| t.contains(p.as_str()))?;
        let whole = tokens.len() == 1 && tokens[0] == *p;
        let ends = tokens[i].ends_with(p.as_str());
        return Some((if ends { i + 1 } else { i }, whole));
    }
    let n = e.tokens.len();
    if n > tokens.len() {
        return None;
    }
    let i = (0..=tokens.len() - n).rev().find(|&i| tokens[i..i + n] == e.tokens[..])?;
    Some((i + n, n == tokens.len()))
}

/// What a value looks like, for sniffing.
fn sniff(v: &str) -> Option<FieldKind> {
    let v = v.trim();
    if v.is_empty() || v.len() > 512 {
        return None;
    }
    let digits = v.chars().filter(|c| c.is_numeric()).count();
    let letters = v.chars().filter(|c| c.is_alphabetic()).count();
    if let Some(at) = v.find('@') {
        if v[at + 1..].contains('.') && !v.contains(' ') {
            return Some(Email);
        }
    }
    let lower: String = v.chars().flat_map(char::to_lowercase).collect();
    if lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.") {
        return Some(Website);
    }
    // Dates first: 1990-03-04 has the digits and dashes of a phone number.
    if digits > 0 && letters <= 12 && !v.starts_with('+') {
        let o = crate::date::standardize_date(v, &crate::date::DateOptions::default());
        if o.valid && (v.contains(['-', '/', '.', '年']) || letters > 0) {
            return Some(Date);
        }
    }
    let phone_chars = v.chars().all(|c| c.is_numeric() || " +-().\u{2010}-\u{2015}/x#".contains(c) || c.is_whitespace());
    if phone_chars && (7..=15).contains(&digits) && !v.contains('/') {
        return Some(Phone);
    }
    if (3..=10).contains(&v.len()) && digits >= 3 && letters <= 3 && v.chars().all(|c| c.is_alphanumeric() || c == ' ' || c == '-') {
        return Some(Postcode);
    }
    if digits == 0 && crate::country::find(v).is_some() {
        return Some(Country);
    }
    if digits == 0 && !v.contains(' ') && v.contains('.') && letters > 3 {
        let tld = v.rsplit('.').next().unwrap_or("");
        if tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()) {
            return Some(Website);
        }
    }
    let words: Vec<&str> = lower.split_whitespace().collect();
    const LEGAL: &[&str] = &[
        "inc", "inc.", "ltd", "ltd.", "llc", "gmbh", "corp", "corp.", "co.", "plc", "ag", "sa", "s.a.", "srl", "bv", "limited",
        "company", "group", "شرکت", "شركة", "مؤسسه", "有限公司", "公司", "集团",
    ];
    if words.iter().any(|w| LEGAL.contains(w)) || LEGAL.iter().any(|l| !l.is_ascii() && lower.contains(l)) {
        return Some(Company);
    }
    if digits == 0 && (1..=4).contains(&words.len()) && letters * 10 >= v.chars().count() * 8 {
        return Some(Name);
    }
    None
}

/// Dial codes (`+98`, `0049`, `1`) in a "country code" column.
fn is_dial_code(v: &str) -> bool {
    let v = v.trim();
    let d = v.strip_prefix('+').unwrap_or(v);
    !d.is_empty() && d.len() <= 4 && d.bytes().all(|b| b.is_ascii_digit()) && (v.starts_with('+') || v.starts_with("00"))
}

/// The kind most sample values have, with the share of non-empty values that have it.
fn values_kind(values: &[&str]) -> Option<(FieldKind, f32)> {
    let mut counts = [0usize; 10];
    let mut seen = 0;
    for v in values.iter().take(SAMPLE_ROWS) {
        if v.trim().is_empty() {
            continue;
        }
        seen += 1;
        if let Some(k) = sniff(v) {
            counts[k as usize] += 1;
        }
    }
    if seen == 0 {
        return None;
    }
    let (i, &n) = counts.iter().enumerate().max_by_key(|&(i, &n)| (n, usize::MAX - i))?;
    (n > 0).then(|| (FieldKind::ALL[i], n as f32 / seen as f32))
}

/// Values that a strong detector recognizes (the others, names and companies, are guesses).
fn strong(k: FieldKind) -> bool {
    matches!(k, Email | Phone | Website | Date)
}

/// Maps every column: by its header when a word of the dictionary is in it, by its values when
/// not, and by its values when they clearly contradict the header (an `Email` column of phone
/// numbers). `rows` are sample rows (at most [`SAMPLE_ROWS`] are read), cells by column index.
pub fn map_headers<H: AsRef<str>, V: AsRef<str>>(headers: &[H], rows: &[Vec<V>]) -> Vec<ColumnMapping> {
    headers
        .iter()
        .enumerate()
        .map(|(column, h)| {
            let header = h.as_ref();
            let values: Vec<&str> = rows.iter().take(SAMPLE_ROWS).filter_map(|r| r.get(column)).map(|v| v.as_ref()).collect();
            let by_values = values_kind(&values);
            let mapping = |kind, field, confidence, reason| ColumnMapping {
                column,
                header: header.chars().take(HEADER_BYTES).collect(),
                kind,
                field,
                confidence,
                reason,
            };
            match (kind_for_header(header), by_values) {
                (Some((Country, _, _)), _) if values.iter().filter(|v| !v.trim().is_empty()).count() > 0
                    && values.iter().filter(|v| !v.trim().is_empty()).all(|v| is_dial_code(v)) =>
                {
                    mapping(Text, "dial_code", 0.9, Reason::Values)
                }
                (Some((hk, field, conf)), Some((vk, share)))
                    if hk != Text && vk != hk && strong(vk) && share >= 0.8 && !(hk == Phone && vk == Date) =>
                {
                    let _ = (field, conf);
                    mapping(vk, vk.as_str(), share * 0.9, Reason::Values)
                }
                (Some((hk, field, conf)), _) => mapping(hk, field, conf, Reason::Header),
                (None, Some((vk, share))) if share >= 0.5 => mapping(vk, vk.as_str(), (share * 0.85).min(0.85), Reason::Values),
                (None, _) => mapping(Text, "text", 0.3, Reason::Values),
            }
        })
        .collect()
}
