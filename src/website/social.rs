//! Social profiles: a profile address or a handle to `{ network, handle }`.
//!
//! Only forms with one meaning are read: a profile path on the network's own host
//! (`linkedin.com/company/acme`, `x.com/acme`, `t.me/acme`, `youtube.com/@acme` ...), a handle with
//! a network prefix (`instagram: @acme`, `微信: acme_wx`), or a bare `@handle` when the caller names
//! the network. Paths that are the network's own pages (`x.com/search`, `instagram.com/p/...`) are
//! not handles. Handles of networks that ignore case are lowercased; YouTube channel ids and Weibo
//! and WeChat ids keep theirs.

/// A social network intake recognizes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Network {
    Linkedin,
    X,
    Facebook,
    Instagram,
    Github,
    Telegram,
    Youtube,
    Tiktok,
    Aparat,
    Weibo,
    Wechat,
}

/// A profile on a social network. `handle` is what identifies it on the network: `acme`,
/// `company/acme` and `in/jane-doe` on LinkedIn, `@acme`, `channel/UC...`, `c/acme` or `user/acme`
/// on YouTube, `u/1234567890` for a numeric Weibo id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Social {
    pub network: Network,
    pub handle: String,
}

impl Social {
    /// `network:handle` with the handle lowercased: a matching key for profiles.
    pub fn key(&self) -> String {
        format!("{}:{}", self.network.as_str(), self.handle.to_lowercase())
    }
}

const ALL: [Network; 11] = [
    Network::Linkedin,
    Network::X,
    Network::Facebook,
    Network::Instagram,
    Network::Github,
    Network::Telegram,
    Network::Youtube,
    Network::Tiktok,
    Network::Aparat,
    Network::Weibo,
    Network::Wechat,
];

impl Network {
    pub const ALL: [Network; 11] = ALL;

