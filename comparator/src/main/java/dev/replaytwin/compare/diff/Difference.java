package dev.replaytwin.compare.diff;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.core.Nullable;

/**
 * One difference between two responses to the same request.
 *
 * <p>{@code field} names where, generalized so that differences aggregate across requests, in one
 * namespace: {@code status}, {@code error}, {@code header:cache-control} (lower case), {@code body}
 * (the body compared as a whole, by bytes or digest) and JSON paths such as {@code $.items[*].price}
 * (array indexes replaced by {@code [*]}). {@code path} is the concrete path, such as
 * {@code $.items[3].price}; it equals {@code field} outside JSON bodies. Member names other than
 * letters, digits and {@code _} (not starting with a digit) are quoted, as in {@code $['a.b']} (RFC
 * 9535 notation). Every field is a valid {@link IgnoreRules} pattern.
 *
 * <p>The values are shown as JSON (strings quoted) or as the header, status or body text, cut to
 * {@link DiffLimits#maxValueChars()}; {@code null} where that side has no value ({@link
 * DiffKind#MISSING}, {@link DiffKind#EXTRA}).
 *
 * @param field the generalized path, the key differences are counted by
 * @param path the concrete path
 * @param kind what differs
 * @param left the baseline's value, or {@code null} when absent
 * @param right the candidate's (or second baseline's) value, or {@code null} when absent
 */
public record Difference(String field, String path, DiffKind kind, @Nullable String left, @Nullable String right) {
  public Difference {
    requireNonNull(field, "field");
    requireNonNull(path, "path");
    requireNonNull(kind, "kind");
    if (field.isEmpty()) {
      throw new IllegalArgumentException("field: \"\" (expected: status, error, body, header:NAME or a JSON path)");
    }
    if (path.isEmpty()) {
      throw new IllegalArgumentException("path: \"\" (expected: status, error, body, header:NAME or a JSON path)");
    }
  }
}
