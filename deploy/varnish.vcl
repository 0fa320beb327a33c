# Varnish in front of Masthead's app servers (Debian: varnish, varnish-modules for xkey).
#
# - Readers' pages are cached for as long as the app says (Surrogate-Control: max-age, which
#   never passes the next scheduled publication), keyed on the URL, the host and the reader's
#   warning-filter cookie (the only cookie passed on to the app for a public page).
# - Staff (a session cookie), /admin/, /preview/ and /preferences/ are passed, never cached.
# - The app purges on commit what a change ended (articles/varnish.py), accepted only from the app
#   servers (acl purgers): "xkey-softpurge: article:12 list:home …" keeps the pages as stale copies
#   that readers get for up to the grace the app gave them (Surrogate-Control: stale-while-revalidate,
#   MASTHEAD_STALE_SECONDS) while one background fetch renders each again; "xkey-purge: …" (a
#   withdrawn article, changed warnings) drops them outright. Readers asking for a page being fetched
#   wait for that one fetch (Varnish's waiting list): never one fetch per reader.
#
# Adjust the backend and the acl to your app servers; see docs/deployment.md.

vcl 4.1;

import cookie;
import std;
import xkey;

backend masthead {
    .host = "127.0.0.1";
    .port = "8000";
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Purging is for the app servers"));
        }
        if (!req.http.xkey-purge && !req.http.xkey-softpurge) {
            return (synth(400, "Say what to purge in xkey-purge or xkey-softpurge"));
        }
        set req.http.X-Purged = 0;
        if (req.http.xkey-purge) {
            set req.http.X-Purged = xkey.purge(req.http.xkey-purge);
        }
        if (req.http.xkey-softpurge) {
            set req.http.X-Purged = std.integer(req.http.X-Purged, 0) + xkey.softpurge(req.http.xkey-softpurge);
        }
        return (synth(200, "Purged " + req.http.X-Purged));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|preview|preferences)(/|$)") {
        return (pass);
    }
    if (req.http.Cookie ~ "(^|;\s*)(__Host-)?sessionid=") {
        return (pass);  # logged-in staff: what they see is never shared
    }
    if (req.http.Cookie) {
        # Keep only the reader's warning filter: it decides what lists show (and is hashed below).
        cookie.parse(req.http.Cookie);
        cookie.keep_re("^(__Host-)?hide_warnings$");
        set req.http.Cookie = cookie.get_string();
        if (req.http.Cookie == "") {
            unset req.http.Cookie;
        }
    }
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    if (req.http.host) {
        hash_data(req.http.host);
    } else {
        hash_data(server.ip);
    }
    if (req.http.Cookie) {
        hash_data(req.http.Cookie);
    }
    return (lookup);
}

sub vcl_backend_response {
    if (beresp.http.Surrogate-Control ~ "max-age=\d+" && !beresp.http.Set-Cookie) {
        # The app's own page lifetime; Cache-Control (max-age=0, for browsers and CDNs) is left alone.
        set beresp.ttl = std.duration(regsub(beresp.http.Surrogate-Control, "^.*max-age=(\d+).*$", "\1") + "s", 0s);
        # Served stale this long after it expires or is soft-purged, while it is fetched again (none
        # for a page that ends at a scheduled publication, nor for a stale copy).
        set beresp.grace = 0s;
        if (beresp.http.Surrogate-Control ~ "stale-while-revalidate=\d+") {
            set beresp.grace = std.duration(regsub(beresp.http.Surrogate-Control,
                "^.*stale-while-revalidate=(\d+).*$", "\1") + "s", 0s);
        }
        unset beresp.http.Surrogate-Control;
        # The cookie is already in the hash: Vary: Cookie would split nothing further.
        return (deliver);
    }
    set beresp.uncacheable = true;
    set beresp.ttl = 120s;
    return (deliver);
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
    # The dependency keys are for caches, not readers.
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    unset resp.http.Cache-Tag;
}
