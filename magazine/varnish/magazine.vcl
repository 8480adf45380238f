# The magazine's edge cache (Varnish 7.1 with xkey from Debian's varnish-modules): `make prod`
# puts it in front of gunicorn. What it keeps, for how long, comes from the origin's
# Cache-Control; what it forgets, from the origin's purges by surrogate key (caching/edge.py).
# BACKEND_HOST and BACKEND_PORT are filled in by magazine/run_production.sh.
vcl 4.1;

import std;
import xkey;

backend origin {
    .host = "BACKEND_HOST";
    .port = "BACKEND_PORT";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
}

# Who may purge: the app servers (here, this machine).
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (req.http.xkey-purge) {
            # Forget every response carrying any of these keys (space-separated).
            set req.http.x-purged = xkey.purge(req.http.xkey-purge);
            return (synth(200, "Purged " + req.http.x-purged));
        }
        return (purge);  # one address (Wagtail's HTTP backend)
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Editors, previews and everything a session sees are never shared.
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    if (req.url ~ "^/(admin|documents|([a-z]{2}/)?_util)(/|$)") {
        return (pass);
    }
    # Tracking parameters change nothing on a page: one stored copy for all of them.
    set req.url = regsuball(req.url, "(?i)([?&])(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_ga|ref)=[^&]*", "\1");
    set req.url = regsuball(req.url, "([?&])&+", "\1");
    set req.url = regsub(req.url, "[?&]+$", "");
    # Search with a query or filters is the reader's own.
    if (req.url ~ "^/([a-z]{2}/)?search/\?") {
        return (pass);
    }
    # So is a search of the API (api/views.py); the rest of the API is cached like pages.
    if (req.url ~ "^/api/[^?]*\?(.*&)?search=") {
        return (pass);
    }
    # The only cookies readers' pages could see are the CSRF token's and the analytics':
    # the page is the same without them.
    unset req.http.Cookie;
    # One stored copy per encoding the origin makes, not per browser's spelling of it.
    if (req.http.Accept-Encoding ~ "br") {
        set req.http.Accept-Encoding = "br";
    } elsif (req.http.Accept-Encoding ~ "gzip") {
        set req.http.Accept-Encoding = "gzip";
    } else {
        unset req.http.Accept-Encoding;
    }
    return (hash);
}

sub vcl_backend_response {
    # Served stale for up to an hour while a fresh copy is fetched, or while the origin is
    # down. No return here: Varnish's built-in rules then refuse to keep what sets a cookie or
    # says private, no-cache or no-store (a private article, a page still missing its crops).
    set beresp.grace = 1h;
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Edge-Cache = "hit";
    } else {
        set resp.http.X-Edge-Cache = "miss";
    }
    # The keys are for the caches, not for readers.
    unset resp.http.xkey;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}
