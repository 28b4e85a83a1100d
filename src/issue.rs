//! The result model every field uses: typed issues with stable codes and localized messages, and
//! the record of changes that standardization made.

use crate::locale::Locale;
use std::borrow::Cow;

/// How bad an issue is. An `Error` makes the value invalid; a `Warning` is advice (a suggestion,
/// a flag such as a disposable domain) that the caller's policy may or may not block on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// Defines [`Code`] and its table in one place, so a code's string, severity, description and its
/// messages in every locale can never drift apart. Messages use `{name}` placeholders for params.
macro_rules! codes {
    ($( $variant:ident = $code:literal, $sev:ident, $desc:literal,
        en: $en:literal, fa: $fa:literal, ar: $ar:literal, zh: $zh:literal; )*) => {
        /// A stable issue code. The string form (`Code::as_str`) is the public contract.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Code { $($variant,)* }

        /// One row of the code table.
        pub struct CodeInfo {
            pub code: Code,
            pub name: &'static str,
            pub severity: Severity,
            pub description: &'static str,
            /// Message templates indexed by [`Locale`] (en, fa, ar, zh).
            pub templates: [&'static str; 4],
        }

        /// Every code, in documentation order.
        pub static CODES: &[CodeInfo] = &[
            $(CodeInfo {
                code: Code::$variant,
                name: $code,
                severity: Severity::$sev,
                description: $desc,
                templates: [$en, $fa, $ar, $zh],
            },)*
        ];
    };
}

codes! {
    InputNotString = "input.not_string", Error, "The value is not a string (JS callers only).",
        en: "Enter text.", fa: "یک متن وارد کنید.", ar: "أدخل نصًا.", zh: "请输入文本。";
    InputTooLong = "input.too_long", Error, "The input is longer than the field's byte cap; it was not processed.",
        en: "This is too long (more than {max} bytes).", fa: "این مقدار بیش از حد طولانی است (بیش از {max} بایت).",
        ar: "هذه القيمة طويلة جدًا (أكثر من {max} بايت).", zh: "内容过长（超过 {max} 字节）。";
    InputEmpty = "input.empty", Error, "Nothing but whitespace was entered.",
        en: "Enter a value.", fa: "مقداری وارد کنید.", ar: "أدخل قيمة.", zh: "请输入内容。";
    EmailMissingAt = "email.missing_at", Error, "No @ separates a local part from a domain.",
        en: "An email address needs an @ sign.", fa: "نشانی ایمیل باید علامت @ داشته باشد.",
        ar: "يجب أن يحتوي البريد الإلكتروني على العلامة @.", zh: "电子邮件地址需要包含 @ 符号。";
    EmailMultipleAt = "email.multiple_at", Error, "More than one @ outside a quoted local part.",
        en: "An email address has only one @ sign.", fa: "نشانی ایمیل فقط یک علامت @ دارد.",
        ar: "يحتوي البريد الإلكتروني على علامة @ واحدة فقط.", zh: "电子邮件地址只能有一个 @ 符号。";
    EmailLocalEmpty = "email.local_empty", Error, "Nothing before the @.",
        en: "Enter the part before the @.", fa: "بخش پیش از @ را وارد کنید.",
        ar: "أدخل الجزء الذي يسبق @.", zh: "请输入 @ 之前的部分。";
    EmailDomainEmpty = "email.domain_empty", Error, "Nothing after the @.",
        en: "Enter the part after the @.", fa: "بخش پس از @ را وارد کنید.",
        ar: "أدخل الجزء الذي يلي @.", zh: "请输入 @ 之后的部分。";
    EmailContainsSpace = "email.contains_space", Error, "Whitespace inside the address (outside a quoted local part).",
        en: "An email address cannot contain spaces.", fa: "نشانی ایمیل نمی‌تواند فاصله داشته باشد.",
        ar: "لا يمكن أن يحتوي البريد الإلكتروني على مسافات.", zh: "电子邮件地址不能包含空格。";
    EmailLocalInvalidChar = "email.local_invalid_char", Error, "A character not allowed in an unquoted local part.",
        en: "The character {char} is not allowed before the @.", fa: "نویسهٔ {char} پیش از @ مجاز نیست.",
        ar: "الحرف {char} غير مسموح به قبل @.", zh: "@ 之前不允许使用字符 {char}。";
    EmailLocalDots = "email.local_dots", Error, "The local part starts or ends with a dot, or has two dots in a row.",
        en: "The part before the @ cannot start or end with a dot or have two dots in a row.",
        fa: "بخش پیش از @ نمی‌تواند با نقطه شروع یا تمام شود یا دو نقطهٔ پشت سر هم داشته باشد.",
        ar: "لا يمكن أن يبدأ الجزء الذي يسبق @ بنقطة أو ينتهي بها أو يحتوي على نقطتين متتاليتين.",
        zh: "@ 之前的部分不能以点开头或结尾，也不能有连续的点。";
    EmailLocalTooLong = "email.local_too_long", Error, "The local part is over 64 octets (RFC 5321).",
        en: "The part before the @ is too long (at most {max} characters).",
        fa: "بخش پیش از @ بیش از حد طولانی است (حداکثر {max} نویسه).",
        ar: "الجزء الذي يسبق @ طويل جدًا (بحد أقصى {max} حرفًا).", zh: "@ 之前的部分过长（最多 {max} 个字符）。";
    EmailTooLong = "email.too_long", Error, "The address is over 254 octets (RFC 5321 path limit).",
        en: "This email address is too long (at most {max} characters).",
        fa: "این نشانی ایمیل بیش از حد طولانی است (حداکثر {max} نویسه).",
        ar: "عنوان البريد الإلكتروني طويل جدًا (بحد أقصى {max} حرفًا).", zh: "电子邮件地址过长（最多 {max} 个字符）。";
    EmailQuotedLocal = "email.quoted_local", Error, "A quoted local part (\"john doe\"@...), rejected unless allowQuoted.",
        en: "Quoted addresses are not accepted.", fa: "نشانی‌های داخل گیومه پذیرفته نمی‌شوند.",
        ar: "العناوين المحاطة بعلامات اقتباس غير مقبولة.", zh: "不接受带引号的地址。";
    EmailComment = "email.comment", Error, "An RFC 5322 comment in parentheses, rejected unless allowComments.",
        en: "Remove the text in parentheses.", fa: "متن داخل پرانتز را حذف کنید.",
        ar: "احذف النص الموجود بين الأقواس.", zh: "请删除括号中的文字。";
    EmailIpDomain = "email.ip_domain", Error, "An IP-literal domain ([192.0.2.1]), rejected unless allowIpDomain.",
        en: "Use a domain name, not an IP address.", fa: "به جای نشانی IP از نام دامنه استفاده کنید.",
        ar: "استخدم اسم نطاق وليس عنوان IP.", zh: "请使用域名，而不是 IP 地址。";
    EmailIpDomainInvalid = "email.ip_domain_invalid", Error, "A bracketed domain that is not a valid IPv4 or IPv6 literal.",
        en: "The address in brackets is not a valid IP address.", fa: "نشانی داخل کروشه یک نشانی IP معتبر نیست.",
        ar: "العنوان الموجود بين القوسين ليس عنوان IP صالحًا.", zh: "方括号中的内容不是有效的 IP 地址。";
    EmailSingleLabelDomain = "email.single_label_domain", Error, "A domain without a dot (localhost), rejected unless allowSingleLabel.",
        en: "The domain needs a dot, like example.com.", fa: "دامنه باید نقطه داشته باشد، مانند example.com.",
        ar: "يجب أن يحتوي النطاق على نقطة، مثل example.com.", zh: "域名需要包含点，例如 example.com。";
    EmailDomainInvalidChar = "email.domain_invalid_char", Error, "A character not allowed in a domain name.",
        en: "The character {char} is not allowed in the domain.", fa: "نویسهٔ {char} در دامنه مجاز نیست.",
        ar: "الحرف {char} غير مسموح به في النطاق.", zh: "域名中不允许使用字符 {char}。";
    EmailDomainEmptyLabel = "email.domain_empty_label", Error, "The domain starts with a dot or has two dots in a row.",
        en: "The domain cannot start with a dot or have two dots in a row.",
        fa: "دامنه نمی‌تواند با نقطه شروع شود یا دو نقطهٔ پشت سر هم داشته باشد.",
        ar: "لا يمكن أن يبدأ النطاق بنقطة أو يحتوي على نقطتين متتاليتين.", zh: "域名不能以点开头，也不能有连续的点。";
    EmailDomainHyphen = "email.domain_hyphen", Error, "A domain label starts or ends with a hyphen.",
        en: "A part of the domain cannot start or end with a hyphen.", fa: "بخش‌های دامنه نمی‌توانند با خط تیره شروع یا تمام شوند.",
        ar: "لا يمكن أن يبدأ جزء من النطاق بشرطة أو ينتهي بها.", zh: "域名的各部分不能以连字符开头或结尾。";
    EmailDomainLabelTooLong = "email.domain_label_too_long", Error, "A domain label is over 63 octets in ASCII form.",
        en: "A part of the domain is too long (at most {max} characters).",
        fa: "بخشی از دامنه بیش از حد طولانی است (حداکثر {max} نویسه).",
        ar: "جزء من النطاق طويل جدًا (بحد أقصى {max} حرفًا).", zh: "域名的某一部分过长（最多 {max} 个字符）。";
    EmailDomainTooLong = "email.domain_too_long", Error, "The domain is over 253 octets in ASCII form.",
        en: "The domain is too long (at most {max} characters).", fa: "دامنه بیش از حد طولانی است (حداکثر {max} نویسه).",
        ar: "النطاق طويل جدًا (بحد أقصى {max} حرفًا).", zh: "域名过长（最多 {max} 个字符）。";
    EmailIdnInvalid = "email.idn_invalid", Error, "An internationalized domain label that cannot be converted to punycode.",
        en: "The domain contains characters that cannot be used in a domain name.",
        fa: "دامنه نویسه‌هایی دارد که در نام دامنه قابل استفاده نیستند.",
        ar: "يحتوي النطاق على أحرف لا يمكن استخدامها في اسم النطاق.", zh: "域名包含不能用于域名的字符。";
    EmailTldInvalid = "email.tld_invalid", Error, "The last label of the domain is numeric or malformed.",
        en: "The domain must end with a valid ending such as .com.", fa: "دامنه باید با پسوندی معتبر مانند .com تمام شود.",
        ar: "يجب أن ينتهي النطاق بامتداد صالح مثل ‎.com.", zh: "域名必须以有效的后缀结尾，例如 .com。";
    EmailTldUnknown = "email.tld_unknown", Error, "The top-level domain is not in the IANA list (unless allowUnknownTld).",
        en: "The domain ending {tld} does not exist.", fa: "پسوند دامنهٔ {tld} وجود ندارد.",
        ar: "امتداد النطاق {tld} غير موجود.", zh: "域名后缀 {tld} 不存在。";
    EmailReservedDomain = "email.reserved_domain", Error, "A reserved domain that never receives mail (.test, .example, .invalid, .localhost; RFC 2606).",
        en: "{domain} is a reserved domain that cannot receive email.", fa: "{domain} یک دامنهٔ رزروشده است و ایمیل دریافت نمی‌کند.",
        ar: "{domain} نطاق محجوز لا يستقبل البريد الإلكتروني.", zh: "{domain} 是保留域名，无法接收电子邮件。";
    EmailDomainTypo = "email.domain_typo", Warning, "The domain looks like a typo of a known one; params.suggestion holds the corrected address.",
        en: "Did you mean {suggestion}?", fa: "آیا منظورتان {suggestion} بود؟", ar: "هل تقصد {suggestion}؟", zh: "您是指 {suggestion} 吗？";
    EmailDisposable = "email.disposable", Warning, "The domain belongs to a disposable (throwaway) email service.",
        en: "{domain} is a disposable email service.", fa: "{domain} یک سرویس ایمیل یک‌بارمصرف است.",
        ar: "{domain} خدمة بريد إلكتروني مؤقتة.", zh: "{domain} 是一次性邮箱服务。";
    EmailRoleAccount = "email.role_account", Warning, "The local part names a role (info@, admin@, noreply@), not a person.",
        en: "This looks like a shared address ({local}@), not a person's.", fa: "این نشانی به نظر مشترک است ({local}@)، نه متعلق به یک شخص.",
        ar: "يبدو هذا عنوانًا مشتركًا ({local}@) وليس عنوان شخص.", zh: "这看起来是共享地址（{local}@），而不是个人地址。";
    EmailPlaceholder = "email.placeholder", Warning, "A placeholder or test address (test@test.com, a@a.com, x@example.com).",
        en: "This looks like a placeholder, not a real address.", fa: "این به نظر یک نشانی آزمایشی است، نه یک نشانی واقعی.",
        ar: "يبدو هذا عنوانًا تجريبيًا وليس عنوانًا حقيقيًا.", zh: "这看起来是占位地址，而不是真实地址。";
    PhoneNotANumber = "phone.not_a_number", Error, "The text does not look like a phone number (fewer than three digits, or other characters in it).",
        en: "This does not look like a phone number.", fa: "این به شمارهٔ تلفن شبیه نیست.",
        ar: "لا يبدو هذا رقم هاتف.", zh: "这看起来不像电话号码。";
    PhoneInvalidCountryCode = "phone.invalid_country_code", Error, "No known country calling code: none was written and no default region was given, or the one written does not exist.",
        en: "Add a valid country code, starting with +.", fa: "کد کشور معتبری وارد کنید که با + شروع شود.",
        ar: "أضف رمز دولة صالحًا يبدأ بـ +.", zh: "请添加以 + 开头的有效国家代码。";
    PhoneTooShort = "phone.too_short", Error, "Too few digits for a number of its country.",
        en: "This phone number is too short.", fa: "این شمارهٔ تلفن خیلی کوتاه است.",
        ar: "رقم الهاتف هذا قصير جدًا.", zh: "电话号码太短。";
    PhoneTooLong = "phone.too_long", Error, "Too many digits for a number of its country.",
        en: "This phone number is too long.", fa: "این شمارهٔ تلفن خیلی بلند است.",
        ar: "رقم الهاتف هذا طويل جدًا.", zh: "电话号码太长。";
    PhoneInvalidLength = "phone.invalid_length", Error, "A number of digits that no number of its country has.",
        en: "This phone number has the wrong number of digits.", fa: "تعداد ارقام این شمارهٔ تلفن نادرست است.",
        ar: "عدد أرقام رقم الهاتف هذا غير صحيح.", zh: "电话号码的位数不正确。";
    PhoneInvalidForRegion = "phone.invalid_for_region", Error, "A possible length, but no number of its country has these digits.",
        en: "This is not a valid phone number.", fa: "این شمارهٔ تلفن معتبر نیست.",
        ar: "هذا ليس رقم هاتف صالحًا.", zh: "这不是有效的电话号码。";
    PhoneHasLetters = "phone.has_letters", Error, "Letters in the number (a vanity number such as 1-800-FLOWERS), rejected unless allowLetters.",
        en: "Use digits only.", fa: "فقط از رقم استفاده کنید.", ar: "استخدم الأرقام فقط.", zh: "请只使用数字。";
    PhonePlaceholder = "phone.placeholder", Warning, "All one digit or a run such as 1234567890: likely typed to get past a required field.",
        en: "This looks like a placeholder, not a real number.", fa: "این به نظر یک شمارهٔ ساختگی است، نه یک شمارهٔ واقعی.",
        ar: "يبدو هذا رقمًا وهميًا وليس رقمًا حقيقيًا.", zh: "这看起来是占位号码，而不是真实号码。";
    CountryUnknown = "country.unknown", Error, "Not a country name or code that intake knows (ISO 3166-1 names in en, fa, ar, zh, de, fr, es, common variants, alpha-2, alpha-3 and numeric codes).",
        en: "This is not a country we recognize.", fa: "این کشور شناخته نشد.", ar: "لم يتم التعرف على هذا البلد.", zh: "无法识别该国家或地区。";
    DateUnparsable = "date.unparsable", Error, "Not a date in any format intake reads.",
        en: "This is not a date we can read.", fa: "این تاریخ قابل خواندن نیست.", ar: "لا يمكن قراءة هذا التاريخ.", zh: "无法识别该日期。";
    DateInvalid = "date.invalid", Error, "A date that does not exist in its calendar (31 April, 30 Esfand in a common year).",
        en: "This date does not exist.", fa: "این تاریخ وجود ندارد.", ar: "هذا التاريخ غير موجود.", zh: "该日期不存在。";
    DateAmbiguous = "date.ambiguous", Warning, "Day and month could be either way round (03/04/1990); read by the locale's order, params.alternative holds the other reading.",
        en: "Day and month could be swapped; read as {value}.", fa: "روز و ماه ممکن است جابه‌جا باشند؛ به صورت {value} خوانده شد.",
        ar: "قد يكون اليوم والشهر متبادلين؛ قُرئ على أنه {value}.", zh: "日和月可能颠倒；已按 {value} 读取。";
    DateInFuture = "date.in_future", Error, "A birth date after today.",
        en: "A birth date cannot be in the future.", fa: "تاریخ تولد نمی‌تواند در آینده باشد.",
        ar: "لا يمكن أن يكون تاريخ الميلاد في المستقبل.", zh: "出生日期不能晚于今天。";
    DateTooOld = "date.too_old", Error, "A birth date more than 130 years before today.",
        en: "This birth date is too far in the past.", fa: "این تاریخ تولد بیش از حد قدیمی است.",
        ar: "تاريخ الميلاد هذا قديم جدًا.", zh: "该出生日期过早。";

    // ---- name.* (src/name, issue 5) ----
    NameTooLong = "name.too_long", Error, "A name longer than any real one (more than params.max characters); returned as typed.",
        en: "This name is too long (at most {max} characters).", fa: "این نام بیش از حد طولانی است (حداکثر {max} نویسه).",
        ar: "هذا الاسم طويل جدًا (بحد أقصى {max} حرفًا).", zh: "姓名过长（最多 {max} 个字符）。";
    NameKeyboardMash = "name.keyboard_mash", Error, "Letters typed along a keyboard row (asdf, qwerty, شسیب), an alphabet run (abcd), a repeated chunk (asdasd) or a long word with no vowel: not a name.",
        en: "This does not look like a real name.", fa: "این به یک نام واقعی شبیه نیست.",
        ar: "لا يبدو هذا اسمًا حقيقيًا.", zh: "这看起来不像真实的姓名。";
    NameRepeatedChars = "name.repeated_chars", Error, "One letter four or more times in a row, or a word that is one letter repeated (ooo, جججج).",
        en: "This name repeats the same letter too many times.", fa: "در این نام یک حرف بیش از حد تکرار شده است.",
        ar: "يتكرر حرف واحد في هذا الاسم مرات كثيرة.", zh: "姓名中同一个字符重复次数过多。";
    NamePlaceholder = "name.placeholder", Error, "A placeholder typed to get past a required field (test, n/a, none, xxx, -, \"first name\", ندارد, 测试).",
        en: "Enter a real name.", fa: "یک نام واقعی وارد کنید.", ar: "أدخل اسمًا حقيقيًا.", zh: "请输入真实姓名。";
    NameEmailInName = "name.email_in_name", Error, "An email address typed into a name field.",
        en: "This looks like an email address, not a name.", fa: "این به نشانی ایمیل شبیه است، نه نام.",
        ar: "يبدو هذا عنوان بريد إلكتروني وليس اسمًا.", zh: "这看起来是电子邮件地址，而不是姓名。";
    NamePhoneInName = "name.phone_in_name", Error, "A phone number (seven or more digits) typed into a name field.",
        en: "This looks like a phone number, not a name.", fa: "این به شمارهٔ تلفن شبیه است، نه نام.",
        ar: "يبدو هذا رقم هاتف وليس اسمًا.", zh: "这看起来是电话号码，而不是姓名。";
    NameAllDigits = "name.all_digits", Error, "Digits and no letters.",
        en: "A name cannot be only digits.", fa: "نام نمی‌تواند فقط از رقم تشکیل شود.",
        ar: "لا يمكن أن يتكون الاسم من أرقام فقط.", zh: "姓名不能只包含数字。";
    NameHasDigits = "name.has_digits", Error, "Letters mixed with digits (John2).",
        en: "A name cannot contain digits.", fa: "نام نمی‌تواند رقم داشته باشد.",
        ar: "لا يمكن أن يحتوي الاسم على أرقام.", zh: "姓名不能包含数字。";
    NameInvalidChars = "name.invalid_chars", Error, "Symbols no name has (# $ % < > = + _ { } [ ] | \\ / ~ ^ * and emoji); params.char holds the first.",
        en: "The character {char} is not allowed in a name.", fa: "نویسهٔ {char} در نام مجاز نیست.",
        ar: "الحرف {char} غير مسموح به في الاسم.", zh: "姓名中不允许使用字符 {char}。";
    NameMixedScripts = "name.mixed_scripts", Warning, "Letters of two writing systems in one name (Latin and Arabic, Latin and Cyrillic); params.scripts lists them.",
        en: "This name mixes writing systems ({scripts}).", fa: "این نام چند خط را با هم دارد ({scripts}).",
        ar: "يجمع هذا الاسم بين أنظمة كتابة مختلفة ({scripts}).", zh: "该姓名混用了多种文字（{scripts}）。";

    // ---- company.* (src/company, issue 5) ----
    CompanyJunk = "company.junk", Error, "Not a name: no letters, one letter repeated, a single letter, or a run of keyboard keys (asdf, qwerty, ضصثق).",
        en: "This does not look like a company name.", fa: "این به نام یک شرکت شبیه نیست.",
        ar: "لا يبدو هذا اسم شركة.", zh: "这看起来不像公司名称。";
    CompanyPlaceholder = "company.placeholder", Warning, "A placeholder (n/a, none, test, self-employed, ندارد, 无) or a legal form with no name.",
        en: "This looks like a placeholder, not a company name.", fa: "این به نظر یک مقدار ساختگی است، نه نام یک شرکت.",
        ar: "يبدو هذا قيمة وهمية وليس اسم شركة.", zh: "这看起来是占位内容，而不是公司名称。";

    // ---- website.* (src/website, issue 5) ----
    WebsiteInvalid = "website.invalid", Error, "Not a web address: spaces, characters no host name may hold, an empty or over-long label, a bad port.",
        en: "This is not a valid web address.", fa: "این نشانی وب معتبر نیست.", ar: "هذا ليس عنوان ويب صالحًا.", zh: "这不是有效的网址。";
    WebsiteNotHttp = "website.not_http", Error, "A scheme other than http or https (ftp:, mailto:, javascript: ...); params.scheme holds it.",
        en: "Enter a web address starting with http:// or https:// (not {scheme}:).",
        fa: "نشانی وبی وارد کنید که با http:// یا https:// شروع شود (نه {scheme}:).",
        ar: "أدخل عنوان ويب يبدأ بـ http:// أو https:// (وليس {scheme}:).", zh: "请输入以 http:// 或 https:// 开头的网址（而不是 {scheme}:）。";
    WebsiteEmail = "website.email", Error, "An email address typed into a website field.",
        en: "This is an email address, not a website.", fa: "این یک نشانی ایمیل است، نه یک وب‌سایت.",
        ar: "هذا عنوان بريد إلكتروني وليس موقعًا إلكترونيًا.", zh: "这是电子邮件地址，不是网站。";
    WebsiteMissingTld = "website.missing_tld", Error, "A host without a dot (acme, localhost): no domain ending.",
        en: "Add the domain ending, like .com.", fa: "پسوند دامنه را اضافه کنید، مانند .com.",
        ar: "أضف امتداد النطاق، مثل ‎.com.", zh: "请添加域名后缀，例如 .com。";
    WebsiteTldUnknown = "website.tld_unknown", Error, "The top-level domain is not in the Public Suffix List (every ICANN TLD is); params.tld holds it.",
        en: "The domain ending {tld} does not exist.", fa: "پسوند دامنهٔ {tld} وجود ندارد.",
        ar: "امتداد النطاق {tld} غير موجود.", zh: "域名后缀 {tld} 不存在。";
    WebsiteTooLong = "website.too_long", Error, "The host is over 253 octets in ASCII form, or the standardized address over the cap.",
        en: "This web address is too long (at most {max} characters).", fa: "این نشانی وب بیش از حد طولانی است (حداکثر {max} نویسه).",
        ar: "عنوان الويب هذا طويل جدًا (بحد أقصى {max} حرفًا).", zh: "网址过长（最多 {max} 个字符）。";
    WebsiteIpHost = "website.ip_host", Warning, "The host is an IP address rather than a domain name.",
        en: "Use a domain name, not an IP address.", fa: "به جای نشانی IP از نام دامنه استفاده کنید.",
        ar: "استخدم اسم نطاق وليس عنوان IP.", zh: "请使用域名，而不是 IP 地址。";
    WebsitePlaceholder = "website.placeholder", Warning, "A placeholder site (example.com, yourwebsite.com, domain.com) or a reserved domain (.test, .example, .invalid, .localhost; RFC 2606).",
        en: "This looks like a placeholder, not a real website.", fa: "این به نظر یک نشانی ساختگی است، نه یک وب‌سایت واقعی.",
        ar: "يبدو هذا عنوانًا وهميًا وليس موقعًا حقيقيًا.", zh: "这看起来是占位网址，而不是真实网站。";
    WebsiteHandleInvalid = "website.handle_invalid", Error, "A social handle that the network named does not allow (characters or length); params.network holds the network.",
        en: "This is not a valid {network} handle.", fa: "این شناسهٔ {network} معتبر نیست.",
        ar: "هذا ليس معرّف {network} صالحًا.", zh: "这不是有效的 {network} 账号名。";
    WebsiteHandleNoNetwork = "website.handle_no_network", Error, "An @handle with no network: give the profile address, a prefix (instagram: @name) or the network option.",
        en: "Enter the full profile address (for example https://x.com/name) or the network.",
        fa: "نشانی کامل صفحه (مثلاً https://x.com/name) یا نام شبکه را وارد کنید.",
        ar: "أدخل عنوان الملف الشخصي الكامل (مثل https://x.com/name) أو اسم الشبكة.", zh: "请输入完整的主页地址（例如 https://x.com/name）或社交网络名称。";

    // ---- address.* and postcode.* (src/address, issue 5) ----
    AddressEmpty = "address.empty", Error, "Nothing but whitespace and punctuation was entered as an address.",
        en: "Enter an address.", fa: "نشانی را وارد کنید.", ar: "أدخل العنوان.", zh: "请输入地址。";
    AddressPlaceholder = "address.placeholder", Warning, "A placeholder rather than an address (n/a, none, test, xxx, 123, -).",
        en: "This looks like a placeholder, not a real address.", fa: "این به نظر یک نشانی ساختگی است، نه یک نشانی واقعی.",
        ar: "يبدو هذا عنوانًا وهميًا وليس عنوانًا حقيقيًا.", zh: "这看起来是占位内容，而不是真实地址。";
    AddressTooLong = "address.too_long", Error, "The cleaned address is longer than a CRM street field holds (255 characters, as Salesforce's Street).",
        en: "This address is too long (at most {max} characters).", fa: "این نشانی بیش از حد طولانی است (حداکثر {max} نویسه).",
        ar: "هذا العنوان طويل جدًا (بحد أقصى {max} حرفًا).", zh: "地址过长（最多 {max} 个字符）。";
    AddressMissingHouseNumber = "address.missing_house_number", Warning, "A street was found but no house number.",
        en: "Add the house number.", fa: "پلاک را وارد کنید.", ar: "أضف رقم المبنى.", zh: "请填写门牌号。";
    PostcodeInvalid = "postcode.invalid", Error, "Not a postcode of the country (libaddressinput's pattern); params.example is one that is.",
        en: "This is not a valid postcode for {country} (for example {example}).",
        fa: "این کد پستی برای {country} معتبر نیست (برای نمونه {example}).",
        ar: "هذا ليس رمزًا بريديًا صالحًا لـ {country} (مثال: {example}).", zh: "这不是 {country} 的有效邮政编码（例如 {example}）。";
    PostcodeMismatchCountry = "postcode.mismatch_country", Warning, "The postcode is not one of the country given but is written like one of params.country.",
        en: "This looks like a postcode of {country}.", fa: "این به کد پستی {country} شبیه است.",
        ar: "يبدو هذا رمزًا بريديًا لـ {country}.", zh: "这看起来像 {country} 的邮政编码。";

    // ---- record.* and rules.* (src/record, issue 6) ----
    RecordRequired = "record.required", Error, "A field the rule set requires is missing or empty.",
        en: "This field is required.", fa: "این فیلد الزامی است.", ar: "هذا الحقل مطلوب.", zh: "此字段为必填项。";
    RecordEmailInName = "record.email_in_name", Error, "An email address was typed in a name, company or free-text field that is not an email field.",
        en: "This looks like an email address; enter it in the email field.", fa: "این به نشانی ایمیل شبیه است؛ آن را در فیلد ایمیل وارد کنید.",
        ar: "يبدو هذا عنوان بريد إلكتروني؛ أدخله في حقل البريد الإلكتروني.", zh: "这看起来是电子邮件地址，请填写在电子邮件字段中。";
    RecordNotMobile = "record.not_mobile", Error, "The rule set requires a mobile number and this valid number is of another type (params.type).",
        en: "Enter a mobile number.", fa: "یک شمارهٔ موبایل وارد کنید.", ar: "أدخل رقم هاتف محمول.", zh: "请输入手机号码。";
    RecordPhoneCountryMismatch = "record.phone_country_mismatch", Warning, "The phone number belongs to another country than the record's country (params.region, params.country).",
        en: "This number is from {region}, but the country is {country}.", fa: "این شماره متعلق به {region} است، اما کشور {country} است.",
        ar: "هذا الرقم من {region}، لكن البلد هو {country}.", zh: "该号码属于 {region}，但国家/地区为 {country}。";
    RecordTooManyFields = "record.too_many_fields", Error, "The record has more keys than the cap; only the first ones were read.",
        en: "This record has too many fields (more than {max}).", fa: "این رکورد فیلدهای بیش از حد دارد (بیش از {max}).",
        ar: "يحتوي هذا السجل على حقول كثيرة جدًا (أكثر من {max}).", zh: "该记录的字段过多（超过 {max} 个）。";
    RulesInvalidJson = "rules.invalid_json", Error, "The rule set is not JSON (params.at is the byte offset, params.reason why).",
        en: "The rule set is not valid JSON (at byte {at}).", fa: "مجموعهٔ قواعد JSON معتبر نیست (در بایت {at}).",
        ar: "مجموعة القواعد ليست JSON صالحًا (عند البايت {at}).", zh: "规则集不是有效的 JSON（位于第 {at} 字节）。";
    RulesTooLarge = "rules.too_large", Error, "The rule set (or its list of fields) is over its cap.",
        en: "The rule set is too large (more than {max}).", fa: "مجموعهٔ قواعد بیش از حد بزرگ است (بیش از {max}).",
        ar: "مجموعة القواعد كبيرة جدًا (أكثر من {max}).", zh: "规则集过大（超过 {max}）。";
    RulesWrongType = "rules.wrong_type", Error, "A rule-set value of the wrong JSON type (params.expected, params.got).",
        en: "Expected {expected} here.", fa: "اینجا {expected} لازم است.", ar: "المتوقع هنا {expected}.", zh: "此处应为 {expected}。";
    RulesUnknownKey = "rules.unknown_key", Error, "A key the rule set format does not have (a typo such as requred); params.expected lists the keys.",
        en: "Unknown setting {key}.", fa: "تنظیم ناشناختهٔ {key}.", ar: "إعداد غير معروف {key}.", zh: "未知设置 {key}。";
    RulesDuplicate = "rules.duplicate", Error, "A key given twice in one object.",
        en: "{key} is given twice.", fa: "{key} دو بار آمده است.", ar: "{key} مذكور مرتين.", zh: "{key} 重复出现。";
    RulesMissingKey = "rules.missing_key", Error, "A required key is missing (a field without its kind).",
        en: "{key} is missing here.", fa: "{key} اینجا کم است.", ar: "{key} مفقود هنا.", zh: "此处缺少 {key}。";
    RulesUnknownKind = "rules.unknown_kind", Error, "A field kind that does not exist; params.expected lists the kinds.",
        en: "Unknown field kind {kind}.", fa: "نوع فیلد ناشناختهٔ {kind}.", ar: "نوع حقل غير معروف {kind}.", zh: "未知字段类型 {kind}。";
    RulesUnknownCode = "rules.unknown_code", Error, "policies.blockOn names an issue code that does not exist.",
        en: "Unknown issue code {code}.", fa: "کد خطای ناشناختهٔ {code}.", ar: "رمز مشكلة غير معروف {code}.", zh: "未知问题代码 {code}。";
    RulesBadValue = "rules.bad_value", Error, "A rule-set value of the right type but not allowed (params.expected says what is).",
        en: "Not allowed here; expected {expected}.", fa: "اینجا مجاز نیست؛ {expected} لازم است.", ar: "غير مسموح هنا؛ المتوقع {expected}.", zh: "此处不允许；应为 {expected}。";
    RulesKindUnavailable = "rules.kind_unavailable", Error, "The field's kind is not compiled into this build (or not implemented yet), so the field was not checked.",
        en: "Fields of kind {kind} cannot be checked by this build.", fa: "فیلدهای از نوع {kind} در این نسخه بررسی نمی‌شوند.",
        ar: "لا يمكن لهذا الإصدار التحقق من حقول النوع {kind}.", zh: "此版本无法检查 {kind} 类型的字段。";

    // ---- dedup.* (src/dedup, issue 7) ----

    // ---- form.* and edge.* (pkg/schema.js, pkg/edge.js, issue 8; raised by the JS package only) ----
    FormNotObject = "form.not_object", Error, "A record schema was given something other than an object of fields (JS callers only).",
        en: "Send the fields as an object.", fa: "فیلدها را به صورت یک شیء بفرستید.",
        ar: "أرسل الحقول على شكل كائن.", zh: "请以对象形式提交各字段。";
    EdgeBodyInvalid = "edge.body_invalid", Error, "The request body could not be read as the JSON or form data its Content-Type names (edge handler).",
        en: "The request body is not valid {format}.", fa: "بدنهٔ درخواست {format} معتبر نیست.",
        ar: "نص الطلب ليس {format} صالحًا.", zh: "请求正文不是有效的 {format}。";
    EdgeUnsupportedType = "edge.unsupported_type", Error, "The request's Content-Type is neither JSON nor a form encoding (edge handler).",
        en: "Send JSON or form data, not {type}.", fa: "داده را به صورت JSON یا فرم بفرستید، نه {type}.",
        ar: "أرسل JSON أو بيانات نموذج، وليس {type}.", zh: "请发送 JSON 或表单数据，而不是 {type}。";
    EdgeTooLarge = "edge.too_large", Error, "The request body is over the edge handler's byte cap (`maxBytes`).",
        en: "The request is too large (more than {max} bytes).", fa: "درخواست بیش از حد بزرگ است (بیش از {max} بایت).",
        ar: "الطلب كبير جدًا (أكثر من {max} بايت).", zh: "请求过大（超过 {max} 字节）。";

}

impl Code {
    pub fn info(self) -> &'static CodeInfo {
        // CODES is generated in declaration order, so the discriminant is the index.
        &CODES[self as usize]
    }

    pub fn as_str(self) -> &'static str {
        self.info().name
    }

    pub fn severity(self) -> Severity {
        self.info().severity
    }

    pub fn from_name(name: &str) -> Option<Code> {
        CODES.iter().find(|c| c.name == name).map(|c| c.code)
    }
}

