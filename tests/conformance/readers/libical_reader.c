/*
 * Conformance reader: libical 3 (Debian libical-dev; the parser behind Evolution).
 *
 * Build (from the repository root; install.sh does this):
 *   gcc tests/conformance/readers/libical_reader.c $(pkg-config --cflags --libs libical) \
 *       -o target/conformance/libical-reader
 * Usage: target/conformance/libical-reader FILE.ics [FILE.ics ...]
 *
 * For each file, for each VEVENT in order, prints one JSON line on stdout:
 *   {"file": ..., "uid": ..., "start": S, "end": E, "summary": ..., "description": ..., "location": ...,
 *    "sequence": N, "status": ..., "last_modified": U, "dtstamp": U}
 * S/E are "YYYY-MM-DD" for DATE values and "YYYY-MM-DDTHH:MM:SSZ" (the UTC instant) for
 * DATE-TIME values with a TZID or in UTC; end/summary/description/location are null when absent.
 * Strings are escaped like Python's json.dumps(..., ensure_ascii=False) and JSON.stringify, so
 * that every reader prints the same bytes: \" \\ \b \f \n \r \t, other control characters as
 * \u00XX (lower-case hex), everything else (UTF-8) as is.
 *
 * Time zones: the wall time of a DTSTART/DTEND with TZID is converted to UTC through the
 * icaltimezone that libical builds from the VCALENDAR's own VTIMEZONE of that TZID
 * (icalcomponent_get_timezone(vcalendar, tzid)); libical's built-in zone database is never
 * consulted (icalproperty_get_datetime_with_component would fall back to it, so it is not used).
 *
 * Strict: any X-LIC-ERROR property anywhere in the parsed tree, invalid UTF-8, a TZID without a
 * VTIMEZONE of that TZID in the same VCALENDAR, a floating DATE-TIME, or a missing UID/DTSTART is
 * reported on stderr and makes the exit status 1. A file with a problem prints no lines; the
 * other files are still read.
 *
 * Restrictions: every VCALENDAR also goes through libical's icalrestriction_check, the check of
 * property and component counts by RFC 5545 and, for the METHOD a file declares, by the iTIP
 * rules of RFC 5546 (METHOD:PUBLISH needs an ORGANIZER in every VEVENT). It reports a violation
 * by adding an X-LIC-ERROR property (X-LIC-ERRORTYPE=INVALID-ITIP) to the component concerned,
 * so the check runs before the tree is searched for X-LIC-ERRORs, and a failed check that added
 * none is a problem of its own. libical 3.0 stops checking a VCALENDAR's components at the first
 * one that fails: only that one's violations are printed.
 */
#include <libical/ical.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct buf {
    char *p;
    size_t len, cap;
};

static void put(struct buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (b->len + n + 1 > cap)
            cap *= 2;
        b->p = realloc(b->p, cap);
        if (!b->p) {
            perror("libical-reader: realloc");
            exit(2);
        }
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void puts_(struct buf *b, const char *s) { put(b, s, strlen(s)); }

/* A JSON string (or null) with the escapes of Python json.dumps(ensure_ascii=False). */
static void json_string(struct buf *b, const char *s)
{
    if (!s) {
        puts_(b, "null");
        return;
    }
    put(b, "\"", 1);
    for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
        char esc[8];
        switch (*c) {
        case '"': puts_(b, "\\\""); break;
        case '\\': puts_(b, "\\\\"); break;
        case '\b': puts_(b, "\\b"); break;
        case '\f': puts_(b, "\\f"); break;
        case '\n': puts_(b, "\\n"); break;
        case '\r': puts_(b, "\\r"); break;
        case '\t': puts_(b, "\\t"); break;
        default:
            if (*c < 0x20) {
                snprintf(esc, sizeof esc, "\\u%04x", *c);
                puts_(b, esc);
            } else {
                put(b, (const char *)c, 1);
            }
        }
    }
    put(b, "\"", 1);
}

