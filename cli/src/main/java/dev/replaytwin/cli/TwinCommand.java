package dev.replaytwin.cli;

public final class TwinCommand {
  public static void main(String[] args) {}
}
