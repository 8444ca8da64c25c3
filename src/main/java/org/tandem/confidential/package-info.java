/**
 * The sealed confidential store: what is said between coach and client, reflections and evaluation answers. Form
 * fields named {@code confidential...} (for coach and client) or {@code private...} (for their author only) are taken
 * out of the engine when their task completes and kept here, sealed with AES-256-GCM under a key of the product's
 * own; the engine's history never sees them, nor {@code anonymous...} answers. {@code ConfidentialRecords} decides who
 * may read what and logs every read (SES-2, DP-4, DP-5, DP-6).
 */
package org.tandem.confidential;