static int valid_utf8(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        size_t k;
        unsigned long cp;
        if (c < 0x80) {
            i++;
            continue;
        } else if (c >= 0xc2 && c <= 0xdf) {
            k = 1;
            cp = c & 0x1f;
        } else if (c >= 0xe0 && c <= 0xef) {
            k = 2;
            cp = c & 0x0f;
        } else if (c >= 0xf0 && c <= 0xf4) {
            k = 3;
            cp = c & 0x07;
        } else {
            return 0;
        }
        for (size_t j = 1; j <= k; j++) {
            if (i + j >= n || (s[i + j] & 0xc0) != 0x80)
                return 0;
            cp = (cp << 6) | (s[i + j] & 0x3f);
        }
        if ((k == 2 && cp < 0x800) || (k == 3 && (cp < 0x10000 || cp > 0x10ffff)) ||
            (cp >= 0xd800 && cp <= 0xdfff))
            return 0;
        i += k + 1;
    }
    return 1;
}

/* Problems of the file being read: collected, printed to stderr, and the file is skipped. */
static const char *current_file;
static int problems;

static void problem(const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "libical: %s: ", current_file);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    problems++;
}

static void find_errors(icalcomponent *c)
{
    /* the component's own UID, when it has one (icalcomponent_get_uid would look into the
       first sub-component of a VCALENDAR) */
    icalproperty *uidp = icalcomponent_get_first_property(c, ICAL_UID_PROPERTY);
    const char *uid = uidp ? icalproperty_get_uid(uidp) : NULL;
    for (icalproperty *p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY); p;
         p = icalcomponent_get_next_property(c, ICAL_XLICERROR_PROPERTY)) {
        const char *msg = icalproperty_get_xlicerror(p);
        icalparameter *t = icalproperty_get_first_parameter(p, ICAL_XLICERRORTYPE_PARAMETER);
        problem("X-LIC-ERROR in %s%s%s: %s%s%s",
                icalcomponent_kind_to_string(icalcomponent_isa(c)), uid ? " " : "",
                uid ? uid : "", msg ? msg : "", t ? " / " : "",
                t ? icalparameter_enum_to_string(icalparameter_get_xlicerrortype(t)) : "");
    }
    for (icalcomponent *s = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT); s;
         s = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT))
        find_errors(s);
}

/* Runs icalrestriction_check on every VCALENDAR of the parsed tree (the root, or the children of
   the XROOT libical makes of several); 0 when one of them fails. */
static int restrictions_hold(icalcomponent *root)
{
    if (icalcomponent_isa(root) == ICAL_VCALENDAR_COMPONENT)
        return icalrestriction_check(root);
    int ok = 1;
    for (icalcomponent *c = icalcomponent_get_first_component(root, ICAL_VCALENDAR_COMPONENT); c;
         c = icalcomponent_get_next_component(root, ICAL_VCALENDAR_COMPONENT))
        ok &= icalrestriction_check(c) ? 1 : 0;
    return ok;
}

static icalproperty *single(icalcomponent *ev, icalproperty_kind kind, const char *uid)
{
    int n = icalcomponent_count_properties(ev, kind);
    if (n > 1) {
        problem("VEVENT %s: %d %s properties", uid, n, icalproperty_kind_to_string(kind));
        return NULL;
    }
    return icalcomponent_get_first_property(ev, kind);
}

static const char *text_value(icalcomponent *ev, icalproperty_kind kind, const char *uid)
{
    icalproperty *p = single(ev, kind, uid);
    if (!p)
        return NULL;
    icalvalue *v = icalproperty_get_value(p);
    if (!v || icalvalue_isa(v) != ICAL_TEXT_VALUE) {
        problem("VEVENT %s: %s is not a TEXT value", uid, icalproperty_kind_to_string(kind));
        return NULL;
    }
    return icalvalue_get_text(v);
}

/* S/E of a DTSTART/DTEND into out[32]; 0 on a problem. */
/* A UTC DATE-TIME property (LAST-MODIFIED, DTSTAMP) as YYYY-MM-DDTHH:MM:SSZ in out: 1, or 0
 * when absent; -1 (reported) when it is not a UTC DATE-TIME. */
static int utc_stamp(icalcomponent *ev, icalproperty_kind kind, const char *name, const char *uid,
                     char out[32])
{
    icalproperty *p = single(ev, kind, uid);
    if (!p)
        return 0;
    struct icaltimetype tt = kind == ICAL_DTSTAMP_PROPERTY ? icalproperty_get_dtstamp(p)
                                                           : icalproperty_get_lastmodified(p);
    if (icaltime_is_null_time(tt) || tt.is_date || !icaltime_is_utc(tt)) {
        problem("VEVENT %s: %s is not a UTC DATE-TIME", uid, name);
        return -1;
    }
    snprintf(out, 32, "%04d-%02d-%02dT%02d:%02d:%02dZ", tt.year, tt.month, tt.day, tt.hour,
             tt.minute, tt.second);
    return 1;
}

