/* The AVF fault model: a library preloaded into virtiofsd (see README.md beside this file).
 * Every behaviour performs the real call first where the published bug "fails but does it anyway",
 * then reports the error; every injection is one line of the injection log (fm_log). */
#ifndef FM_H
#define FM_H
#define _GNU_SOURCE
#include <stdbool.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/types.h>

/* One behaviour of the model file: on with a rate in [0,1]; the other fields are behaviour-specific. */
struct fm_behaviour {
    double rate;          /* chance per eligible call; 0 = off */
    double ms;            /* stall: held for; nlink_stale: how long; post_freeze: window */
    double after_ms;      /* post_freeze: a freeze longer than this opens the window */
    double growth;        /* spurious_enoent: rate *= 1 + growth * (requests in flight - 1) */
    long every;           /* fd_leak: one descriptor leaked every N lookups */
    int err;              /* post_freeze: the errno of the failing opens (default ENOENT) */
    bool lookups;         /* post_freeze: lookups fail too ("lookups": 1; off by default: the guest retries a failed
                           * revalidation, so one failure is one or two injections and cannot be counted one for one) */
    unsigned modes[8];    /* create_excl: the modes that fail */
    int nmodes;
};

struct fm_model {
    char name[64];
    uint64_t seed;
    struct fm_behaviour mkdir_mode0, create_excl, nlink_stale, open_multilink, link_symlink_eio,
        setxattr_readonly, unlink_readonly_after_link, chmod_share_root, enoent_open, enoent_lookup,
        fd_leak, stall, post_freeze;
};

extern struct fm_model fm;
extern bool fm_active;

/* fm_model.c */
int fm_load(const char *path, struct fm_model *m);
bool fm_chance(double rate);
void fm_log(const char *kind, int err, int dirfd, const char *path);
double fm_now_ms(void);          /* CLOCK_MONOTONIC */
void fm_hold_ms(double ms);      /* ppoll: virtiofsd's seccomp allows it */
extern volatile int fm_inflight;
extern int fm_proc_fd;           /* virtiofsd's O_PATH descriptor of its /proc/self/fd (found by fm_model.c) */
#define FM_ENTER() __atomic_add_fetch(&fm_inflight, 1, __ATOMIC_RELAXED)
#define FM_LEAVE() __atomic_sub_fetch(&fm_inflight, 1, __ATOMIC_RELAXED)

/* fm_init.c: the real libc functions, resolved before virtiofsd sandboxes itself */
struct fm_real {
    int (*mkdirat)(int, const char *, mode_t);
    int (*openat)(int, const char *, int, ...);
    int (*linkat)(int, const char *, int, const char *, int);
    int (*unlinkat)(int, const char *, int);
    int (*statx)(int, const char *, int, unsigned, struct statx *);
    int (*fstatat)(int, const char *, struct stat *, int);
    int (*fsetxattr)(int, const char *, const void *, size_t, int);
    int (*setxattr)(const char *, const char *, const void *, size_t, int);
    int (*fchmodat)(int, const char *, mode_t, int);
};
extern struct fm_real fm_real;
void fm_resolve(void);
#define REAL(f) (fm_real.fchmodat ? fm_real.f : (fm_resolve(), fm_real.f))
extern dev_t fm_root_dev;
extern ino_t fm_root_ino;
bool fm_in_post_freeze_window(void);

/* fm_link.c: the recently linked inodes (nlink stale, git's unlink) */
void fm_links_add(ino_t ino);
bool fm_links_recent(ino_t ino, double within_ms);
#endif
