package dev.replaytwin.deploy.internal.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The shared libraries a set of binaries links, as {@code ldd} reports them: what an image
 * {@code FROM scratch} must carry for those binaries to start.
 *
 * @param libraries absolute paths as the dynamic loader finds them (the loader itself included)
 * @param missing names {@code ldd} could not find
 */
public record SharedLibraries(SortedSet<String> libraries, SortedSet<String> missing) {
  /**
   * The rest of the C library, taken from libc's directory when there, whatever {@code ldd} says:
   * glibc opens its name service modules by name (users, host names; built into libc since 2.34),
   * and native code unpacked from jars at run time may link libpthread, libdl or librt (stubs since
   * 2.34, but still looked for), which the Java runtime itself does not. All are small.
   */
  static final List<String> C_LIBRARY = List.of("libpthread.so.0", "libdl.so.2", "librt.so.1", "libm.so.6",
      "libutil.so.1", "libresolv.so.2", "libnss_files.so.2", "libnss_dns.so.2");

  public SharedLibraries {
    libraries = Collections.unmodifiableSortedSet(new TreeSet<>(libraries));
    missing = Collections.unmodifiableSortedSet(new TreeSet<>(missing));
  }

  /**
   * What {@code files} link, found with {@code ldd} searching {@code searchPath} first (the
   * runtime's own directories, as its RUNPATH would), less the files under {@code exclude}.
   */
  public static SharedLibraries of(List<Path> files, List<Path> searchPath, Path exclude)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add("ldd");
    files.forEach(f -> command.add(f.toString()));
    String libraryPath = searchPath.stream().map(Path::toString).collect(Collectors.joining(":"));
    ExternalTool.Result result;
    try {
      result = new ExternalTool(command, Map.of("LD_LIBRARY_PATH", libraryPath), Duration.ofMinutes(1)).run();
    } catch (IOException e) {
      throw new IOException("ldd: cannot run it (" + e.getMessage() + "); local images need Linux with ldd", e);
    }
    SharedLibraries found = parse(result.output());
    String prefix = exclude.toAbsolutePath().normalize() + "/";
    TreeSet<String> outside = new TreeSet<>();
    for (String library : found.libraries()) {
      if (!Path.of(library).toAbsolutePath().normalize().toString().startsWith(prefix)) {
        outside.add(library);
      }
    }
    return new SharedLibraries(withCLibrary(outside), found.missing());
  }

  /**
   * {@code ldd}'s report on one or more files. Lines are {@code name => /path (0x…)},
   * {@code /path (0x…)} (the loader), {@code name => not found}, {@code linux-vdso.so.1 (0x…)}
   * (in the kernel, no file) or, with several files, a {@code file:} header.
   */
  public static SharedLibraries parse(String output) {
    SortedSet<String> libraries = new TreeSet<>();
    SortedSet<String> missing = new TreeSet<>();
    for (String raw : output.split("\n")) {
      if (!raw.startsWith("\t") && !raw.startsWith(" ")) {
        continue;
      }
      String line = raw.strip();
      int arrow = line.indexOf("=>");
      String target = arrow >= 0 ? line.substring(arrow + 2).strip() : line;
      if (target.startsWith("not found")) {
        missing.add(line.substring(0, arrow).strip());
        continue;
      }
      int paren = target.indexOf(" (");
      String path = paren >= 0 ? target.substring(0, paren).strip() : target;
      if (path.startsWith("/")) {
        libraries.add(path);
      }
    }
    return new SharedLibraries(libraries, missing);
  }

  private static SortedSet<String> withCLibrary(SortedSet<String> libraries) {
    SortedSet<String> all = new TreeSet<>(libraries);
    for (String library : libraries) {
      Path path = Path.of(library);
      if (path.getFileName().toString().startsWith("libc.so")) {
        for (String name : C_LIBRARY) {
          Path extra = path.resolveSibling(name);
          if (Files.isRegularFile(extra)) {
            all.add(extra.toString());
          }
        }
      }
    }
    return all;
  }
}
