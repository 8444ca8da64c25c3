/**
 * Confidential content: what is said between coach and client, reflections and evaluation answers. Form fields named
 * {@code confidential...} (for coach and client) or {@code private...} (for their author only) are taken out of the
 * engine when their task completes and kept in the product's confidential store; the engine's history never sees them.
 */
package org.tandem.privacy;
