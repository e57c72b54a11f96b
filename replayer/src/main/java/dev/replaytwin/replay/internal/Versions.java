package dev.replaytwin.replay.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** The versions {@code run.json} names: twin's, the JVM's, the OS's and the libraries' on the data path. */
final class Versions {
  private Versions() {}

  static Map<String, String> all() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("replaytwin", replaytwin());
    v.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
    v.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    var netty = io.netty.util.Version.identify().get("netty-codec-http");
    v.put("netty", netty == null ? "unknown" : netty.artifactVersion());
    String hdr = org.HdrHistogram.Histogram.class.getPackage().getImplementationVersion();
    v.put("hdrhistogram", hdr == null ? "unknown" : hdr);
    return v;
  }

  private static String replaytwin() {
    Properties p = new Properties();
    try (InputStream in = Versions.class.getResourceAsStream("/dev/replaytwin/replay/version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return p.getProperty("version", "unknown");
  }
}
