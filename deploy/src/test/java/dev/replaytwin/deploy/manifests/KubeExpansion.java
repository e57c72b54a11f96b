package dev.replaytwin.deploy.manifests;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Kubernetes' expansion of {@code $(VAR)} in a container's command, args and env values: a
 * reference to a variable the container defines is replaced by its value, {@code $$} is a literal
 * {@code $}, and anything else (an undefined name, {@code $(date +%s)}) is left as written.
 */
final class KubeExpansion {
  private KubeExpansion() {}

  /** {@code text} expanded; {@code lookup} gives a variable's value, or null to leave the reference. */
  static String expand(String text, Function<String, String> lookup) {
    StringBuilder out = new StringBuilder();
    scan(text, lookup, out, new ArrayList<>());
    return out.toString();
  }

  /** The variable names {@code text} refers to with {@code $(NAME)}, escaped ones ({@code $$(NAME)}) left out. */
  static List<String> references(String text) {
    List<String> names = new ArrayList<>();
    scan(text, name -> null, new StringBuilder(), names);
    return names;
  }

  private static void scan(String text, Function<String, String> lookup, StringBuilder out, List<String> names) {
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '$') {
        out.append('$');
        i += 2;
      } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '(') {
        int close = text.indexOf(')', i);
        String name = close < 0 ? "" : text.substring(i + 2, close);
        if (name.matches("[-._a-zA-Z][-._a-zA-Z0-9]*")) {
          names.add(name);
          String value = lookup.apply(name);
          out.append(value != null ? value : text.substring(i, close + 1));
          i = close + 1;
        } else {
          out.append(c);
          i++;
        }
      } else {
        out.append(c);
        i++;
      }
    }
  }
}
