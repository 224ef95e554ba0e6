/* The floor for the probe's overhead: the same syscalls as the probe's mkdir, rmdir, create and stat, in a minimal C
 * loop over paths built before the loop (as the probe encodes its paths before its timed loop).
 *   native-loop DIR N timed     each call between two clock_gettime reads, like the probe: "<op> <ops_per_s> <p50_ns>"
 *   native-loop DIR N untimed   the calls alone; only the loop's wall time: "<op> <ops_per_s> 0"
 * Order: mkdir N dirs, rmdir them, create N files, stat them (a different file each time), then unlink (untimed). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static long now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1000000000L + t.tv_nsec;
}

static int cmp(const void *a, const void *b) {
  long x = *(const long *)a, y = *(const long *)b;
  return (x > y) - (x < y);
}

static void report(const char *op, long *lat, int n, long wall, int timed) {
  long p50 = 0;
  if (timed) { qsort(lat, n, sizeof(long), cmp); p50 = lat[n / 2]; }
  printf("%s %.1f %ld\n", op, n / (wall / 1e9), p50);
}

static char **names(const char *dir, const char *tag, int n) {
  char **p = calloc(n, sizeof(char *));
  for (int i = 0; i < n; i++) { if (asprintf(&p[i], "%s/b0w0-%s%d", dir, tag, i) < 0) exit(1); }
  return p;
}

enum { MKDIR, RMDIR, CREATE, STAT };

static int call(int op, const char *path) {
  struct statx st;
  int fd;
  switch (op) {
    case MKDIR: return mkdir(path, 0755);
    case RMDIR: return rmdir(path);
    case CREATE: fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0644); return fd < 0 ? -1 : close(fd);
    default: return statx(AT_FDCWD, path, AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS, &st);
  }
}

static void loop(const char *name, int op, char **paths, int n, long *lat, int timed) {
  long t0 = now_ns();
  if (timed) {
    for (int i = 0; i < n; i++) {
      long a = now_ns();
      if (call(op, paths[i]) != 0) { perror(paths[i]); exit(1); }
      lat[i] = now_ns() - a;
    }
  } else {
    for (int i = 0; i < n; i++)
      if (call(op, paths[i]) != 0) { perror(paths[i]); exit(1); }
  }
  report(name, lat, n, now_ns() - t0, timed);
}

int main(int argc, char **argv) {
  if (argc != 4 || (strcmp(argv[3], "timed") && strcmp(argv[3], "untimed"))) {
    fprintf(stderr, "usage: native-loop DIR N timed|untimed\n");
    return 2;
  }
  const char *dir = argv[1];
  int n = atoi(argv[2]), timed = strcmp(argv[3], "timed") == 0;
  if (n < 1) { fprintf(stderr, "native-loop: N must be at least 1\n"); return 2; }
  long *lat = calloc(n, sizeof(long));
  char **dirs = names(dir, "d", n), **files = names(dir, "f", n);

  loop("mkdir", MKDIR, dirs, n, lat, timed);
  loop("rmdir", RMDIR, dirs, n, lat, timed);
  loop("create", CREATE, files, n, lat, timed);
  loop("stat", STAT, files, n, lat, timed);
  for (int i = 0; i < n; i++) unlink(files[i]);
  return 0;
}
