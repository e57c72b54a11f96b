package dev.replaytwin.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.replaytwin.junit.ReplayTarget;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetMembersTest {
  static class Methods {
    @ReplayTarget
    static URI candidate() {
      return URI.create("http://127.0.0.1:9002");
    }

    @ReplayTarget(ReplayTarget.BASELINE)
    int baselinePort() {
      return 9001;
    }

    @ReplayTarget(ReplayTarget.NOISE)
    InetSocketAddress noise = new InetSocketAddress("127.0.0.1", 9003);
  }

  static class Subclass extends Methods {
    @Override
    @ReplayTarget(ReplayTarget.BASELINE)
    int baselinePort() {
      return 9101;
    }
  }

  static class Outer {
    @ReplayTarget
    String candidate = "http://127.0.0.1:7000/shop";

    @ReplayTarget(ReplayTarget.BASELINE)
    String baseline = "http://127.0.0.1:7001";
  }

  static class Inner {
    @ReplayTarget
    String candidate = "http://127.0.0.1:7100";
  }

  static class NoCandidate {
    @ReplayTarget(ReplayTarget.BASELINE)
    String baseline = "http://127.0.0.1:1";
  }

  static class Twice {
    @ReplayTarget
    String a = "http://127.0.0.1:1";

    @ReplayTarget
    String b = "http://127.0.0.1:2";
  }

  static class UnknownRole {
    @ReplayTarget("staging")
    String a = "http://127.0.0.1:1";
  }

  static class NotStarted {
    @ReplayTarget
    URI candidate;
  }

  static class WrongType {
    @ReplayTarget
    Object candidate = List.of();
  }

  static class WithParameter {
    @ReplayTarget
    URI candidate(int port) {
      return URI.create("http://127.0.0.1:" + port);
    }
  }

  @Test
  void readsStaticAndInstanceMethodsAndFieldsOfEveryKind() {
    Map<String, URI> t = TargetMembers.resolve(List.of(new Methods()));

    assertThat(t).containsEntry("candidate", URI.create("http://127.0.0.1:9002"))
        .containsEntry("baseline", URI.create("http://127.0.0.1:9001"))
        .containsEntry("baseline2", URI.create("http://127.0.0.1:9003"));
  }

  @Test
  void aSubclassMethodReplacesTheOneItOverrides() {
    assertThat(TargetMembers.resolve(List.of(new Subclass()))).containsEntry("baseline",
        URI.create("http://127.0.0.1:9101"));
  }

  @Test
  void aNestedClassesTargetReplacesItsEnclosingClasses() {
    Map<String, URI> t = TargetMembers.resolve(List.of(new Outer(), new Inner()));

    assertThat(t).containsEntry("candidate", URI.create("http://127.0.0.1:7100"))
        .containsEntry("baseline", URI.create("http://127.0.0.1:7001"));
  }

  @Test
  void eachMistakeIsNamedWithItsMember() {
    assertThatThrownBy(() -> TargetMembers.resolve(List.of(new NoCandidate())))
        .hasMessageStartingWith("no @ReplayTarget candidate in " + NoCandidate.class.getName());
    assertThatThrownBy(() -> TargetMembers.resolve(List.of(new Twice())))
        .hasMessageStartingWith("@ReplayTarget(\"candidate\") is given twice: Twice.").hasMessageContaining("Twice.a")
        .hasMessageContaining("Twice.b");
    assertThatThrownBy(() -> TargetMembers.resolve(List.of(new UnknownRole())))
        .hasMessage("UnknownRole.a: @ReplayTarget(\"staging\") (expected: \"candidate\", \"baseline\" or \"baseline2\")");
    assertThatThrownBy(() -> TargetMembers.resolve(List.of(new NotStarted())))
        .hasMessageStartingWith("NotStarted.candidate: is null (expected: the URL of a service the test started");
    assertThatThrownBy(() -> TargetMembers.resolve(List.of(new WrongType())))
        .hasMessageContaining("WrongType.candidate: a java.util.ImmutableCollections$ListN (expected: a URI");
    assertThatThrownBy(() -> TargetMembers.resolve(List.of(new WithParameter())))
        .hasMessageStartingWith("WithParameter.candidate(): takes parameters");
  }
}
