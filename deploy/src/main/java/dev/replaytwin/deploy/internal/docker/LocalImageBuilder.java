package dev.replaytwin.deploy.internal.docker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.replaytwin.core.Sha256;
import dev.replaytwin.deploy.DeployException;
import dev.replaytwin.deploy.LocalImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a {@link LocalImage}: jlink, {@code ldd}, the build context as a tar, the engine's build
 * API. Before any of that it digests the inputs (the JDK, the modules, the jars, the JVM options,
 * the host libraries the JDK links) and looks for an image tagged alike and labelled with that
 * digest: a second build of the same inputs costs a few hashes and one API call.
 */
public final class LocalImageBuilder {
  /** The label holding the digest of an image's inputs. */
  public static final String DIGEST_LABEL = "dev.replaytwin.local-image.digest";
  /** Changes whenever what this class puts in an image changes, so old images are rebuilt. */
  private static final String LAYOUT = "replaytwin local image, layout 2";
  private static final String JAVA = "/opt/java";
  private static final Logger LOG = LoggerFactory.getLogger(LocalImageBuilder.class);

  private final LocalImage image;

  public LocalImageBuilder(LocalImage image) {
    this.image = image;
  }

  /** What a build gave: the reference, the image's id, its input digest, and whether it was already there. */
  public record Built(String reference, String imageId, String digest, boolean cached) {}

  public Built build() throws DeployException, InterruptedException {
    String reference = image.reference();
    if (!System.getProperty("os.name", "").startsWith("Linux")) {
      throw new DeployException(reference + ": local images are built on Linux (jlink's output and ldd must"
          + " match the image's platform); use deploy/docker/Dockerfile elsewhere");
    }
    Path jlink = image.javaHome().resolve("bin/jlink");
    if (!Files.isExecutable(jlink)) {
      throw new DeployException(reference + ": " + jlink + " not found: build local images with a JDK, not a JRE"
          + " (set JAVA_HOME to one)");
    }
    DockerClient client;
    try {
      client = DockerEngine.client();
    } catch (DeployException e) {
      throw new DeployException(reference + ": " + e.getMessage(), e.details(), e);
    }
    String digest = step(reference, "digest its inputs", this::digest);
    Optional<InspectImageResponse> existing = inspect(client, reference);
    if (existing.isPresent() && digest.equals(labels(existing.get()).get(DIGEST_LABEL))) {
      return new Built(reference, existing.get().getId(), digest, true);
    }
    Path work = step(reference, "create a work directory", () -> Files.createTempDirectory("replaytwin-image"));
    try {
      Path runtime = work.resolve("runtime");
      jlink(jlink, runtime);
      ImageContext context = step(reference, "collect the image's files", () -> context(runtime, work));
      Path tar = work.resolve("context.tar");
      step(reference, "write the build context", () -> {
        try (OutputStream out = Files.newOutputStream(tar)) {
          context.writeTo(out, dockerfile());
        }
        return tar;
      });
      dockerBuild(client, tar, digest);
      // The build answers a short id; the engine's inspect has the full one, as a cache hit reports it.
      String id = inspect(client, reference).map(InspectImageResponse::getId)
          .orElseThrow(() -> new DeployException(reference + ": built, but the engine does not know the tag"));
      existing.filter(old -> !old.getId().equals(id)).ifPresent(old -> removeQuietly(client, old.getId()));
      return new Built(reference, id, digest, false);
    } finally {
      deleteQuietly(work);
    }
  }

  /** The digest of everything that goes into the image. */
  public String digest() throws IOException, InterruptedException {
    Path home = image.javaHome().toRealPath();
    StringBuilder inputs = new StringBuilder(LAYOUT).append('\n');
    inputs.append("jdk ").append(home).append('\n');
    Path release = home.resolve("release");
    if (Files.isRegularFile(release)) {
      inputs.append(Files.readString(release, StandardCharsets.UTF_8)).append('\n');
    }
    inputs.append("modules ").append(String.join(",", image.modules().stream().sorted().toList())).append('\n');
    inputs.append("main ").append(image.mainClass()).append('\n');
    inputs.append("jvm ").append(String.join("\u0000", image.jvmOptions())).append('\n');
    inputs.append("workdir ").append(image.workDir()).append('\n');
    for (Path jar : image.jars()) {
      inputs.append("jar ").append(jar.getFileName()).append(' ').append(Sha256.ofFiles(List.of(jar))).append('\n');
    }
    // The JDK's own libraries stand for the ones the runtime will link: a host upgrade rebuilds.
    List<Path> binaries = Stream.of(home.resolve("bin/java"), home.resolve("lib/server/libjvm.so"))
        .filter(Files::isRegularFile).toList();
    SharedLibraries host = SharedLibraries.of(binaries, List.of(home.resolve("lib/server"), home.resolve("lib")), home);
    for (String library : host.libraries()) {
      Path real = Path.of(library).toRealPath();
      inputs.append("lib ").append(library).append(' ').append(real).append(' ').append(Files.size(real)).append(' ')
          .append(Files.getLastModifiedTime(real).toMillis()).append('\n');
    }
    return Sha256.of(inputs.toString().getBytes(StandardCharsets.UTF_8));
  }

  private void jlink(Path jlink, Path runtime) throws DeployException, InterruptedException {
    List<String> command = List.of(jlink.toString(), "--add-modules", String.join(",", image.modules()),
        "--strip-debug", "--no-header-files", "--no-man-pages", "--output", runtime.toString());
    ExternalTool.Result result = step(image.reference(), "run jlink",
        () -> new ExternalTool(command, Map.of(), Duration.ofMinutes(5)).run());
    if (!result.ok()) {
      String first = result.output().lines().filter(l -> !l.isBlank()).findFirst().orElse("exit " + result.exitCode());
      throw new DeployException(image.reference() + ": jlink failed: " + first.strip(), result.output(), null);
    }
  }

