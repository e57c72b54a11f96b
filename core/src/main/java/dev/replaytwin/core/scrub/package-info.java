/**
 * Scrubbing: personal data and secrets are removed from exchanges before they reach disk or a
 * mirror.
 *
 * <ul>
 *   <li>{@link dev.replaytwin.core.scrub.ScrubPolicy}: what to scrub and how (built-in defaults, or
 *       a YAML file);
 *   <li>{@link dev.replaytwin.core.scrub.ScrubKey}: the secret keying pseudonyms;
 *   <li>{@link dev.replaytwin.core.scrub.Scrubber}: applies a policy to exchanges;
 *   <li>{@link dev.replaytwin.core.scrub.PiiScanner}: audits exchanges for personal data left in them.
 * </ul>
 *
 * <p>The policy format, the pseudonym formats and the limits are described in
 * {@code docs/scrubbing.md}.
 */
package dev.replaytwin.core.scrub;
