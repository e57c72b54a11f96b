package dev.replaytwin.deploy.docker;

import dev.replaytwin.deploy.DockerDriver;
import dev.replaytwin.deploy.Twin;
import dev.replaytwin.deploy.TwinContext;
import dev.replaytwin.deploy.TwinSpec;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A JVM that starts one container twin and never closes it: {@link DockerDriverIT} interrupts it
 * as Ctrl-C would, and checks that the container went with it. Arguments: image, twin name.
 */
public final class TwinHolder {
  private TwinHolder() {}

  public static void main(String[] args) throws Exception {
    TwinSpec.Docker spec = new TwinSpec.Docker(args[0], List.of(), Map.of("PORT", "${port}"), 8080,
        new TwinSpec.Health("/health", Duration.ofSeconds(90), Duration.ofMillis(100)), "");
    Twin twin = new DockerDriver().start(spec,
        new TwinContext(args[1], Map.of(), Files.createTempDirectory("replaytwin-holder")));
    System.out.println("healthy " + twin.baseUrl());
    Thread.sleep(Duration.ofMinutes(5).toMillis());
  }
}
