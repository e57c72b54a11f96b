/** How the benchmarks and the traffic generator work inside; not an API. */
package dev.replaytwin.bench.internal;
