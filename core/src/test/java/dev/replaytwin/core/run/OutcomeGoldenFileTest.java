package dev.replaytwin.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutcomeGoldenFileTest {

  @Test
  void version1ReferenceFileStillReads() throws IOException {
    try (OutcomeReader reader = OutcomeReader.open(GoldenOutcomes.RESOURCE)) {
      assertThat(OutcomeFiles.readAll(reader)).containsExactlyElementsOf(GoldenOutcomes.outcomes());
      assertThat(reader.truncated()).isFalse();
    }
  }

  @Test
  void writerStillWritesVersion1Rows(@TempDir Path dir) throws IOException {
    // Readers of version 1 exist in the field: what we write as version 1 must not drift. The
    // compressed bytes may change with zstd; the lines may not.
    GoldenOutcomes.main(new String[] {dir.toString()});
    Path fresh = dir.resolve(GoldenOutcomes.RESOURCE.getFileName());

    assertThat(OutcomeFiles.lines(fresh)).containsExactlyElementsOf(OutcomeFiles.lines(GoldenOutcomes.RESOURCE));
  }
}
