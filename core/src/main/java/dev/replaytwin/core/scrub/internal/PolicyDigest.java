package dev.replaytwin.core.scrub.internal;

import dev.replaytwin.core.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The digest of a policy as applied: SHA-256 over a canonical text of every effective rule in
 * order (defaults expanded), the marker, the kept binary types and the limits. Two policy files
 * that differ only in comments, layout or key order have the same digest; the key is no part of
 * it.
 */
public final class PolicyDigest {
  /** Bumped whenever the canonical text or the meaning of a rule changes. */
  private static final String CANONICAL_VERSION = "replaytwin-scrub-policy/1";

  private PolicyDigest() {}

  /** {@code sha256:} and 64 hex digits. */
  public static String of(PolicyRules rules) {
    return Sha256.of(canonical(rules).getBytes(StandardCharsets.UTF_8));
  }

  /** One line per setting and rule, fields quoted so no value can forge another line. */
  static String canonical(PolicyRules rules) {
    StringBuilder out = new StringBuilder(2048).append(CANONICAL_VERSION).append('\n');
    line(out, "redactMarker", rules.redactMarker());
    line(out, "maxDecodedBodyBytes", Integer.toString(rules.maxDecodedBodyBytes()));
    for (MediaRange range : rules.keepBinary()) {
      line(out, "keepBinary", range.toString());
    }
    names(out, "header", rules.headers());
    names(out, "query", rules.query());
    names(out, "form", rules.form());
    names(out, "cookie", rules.cookies());
    for (JsonRule rule : rules.json()) {
      line(out, "json", rule.path().text(), rule.action().yamlName(), rule.ruleName());
    }
    for (Map.Entry<Detector, Action> d : rules.detectors().entrySet()) {
      if (d.getValue() != Action.KEEP) {
        line(out, "detector", d.getKey().key(), d.getValue().yamlName());
      }
    }
    return out.toString();
  }

  private static void names(StringBuilder out, String family, NameRules rules) {
    List<NameRule> list = rules.rules();
    for (NameRule rule : list) {
      line(out, family, rule.pattern().text(), rule.action().yamlName(), rule.ruleName());
    }
  }

  private static void line(StringBuilder out, String kind, String... fields) {
    out.append(kind);
    for (String field : fields) {
      out.append(' ').append('"').append(field.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n"))
          .append('"');
    }
    out.append('\n');
  }
}
