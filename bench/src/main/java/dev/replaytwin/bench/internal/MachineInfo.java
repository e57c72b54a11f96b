package dev.replaytwin.bench.internal;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Where a benchmark ran, as printed above its figures. */
public final class MachineInfo {
  private MachineInfo() {}

  /** A few lines: CPU model and count, the CPUs this process may use, JDK, GC and heap. */
  public static String describe() {
    List<String> cpuinfo = lines(Path.of("/proc/cpuinfo"));
    String model = cpuinfo.stream().filter(l -> l.startsWith("model name")).findFirst()
        .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown (no /proc/cpuinfo)");
    long logical = cpuinfo.stream().filter(l -> l.startsWith("processor")).count();
    String allowed = lines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("Cpus_allowed_list:"))
        .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
    Runtime rt = Runtime.getRuntime();
    String gcs = ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
        .collect(Collectors.joining(", "));
    return "cpu      " + model + ", " + (logical > 0 ? logical : "?") + " logical CPUs\n"
        + "process  may run on CPUs " + allowed + "; JVM sees " + rt.availableProcessors() + " processor(s)\n"
        + "jdk      " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + "\n"
        + "gc       " + gcs + ", max heap " + rt.maxMemory() / (1 << 20) + " MiB";
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }
}
