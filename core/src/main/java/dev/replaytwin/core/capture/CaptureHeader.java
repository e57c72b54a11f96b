package dev.replaytwin.core.capture;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.core.ContextTags;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The self-describing header at the start of every {@code .twcap} file.
 *
 * @param formatVersion the version this file was written in
 * @param createdAt when the writer opened the file
 * @param writer the program that wrote it, e.g. {@code replaytwin/0.1.0}
 * @param scrubPolicyDigest digest of the scrub policy applied before writing ({@code ""} when none)
 * @param context where the capture comes from
 * @param captureId the same in every segment of one rotated capture
 * @param segment this file's position in the capture, from 0
 * @param otherFields header fields this version does not interpret, kept so tools can show them
 */
public record CaptureHeader(
    int formatVersion, Instant createdAt, String writer, String scrubPolicyDigest, ContextTags context,
    String captureId, int segment, Map<String, String> otherFields) {

  public CaptureHeader {
    requireNonNull(createdAt, "createdAt");
    requireNonNull(writer, "writer");
    requireNonNull(scrubPolicyDigest, "scrubPolicyDigest");
    requireNonNull(context, "context");
    requireNonNull(captureId, "captureId");
    otherFields = Map.copyOf(new TreeMap<>(requireNonNull(otherFields, "otherFields")));
    if (segment < 0) {
      throw new IllegalArgumentException("segment: " + segment + " (expected: >= 0)");
    }
  }
}
