package dev.replaytwin.scenario.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.replaytwin.deploy.LocalImage;
import dev.replaytwin.scenario.demo.ShopImage;
import dev.replaytwin.scenario.demo.ShopService;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What goes into the demo shop's image, checked without an engine. */
class ShopImageTest {
  @TempDir Path dir;

  @Test
  void theJarHoldsTheShopsClassesButNotTheImageBuilders() throws Exception {
    Path jar = ShopImage.writeJar(dir.resolve("shop.jar"));

    try (JarFile file = new JarFile(jar.toFile())) {
      List<String> names = Collections.list(file.entries()).stream().map(JarEntry::getName).toList();
      assertThat(names).contains("META-INF/MANIFEST.MF", "dev/replaytwin/scenario/demo/ShopService.class",
          "dev/replaytwin/scenario/demo/Payments.class", "dev/replaytwin/scenario/demo/Release.class")
          .noneMatch(n -> n.contains("ShopImage"))
          .allMatch(n -> n.startsWith("META-INF/") || n.startsWith("dev/replaytwin/scenario/demo/"));
      assertThat(file.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo(ShopService.class.getName());
    }
  }

  @Test
  void theSameClassesMakeTheSameBytes() throws Exception {
    Path first = ShopImage.writeJar(dir.resolve("a/demo-shop.jar"));
    Path second = ShopImage.writeJar(dir.resolve("b/demo-shop.jar"));

    assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
  }

  @Test
  void theImageRunsTheShopOnARuntimeOfItsThreeModules() throws Exception {
    LocalImage image = ShopImage.image(ShopImage.TAG, dir.resolve("demo-shop.jar"));

    assertThat(image.reference()).isEqualTo("replaytwin-demo-shop:local");
    assertThat(image.mainClass()).isEqualTo(ShopService.class.getName());
    assertThat(image.modules()).containsExactlyInAnyOrder("java.base", "java.net.http", "jdk.httpserver");
  }

  @Test
  void anUnknownArgumentExitsTwoWithOneLine() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code = ShopImage.run(new String[] {"--release", "1.5"}, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(
        "error: --release: unknown argument (expected: [--tag TAG], default replaytwin-demo-shop:local)");
  }

  @Test
  void aBadTagExitsTwoBeforeAnyBuild() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code = ShopImage.run(new String[] {"--tag", "Shop:Local"}, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: tag: \"Shop:Local\" (expected: an image reference");
  }
}
