package dev.replaytwin.core.scrub.internal;

import java.util.List;

/** The names of the built-in rules about whole bodies and request targets. */
public final class BodyRules {
  /** A binary body of a type the policy does not keep was dropped. */
  public static final String BINARY_DROPPED = "body:binary-dropped";
  /** A body with a content coding that cannot be decoded (or a bad one) was dropped. */
  public static final String UNDECODABLE_DROPPED = "body:undecodable-dropped";
  /** A gzip or deflate body was stored decoded. */
  public static final String DECODED = "body:decoded";
  /** The user name and password in an absolute-form target or URL were redacted. */
  public static final String USERINFO = "target:userinfo";

  static final List<String> ALL = List.of(BINARY_DROPPED, UNDECODABLE_DROPPED, DECODED, USERINFO, FailClosed.RULE);

  private BodyRules() {}
}
