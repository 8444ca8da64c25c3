package org.tandem.privacy;

/** An erasure request was held; the person who asked is told why. */
public record ErasureHeld(String requestId, String raisedBy, String reason) {
}
