package dev.replaytwin.deploy.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.replaytwin.deploy.LocalImage;
import dev.replaytwin.deploy.internal.docker.DockerEngine;
import dev.replaytwin.deploy.internal.docker.LocalImageBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Local images against a real engine: what goes in, and when a build is skipped. */
@ExtendWith(DockerEngineRequirement.class)
class LocalImageIT {
  @TempDir Path dir;

  @Test
  void aSecondBuildOfTheSameInputsFindsTheImage() throws Exception {
    String reference = TestImages.echo();
    DockerClient client = DockerEngine.client();
    String id = client.inspectImageCmd(reference).exec().getId();

    long start = System.nanoTime();
    LocalImageBuilder.Built again = new LocalImageBuilder(TestImages.echoImage()).build();
    System.out.printf(Locale.ROOT, "[docker-it] %s up to date in %.2f s%n", reference, (System.nanoTime() - start) / 1e9);

    assertThat(again.cached()).isTrue();
    assertThat(again.imageId()).isEqualTo(id);
    InspectImageResponse image = client.inspectImageCmd(reference).exec();
    assertThat(image.getConfig().getLabels()).containsEntry(LocalImageBuilder.DIGEST_LABEL, again.digest());
    assertThat(image.getConfig().getEntrypoint()).containsExactly("/opt/java/bin/java", "-cp", "/app/echo.jar",
        EchoApp.class.getName());
    assertThat(image.getRootFS().getLayers()).hasSize(1);
    System.out.printf(Locale.ROOT, "[docker-it] %s is %.1f MB%n", reference, image.getSize() / 1e6);
  }

  @Test
  void aChangedJarMakesANewImageAndDropsTheOneItReplaces() throws Exception {
    DockerClient client = DockerEngine.client();
    String tag = "replaytwin-it/changing:" + UUID.randomUUID().toString().substring(0, 8);
    LocalImage first = image(tag, "one");
    LocalImage second = image(tag, "two");
    try {
      LocalImageBuilder.Built built = new LocalImageBuilder(first).build();
      LocalImageBuilder.Built rebuilt = new LocalImageBuilder(second).build();

      assertThat(built.cached()).isFalse();
      assertThat(rebuilt.cached()).isFalse();
      assertThat(rebuilt.digest()).isNotEqualTo(built.digest());
      assertThat(client.inspectImageCmd(tag).exec().getId()).isEqualTo(rebuilt.imageId());
      assertThatThrownBy(() -> client.inspectImageCmd(built.imageId()).exec()).isInstanceOf(NotFoundException.class);
    } finally {
      try {
        client.removeImageCmd(tag).exec();
      } catch (NotFoundException e) {
        // The build failed before tagging: nothing to clean.
      }
    }
  }

  private LocalImage image(String tag, String content) throws Exception {
    Path jar = TestImages.jar(dir.resolve(content).resolve("echo.jar").toAbsolutePath(), Map.of("version.txt", content));
    return LocalImage.javaApp(tag, List.of(jar), EchoApp.class.getName(), Set.of("java.base"));
  }
}
