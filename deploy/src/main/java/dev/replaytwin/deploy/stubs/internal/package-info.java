/** How stubs are made (field analysis, latency fitting, mappings) and served (faults, delays, call log). */
package dev.replaytwin.deploy.stubs.internal;
