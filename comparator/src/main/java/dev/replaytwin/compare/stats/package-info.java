/**
 * Statistics behind the comparator's verdicts, deterministic and fast enough for a million
 * requests per target.
 *
 * <ul>
 *   <li>Latency percentiles: {@link dev.replaytwin.compare.stats.QuantileBootstrap} (one target,
 *       from its HdrHistogram) and {@link dev.replaytwin.compare.stats.PairedQuantileBootstrap}
 *       (how a percentile moved, over the same requests), with confidence intervals.
 *   <li>Latency shift: {@link dev.replaytwin.compare.stats.WilcoxonSignedRank} on per-request
 *       differences.
 *   <li>Error rates: {@link dev.replaytwin.compare.stats.ExactTests} (McNemar, Fisher, Wilson).
 *   <li>Many tests at once: {@link dev.replaytwin.compare.stats.MultipleTesting}.
 *   <li>Sensitivity of a run: {@link dev.replaytwin.compare.stats.DetectableChange}.
 * </ul>
 *
 * <p>Every bootstrap is seeded from a hash of its own input, so the same run always gets the same
 * report.
 */
package dev.replaytwin.compare.stats;
