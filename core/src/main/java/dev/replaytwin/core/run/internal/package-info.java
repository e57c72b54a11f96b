/**
 * Implementation of the outcomes file: its JSON row codec and the stream plumbing behind
 * {@link dev.replaytwin.core.run.OutcomeWriter} and {@link dev.replaytwin.core.run.OutcomeReader}.
 * Not public API.
 */
package dev.replaytwin.core.run.internal;
