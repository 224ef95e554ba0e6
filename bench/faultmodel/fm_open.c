/* Creating and opening: mkdir mode 0, O_CREAT|O_EXCL with a restrictive mode, opening a file with more than
 * one link, spurious ENOENT on lookup and open, a leaked descriptor every N lookups, held requests, and the
 * failing lookups after a VM freeze. How virtiofsd (QEMU 7.2) calls libc:
 *   LOOKUP  openat(parent_fd, name, O_PATH|O_NOFOLLOW), then statx      MKDIR   mkdirat(parent_fd, name, mode)
 *   CREATE  openat(parent_fd, name, flags|O_CREAT, mode)                OPEN    openat(proc_self_fd, "<fd>", flags)
 *   OPENDIR openat(inode_fd, ".", O_RDONLY)                             xattrs  openat(proc_self_fd, "<fd>", O_RDONLY) */
#include "fm.h"
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h>

int mkdirat(int dirfd, const char *path, mode_t mode)
{
    int r = REAL(mkdirat)(dirfd, path, mode);
    if (r == 0 && fm_active && (mode & 07777) == 0 && fm_chance(fm.mkdir_mode0.rate)) {
        fm_log("mkdir_mode0", EACCES, dirfd, path);   /* FB16008360, podman#24725: created, yet EACCES */
        errno = EACCES;
        return -1;
    }
    return r;
}

static bool all_digits(const char *s) { return *s && strspn(s, "0123456789") == strlen(s); }
static bool restrictive(mode_t mode)
{
    for (int i = 0; i < fm.create_excl.nmodes; i++) if ((mode & 07777) == fm.create_excl.modes[i]) return true;
    return false;
}

/* The guest's O_LARGEFILE as FUSE_OPEN passes it (a 64-bit guest's open always carries it; host glibc defines O_LARGEFILE
 * as 0 on 64-bit). virtiofsd's own opens for an xattr request (openat(proc_self_fd, "<fd>", O_RDONLY)) never carry it. */
#if defined(__aarch64__)
#define FM_GUEST_O_LARGEFILE 0400000
#else
#define FM_GUEST_O_LARGEFILE 0100000
#endif

/* A request served from a lookup or an open of an existing inode (not virtiofsd's own start-up opens).
 * Opens for xattr requests are left alone: before every write the guest's kernel asks the file's security.capability
 * (file_remove_privs) and absorbs a failure, so a failed xattr open is invisible to the guest's caller. */
static int model_open(int dirfd, const char *path, int flags, mode_t mode)
{
    bool lookup = (flags & O_PATH) && path[0] != '/' && dirfd >= 0;
    bool open_existing = !(flags & (O_PATH | O_CREAT))
        && ((all_digits(path) && (flags & FM_GUEST_O_LARGEFILE)) || strcmp(path, ".") == 0);   /* OPEN, OPENDIR */
    if (lookup || open_existing) {
        if (fm_chance(fm.stall.rate)) {
            fm_log("stall", 0, dirfd, path);          /* a request held for ms (AVF under load) */
            fm_hold_ms(fm.stall.ms);
        }
    }
    int fd = REAL(openat)(dirfd, path, flags, mode);
    if (fd < 0) return fd;
    int fail = 0;
    const char *kind = NULL;
    if ((flags & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL) && restrictive(mode) && fm_chance(fm.create_excl.rate)) {
        kind = "create_excl"; fail = EACCES;          /* lima#5039, apple/container#1344, libkrun#769: file left */
    } else if ((open_existing || (lookup && fm.post_freeze.lookups)) && fm_in_post_freeze_window()) {
        kind = lookup ? "post_freeze_lookup" : "post_freeze_open";   /* podman#19934: ENOENT after wake */
        fail = fm.post_freeze.err > 0 ? fm.post_freeze.err : ENOENT;
    } else if (open_existing) {
        struct stat st;
        if (fm.open_multilink.rate > 0 && REAL(fstatat)(fd, "", &st, AT_EMPTY_PATH) == 0 && S_ISREG(st.st_mode)
            && st.st_nlink > 1 && fm_chance(fm.open_multilink.rate)) {
            kind = "open_multilink"; fail = EACCES;   /* apple/container#1251, rdar://169481107 */
        } else {
            double inflight = __atomic_load_n(&fm_inflight, __ATOMIC_RELAXED);
            double rate = fm.enoent_open.rate * (1 + fm.enoent_open.growth * (inflight > 1 ? inflight - 1 : 0));
            if (fm_chance(rate)) { kind = "spurious_enoent_open"; fail = ENOENT; }   /* podman#23061, docker/for-mac#7059 */
        }
    } else if (lookup) {
        double inflight = __atomic_load_n(&fm_inflight, __ATOMIC_RELAXED);
        double rate = fm.enoent_lookup.rate * (1 + fm.enoent_lookup.growth * (inflight > 1 ? inflight - 1 : 0));
        if (fm_chance(rate)) { kind = "spurious_enoent_lookup"; fail = ENOENT; }
        else if (fm.fd_leak.every > 0) {
            static long lookups;
            if (__atomic_add_fetch(&lookups, 1, __ATOMIC_RELAXED) % fm.fd_leak.every == 0
                && fcntl(fd, F_DUPFD_CLOEXEC, 0) >= 0)   /* never closed: docker/for-mac#6783 */
                fm_log("fd_leak", 0, dirfd, path);
        }
    }
    if (!kind) return fd;
    fm_log(kind, fail, fail == EACCES && (flags & O_CREAT) ? dirfd : (all_digits(path) ? -1 : dirfd), path);
    close(fd);
    errno = fail;
    return -1;
}

static int dispatch(int dirfd, const char *path, int flags, mode_t mode)
{
    if (!fm_active) return REAL(openat)(dirfd, path, flags, mode);
    if (dirfd >= 0 && all_digits(path)) fm_proc_fd = dirfd;   /* OPEN by "<fd>": dirfd is virtiofsd's /proc/self/fd */
    FM_ENTER();
    int r = model_open(dirfd, path, flags, mode);
    int e = errno;
    FM_LEAVE();
    errno = e;
    return r;
}

static mode_t mode_arg(int flags, va_list ap) { return (flags & (O_CREAT | __O_TMPFILE)) ? va_arg(ap, mode_t) : 0; }

int openat(int dirfd, const char *path, int flags, ...)
{
    va_list ap; va_start(ap, flags); mode_t m = mode_arg(flags, ap); va_end(ap);
    return dispatch(dirfd, path, flags, m);
}
int openat64(int dirfd, const char *path, int flags, ...)
{
    va_list ap; va_start(ap, flags); mode_t m = mode_arg(flags, ap); va_end(ap);
    return dispatch(dirfd, path, flags, m);
}
int __openat_2(int dirfd, const char *path, int flags) { return dispatch(dirfd, path, flags, 0); }
int __openat64_2(int dirfd, const char *path, int flags) { return dispatch(dirfd, path, flags, 0); }

