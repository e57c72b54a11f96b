/**
 * The run directory: what a replay writes for each target and the comparator reads.
 *
 * <pre>
 * &lt;run&gt;/run.json                              manifest: {@link dev.replaytwin.core.run.RunManifest}, docs/replay.md
 * &lt;run&gt;/targets/&lt;name&gt;/latency.hlog           HdrHistogram interval log, latency from intended send time
 * &lt;run&gt;/targets/&lt;name&gt;/service.hlog           the same from actual send time
 * &lt;run&gt;/targets/&lt;name&gt;/outcomes.jsonl.zst     one row per replayed request
 * </pre>
 *
 * <p>{@link dev.replaytwin.core.run.RunDirectory} names these paths. The interval logs tag each
 * histogram with its endpoint through {@link dev.replaytwin.core.run.EndpointTag}
 * ({@code GET /users/{id}} is tagged {@code GET:/users/{id}}).
 *
 * <h2>Outcomes files, version 1</h2>
 *
 * <p>zstd-compressed JSON Lines (UTF-8, one object a line, each line ending in {@code \n}). The
 * first line is the header {@code {"format":"replaytwin-outcomes","version":1}}; every other line is
 * one {@link dev.replaytwin.core.run.Outcome}:
 *
 * <pre>{@code
 * {"id":"ex-42","loop":0,"endpoint":"GET /users/{id}","method":"GET","intended":1763700000123456789,
 *  "sent":1763700000123501000,"latencyNs":2481000,"serviceNs":2436000,"status":200,"size":27,
 *  "digest":"sha256:…","contentType":"application/json","bodyEncoding":"utf8","body":"{\"id\":42,…}"}
 * }</pre>
 *
 * <p>A field whose value means "none" is left out: {@code sent}, {@code latencyNs}, {@code serviceNs}
 * and {@code size} when -1, {@code status} when 0, {@code error} when {@code none},
 * {@code detail}, {@code digest} and {@code contentType} when empty, and the body fields when there
 * is no body. {@code bodyEncoding} is {@code utf8} when the body's bytes are valid UTF-8 (the body is
 * then that text) and {@code base64} otherwise; {@code bodyTruncated} and {@code bodyLength} (the
 * whole body's length) appear only when the body was cut at the replayer's cap. Readers ignore fields
 * they do not know, so a later writer may add fields without a new version; the version changes only
 * when an old reader would misread the file.
 *
 * <p>The writer ends a zstd frame at every flush, so a file whose writer was killed reads back up to
 * its last flush; {@code docs/run-directory.md} has the details and how to read a file with
 * {@code zstdcat | jq}.
 */
package dev.replaytwin.core.run;
