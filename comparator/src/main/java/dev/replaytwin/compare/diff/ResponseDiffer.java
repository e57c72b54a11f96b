package dev.replaytwin.compare.diff;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.compare.diff.internal.BodyView;
import dev.replaytwin.compare.diff.internal.FieldPattern;
import dev.replaytwin.compare.diff.internal.JsonTokens;
import dev.replaytwin.compare.diff.internal.JsonValues;
import dev.replaytwin.core.Body;
import dev.replaytwin.core.Header;
import dev.replaytwin.core.Nullable;
import dev.replaytwin.core.run.Outcome;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Diffs two targets' outcomes of the same request (same exchange id and loop).
 *
 * <ul>
 *   <li><b>{@code error}</b>: the error kinds differ, such as {@code none} (answered) against
 *       {@code timeout}. Nothing else is compared then; two outcomes with the same error are equal.
 *   <li><b>{@code status}</b>: the statuses differ.
 *   <li><b>{@code header:NAME}</b>: only the configured header names, ignoring case; all values of a
 *       name are compared in order, and shown joined with {@code ", "}.
 *   <li><b>Body</b>: equal bytes are equal. When both bodies are whole JSON documents (by media type,
 *       or starting with <code>{</code> or {@code [}, and parsing), they are diffed by {@link
 *       JsonDiffer} into {@code $…} fields. Otherwise the whole body is one field, {@code body}: {@link
 *       DiffKind#CHANGED_TYPE} when the kinds differ (JSON, text, binary, empty), else {@link
 *       DiffKind#CHANGED_VALUE}. A body cut at the replayer's cap is compared by its whole-body
 *       digest only ({@link BodyComparison#DIGEST_TRUNCATED}); when a digest is missing, by the kept
 *       prefix and the whole length.
 * </ul>
 *
 * <p>Thread-safe.
 *
 * <pre>{@code
 * ResponseDiffer differ = new ResponseDiffer(List.of("content-type", "cache-control"), DiffLimits.DEFAULT);
 * ResponseDiff raw = differ.diff(baselineOutcome, candidateOutcome);
 * ResponseDiff noise = differ.diff(baselineOutcome, secondBaselineOutcome);
 * }</pre>
 */
public final class ResponseDiffer {
  private final List<String> headers;
  private final DiffLimits limits;
  private final JsonDiffer json;
  private final boolean lockstep;

  /**
   * @param headerNames the header fields to compare, in any case
   * @throws IllegalArgumentException when a name is not an HTTP token
   */
  public ResponseDiffer(Collection<String> headerNames, DiffLimits limits) {
    this(headerNames, limits, true);
  }

  /**
   * @param lockstep whether JSON bodies are first walked token by token, falling back to trees
   *     only when their shapes differ; false always builds trees (the reference the fast path is
   *     tested against)
   */
  ResponseDiffer(Collection<String> headerNames, DiffLimits limits, boolean lockstep) {
    requireNonNull(headerNames, "headerNames");
    this.lockstep = lockstep;
    this.limits = requireNonNull(limits, "limits");
    Set<String> names = new LinkedHashSet<>();
    for (String name : headerNames) {
      requireNonNull(name, "header name");
      if (!FieldPattern.isHeaderName(name)) {
        throw new IllegalArgumentException("header name: \"" + name + "\" (expected: an HTTP token such as"
            + " cache-control)");
      }
      names.add(name.toLowerCase(Locale.ROOT));
    }
    this.headers = List.copyOf(names);
    this.json = new JsonDiffer(limits);
  }

  /** The compared header names, lower case. */
  public List<String> headerNames() {
    return headers;
  }

  /**
   * The differences from {@code left} (the baseline) to {@code right}.
   *
   * @throws IllegalArgumentException when they are not outcomes of the same request
   */
  public ResponseDiff diff(Outcome left, Outcome right) {
    requireNonNull(left, "left");
    return diff(left, right, new LeftBody(left));
  }

  /**
   * The differences from {@code left} to each of {@code rights} (the candidate, the second
   * baseline), parsing {@code left}'s body once.
   *
   * @throws IllegalArgumentException when they are not outcomes of the same request
   */
  public List<ResponseDiff> diff(Outcome left, List<Outcome> rights) {
    requireNonNull(left, "left");
    LeftBody view = new LeftBody(left);
    List<ResponseDiff> out = new ArrayList<>(rights.size());
    for (Outcome right : rights) {
      out.add(diff(left, right, view));
    }
    return out;
  }

  /** {@code left}'s body, copied, read into tokens and parsed when first needed and then kept. */
  private static final class LeftBody {
    private final Outcome outcome;
    private byte @Nullable [] bytes;
    private @Nullable BodyView view;
    private boolean tokenized;
    private @Nullable JsonTokens tokens;

    LeftBody(Outcome outcome) {
      this.outcome = outcome;
    }

    byte[] bytes() {
      if (bytes == null) {
        bytes = outcome.body().toByteArray();
      }
      return bytes;
    }

    @Nullable JsonTokens tokens() {
      if (!tokenized) {
        tokens = JsonTokens.of(bytes());
        tokenized = true;
      }
      return tokens;
    }

    BodyView get() {
      if (view == null) {
        view = BodyView.of(bytes(), outcome.contentType());
      }
      return view;
    }
  }

  private ResponseDiff diff(Outcome left, Outcome right, LeftBody leftBody) {
    requireNonNull(right, "right");
    if (!left.exchangeId().equals(right.exchangeId()) || left.loop() != right.loop()) {
      throw new IllegalArgumentException("right: exchange " + right.exchangeId() + " loop " + right.loop()
          + " (expected: the left one's, " + left.exchangeId() + " loop " + left.loop() + ")");
    }
    List<Difference> out = new ArrayList<>(2);
    if (left.error() != right.error()) {
      out.add(plain("error", DiffKind.CHANGED_VALUE, left.error().label(), right.error().label()));
      return result(left, out, BodyComparison.NOT_COMPARED, false);
    }
    if (!left.answered() || !right.answered()) {
      return result(left, out, BodyComparison.NOT_COMPARED, false);
    }
    if (left.status() != right.status()) {
      out.add(plain("status", DiffKind.CHANGED_VALUE, Integer.toString(left.status()),
          Integer.toString(right.status())));
    }
    // Equal header lists (the usual case) have no differences under any name.
    if (!headers.isEmpty() && !sameHeaders(left.headers().entries(), right.headers().entries())) {
      for (String name : headers) {
        compareHeader(name, left.headers().all(name), right.headers().all(name), out);
      }
    }
    Body a = left.body();
    Body b = right.body();
    if (a.isTruncated() || b.isTruncated()) {
      if (!sameWholeBody(left, right)) {
        out.add(plain("body", DiffKind.CHANGED_VALUE, digestText(left), digestText(right)));
      }
      return result(left, out, BodyComparison.DIGEST_TRUNCATED, false);
    }
    if (a.equals(b)) {
      return result(left, out, BodyComparison.BYTES, false);
    }
    int room = limits.maxDifferences() - out.size();
    byte[] bb = b.toByteArray();
    if (lockstep && room > 0 && BodyView.triedAsJson(leftBody.bytes(), left.contentType())
        && BodyView.triedAsJson(bb, right.contentType())) {
      JsonTokens lt = leftBody.tokens();
      JsonTokens rt = lt == null ? null : JsonTokens.ofUnchecked(bb);
      JsonDiff diff;
      if (rt != null) {
        // Where the token walk gives up on two documents it read, the parser's walk gives up too:
        // same rules (LockstepEquivalenceTest). Only a document the tokens could not read is its.
        diff = json.diffTokens(lt, rt, room);
      } else {
        diff = json.diffLockstep(leftBody.bytes(), bb, room);
      }
      if (diff != null) {
        // The diff's list is immutable already: a response whose only differences are in the body shares it.
        if (out.isEmpty()) {
          return result(left, diff.differences(), BodyComparison.JSON, diff.capped());
        }
        out.addAll(diff.differences());
        return result(left, out, BodyComparison.JSON, diff.capped());
      }
    }
    BodyView va = leftBody.get();
    BodyView vb = BodyView.of(bb, right.contentType());
    if (va.kind() == BodyView.Kind.JSON && vb.kind() == BodyView.Kind.JSON) {
      if (room <= 0) {
        return result(left, out, BodyComparison.JSON, true);
      }
      JsonDiff diff = json.diff(va.tree(), vb.tree(), room);
      out.addAll(diff.differences());
      return result(left, out, BodyComparison.JSON, diff.capped());
    }
    DiffKind kind = va.kind() == vb.kind() ? DiffKind.CHANGED_VALUE : DiffKind.CHANGED_TYPE;
    out.add(plain("body", kind, va.show(a, left.bodyDigest(), limits.maxValueChars()),
        vb.show(b, right.bodyDigest(), limits.maxValueChars())));
    return result(left, out, BodyComparison.BYTES, false);
  }

  /** {@code left.equals(right)}, without a record's generated {@code equals} per field. */
  private static boolean sameHeaders(List<Header> left, List<Header> right) {
    if (left == right) {
      return true;
    }
    if (left.size() != right.size()) {
      return false;
    }
    for (int i = 0; i < left.size(); i++) {
      Header a = left.get(i);
      Header b = right.get(i);
      if (a != b && (!a.name().equals(b.name()) || !a.value().equals(b.value()))) {
        return false;
      }
    }
    return true;
  }

  private void compareHeader(String name, List<String> left, List<String> right, List<Difference> out) {
    if (left.equals(right)) {
      return;
    }
    String field = "header:" + name;
    if (left.isEmpty()) {
      out.add(plain(field, DiffKind.EXTRA, null, join(right)));
    } else if (right.isEmpty()) {
      out.add(plain(field, DiffKind.MISSING, join(left), null));
    } else {
      out.add(plain(field, DiffKind.CHANGED_VALUE, join(left), join(right)));
    }
  }

  private String join(List<String> values) {
    return JsonValues.cut(String.join(", ", values), limits.maxValueChars());
  }

  /** Both bodies' digests when both have one, else the kept bytes and the whole length. */
  private static boolean sameWholeBody(Outcome left, Outcome right) {
    if (!left.bodyDigest().isEmpty() && !right.bodyDigest().isEmpty()) {
      return left.bodyDigest().equals(right.bodyDigest());
    }
    return left.body().equals(right.body());
  }

  private String digestText(Outcome outcome) {
    String digest = outcome.bodyDigest().isEmpty() ? "(no digest)" : outcome.bodyDigest();
    return JsonValues.cut(digest + " (" + outcome.body().originalLength() + " bytes"
        + (outcome.body().isTruncated() ? ", cut at " + outcome.body().length() : "") + ")", limits.maxValueChars());
  }

  private static Difference plain(String field, DiffKind kind, @Nullable String left, @Nullable String right) {
    return new Difference(field, field, kind, left, right);
  }

  private static ResponseDiff result(Outcome left, List<Difference> out, BodyComparison body, boolean capped) {
    return new ResponseDiff(left.exchangeId(), left.loop(), left.endpoint(), out, body, capped);
  }
}
