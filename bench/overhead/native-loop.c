/* The floor for the probe's overhead: the same syscalls (mkdir, rmdir, statx) in a minimal C loop, each timed with
 * clock_gettime like the probe times its operations.
 *   native-loop DIR N      prints one line per op: "<op> <ops_per_s> <p50_ns>"  (op = mkdir, rmdir, stat) */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
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

static void report(const char *op, long *lat, int n, long wall) {
  qsort(lat, n, sizeof(long), cmp);
  printf("%s %.1f %ld\n", op, n / (wall / 1e9), lat[n / 2]);
}

int main(int argc, char **argv) {
  if (argc != 3) { fprintf(stderr, "usage: native-loop DIR N\n"); return 2; }
  const char *dir = argv[1];
  int n = atoi(argv[2]);
  long *lat = calloc(n, sizeof(long));
  char path[4096];
  struct statx st;

  long t0 = now_ns();
  for (int i = 0; i < n; i++) {
    snprintf(path, sizeof path, "%s/b0w0-d%d", dir, i);
    long a = now_ns(); if (mkdir(path, 0755) != 0) { perror(path); return 1; } lat[i] = now_ns() - a;
  }
  report("mkdir", lat, n, now_ns() - t0);

  t0 = now_ns();
  for (int i = 0; i < n; i++) {
    snprintf(path, sizeof path, "%s/b0w0-d%d", dir, i);
    long a = now_ns(); if (rmdir(path) != 0) { perror(path); return 1; } lat[i] = now_ns() - a;
  }
  report("rmdir", lat, n, now_ns() - t0);

  snprintf(path, sizeof path, "%s/b0w0-stat", dir);
  close(open(path, O_CREAT | O_WRONLY, 0644));
  t0 = now_ns();
  for (int i = 0; i < n; i++) {
    long a = now_ns(); if (statx(AT_FDCWD, path, AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS, &st) != 0) { perror(path); return 1; } lat[i] = now_ns() - a;
  }
  report("stat", lat, n, now_ns() - t0);
  unlink(path);
  return 0;
}
