package dev.replaytwin.deploy.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.replaytwin.deploy.internal.docker.ImageContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageContextTest {
  @TempDir Path dir;

  @Test
  void writesTheDockerfileFirstThenTheTreeSortedWithParentsAndModes() throws IOException {
    Path runtime = Files.createDirectories(dir.resolve("runtime/bin"));
    Files.writeString(runtime.resolve("java"), "elf");
    Files.setPosixFilePermissions(runtime.resolve("java"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(dir.resolve("runtime/release"), "JAVA_VERSION=17");
    Path app = Files.writeString(dir.resolve("app.jar"), "jar");

    Map<String, TarArchiveEntry> entries = read(write(new ImageContext()
        .tree("/opt/java", dir.resolve("runtime"))
        .file("/app/app.jar", app)
        .directory("/tmp", ImageContext.STICKY_WORLD_WRITABLE)
        .text("/etc/passwd", "root:x:0:0:root:/root:/sbin/nologin\n")));

    assertThat(entries.keySet()).containsExactly("Dockerfile", "rootfs/app/", "rootfs/app/app.jar", "rootfs/etc/",
        "rootfs/etc/passwd", "rootfs/opt/", "rootfs/opt/java/", "rootfs/opt/java/bin/", "rootfs/opt/java/bin/java",
        "rootfs/opt/java/release", "rootfs/tmp/");
    assertThat(entries.get("rootfs/opt/java/bin/java").getMode() & 07777).isEqualTo(0755);
    assertThat(entries.get("rootfs/opt/java/release").getMode() & 07777).isEqualTo(0644);
    assertThat(entries.get("rootfs/tmp/").getMode() & 07777).isEqualTo(01777);
    assertThat(entries.get("rootfs/tmp/").isDirectory()).isTrue();
    assertThat(entries.values()).allSatisfy(e -> {
      assertThat(e.getLastModifiedDate().getTime()).isZero();
      assertThat(e.getLongUserId()).isZero();
    });
  }

  @Test
  void theSameFilesGiveTheSameBytes() throws IOException {
    Path app = Files.writeString(dir.resolve("app.jar"), "jar");

    byte[] first = write(new ImageContext().file("/app/app.jar", app).directory("/tmp", 01777));
    Files.setLastModifiedTime(app, java.nio.file.attribute.FileTime.fromMillis(123_456_789));
    byte[] second = write(new ImageContext().directory("/tmp", 01777).file("/app/app.jar", app));

    assertThat(second).isEqualTo(first);
  }

  @Test
  void refusesRelativeOrEscapingPaths() {
    assertThatThrownBy(() -> new ImageContext().text("etc/passwd", ""))
        .hasMessage("path: \"etc/passwd\" (expected: an absolute path in the image)");
    assertThatThrownBy(() -> new ImageContext().text("/app/../../x", ""))
        .hasMessageStartingWith("path: \"/app/../../x\"");
  }

  private static byte[] write(ImageContext context) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    context.writeTo(out, "FROM scratch\n");
    return out.toByteArray();
  }

  private static Map<String, TarArchiveEntry> read(byte[] tar) throws IOException {
    Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
      TarArchiveEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        entries.put(entry.getName(), entry);
        if (entry.getName().equals("Dockerfile")) {
          assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("FROM scratch\n");
        }
      }
    }
    return entries;
  }
}