    pub fn as_str(self) -> &'static str {
        match self {
            Network::Linkedin => "linkedin",
            Network::X => "x",
            Network::Facebook => "facebook",
            Network::Instagram => "instagram",
            Network::Github => "github",
            Network::Telegram => "telegram",
            Network::Youtube => "youtube",
            Network::Tiktok => "tiktok",
            Network::Aparat => "aparat",
            Network::Weibo => "weibo",
            Network::Wechat => "wechat",
        }
    }

    /// The network for a name users write before a handle, in any case: its id (`x`,
    /// `instagram` ...), common names and abbreviations (`twitter`, `ig`, `fb`, `tg`, `yt`,
    /// `weixin`) and names in fa, ar and zh (`اینستاگرام`, `تلگرام`, `微信`, `微博`).
    pub fn from_name(name: &str) -> Option<Network> {
        let lower = name.trim().to_lowercase();
        let n = match lower.as_str() {
            "linkedin" | "لینکدین" | "لينكدإن" | "领英" => Network::Linkedin,
            "x" | "twitter" | "توییتر" | "تويتر" | "推特" => Network::X,
            "facebook" | "fb" | "فیسبوک" | "فيسبوك" | "脸书" | "臉書" => Network::Facebook,
            "instagram" | "insta" | "ig" | "اینستاگرام" | "انستقرام" | "انستغرام" | "照片墙" => Network::Instagram,
            "github" => Network::Github,
            "telegram" | "tg" | "تلگرام" | "تيليجرام" | "تلغرام" | "电报" => Network::Telegram,
            "youtube" | "yt" | "یوتیوب" | "يوتيوب" | "油管" => Network::Youtube,
            "tiktok" | "تیک‌تاک" | "تيك توك" | "抖音" => Network::Tiktok,
            "aparat" | "آپارات" => Network::Aparat,
            "weibo" | "微博" | "新浪微博" => Network::Weibo,
            "wechat" | "weixin" | "وی‌چت" | "ويتشات" | "微信" => Network::Wechat,
            _ => return None,
        };
        Some(n)
    }

    /// Whether the network ignores the case of handles (they are lowercased).
    fn folds_case(self) -> bool {
        !matches!(self, Network::Youtube | Network::Weibo | Network::Wechat)
    }

    /// The profile address of `handle` (already normalized), or `None` (WeChat has none).
    pub fn profile_url(self, handle: &str) -> Option<String> {
        let base = match self {
            Network::Linkedin => "https://www.linkedin.com/",
            Network::X => "https://x.com/",
            Network::Facebook => "https://www.facebook.com/",
            Network::Instagram => "https://www.instagram.com/",
            Network::Github => "https://github.com/",
            Network::Telegram => "https://t.me/",
            Network::Youtube => "https://www.youtube.com/",
            Network::Tiktok => "https://www.tiktok.com/@",
            Network::Aparat => "https://www.aparat.com/",
            Network::Weibo => "https://weibo.com/",
            Network::Wechat => return None,
        };
        Some(format!("{base}{handle}"))
    }

    /// The network whose site `domain` (a registrable domain, ASCII) is.
    fn of_domain(domain: &str) -> Option<Network> {
        let n = match domain {
            "linkedin.com" => Network::Linkedin,
            "x.com" | "twitter.com" => Network::X,
            "facebook.com" | "fb.com" => Network::Facebook,
            "instagram.com" | "instagr.am" => Network::Instagram,
            "github.com" => Network::Github,
            "t.me" | "telegram.me" | "telegram.dog" => Network::Telegram,
            "youtube.com" => Network::Youtube,
            "tiktok.com" => Network::Tiktok,
            "aparat.com" => Network::Aparat,
            "weibo.com" | "weibo.cn" => Network::Weibo,
            _ => return None,
        };
        Some(n)
    }

    /// Paths on the network's site that are its own pages, never a profile.
    fn reserved(self) -> &'static [&'static str] {
        match self {
            Network::X => &[
                "home", "search", "explore", "i", "intent", "share", "hashtag", "settings", "login", "signup",
                "messages", "notifications", "tos", "privacy", "compose", "logout", "about",
            ],
            Network::Facebook => &[
                "sharer", "sharer.php", "share", "share.php", "login", "login.php", "groups", "events", "watch", "help",
                "policies", "dialog", "plugins", "photo.php", "story.php", "permalink.php", "people", "public",
                "hashtag", "marketplace", "gaming", "home.php", "l.php", "privacy", "settings", "about",
            ],
            Network::Instagram => &[
                "p", "reel", "reels", "explore", "stories", "accounts", "tv", "direct", "about", "developer",
                "legal", "privacy",
            ],
            Network::Github => &[
                "features", "about", "login", "join", "topics", "marketplace", "sponsors", "settings", "pricing",
                "explore", "collections", "trending", "enterprise", "security", "search", "site", "contact",
                "pulls", "issues", "notifications", "new", "organizations", "apps", "customer-stories", "readme",
                "team", "signup", "logout",
            ],
            Network::Telegram => &["joinchat", "share", "addstickers", "addemoji", "proxy", "socks", "iv", "login", "c"],
            Network::Aparat => &[
                "v", "result", "search", "playlist", "live", "dashboard", "signin", "signup", "upload", "tag",
                "category", "explore",
            ],
            Network::Weibo => &["p", "detail", "status", "login", "signup", "search", "hot", "tv", "u", "n"],
            _ => &[],
        }
    }

    /// Whether `h` is a well-formed handle on the network (after `@` and prefixes are removed).
    fn allows(self, h: &str) -> bool {
        let len = h.chars().count();
        fn word(b: u8) -> bool {
            b.is_ascii_alphanumeric() || b == b'_'
        }
        let all = |f: &dyn Fn(u8) -> bool| h.bytes().all(f);
        match self {
            Network::X => (1..=15).contains(&len) && all(&word),
            Network::Instagram => (1..=30).contains(&len) && all(&|b| word(b) || b == b'.'),
            Network::Github => {
                (1..=39).contains(&len) && all(&|b| b.is_ascii_alphanumeric() || b == b'-') && !h.starts_with('-')
            }
            Network::Telegram => (5..=32).contains(&len) && all(&word) && h.as_bytes()[0].is_ascii_alphabetic(),
            Network::Tiktok => (2..=24).contains(&len) && all(&|b| word(b) || b == b'.'),
            Network::Wechat => (6..=20).contains(&len) && all(&|b| word(b) || b == b'-') && h.as_bytes()[0].is_ascii_alphabetic(),
            Network::Facebook => (1..=50).contains(&len) && all(&|b| b.is_ascii_alphanumeric() || b == b'.'),
            Network::Linkedin | Network::Aparat | Network::Youtube | Network::Weibo => {
                (1..=100).contains(&len) && all(&|b| word(b) || b == b'-' || b == b'.')
            }
        }
    }

    fn finish(self, h: &str) -> String {
        if self.folds_case() {
            h.to_ascii_lowercase()
        } else {
            h.to_owned()
        }
    }
}