  private ImageContext context(Path runtime, Path work) throws IOException, InterruptedException {
    ImageContext context = new ImageContext().tree(JAVA, runtime);
    List<Path> binaries = new ArrayList<>();
    try (Stream<Path> files = Files.walk(runtime)) {
      files.filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().endsWith(".so") || Files.isExecutable(f))
          .sorted().forEach(binaries::add);
    }
    List<Path> searchPath = List.of(runtime.resolve("lib/server"), runtime.resolve("lib"));
    SharedLibraries libraries = SharedLibraries.of(binaries, searchPath, runtime);
    if (libraries.libraries().isEmpty()) {
      throw new IOException("ldd found no libraries for " + runtime.resolve("bin/java")
          + "; local images need a JDK built for this Linux");
    }
    if (!libraries.missing().isEmpty()) {
      // Typically the X11 libraries of java.desktop on a headless host: only a GUI would load them.
      LOG.warn("{}: ldd cannot find {}; the image starts without them until something loads them",
          image.reference(), libraries.missing());
    }
    List<String> all = new ArrayList<>(libraries.libraries());
    Path nativesDir = work.resolve("natives");
    List<Path> natives = JarNatives.extract(image.jars(), JarNatives.machineOf(runtime.resolve("bin/java")), nativesDir);
    if (!natives.isEmpty()) {
      SharedLibraries linked = SharedLibraries.of(natives, searchPath, nativesDir);
      linked.libraries().stream().filter(l -> !l.startsWith(runtime.toString())).forEach(all::add);
      LOG.debug("{}: native code in the jars links {}; not found: {}", image.reference(), linked.libraries(),
          linked.missing());
    }
    for (String library : all) {
      context.file(library, Path.of(library).toRealPath());
    }
    for (Path jar : image.jars()) {
      context.file("/app/" + jar.getFileName(), jar.toRealPath());
    }
    context.directory("/tmp", ImageContext.STICKY_WORLD_WRITABLE)
        .directory("/root", 0700)
        .text("/etc/passwd", "root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\n")
        .text("/etc/group", "root:x:0:\nnogroup:x:65534:\n")
        .text("/etc/nsswitch.conf", "passwd: files\ngroup: files\nhosts: files dns\n");
    if (!image.workDir().equals("/")) {
      context.directory(image.workDir(), ImageContext.DIRECTORY);
    }
    return context;
  }

  /** The Dockerfile: everything in one layer, the JVM as entry point. */
  public String dockerfile() throws JsonProcessingException {
    List<String> entrypoint = new ArrayList<>();
    entrypoint.add(JAVA + "/bin/java");
    entrypoint.addAll(image.jvmOptions());
    entrypoint.add("-cp");
    entrypoint.add(String.join(":", image.jars().stream().map(j -> "/app/" + j.getFileName()).toList()));
    entrypoint.add(image.mainClass());
    return "FROM scratch\n"
        + "COPY rootfs/ /\n"
        + "ENV JAVA_HOME=" + JAVA + " PATH=" + JAVA + "/bin\n"
        + "WORKDIR " + image.workDir() + "\n"
        + "ENTRYPOINT " + new ObjectMapper().writeValueAsString(entrypoint) + "\n";
  }

  private String dockerBuild(DockerClient client, Path tar, String digest) throws DeployException {
    long start = System.nanoTime();
    try (InputStream in = Files.newInputStream(tar)) {
      String id = client.buildImageCmd(in)
          .withTags(Set.of(image.reference()))
          .withLabels(Map.of(DIGEST_LABEL, digest))
          .withPull(false)
          .withRemove(true)
          .withForcerm(true)
          .exec(new BuildImageResultCallback())
          .awaitImageId(10, TimeUnit.MINUTES);
      LOG.debug("{}: docker build took {} ms", image.reference(), (System.nanoTime() - start) / 1_000_000);
      return id;
    } catch (IOException | RuntimeException e) {
      throw new DeployException(image.reference() + ": docker build failed: " + e.getMessage(), "", e);
    }
  }

  private static Optional<InspectImageResponse> inspect(DockerClient client, String reference) {
    try {
      return Optional.of(client.inspectImageCmd(reference).exec());
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  private static Map<String, String> labels(InspectImageResponse image) {
    return image.getConfig() == null || image.getConfig().getLabels() == null ? Map.of()
        : image.getConfig().getLabels();
  }

  /** The image this build replaced under the same tag, unless a container or another tag still uses it. */
  private static void removeQuietly(DockerClient client, String imageId) {
    try {
      client.removeImageCmd(imageId).withForce(false).exec();
    } catch (RuntimeException e) {
      LOG.debug("kept image {}: {}", imageId, e.getMessage());
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> {
        try {
          Files.deleteIfExists(f);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("cannot delete {}: {}", dir, e.getMessage());
    }
  }

  private interface Step<T> {
    T run() throws IOException, InterruptedException;
  }

  private static <T> T step(String reference, String what, Step<T> step) throws DeployException, InterruptedException {
    long start = System.nanoTime();
    try {
      T result = step.run();
      LOG.debug("{}: {} took {} ms", reference, what, (System.nanoTime() - start) / 1_000_000);
      return result;
    } catch (IOException e) {
      throw new DeployException(reference + ": cannot " + what + ": " + e.getMessage(), "", e);
    }
  }
}
