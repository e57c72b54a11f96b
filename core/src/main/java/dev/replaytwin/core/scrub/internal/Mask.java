package dev.replaytwin.core.scrub.internal;

/**
 * Masks a found value for reports, so an audit can show where personal data is without repeating
 * it: {@code a***@e***.com}, {@code 4*** **** **** **11}, {@code +4* ** **** **58}.
 */
public final class Mask {
  private static final int MAX_LENGTH = 32;

  private Mask() {}

  public static String of(Detector detector, String value) {
    if (detector == Detector.EMAIL) {
      String email = PercentCodec.decode(value, false);
      int at = email.lastIndexOf('@');
      int dot = email.lastIndexOf('.');
      if (at > 0 && dot > at + 1) {
        return email.charAt(0) + "***@" + email.charAt(at + 1) + "***" + email.substring(dot);
      }
    }
    int keepEnd = value.length() >= 8 ? 2 : 0;
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean kept = i == 0 || i >= value.length() - keepEnd || !Character.isLetterOrDigit(c);
      out.append(kept ? c : '*');
    }
    if (out.length() > MAX_LENGTH) {
      return out.substring(0, 6) + "…(" + value.length() + " characters)…" + out.substring(out.length() - keepEnd);
    }
    return out.toString();
  }
}
