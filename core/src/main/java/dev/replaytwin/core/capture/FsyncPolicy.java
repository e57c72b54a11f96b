package dev.replaytwin.core.capture;

/** When a capture writer asks the operating system to put sealed blocks on the disk itself. */
public enum FsyncPolicy {
  /** Leave it to the operating system; a machine crash may lose recent blocks, a process crash does not. */
  NEVER,
  /** Once when a segment is closed. */
  ON_CLOSE,
  /**
   * After every sealed block, on a background thread so appends never wait for the disk (a slow
   * disk coalesces several blocks into one fsync): a machine crash loses the open block and at most
   * the blocks whose fsync was under way. Segments are forced when closed.
   */
  EVERY_BLOCK
}
