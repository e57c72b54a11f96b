/** Runnable benchmarks; see {@code bench/README.md}. */
package dev.replaytwin.bench;
