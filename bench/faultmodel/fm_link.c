/* Hard links: the original's link count reads stale for a while after link(); a hard link to a fresh symlink
 * answers EIO though it was made; git's unlink of its 0444 temporary right after link() answers EPERM.
 *   LINK    linkat(proc_self_fd, "<fd>", parent_fd, name, AT_SYMLINK_FOLLOW)     UNLINK  unlinkat(parent_fd, name, 0)
 *   GETATTR fstatat(inode_fd, "", AT_EMPTY_PATH|AT_SYMLINK_NOFOLLOW)            LOOKUP  statx(fd, "", AT_EMPTY_PATH...) */
#include "fm.h"
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <time.h>

#define RECENT 256
static struct { ino_t ino; double at_ms; } recent[RECENT];
static unsigned next_slot;
static pthread_mutex_t recent_lock = PTHREAD_MUTEX_INITIALIZER;

void fm_links_add(ino_t ino)
{
    pthread_mutex_lock(&recent_lock);
    recent[next_slot % RECENT].ino = ino;
    recent[next_slot % RECENT].at_ms = fm_now_ms();
    next_slot++;
    pthread_mutex_unlock(&recent_lock);
}

bool fm_links_recent(ino_t ino, double within_ms)
{
    double now = fm_now_ms();
    bool found = false;
    pthread_mutex_lock(&recent_lock);
    for (int i = 0; i < RECENT && !found; i++) found = recent[i].ino == ino && recent[i].at_ms > 0 && now - recent[i].at_ms < within_ms;
    pthread_mutex_unlock(&recent_lock);
    return found;
}

/* Inodes whose link count reads stale (decided once per link, at the link). */
#define STALE 64
static struct { ino_t ino; double until_ms; } stale[STALE];
static unsigned next_stale;

int linkat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, int flags)
{
    int r = REAL(linkat)(olddirfd, oldpath, newdirfd, newpath, flags);
    if (r != 0 || !fm_active) return r;
    struct stat st;
    if (REAL(fstatat)(newdirfd, newpath, &st, AT_SYMLINK_NOFOLLOW) != 0) return r;
    fm_links_add(st.st_ino);
    if (S_ISREG(st.st_mode) && fm_chance(fm.nlink_stale.rate)) {
        pthread_mutex_lock(&recent_lock);
        stale[next_stale % STALE].ino = st.st_ino;
        stale[next_stale % STALE].until_ms = fm_now_ms() + fm.nlink_stale.ms;
        next_stale++;
        pthread_mutex_unlock(&recent_lock);
    }
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    if (S_ISLNK(st.st_mode) && now.tv_sec - st.st_mtim.tv_sec < 10 && fm_chance(fm.link_symlink_eio.rate)) {
        fm_log("link_fresh_symlink", EIO, newdirfd, newpath);   /* docker/for-mac#7700: EIO, link created */
        errno = EIO;
        return -1;
    }
    return r;
}

int unlinkat(int dirfd, const char *path, int flags)
{
    if (fm_active && !(flags & AT_REMOVEDIR) && fm.unlink_readonly_after_link.rate > 0) {
        struct stat st;
        if (REAL(fstatat)(dirfd, path, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode)
            && (st.st_mode & 0777) == 0444 && st.st_nlink > 1
            && fm_links_recent(st.st_ino, fm.unlink_readonly_after_link.ms > 0 ? fm.unlink_readonly_after_link.ms : 2000)
            && fm_chance(fm.unlink_readonly_after_link.rate)) {
            fm_log("unlink_readonly_after_link", EPERM, dirfd, path);   /* anthropics/claude-code#62545 */
            errno = EPERM;
            return -1;
        }
    }
    return REAL(unlinkat)(dirfd, path, flags);
}

/* The stale link count: the increment of the last link() not visible yet (docker/for-mac#7059). */
static bool stale_nlink(ino_t ino, nlink_t nlink)
{
    if (nlink < 2) return false;
    double now = fm_now_ms();
    bool found = false;
    pthread_mutex_lock(&recent_lock);
    for (int i = 0; i < STALE && !found; i++) found = stale[i].ino == ino && now < stale[i].until_ms;
    pthread_mutex_unlock(&recent_lock);
    return found;
}

int fstatat(int dirfd, const char *path, struct stat *st, int flags)
{
    int r = REAL(fstatat)(dirfd, path, st, flags);
    if (r == 0 && fm_active && S_ISREG(st->st_mode) && stale_nlink(st->st_ino, st->st_nlink)) {
        fm_log("nlink_stale", 0, dirfd, path);   /* podman#23061, docker/for-mac#7059 */
        st->st_nlink--;
    }
    return r;
}
/* x86-64: struct stat64 is struct stat */
int fstatat64(int dirfd, const char *path, struct stat64 *st, int flags) { return fstatat(dirfd, path, (struct stat *)st, flags); }

int statx(int dirfd, const char *path, int flags, unsigned mask, struct statx *stx)
{
    int r = REAL(statx)(dirfd, path, flags, mask, stx);
    if (r == 0 && fm_active && S_ISREG(stx->stx_mode) && stale_nlink(stx->stx_ino, stx->stx_nlink)) {
        fm_log("nlink_stale", 0, dirfd, path);
        stx->stx_nlink--;
    }
    return r;
}
