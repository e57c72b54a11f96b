package dev.replaytwin.deploy.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.replaytwin.deploy.LocalImage;
import dev.replaytwin.deploy.internal.docker.LocalImageBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LocalImageTest {
  private static final List<Path> JARS = List.of(Path.of("lib/a.jar"), Path.of("shop.jar"));
  private static final Set<String> MODULES = Set.of("java.base", "jdk.httpserver");

  @Test
  void referenceAddsLatestOnlyWhenTheTagNamesNoTag() {
    assertThat(LocalImage.javaApp("shop", JARS, "com.example.Shop", MODULES).reference()).isEqualTo("shop:latest");
    assertThat(LocalImage.javaApp("localhost:5000/team/shop:1.5", JARS, "com.example.Shop", MODULES).reference())
        .isEqualTo("localhost:5000/team/shop:1.5");
    assertThat(LocalImage.javaApp("localhost:5000/shop", JARS, "com.example.Shop", MODULES).reference())
        .isEqualTo("localhost:5000/shop:latest");
  }

  @Test
  void dockerfileCopiesOneTreeAndRunsTheMainClassWithTheJarsInOrder() throws Exception {
    LocalImage image = LocalImage.javaApp("shop:local", JARS, "com.example.Shop", MODULES)
        .withJvmOptions(List.of("-XX:+UseZGC", "-Dgreeting=\"hi\"")).withWorkDir("/work");

    assertThat(new LocalImageBuilder(image).dockerfile()).isEqualTo("""
        FROM scratch
        COPY rootfs/ /
        ENV JAVA_HOME=/opt/java PATH=/opt/java/bin
        WORKDIR /work
        ENTRYPOINT ["/opt/java/bin/java","-XX:+UseZGC","-Dgreeting=\\"hi\\"","-cp","/app/a.jar:/app/shop.jar","com.example.Shop"]
        """);
  }

  @Test
  void refusesWhatCannotMakeAnImage() {
    assertThatThrownBy(() -> LocalImage.javaApp("Shop:1", JARS, "com.example.Shop", MODULES))
        .hasMessage("tag: \"Shop:1\" (expected: an image reference such as shop:local, lower-case name)");
    assertThatThrownBy(() -> LocalImage.javaApp("shop", List.of(), "com.example.Shop", MODULES))
        .hasMessage("jars: [] (expected: at least the application's jar)");
    assertThatThrownBy(() -> LocalImage.javaApp("shop", List.of(Path.of("a/x.jar"), Path.of("b/x.jar")),
        "com.example.Shop", MODULES))
        .hasMessage("jars: b/x.jar (expected: distinct file names, they share /app/)");
    assertThatThrownBy(() -> LocalImage.javaApp("shop", JARS, "com.example.Shop main", MODULES))
        .hasMessage("mainClass: \"com.example.Shop main\" (expected: a class name such as com.example.Main)");
    assertThatThrownBy(() -> LocalImage.javaApp("shop", JARS, "com.example.Shop", Set.of()))
        .hasMessage("modules: [] (expected: module names such as java.base)");
    assertThatThrownBy(() -> LocalImage.javaApp("shop", JARS, "com.example.Shop", MODULES).withWorkDir("work"))
        .hasMessage("workDir: \"work\" (expected: an absolute path such as /work)");
  }
}
