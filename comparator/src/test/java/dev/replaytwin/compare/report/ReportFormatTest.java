package dev.replaytwin.compare.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ReportFormatTest {
  @Test
  void parsesTheCommaSeparatedNamesInAnyCaseWithSpaces() {
    assertThat(ReportFormat.parse("json,md,junit,html")).isEqualTo(EnumSet.allOf(ReportFormat.class));
    assertThat(ReportFormat.parse(" HTML , md")).containsExactly(ReportFormat.MD, ReportFormat.HTML);
    assertThat(ReportFormat.parse("junit,junit")).containsExactly(ReportFormat.JUNIT);
  }

  @Test
  void rejectsAnUnknownNameListingTheValidOnes() {
    assertThatThrownBy(() -> ReportFormat.parse("json,pdf"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("report format 'pdf' is unknown (expected: json, md, junit, html)");
  }

  @Test
  void rejectsAnEmptyName() {
    assertThatThrownBy(() -> ReportFormat.parse("json,,md"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("report format '' is unknown (expected: json, md, junit, html)");
    assertThatThrownBy(() -> ReportFormat.parse(""))
        .hasMessageContaining("(expected: json, md, junit, html)");
  }

  @Test
  void namesTheFilesOfTheRunDirectoryLayout() {
    assertThat(EnumSet.allOf(ReportFormat.class)).extracting(ReportFormat::fileName)
        .containsExactly("verdict.json", "summary.md", "junit.xml", "index.html");
  }
}
