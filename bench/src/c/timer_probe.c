/*
 * The machine's floor for an open-loop sender: sleeps until evenly spaced instants (absolute
 * CLOCK_MONOTONIC deadlines, so error does not accumulate) and reports how late it woke.
 * Nothing else runs in it: what it measures is the kernel's and the hypervisor's wake-up latency.
 *
 *   timer_probe RATE SECONDS    e.g. timer_probe 2000 5
 *
 * Prints one line: rate, wake-ups, late over 1 ms (count and share), p50, p99 and max lateness in ms.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static long long now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static int cmp(const void *a, const void *b) {
  long long x = *(const long long *) a, y = *(const long long *) b;
  return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: timer_probe RATE SECONDS\n");
    return 2;
  }
  long rate = atol(argv[1]);
  long seconds = atol(argv[2]);
  if (rate < 1 || rate > 1000000 || seconds < 1 || seconds > 3600 || rate * seconds > 20000000) {
    fprintf(stderr, "timer_probe: RATE 1..1000000 and SECONDS 1..3600, at most 20M wake-ups\n");
    return 2;
  }
  long n = rate * seconds;
  long long gap = 1000000000LL / rate;
  long long *lag = malloc(sizeof(long long) * n);
  if (lag == NULL) {
    return 1;
  }
  long long t0 = now() + 1000000;
  long late = 0;
  for (long i = 0; i < n; i++) {
    long long due = t0 + i * gap;
    struct timespec ts = {due / 1000000000LL, due % 1000000000LL};
    clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL);
    lag[i] = now() - due;
    if (lag[i] > 1000000) {
      late++;
    }
  }
  qsort(lag, n, sizeof(long long), cmp);
  printf("rate %ld/s, %ld wake-ups, %ld over 1 ms (%.2f%%), p50 %.3f ms, p99 %.3f ms, max %.2f ms\n", rate, n, late,
      100.0 * late / n, lag[n / 2] / 1e6, lag[(long) (n * 0.99)] / 1e6, lag[n - 1] / 1e6);
  free(lag);
  return 0;
}
