package dev.replaytwin.cli;

import picocli.CommandLine.Command;

/** {@code twin capture}: record production traffic, and look into and check capture files. */
@Command(
    name = "capture",
    description = "Record production traffic (proxy), and look into and check .twcap capture files.",
    subcommands = {CaptureProxyCommand.class, CaptureCatCommand.class, CaptureStatsCommand.class,
        CaptureAuditCommand.class})
public final class CaptureCommand {}