static int instant(icalcomponent *vcal, icalproperty *p, const char *name, const char *uid,
                   char *out)
{
    icalvalue *v = icalproperty_get_value(p);
    icalvalue_kind vk = v ? icalvalue_isa(v) : ICAL_NO_VALUE;
    if (vk != ICAL_DATE_VALUE && vk != ICAL_DATETIME_VALUE) {
        problem("VEVENT %s: %s is neither DATE nor DATE-TIME", uid, name);
        return 0;
    }
    struct icaltimetype tt = icalvalue_get_datetimedate(v);
    icalparameter *tzp = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
    const char *tzid = tzp ? icalparameter_get_tzid(tzp) : NULL;
    /* libical keeps impossible values (month 13) as they are: reject them. */
    if (icaltime_is_null_time(tt) || !icaltime_is_valid_time(tt) || tt.month < 1 ||
        tt.month > 12 || tt.day < 1 || tt.day > icaltime_days_in_month(tt.month, tt.year) ||
        tt.hour < 0 || tt.hour > 23 || tt.minute < 0 || tt.minute > 59 || tt.second < 0 ||
        tt.second > 59) {
        problem("VEVENT %s: %s is not a valid date or time (%s)", uid, name,
                icaltime_as_ical_string(tt));
        return 0;
    }
    if (tt.is_date) {
        if (vk != ICAL_DATE_VALUE) {
            problem("VEVENT %s: %s is a DATE without VALUE=DATE", uid, name);
            return 0;
        }
        if (tzid) {
            problem("VEVENT %s: %s is a DATE with TZID=%s", uid, name, tzid);
            return 0;
        }
        snprintf(out, 32, "%04d-%02d-%02d", tt.year, tt.month, tt.day);
        return 1;
    }
    icaltimezone *utc = icaltimezone_get_utc_timezone();
    if (tzid) {
        if (icaltime_is_utc(tt)) {
            problem("VEVENT %s: %s has both TZID and Z", uid, name);
            return 0;
        }
        /* The zone built from this VCALENDAR's own VTIMEZONE; NULL when it has none. */
        icaltimezone *zone = icalcomponent_get_timezone(vcal, tzid);
        if (!zone) {
            problem("VEVENT %s: %s has TZID=%s but the file has no VTIMEZONE %s", uid, name, tzid,
                    tzid);
            return 0;
        }
        tt.zone = NULL;
        icaltimezone_convert_time(&tt, zone, utc);
    } else if (!icaltime_is_utc(tt)) {
        problem("VEVENT %s: %s is a floating DATE-TIME (%s): no TZID and no Z", uid, name,
                icaltime_as_ical_string(tt));
        return 0;
    }
    snprintf(out, 32, "%04d-%02d-%02dT%02d:%02d:%02dZ", tt.year, tt.month, tt.day, tt.hour,
             tt.minute, tt.second);
    return 1;
}

