/**
 * Implementation of scrubbing: detectors, pseudonym formats, the policy model and its YAML reader,
 * and the scrubbers for targets, headers, cookies, forms and JSON. Not public API; use
 * {@link dev.replaytwin.core.scrub.Scrubber}, {@link dev.replaytwin.core.scrub.ScrubPolicy} and
 * {@link dev.replaytwin.core.scrub.PiiScanner}.
 */
package dev.replaytwin.core.scrub.internal;
