package dev.replaytwin.core.scrub.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Answers "does this text contain any of these words, ignoring ASCII case?" in one pass without
 * copying the text: a table of the words' first two characters picks the few positions worth a
 * closer look. Immutable and thread-safe.
 */
final class LiteralSet {
  private static final int ALPHABET = 128;

  /** Words by their first two (lower-cased) characters. */
  private final String[][] byBigram = new String[ALPHABET * ALPHABET][];
  /** A word shorter than two characters matches nearly anything: then every text is a candidate. */
  private final boolean matchesEverything;

  LiteralSet(List<String> words) {
    boolean everything = words.isEmpty();
    List<List<String>> buckets = new ArrayList<>();
    for (int i = 0; i < ALPHABET * ALPHABET; i++) {
      buckets.add(null);
    }
    for (String word : words) {
      String w = word.toLowerCase(Locale.ROOT);
      if (w.length() < 2 || w.charAt(0) >= ALPHABET || w.charAt(1) >= ALPHABET) {
        everything = true;
        continue;
      }
      int bigram = w.charAt(0) * ALPHABET + w.charAt(1);
      if (buckets.get(bigram) == null) {
        buckets.set(bigram, new ArrayList<>(2));
      }
      buckets.get(bigram).add(w);
    }
    for (int i = 0; i < buckets.size(); i++) {
      if (buckets.get(i) != null) {
        byBigram[i] = buckets.get(i).toArray(new String[0]);
      }
    }
    this.matchesEverything = everything;
  }

  boolean occursIn(String text) {
    if (matchesEverything) {
      return true;
    }
    int n = text.length() - 1;
    for (int i = 0; i < n; i++) {
      char a = lower(text.charAt(i));
      char b = lower(text.charAt(i + 1));
      if (a >= ALPHABET || b >= ALPHABET) {
        continue;
      }
      String[] candidates = byBigram[a * ALPHABET + b];
      if (candidates != null) {
        for (String word : candidates) {
          if (startsAt(text, i, word)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** True when {@code text} holds {@code word} (lower-case) at {@code at}, ignoring ASCII case. */
  private static boolean startsAt(String text, int at, String word) {
    if (at + word.length() > text.length()) {
      return false;
    }
    for (int k = 2; k < word.length(); k++) {
      if (lower(text.charAt(at + k)) != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }
}
