/* Calls libc the way virtiofsd (QEMU 7.2) does, so the fault model library can be tested on the host by
 * preloading it here. Commands, run in order in the current directory, one output line each:
 *   mkdir NAME MODE | create NAME MODE | open NAME | xopen NAME | lookup NAME | lookups N NAME | link OLD NEW | unlink NAME
 *   symlink TARGET NAME | nlink NAME | setxattr NAME | chmod NAME MODE | fds | sleep MS | raise usr1|usr2
 *   source=DIR (ignored here: virtiofsd's option naming the share, which the library reads from the command line)
 * MODE is octal; a result is "ok", a number, or the errno name. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <time.h>
#include <unistd.h>
#if defined(__aarch64__)
#define GUEST_O_LARGEFILE 0400000
#else
#define GUEST_O_LARGEFILE 0100000
#endif

static const char *err(int e)
{
    switch (e) {
    case EACCES: return "EACCES"; case ENOENT: return "ENOENT"; case EIO: return "EIO"; case EPERM: return "EPERM";
    case EEXIST: return "EEXIST"; default: { static char b[16]; snprintf(b, sizeof b, "E%d", e); return b; }
    }
}
static void result(int r) { puts(r < 0 ? err(errno) : "ok"); }

int main(int argc, char **argv)
{
    int dir = open(".", O_PATH | O_DIRECTORY), proc = open("/proc/self/fd", O_PATH);
    for (int i = 1; i < argc; i++) {
        const char *c = argv[i];
        if (!strcmp(c, "mkdir")) { result(mkdirat(dir, argv[i + 1], strtoul(argv[i + 2], 0, 8))); i += 2; }
        else if (!strcmp(c, "create")) {
            int fd = openat(dir, argv[i + 1], O_CREAT | O_EXCL | O_WRONLY, strtoul(argv[i + 2], 0, 8));
            result(fd); if (fd >= 0) close(fd); i += 2;
        } else if (!strcmp(c, "open") || !strcmp(c, "xopen")) {
            /* LOOKUP's O_PATH descriptor, then OPEN through /proc/self/fd with the guest's flags (O_LARGEFILE, as FUSE_OPEN
             * passes them); xopen: virtiofsd's open for an xattr request (O_RDONLY alone) */
            int path = openat(dir, argv[++i], O_PATH | O_NOFOLLOW);
            char name[16]; snprintf(name, sizeof name, "%d", path);
            int fd = openat(proc, name, O_RDONLY | (!strcmp(c, "open") ? GUEST_O_LARGEFILE : 0));
            result(fd); if (fd >= 0) close(fd); close(path);
        } else if (!strcmp(c, "lookup")) { int fd = openat(dir, argv[++i], O_PATH | O_NOFOLLOW); result(fd); if (fd >= 0) close(fd); }
        else if (!strcmp(c, "lookups")) {   /* N lookups: prints how many failed */
            long n = atol(argv[i + 1]), failed = 0;
            for (long k = 0; k < n; k++) { int fd = openat(dir, argv[i + 2], O_PATH | O_NOFOLLOW); if (fd < 0) failed++; else close(fd); }
            printf("%ld\n", failed); i += 2;
        } else if (!strcmp(c, "link")) { result(linkat(dir, argv[i + 1], dir, argv[i + 2], 0)); i += 2; }
        else if (!strcmp(c, "unlink")) result(unlinkat(dir, argv[++i], 0));
        else if (!strcmp(c, "symlink")) { result(symlinkat(argv[i + 1], dir, argv[i + 2])); i += 2; }
        else if (!strcmp(c, "nlink")) {
            struct stat st;
            if (fstatat(dir, argv[++i], &st, AT_SYMLINK_NOFOLLOW) < 0) result(-1); else printf("%lu\n", (unsigned long)st.st_nlink);
        } else if (!strcmp(c, "setxattr")) {
            int fd = openat(dir, argv[++i], O_RDONLY);
            result(fd < 0 ? fd : fsetxattr(fd, "user.fsbench", "1", 1, 0)); if (fd >= 0) close(fd);
        } else if (!strcmp(c, "chmod")) { result(fchmodat(dir, argv[i + 1], strtoul(argv[i + 2], 0, 8), 0)); i += 2; }
        else if (!strcmp(c, "fds")) {
            long n = 0; DIR *d = opendir("/proc/self/fd"); while (readdir(d)) n++; closedir(d); printf("%ld\n", n);
        } else if (!strcmp(c, "sleep")) { struct timespec t = { 0, atol(argv[++i]) * 1000000L }; while (t.tv_nsec >= 1000000000L) { t.tv_sec++; t.tv_nsec -= 1000000000L; } nanosleep(&t, 0); puts("ok"); }
        else if (!strcmp(c, "raise")) { raise(!strcmp(argv[++i], "usr1") ? SIGUSR1 : SIGUSR2); puts("ok"); }
        else if (!strncmp(c, "source=", 7)) continue;
        else { fprintf(stderr, "fm-driver: unknown command '%s'\n", c); return 2; }
        fflush(stdout);
    }
    return 0;
}
