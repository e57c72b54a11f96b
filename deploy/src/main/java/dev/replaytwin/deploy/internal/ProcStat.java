package dev.replaytwin.deploy.internal;

/**
 * Reads the figures ReplayTwin samples out of the text of {@code /proc/<pid>/stat} and
 * {@code /proc/<pid>/status} (see proc(5)). Every method answers -1 for text it cannot read.
 */
public final class ProcStat {
  // Fields of /proc/<pid>/stat counted from 1; the first two (pid, comm) come before the last ')'.
  private static final int FIRST_AFTER_COMM = 3;
  private static final int UTIME = 14;
  private static final int CSTIME = 17;

  private ProcStat() {
  }

  /**
   * utime + stime + cutime + cstime in clock ticks: the CPU time of the process and of the children
   * it has waited for. Live children are not in it, so summing a live tree counts nothing twice.
   */
  public static long cpuTicks(String stat) {
    // comm may hold spaces and parentheses, so fields are split only after its last ')'.
    int close = stat.lastIndexOf(')');
    if (close < 0) {
      return -1;
    }
    String[] fields = stat.substring(close + 1).strip().split("\\s+");
    if (fields.length <= CSTIME - FIRST_AFTER_COMM) {
      return -1;
    }
    long ticks = 0;
    try {
      for (int field = UTIME; field <= CSTIME; field++) {
        long value = Long.parseLong(fields[field - FIRST_AFTER_COMM]);
        ticks += Math.max(0, value); // cutime/cstime are signed in the kernel's format
      }
    } catch (NumberFormatException e) {
      return -1;
    }
    return ticks;
  }

  /** {@code VmRSS} in bytes; -1 when absent (a kernel thread, a zombie). */
  public static long rssBytes(String status) {
    String value = field(status, "VmRSS:");
    if (value == null) {
      return -1;
    }
    String[] parts = value.split("\\s+");
    try {
      long amount = Long.parseLong(parts[0]);
      return parts.length > 1 && parts[1].equalsIgnoreCase("kB") ? amount * 1024 : amount;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** {@code Threads}; -1 when absent. */
  public static int threads(String status) {
    String value = field(status, "Threads:");
    if (value == null) {
      return -1;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String field(String status, String key) {
    for (String line : status.split("\n")) {
      if (line.startsWith(key)) {
        return line.substring(key.length()).strip();
      }
    }
    return null;
  }
}
