package dev.replaytwin.core.scrub.internal;

/** A span {@code [start, end)} of a text that a detector found. */
public record Match(int start, int end, Detector detector) {
  public int length() {
    return end - start;
  }

  public String in(String text) {
    return text.substring(start, end);
  }
}
