/**
 * The shared language of ReplayTwin: the exchange model ({@code Exchange}),
 * the {@code .twcap} capture format (package {@code capture}), scrubbing of personal data
 * (package {@code scrub}), and endpoint naming (package {@code endpoint}).
 */
package dev.replaytwin.core;