static void read_calendar(icalcomponent *vcal, struct buf *out)
{
    if (icalcomponent_isa(vcal) != ICAL_VCALENDAR_COMPONENT) {
        problem("top-level component is %s, not VCALENDAR",
                icalcomponent_kind_to_string(icalcomponent_isa(vcal)));
        return;
    }
    for (icalcomponent *ev = icalcomponent_get_first_component(vcal, ICAL_VEVENT_COMPONENT); ev;
         ev = icalcomponent_get_next_component(vcal, ICAL_VEVENT_COMPONENT)) {
        const char *uid = text_value(ev, ICAL_UID_PROPERTY, "?");
        if (!uid) {
            problem("a VEVENT has no UID");
            continue;
        }
        icalproperty *ps = single(ev, ICAL_DTSTART_PROPERTY, uid);
        icalproperty *pe = single(ev, ICAL_DTEND_PROPERTY, uid);
        char start[32], end[32];
        if (!ps) {
            problem("VEVENT %s has no DTSTART", uid);
            continue;
        }
        if (!instant(vcal, ps, "DTSTART", uid, start))
            continue;
        if (pe && !instant(vcal, pe, "DTEND", uid, end))
            continue;
        const char *summary = text_value(ev, ICAL_SUMMARY_PROPERTY, uid);
        const char *description = text_value(ev, ICAL_DESCRIPTION_PROPERTY, uid);
        const char *location = text_value(ev, ICAL_LOCATION_PROPERTY, uid);
        char modified[32], stamp[32];
        int has_modified = utc_stamp(ev, ICAL_LASTMODIFIED_PROPERTY, "LAST-MODIFIED", uid, modified);
        int has_stamp = utc_stamp(ev, ICAL_DTSTAMP_PROPERTY, "DTSTAMP", uid, stamp);
        if (has_modified < 0 || has_stamp < 0)
            continue;
        puts_(out, "{\"file\": ");
        json_string(out, current_file);
        puts_(out, ", \"uid\": ");
        json_string(out, uid);
        puts_(out, ", \"start\": ");
        json_string(out, start);
        puts_(out, ", \"end\": ");
        json_string(out, pe ? end : NULL);
        puts_(out, ", \"summary\": ");
        json_string(out, summary);
        puts_(out, ", \"description\": ");
        json_string(out, description);
        puts_(out, ", \"location\": ");
        json_string(out, location);
        icalproperty *pq = single(ev, ICAL_SEQUENCE_PROPERTY, uid);
        if (pq) {
            char seq[24];
            snprintf(seq, sizeof seq, "%d", icalproperty_get_sequence(pq));
            puts_(out, ", \"sequence\": ");
            puts_(out, seq);
        } else {
            puts_(out, ", \"sequence\": null");
        }
        icalproperty *pst = single(ev, ICAL_STATUS_PROPERTY, uid);
        puts_(out, ", \"status\": ");
        json_string(out, pst ? icalproperty_status_to_string(icalproperty_get_status(pst)) : NULL);
        puts_(out, ", \"last_modified\": ");
        json_string(out, has_modified ? modified : NULL);
        puts_(out, ", \"dtstamp\": ");
        json_string(out, has_stamp ? stamp : NULL);
        puts_(out, "}\n");
    }
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    struct buf b = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        put(&b, chunk, n);
    int err = ferror(f);
    fclose(f);
    if (err) {
        free(b.p);
        return NULL;
    }
    if (!b.p)
        put(&b, "", 0);
    *len = b.len;
    return b.p;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: libical-reader FILE.ics [FILE.ics ...]\n");
        return 2;
    }
    /* Report errors (as X-LIC-ERROR and through our checks), never abort on them. */
    icalerror_set_errors_are_fatal(0);
    int failed = 0;
    struct buf all = {0};
    for (int i = 1; i < argc; i++) {
        current_file = argv[i];
        problems = 0;
        size_t len = 0;
        char *text = slurp(argv[i], &len);
        if (!text) {
            problem("cannot read the file");
            failed = 1;
            continue;
        }
        if (strlen(text) != len)
            problem("contains a NUL byte");
        else if (!valid_utf8((const unsigned char *)text, len))
            problem("not valid UTF-8");
        struct buf out = {0};
        if (!problems) {
            icalcomponent *root = icalparser_parse_string(text);
            if (!root) {
                problem("libical parsed no component");
            } else {
                int restricted_ok = restrictions_hold(root);
                find_errors(root);
                if (!restricted_ok && !problems)
                    problem("icalrestriction_check failed without adding an X-LIC-ERROR");
                if (!problems) {
                    if (icalcomponent_isa(root) == ICAL_XROOT_COMPONENT) {
                        for (icalcomponent *c =
                                 icalcomponent_get_first_component(root, ICAL_ANY_COMPONENT);
                             c; c = icalcomponent_get_next_component(root, ICAL_ANY_COMPONENT))
                            read_calendar(c, &out);
                    } else {
                        read_calendar(root, &out);
                    }
                }
                icalcomponent_free(root);
            }
        }
        free(text);
        if (problems) {
            failed = 1;
        } else if (out.len) {
            put(&all, out.p, out.len);
        }
        free(out.p);
    }
    if (all.len)
        fwrite(all.p, 1, all.len, stdout);
    free(all.p);
    if (fflush(stdout) != 0)
        return 2;
    return failed ? 1 : 0;
}
