/**
 * The {@code twin} command line: one picocli command class per subcommand, entry point
 * {@link dev.replaytwin.cli.TwinCommand}. Exit codes are in {@link dev.replaytwin.cli.ExitCodes}.
 */
package dev.replaytwin.cli;