/// One problem with a value.
///
/// The message is rendered on request ([`Issue::message`]) in the locale the caller asked for:
/// batch callers that only count codes never pay for text they do not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    pub code: Code,
    /// The field the issue is about, e.g. `email`.
    pub path: String,
    /// Values the message refers to, in a stable order.
    pub params: Vec<(&'static str, String)>,
    pub locale: Locale,
}

impl Issue {
    pub fn new(code: Code, path: &str, locale: Locale, params: Vec<(&'static str, String)>) -> Issue {
        Issue { code, path: path.to_owned(), params, locale }
    }

    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    /// The message in the issue's locale, with its params filled in.
    pub fn message(&self) -> String {
        crate::locale::render(self.code, self.locale, &self.params)
    }

    pub fn param(&self, name: &str) -> Option<&str> {
        self.params.iter().find(|(k, _)| *k == name).map(|(_, v)| v.as_str())
    }
}

/// One standardization step: the whole value before and after it. Kinds are stable strings.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Change {
    pub kind: &'static str,
    pub from: String,
    pub to: String,
}

/// Applies standardization steps to a value while recording each one that changed something.
/// The value borrows the input until a step changes it.
pub(crate) struct Changes<'a> {
    pub value: Cow<'a, str>,
    pub list: Vec<Change>,
}

