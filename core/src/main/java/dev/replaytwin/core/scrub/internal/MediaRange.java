package dev.replaytwin.core.scrub.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/** A media type pattern such as {@code image/*} or {@code application/octet-stream}. */
public record MediaRange(String type, String subtype) {
  private static final Pattern TOKEN = Pattern.compile("[a-z0-9!#$&^_.+-]+");

  /** Parses {@code type/subtype}, either part {@code *}; {@code null} when it is not one. */
  public static MediaRange parse(String text) {
    String s = text.strip().toLowerCase(Locale.ROOT);
    int slash = s.indexOf('/');
    if (slash < 0) {
      return null;
    }
    String type = s.substring(0, slash);
    String subtype = s.substring(slash + 1);
    boolean typeOk = type.equals("*") ? subtype.equals("*") : TOKEN.matcher(type).matches();
    boolean subtypeOk = subtype.equals("*") || TOKEN.matcher(subtype).matches();
    return typeOk && subtypeOk ? new MediaRange(type, subtype) : null;
  }

  public boolean matches(MediaType media) {
    return (type.equals("*") || type.equals(media.type())) && (subtype.equals("*") || subtype.equals(media.subtype()));
  }

  @Override
  public String toString() {
    return type + "/" + subtype;
  }
}
