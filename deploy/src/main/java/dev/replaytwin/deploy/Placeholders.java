package dev.replaytwin.deploy;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code ${…}} placeholders in a twin's command line and environment: {@code ${port}},
 * {@code ${name}}, and for each dependency {@code ${dep.NAME.url}}, {@code ${dep.NAME.host}},
 * {@code ${dep.NAME.port}}. {@code $${} writes a literal {@code ${}. An unknown placeholder is an
 * error naming it and what is known, never left in place.
 *
 * <pre>{@code
 * Placeholders p = Placeholders.of("candidate", 41873, Map.of("payments", URI.create("http://127.0.0.1:39001")));
 * p.fill("--payments=${dep.payments.url}");   // --payments=http://127.0.0.1:39001
 * }</pre>
 */
public final class Placeholders {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$?\\$\\{([^}]*)}");

  private final Map<String, String> values;

  private Placeholders(Map<String, String> values) {
    this.values = values;
  }

  /**
   * The placeholders of one twin: its name, its port (0 when the driver gives none, e.g. a
   * container's port is fixed inside), and its dependencies as this twin reaches them.
   */
  public static Placeholders of(String name, int port, Map<String, URI> dependencies) {
    requireNonNull(name, "name");
    requireNonNull(dependencies, "dependencies");
    Map<String, String> values = new LinkedHashMap<>();
    values.put("name", name);
    if (port > 0) {
      values.put("port", Integer.toString(port));
    }
    dependencies.forEach((dep, uri) -> {
      String url = uri.toString();
      values.put("dep." + dep + ".url", url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
      values.put("dep." + dep + ".host", uri.getHost());
      values.put("dep." + dep + ".port", Integer.toString(uri.getPort() > 0 ? uri.getPort()
          : "https".equals(uri.getScheme()) ? 443 : 80));
    });
    return new Placeholders(Map.copyOf(values));
  }

  /**
   * {@code template} with every placeholder replaced.
   *
   * @throws IllegalArgumentException naming the first unknown placeholder and the known ones
   */
  public String fill(String template) {
    requireNonNull(template, "template");
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder(template.length() + 16);
    while (m.find()) {
      String replacement;
      if (m.group().startsWith("$$")) {
        replacement = m.group().substring(1);
      } else {
        replacement = values.get(m.group(1).trim());
        if (replacement == null) {
          throw new IllegalArgumentException("${" + m.group(1) + "}: unknown placeholder (known: "
              + String.join(", ", new TreeSet<>(values.keySet()).stream().map(k -> "${" + k + "}").toList())
              + ")");
        }
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
