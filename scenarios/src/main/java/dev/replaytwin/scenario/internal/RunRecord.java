package dev.replaytwin.scenario.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code scenario.json} in a scenario's report directory: which scenario ran, how far it got and
 * why it stopped, rewritten atomically at each phase so a run that dies or is interrupted still
 * says what state it was left in.
 *
 * <pre>{@code
 * {"scenario":"release-gate","file":"…/release-gate.yaml","status":"finished","phase":"report",
 *  "reason":"","started":"2026-11-22T06:40:00Z","ended":"…","twins":{"candidate":"http://127.0.0.1:41873"}}
 * }</pre>
 *
 * <p>{@code status} is {@code running}, {@code finished}, {@code failed} (a twin did not start, or
 * an error) or {@code interrupted} (Ctrl-C, SIGTERM).
 */
public final class RunRecord {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path file;
  private final Map<String, Object> fields = new LinkedHashMap<>();
  private final Map<String, String> twins = new LinkedHashMap<>();

  public RunRecord(Path file, String scenario, Path scenarioFile) {
    this.file = file;
    fields.put("scenario", scenario);
    fields.put("file", scenarioFile.toAbsolutePath().toString());
    fields.put("status", "running");
    fields.put("phase", "");
    fields.put("reason", "");
    fields.put("started", Instant.now().toString());
    fields.put("ended", "");
    fields.put("twins", twins);
  }

  public synchronized void phase(String phase) throws IOException {
    fields.put("phase", phase);
    write();
  }

  public synchronized void twin(String name, String url) throws IOException {
    twins.put(name, url);
    write();
  }

  /** The final state: {@code finished}, {@code failed} or {@code interrupted}, and why. */
  public synchronized void end(String status, String reason) throws IOException {
    fields.put("status", status);
    fields.put("reason", reason);
    fields.put("ended", Instant.now().toString());
    write();
  }

  private void write() throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(tmp, JSON.writeValueAsBytes(fields));
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