/// The profile a web address points to: `domain` is its registrable domain, `host` its ASCII host,
/// `path` and `query` as written (without `?`).
pub fn from_url(domain: &str, host: &str, path: &str, query: &str) -> Option<Social> {
    let network = Network::of_domain(domain)?;
    // Only the site itself and its mobile or language hosts (LinkedIn's `ir.linkedin.com`).
    let sub = host.strip_suffix(domain).map(|s| s.trim_end_matches('.')).unwrap_or("");
    let site_host = matches!(sub, "" | "www" | "m" | "mobile" | "web" | "mbasic" | "touch")
        || (network == Network::Linkedin && sub.len() == 2 && sub.bytes().all(|b| b.is_ascii_lowercase()));
    if !site_host {
        return None;
    }
    let mut segs = path.split('/').filter(|s| !s.is_empty());
    let s1 = segs.next().unwrap_or("");
    let s2 = segs.next().unwrap_or("");
    let handle = |h: &str| network.allows(h).then(|| network.finish(h));
    let plain = || (!network.reserved().iter().any(|r| r.eq_ignore_ascii_case(s1))).then(|| handle(s1)).flatten();
    let h = match network {
        Network::Linkedin => match s1 {
            "in" | "company" | "school" | "showcase" => handle(s2).map(|h| format!("{s1}/{h}")),
            _ => None,
        },
        Network::Facebook if s1 == "profile.php" => query
            .split('&')
            .find_map(|kv| kv.strip_prefix("id="))
            .filter(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
            .map(str::to_owned),
        Network::Github if s1 == "orgs" => handle(s2),
        Network::Telegram if s1 == "s" => handle(s2),
        Network::Youtube => match s1 {
            "channel" | "c" | "user" => handle(s2).map(|h| format!("{s1}/{h}")),
            _ => s1.strip_prefix('@').and_then(handle).map(|h| format!("@{}", h.to_ascii_lowercase())),
        },
        Network::Tiktok => s1.strip_prefix('@').and_then(handle),
        Network::Weibo if s1 == "u" || s1.bytes().all(|b| b.is_ascii_digit()) => {
            let id = if s1 == "u" { s2 } else { s1 };
            (!id.is_empty() && id.len() <= 20 && id.bytes().all(|b| b.is_ascii_digit())).then(|| format!("u/{id}"))
        }
        Network::Weibo if s1 == "n" => handle(s2),
        _ => plain(),
    }?;
    Some(Social { network, handle: h })
}

/// A handle written on its own: `@acme` (with `network` given by the caller) or `network: @acme`.
pub enum HandleInput {
    /// Not a handle form: read the input as a web address.
    NotHandle,
    /// `@name` with no network to place it on.
    NoNetwork,
    /// A handle form the network does not allow.
    Invalid(Network),
    Valid(Social),
}

/// Reads `s` (hygiene done, non-empty) as a handle form.
pub fn from_handle(s: &str, network: Option<Network>) -> HandleInput {
    // `network: handle` (also a full-width colon).
    let prefixed = s.split_once([':', '：']).and_then(|(name, rest)| Network::from_name(name).map(|n| (n, rest.trim())));
    let (network, raw) = match prefixed {
        Some((n, rest)) if !rest.starts_with("//") => (n, rest),
        _ => {
            let at = s.starts_with('@');
            let bare = !s.contains(['.', '/', ':', '@', ' ']);
            match network {
                Some(n) if at || bare => (n, s),
                None if at && !s[1..].contains(['.', '/', '@', ' ']) => return HandleInput::NoNetwork,
                _ => return HandleInput::NotHandle,
            }
        }
    };
    let raw = raw.strip_prefix('@').unwrap_or(raw);
    let handle = match network {
        Network::Linkedin => match raw.split_once('/') {
            Some((kind @ ("in" | "company" | "school" | "showcase"), h)) if network.allows(h) => Some(format!("{kind}/{}", network.finish(h))),
            None if network.allows(raw) => Some(format!("in/{}", network.finish(raw))),
            _ => None,
        },
        Network::Youtube => match raw.split_once('/') {
            Some((kind @ ("channel" | "c" | "user"), h)) if network.allows(h) => Some(format!("{kind}/{h}")),
            None if network.allows(raw) => Some(format!("@{}", raw.to_ascii_lowercase())),
            _ => None,
        },
        Network::Weibo if !raw.is_empty() && raw.len() <= 20 && raw.bytes().all(|b| b.is_ascii_digit()) => Some(format!("u/{raw}")),
        n => n.allows(raw).then(|| n.finish(raw)),
    };
    match handle {
        Some(handle) => HandleInput::Valid(Social { network, handle }),
        None => HandleInput::Invalid(network),
    }
}
