/**
 * Response diffing with Diffy-style noise cancellation.
 *
 * <ul>
 *   <li>{@link dev.replaytwin.compare.diff.JsonDiffer}: structural diff of two JSON documents;
 *   <li>{@link dev.replaytwin.compare.diff.ResponseDiffer}: diff of two targets' outcomes of one
 *       request (error, status, chosen headers, body), as {@link dev.replaytwin.compare.diff.Difference}s
 *       keyed by generalized field: {@code status}, {@code error}, {@code header:NAME}, {@code body},
 *       {@code $.items[*].price};
 *   <li>{@link dev.replaytwin.compare.diff.IgnoreRules}: the gate policy's fields to ignore;
 *   <li>{@link dev.replaytwin.compare.diff.NoiseCanceller}: counts raw (baseline–candidate) and noise
 *       (baseline–second-baseline) differences per endpoint and field, and judges each field a
 *       regression, noise, or ignored.
 * </ul>
 */
package dev.replaytwin.compare.diff;