impl<'a> Changes<'a> {
    pub fn new(original: &'a str) -> Changes<'a> {
        Changes { value: Cow::Borrowed(original), list: Vec::new() }
    }

    /// Runs `step` on the current value; records a change of `kind` when the result differs.
    pub fn apply(&mut self, kind: &'static str, step: impl FnOnce(&str) -> Option<String>) {
        if let Some(next) = step(&self.value) {
            if *next != *self.value {
                let to = next.clone();
                let from = core::mem::replace(&mut self.value, Cow::Owned(next)).into_owned();
                self.list.push(Change { kind, from, to });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_indexed_and_documented() {
        for (i, info) in CODES.iter().enumerate() {
            assert_eq!(info.code as usize, i);
            assert_eq!(Code::from_name(info.name), Some(info.code));
            assert!(info.name.contains('.') && info.name.is_ascii() && !info.description.is_empty());
            for t in info.templates {
                assert!(!t.trim().is_empty(), "{} has an empty template", info.name);
            }
            // Every placeholder in one locale is in all of them.
            let names = |t: &str| -> Vec<String> {
                let mut v: Vec<String> = t.split('{').skip(1).filter_map(|s| s.split('}').next()).map(String::from).collect();
                v.sort();
                v
            };
            let en = names(info.templates[0]);
            for t in &info.templates[1..] {
                assert_eq!(names(t), en, "{}: placeholders differ between locales", info.name);
            }
        }
    }
}
