package dev.replaytwin.core.scrub;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.core.scrub.internal.PolicyDigest;
import dev.replaytwin.core.scrub.internal.PolicyReader;
import dev.replaytwin.core.scrub.internal.PolicyRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What to scrub from captured exchanges and how: rules for headers, query parameters, form fields,
 * cookies and JSON paths, plus detectors that find personal data anywhere in text. Immutable and
 * thread-safe. The YAML format is described in {@code docs/scrubbing.md}.
 *
 * <pre>{@code
 * ScrubPolicy policy = ScrubPolicy.load(Path.of("scrub-policy.yaml"));   // or ScrubPolicy.defaults()
 * CaptureWriterOptions options = CaptureWriterOptions.builder()
 *     .scrubPolicyDigest(policy.digest())
 *     .build();
 * }</pre>
 *
 * <p>{@link #defaults()} is safe on its own: credentials in {@code Authorization},
 * {@code Proxy-Authorization}, API-key and token headers, cookie values, and credential-named
 * parameters and JSON members are redacted; e-mail addresses, card numbers, IBANs, phone numbers,
 * SSNs, JWTs, bearer tokens and IP addresses are pseudonymised wherever they are found in text.
 * A policy file adds its rules in front of these unless it says {@code defaults: false}.
 */
public final class ScrubPolicy {
  private static final ScrubPolicy DEFAULTS = new ScrubPolicy(PolicyRules.defaults(), "built-in defaults");
  /** Policies are small; a larger file is a mistake (a capture passed by accident). */
  private static final long MAX_FILE_BYTES = 1 << 20;

  private final PolicyRules rules;
  private final String source;
  private final String digest;

  private ScrubPolicy(PolicyRules rules, String source) {
    this.rules = rules;
    this.source = source;
    this.digest = PolicyDigest.of(rules);
  }

  /** The built-in policy: what is scrubbed when no policy is given. */
  public static ScrubPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * Reads and validates a YAML policy file.
   *
   * @throws ScrubPolicyException listing every problem, each with the file, line and field
   * @throws IOException when the file cannot be read
   */
  public static ScrubPolicy load(Path file) throws IOException, ScrubPolicyException {
    requireNonNull(file, "file");
    long size = Files.size(file);
    if (size > MAX_FILE_BYTES) {
      throw new ScrubPolicyException(List.of(file + ": " + size + " bytes (expected: a policy file under 1 MiB)"));
    }
    return parse(Files.readString(file), file.toString());
  }

  /** Parses a YAML policy given as text; messages name it {@code <policy>}. */
  public static ScrubPolicy parse(String yaml) throws ScrubPolicyException {
    return parse(yaml, "<policy>");
  }

  /**
   * Parses a YAML policy given as text.
   *
   * @param sourceName how messages name the policy, e.g. its file name
   * @throws ScrubPolicyException listing every problem, each with the line and field
   */
  public static ScrubPolicy parse(String yaml, String sourceName) throws ScrubPolicyException {
    requireNonNull(yaml, "yaml");
    requireNonNull(sourceName, "sourceName");
    return new ScrubPolicy(PolicyReader.read(sourceName, yaml), sourceName);
  }

  /**
   * {@code sha256:} and 64 hex digits identifying the policy as applied: every effective rule in
   * order, with the built-in defaults expanded, the marker, kept binary types and limits. Comments,
   * layout and key order do not change it. Recorded in capture headers as {@code scrubPolicyDigest}.
   */
  public String digest() {
    return digest;
  }

  /** Whether the built-in default rules are included. */
  public boolean usesDefaults() {
    return rules.usesDefaults();
  }

  /** Every rule name this policy can report in {@code scrubRulesFired} and hit counts. */
  public List<String> ruleNames() {
    return rules.ruleNames();
  }

  PolicyRules rules() {
    return rules;
  }

  @Override
  public String toString() {
    return "ScrubPolicy[" + source + ", " + digest + "]";
  }
}
