/**
 * The comparator: judges a run directory (candidate against baseline, with an optional A/A noise
 * target) and renders the verdict and its reports.
 */
package dev.replaytwin.compare;
