package dev.replaytwin.core.capture;

/** When a capture writer asks the operating system to put sealed blocks on the disk itself. */
public enum FsyncPolicy {
  /** Leave it to the operating system; a machine crash may lose recent blocks, a process crash does not. */
  NEVER,
  /** Once when a segment is closed. */
  ON_CLOSE,
  /** After every sealed block: a machine crash loses at most the open block. */
  EVERY_BLOCK
}
