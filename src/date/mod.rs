//! Dates: formats, calendars (Gregorian, Jalali, Hijri Umm al-Qura) to ISO 8601 (being written).
