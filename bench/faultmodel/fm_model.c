/* The model file (JSON, a fixed schema: bench/faultmodel/models/NAME.json), the seeded random stream,
 * the clock and the injection log. The parser reads only the keys it knows; anything else is ignored. */
#include "fm.h"
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/vfs.h>
#include <linux/magic.h>

struct fm_model fm;
bool fm_active;
volatile int fm_inflight;
int fm_log_fd = -1;
int fm_proc_fd = -1;
static uint64_t rng_state;
static pthread_mutex_t rng_lock = PTHREAD_MUTEX_INITIALIZER;

/* The text of the behaviour's object: from "name" to its closing brace, or NULL. */
static const char *object_of(const char *json, const char *name, const char **end)
{
    char key[80];
    snprintf(key, sizeof key, "\"%s\"", name);
    const char *k = strstr(json, key);
    if (!k) return NULL;
    const char *open = strchr(k + strlen(key), '{');
    if (!open) return NULL;
    *end = strchr(open, '}');
    return *end ? open : NULL;
}

static double number_in(const char *obj, const char *end, const char *field, double fallback)
{
    char key[40];
    snprintf(key, sizeof key, "\"%s\"", field);
    const char *k = strstr(obj, key);
    if (!k || k > end) return fallback;
    const char *colon = strchr(k + strlen(key), ':');
    return colon && colon < end ? strtod(colon + 1, NULL) : fallback;
}

static void behaviour(const char *json, const char *name, struct fm_behaviour *b)
{
    const char *end, *obj = object_of(json, name, &end);
    memset(b, 0, sizeof *b);
    if (!obj) return;
    b->rate = number_in(obj, end, "rate", 0);
    b->ms = number_in(obj, end, "ms", 0);
    b->after_ms = number_in(obj, end, "after_ms", 0);
    b->growth = number_in(obj, end, "growth", 0);
    b->every = (long)number_in(obj, end, "every", 0);
    b->err = (int)number_in(obj, end, "errno", 0);
    b->lookups = number_in(obj, end, "lookups", 0) != 0;
    const char *m = strstr(obj, "\"modes\"");
    if (m && m < end && (m = strchr(m, '['))) {
        const char *close = strchr(m, ']');
        const char *q = m;
        while ((q = strchr(q, '"')) && q < close && b->nmodes < 8) {   /* "0444": octal strings */
            b->modes[b->nmodes++] = (unsigned)strtoul(q + 1, NULL, 8);
            if (!(q = strchr(q + 1, '"'))) break;
            q++;
        }
    }
}

int fm_load(const char *path, struct fm_model *m)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    static char json[65536];
    ssize_t n = read(fd, json, sizeof json - 1);
    close(fd);
    if (n <= 0) return -1;
    json[n] = 0;
    memset(m, 0, sizeof *m);
    const char *name = strstr(json, "\"model\"");
    if (name && (name = strchr(name + 7, '"'))) {
        const char *q = strchr(name + 1, '"');
        size_t len = q ? (size_t)(q - name - 1) : 0;
        if (len >= sizeof m->name) len = sizeof m->name - 1;
        memcpy(m->name, name + 1, len);
    }
    const char *s = strstr(json, "\"seed\"");
    m->seed = s ? strtoull(strchr(s, ':') + 1, NULL, 10) : 1;
    behaviour(json, "mkdir_mode0", &m->mkdir_mode0);
    behaviour(json, "create_excl", &m->create_excl);
    behaviour(json, "nlink_stale_after_link", &m->nlink_stale);
    behaviour(json, "open_multilink", &m->open_multilink);
    behaviour(json, "link_fresh_symlink", &m->link_symlink_eio);
    behaviour(json, "setxattr_readonly", &m->setxattr_readonly);
    behaviour(json, "unlink_readonly_after_link", &m->unlink_readonly_after_link);
    behaviour(json, "chmod_share_root", &m->chmod_share_root);
    behaviour(json, "spurious_enoent_open", &m->enoent_open);
    behaviour(json, "spurious_enoent_lookup", &m->enoent_lookup);
    behaviour(json, "fd_leak", &m->fd_leak);
    behaviour(json, "stall", &m->stall);
    behaviour(json, "post_freeze", &m->post_freeze);
    rng_state = m->seed ? m->seed : 1;
    return 0;
}

