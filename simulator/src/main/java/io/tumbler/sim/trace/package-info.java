/**
 * The trace journal: every kernel event as a (type, time, process, two numeric fields) record, folded into a
 * rolling 64-bit fingerprint that identifies the run. Text is kept only on request.
 */
package io.tumbler.sim.trace;
