/** Formatting, parsing and error handling behind the {@code twin} commands; not an API. */
package dev.replaytwin.cli.internal;
