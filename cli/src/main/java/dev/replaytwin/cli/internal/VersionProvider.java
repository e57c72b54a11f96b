package dev.replaytwin.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code twin --version}: the project version Maven filtered into {@code twin-version.properties}. */
public final class VersionProvider implements IVersionProvider {
  private static final String RESOURCE = "/twin-version.properties";

  @Override
  public String[] getVersion() throws IOException {
    return new String[] {
        "twin " + version(),
        "JVM: ${java.version} (${java.vendor} ${java.vm.name} ${java.vm.version})",
        "OS: ${os.name} ${os.version} ${os.arch}"};
  }

  /** The version twin was built as, e.g. {@code 0.1.0}; {@code unknown} outside a Maven build. */
  public static String version() throws IOException {
    Properties properties = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return "unknown";
      }
      properties.load(in);
    }
    return properties.getProperty("version", "unknown");
  }
}