/* xorshift64*: one stream for the whole server, seeded by the model file. */
bool fm_chance(double rate)
{
    if (rate <= 0) return false;
    if (rate >= 1) return true;
    pthread_mutex_lock(&rng_lock);
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    uint64_t r = rng_state * 0x2545F4914F6CDD1DULL;
    pthread_mutex_unlock(&rng_lock);
    return (double)(r >> 11) / 9007199254740992.0 < rate;
}

double fm_now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

void fm_hold_ms(double ms)
{
    struct timespec t = { (time_t)(ms / 1000), (long)((ms - (long)(ms / 1000) * 1000) * 1e6) };
    ppoll(NULL, 0, &t, NULL);
}

/* One CSV line, written in one write() on an O_APPEND descriptor (lines from threads never interleave):
 *   unix_time_us,kind,errno,path      (the header is written by the host; format: results/README.md)
 * path: the host path of the object, as virtiofsd's sandbox sees it (the share is its "/"). */
/* The path behind one of virtiofsd's descriptors, through its own /proc/self/fd descriptor (fm_proc_fd): inside the
 * sandbox there is no /proc to name, and seccomp allows readlinkat but not readlink. */
/* A procfs directory that lists this descriptor itself: this process's /proc/self/fd (virtiofsd's, in its sandbox). */
static bool is_own_fd_dir(int fd)
{
    struct statfs fs;
    char self[16], target[256];
    snprintf(self, sizeof self, "%d", fd);
    return fstatfs(fd, &fs) == 0 && fs.f_type == PROC_SUPER_MAGIC && readlinkat(fd, self, target, sizeof target) > 0;
}

static void path_of(const char *fd, char *out, size_t size)
{
    if (fm_proc_fd < 0 || !is_own_fd_dir(fm_proc_fd))
        for (int c = 3, found = 0; c < 1024 && !found; c++) if ((found = is_own_fd_dir(c))) fm_proc_fd = c;
    ssize_t n = fm_proc_fd >= 0 ? readlinkat(fm_proc_fd, fd, out, size - 1) : -1;
    out[n > 0 ? n : 0] = 0;
}

/* One CSV line, written in one write() on an O_APPEND descriptor (lines from threads never interleave):
 *   unix_time_us,kind,errno,path      (the header is written by the host; format: results/README.md)
 * path: the host path of the object, as virtiofsd's sandbox sees it (the share is its "/"). */
void fm_log(const char *kind, int err, int dirfd, const char *path)
{
    if (fm_log_fd < 0) return;
    char where[1024] = "", full[1400] = "";
    if (dirfd >= 0) {
        char fd[16];
        snprintf(fd, sizeof fd, "%d", dirfd);
        path_of(fd, where, sizeof where);
    }
    bool by_fd = path && *path && strspn(path, "0123456789") == strlen(path);   /* "<fd>" under /proc/self/fd */
    if (by_fd) path_of(path, full, sizeof full);
    else snprintf(full, sizeof full, "%s%s%s", where, *where && where[strlen(where) - 1] != '/' && path && *path ? "/" : "", path ? path : "");
    for (char *c = full; *c; c++) if (*c == ',' || *c == '\n' || *c == '"') *c = '_';
    struct timespec t;
    clock_gettime(CLOCK_REALTIME, &t);
    char line[1600];
    int len = snprintf(line, sizeof line, "%lld,%s,%d,%s\n",
                       (long long)t.tv_sec * 1000000LL + t.tv_nsec / 1000, kind, err, full);
    if (len > 0) (void)!write(fm_log_fd, line, (size_t)len < sizeof line ? (size_t)len : sizeof line - 1);
}
