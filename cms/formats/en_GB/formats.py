"""The newsroom's own date formats over Django's British English ones: times on the 24-hour clock, as the
desk, the record of decisions and the emails write them ("5 Dec 2026, 19:28", not "7:28 p.m.").
Read through FORMAT_MODULE_PATH; every format not named here is Django's en_GB."""

DATETIME_FORMAT = "j M Y, H:i"
TIME_FORMAT = "H:i"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
