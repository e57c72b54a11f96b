package dev.replaytwin.core.capture;

import dev.replaytwin.core.Exchange;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Naming of capture files. A capture written without rotation is the one file it was asked for; a
 * rotated capture {@code prod.twcap} is written as {@code prod.00000.twcap}, {@code prod.00001.twcap},
 * …, and readers given {@code prod.twcap} read them in order as one capture.
 */
public final class CaptureFiles {
  public static final String EXTENSION = ".twcap";
  private static final Pattern SEGMENT = Pattern.compile("(.*)\\.(\\d{5,})\\.twcap");

  private CaptureFiles() {}

  /** The file of segment {@code index} of the rotated capture {@code base}. */
  public static Path segmentPath(Path base, int index) {
    return base.resolveSibling(String.format(Locale.ROOT, "%s.%05d%s", stem(base), index, EXTENSION));
  }

  /**
   * The files to read for {@code path}: the file itself when it exists, else the segments of the
   * rotated capture it names, in segment order (empty when there are none).
   */
  public static List<Path> resolve(Path path) throws IOException {
    if (Files.exists(path)) {
      return List.of(path);
    }
    Path dir = path.toAbsolutePath().getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      return List.of();
    }
    String wantedStem = stem(path);
    List<Path> segments = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*" + EXTENSION)) {
      for (Path p : ds) {
        Matcher m = SEGMENT.matcher(p.getFileName().toString());
        if (m.matches() && m.group(1).equals(wantedStem)) {
          segments.add(p);
        }
      }
    }
    segments.sort((a, b) -> Long.compare(segmentIndex(a), segmentIndex(b)));
    return segments;
  }

  private static String stem(Path file) {
    String name = file.getFileName().toString();
    return name.toLowerCase(Locale.ROOT).endsWith(EXTENSION)
        ? name.substring(0, name.length() - EXTENSION.length())
        : name;
  }

  /** The segment number in a segment file's name, or -1 when the name is not a segment name. */
  public static long segmentIndex(Path file) {
    Matcher m = SEGMENT.matcher(file.getFileName().toString());
    return m.matches() ? Long.parseLong(m.group(2)) : -1;
  }

  /**
   * The capture time of the first exchange in file order, which relative times such as
   * {@code --from +30s} count from; empty for a capture with none. Damage is not reported here:
   * the read that follows finds and reports it.
   */
  public static OptionalLong firstCaptureTime(Path file, boolean skipCorrupt) throws IOException {
    try (CaptureReader reader = CaptureReader.open(file, ReadOptions.defaults().skippingCorrupt(skipCorrupt))) {
      Exchange first = reader.next();
      return first == null ? OptionalLong.empty() : OptionalLong.of(first.captureTimeNanos());
    }
  }
}
