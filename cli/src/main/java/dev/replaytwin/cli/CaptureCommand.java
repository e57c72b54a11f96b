package dev.replaytwin.cli;

import picocli.CommandLine.Command;

/** {@code twin capture}: the group of commands that look into and check capture files. */
@Command(
    name = "capture",
    description = "Look into and check .twcap capture files.",
    subcommands = {CaptureCatCommand.class, CaptureStatsCommand.class, CaptureAuditCommand.class})
public final class CaptureCommand {}
