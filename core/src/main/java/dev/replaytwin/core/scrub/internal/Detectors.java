package dev.replaytwin.core.scrub.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A set of detectors run together over a text. Overlapping finds are resolved to one: the earliest
 * start, then the longest, then the more specific detector ({@link Detector} order). Immutable and
 * thread-safe.
 */
public final class Detectors {
  /** Every detector. */
  public static final Detectors ALL = new Detectors(EnumSet.allOf(Detector.class));
  /** No detector. */
  public static final Detectors NONE = new Detectors(EnumSet.noneOf(Detector.class));

  private static final Comparator<Match> ORDER = Comparator.comparingInt(Match::start)
      .thenComparing(Comparator.comparingInt(Match::length).reversed())
      .thenComparing(Match::detector);

  private static final JwtFinder JWT_FINDER = new JwtFinder();
  private static final EmailFinder EMAIL_FINDER = new EmailFinder();
  private static final IbanFinder IBAN_FINDER = new IbanFinder();
  private static final CardFinder CARD_FINDER = new CardFinder();
  private static final SsnFinder SSN_FINDER = new SsnFinder();
  private static final PhoneFinder PHONE_FINDER = new PhoneFinder();
  private static final Ipv6Finder IPV6_FINDER = new Ipv6Finder();
  private static final Ipv4Finder IPV4_FINDER = new Ipv4Finder();
  private static final BearerFinder BEARER_FINDER = new BearerFinder();

  /** Nothing shorter can be found: {@code a@b.cd}. */
  private static final int MIN_LENGTH = 6;

  private final Detector[] detectors;

  public Detectors(Set<Detector> enabled) {
    this.detectors = enabled.isEmpty() ? new Detector[0] : EnumSet.copyOf(enabled).toArray(new Detector[0]);
  }

  public boolean isEmpty() {
    return detectors.length == 0;
  }

  /** The non-overlapping finds in {@code text}, in order; an empty list (shared) when none. */
  public List<Match> find(String text) {
    if (detectors.length == 0 || text.length() < MIN_LENGTH) {
      return List.of();
    }
    TextScan scan = TextScan.of(text);
    if (!scan.mayHoldAnything()) {
      return List.of();
    }
    List<Match> found = new ArrayList<>(2);
    for (Detector d : detectors) {
      find(d, text, scan, found);
    }
    if (found.isEmpty()) {
      return List.of();
    }
    if (found.size() == 1) {
      return found;
    }
    found.sort(ORDER);
    List<Match> kept = new ArrayList<>(found.size());
    int end = 0;
    for (Match m : found) {
      if (m.start() >= end) {
        kept.add(m);
        end = m.end();
      }
    }
    return kept;
  }

  /** Calls each finder directly, so the JIT can inline them (one interface call site would not be). */
  private static void find(Detector d, String text, TextScan scan, List<Match> out) {
    switch (d) {
      case JWT -> JWT_FINDER.find(text, scan, d, out);
      case EMAIL -> EMAIL_FINDER.find(text, scan, d, out);
      case IBAN -> IBAN_FINDER.find(text, scan, d, out);
      case CARD -> CARD_FINDER.find(text, scan, d, out);
      case SSN -> SSN_FINDER.find(text, scan, d, out);
      case PHONE -> PHONE_FINDER.find(text, scan, d, out);
      case IPV6 -> IPV6_FINDER.find(text, scan, d, out);
      case IPV4 -> IPV4_FINDER.find(text, scan, d, out);
      case BEARER -> BEARER_FINDER.find(text, scan, d, out);
      default -> throw new AssertionError(d);
    }
  }

  /** The detector whose single find is the whole of {@code text}, or {@code null}. */
  public Detector wholeMatch(String text) {
    List<Match> found = find(text);
    if (found.size() == 1 && found.get(0).start() == 0 && found.get(0).end() == text.length()) {
      return found.get(0).detector();
    }
    return null;
  }
}
