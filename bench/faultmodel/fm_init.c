/* Start-up, in a constructor: before virtiofsd's main() sets up its sandbox (namespaces, pivot_root, seccomp),
 * resolve the real libc functions, load the model, open the injection log and note the share's root inode.
 *   FSBENCH_FAULT_MODEL  the model file (JSON)      FSBENCH_FAULT_LOG  the injection log (appended to)
 * Without FSBENCH_FAULT_MODEL the library passes every call through unchanged. */
#include "fm.h"
#include <dlfcn.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct fm_real fm_real;
dev_t fm_root_dev;
ino_t fm_root_ino;
extern int fm_log_fd;

/* The VM's pause or freeze, told by the rig: SIGUSR1 when it stops, SIGUSR2 when it runs again. AVF's server
 * lives in the VM's own process and sees this directly; virtiofsd is a separate process and is told. */
static volatile double stopped_at_ms = -1, resumed_at_ms = -1, stopped_for_ms = 0;
static void on_vm_stopped(int sig) { (void)sig; stopped_at_ms = fm_now_ms(); }
static void on_vm_resumed(int sig)
{
    (void)sig;
    double now = fm_now_ms();
    if (stopped_at_ms >= 0) { stopped_for_ms = now - stopped_at_ms; resumed_at_ms = now; stopped_at_ms = -1; }
}

bool fm_in_post_freeze_window(void)
{
    if (fm.post_freeze.rate <= 0 || resumed_at_ms < 0 || stopped_for_ms <= fm.post_freeze.after_ms) return false;
    return fm_now_ms() - resumed_at_ms < fm.post_freeze.ms;
}

/* virtiofsd's "-o source=DIR": the share, whose root the model protects from chmod (talos#14058). */
static void note_share_root(void)
{
    int fd = open("/proc/self/cmdline", O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    static char args[8192];
    ssize_t n = read(fd, args, sizeof args - 1);
    close(fd);
    if (n <= 0) return;
    args[n] = 0;
    for (char *a = args; a < args + n; a += strlen(a) + 1) {
        char *s = strstr(a, "source=");
        if (!s || (s != a && s[-1] != ',')) continue;
        char dir[4096];
        snprintf(dir, sizeof dir, "%s", s + 7);
        char *comma = strchr(dir, ',');
        if (comma) *comma = 0;
        struct stat st;
        if (stat(dir, &st) == 0) { fm_root_dev = st.st_dev; fm_root_ino = st.st_ino; }
    }
}

/* Also called by the wrappers: another library's constructor may call them before ours has run. */
void fm_resolve(void)
{
    if (fm_real.fchmodat) return;
    fm_real.mkdirat = dlsym(RTLD_NEXT, "mkdirat");
    fm_real.openat = dlsym(RTLD_NEXT, "openat64");
    fm_real.linkat = dlsym(RTLD_NEXT, "linkat");
    fm_real.unlinkat = dlsym(RTLD_NEXT, "unlinkat");
    fm_real.statx = dlsym(RTLD_NEXT, "statx");
    fm_real.fstatat = dlsym(RTLD_NEXT, "fstatat64");
    fm_real.fsetxattr = dlsym(RTLD_NEXT, "fsetxattr");
    fm_real.setxattr = dlsym(RTLD_NEXT, "setxattr");
    fm_real.fchmodat = dlsym(RTLD_NEXT, "fchmodat");   /* last: it marks the table complete */
}

__attribute__((constructor)) static void fm_start(void)
{
    fm_resolve();

    const char *model = getenv("FSBENCH_FAULT_MODEL");
    if (!model || !*model) return;
    if (fm_load(model, &fm) != 0) {
        fprintf(stderr, "faultmodel: cannot read the model file %s; passing every call through\n", model);
        return;
    }
    const char *log = getenv("FSBENCH_FAULT_LOG");
    if (log && *log) fm_log_fd = open(log, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    note_share_root();
    struct sigaction sa = { 0 };
    sa.sa_flags = SA_RESTART;
    sa.sa_handler = on_vm_stopped;
    sigaction(SIGUSR1, &sa, NULL);
    sa.sa_handler = on_vm_resumed;
    sigaction(SIGUSR2, &sa, NULL);
    fm_active = true;
    fprintf(stderr, "faultmodel: model '%s' (seed %llu) active, injections logged to %s\n",
            fm.name, (unsigned long long)fm.seed, log && *log ? log : "(nowhere)");
}
