/* Attributes: setxattr on a 0444 file answers EPERM (macOS refuses it; crc-org/vfkit#70, podman#21269);
 * chmod of the share's root answers EPERM (siderolabs/talos#14058).
 *   SETXATTR fsetxattr(fd) on files and directories, setxattr("<fd>") after fchdir(proc_self_fd) otherwise
 *   SETATTR  fchmodat(proc_self_fd, "<fd>", mode, 0), or fchmod(fh) on an open file */
#include "fm.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/xattr.h>

static bool read_only_file(const struct stat *st) { return S_ISREG(st->st_mode) && (st->st_mode & 0777) == 0444; }

int fsetxattr(int fd, const char *name, const void *value, size_t size, int flags)
{
    struct stat st;
    if (fm_active && fm.setxattr_readonly.rate > 0 && REAL(fstatat)(fd, "", &st, AT_EMPTY_PATH) == 0
        && read_only_file(&st) && fm_chance(fm.setxattr_readonly.rate)) {
        char self[32];
        snprintf(self, sizeof self, "%d", fd);
        fm_log("setxattr_readonly", EPERM, -1, self);
        errno = EPERM;
        return -1;
    }
    return REAL(fsetxattr)(fd, name, value, size, flags);
}

int setxattr(const char *path, const char *name, const void *value, size_t size, int flags)
{
    struct stat st;
    if (fm_active && fm.setxattr_readonly.rate > 0 && REAL(fstatat)(AT_FDCWD, path, &st, 0) == 0
        && read_only_file(&st) && fm_chance(fm.setxattr_readonly.rate)) {
        fm_log("setxattr_readonly", EPERM, AT_FDCWD, path);
        errno = EPERM;
        return -1;
    }
    return REAL(setxattr)(path, name, value, size, flags);
}

int fchmodat(int dirfd, const char *path, mode_t mode, int flags)
{
    struct stat st;
    if (fm_active && fm.chmod_share_root.rate > 0 && fm_root_ino != 0
        && REAL(fstatat)(dirfd, path, &st, flags & AT_SYMLINK_NOFOLLOW) == 0
        && st.st_ino == fm_root_ino && st.st_dev == fm_root_dev && fm_chance(fm.chmod_share_root.rate)) {
        fm_log("chmod_share_root", EPERM, dirfd, path);
        errno = EPERM;
        return -1;
    }
    return REAL(fchmodat)(dirfd, path, mode, flags);
}
