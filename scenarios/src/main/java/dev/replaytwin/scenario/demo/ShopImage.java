package dev.replaytwin.scenario.demo;

import dev.replaytwin.deploy.DeployException;
import dev.replaytwin.deploy.LocalImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The demo shop as a container image, built on this machine with {@link LocalImage}: {@code FROM
 * scratch}, a runtime jlinked from the running JDK with the three modules the shop uses, and a jar
 * of the shop's classes alone. No registry is involved. One image holds both releases; the
 * container's arguments choose one, as {@link ShopService#main}'s do, and must make it listen on
 * every interface of the container:
 *
 * <pre>{@code
 * String image = ShopImage.build();   // "replaytwin-demo-shop:local"
 * // docker run --rm -p 8080:8080 replaytwin-demo-shop:local --host 0.0.0.0 --port 8080 --release 1.5
 * }</pre>
 *
 * <p>A scenario twin runs it with {@code docker: {image: replaytwin-demo-shop:local, port: 8080,
 * command: [--host, 0.0.0.0, --port, "${port}", --release, "1.5", --payments, "${dep.payments.url}"]}}.
 * From the command line: {@code java -cp cli/target/twin.jar dev.replaytwin.scenario.demo.ShopImage [--tag TAG]}.
 * Building again while the shop's classes and the JDK are unchanged only checks the image is up to date.
 */
public final class ShopImage {
  /** The tag {@link #build()} gives the image. */
  public static final String TAG = "replaytwin-demo-shop:local";
  /** The modules the shop needs: its HTTP server and the payments client. */
  public static final Set<String> MODULES = Set.of("java.base", "java.net.http", "jdk.httpserver");
  private static final String JAR_NAME = "demo-shop.jar";

  private ShopImage() {}

  /** Builds the image as {@link #TAG}, or finds it up to date; returns the reference. */
  public static String build() throws DeployException, InterruptedException {
    return build(TAG);
  }

  /**
   * Builds the image as {@code tag}, or finds it up to date.
   *
   * @return the image reference, {@code tag} with {@code :latest} when it names no tag
   * @throws DeployException when there is no engine, no jlink, or the build fails; one line saying which
   */
  public static String build(String tag) throws DeployException, InterruptedException {
    Path work;
    try {
      work = Files.createTempDirectory("replaytwin-shop-image");
    } catch (IOException e) {
      throw new DeployException(tag + ": cannot create a work directory: " + e.getMessage(), "", e);
    }
    try {
      Path jar;
      try {
        jar = writeJar(work.resolve(JAR_NAME));
      } catch (IOException e) {
        throw new DeployException(tag + ": cannot write the shop's jar: " + e.getMessage(), "", e);
      }
      return image(tag, jar).build();
    } finally {
      try {
        Files.deleteIfExists(work.resolve(JAR_NAME));
        Files.deleteIfExists(work);
      } catch (IOException e) {
        // A leftover temporary directory of one small jar: not worth failing a build that worked.
      }
    }
  }

  /** The image of the shop's jar {@code jar} (see {@link #writeJar}), to be tagged {@code tag}. */
  public static LocalImage image(String tag, Path jar) {
    return LocalImage.javaApp(tag, List.of(jar), ShopService.class.getName(), MODULES);
  }

  /**
   * Writes the shop's classes, and only those, to {@code jar}, with {@link ShopService} as its main
   * class: the same bytes for the same classes. They come from wherever this class was loaded from
   * (a classes directory, the scenarios jar, {@code twin.jar}).
   *
   * @return {@code jar}
   */
  public static Path writeJar(Path jar) throws IOException {
    return ShopImageJar.write(jar);
  }

  public static void main(String[] args) throws InterruptedException {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * {@link #main} without the exit: 0 when the image is there, 2 for bad arguments, 4 when the
   * build fails, with one line on {@code err}.
   */
  public static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
    String tag = TAG;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--tag") && i + 1 < args.length) {
        tag = args[++i];
      } else {
        err.println("error: " + args[i] + (args[i].equals("--tag") ? ": needs a value" : ": unknown argument")
            + " (expected: [--tag TAG], default " + TAG + ")");
        return 2;
      }
    }
    long start = System.nanoTime();
    String reference;
    try {
      reference = build(tag);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return 2;
    } catch (DeployException e) {
      err.println("error: " + e.getMessage());
      return 4;
    }
    out.printf(Locale.ROOT, "%s ready in %.1f s; run it with:%n", reference, (System.nanoTime() - start) / 1e9);
    out.println("  docker run --rm -p 8080:8080 " + reference + " --host 0.0.0.0 --port 8080 --release 1.5");
    return 0;
  }
}
